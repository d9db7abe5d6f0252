//! The maintainers' command line: `[--lang L] [--root DIR] check|seal|bench
//! [options]`, as `cargo xtask` hands it over. Its errors are in English:
//! maintainers read them.

use std::ffi::OsString;
use std::path::PathBuf;

use xtask::flags::parse_lang;
use xtask::texts::Lang;

#[derive(Debug, PartialEq, Eq)]
pub struct Flags {
    pub lang: Option<Lang>,
    pub root: Option<PathBuf>,
    pub command: Command,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Check(Check),
    Seal,
    Bench(Bench),
    Help,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    /// Only this exercise (default: the whole course).
    pub exercise: Option<String>,
    /// How many times every solution's tests are run, half of them with the
    /// machine loaded.
    pub repeat: u32,
    /// Skip clippy and rustfmt (they need those components installed).
    pub no_lints: bool,
    /// Skip the catalogue of learner answers.
    pub no_catalogue: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Bench {
    /// Runs per measurement.
    pub runs: u32,
    /// A short run that only proves the benchmark still works.
    pub smoke: bool,
    /// Where to write the report (default: print only).
    pub write: Option<PathBuf>,
}

pub const HELP: &str = "\
cargo xtask, for course maintainers (the `maint` binary of xtask/maint)

Commands:
  check [EXERCISE]      every solution passes, every shipped exercise fails, every answer of
                        the catalogue gets its verdict, texts in both languages
    --repeat N          rounds of the solutions' tests and of the catalogue, every other one
                        under load (default 3)
    --no-catalogue      leave out the catalogue of learner answers
    --no-lints          leave out clippy and rustfmt
  seal                  record the shipped files (shipped-files.txt) after changing an exercise
  bench                 measure the runner against cargo
    --runs N            runs per measurement (default 5)
    --smoke             one short run, to prove the benchmark still works
    --write PATH        also write the report there

Options:
  --lang en|pt-BR       language of the check's report (default: from the locale)
  --root DIR            the course folder (default: found from the current folder)
";

/// Parses the arguments after the program name; the error is one line.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Flags, String> {
    use lexopt::Arg::{Long, Short, Value};
    let mut parser =
        lexopt::Parser::from_iter(std::iter::once(OsString::from("maint")).chain(args));
    let (mut lang, mut root, mut help) = (None, None, false);
    let mut words: Vec<String> = Vec::new();
    let mut options: Vec<(String, Option<String>)> = Vec::new();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => help = true,
            Long(name @ ("lang" | "root" | "repeat" | "runs" | "write")) => {
                let name = name.to_owned();
                let value = parser.value().map_err(|e| e.to_string())?;
                let value = value
                    .into_string()
                    .map_err(|_| format!("--{name} must be valid UTF-8"))?;
                match name.as_str() {
                    "lang" => lang = Some(parse_lang(&value).map_err(|_| bad_lang(&value))?),
                    "root" => root = Some(PathBuf::from(value)),
                    _ => options.push((format!("--{name}"), Some(value))),
                }
            }
            Long(name) => options.push((format!("--{name}"), None)),
            Short(c) => options.push((format!("-{c}"), None)),
            Value(word) => words.push(
                word.into_string()
                    .map_err(|_| "arguments must be valid UTF-8".to_owned())?,
            ),
        }
    }
    let command = if help {
        Command::Help
    } else {
        command(words, &options)?
    };
    Ok(Flags {
        lang,
        root,
        command,
    })
}

fn bad_lang(value: &str) -> String {
    format!("--lang takes `en` or `pt-BR`, not `{value}`")
}

fn command(words: Vec<String>, options: &[(String, Option<String>)]) -> Result<Command, String> {
    let mut words = words.into_iter();
    let word = words.next();
    let rest: Vec<String> = words.collect();
    let allow =
        |allowed: &[&str]| match options.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
            Some((name, _)) => Err(format!("unknown option `{name}` here; see --help")),
            None => Ok(()),
        };
    let value = |name: &str| {
        options
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| v.clone())
    };
    let has = |name: &str| options.iter().any(|(n, _)| n == name);
    let number = |name: &str, default: u32| match value(name) {
        None => Ok(default),
        Some(v) => match v.parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(format!("{name} takes a whole number above 0, not `{v}`")),
        },
    };
    match word.as_deref() {
        Some("check") => {
            allow(&["--repeat", "--no-lints", "--no-catalogue"])?;
            if rest.len() > 1 {
                return Err("check takes at most one exercise".to_owned());
            }
            Ok(Command::Check(Check {
                exercise: rest.into_iter().next(),
                repeat: number("--repeat", 3)?,
                no_lints: has("--no-lints"),
                no_catalogue: has("--no-catalogue"),
            }))
        }
        Some("seal") => {
            allow(&[])?;
            match rest.first() {
                Some(extra) => Err(format!("seal takes no argument (`{extra}`)")),
                None => Ok(Command::Seal),
            }
        }
        Some("bench") => {
            allow(&["--runs", "--smoke", "--write"])?;
            if let Some(extra) = rest.first() {
                return Err(format!("bench takes no argument (`{extra}`)"));
            }
            let smoke = has("--smoke");
            Ok(Command::Bench(Bench {
                runs: number("--runs", if smoke { 1 } else { 5 })?,
                smoke,
                write: value("--write").map(PathBuf::from),
            }))
        }
        None => Ok(Command::Help),
        Some(other) => Err(format!(
            "`{other}` is not a maintainers' command (check, seal, bench)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Flags, String> {
        parse(args.iter().map(OsString::from))
    }

    #[test]
    fn numbers_must_be_positive() {
        assert!(p(&["check", "--repeat", "0"]).is_err());
        assert!(p(&["check", "--repeat", "x"]).is_err());
        match p(&["check", "--repeat=5", "03"]).unwrap().command {
            Command::Check(c) => assert_eq!((c.repeat, c.exercise.as_deref()), (5, Some("03"))),
            other => panic!("{other:?}"),
        }
        match p(&["bench", "--smoke"]).unwrap().command {
            Command::Bench(b) => assert!(b.smoke && b.runs == 1),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn global_options_stand_anywhere_and_strays_are_refused() {
        let f = p(&["--lang", "pt-BR", "--root", "/c", "seal"]).unwrap();
        assert_eq!(
            (f.lang, f.root, f.command),
            (Some(Lang::PtBr), Some(PathBuf::from("/c")), Command::Seal)
        );
        assert_eq!(p(&["check", "--lang=en"]).unwrap().lang, Some(Lang::En));
        assert!(p(&["seal", "extra"]).is_err());
        assert!(p(&["check", "--poll"]).is_err());
        assert!(p(&["verify"]).is_err());
        assert_eq!(p(&["bench", "-h"]).unwrap().command, Command::Help);
    }
}
