//! `cargo xtask hint [EXERCISE]`: the hints of an exercise, from a nudge to
//! a near answer. Without an exercise, the next one (which means finding out
//! which one that is, by verifying).

use std::fmt::Write as _;

use crate::Failure;
use crate::course::{Course, Exercise};
use crate::tr;
use crate::ui::Ui;
use crate::verify;

pub fn run(course: &Course, ui: &Ui, exercise: Option<&str>) -> Result<bool, Failure> {
    let exercise = match exercise {
        Some(name) => course.select(name)?,
        None => match verify::next_exercise(course, ui)? {
            Some(i) => &course.exercises[i],
            None => {
                println!(
                    "{}",
                    ui.t(
                        "Every exercise passes: no hint needed. Name one to read its hints: cargo xtask hint 03",
                        "Todos os exercícios passam: nenhuma dica necessária. Para ler as dicas de um, diga qual: cargo xtask hint 03"
                    )
                );
                return Ok(true);
            }
        },
    };
    print!("{}", show(course, ui, exercise));
    Ok(true)
}

/// The hints of one exercise, as text.
pub fn show(course: &Course, ui: &Ui, exercise: &Exercise) -> String {
    let mut out = String::new();
    let texts = exercise.texts(ui.lang);
    let label = exercise.label();
    let title = &texts.title;
    let _ = writeln!(
        out,
        "{}\n",
        ui.bold(&tr!(
            ui.lang,
            "Hints for {label} · {title}",
            "Dicas para {label} · {title}"
        ))
    );
    for (i, hint) in texts.hints.iter().enumerate() {
        let n = i + 1;
        let _ = writeln!(out, "{}", ui.bold(&tr!(ui.lang, "Hint {n}:", "Dica {n}:")));
        for line in hint.lines() {
            let _ = writeln!(out, "  {line}");
        }
        let _ = writeln!(out);
    }
    let readme = exercise.instructions(ui.lang);
    let _ = writeln!(
        out,
        "{} {}",
        ui.t("Instructions:", "Instruções:"),
        ui.link(&readme, &course.show(&readme))
    );
    out
}
