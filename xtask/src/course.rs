//! The course on disk: which exercises exist, in what order, and what each
//! one says about itself.
//!
//! An exercise is a directory `exercises/NN_name/` with a `Cargo.toml` whose
//! package is called `name`, and an `exercise.toml` holding its metadata
//! (the files the learner edits, its time limit, its title, hints and
//! time-out advice in both languages). Its solution is `solutions/NN_name/`.
//! Nothing else lists the exercises: adding one means adding its directory
//! and its solution.
//!
//! Loading validates the metadata strictly (unknown keys, a missing language,
//! an edit path that leaves the exercise) so that a maintainer's typo is a
//! clear setup error instead of a silently missing hint.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use crate::flags::UsageError;
use crate::lang::Lang;
use toml::de::{DeTable, DeValue};

pub const METADATA: &str = "exercise.toml";
pub const SHIPPED: &str = "shipped-files.txt";
const DEFAULT_TIME_LIMIT: u64 = 15;

#[derive(Debug)]
pub struct Course {
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
}

#[derive(Debug, Clone)]
pub struct Exercise {
    pub number: u32,
    /// `05_many_producers`
    pub dir_name: String,
    /// `many_producers`: the name part, which is also the package name.
    pub name: String,
    /// Absolute path of `exercises/NN_name`.
    pub dir: PathBuf,
    /// Files the learner edits, relative to `dir` (and to the solution's
    /// directory), with `/` separators.
    pub edit: Vec<String>,
    pub time_limit: Duration,
    pub en: Texts,
    pub pt: Texts,
}

#[derive(Debug, Clone, Default)]
pub struct Texts {
    pub title: String,
    pub hints: Vec<String>,
    pub on_timeout: String,
}

impl Exercise {
    pub fn texts(&self, lang: Lang) -> &Texts {
        lang.pick(&self.en, &self.pt)
    }

    /// The package name cargo knows the exercise by.
    pub fn package(&self) -> &str {
        &self.name
    }

    /// The instructions file in the learner's language.
    pub fn instructions(&self, lang: Lang) -> PathBuf {
        self.dir.join(lang.pick("README.md", "README.pt-BR.md"))
    }

    pub fn solution_dir(&self, root: &Path) -> PathBuf {
        root.join("solutions").join(&self.dir_name)
    }

    /// `03 loop_send`
    pub fn label(&self) -> String {
        format!("{:02} {}", self.number, self.name)
    }
}

impl Course {
    /// Finds the course: `--root` when given, else the nearest directory at
    /// or above the current one that has a `Cargo.toml` and an `exercises/`
    /// directory.
    pub fn locate(root: Option<&Path>) -> Result<PathBuf, UsageError> {
        if let Some(root) = root {
            if is_course(root) {
                return Ok(absolute(root));
            }
            return Err(UsageError {
                en: format!(
                    "`{}` is not a course: it needs a Cargo.toml and an exercises/ folder",
                    root.display()
                ),
                pt: format!(
                    "`{}` não é um curso: falta um Cargo.toml e uma pasta exercises/",
                    root.display()
                ),
            });
        }
        let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        here.ancestors()
            .find(|dir| is_course(dir))
            .map(Path::to_path_buf)
            .ok_or_else(|| UsageError {
                en: "run this inside the course repository (no folder with Cargo.toml and \
                     exercises/ found here or above)"
                    .into(),
                pt: "rode isto dentro do repositório do curso (nenhuma pasta com Cargo.toml e \
                     exercises/ aqui ou acima)"
                    .into(),
            })
    }

