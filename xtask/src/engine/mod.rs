//! The engine: from the course on disk to one verdict per exercise.
//!
//! ```text
//! find the course ─▶ stage the files ─▶ build once ─▶ run the test executables ─▶ read libtest ─▶ judge
//!   course.rs          stage.rs          build.rs      process.rs (limits)          libtest.rs     judge.rs
//! ```
//!
//! [`evaluate`] is that pipeline. The engine never prints: what it wants to
//! show while it works goes to an [`Observer`] as an [`Event`], and what it
//! finds comes back as [`Verdict`]s; the commands decide what to say.

pub mod build;
pub mod cache;
pub mod course;
pub mod diff;
pub mod grading;
pub mod json;
pub mod judge;
pub mod libtest;
pub mod pristine;
pub mod process;
pub mod progress;
pub mod schedule;
pub mod shipped;
pub mod stage;

use std::io;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

pub use judge::{Scope, Verdict};

use course::{Course, Exercise};
use process::Stops;
use stage::Files;

/// What the engine is doing, for a status line.
#[derive(Debug, Clone)]
pub enum Event {
    /// cargo compiled a unit (`name`); about `total` in all.
    Compiling {
        done: usize,
        total: usize,
        name: String,
    },
    /// cargo waits for another cargo (often the editor's) to release a lock.
    WaitingForLock,
    /// One unit (`name`) has been compiling for `after` already.
    SlowUnit { name: String, after: Duration },
    /// `done` exercises' tests have run, of `total`.
    Testing { done: usize, total: usize },
    /// Programs the tests started escaped every way of ending them and
    /// still hold their output open: `readers` of the runner's threads wait
    /// on them (nextest calls this a leak).
    Leaked { readers: usize },
}

pub type Observer<'a> = dyn Fn(Event) + Sync + 'a;

/// Why the engine could not work at all: not a verdict about an exercise
/// (whatever a learner did to one becomes its verdict), but a course or a
/// system the runner cannot use. The commands word it.
#[derive(Debug)]
pub enum Error {
    /// The course's root `Cargo.toml` cannot be read or parsed; `why` is
    /// the system's or the TOML reader's own words.
    RootManifest { path: PathBuf, why: String },
    /// A file of the runner's own (the staged workspace) cannot be written.
    Write { path: PathBuf, error: io::Error },
    /// A program could not be started or followed (cargo, a test).
    Io(io::Error),
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        Error::Io(e)
    }
}

/// How a check is run.
pub struct Options<'a> {
    pub files: Files,
    pub scope: Scope,
    /// Diagnostics with colours (for a terminal).
    pub color: bool,
    pub lang: course_support::Lang,
    pub observer: &'a Observer<'a>,
    /// Raised by the caller to stop early (watch mode: a newer save).
    pub cancel: Option<&'a AtomicBool>,
    /// Raised on Ctrl-C (the platform's flag, passed down by the command).
    pub interrupt: &'a AtomicBool,
    /// Remember passes, and skip the tests of a build that passed before
    /// ([`cache`]); the maintainer check runs everything every time.
    pub remember: bool,
}

/// Verdicts for `exercises`, in their order; with
/// [`Scope::UntilFirstFailure`] the list ends at the first one that does
/// not pass. `Err` only when the runner itself cannot work (cargo cannot
/// be started, the course's root manifest is unreadable).
pub fn evaluate(
    course: &Course,
    exercises: &[&Exercise],
    options: &Options,
) -> Result<Vec<Verdict>, Error> {
    let mut staged = stage::prepare(course, &options.files, exercises)?;
    let leaked_before = process::leaked_readers();
    // The judge raises `stop` when the caller cancels or the answer is
    // known; the build stops then too.
    let verdicts = judge::while_building(
        exercises,
        &mut staged,
        options,
        |staged, only, stop, ready| {
            build::build(
                course,
                staged,
                Some(only),
                options.color,
                options.observer,
                Stops {
                    cancel: Some(stop),
                    interrupt: Some(options.interrupt),
                },
                ready,
            )
        },
    );
    let leaked = process::leaked_readers() - leaked_before;
    if leaked > 0 {
        (options.observer)(Event::Leaked { readers: leaked });
    }
    verdicts
}

/// The first half of [`evaluate`]: the files staged and built once.
pub struct Built {
    pub staged: stage::Staged,
    pub build: build::Build,
}

pub fn build(course: &Course, exercises: &[&Exercise], options: &Options) -> Result<Built, Error> {
    let mut staged = stage::prepare(course, &options.files, exercises)?;
    let build = build::build(
        course,
        &mut staged,
        None,
        options.color,
        options.observer,
        Stops {
            cancel: options.cancel,
            interrupt: Some(options.interrupt),
        },
        &mut |_, _| {},
    )?;
    Ok(Built { staged, build })
}

/// The second half of [`evaluate`]: the tests of what was built, run in
/// `options.lang` (a build can be judged in each language).
pub fn judge(
    exercises: &[&Exercise],
    built: &Built,
    options: &Options,
) -> Result<Vec<Verdict>, Error> {
    judge::all(exercises, &built.staged, &built.build, options)
}
