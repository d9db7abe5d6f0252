//! The command line, parsed and validated, and nothing more.
//!
//! Every flag of the runner is here; the rest of the code receives a
//! [`Flags`] value and never looks at `std::env::args`. Parsing does not touch
//! the file system: an EXERCISE argument stays a string until the course is
//! loaded and [`crate::course::Course::select`] matches it against the
//! exercises that exist.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::texts::Lang;

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
    Hint {
        exercise: Option<String>,
        all: bool,
    },
    Solution {
        exercise: Option<String>,
    },
    Reset {
        exercise: String,
    },
    Watch(Watch),
    Grade(Grade),
    Help,
    /// `check`, `seal` or `bench`: the whole command line, for the
    /// maintainers' binary to parse ([`MAINT_COMMANDS`]).
    Maint(Vec<OsString>),
}

/// The maintainers' commands: the learner's runner hands them over to the
/// maintainers' binary (`xtask/maint`) without reading their options.
pub const MAINT_COMMANDS: [&str; 3] = ["check", "seal", "bench"];

#[derive(Debug, PartialEq, Eq, Default)]
pub struct Verify {
    pub exercise: Option<String>,
    pub solutions: bool,
    /// `--all`: judge every exercise, not only up to the first failure.
    pub all: bool,
    /// `--pristine`: judge with the shipped tests, support library and
    /// manifests, taken from git, whatever the local copies say.
    pub pristine: bool,
    /// `--format text|json`: what goes to stdout.
    pub format: Format,
    /// `--junit PATH`: also write a JUnit XML report there.
    pub junit: Option<PathBuf>,
}