    pub fn load(root: PathBuf) -> Result<Course, UsageError> {
        let dir = root.join("exercises");
        let entries = fs::read_dir(&dir).map_err(|e| UsageError {
            en: format!("cannot read {}: {e}", dir.display()),
            pt: format!("não foi possível ler {}: {e}", dir.display()),
        })?;
        let mut exercises = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(dir_name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let Some((number, name)) = split_dir_name(dir_name) else {
                continue;
            };
            if !path.join("Cargo.toml").is_file() {
                continue;
            }
            exercises.push(load_exercise(&path, dir_name, number, name)?);
        }
        exercises.sort_by_key(|e| e.number);
        if let Some(pair) = exercises.windows(2).find(|w| w[0].number == w[1].number) {
            return Err(UsageError {
                en: format!(
                    "two exercises share the number {:02}: {} and {}",
                    pair[0].number, pair[0].dir_name, pair[1].dir_name
                ),
                pt: format!(
                    "dois exercícios têm o número {:02}: {} e {}",
                    pair[0].number, pair[0].dir_name, pair[1].dir_name
                ),
            });
        }
        if exercises.is_empty() {
            return Err(UsageError {
                en: format!("no exercises found in {}", dir.display()),
                pt: format!("nenhum exercício encontrado em {}", dir.display()),
            });
        }
        Ok(Course { root, exercises })
    }

    /// Matches an EXERCISE argument: a number (`3`, `03`), a directory name
    /// (`03_loop_send`) or a name (`loop_send`). Never a path.
    pub fn select(&self, wanted: &str) -> Result<&Exercise, UsageError> {
        let found = match wanted.parse::<u32>() {
            Ok(n) if wanted.chars().all(|c| c.is_ascii_digit()) => {
                self.exercises.iter().find(|e| e.number == n)
            }
            _ => self
                .exercises
                .iter()
                .find(|e| e.dir_name == wanted || e.name == wanted),
        };
        found.ok_or_else(|| {
            let list = self
                .exercises
                .iter()
                .map(Exercise::label)
                .collect::<Vec<_>>()
                .join(", ");
            UsageError {
                en: format!("no exercise called `{wanted}`. The exercises are: {list}"),
                pt: format!("não existe exercício chamado `{wanted}`. Os exercícios são: {list}"),
            }
        })
    }

    /// A path relative to the course root, for messages.
    pub fn show(&self, path: &Path) -> String {
        path.strip_prefix(&self.root)
            .unwrap_or(path)
            .display()
            .to_string()
    }
}

