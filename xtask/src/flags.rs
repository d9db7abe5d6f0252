//! The command line, parsed and validated, and nothing more.
//!
//! Every flag of the runner is here; the rest of the code receives a
//! [`Flags`] value and never looks at `std::env::args`. Parsing does not touch
//! the file system: an EXERCISE argument stays a string until the course is
//! loaded and [`crate::course::Course::select`] matches it against the
//! exercises that exist.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::lang::Lang;

#[derive(Debug, PartialEq, Eq)]
pub struct Flags {
    /// `--lang`, when given; otherwise the locale decides.
    pub lang: Option<Lang>,
    /// `--root DIR`: the course to work on (default: found from the current
    /// directory upwards).
    pub root: Option<PathBuf>,
    pub command: Command,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Verify(Verify),
    List,
    Hint { exercise: Option<String> },
    Solution { exercise: Option<String> },
    Reset { exercise: String },
    Watch(Watch),
    Check(Check),
    Seal,
    Bench(Bench),
    Help,
}

#[derive(Debug, PartialEq, Eq, Default)]
pub struct Verify {
    pub exercise: Option<String>,
    pub solutions: bool,
}

#[derive(Debug, PartialEq, Eq, Default)]
pub struct Watch {
    /// Look at modification times on a timer instead of trusting file events.
    pub poll: bool,
    pub solutions: bool,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Check {
    /// How many times every solution's tests are run, half of them with the
    /// machine loaded.
    pub repeat: u32,
    /// Skip clippy and rustfmt (they need those components installed).
    pub no_lints: bool,
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

/// A usage error: what was wrong, in both languages, for the caller to print.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError {
    pub en: String,
    pub pt: String,
}

fn usage(en: impl Into<String>, pt: impl Into<String>) -> UsageError {
    UsageError {
        en: en.into(),
        pt: pt.into(),
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Flags, UsageError> {
    let mut lang = None;
    let mut root = None;
    let mut words: Vec<String> = Vec::new();
    let mut options: Vec<(String, Option<String>)> = Vec::new();

    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let Some(arg) = arg.to_str().map(str::to_owned) else {
            return Err(usage(
                "arguments must be valid UTF-8",
                "os argumentos precisam ser UTF-8 válido",
            ));
        };
        // `--name=value` and `--name value` both work for options that take
        // a value.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, UsageError> {
            match inline
                .clone()
                .or_else(|| args.next().and_then(|a| a.into_string().ok()))
            {
                Some(v) if !v.is_empty() => Ok(v),
                _ => Err(usage(
                    format!("{name} needs a value"),
                    format!("{name} precisa de um valor"),
                )),
            }
        };
        match name.as_str() {
            "--lang" => lang = Some(parse_lang(&value("--lang")?)?),
            "--root" => root = Some(PathBuf::from(value("--root")?)),
            "-h" | "--help" => words.insert(0, "help".to_owned()),
            "--runs" | "--repeat" | "--write" => {
                let v = value(&name)?;
                options.push((name, Some(v)));
            }
            n if n.starts_with('-') && n.len() > 1 => options.push((arg, None)),
            _ => words.push(arg),
        }
    }

    let mut words = words.into_iter();
    let command_word = words.next();
    let positional: Vec<String> = words.collect();
    let command = match command_word.as_deref() {
        None | Some("help") => {
            allow(&options, &[])?;
            Command::Help
        }
        Some("verify") => {
            allow(&options, &["--solutions"])?;
            Command::Verify(Verify {
                exercise: at_most_one(positional, "verify")?,
                solutions: has(&options, "--solutions"),
            })
        }
        Some("list") => {
            allow(&options, &[])?;
            none(positional, "list")?;
            Command::List
        }
        Some("hint") => {
            allow(&options, &[])?;
            Command::Hint {
                exercise: at_most_one(positional, "hint")?,
            }
        }
        Some("solution") => {
            allow(&options, &[])?;
            Command::Solution {
                exercise: at_most_one(positional, "solution")?,
            }
        }
        Some("reset") => {
            allow(&options, &[])?;
            match at_most_one(positional, "reset")? {
                Some(exercise) => Command::Reset { exercise },
                None => {
                    return Err(usage(
                        "reset needs the exercise to restore, e.g. `cargo xtask reset 03`",
                        "reset precisa do exercício a restaurar, por exemplo `cargo xtask reset 03`",
                    ));
                }
            }
        }
        Some("watch") => {
            allow(&options, &["--poll", "--solutions"])?;
            none(positional, "watch")?;
            Command::Watch(Watch {
                poll: has(&options, "--poll"),
                solutions: has(&options, "--solutions"),
            })
        }
        Some("check") => {
            allow(&options, &["--repeat", "--no-lints"])?;
            none(positional, "check")?;
            Command::Check(Check {
                repeat: number(&options, "--repeat", 3)?,
                no_lints: has(&options, "--no-lints"),
            })
        }
        Some("seal") => {
            allow(&options, &[])?;
            none(positional, "seal")?;
            Command::Seal
        }
        Some("bench") => {
            allow(&options, &["--runs", "--smoke", "--write"])?;
            none(positional, "bench")?;
            let smoke = has(&options, "--smoke");
            Command::Bench(Bench {
                runs: number(&options, "--runs", if smoke { 1 } else { 5 })?,
                smoke,
                write: option_value(&options, "--write").map(PathBuf::from),
            })
        }
        Some(other) => {
            return Err(usage(
                format!("unknown command `{other}`; run `cargo xtask help` to see the commands"),
                format!(
                    "comando desconhecido `{other}`; rode `cargo xtask help` para ver os comandos"
                ),
            ));
        }
    };
    Ok(Flags {
        lang,
        root,
        command,
    })
}

/// `en`, `pt-BR` (and the spellings people type for them).
pub fn parse_lang(value: &str) -> Result<Lang, UsageError> {
    match value.to_ascii_lowercase().replace('_', "-").as_str() {
        "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
        "pt-br" | "pt" | "portugues" | "português" => Ok(Lang::PtBr),
        _ => Err(usage(
            format!("--lang takes `en` or `pt-BR`, not `{value}`"),
            format!("--lang aceita `en` ou `pt-BR`, não `{value}`"),
        )),
    }
}

fn has(options: &[(String, Option<String>)], name: &str) -> bool {
    options.iter().any(|(n, _)| n == name)
}

fn option_value<'a>(options: &'a [(String, Option<String>)], name: &str) -> Option<&'a str> {
    options
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .and_then(|(_, v)| v.as_deref())
}

