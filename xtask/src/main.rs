//! The course runner, started as `cargo xtask <command>`.
//!
//! `.cargo/config.toml` defines the `xtask` alias as
//! `run --quiet --manifest-path xtask/Cargo.toml --`: the runner is a
//! workspace of its own, built on first use, so that nothing a learner does
//! to an exercise can keep it from starting. `main` parses the command line
//! ([`flags`]), finds the course ([`course`]), and hands over to the module
//! named after the command. Exit codes: 0 everything checked passes, 1
//! something does not, 2 a usage or setup error, 130 interrupted.
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
//! | cargo's JSON messages | hand-written, [`json`] | `serde_json` costs about 3.5 s; this reader is 500 lines with tests, RFC 8259 complete |
//! | solution diffs | hand-written, [`diff`] | `similar` adds 0.8 s to the runner's cold build; this is 360 lines with tests |
//! | signals, process groups, inotify | hand-written system calls | a few declarations each, no crate needed on Linux |

mod bench;
mod changes;
mod check;
mod compile;
mod course;
mod diff;
mod flags;
mod hint;
mod json;
mod lang;
mod libtest;
mod list;
mod process;
mod reset;
mod shipped;
mod solution;
mod sys;
mod ui;
mod verify;
mod watch;

use std::ffi::OsString;
use std::process::ExitCode;

use course::Course;
use flags::{Command, UsageError};
use lang::Lang;
use ui::Ui;

/// Why a command could not do its job (as opposed to finding that an
/// exercise does not pass, which is a normal answer).
#[derive(Debug)]
pub enum Failure {
    Usage(UsageError),
    Io(std::io::Error),
    Interrupted,
}

impl From<UsageError> for Failure {
    fn from(e: UsageError) -> Failure {
        Failure::Usage(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let flags = match flags::parse(args.clone()) {
        Ok(flags) => flags,
        Err(e) => {
            let lang = Lang::detect(lang_hint(&args));
            eprintln!("cargo xtask: {}", lang.pick(&e.en, &e.pt));
            return ExitCode::from(2);
        }
    };
    let ui = Ui::new(Lang::detect(flags.lang));
    sys::watch_interrupts();
    match run(&flags, &ui) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(Failure::Usage(e)) => {
            eprintln!("cargo xtask: {}", ui.lang.pick(&e.en, &e.pt));
            ExitCode::from(2)
        }
        Err(Failure::Io(e)) => {
            eprintln!(
                "cargo xtask: {}: {e}",
                ui.t(
                    "could not run a command",
                    "não foi possível rodar um comando"
                )
            );
            ExitCode::from(2)
        }
        Err(Failure::Interrupted) => {
            eprintln!(
                "cargo xtask: {}",
                ui.t(
                    "interrupted; everything it started was stopped",
                    "interrompido; tudo o que foi iniciado foi encerrado"
                )
            );
            ExitCode::from(130)
        }
    }
}

/// The `--lang` value, if one can be read from arguments that failed to
/// parse, so the usage error itself is in the right language.
fn lang_hint(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, a)| {
        let value = a
            .strip_prefix("--lang=")
            .or_else(|| (*a == "--lang").then(|| args.get(i + 1).copied()).flatten())?;
        flags::parse_lang(value).ok()
    })
}

fn run(flags: &flags::Flags, ui: &Ui) -> Result<bool, Failure> {
    if flags.command == Command::Help {
        print!("{}", help(ui.lang));
        return Ok(true);
    }
    let root = Course::locate(flags.root.as_deref())?;
    let course = Course::load(root)?;
    match &flags.command {
        Command::Help => unreachable!("handled above"),
        Command::Verify(options) => verify::run(&course, ui, options),
        Command::List => list::run(&course, ui),
        Command::Hint { exercise } => hint::run(&course, ui, exercise.as_deref()),
        Command::Solution { exercise } => solution::run(&course, ui, exercise.as_deref()),
        Command::Reset { exercise } => reset::run(&course, ui, exercise),
        Command::Watch(options) => watch::run(&course, ui, options),
        Command::Check(options) => check::run(&course, ui, options),
        Command::Seal => check::seal(&course, ui),
        Command::Bench(options) => bench::run(&course, ui, options),
    }
}

fn help(lang: Lang) -> &'static str {
    lang.pick(
        "\
cargo xtask: the channels course runner

Commands:
  verify [EXERCISE]     check the exercises in order and stop at the first that does not pass
  verify --solutions    the same checks on the reference solutions
  list                  every exercise with its state (done, next, pending)
  hint [EXERCISE]       the hints of an exercise (default: the next one)
  solution [EXERCISE]   your file(s) against the reference solution, as a diff
                        (default: the last exercise you finished)
  reset EXERCISE        restore the shipped version (your version is saved first)
  watch                 verify again on every save (q quits, h hint, l list, s solution)

For course maintainers:
  check                 every solution passes, every shipped exercise fails, texts in both languages
  seal                  record the shipped files (shipped-files.txt) after changing an exercise
  bench                 measure the runner against cargo

Options:
  --lang en|pt-BR       language (default: from LC_ALL, LC_MESSAGES or LANG)
  --root DIR            the course folder (default: found from the current folder)

EXERCISE is a number (3, 03), a folder name (03_loop_send) or a name (loop_send).
Exit codes: 0 all pass, 1 one does not, 2 usage or setup error.
",
        "\
cargo xtask: o executor do curso de canais

Comandos:
  verify [EXERCÍCIO]    confere os exercícios em ordem e para no primeiro que não passa
  verify --solutions    as mesmas conferências nas soluções de referência
  list                  todos os exercícios com o estado (feito, próximo, pendente)
  hint [EXERCÍCIO]      as dicas de um exercício (padrão: o próximo)
  solution [EXERCÍCIO]  seu(s) arquivo(s) comparado(s) com a solução de referência
                        (padrão: o último exercício concluído)
  reset EXERCÍCIO       restaura a versão original (a sua é salva antes)
  watch                 confere de novo a cada salvamento (q sai, h dica, l lista, s solução)

Para quem mantém o curso:
  check                 toda solução passa, todo exercício original falha, textos nos dois idiomas
  seal                  registra os arquivos originais (shipped-files.txt) depois de mudar um exercício
  bench                 mede o executor contra o cargo

Opções:
  --lang en|pt-BR       idioma (padrão: LC_ALL, LC_MESSAGES ou LANG)
  --root PASTA          a pasta do curso (padrão: encontrada a partir da pasta atual)

EXERCÍCIO é um número (3, 03), um nome de pasta (03_loop_send) ou um nome (loop_send).
Códigos de saída: 0 tudo passa, 1 algum não passa, 2 erro de uso ou de configuração.
",
    )
}
