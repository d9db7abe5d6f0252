//! `cargo xtask solution [EXERCISE]`: the learner's file(s) against the
//! reference solution, as a unified diff.
//!
//! Without an exercise it shows the last one finished (the one just before
//! the next), since comparing is for after solving; an unsolved exercise's
//! answer is shown only when asked for by name.

use crate::RunError;
use crate::commands::progress;
use crate::engine::course::Course;
use crate::texts::messages;
use crate::ui::Ui;
use crate::views::solution;

pub fn run(course: &Course, ui: &Ui, exercise: Option<&str>) -> Result<bool, RunError> {
    let exercise = match exercise {
        Some(name) => course.select(name)?,
        None => match progress(course, ui)?.last_solved() {
            Some(i) => &course.exercises[i],
            None => {
                println!("{}", messages::nothing_finished_yet(ui.lang));
                return Ok(true);
            }
        },
    };
    print!("{}", solution::render(course, ui, exercise)?);
    Ok(true)
}