fn number(
    options: &[(String, Option<String>)],
    name: &str,
    default: u32,
) -> Result<u32, UsageError> {
    match option_value(options, name) {
        None => Ok(default),
        Some(v) => match v.parse::<u32>() {
            Ok(n) if n > 0 => Ok(n),
            _ => Err(usage(
                format!("{name} takes a positive whole number, not `{v}`"),
                format!("{name} aceita um número inteiro positivo, não `{v}`"),
            )),
        },
    }
}

fn allow(options: &[(String, Option<String>)], allowed: &[&str]) -> Result<(), UsageError> {
    match options.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
        None => Ok(()),
        Some((n, _)) => Err(usage(
            format!("unknown option `{n}` here; run `cargo xtask help`"),
            format!("opção desconhecida `{n}` aqui; rode `cargo xtask help`"),
        )),
    }
}

fn at_most_one(mut positional: Vec<String>, command: &str) -> Result<Option<String>, UsageError> {
    if positional.len() > 1 {
        return Err(usage(
            format!("`{command}` takes at most one exercise"),
            format!("`{command}` aceita no máximo um exercício"),
        ));
    }
    Ok(positional.pop())
}

fn none(positional: Vec<String>, command: &str) -> Result<(), UsageError> {
    match positional.first() {
        None => Ok(()),
        Some(extra) => Err(usage(
            format!("`{command}` takes no argument, but got `{extra}`"),
            format!("`{command}` não aceita argumentos, mas recebeu `{extra}`"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Flags, UsageError> {
        parse(args.iter().map(OsString::from))
    }

    fn cmd(args: &[&str]) -> Command {
        p(args).expect("valid").command
    }

    #[test]
    fn no_arguments_means_help() {
        assert_eq!(cmd(&[]), Command::Help);
        assert_eq!(cmd(&["--help"]), Command::Help);
        assert_eq!(cmd(&["verify", "-h"]), Command::Help);
    }

    #[test]
    fn verify_with_and_without_an_exercise() {
        assert_eq!(cmd(&["verify"]), Command::Verify(Verify::default()));
        assert_eq!(
            cmd(&["verify", "03"]),
            Command::Verify(Verify {
                exercise: Some("03".into()),
                solutions: false
            })
        );
        assert_eq!(
            cmd(&["verify", "--solutions"]),
            Command::Verify(Verify {
                exercise: None,
                solutions: true
            })
        );
    }

    #[test]
    fn lang_in_either_spelling_and_position() {
        let f = p(&["--lang", "pt-BR", "list"]).unwrap();
        assert_eq!(f.lang, Some(Lang::PtBr));
        let f = p(&["list", "--lang=en"]).unwrap();
        assert_eq!(f.lang, Some(Lang::En));
        assert_eq!(
            p(&["list", "--lang", "pt_br"]).unwrap().lang,
            Some(Lang::PtBr)
        );
    }

    #[test]
    fn a_bad_language_is_a_usage_error_in_both_languages() {
        let e = p(&["--lang", "fr", "list"]).unwrap_err();
        assert!(e.en.contains("fr") && e.pt.contains("fr"));
    }

    #[test]
    fn a_missing_value_is_a_usage_error() {
        assert!(p(&["list", "--lang"]).is_err());
        assert!(p(&["list", "--root="]).is_err());
    }

    #[test]
    fn reset_needs_an_exercise() {
        assert!(p(&["reset"]).is_err());
        assert_eq!(
            cmd(&["reset", "loop_send"]),
            Command::Reset {
                exercise: "loop_send".into()
            }
        );
    }

    #[test]
    fn extra_words_and_unknown_options_are_refused() {
        assert!(p(&["verify", "01", "02"]).is_err());
        assert!(p(&["list", "extra"]).is_err());
        assert!(p(&["hint", "--solutions"]).is_err());
        assert!(p(&["frobnicate"]).is_err());
    }

    #[test]
    fn root_and_watch_options() {
        let f = p(&["--root", "/tmp/course", "watch", "--poll"]).unwrap();
        assert_eq!(f.root, Some(PathBuf::from("/tmp/course")));
        assert_eq!(
            f.command,
            Command::Watch(Watch {
                poll: true,
                solutions: false
            })
        );
    }

    #[test]
    fn numbers_must_be_positive() {
        assert!(p(&["check", "--repeat", "0"]).is_err());
        assert!(p(&["check", "--repeat", "x"]).is_err());
        match cmd(&["check", "--repeat=5"]) {
            Command::Check(c) => assert_eq!(c.repeat, 5),
            other => panic!("{other:?}"),
        }
        match cmd(&["bench", "--smoke"]) {
            Command::Bench(b) => assert!(b.smoke && b.runs == 1),
            other => panic!("{other:?}"),
        }
    }
}
