//! `cargo xtask list`: every exercise, its title and its state, worked out
//! from what the code does now (there is no progress file to go stale).

use crate::compile::Side;
use crate::course::{Course, Exercise};
use crate::verify::{self, Scope, Verdict};
use crate::ui::Ui;
use crate::Failure;

pub fn run(course: &Course, ui: &Ui) -> Result<bool, Failure> {
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let verdicts = verify::evaluate(course, Side::Exercises, &all, Scope::All, ui, None)?;
    if verdicts.iter().any(|v| matches!(v, Verdict::Stopped)) {
        return Err(Failure::Interrupted);
    }
    let next = verdicts.iter().position(|v| !v.passed());
    let name_width = all.iter().map(|e| e.name.len()).max().unwrap_or(0);
    for (i, exercise) in all.iter().enumerate() {
        let state = match (&verdicts[i], next) {
            (v, _) if v.passed() => ui.good(ui.t("done   ", "feito  ")),
            (_, Some(n)) if n == i => ui.warn(ui.t("next   ", "próximo")),
            _ => ui.t("pending", "pendente").to_owned(),
        };
        println!(
            "{:02}  {:<name_width$}  {state}  {}",
            exercise.number,
            exercise.name,
            exercise.texts(ui.lang).title
        );
    }
    let done = verdicts.iter().filter(|v| v.passed()).count();
    println!("\n{}", ui.progress(done, all.len()));
    Ok(next.is_none())
}
