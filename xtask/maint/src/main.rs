//! The maintainers' binary: `cargo xtask check`, `seal` and `bench`, which
//! the learner's runner hands over to (`xtask/src/flags.rs`), so that a
//! learner's first build compiles none of it. It is a package of the
//! runner's workspace, built the first time a maintainer asks for one of
//! its commands, and uses the runner's library for everything it judges:
//! the same engine, the same texts. Its own messages may be English only.
//!
//! - `check`: the course checks itself ([`check`]): every solution passes,
//!   every shipped exercise fails, every catalogue answer gets its verdict
//!   ([`catalogue`]), the texts and the glossary ([`glossary`]) hold.
//! - `seal`: records the shipped files ([`seal`]).
//! - `bench`: measures the runner against cargo ([`bench`],
//!   [`bench_path`]).

mod bench;
mod bench_path;
mod catalogue;
mod check;
mod flags;
mod glossary;
mod messages;
mod seal;

use std::process::ExitCode;

use xtask::engine::course::Course;
use xtask::texts;
use xtask::ui::Ui;
use xtask::{RunError, platform};

use flags::Command;

fn main() -> ExitCode {
    if std::env::var_os(platform::SENTINEL_ENV).is_some() {
        platform::sentinel_main();
        return ExitCode::SUCCESS;
    }
    let flags = match flags::parse(std::env::args_os().skip(1)) {
        Ok(flags) => flags,
        Err(usage) => {
            eprintln!("cargo xtask: {usage}");
            return ExitCode::from(2);
        }
    };
    let ui = Ui::new(texts::detect(flags.lang));
    platform::init();
    let outcome = run(&flags, &ui);
    platform::sweep_orphans();
    xtask::exit("cargo xtask", outcome, &ui)
}

fn run(flags: &flags::Flags, ui: &Ui) -> Result<bool, RunError> {
    if flags.command == Command::Help {
        print!("{}", flags::HELP);
        return Ok(true);
    }
    let root = Course::locate(flags.root.as_deref())?;
    let course = Course::load(root)?;
    match &flags.command {
        Command::Help => unreachable!("handled above"),
        Command::Check(options) => check::run(&course, ui, options),
        Command::Seal => seal::run(&course, ui),
        Command::Bench(options) => bench::run(&course, ui, options),
    }
}
