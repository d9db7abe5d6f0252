//! The diff of `solution` (and of `watch`'s `s`): the learner's files
//! against the reference solution, painted.

use std::fmt::Write as _;
use std::fs;

use crate::engine::course::{Course, Exercise};
use crate::engine::diff;
use crate::texts::messages;
use crate::ui::Ui;
use crate::{Failure, RunError};

/// The diff of one exercise's files against the reference, as text.
pub fn render(course: &Course, ui: &Ui, exercise: &Exercise) -> Result<String, RunError> {
    let mut out = String::new();
    let title = messages::solution_title(ui.lang, &exercise.label());
    let _ = writeln!(out, "{}", ui.bold(&title));
    let solution_dir = exercise.solution_dir(&course.root);
    for file in &exercise.edit {
        let mine_path = exercise.dir.join(file);
        let theirs_path = solution_dir.join(file);
        let theirs = fs::read_to_string(&theirs_path).map_err(|e| {
            RunError::Failed(Failure::Said(messages::solution_unreadable(
                ui.lang,
                &course.relative(&theirs_path),
                &e,
            )))
        })?;
        let mine = fs::read_to_string(&mine_path).unwrap_or_default();
        let (mine_shown, theirs_shown) =
            (course.relative(&mine_path), course.relative(&theirs_path));
        let text = diff::unified(&mine_shown, &theirs_shown, &mine, &theirs, 3);
        let _ = writeln!(out);
        if text.is_empty() {
            let _ = writeln!(out, "{}", messages::same_as_solution(ui.lang, &mine_shown));
            continue;
        }
        for line in text.lines() {
            let painted = if line.starts_with("+++") || line.starts_with("---") {
                ui.bold(line)
            } else if line.starts_with('+') {
                ui.good(line)
            } else if line.starts_with('-') {
                ui.bad(line)
            } else if line.starts_with("@@") {
                ui.dim(line)
            } else {
                line.to_owned()
            };
            let _ = writeln!(out, "{painted}");
        }
    }
    Ok(out)
}
