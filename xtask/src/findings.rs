//! What a report says about a verdict, decided before anything is worded.
//!
//! The engine finds verdicts; the texts put them into words. In between,
//! this module makes the report's choices, in one place and in no
//! language: which compiler errors and warnings are shown and which only
//! counted, which failing tests are told together, what kind of well-known
//! panic a message is and whether its note is due (once per report, and
//! never for a panic in the tests, whose own message tells the lesson),
//! which stray panics are worth telling, and what an exit status means.
//! [`crate::texts::verdicts`] words a [`Finding`]; it decides nothing.

use crate::engine::build::Diagnostic;
use crate::engine::course::Exercise;
use crate::engine::judge::{Exit, FailedTest, OUTPUT_LIMIT, Verdict};
use crate::engine::libtest::{self, Panic};
use crate::engine::process::Stream;
use crate::engine::stage::Problem;

/// Diagnostics shown in full; the rest are counted.
const SHOWN_ERRORS: usize = 4;
/// Compiler warnings shown in full; the rest are counted.
const SHOWN_WARNINGS: usize = 2;
/// Groups of failing tests shown in full.
const SHOWN_GROUPS: usize = 3;
/// Stray panics (of threads that are not tests) shown.
const SHOWN_STRAYS: usize = 2;
/// Panics of a test's own thread shown after its explanation.
const SHOWN_EVIDENCE: usize = 2;
/// Lines of one panic message shown (a message with a timeline is about
/// twenty): a report should fit a screen.
pub const SHOWN_MESSAGE_LINES: usize = 24;

/// The lints the course explains: their warnings are worth showing even
/// next to errors ([`crate::texts::compiler`] has a text for each).
pub const EXPLAINED_LINTS: [&str; 3] =
    ["unused_must_use", "dropping_references", "unused_variables"];

/// Why an exercise does not pass, as the report tells it.
pub struct Finding<'a> {
    pub why: Why<'a>,
    /// The compiler's warnings shown after the explanation.
    pub warnings: Warnings<'a>,
}

pub enum Why<'a> {
    /// Nothing to explain (a pass, a run that was stopped).
    Nothing,
    Broken(&'a Problem),
    DoesNotCompile(CompileErrors<'a>),
    TestsFail(TestFailures<'a>),
    TimedOut {
        running: &'a [String],
    },
    Flooded {
        head: &'a str,
        stream: Stream,
        /// The output limit that was crossed, in MiB.
        limit_mib: usize,
    },
    OutOfMemory {
        stderr_tail: &'a str,
    },
    Crashed {
        stderr_tail: &'a str,
    },
    /// cargo's own words, laid out already.
    BuildFailed {
        cargo: &'a str,
    },
    NoTests,
}

/// Compiler warnings: the first few in full, the rest counted.
#[derive(Default)]
pub struct Warnings<'a> {
    pub shown: Vec<&'a Diagnostic>,
    pub more: usize,
}

/// A compile error's report: errors of one code usually have one cause
/// (`move` missing, and each variable the closure borrows gets its own
/// E0373), so the first of each code is shown in full and the others in
/// one line each.
pub struct CompileErrors<'a> {
    /// (the first of a code, the others like it), at most [`SHOWN_ERRORS`].
    pub groups: Vec<(&'a Diagnostic, Vec<&'a Diagnostic>)>,
    /// Errors in the groups left out.
    pub more_errors: usize,
    /// Next to errors, most warnings are their echo (an import the broken
    /// line no longer uses): only those the course explains, on lines of
    /// the learner's own files, are shown (an unused clone of `tx` is the
    /// clue to a moved `tx`).
    pub warnings: Vec<&'a Diagnostic>,
    /// The other warnings, counted.
    pub other_warnings: usize,
    /// What the course's explanations are asked about: the errors and
    /// warnings shown in full.
    pub explained: Vec<&'a Diagnostic>,
}

/// Failing tests as the report tells them.
pub struct TestFailures<'a> {
    /// Tests that fail with the same message at the same place (a
    /// `todo!()` reached by every test, say) are told once: at most
    /// [`SHOWN_GROUPS`].
    pub groups: Vec<FailureGroup<'a>>,
    /// Failing tests in the groups left out.
    pub more: usize,
    /// Panics of threads that are not tests, each different one once.
    pub strays: Vec<Stray<'a>>,
}

