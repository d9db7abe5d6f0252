//! What `verify` and `watch` print for verdicts in course order: the range
//! done, the exercise just solved, why the next one does not pass, and the
//! progress line.

use std::fmt::Write as _;

use crate::engine::Verdict;
use crate::engine::course::{Course, Exercise};
use crate::engine::progress::Progress;
use crate::findings;
use crate::texts::{messages, verdicts};
use crate::ui::Ui;

/// How a list of verdicts is told.
pub struct View<'a> {
    pub course: &'a Course,
    pub ui: &'a Ui,
    /// The learner's own files (not the reference solutions): say what to
    /// do next.
    pub learner: bool,
    /// One exercise was asked for by name.
    pub single: bool,
}

impl View<'_> {
    /// The text `verify` (and `watch`) prints for verdicts in course order.
    pub fn report(&self, exercises: &[&Exercise], verdicts: &[Verdict]) -> String {
        let (ui, lang) = (self.ui, self.ui.lang);
        let mut out = String::new();
        let progress = Progress::of(verdicts, verdicts.len());
        let passed = progress.solved;
        if !self.single && passed > 0 {
            let range = range(exercises[0].number, exercises[passed - 1].number);
            let _ = writeln!(
                out,
                "{} {}",
                ui.good("✓"),
                messages::done_range(lang, &range)
            );
            for (exercise, verdict) in exercises.iter().zip(&verdicts[..passed]) {
                let n = verdict.warnings().len();
                if n > 0 {
                    let note = verdicts::passes_with_warnings(lang, exercise, n);
                    let _ = writeln!(out, "{}", ui.wrap(&format!("{} {note}", ui.warn("!"))));
                }
            }
            // The last one done is the one the learner has just solved
            // (there is no record of when: the code is the state).
            if self.learner {
                let last = exercises[passed - 1].number;
                let _ = writeln!(
                    out,
                    "\n{}",
                    ui.good(&format!("✓ {}", messages::passes(lang, last)))
                );
                let compare = messages::compare_with_solution(lang, last);
                let _ = writeln!(out, "{}", ui.wrap(&format!("  {compare}")));
            }
        }
        match progress.next {
            Some(i) => out.push_str(&explain(
                self.course,
                ui,
                exercises[i],
                &verdicts[i],
                self.learner,
            )),
            None if self.single => {
                let ex = exercises[0];
                let headline = verdicts.first().map(|v| verdicts::headline(lang, v));
                let _ = writeln!(
                    out,
                    "{} {} · {}: {}.",
                    ui.good("✓"),
                    ex.label(),
                    ex.texts(lang).title,
                    headline.unwrap_or_default()
                );
                if let Some(verdict) = verdicts.first() {
                    let warnings = findings::warnings(verdict.warnings());
                    out.push_str(&verdicts::warnings(ui, ex, &warnings));
                }
                if self.learner {
                    let compare = messages::compare_with_solution(lang, ex.number);
                    let _ = writeln!(out, "{}", ui.wrap(&format!("  {compare}")));
                }
            }
            None => {
                let n = exercises.len();
                let _ = writeln!(out, "\n{}", ui.good(&messages::all_pass(lang, n)));
                if self.learner {
                    let _ = writeln!(out, "{}", messages::compare_with_solutions(lang));
                }
            }
        }
        if !self.single {
            let _ = writeln!(
                out,
                "\n{}",
                crate::views::progress(ui, passed, self.course.exercises.len())
            );
        }
        out
    }
}

/// `03` or `01–05`.
fn range(first: u32, last: u32) -> String {
    if first == last {
        format!("{first:02}")
    } else {
        format!("{first:02}–{last:02}")
    }
}

/// Why `exercise` does not pass, and (for the learner's own files) what to
/// do next.
pub fn explain(
    course: &Course,
    ui: &Ui,
    exercise: &Exercise,
    verdict: &Verdict,
    learner: bool,
) -> String {
    let finding = findings::of(exercise, verdict);
    let next_steps = learner && !verdict.stopped();
    verdicts::explain(course, ui, exercise, verdict, &finding, next_steps)
}
