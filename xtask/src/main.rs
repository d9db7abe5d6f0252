//! The course runner, started as `cargo xtask <command>`.
//!
//! `.cargo/config.toml` defines the `xtask` alias as
//! `run --quiet --manifest-path xtask/Cargo.toml --`: the runner is a
//! workspace of its own, built on first use, so that nothing a learner does
//! to an exercise can keep it from starting.
//!
//! The layout shows the pipeline (the modules are the library's,
//! `src/lib.rs`): `main` parses the command line (`flags`), finds the
//! course, and hands over to the command of the same name in `commands`;
//! the commands use the `engine` (find the course → stage its files → build
//! once → run the test executables under limits → read libtest's output →
//! judge) and say what it found through the `views`, which take the
//! report's decisions from `findings`, word them with the `texts` (both
//! languages side by side) and paint them with `ui`. `platform` holds what
//! differs between operating systems. The maintainers' commands (`check`,
//! `seal`, `bench`) are handed over whole to a second binary, `xtask/maint`,
//! which cargo builds only when a maintainer runs one. Exit codes: 0
//! everything checked passes, 1 something does not, 2 a usage or setup
//! error (what was typed, or the folder, is not something it can use), 3
//! the runner could not work (a file it cannot read or write, a program it
//! cannot start), 130 interrupted.
//!
//! # Dependencies and hand-written parts
//!
//! Building the runner is part of every learner's first `cargo xtask verify`,
//! so each dependency is measured: the cost is what it adds to a cold build
//! of the runner on the project's two-core machine. Prefer a well-kept crate;
//! write a part by hand only where this table says why.
//!
//! | part | how | cost or reason |
//! |---|---|---|
//! | `exercise.toml`, manifests | crate `toml` (`parse` only: no serde) | about 1 s alone, 0.8 s of the runner's cold build, measured together with the two below |
//! | command line | crate `lexopt` | about 0.2 s |
//! | git blob ids | crate `sha1_smol` | about 0.15 s |
//! | cargo's JSON messages | hand-written, `engine::json` | `serde_json` costs about 3.5 s; this reader is 500 lines with tests, RFC 8259 complete |
//! | JUnit XML and JSON reports | hand-written, `commands::report` | `quick-junit` 0.8 (nextest's writer, with `quick-xml`, `chrono`, `uuid`, `indexmap`) adds 3.8 s to the runner's cold build (6.6 s against 2.8 s wall, 10.5 s against 3.8 s CPU, median of three, measured in turn on the two-core machine); the writers are 150 lines with tests, and the tests read the JSON back with `serde_json` and the JUnit file with Python's `junitparser` |
//! | solution diffs | hand-written, `engine::diff` | `similar` adds 0.8 s to the runner's cold build; this is 360 lines with tests |
//! | prose wrapped to the terminal | hand-written, `texts::wrap` | `textwrap` 0.16 without default features costs nothing measurable (a cold build of the runner: 5.45 s against 5.56 s CPU, median of four in turn, `farm-bench -n 4 --vs` with and without it; its spread, 5.1 to 5.9 s, is larger); it is not used because the course's three rules would stay ours anyway: a `code span` kept whole needs a word separator of our own, continuation lines repeat a quote's `\| ` and hang under a list marker, and hyperlinks' escapes take no room. 260 lines with tests |
//! | signals, process groups, inotify (Linux, macOS) | hand-written system calls, `platform` | a few declarations each; the `libc` crate is not needed for them |
//! | Job Objects, console, folder events (Windows) | hand-written `kernel32` declarations (`platform/win32.rs`) | `windows-sys` 0.61 with its five modules was used first: +2.0 s CPU to a cold Windows build of the runner (13.3 s against 11.3 s), and its 2.5 s compile held the runner's own back by 1.1 s on two cores; 16 functions and 4 structures instead, layouts checked at compile time, tested under Wine |
//! | file events (macOS) | polling every 150 ms (`platform::watch`) | `notify` 8 (FSEvents) for macOS alone would add 3.9 s CPU to a cold macOS build (13.8 s against 9.9 s), and its newest release needs Rust 1.88; polling costs 12 ms of CPU per second of watching this course and up to 150 ms before a save is seen |
//! | maintainers' commands (`check`, `seal`, `bench`, with the catalogue and glossary readers and the check's messages) | a second binary of the runner's workspace, `xtask/maint`, that `cargo xtask` hands them over to (cargo builds it on a maintainer's first use); there, crates cost the learner nothing | out of the learner's build: a cold `cargo build --manifest-path xtask/Cargo.toml` into a fresh `CARGO_TARGET_DIR` takes 4.15 s of CPU against 4.51 s before (5.1 s against 6.2 s wall; paired ratio 0.92 for both, spread 0.82 to 0.97; median of five in turn on the shared two-core machine, with the runner as a library and a binary on top). The runner's own source: 15,200 lines against 16,100 (code without comments, blank lines and unit tests: 9,800 against 10,800); the maintainers' binary is 2,600 |
//!
//! How the platform rows were measured (whole-process CPU time, the median
//! of four or five cold builds in turn with the alternative, on the shared
//! two-core machine, whose wall times were too noisy to quote): Windows,
//! `cargo build --target x86_64-pc-windows-gnu` of the runner with each
//! variant (MinGW links it here), plus `cargo build --timings` for the
//! critical path; macOS, `cargo build --target x86_64-apple-darwin` with and
//! without `notify` up to the link, which needs Apple's SDK; polling,
//! `cargo xtask watch --poll` against `cargo xtask watch` (inotify) for 25 s
//! each on the course itself: 1.31 s against 1.00 s of CPU.

