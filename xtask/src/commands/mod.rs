//! One file per command; each is a `run` that takes the course, the
//! learner's interface and the command's own flags. What they share: asking
//! the engine for verdicts on the learner's files, and where the learner
//! stands ([`progress`]). What they print is made in [`crate::views`].

pub mod grade;
pub mod hint;
pub mod list;
pub mod report;
pub mod reset;
pub mod solution;
pub mod verify;
pub mod watch;

use std::sync::atomic::AtomicBool;

use crate::RunError;
use crate::engine::course::{Course, Exercise};
use crate::engine::progress::{self, Progress};
use crate::engine::stage::Files;
use crate::engine::{self, Options, Scope, Verdict};
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
    let observer = |event| crate::views::observe(ui, event);
    let options = options(ui, files, scope, cancel, &observer);
    let verdicts = engine::evaluate(course, exercises, &options);
    ui.clear_status();
    Ok(verdicts?)
}

/// The engine's options for the learner's interface: passes are
/// remembered for the learner's own files only.
fn options<'a>(
    ui: &Ui,
    files: Files,
    scope: Scope,
    cancel: Option<&'a AtomicBool>,
    observer: &'a engine::Observer<'a>,
) -> Options<'a> {
    Options {
        remember: matches!(files, Files::Learner),
        files,
        scope,
        color: ui.color,
        lang: ui.lang,
        observer,
        cancel,
        interrupt: crate::platform::interrupt_flag(),
    }
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

/// Where the learner stands: what the last check remembered, when the
/// builds are still the ones it judged; else found by checking the course
/// up to the first exercise that does not pass.
pub fn progress(course: &Course, ui: &Ui) -> Result<Progress, RunError> {
    let observer = |event| crate::views::observe(ui, event);
    let options = options(
        ui,
        Files::Learner,
        Scope::UntilFirstFailure,
        None,
        &observer,
    );
    let known = progress::remembered(course, &options);
    ui.clear_status();
    if let Some(known) = known? {
        return Ok(known);
    }
    let verdicts = learner_verdicts(course, ui, Scope::UntilFirstFailure)?;
    Ok(Progress::of(&verdicts, course.exercises.len()))
}
