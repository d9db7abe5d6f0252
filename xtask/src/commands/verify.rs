//! `cargo xtask verify [EXERCISE] [--solutions]`: where the learner stands.
//!
//! The course's state is what its code does now, so there is no progress
//! file: the engine builds what is needed in one cargo run, then runs each
//! exercise's tests under its limits, in course order.

use std::fmt::Write as _;

use crate::RunError;
use crate::commands::{self, warnings};
use crate::engine::course::{Course, Exercise};
use crate::engine::stage::Files;
use crate::engine::{Scope, Verdict};
use crate::flags;
use crate::texts::{messages, verdicts};
use crate::ui::Ui;

pub fn run(course: &Course, ui: &Ui, options: &flags::Verify) -> Result<bool, RunError> {
    let (exercises, scope): (Vec<&Exercise>, Scope) = match &options.exercise {
        Some(name) => (
            vec![course.select(name, ui.lang).map_err(RunError::Usage)?],
            Scope::All,
        ),
        None => (course.exercises.iter().collect(), Scope::UntilFirstFailure),
    };
    let (warned, layout_broken) = warnings(course, ui, &exercises);
    print!("{warned}");
    let files = if options.solutions {
        Files::Solutions
    } else {
        Files::Learner
    };
    let learner = matches!(files, Files::Learner);
    let verdicts = commands::evaluate(course, ui, files, &exercises, scope, None)?;
    let all_pass = verdicts.len() == exercises.len() && verdicts.iter().all(Verdict::passed);
    let view = View {
        course,
        ui,
        learner,
        single: options.exercise.is_some(),
    };
    print!("{}", view.report(&exercises, &verdicts));
    if verdicts.iter().any(Verdict::stopped) {
        return Err(RunError::Interrupted);
    }
    Ok(all_pass && !layout_broken)
}

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
        let passed = verdicts.iter().take_while(|v| v.passed()).count();
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
                    let _ = writeln!(out, "{} {note}", ui.warn("!"));
                }
            }
        }
        match verdicts.iter().position(|v| !v.passed()) {
            Some(i) => out.push_str(&verdicts::explain(
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
                    out.push_str(&verdicts::warnings(ui, ex, verdict.warnings()));
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
                ui.progress(passed, self.course.exercises.len())
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
