//! `cargo xtask verify [EXERCISE] [--solutions]`: where the learner stands.
//!
//! The course's state is what its code does now, so there is no progress
//! file: the engine builds what is needed in one cargo run, then runs each
//! exercise's tests under its limits, in course order.
//!
//! For grading (`--all`, `--pristine`, `--format json`, `--junit PATH`)
//! the same verdicts come from [`crate::engine::grading`] instead: every
//! exercise on its own and timed, on the pristine copy of the course when
//! asked, told by [`crate::commands::report`].

use crate::commands;
use crate::commands::report::{self, Report};
use crate::engine::course::{Course, Exercise};
use crate::engine::grading::{self, Grading};
use crate::engine::pristine::{self, Pristine};
use crate::engine::shipped::Record;
use crate::engine::stage::Files;
use crate::engine::{Options, Scope, Verdict};
use crate::flags::{self, Format};
use crate::texts::grading as grading_texts;
use crate::texts::{Lang, messages};
use crate::ui::Ui;
use crate::views::verdicts::View;
use crate::views::warnings;
use crate::{Failure, RunError};

pub fn run(course: &Course, ui: &Ui, options: &flags::Verify) -> Result<bool, RunError> {
    if options.all || options.pristine || options.format == Format::Json || options.junit.is_some()
    {
        return grade(course, ui, options);
    }
    let (exercises, scope): (Vec<&Exercise>, Scope) = match &options.exercise {
        Some(name) => (vec![course.select(name)?], Scope::All),
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

/// `verify` for grading: see the module's head.
fn grade(course: &Course, ui: &Ui, options: &flags::Verify) -> Result<bool, RunError> {
    let json = options.format == Format::Json;
    let copy = if options.pristine {
        match pristine_copy(course, ui.lang) {
            Ok(copy) => Some(copy),
            Err(RunError::Usage(text)) if json => {
                print!("{}", report::json_error(&text));
                return Err(RunError::Usage(text));
            }
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    let judged = copy.as_ref().map_or(course, |(_, judged)| judged);
    let exercises: Vec<&Exercise> = match &options.exercise {
        Some(name) => vec![judged.select(name)?],
        None => judged.exercises.iter().collect(),
    };
    // The warnings are about the learner's own copy; a JSON document
    // keeps stdout to itself.
    let learner_exercises: Vec<&Exercise> = course
        .exercises
        .iter()
        .filter(|e| exercises.iter().any(|j| j.dir_name == e.dir_name))
        .collect();
    // Under --pristine the learner's changed files are not judged, and
    // their stray folders are not copied: one note says which differ.
    let (notes, layout_broken) = match &copy {
        Some((copy, _)) => (pristine_notes(ui, copy), false),
        None => warnings(course, ui, &learner_exercises),
    };
    if json {
        eprint!("{notes}");
    } else {
        print!("{notes}");
    }
    let files = if options.solutions {
        Files::Solutions
    } else {
        Files::Learner
    };
    let learner = matches!(files, Files::Learner);
    let all = options.all || options.exercise.is_some();
    let graded = judge_in_order(judged, &exercises, ui, files, all, ui.color && !json)?;
    let copy = copy.as_ref().map(|(copy, judged)| (copy, judged));
    let report = report_of(course, copy, &exercises, &graded, ui.lang);
    if let Some(path) = &options.junit {
        std::fs::write(path, report::junit(&report)).map_err(|e| {
            RunError::Failed(Failure::Said(messages::cannot_write(ui.lang, path, &e)))
        })?;
    }
    if json {
        print!("{}", report::json(&report));
    } else if options.all {
        print!("{}", report::table(ui, &report));
    } else {
        let verdicts: Vec<Verdict> = graded
            .exercises
            .into_iter()
            .map_while(|g| g.verdict)
            .collect();
        let view = View {
            course: judged,
            ui,
            learner,
            single: options.exercise.is_some(),
        };
        print!("{}", view.report(&exercises, &verdicts));
    }
    Ok(report.all_pass() && !layout_broken)
}

/// The pristine copy of `course`, and that copy loaded as a course; when
/// the shipped files cannot be had, the reason as a usage error.
pub fn pristine_copy(course: &Course, lang: Lang) -> Result<(Pristine, Course), RunError> {
    let copy = pristine::prepare(course)
        .map_err(|why| RunError::Usage(grading_texts::unavailable(lang, &why)))?;
    let judged = Course::load(copy.root.clone())?;
    Ok((copy, judged))
}

/// The note that the learner's copies of the deciding files differ.
fn pristine_notes(ui: &Ui, copy: &Pristine) -> String {
    let files: Vec<String> = copy
        .differed
        .iter()
        .flat_map(|(folder, files)| files.iter().map(move |f| format!("{folder}/{f}")))
        .collect();
    if files.is_empty() {
        return String::new();
    }
    let text = grading_texts::pristine_differs(ui.lang, &files.join(", "));
    format!("{}\n", ui.warn(&text))
}

/// Every exercise of `exercises` judged on its own, in order (after the
/// first failure only with `all`); an interruption is an error.
pub fn judge_in_order(
    judged: &Course,
    exercises: &[&Exercise],
    ui: &Ui,
    files: Files,
    all: bool,
    color: bool,
) -> Result<Grading, RunError> {
    let observer = |event| crate::views::observe(ui, event);
    let options = Options {
        remember: false,
        files,
        scope: Scope::All,
        color,
        lang: ui.lang,
        observer: &observer,
        cancel: None,
        interrupt: crate::platform::interrupt_flag(),
    };
    let graded = grading::grade(judged, exercises, &options, all);
    ui.clear_status();
    let graded = graded?;
    let stopped = |g: &grading::Graded| g.verdict.as_ref().is_some_and(Verdict::stopped);
    if graded.exercises.iter().any(stopped) {
        return Err(RunError::Interrupted);
    }
    Ok(graded)
}

/// What a graded run of `exercises` found: the course judged is the
/// pristine copy when there is one, else the learner's `course`, whose
/// files say what differs.
pub fn report_of(
    course: &Course,
    copy: Option<(&Pristine, &Course)>,
    exercises: &[&Exercise],
    graded: &Grading,
    lang: Lang,
) -> Report {
    let judged = copy.map_or(course, |(_, judged)| judged);
    let copy = copy.map(|(copy, _)| copy);
    let edited = |exercise: &Exercise| edited_files(course, copy, exercise);
    let mut report = Report::new(judged, exercises, graded, lang, &edited);
    report.pristine = copy.is_some();
    report.support_edited = support_edited(course, copy);
    report
}

/// The files of `exercise` that decide its verdict and differ from the
/// shipped ones, relative to the course's root (the support library's
/// included: it decides every verdict).
fn edited_files(course: &Course, copy: Option<&Pristine>, exercise: &Exercise) -> Vec<String> {
    let folder = format!("exercises/{}", exercise.dir_name);
    let own: Vec<String> = match copy {
        Some(copy) => copy.differed.get(&folder).cloned().unwrap_or_default(),
        None => course
            .exercises
            .iter()
            .find(|e| e.dir_name == exercise.dir_name && e.present)
            .map(|e| Record::of_exercise(e).edited(&e.edit))
            .unwrap_or_default(),
    };
    let mut files: Vec<String> = own.iter().map(|f| format!("{folder}/{f}")).collect();
    files.extend(support_edited(course, copy));
    files
}

fn support_edited(course: &Course, copy: Option<&Pristine>) -> Vec<String> {
    let files = match copy {
        Some(copy) => copy.differed.get("support").cloned().unwrap_or_default(),
        None => Record::of_support(&course.root).edited(&[]),
    };
    files.iter().map(|f| format!("support/{f}")).collect()
}
