//! `cargo xtask hint [EXERCISE]`: the hints of an exercise, from a nudge to
//! a near answer. Without an exercise, the next one (which means finding out
//! which one that is, by verifying).

use std::fmt::Write as _;

use crate::RunError;
use crate::commands::next_exercise;
use crate::engine::course::{Course, Exercise};
use crate::texts::messages;
use crate::ui::Ui;

pub fn run(course: &Course, ui: &Ui, exercise: Option<&str>) -> Result<bool, RunError> {
    let exercise = match exercise {
        Some(name) => course.select(name, ui.lang).map_err(RunError::Usage)?,
        None => match next_exercise(course, ui)? {
            Some(i) => &course.exercises[i],
            None => {
                println!("{}", messages::no_hint_needed(ui.lang));
                return Ok(true);
            }
        },
    };
    print!("{}", render(course, ui, exercise));
    Ok(true)
}

/// The hints of one exercise, as text.
pub fn render(course: &Course, ui: &Ui, exercise: &Exercise) -> String {
    let mut out = String::new();
    let texts = exercise.texts(ui.lang);
    let title = messages::hints_title(ui.lang, &exercise.label(), &texts.title);
    let _ = writeln!(out, "{}\n", ui.bold(&title));
    for (i, hint) in texts.hints.iter().enumerate() {
        let _ = writeln!(out, "{}", ui.bold(&messages::hint_number(ui.lang, i + 1)));
        for line in hint.lines() {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out);
    }
    let readme = exercise.instructions(ui.lang);
    let _ = writeln!(
        out,
        "{} {}",
        messages::instructions(ui.lang),
        ui.link(&readme, &course.relative(&readme))
    );
    out
}