use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

use xtask::engine::course::Course;
use xtask::flags::{self, Command};
use xtask::texts::{self, messages};
use xtask::ui::Ui;
use xtask::{RunError, commands, platform};

fn main() -> ExitCode {
    if std::env::var_os(platform::SENTINEL_ENV).is_some() {
        platform::sentinel_main();
        return ExitCode::SUCCESS;
    }
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let flags = match flags::parse(args.clone()) {
        Ok(flags) => flags,
        Err(usage) => {
            let lang = texts::detect(flags::lang_hint(&args));
            eprintln!("cargo xtask: {}", messages::usage(lang, &usage));
            return ExitCode::from(2);
        }
    };
    let ui = Ui::new(texts::detect(flags.lang));
    platform::init();
    if let Command::Maint(args) = &flags.command {
        return hand_over(args, &ui);
    }
    let outcome = run(&flags, &ui);
    platform::sweep_orphans();
    xtask::exit("cargo xtask", outcome, &ui)
}

/// Finds the course and runs the command: the one place that knows them
/// all.
fn run(flags: &flags::Flags, ui: &Ui) -> Result<bool, RunError> {
    match &flags.command {
        Command::Help => {
            print!("{}", messages::help(ui.lang));
            return Ok(true);
        }
        // Each folder is a course of its own.
        Command::Grade(options) => return commands::grade::run(ui, options),
        _ => {}
    }
    let root = Course::locate(flags.root.as_deref())?;
    let course = Course::load(root)?;
    match &flags.command {
        Command::Help | Command::Grade(_) | Command::Maint(_) => unreachable!("handled above"),
        Command::Verify(options) => commands::verify::run(&course, ui, options),
        Command::List => commands::list::run(&course, ui),
        Command::Hint { exercise, all } => {
            commands::hint::run(&course, ui, exercise.as_deref(), *all)
        }
        Command::Solution { exercise } => commands::solution::run(&course, ui, exercise.as_deref()),
        Command::Reset { exercise } => commands::reset::run(&course, ui, exercise),
        Command::Watch(options) => commands::watch::run(&course, ui, options),
    }
}

/// `check`, `seal` and `bench`: the maintainers' binary (`xtask/maint`),
/// which cargo builds the first time and runs with the same command line.
/// Its exit code is ours.
fn hand_over(args: &[OsString], ui: &Ui) -> ExitCode {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml");
    let mut cargo = xtask::engine::build::cargo();
    cargo
        .args(["run", "--quiet", "--manifest-path"])
        .arg(&manifest)
        .args(["-p", "course-maint", "--bin", "maint", "--"])
        .args(args);
    match cargo.status() {
        Ok(status) => match status.code() {
            Some(code) => ExitCode::from(u8::try_from(code).unwrap_or(1)),
            // Ended by a signal: Ctrl-C, as far as the learner can tell.
            None => ExitCode::from(130),
        },
        Err(e) => xtask::exit("cargo xtask", Err(RunError::from(e)), ui),
    }
}
