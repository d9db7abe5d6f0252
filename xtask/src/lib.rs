//! The course runner as a library, for its two binaries: the learner's
//! (`src/main.rs`: `cargo xtask`) and the maintainers' (`maint/`: `cargo
//! xtask check`, `seal` and `bench` hand over to it), which is built only
//! when a maintainer asks for it. The layers, each using only those below
//! it: [`commands`] (one per learner command) → [`views`] (what they show)
//! → [`ui`] (how it looks) → [`texts`] (the words, both languages) →
//! [`findings`] (what a report says, decided) → [`engine`] (from the course
//! on disk to verdicts) → [`platform`] (what differs between systems).

pub mod commands;
pub mod engine;
pub mod files;
pub mod findings;
pub mod flags;
pub mod platform;
pub mod texts;
pub mod ui;
pub mod views;

use std::process::ExitCode;

use texts::messages;
use ui::Ui;

/// Why a command could not do its job (as opposed to finding that an
/// exercise does not pass, which is a normal answer). Each has its own exit
/// code, so that a script tells "you typed it wrong" from "the runner could
/// not work".
#[derive(Debug)]
pub enum RunError {
    /// The command line asks for something that is not there, or the
    /// folder is not a course it can use: exit 2. The text says what to
    /// change, in the learner's language.
    Usage(String),
    /// The course cannot be found, or EXERCISE names none of its exercises:
    /// exit 2, as a usage error.
    Course(engine::course::Error),
    /// The runner could not do its work (a file it cannot read or write, a
    /// program it cannot start): exit 3.
    Failed(Failure),
    Interrupted,
}

/// What kept the runner from working.
#[derive(Debug)]
pub enum Failure {
    /// The engine could not work; [`messages::engine_failure`] words it.
    Engine(engine::Error),
    /// A command's own file or stream failed.
    Io(std::io::Error),
    /// Already worded, in the learner's language.
    Said(String),
}

impl From<engine::Error> for RunError {
    fn from(e: engine::Error) -> RunError {
        RunError::Failed(Failure::Engine(e))
    }
}

impl From<engine::course::Error> for RunError {
    fn from(e: engine::course::Error) -> RunError {
        RunError::Course(e)
    }
}

impl From<std::io::Error> for RunError {
    fn from(e: std::io::Error) -> RunError {
        RunError::Failed(Failure::Io(e))
    }
}

impl RunError {
    /// The one line that says what went wrong (none for an interruption,
    /// which has its own).
    pub fn words(&self, lang: texts::Lang) -> String {
        match self {
            RunError::Usage(text) | RunError::Failed(Failure::Said(text)) => text.clone(),
            RunError::Course(e) => messages::course_error(lang, e),
            RunError::Failed(Failure::Engine(e)) => messages::engine_failure(lang, e),
            RunError::Failed(Failure::Io(e)) => messages::io_failure(lang, e),
            RunError::Interrupted => messages::interrupted(lang),
        }
    }
}

/// The exit code of a command's outcome, after saying what went wrong:
/// 0 all pass, 1 one does not, 2 a usage or setup error, 3 the runner could
/// not work, 130 interrupted.
pub fn exit(program: &str, outcome: Result<bool, RunError>, ui: &Ui) -> ExitCode {
    match outcome {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(e) => {
            ui.clear_status();
            eprintln!("{program}: {}", e.words(ui.lang));
            ExitCode::from(match e {
                RunError::Usage(_) | RunError::Course(_) => 2,
                RunError::Failed(_) => 3,
                RunError::Interrupted => 130,
            })
        }
    }
}
