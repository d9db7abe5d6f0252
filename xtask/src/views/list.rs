//! The table of `list` (and of `watch`'s `l`): every exercise with its
//! number, name, title and state.

use std::fmt::Write as _;

use crate::engine::Verdict;
use crate::engine::course::Course;
use crate::engine::progress::Progress;
use crate::texts::messages::{self, State};
use crate::ui::Ui;

/// The table, from verdicts in course order; an exercise past the end of
/// `verdicts` (not checked yet) is pending.
pub fn render(course: &Course, ui: &Ui, verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    let next = Progress::of(verdicts, course.exercises.len()).next;
    let name_width = course
        .exercises
        .iter()
        .map(|e| e.name.len())
        .max()
        .unwrap_or(0);
    for (i, exercise) in course.exercises.iter().enumerate() {
        let state = match verdicts.get(i) {
            Some(v) if v.passed() => ui.good(&messages::state(ui.lang, State::Done)),
            _ if next == Some(i) => ui.warn(&messages::state(ui.lang, State::Next)),
            _ => messages::state(ui.lang, State::Pending),
        };
        let _ = writeln!(
            out,
            "{:02}  {:<name_width$}  {state}  {}",
            exercise.number,
            exercise.name,
            exercise.texts(ui.lang).title
        );
    }
    let done = verdicts.iter().filter(|v| v.passed()).count();
    let _ = writeln!(
        out,
        "\n{}",
        crate::views::progress(ui, done, course.exercises.len())
    );
    out
}
