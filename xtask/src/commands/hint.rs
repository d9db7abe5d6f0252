//! `cargo xtask hint [EXERCISE] [--all]`: the hints of an exercise, from a
//! nudge to a near answer, one at a time. Without an exercise, the next one
//! (known from the last check when nothing changed since, else found by
//! verifying).
//!
//! The last hint is close to the answer, so each call shows the next hint
//! not yet seen ([`hints::next`]), and `--all` shows them all.

use crate::RunError;
use crate::commands::progress;
use crate::engine::course::Course;
use crate::texts::messages;
use crate::ui::Ui;
use crate::views::hints;

pub fn run(course: &Course, ui: &Ui, exercise: Option<&str>, all: bool) -> Result<bool, RunError> {
    let exercise = match exercise {
        Some(name) => course.select(name)?,
        None => match progress(course, ui)?.next {
            Some(i) => &course.exercises[i],
            None => {
                println!("{}", messages::no_hint_needed(ui.lang));
                return Ok(true);
            }
        },
    };
    let text = if all {
        hints::all(course, ui, exercise)
    } else {
        hints::next(course, ui, exercise, hints::Asked::Command)
    };
    print!("{text}");
    Ok(true)
}