pub struct FailureGroup<'a> {
    /// The first test, then those that failed the same way.
    pub names: Vec<&'a str>,
    /// Its explanation (None: it failed without a message).
    pub panic: Option<Told<'a>>,
    /// The learner's own panics before it.
    pub evidence: Vec<Told<'a>>,
}

/// A panic of a thread that is not a test, and how many panicked alike.
pub struct Stray<'a> {
    pub panic: Told<'a>,
    pub count: usize,
}

/// One panic as it is told.
pub struct Told<'a> {
    pub panic: &'a Panic,
    /// The note on a well-known panic, when it is due here.
    pub note: Option<PanicKind>,
}

/// A well-known panic, known by its message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanicKind {
    /// `todo!()` is still in the learner's code.
    Todo,
    /// `recv` on a channel whose senders are all gone, unwrapped.
    RecvError,
    /// `send` on a channel whose receiver is gone, unwrapped.
    SendError,
    /// A lock whose holder panicked.
    Poisoned,
}

impl PanicKind {
    pub fn of(message: &str) -> Option<PanicKind> {
        if message.starts_with(TODO_MESSAGE) {
            Some(PanicKind::Todo)
        } else if message.contains("RecvError") {
            Some(PanicKind::RecvError)
        } else if message.contains("SendError") {
            Some(PanicKind::SendError)
        } else if message.contains("PoisonError") {
            Some(PanicKind::Poisoned)
        } else {
            None
        }
    }
}

/// `todo!()`'s message, the one English phrase of the standard library a
/// panic is likely to start with; the texts give it in the learner's
/// language.
pub const TODO_MESSAGE: &str = "not yet implemented";

/// How a test program ended, as the report names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    Code(i32),
    /// Windows reports a crash as an NTSTATUS exit code (negative as an
    /// i32): shown in hex, as Windows' own tools and documentation do.
    Status {
        status: u32,
        known: Option<Status>,
    },
    /// A Unix signal, with its name for the usual ones.
    Signal {
        number: i32,
        name: Option<&'static str>,
    },
    Unknown(String),
}

/// The Windows exit statuses a test process can end with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    AccessViolation,
    OutOfMemory,
    StackOverflow,
    CtrlC,
    /// Rust's `abort` (a panic during a panic, a failed allocation).
    Aborted,
}

pub fn ending(exit: &Exit) -> Ending {
    match exit {
        Exit::Code(code) if *code < 0 => {
            let status = *code as u32;
            let known = match status {
                0xC000_0005 => Some(Status::AccessViolation),
                0xC000_0017 => Some(Status::OutOfMemory),
                0xC000_00FD => Some(Status::StackOverflow),
                0xC000_013A => Some(Status::CtrlC),
                0xC000_0409 => Some(Status::Aborted),
                _ => None,
            };
            Ending::Status { status, known }
        }
        Exit::Code(code) => Ending::Code(*code),
        Exit::Signal(number) => Ending::Signal {
            number: *number,
            name: match number {
                6 => Some("SIGABRT"),
                9 => Some("SIGKILL"),
                11 => Some("SIGSEGV"),
                _ => None,
            },
        },
        Exit::Unknown(text) => Ending::Unknown(text.clone()),
    }
}

/// What the report says about `verdict` of `exercise`.
pub fn of<'a>(exercise: &Exercise, verdict: &'a Verdict) -> Finding<'a> {
    let why = match verdict {
        Verdict::Pass { .. } | Verdict::Cancelled | Verdict::Interrupted => Why::Nothing,
        Verdict::Broken(problem) => Why::Broken(problem),
        Verdict::DoesNotCompile { errors, warnings } => {
            Why::DoesNotCompile(compile_errors(exercise, errors, warnings))
        }
        Verdict::TestsFail { failed, strays, .. } => Why::TestsFail(test_failures(failed, strays)),
        Verdict::TimedOut { running, .. } => Why::TimedOut { running },
        Verdict::Flooded { head, stream } => Why::Flooded {
            head,
            stream: *stream,
            limit_mib: OUTPUT_LIMIT >> 20,
        },
        Verdict::OutOfMemory { stderr_tail, .. } => Why::OutOfMemory { stderr_tail },
        Verdict::Crashed { stderr_tail, .. } => Why::Crashed { stderr_tail },
        Verdict::BuildFailed { cargo } => Why::BuildFailed { cargo },
        Verdict::NoTests => Why::NoTests,
    };
    // A compile error's report shows the warnings that matter itself.
    let warnings = match verdict {
        Verdict::DoesNotCompile { .. } => Warnings::default(),
        _ => warnings(verdict.warnings()),
    };
    Finding { why, warnings }
}

