//! `cargo xtask solution [EXERCISE]`: the learner's file(s) against the
//! reference solution, as a unified diff.
//!
//! Without an exercise it shows the last one finished (the one just before
//! the next), since comparing is for after solving; an unsolved exercise's
//! answer is shown only when asked for by name.

use std::fmt::Write as _;
use std::fs;

use crate::Failure;
use crate::course::{Course, Exercise};
use crate::diff;
use crate::tr;
use crate::ui::Ui;
use crate::verify;

pub fn run(course: &Course, ui: &Ui, exercise: Option<&str>) -> Result<bool, Failure> {
    let exercise = match exercise {
        Some(name) => course.select(name)?,
        None => match verify::next_exercise(course, ui)? {
            Some(0) => {
                println!(
                    "{}",
                    ui.t(
                        "You have not finished an exercise yet. To see a solution anyway, name it: cargo xtask solution 01",
                        "Você ainda não concluiu nenhum exercício. Para ver uma solução mesmo assim, diga qual: cargo xtask solution 01"
                    )
                );
                return Ok(true);
            }
            Some(i) => &course.exercises[i - 1],
            None => course.exercises.last().expect("a course has exercises"),
        },
    };
    print!("{}", show(course, ui, exercise)?);
    Ok(true)
}

/// The diff of one exercise's files against the reference, as text.
pub fn show(course: &Course, ui: &Ui, exercise: &Exercise) -> Result<String, Failure> {
    let mut out = String::new();
    let label = exercise.label();
    let _ = writeln!(
        out,
        "{}",
        ui.bold(&tr!(
            ui.lang,
            "{label}: your code (-) against the reference solution (+)",
            "{label}: seu código (-) comparado com a solução de referência (+)"
        ))
    );
    let solution_dir = exercise.solution_dir(&course.root);
    for file in &exercise.edit {
        let mine_path = exercise.dir.join(file);
        let theirs_path = solution_dir.join(file);
        let theirs = fs::read_to_string(&theirs_path).map_err(|e| crate::flags::UsageError {
            en: format!(
                "the reference solution {} cannot be read: {e}",
                course.show(&theirs_path)
            ),
            pt: format!(
                "não foi possível ler a solução de referência {}: {e}",
                course.show(&theirs_path)
            ),
        })?;
        let mine = fs::read_to_string(&mine_path).unwrap_or_default();
        let text = diff::unified(
            &course.show(&mine_path),
            &course.show(&theirs_path),
            &mine,
            &theirs,
            3,
        );
        let _ = writeln!(out);
        if text.is_empty() {
            let shown = course.show(&mine_path);
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    ui.lang,
                    "{shown} is the same as the reference solution.",
                    "{shown} é igual à solução de referência."
                )
            );
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
