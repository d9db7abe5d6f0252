//! One file per command; each is a `run` that takes the course, the
//! learner's interface and the command's own flags. What they share: asking
//! the engine for verdicts on the learner's files, and the warnings every
//! view of the course starts with.

pub mod bench;
pub mod bench_path;
pub mod check;
pub mod grade;
pub mod hint;
pub mod list;
pub mod report;
pub mod reset;
pub mod seal;
pub mod solution;
pub mod verify;
pub mod watch;

use std::sync::atomic::AtomicBool;

use crate::RunError;
use crate::engine::course::{Course, Exercise};
use crate::engine::shipped::Record;
use crate::engine::stage::Files;
use crate::engine::{self, Options, Scope, Verdict};
use crate::texts::messages;
use crate::ui::Ui;

/// Verdicts for `exercises` with `files` in place, showing progress on the
/// status line.
pub fn evaluate(
    course: &Course,
    ui: &Ui,
    files: Files,
    exercises: &[&Exercise],
    scope: Scope,
    cancel: Option<&AtomicBool>,
) -> Result<Vec<Verdict>, RunError> {
    let observer = |event| ui.observe(event);
    let remember = matches!(files, Files::Learner);
    let options = Options {
        remember,
        files,
        scope,
        color: ui.color,
        lang: ui.lang,
        observer: &observer,
        cancel,
    };
    let verdicts = engine::evaluate(course, exercises, &options);
    ui.clear_status();
    Ok(verdicts?)
}

/// The learner's verdicts for the whole course, up to the first exercise
/// that does not pass; an interruption is an error.
pub fn learner_verdicts(course: &Course, ui: &Ui, scope: Scope) -> Result<Vec<Verdict>, RunError> {
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let verdicts = evaluate(course, ui, Files::Learner, &all, scope, None)?;
    if verdicts.iter().any(|v| matches!(v, Verdict::Interrupted)) {
        return Err(RunError::Interrupted);
    }
    Ok(verdicts)
}

/// The index of the first exercise that does not pass (None: all pass).
pub fn next_exercise(course: &Course, ui: &Ui) -> Result<Option<usize>, RunError> {
    let verdicts = learner_verdicts(course, ui, Scope::UntilFirstFailure)?;
    Ok(verdicts.iter().position(|v| !v.passed()))
}

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