/// The first warnings in full, the rest counted.
pub fn warnings(warnings: &[Diagnostic]) -> Warnings<'_> {
    Warnings {
        shown: warnings.iter().take(SHOWN_WARNINGS).collect(),
        more: warnings.len().saturating_sub(SHOWN_WARNINGS),
    }
}

fn compile_errors<'a>(
    exercise: &Exercise,
    errors: &'a [Diagnostic],
    warnings: &'a [Diagnostic],
) -> CompileErrors<'a> {
    let mut groups = alike(errors);
    let more_errors = groups
        .iter()
        .skip(SHOWN_ERRORS)
        .map(|(_, o)| 1 + o.len())
        .sum();
    groups.truncate(SHOWN_ERRORS);
    // rustc leaves out its later lints, the ignored `send` result among
    // them, while a crate has errors.
    let (explained, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        warnings.iter().partition(|w| {
            w.lint
                .as_deref()
                .is_some_and(|l| EXPLAINED_LINTS.contains(&l))
                && in_edited(exercise, w)
        });
    let shown_warnings: Vec<&Diagnostic> = explained.into_iter().take(SHOWN_WARNINGS).collect();
    let explained = groups
        .iter()
        .map(|(first, _)| *first)
        .chain(shown_warnings.iter().copied())
        .collect();
    CompileErrors {
        groups,
        more_errors,
        warnings: shown_warnings,
        other_warnings: others.len(),
        explained,
    }
}

/// Errors grouped by code, in the order each code first came: the first
/// of each, and the others like it. Errors without a code stand alone.
fn alike(errors: &[Diagnostic]) -> Vec<(&Diagnostic, Vec<&Diagnostic>)> {
    let mut groups: Vec<(&Diagnostic, Vec<&Diagnostic>)> = Vec::new();
    for e in errors {
        match groups
            .iter_mut()
            .find(|(first, _)| e.code.is_some() && first.code == e.code)
        {
            Some((_, others)) => others.push(e),
            None => groups.push((e, Vec::new())),
        }
    }
    groups
}

/// Whether a diagnostic points into one of the files the learner edits
/// (or points nowhere in particular).
fn in_edited(exercise: &Exercise, diagnostic: &Diagnostic) -> bool {
    let Some((file, _)) = &diagnostic.place else {
        return true;
    };
    let file = file.replace('\\', "/");
    exercise
        .edit
        .iter()
        .any(|edited| file.ends_with(&format!("{}/{edited}", exercise.dir_name)))
}

fn test_failures<'a>(failed: &'a [FailedTest], strays: &'a [Panic]) -> TestFailures<'a> {
    let mut groups: Vec<(&FailedTest, Vec<&str>)> = Vec::new();
    for test in failed {
        let same = |other: &FailedTest| match (&other.panic, &test.panic) {
            (Some(a), Some(b)) => a.message == b.message && a.location == b.location,
            _ => false,
        };
        match groups.iter_mut().find(|(t, _)| same(t)) {
            Some((_, names)) => names.push(&test.name),
            None => groups.push((test, vec![&test.name])),
        }
    }
    let more = groups.iter().skip(SHOWN_GROUPS).map(|(_, n)| n.len()).sum();
    let mut notes = Notes::default();
    let groups = groups
        .into_iter()
        .take(SHOWN_GROUPS)
        .map(|(test, names)| FailureGroup {
            names,
            panic: test.panic.as_ref().map(|p| notes.tell(p)),
            evidence: test
                .evidence
                .iter()
                .take(SHOWN_EVIDENCE)
                .map(|p| notes.tell(p))
                .collect(),
        })
        .collect();
    let strays = notes.strays(strays);
    TestFailures {
        groups,
        more,
        strays,
    }
}

/// The panics told so far in one report, and the kinds already explained.
#[derive(Default)]
struct Notes<'a> {
    kinds: Vec<PanicKind>,
    messages: Vec<&'a str>,
}

