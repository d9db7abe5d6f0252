//! `cargo xtask hint [EXERCISE]`: the hints of an exercise, from a nudge to
//! a near answer. Without an exercise, the next one (which means finding out
//! which one that is, by verifying).

use crate::course::Course;
use crate::tr;
use crate::ui::Ui;
use crate::verify;
use crate::Failure;

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
    let texts = exercise.texts(ui.lang);
    let label = exercise.label();
    let title = &texts.title;
    println!(
        "{}\n",
        ui.bold(&tr!(ui.lang, "Hints for {label} · {title}", "Dicas para {label} · {title}"))
    );
    for (i, hint) in texts.hints.iter().enumerate() {
        let n = i + 1;
        println!("{}", ui.bold(&tr!(ui.lang, "Hint {n}:", "Dica {n}:")));
        for line in hint.lines() {
            println!("  {line}");
        }
        println!();
    }
    let readme = exercise.instructions(ui.lang);
    println!(
        "{} {}",
        ui.t("Instructions:", "Instruções:"),
        ui.link(&readme, &course.show(&readme))
    );
    Ok(true)
}