/// What `verify` prints.
#[derive(Debug, PartialEq, Eq, Default, Clone, Copy)]
pub enum Format {
    /// For people (the default).
    #[default]
    Text,
    /// One JSON document for programs (shaped after Exercism's
    /// `results.json`, version 3).
    Json,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Grade {
    /// The course folders to grade (one per student).
    pub folders: Vec<PathBuf>,
}

#[derive(Debug, PartialEq, Eq, Default)]
pub struct Watch {
    /// Look at modification times on a timer instead of trusting file events.
    pub poll: bool,
    pub solutions: bool,
    /// Stay on this exercise (default: the course in order).
    pub exercise: Option<String>,
}

/// What was wrong with the command line; [`crate::texts::messages::usage`]
/// says it in the learner's language.
#[derive(Debug, PartialEq, Eq)]
pub enum Usage {
    NotUnicode,
    NeedsValue(String),
    TakesNoValue(String),
    BadLang(String),
    UnknownOption(String),
    UnknownCommand(String),
    AtMostOneExercise(&'static str),
    NoArgument(&'static str, String),
    ResetNeedsExercise,
    BadFormat(String),
    GradeNeedsFolders,
    Other(String),
}

/// A text of the help in English and in Brazilian Portuguese.
pub type Help = [&'static str; 2];

/// One command of the learner's runner, declared once: the parser accepts
/// what this says, and the help ([`crate::texts::messages::help`]) is made
/// from it.
pub struct Spec {
    pub word: &'static str,
    /// The positional words it takes.
    pub takes: Takes,
    /// Its options, in the order the help lists them.
    pub options: &'static [Opt],
    /// What it does: one line, or several joined by `\n`.
    pub about: Help,
    /// Who it is for (and so where the help lists it).
    pub audience: Audience,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Takes {
    Nothing,
    /// `[EXERCISE]`
    AnExercise,
    /// `EXERCISE`
    OneExercise,
    /// `FOLDER...`
    Folders,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    Learner,
    Teacher,
}

pub struct Opt {
    /// `--all`
    pub name: &'static str,
    /// The value's name in the help (`PATH`), when it takes one.
    pub value: Option<Help>,
    pub about: Help,
    pub audience: Audience,
}

const fn flag(name: &'static str, about: Help) -> Opt {
    Opt {
        name,
        value: None,
        about,
        audience: Audience::Learner,
    }
}

const fn for_teachers(name: &'static str, value: Option<Help>, about: Help) -> Opt {
    Opt {
        name,
        value,
        about,
        audience: Audience::Teacher,
    }
}

/// The learner's runner's commands. The maintainers' ([`MAINT_COMMANDS`])
/// are declared by their own binary.
pub const COMMANDS: &[Spec] = &[
    Spec {
        word: "verify",
        takes: Takes::AnExercise,
        options: &[
            flag(
                "--solutions",
                [
                    "the same checks on the reference solutions",
                    "as mesmas conferências nas soluções de referência",
                ],
            ),
            for_teachers(
                "--all",
                None,
                [
                    "judge every exercise, not only up to the first failure",
                    "julga todos os exercícios, não só até a primeira falha",
                ],
            ),
            for_teachers(
                "--pristine",
                None,
                [
                    "with the shipped tests, support library and manifests from git",
                    "com os testes, a biblioteca de apoio e os manifestos originais, do git",
                ],
            ),
            for_teachers(
                "--format",
                Some(["text|json", "text|json"]),
                [
                    "json: one JSON document on stdout (Exercism's results.json, extended)",
                    "json: um documento JSON na saída (o results.json do Exercism, estendido)",
                ],
            ),
            for_teachers(
                "--junit",
                Some(["PATH", "CAMINHO"]),
                [
                    "also write a JUnit XML report",
                    "grava também um relatório JUnit XML",
                ],
            ),
        ],
        about: [
            "check the exercises in order and stop at the first that does not pass",
            "confere os exercícios em ordem e para no primeiro que não passa",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "list",
        takes: Takes::Nothing,
        options: &[],
        about: [
            "every exercise with its state (done, next, pending)",
            "todos os exercícios com o estado (feito, próximo, pendente)",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "hint",
        takes: Takes::AnExercise,
        options: &[flag("--all", ["all its hints", "todas as dicas"])],
        about: [
            "the next hint of an exercise (default: the next exercise)",
            "a próxima dica de um exercício (padrão: o próximo exercício)",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "solution",
        takes: Takes::AnExercise,
        options: &[],
        about: [
            "your file(s) against the reference solution, as a diff\n\
             (default: the last exercise you finished)",
            "seu(s) arquivo(s) comparado(s) com a solução de referência\n\
             (padrão: o último exercício concluído)",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "reset",
        takes: Takes::OneExercise,
        options: &[],
        about: [
            "restore the shipped version (your version is saved first)",
            "restaura a versão original (a sua é salva antes)",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "watch",
        takes: Takes::AnExercise,
        options: &[
            flag(
                "--solutions",
                [
                    "watch the reference solutions instead",
                    "observa as soluções de referência",
                ],
            ),
            flag(
                "--poll",
                [
                    "look for saves on a timer instead of file events",
                    "procura salvamentos a cada instante, sem eventos de arquivo",
                ],
            ),
        ],
        about: [
            "verify again on every save (q quits, h next hint, l list,\n\
             s solution, v whole result); with EXERCISE, only that one",
            "confere de novo a cada salvamento (q sai, h próxima dica, l lista,\n\
             s solução, v resultado inteiro); com EXERCÍCIO, só esse",
        ],
        audience: Audience::Learner,
    },
    Spec {
        word: "grade",
        takes: Takes::Folders,
        options: &[],
        about: [
            "grade several course folders (one per student) with the shipped\n\
             tests: one table of exercises passed and tests edited",
            "avalia várias pastas do curso (uma por aluno) com os testes\n\
             originais: uma tabela de exercícios aprovados e testes alterados",
        ],
        audience: Audience::Teacher,
    },
];

/// The options every command takes.
pub const GLOBAL: &[Opt] = &[
    Opt {
        name: "--lang",
        value: Some(["en|pt-BR", "en|pt-BR"]),
        about: [
            "language (default: from LC_ALL, LC_MESSAGES or LANG)",
            "idioma (padrão: LC_ALL, LC_MESSAGES ou LANG)",
        ],
        audience: Audience::Learner,
    },
    Opt {
        name: "--root",
        value: Some(["DIR", "PASTA"]),
        about: [
            "the course folder (default: found from the current folder)",
            "a pasta do curso (padrão: encontrada a partir da pasta atual)",
        ],
        audience: Audience::Learner,
    },
];

/// Whether the option `--name` takes a value, in any command.
fn takes_value(name: &str) -> bool {
    GLOBAL
        .iter()
        .chain(COMMANDS.iter().flat_map(|c| c.options))
        .any(|o| o.value.is_some() && o.name.strip_prefix("--") == Some(name))
}

/// The words of a command line, split but not yet understood.
struct Words {
    lang: Option<Lang>,
    root: Option<PathBuf>,
    help: bool,
    /// The command word and the positional words after it.
    words: Vec<String>,
    /// Other options, with their value when they take one.
    options: Vec<(String, Option<String>)>,
}

/// Parses the arguments after the program name.
pub fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Flags, Usage> {
    let args: Vec<OsString> = args.into_iter().collect();
    if command_word(&args).is_some_and(|word| MAINT_COMMANDS.contains(&word)) {
        return Ok(Flags {
            lang: None,
            root: None,
            command: Command::Maint(args),
        });
    }
    let words = split(args)?;
    let command = if words.help {
        Command::Help
    } else {
        command(words.words, &words.options)?
    };
    Ok(Flags {
        lang: words.lang,
        root: words.root,
        command,
    })
}

/// The command word: the first word that is neither an option nor the
/// value of `--lang` or `--root`.
fn command_word(args: &[OsString]) -> Option<&str> {
    let mut args = args.iter().map(|a| a.to_str().unwrap_or_default());
    while let Some(arg) = args.next() {
        match arg {
            "--" => return args.next(),
            "--lang" | "--root" => {
                args.next();
            }
            _ if arg.starts_with('-') => {}
            word => return Some(word),
        }
    }
    None
}

/// `lexopt` splits the words (`--name=value`, `--name value`, `--` before
/// positional words, `-h` anywhere); options may stand before or after the
/// command word.
fn split(args: impl IntoIterator<Item = OsString>) -> Result<Words, Usage> {
    use lexopt::Arg::{Long, Short, Value};
    let mut split = Words {
        lang: None,
        root: None,
        help: false,
        words: Vec::new(),
        options: Vec::new(),
    };
    let mut parser =
        lexopt::Parser::from_iter(std::iter::once(OsString::from("xtask")).chain(args));
    while let Some(arg) = parser.next().map_err(from_lexopt)? {
        match arg {
            Short('h') | Long("help") => split.help = true,
            Long(name) if takes_value(name) => {
                let name = format!("--{name}");
                let value = parser
                    .value()
                    .map_err(from_lexopt)?
                    .into_string()
                    .map_err(|_| not_unicode())?;
                if value.is_empty() {
                    return Err(Usage::NeedsValue(name));
                }
                match name.as_str() {
                    "--lang" => split.lang = Some(parse_lang(&value)?),
                    "--root" => split.root = Some(PathBuf::from(value)),
                    _ => split.options.push((name, Some(value))),
                }
            }
            Long(name) => split.options.push((format!("--{name}"), None)),
            Short(c) => split.options.push((format!("-{c}"), None)),
            Value(word) => split
                .words
                .push(word.into_string().map_err(|_| not_unicode())?),
        }
    }
    Ok(split)
}

/// The command the words name, checked against its declaration in
/// [`COMMANDS`]: its options and its positional words.
fn command(words: Vec<String>, options: &[(String, Option<String>)]) -> Result<Command, Usage> {
    let mut words = words.into_iter();
    let word = words.next();
    let positional: Vec<String> = words.collect();
    let Some(word) = word.filter(|w| w != "help") else {
        allow(options, &[])?;
        return Ok(Command::Help);
    };
    let spec = COMMANDS
        .iter()
        .find(|spec| spec.word == word)
        .ok_or(Usage::UnknownCommand(word))?;
    let declared: Vec<&str> = spec.options.iter().map(|o| o.name).collect();
    allow(options, &declared)?;
    let (exercise, folders) = match spec.takes {
        Takes::Nothing => (none(positional, spec.word)?, Vec::new()),
        Takes::AnExercise => (at_most_one(positional, spec.word)?, Vec::new()),
        Takes::OneExercise => match at_most_one(positional, spec.word)? {
            Some(exercise) => (Some(exercise), Vec::new()),
            None => return Err(Usage::ResetNeedsExercise),
        },
        Takes::Folders if positional.is_empty() => return Err(Usage::GradeNeedsFolders),
        Takes::Folders => (None, positional),
    };
    Ok(match spec.word {
        "verify" => Command::Verify(verify(exercise, options)?),
        "list" => Command::List,
        "hint" => Command::Hint {
            exercise,
            all: has(options, "--all"),
        },
        "solution" => Command::Solution { exercise },
        "reset" => Command::Reset {
            exercise: exercise.unwrap_or_default(),
        },
        "watch" => Command::Watch(Watch {
            poll: has(options, "--poll"),
            solutions: has(options, "--solutions"),
            exercise,
        }),
        "grade" => Command::Grade(Grade {
            folders: folders.into_iter().map(PathBuf::from).collect(),
        }),
        other => unreachable!("`{other}` is declared but has no command"),
    })
}

fn verify(exercise: Option<String>, options: &[(String, Option<String>)]) -> Result<Verify, Usage> {
    let format = match option_value(options, "--format") {
        None | Some("text") => Format::Text,
        Some("json") => Format::Json,
        Some(other) => return Err(Usage::BadFormat(other.to_owned())),
    };
    Ok(Verify {
        exercise,
        solutions: has(options, "--solutions"),
        all: has(options, "--all"),
        pristine: has(options, "--pristine"),
        format,
        junit: option_value(options, "--junit").map(PathBuf::from),
    })
}

/// `en`, `pt-BR` (and the spellings people type for them).
pub fn parse_lang(value: &str) -> Result<Lang, Usage> {
    match value.to_ascii_lowercase().replace('_', "-").as_str() {
        "en" | "en-us" | "en-gb" | "english" => Ok(Lang::En),
        "pt-br" | "pt" | "portugues" | "português" => Ok(Lang::PtBr),
        _ => Err(Usage::BadLang(value.to_owned())),
    }
}

/// The `--lang` value, if one can be read from arguments that failed to
/// parse, so the usage error itself is in the right language.
pub fn lang_hint(args: &[OsString]) -> Option<Lang> {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    args.iter().enumerate().find_map(|(i, a)| {
        let value = a
            .strip_prefix("--lang=")
            .or_else(|| (*a == "--lang").then(|| args.get(i + 1).copied()).flatten())?;
        parse_lang(value).ok()
    })
}

fn not_unicode() -> Usage {
    Usage::NotUnicode
}

/// lexopt's own errors, as usage errors.
fn from_lexopt(error: lexopt::Error) -> Usage {
    match error {
        lexopt::Error::MissingValue { option } => Usage::NeedsValue(option.unwrap_or_default()),
        lexopt::Error::UnexpectedValue { option, .. } => Usage::TakesNoValue(option),
        lexopt::Error::NonUnicodeValue(_) => Usage::NotUnicode,
        other => Usage::Other(other.to_string()),
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

fn allow(options: &[(String, Option<String>)], allowed: &[&str]) -> Result<(), Usage> {
    match options.iter().find(|(n, _)| !allowed.contains(&n.as_str())) {
        None => Ok(()),
        Some((n, _)) => Err(Usage::UnknownOption(n.clone())),
    }
}

fn at_most_one(
    mut positional: Vec<String>,
    command: &'static str,
) -> Result<Option<String>, Usage> {
    if positional.len() > 1 {
        return Err(Usage::AtMostOneExercise(command));
    }
    Ok(positional.pop())
}

/// Nothing (None), or the first word too many.
fn none(positional: Vec<String>, command: &'static str) -> Result<Option<String>, Usage> {
    match positional.into_iter().next() {
        None => Ok(None),
        Some(extra) => Err(Usage::NoArgument(command, extra)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Flags, Usage> {
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
                ..Verify::default()
            })
        );
        // After `--`, a word that looks like an option is an exercise name.
        assert_eq!(
            cmd(&["hint", "--", "--solutions"]),
            Command::Hint {
                exercise: Some("--solutions".into()),
                all: false,
            }
        );
    }

    #[test]
    fn a_flag_given_a_value_is_refused() {
        assert_eq!(
            p(&["verify", "--solutions=yes"]).unwrap_err(),
            Usage::TakesNoValue("--solutions".into())
        );
    }

    #[test]
    fn verify_with_and_without_an_exercise() {
        assert_eq!(cmd(&["verify"]), Command::Verify(Verify::default()));
        assert_eq!(
            cmd(&["verify", "03"]),
            Command::Verify(Verify {
                exercise: Some("03".into()),
                ..Verify::default()
            })
        );
        assert_eq!(
            cmd(&["verify", "--solutions"]),
            Command::Verify(Verify {
                solutions: true,
                ..Verify::default()
            })
        );
    }

    #[test]
    fn verify_for_grading() {
        assert_eq!(
            cmd(&[
                "verify",
                "--all",
                "--pristine",
                "--format",
                "json",
                "--junit=r.xml"
            ]),
            Command::Verify(Verify {
                all: true,
                pristine: true,
                format: Format::Json,
                junit: Some(PathBuf::from("r.xml")),
                ..Verify::default()
            })
        );
        match cmd(&["verify", "03", "--pristine", "--format=text"]) {
            Command::Verify(v) => {
                assert_eq!(v.exercise.as_deref(), Some("03"));
                assert!(v.pristine && !v.all && v.format == Format::Text);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            p(&["verify", "--format", "xml"]).unwrap_err(),
            Usage::BadFormat("xml".into())
        );
        assert!(p(&["verify", "--junit"]).is_err());
        assert!(p(&["list", "--all"]).is_err());
    }

    #[test]
    fn grade_takes_folders() {
        assert_eq!(
            cmd(&["grade", "a", "b"]),
            Command::Grade(Grade {
                folders: vec![PathBuf::from("a"), PathBuf::from("b")]
            })
        );
        assert_eq!(p(&["grade"]).unwrap_err(), Usage::GradeNeedsFolders);
        assert!(p(&["grade", "--pristine", "a"]).is_err());
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
    fn a_bad_language_is_a_usage_error() {
        assert_eq!(
            p(&["--lang", "fr", "list"]).unwrap_err(),
            Usage::BadLang("fr".into())
        );
    }

    #[test]
    fn the_language_is_found_even_in_a_bad_command_line() {
        let args: Vec<OsString> = ["verify", "--bogus", "--lang=pt-BR"]
            .iter()
            .map(OsString::from)
            .collect();
        assert_eq!(lang_hint(&args), Some(Lang::PtBr));
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
                solutions: false,
                exercise: None,
            })
        );
        match cmd(&["watch", "11"]) {
            Command::Watch(w) => assert_eq!(w.exercise.as_deref(), Some("11")),
            other => panic!("{other:?}"),
        }
        assert!(p(&["watch", "11", "12"]).is_err());
        assert_eq!(
            cmd(&["hint", "--all", "03"]),
            Command::Hint {
                exercise: Some("03".into()),
                all: true
            }
        );
    }

    #[test]
    fn every_declared_option_is_accepted_and_in_the_help() {
        for spec in COMMANDS {
            for o in spec.options {
                let mut args = vec![spec.word, o.name];
                if o.value.is_some() {
                    args.push("json");
                }
                if spec.takes == Takes::OneExercise || spec.takes == Takes::Folders {
                    args.push("03");
                }
                assert!(p(&args).is_ok(), "{args:?}");
            }
            for lang in Lang::ALL {
                let help = crate::texts::messages::help(lang);
                assert!(help.contains(&format!("  {} ", spec.word)), "{}", spec.word);
                for o in spec.options.iter().chain(GLOBAL) {
                    assert!(help.contains(&format!(" {}", o.name)), "{}", o.name);
                }
            }
        }
    }

    #[test]
    fn the_maintainers_commands_are_handed_over_whole() {
        let args = ["--lang", "en", "check", "--repeat=5", "03"];
        assert_eq!(
            cmd(&args),
            Command::Maint(args.iter().map(OsString::from).collect())
        );
        assert!(matches!(
            cmd(&["--root", "seal", "bench"]),
            Command::Maint(_)
        ));
        assert!(matches!(cmd(&["seal"]), Command::Maint(_)));
        // An exercise named like a command is still an exercise.
        assert!(matches!(cmd(&["verify", "check"]), Command::Verify(_)));
    }
}