impl<'a> Notes<'a> {
    /// `panic`, with its note when it is a well-known one raised by the
    /// learner's code and not explained yet.
    fn tell(&mut self, panic: &'a Panic) -> Told<'a> {
        let kind = PanicKind::of(&panic.message);
        let mut note = None;
        if let Some(kind) = kind
            && !self.kinds.contains(&kind)
        {
            self.kinds.push(kind);
            // A test's own message tells the lesson already.
            if !libtest::in_tests(&panic.location) {
                note = Some(kind);
            }
        }
        self.messages.push(&panic.message);
        Told { panic, note }
    }

    /// Panics of threads that are not tests, each different one once;
    /// none whose message a test's message already quoted (the test
    /// explained it: telling it again would teach the same lesson twice).
    fn strays(&mut self, strays: &'a [Panic]) -> Vec<Stray<'a>> {
        let told = |p: &Panic| {
            let message = p.message.trim();
            !message.is_empty() && self.messages.iter().any(|m| m.contains(message))
        };
        let mut seen: Vec<(&Panic, usize)> = Vec::new();
        for p in strays.iter().filter(|p| !told(p)) {
            match seen
                .iter_mut()
                .find(|(q, _)| q.message == p.message && q.location == p.location)
            {
                Some((_, n)) => *n += 1,
                None => seen.push((p, 1)),
            }
        }
        seen.into_iter()
            .take(SHOWN_STRAYS)
            .map(|(p, count)| Stray {
                panic: self.tell(p),
                count,
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn panic(message: &str, location: &str) -> Panic {
        Panic {
            thread: "t".into(),
            location: location.into(),
            message: message.into(),
        }
    }

    #[test]
    fn well_known_panics_are_known_by_their_message() {
        let recv = "called `Result::unwrap()` on an `Err` value: RecvError";
        assert_eq!(PanicKind::of(recv), Some(PanicKind::RecvError));
        assert_eq!(
            PanicKind::of("not yet implemented: x"),
            Some(PanicKind::Todo)
        );
        assert_eq!(PanicKind::of("expected 42"), None);
    }

    #[test]
    fn a_note_is_due_once_and_never_for_a_panic_in_the_tests() {
        let recv = "called `Result::unwrap()` on an `Err` value: RecvError";
        let in_test = panic(recv, "tests/t.rs:3:5");
        let mine = panic(recv, "src/lib.rs:9:9");
        let failed = [
            FailedTest {
                name: "a".into(),
                panic: Some(in_test),
                evidence: vec![mine.clone()],
            },
            FailedTest {
                name: "b".into(),
                panic: Some(panic("other", "src/lib.rs:1:1")),
                evidence: vec![mine],
            },
        ];
        let told = test_failures(&failed, &[]);
        // The test explained RecvError: the learner's own is not noted again.
        assert_eq!(told.groups[0].panic.as_ref().unwrap().note, None);
        assert_eq!(told.groups[0].evidence[0].note, None);
        assert_eq!(told.groups[1].evidence[0].note, None);
    }

    #[test]
    fn tests_failing_alike_are_one_group_and_strays_already_told_are_left_out() {
        let todo = panic("not yet implemented", "src/lib.rs:4:5");
        let failed: Vec<FailedTest> = ["a", "b", "c"]
            .into_iter()
            .map(|name| FailedTest {
                name: name.into(),
                panic: Some(todo.clone()),
                evidence: Vec::new(),
            })
            .collect();
        let strays = [
            todo.clone(),
            panic("boom", "src/lib.rs:8:1"),
            panic("boom", "src/lib.rs:8:1"),
        ];
        let told = test_failures(&failed, &strays);
        assert_eq!(told.groups.len(), 1);
        assert_eq!(told.groups[0].names, ["a", "b", "c"]);
        assert_eq!(
            told.groups[0].panic.as_ref().unwrap().note,
            Some(PanicKind::Todo)
        );
        assert_eq!(told.strays.len(), 1);
        assert_eq!(told.strays[0].count, 2);
        assert_eq!(told.strays[0].panic.panic.message, "boom");
    }

    #[test]
    fn exit_statuses_are_named() {
        let overflow = Exit::Code(0xC000_00FD_u32 as i32);
        assert_eq!(
            ending(&overflow),
            Ending::Status {
                status: 0xC000_00FD,
                known: Some(Status::StackOverflow)
            }
        );
        assert_eq!(
            ending(&Exit::Signal(9)),
            Ending::Signal {
                number: 9,
                name: Some("SIGKILL")
            }
        );
        assert_eq!(ending(&Exit::Code(101)), Ending::Code(101));
    }
}
