//! `cargo xtask list`: every exercise, its title and its state, worked out
//! from what the code does now (there is no progress file to go stale).

use std::fmt::Write as _;

use crate::RunError;
use crate::commands::{learner_verdicts, warnings};
use crate::engine::course::{Course, Exercise};
use crate::engine::{Scope, Verdict};
use crate::texts::messages::{self, State};
use crate::ui::Ui;

pub fn run(course: &Course, ui: &Ui) -> Result<bool, RunError> {
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let (warned, layout_broken) = warnings(course, ui, &all);
    print!("{warned}");
    let verdicts = learner_verdicts(course, ui, Scope::All)?;
    print!("{}", render(course, ui, &verdicts));
    Ok(verdicts.iter().all(Verdict::passed) && !layout_broken)
}

/// The table, from verdicts in course order; an exercise past the end of
/// `verdicts` (not checked yet) is pending.
pub fn render(course: &Course, ui: &Ui, verdicts: &[Verdict]) -> String {
    let mut out = String::new();
    let next = (0..course.exercises.len()).find(|&i| !verdicts.get(i).is_some_and(Verdict::passed));
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
    let _ = writeln!(out, "\n{}", ui.progress(done, course.exercises.len()));
    out
}
