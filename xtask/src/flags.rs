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

/// Options that take a value (`--name value` or `--name=value`).
const WITH_VALUE: &[&str] = &["lang", "root", "runs", "repeat", "write"];

/// Parses the arguments after the program name.
///
/// `lexopt` splits the words (`--name=value`, `--name value`, `--` before
/// positional words, `-h` anywhere); this function only decides what they
/// mean. Options may stand before or after the command word; whether an
/// option belongs to the command is checked once the command is known.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Flags, UsageError> {
    use lexopt::Arg::{Long, Short, Value};
    let mut lang = None;
    let mut root = None;
    let mut help = false;
    let mut words: Vec<String> = Vec::new();
    let mut options: Vec<(String, Option<String>)> = Vec::new();

    let mut parser =
        lexopt::Parser::from_iter(std::iter::once(OsString::from("xtask")).chain(args));
    while let Some(arg) = parser.next().map_err(from_lexopt)? {
        match arg {
            Short('h') | Long("help") => help = true,
            Long(name) if WITH_VALUE.contains(&name) => {
                let name = format!("--{name}");
                let value = parser
                    .value()
                    .map_err(from_lexopt)?
                    .into_string()
                    .map_err(|_| not_unicode())?;
                if value.is_empty() {
                    return Err(usage(
                        format!("{name} needs a value"),
                        format!("{name} precisa de um valor"),
                    ));
                }
                match name.as_str() {
                    "--lang" => lang = Some(parse_lang(&value)?),
                    "--root" => root = Some(PathBuf::from(value)),
                    _ => options.push((name, Some(value))),
                }
            }
            Long(name) => options.push((format!("--{name}"), None)),
            Short(c) => options.push((format!("-{c}"), None)),
            Value(word) => words.push(word.into_string().map_err(|_| not_unicode())?),
        }
    }
    if help {
        return Ok(Flags {
            lang,
            root,
            command: Command::Help,
        });
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

fn not_unicode() -> UsageError {
    usage(
        "arguments must be valid UTF-8",
        "os argumentos precisam ser UTF-8 válido",
    )
}

/// lexopt's own errors, said in both languages.
fn from_lexopt(error: lexopt::Error) -> UsageError {
    match error {
        lexopt::Error::MissingValue { option } => {
            let name = option.unwrap_or_default();
            usage(
                format!("{name} needs a value"),
                format!("{name} precisa de um valor"),
            )
        }
        lexopt::Error::UnexpectedValue { option, .. } => usage(
            format!("{option} takes no value"),
            format!("{option} não aceita valor"),
        ),
        lexopt::Error::NonUnicodeValue(_) => not_unicode(),
        other => usage(
            format!("cannot read the command line: {other}"),
            format!("não foi possível ler a linha de comando: {other}"),
        ),
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
    fn help_wins_wherever_it_stands() {
        assert_eq!(cmd(&["verify", "--solutions", "--help"]), Command::Help);
        assert_eq!(cmd(&["watch", "--poll", "-h"]), Command::Help);
        assert_eq!(cmd(&["-h", "frobnicate"]), Command::Help);
    }

    #[test]
    fn a_double_dash_ends_the_options() {
        assert_eq!(
            cmd(&["verify", "--", "03"]),
            Command::Verify(Verify {
                exercise: Some("03".into()),
                solutions: false
            })
        );
        // After `--`, a word that looks like an option is an exercise name.
        assert_eq!(
            cmd(&["hint", "--", "--solutions"]),
            Command::Hint {
                exercise: Some("--solutions".into())
            }
        );
    }

    #[test]
    fn a_flag_given_a_value_is_refused() {
        let e = p(&["verify", "--solutions=yes"]).unwrap_err();
        assert!(e.en.contains("--solutions takes no value"), "{}", e.en);
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
