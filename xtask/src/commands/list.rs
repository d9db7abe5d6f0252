//! `cargo xtask list`: every exercise, its title and its state, worked out
//! from what the code does now (there is no progress file to go stale).

use crate::RunError;
use crate::commands::learner_verdicts;
use crate::engine::course::{Course, Exercise};
use crate::engine::{Scope, Verdict};
use crate::ui::Ui;
use crate::views::{list, warnings};

pub fn run(course: &Course, ui: &Ui) -> Result<bool, RunError> {
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let (warned, layout_broken) = warnings(course, ui, &all);
    print!("{warned}");
    let verdicts = learner_verdicts(course, ui, Scope::All)?;
    print!("{}", list::render(course, ui, &verdicts));
    Ok(verdicts.iter().all(Verdict::passed) && !layout_broken)
}