fn is_course(dir: &Path) -> bool {
    dir.join("Cargo.toml").is_file() && dir.join("exercises").is_dir()
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// `05_many_producers` -> (5, "many_producers").
pub fn split_dir_name(dir_name: &str) -> Option<(u32, &str)> {
    let (digits, name) = dir_name.split_once('_')?;
    let valid_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.starts_with(|c: char| c.is_ascii_digit());
    if digits.len() == 2 && digits.chars().all(|c| c.is_ascii_digit()) && valid_name {
        Some((digits.parse().ok()?, name))
    } else {
        None
    }
}

fn load_exercise(
    dir: &Path,
    dir_name: &str,
    number: u32,
    name: &str,
) -> Result<Exercise, UsageError> {
    let file = dir.join(METADATA);
    let shown = format!("exercises/{dir_name}/{METADATA}");
    let bad = |en: String, pt: String| UsageError {
        en: format!("malformed {shown}: {en}"),
        pt: format!("{shown} malformado: {pt}"),
    };
    let text = fs::read_to_string(&file).map_err(|e| {
        bad(
            format!("cannot read it ({e})"),
            format!("não foi possível lê-lo ({e})"),
        )
    })?;
    let doc = DeTable::parse(&text).map_err(|e| {
        let why = toml_error(&e);
        bad(why.clone(), why)
    })?;
    let doc = doc.get_ref();

    for key in doc.keys() {
        let key = key.get_ref().as_ref();
        if !["edit", "time_limit_secs", "en", "pt-BR"].contains(&key) {
            return Err(bad(
                format!("unknown key `{key}` (the languages are the tables [en] and [pt-BR])"),
                format!("chave desconhecida `{key}` (os idiomas são as tabelas [en] e [pt-BR])"),
            ));
        }
    }

    let edit: Vec<String> = match doc.get("edit") {
        None => vec!["src/lib.rs".to_owned()],
        Some(v) => string_list(v.get_ref())
            .filter(|list| !list.is_empty())
            .ok_or_else(|| {
                bad(
                    "`edit` must be a non-empty list of paths".into(),
                    "`edit` precisa ser uma lista não vazia de caminhos".into(),
                )
            })?,
    };
    for path in &edit {
        if !is_inside(path) {
            return Err(bad(
                format!("edit path `{path}` must be relative and stay inside the exercise"),
                format!(
                    "o caminho `{path}` em edit precisa ser relativo e ficar dentro do exercício"
                ),
            ));
        }
    }
    let time_limit = match doc.get("time_limit_secs") {
        None => DEFAULT_TIME_LIMIT,
        Some(v) => match integer(v.get_ref()) {
            Some(n @ 1..=600) => n as u64,
            _ => {
                return Err(bad(
                    "`time_limit_secs` must be a whole number from 1 to 600".into(),
                    "`time_limit_secs` precisa ser um inteiro de 1 a 600".into(),
                ));
            }
        },
    };

    let texts = |lang: Lang| -> Result<Texts, UsageError> {
        let code = lang.code();
        let table = doc
            .get(code)
            .and_then(|t| t.get_ref().as_table())
            .ok_or_else(|| {
                bad(
                    format!("the [{code}] table is missing"),
                    format!("falta a tabela [{code}]"),
                )
            })?;
        for key in table.keys() {
            let key = key.get_ref().as_ref();
            if !["title", "hints", "on_timeout"].contains(&key) {
                return Err(bad(
                    format!("unknown key `{key}` in [{code}]"),
                    format!("chave desconhecida `{key}` em [{code}]"),
                ));
            }
        }
        let text = |key: &str| -> Result<String, UsageError> {
            match table.get(key).and_then(|v| v.get_ref().as_str()) {
                Some(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
                _ => Err(bad(
                    format!("[{code}] needs a non-empty `{key}`"),
                    format!("[{code}] precisa de `{key}` não vazio"),
                )),
            }
        };
        let hints: Vec<String> = table
            .get("hints")
            .and_then(|v| string_list(v.get_ref()))
            .filter(|h| !h.is_empty() && h.iter().all(|s| !s.trim().is_empty()))
            .ok_or_else(|| {
                bad(
                    format!("[{code}] needs `hints`, a non-empty list of texts"),
                    format!("[{code}] precisa de `hints`, uma lista não vazia de textos"),
                )
            })?
            .into_iter()
            .map(|s| s.trim().to_owned())
            .collect();
        Ok(Texts {
            title: text("title")?,
            hints,
            on_timeout: text("on_timeout")?,
        })
    };
    let en = texts(Lang::En)?;
    let pt = texts(Lang::PtBr)?;
    if en.hints.len() != pt.hints.len() {
        return Err(bad(
            format!(
                "[en] has {} hints but [pt-BR] has {}: both languages must say the same",
                en.hints.len(),
                pt.hints.len()
            ),
            format!(
                "[en] tem {} dicas, mas [pt-BR] tem {}: os dois idiomas precisam dizer o mesmo",
                en.hints.len(),
                pt.hints.len()
            ),
        ));
    }

    Ok(Exercise {
        number,
        dir_name: dir_name.to_owned(),
        name: name.to_owned(),
        dir: dir.to_path_buf(),
        edit,
        time_limit: Duration::from_secs(time_limit),
        en,
        pt,
    })
}

/// A TOML error as one line: where, then what.
pub fn toml_error(error: &toml::de::Error) -> String {
    let first = error.to_string();
    let place = first.lines().next().unwrap_or_default();
    let place = place.strip_prefix("TOML parse error at ").unwrap_or(place);
    format!("{place}: {}", error.message())
}

/// A list of strings, or None if the value is anything else.
pub fn string_list(value: &DeValue<'_>) -> Option<Vec<String>> {
    value
        .as_array()?
        .iter()
        .map(|v| v.get_ref().as_str().map(str::to_owned))
        .collect()
}

/// A decimal, hexadecimal, octal or binary integer that fits in an i64.
pub fn integer(value: &DeValue<'_>) -> Option<i64> {
    let n = value.as_integer()?;
    i64::from_str_radix(&n.as_str().replace('_', ""), n.radix()).ok()
}

/// A relative path made only of normal components: it cannot climb out of
/// the exercise or name an absolute location.
pub fn is_inside(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_names() {
        assert_eq!(
            split_dir_name("05_many_producers"),
            Some((5, "many_producers"))
        );
        assert_eq!(split_dir_name("5_many"), None);
        assert_eq!(split_dir_name("05-many"), None);
        assert_eq!(split_dir_name("05_"), None);
        assert_eq!(split_dir_name("05_Many"), None);
        assert_eq!(split_dir_name("target"), None);
    }

    #[test]
    fn edit_paths_stay_inside() {
        assert!(is_inside("src/lib.rs"));
        assert!(!is_inside("../x.rs"));
        assert!(!is_inside("/etc/passwd"));
        assert!(!is_inside("src/../../x"));
        assert!(!is_inside(""));
    }

    fn course_with(metadata: &str) -> Result<Course, UsageError> {
        let root = std::env::temp_dir().join(format!(
            "xtask-course-test-{}-{}",
            std::process::id(),
            metadata.len()
        ));
        let ex = root.join("exercises/01_first");
        fs::create_dir_all(&ex).unwrap();
        fs::write(root.join("Cargo.toml"), "[workspace]\n").unwrap();
        fs::write(ex.join("Cargo.toml"), "[package]\nname = \"first\"\n").unwrap();
        fs::write(ex.join(METADATA), metadata).unwrap();
        let course = Course::load(root.clone());
        fs::remove_dir_all(&root).unwrap();
        course
    }

    const GOOD: &str = r#"
edit = ["src/lib.rs"]
[en]
title = "First"
hints = ["a", "b"]
on_timeout = "t"
[pt-BR]
title = "Primeiro"
hints = ["a", "b"]
on_timeout = "t"
"#;

    #[test]
    fn good_metadata_loads_and_selects_by_every_name() {
        let course = course_with(GOOD).unwrap();
        assert_eq!(course.exercises.len(), 1);
        for name in ["1", "01", "first", "01_first"] {
            assert_eq!(course.select(name).unwrap().name, "first");
        }
        let err = course.select("../01_first").unwrap_err();
        assert!(err.en.contains("01 first"), "{}", err.en);
        assert!(course.select("2").is_err());
    }

    #[test]
    fn metadata_means_what_any_toml_parser_says() {
        // What the hand-written reader used to get wrong: a byte order mark,
        // C1 control characters, TOML 1.1's `\e` and `\xHH` escapes, and
        // CRLF line ends inside a multi-line string, which are kept.
        let text = format!(
            "\u{feff}{}",
            GOOD.replace("title = \"First\"", "title = \"F\\x69rst \u{85} \\e\"")
                .replace(
                    "on_timeout = \"t\"\n[pt-BR]",
                    "on_timeout = \"\"\"\r\nline one\r\nline two\"\"\"\n[pt-BR]"
                )
        );
        let course = course_with(&text).unwrap();
        let en = &course.exercises[0].en;
        assert_eq!(en.title, "First \u{85} \u{1b}");
        assert_eq!(en.on_timeout, "line one\r\nline two");
    }

    #[test]
    fn a_toml_error_names_line_and_column() {
        let err = course_with("edit = [\"src/lib.rs\"\n[en]\n").unwrap_err();
        assert!(err.en.contains("line 2, column 1"), "{}", err.en);
    }

    #[test]
    fn a_missing_language_or_unknown_key_is_refused() {
        let no_pt = GOOD.split("[pt-BR]").next().unwrap();
        assert!(course_with(no_pt).unwrap_err().en.contains("[pt-BR]"));
        let typo = GOOD.replace("on_timeout = \"t\"\n[pt-BR]", "on_timout = \"t\"\n[pt-BR]");
        assert!(course_with(&typo).is_err());
        let escape = GOOD.replace("src/lib.rs", "../../etc/passwd");
        assert!(course_with(&escape).is_err());
        let uneven = GOOD.replacen("hints = [\"a\", \"b\"]", "hints = [\"a\"]", 1);
        assert!(course_with(&uneven).unwrap_err().en.contains("hints"));
    }
}
