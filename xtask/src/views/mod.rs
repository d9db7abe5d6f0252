//! What the commands show of the course, shared by the command and by
//! `watch`, which shows the same on a key: the verdicts in course order
//! ([`verdicts`]), the list ([`list`]), the hints ([`hints`]), the diff
//! with the solution ([`solution`]), and the warnings every view starts
//! with. Views put the engine's findings into the texts' words, with the
//! terminal's colours and links; they decide nothing about the course.

pub mod hints;
pub mod list;
pub mod solution;
pub mod verdicts;

use crate::engine::Event;
use crate::engine::course::{Course, Exercise};
use crate::engine::shipped::Record;
use crate::texts::messages;
use crate::ui::{Ui, bar};

/// What every view of the course warns about first: files that decide a
/// verdict but were changed from the shipped version (an exercise's tests
/// or manifest, the support library), and stray folders in `exercises/`.
/// Returns the text and whether anything is wrong with the course's layout
/// (strays make `verify` exit 1).
pub fn warnings(course: &Course, ui: &Ui, exercises: &[&Exercise]) -> (String, bool) {
    let mut out = String::new();
    for exercise in exercises.iter().filter(|e| e.present) {
        let edited = Record::of_exercise(exercise).edited(&exercise.edit);
        if !edited.is_empty() {
            let text = messages::edited_exercise(ui.lang, &exercise.label(), &edited.join(", "));
            out.push_str(&ui.warn(&text));
            out.push('\n');
        }
    }
    let support = Record::of_support(&course.root).edited(&[]);
    if !support.is_empty() {
        out.push_str(&ui.warn(&messages::edited_support(ui.lang, &support.join(", "))));
        out.push('\n');
    }
    for stray in &course.strays {
        let shown = course.relative(&stray.dir);
        let text = messages::stray(ui.lang, &shown, stray.copy_of.as_deref());
        out.push_str(&format!("{} {text}\n", ui.bad("✗")));
    }
    (out, !course.strays.is_empty())
}

/// `Progress: [#####---------------] 5/20`
pub fn progress(ui: &Ui, done: usize, total: usize) -> String {
    let complete = done >= total && total > 0;
    let bar = bar(done, total);
    let bar = if complete { ui.good(&bar) } else { bar };
    format!("{} {bar} {done}/{total}", messages::progress(ui.lang))
}

/// Shows what the engine is doing on the status line. Waiting for another
/// cargo's lock is said even when not on a terminal: it can last long.
pub fn observe(ui: &Ui, event: Event) {
    match event {
        Event::Compiling { done, total, name } => ui.status(&format!(
            "{} {} {done}/{total} {name}",
            messages::compiling(ui.lang),
            bar(done, total)
        )),
        Event::Testing { done, total } => {
            ui.status(&format!("{} {done}/{total}", messages::testing(ui.lang)));
        }
        Event::SlowUnit { name, after } => {
            // A line that stays, unlike the status line.
            ui.clear_status();
            eprintln!("{}", ui.wrap(&messages::slow_unit(ui.lang, &name, after)));
        }
        Event::Leaked { readers } => {
            ui.clear_status();
            eprintln!("{}", ui.wrap(&messages::leaked(ui.lang, readers)));
        }
        Event::WaitingForLock => {
            let text = messages::waiting_for_lock(ui.lang);
            if ui.tty {
                ui.status(&text);
            } else {
                eprintln!("{text}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::Lang;

    #[test]
    fn progress_bar_in_both_languages() {
        assert_eq!(
            progress(&Ui::plain(Lang::En), 5, 20),
            "Progress: [#####---------------] 5/20"
        );
        assert_eq!(
            progress(&Ui::plain(Lang::PtBr), 0, 8),
            "Progresso: [--------------------] 0/8"
        );
        assert!(progress(&Ui::plain(Lang::En), 9, 8).contains("9/8"));
    }
}
