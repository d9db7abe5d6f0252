//! The course on disk: which exercises exist, in what order, and what each
//! one says about itself.
//!
//! An exercise is a folder `exercises/NN_name/` with an `exercise.toml`
//! holding its metadata (the files the learner edits, its limits, its title,
//! hints and time-out advice in both languages); its reference solution is
//! `solutions/NN_name/`. Nothing else lists the exercises.
//!
//! Loading never fails because of what a learner may have done to a folder:
//! a missing or malformed `exercise.toml`, a deleted exercise folder, or a
//! stray copy of one beside it are recorded (as the exercise's
//! [`Exercise::metadata_problem`], [`Exercise::present`] or a [`Stray`]) and
//! become verdicts and warnings, so `list`, `hint` and `reset` keep working.
//! The maintainer check reports the same records as problems.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use toml::de::{DeTable, DeValue};

use course_support::Lang;

pub const METADATA: &str = "exercise.toml";
pub const SHIPPED: &str = "shipped-files.txt";
const DEFAULT_TIME_LIMIT_SECS: u64 = 15;
const DEFAULT_MEMORY_LIMIT_MIB: u64 = 1024;

#[derive(Debug)]
pub struct Course {
    pub root: PathBuf,
    pub exercises: Vec<Exercise>,
    /// Folders in `exercises/` that are not one of the course's exercises.
    pub strays: Vec<Stray>,
}

#[derive(Debug, Clone)]
pub struct Exercise {
    /// Its place in [`Course::exercises`]: its identity inside the engine,
    /// which keys its builds, packages and verdicts by it.
    pub index: usize,
    pub number: u32,
    /// `05_many_producers`
    pub dir_name: String,
    /// `many_producers`: the name part of the folder.
    pub name: String,
    /// Absolute path of `exercises/NN_name`.
    pub dir: PathBuf,
    /// False when the folder is gone (the exercise is known from its
    /// solution).
    pub present: bool,
    /// Files the learner edits, relative to `dir` (and to the solution's
    /// folder), with `/` separators.
    pub edit: Vec<String>,
    pub time_limit: Duration,
    /// Memory each test process may use (its data segment), in MiB.
    pub memory_limit_mib: u64,
    pub en: Texts,
    pub pt: Texts,
    /// Why `exercise.toml` could not be used.
    pub metadata_problem: Option<MetadataProblem>,
}

#[derive(Debug, Clone, Default)]
pub struct Texts {
    pub title: String,
    pub hints: Vec<String>,
    pub on_timeout: String,
    /// Notes on compiler error codes (`E0382`) that this exercise meets,
    /// shown before the general explanation of the code.
    pub errors: BTreeMap<String, String>,
}

/// A folder in `exercises/` that is not an exercise of the course: a copy
/// (`03_loop_send_backup`, `03_loop_send copy`) or anything else. cargo's
/// course workspace takes every folder there as a package, so a stray stops
/// `cargo test` and the editor; the runner only warns.
#[derive(Debug, Clone)]
pub struct Stray {
    pub dir: PathBuf,
    /// The exercise it seems to copy (same number, or same package name).
    pub copy_of: Option<String>,
}

/// Why the course cannot be found or an exercise cannot be named: the
/// command line or the folder is wrong.
#[derive(Debug)]
pub enum Error {
    /// `--root` names a folder without a `Cargo.toml` and `exercises/`.
    NotACourse(PathBuf),
    /// No folder at or above the current one is a course.
    NoCourseHere,
    /// The course's path is not Unicode, so cargo cannot build in it.
    PathNotUnicode(PathBuf),
    /// `exercises/` cannot be listed.
    CannotRead {
        path: PathBuf,
        error: std::io::Error,
    },
    /// Neither `exercises/` nor `solutions/` has a numbered folder.
    NoExercises(PathBuf),
    /// EXERCISE matches none; `labels` are the course's (`03 loop_send`).
    NoSuchExercise { wanted: String, labels: Vec<String> },
}

/// Why an `exercise.toml` cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MetadataProblem {
    /// The file cannot be read (the system's words).
    Unreadable(String),
    /// It is not TOML: where, then what.
    Toml(String),
    /// A key it does not know, at the top (`table` None) or in `[en]` or
    /// `[pt-BR]`.
    UnknownKey { key: String, table: Option<String> },
    /// `edit` is not a non-empty list of paths (`path` None), or one of them
    /// leaves the exercise.
    BadEdit { path: Option<String> },
    /// A number out of its range.
    BadNumber { key: String, min: i64, max: i64 },
    /// The `[en]` or `[pt-BR]` table is missing.
    MissingTable { code: String },
    /// A text the table must have is missing or empty.
    MissingText { code: String, key: String },
    /// The two languages have different numbers of hints.
    UnevenHints { en: usize, pt: usize },
    /// `[code.errors]` is not a map of error codes to notes.
    BadErrors { code: String },
    /// The two languages note different error codes.
    UnevenErrors,
}

impl Exercise {
    pub fn texts(&self, lang: Lang) -> &Texts {
        match lang {
            Lang::En => &self.en,
            Lang::PtBr => &self.pt,
        }
    }

    /// The instructions file in the learner's language.
    pub fn instructions(&self, lang: Lang) -> PathBuf {
        self.dir.join(match lang {
            Lang::En => "README.md",
            Lang::PtBr => "README.pt-BR.md",
        })
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
    /// Finds the course: `--root` when given, else the nearest folder at or
    /// above the current one that has a `Cargo.toml` and an `exercises/`
    /// folder.
    pub fn locate(root: Option<&Path>) -> Result<PathBuf, Error> {
        let found = match root {
            Some(root) if is_course(root) => {
                std::path::absolute(root).unwrap_or_else(|_| root.to_path_buf())
            }
            Some(root) => return Err(Error::NotACourse(root.to_path_buf())),
            None => {
                let here = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
                here.ancestors()
                    .find(|dir| is_course(dir))
                    .map(Path::to_path_buf)
                    .ok_or(Error::NoCourseHere)?
            }
        };
        // cargo and rustc take paths as Unicode text only: in a folder whose
        // name is not, no exercise could be built.
        if found.to_str().is_none() {
            return Err(Error::PathNotUnicode(found));
        }
        Ok(found)
    }

    pub fn load(root: PathBuf) -> Result<Course, Error> {
        let exercises_dir = root.join("exercises");
        let found = numbered_folders(&exercises_dir).map_err(|error| Error::CannotRead {
            path: exercises_dir.clone(),
            error,
        })?;
        let solutions = numbered_folders(&root.join("solutions")).unwrap_or_default();

        // The course's folder for each number: the one its solution names,
        // else the only (or first) folder with that number.
        let mut chosen: BTreeMap<u32, String> = BTreeMap::new();
        for folder in solutions.numbered.iter().chain(&found.numbered) {
            chosen.entry(folder.0).or_insert_with(|| folder.1.clone());
        }
        if chosen.is_empty() {
            return Err(Error::NoExercises(exercises_dir));
        }
        let mut strays: Vec<Stray> = found
            .others
            .iter()
            .map(|dir| Stray {
                dir: dir.clone(),
                copy_of: None,
            })
            .collect();
        for (number, dir_name) in &found.numbered {
            if chosen.get(number) != Some(dir_name) {
                strays.push(Stray {
                    dir: exercises_dir.join(dir_name),
                    copy_of: Some(chosen[number].clone()),
                });
            }
        }
        let exercises = chosen
            .into_iter()
            .enumerate()
            .map(|(index, (number, dir_name))| {
                load_exercise(&exercises_dir, index, number, &dir_name)
            })
            .collect();
        strays.sort_by(|a, b| a.dir.cmp(&b.dir));
        Ok(Course {
            root,
            exercises,
            strays,
        })
    }

    /// Matches an EXERCISE argument: a number (`3`, `03`), a folder name
    /// (`03_loop_send`) or a name (`loop_send`). Never a path.
    pub fn select(&self, wanted: &str) -> Result<&Exercise, Error> {
        let found = match wanted.parse::<u32>() {
            Ok(n) if wanted.chars().all(|c| c.is_ascii_digit()) => {
                self.exercises.iter().find(|e| e.number == n)
            }
            _ => self
                .exercises
                .iter()
                .find(|e| e.dir_name == wanted || e.name == wanted),
        };
        found.ok_or_else(|| Error::NoSuchExercise {
            wanted: wanted.to_owned(),
            labels: self.exercises.iter().map(Exercise::label).collect(),
        })
    }

    /// The exercise whose folder is `dir_name` (`03_loop_send`), as cargo
    /// names a package's folder. The exercises are in course order, which
    /// is their folders' order too (`NN_` comes first).
    pub fn by_folder(&self, dir_name: &str) -> Option<&Exercise> {
        let at = self
            .exercises
            .binary_search_by(|e| e.dir_name.as_str().cmp(dir_name))
            .ok()?;
        Some(&self.exercises[at])
    }

    /// A path relative to the course root, with `/` separators, for
    /// messages; a path outside the course as the system writes it.
    pub fn relative(&self, path: &Path) -> String {
        match path.strip_prefix(&self.root) {
            Ok(inside) => inside
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => crate::platform::display_path(path),
        }
    }

    /// `text` (compiler messages, panics, tools' output) with the course's
    /// own folder left out of the paths in it, so the learner reads
    /// `exercises/03_loop_send/src/lib.rs`. The folder is left out both as
    /// given and as Windows shows it without a `\\?\` prefix.
    pub fn strip_root(&self, text: &str) -> String {
        let separator = std::path::MAIN_SEPARATOR;
        let given = format!("{}{separator}", self.root.display());
        let shown = format!("{}{separator}", crate::platform::display_path(&self.root));
        text.replace(&given, "").replace(&shown, "")
    }
}

fn is_course(dir: &Path) -> bool {
    dir.join("Cargo.toml").is_file() && dir.join("exercises").is_dir()
}

/// The folders of `dir`: those named `NN_name` (with their number), and
/// the others.
#[derive(Default)]
struct Folders {
    numbered: Vec<(u32, String)>,
    others: Vec<PathBuf>,
}

fn numbered_folders(dir: &Path) -> std::io::Result<Folders> {
    let mut folders = Folders::default();
    for entry in fs::read_dir(dir)?.flatten() {
        if !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name == "target" {
            continue;
        }
        match split_dir_name(&name) {
            Some((number, _)) => folders.numbered.push((number, name)),
            None => folders.others.push(entry.path()),
        }
    }
    folders.numbered.sort();
    Ok(folders)
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

/// The exercise in `exercises/dir_name`, whatever state its folder is in.
fn load_exercise(exercises_dir: &Path, index: usize, number: u32, dir_name: &str) -> Exercise {
    let dir = exercises_dir.join(dir_name);
    let name = split_dir_name(dir_name).map_or(dir_name, |(_, n)| n);
    let mut exercise = Exercise {
        index,
        number,
        dir_name: dir_name.to_owned(),
        name: name.to_owned(),
        present: dir.is_dir(),
        dir,
        edit: vec!["src/lib.rs".to_owned()],
        time_limit: Duration::from_secs(DEFAULT_TIME_LIMIT_SECS),
        memory_limit_mib: DEFAULT_MEMORY_LIMIT_MIB,
        en: Texts::default(),
        pt: Texts::default(),
        metadata_problem: None,
    };
    if exercise.present {
        let file = exercise.dir.join(METADATA);
        if let Err(why) = read_metadata(&file, &mut exercise) {
            exercise.metadata_problem = Some(why);
        }
    }
    for texts in [&mut exercise.en, &mut exercise.pt] {
        if texts.title.is_empty() {
            texts.title = name.replace('_', " ");
        }
    }
    exercise
}

/// Fills `exercise` from its `exercise.toml`, strictly: unknown keys, a
/// missing language, an edit path that leaves the exercise are errors, so
/// that a maintainer's typo never silently loses a hint.
fn read_metadata(file: &Path, exercise: &mut Exercise) -> Result<(), MetadataProblem> {
    use MetadataProblem as P;
    let text = fs::read_to_string(file).map_err(|e| P::Unreadable(e.to_string()))?;
    let doc = DeTable::parse(&text).map_err(|e| P::Toml(toml_error(&e)))?;
    let doc = doc.get_ref();
    for key in doc.keys() {
        let key = key.get_ref().as_ref();
        if !["edit", "time_limit_secs", "memory_limit_mib", "en", "pt-BR"].contains(&key) {
            return Err(P::UnknownKey {
                key: key.to_owned(),
                table: None,
            });
        }
    }
    if let Some(v) = doc.get("edit") {
        let edit = string_list(v.get_ref())
            .filter(|list| !list.is_empty())
            .ok_or(P::BadEdit { path: None })?;
        if let Some(path) = edit.iter().find(|p| !is_inside(p)) {
            return Err(P::BadEdit {
                path: Some(path.clone()),
            });
        }
        exercise.edit = edit;
    }
    exercise.time_limit = Duration::from_secs(
        bounded(doc, "time_limit_secs", 1, 600)?.unwrap_or(DEFAULT_TIME_LIMIT_SECS),
    );
    exercise.memory_limit_mib =
        bounded(doc, "memory_limit_mib", 64, 65536)?.unwrap_or(DEFAULT_MEMORY_LIMIT_MIB);
    exercise.en = read_texts(doc, Lang::En)?;
    exercise.pt = read_texts(doc, Lang::PtBr)?;
    if exercise.en.hints.len() != exercise.pt.hints.len() {
        return Err(P::UnevenHints {
            en: exercise.en.hints.len(),
            pt: exercise.pt.hints.len(),
        });
    }
    let (en_codes, pt_codes): (Vec<_>, Vec<_>) = (
        exercise.en.errors.keys().collect(),
        exercise.pt.errors.keys().collect(),
    );
    if en_codes != pt_codes {
        return Err(P::UnevenErrors);
    }
    Ok(())
}

/// An optional whole number from `min` to `max`.
fn bounded(
    doc: &DeTable<'_>,
    key: &str,
    min: i64,
    max: i64,
) -> Result<Option<u64>, MetadataProblem> {
    match doc.get(key) {
        None => Ok(None),
        Some(v) => match integer(v.get_ref()) {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n as u64)),
            _ => Err(MetadataProblem::BadNumber {
                key: key.to_owned(),
                min,
                max,
            }),
        },
    }
}

/// The `[en]` or `[pt-BR]` table.
fn read_texts(doc: &DeTable<'_>, which: Lang) -> Result<Texts, MetadataProblem> {
    use MetadataProblem as P;
    let code = which.code();
    let table = doc
        .get(code)
        .and_then(|t| t.get_ref().as_table())
        .ok_or_else(|| P::MissingTable {
            code: code.to_owned(),
        })?;
    for key in table.keys() {
        let key = key.get_ref().as_ref();
        if !["title", "hints", "on_timeout", "errors"].contains(&key) {
            return Err(P::UnknownKey {
                key: key.to_owned(),
                table: Some(code.to_owned()),
            });
        }
    }
    let missing = |key: &str| P::MissingText {
        code: code.to_owned(),
        key: key.to_owned(),
    };
    let text = |key: &str| -> Result<String, MetadataProblem> {
        match table.get(key).and_then(|v| v.get_ref().as_str()) {
            Some(s) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
            _ => Err(missing(key)),
        }
    };
    let hints: Vec<String> = table
        .get("hints")
        .and_then(|v| string_list(v.get_ref()))
        .filter(|h| !h.is_empty() && h.iter().all(|s| !s.trim().is_empty()))
        .ok_or_else(|| missing("hints"))?
        .into_iter()
        .map(|s| s.trim().to_owned())
        .collect();
    let mut errors = BTreeMap::new();
    if let Some(table) = table.get("errors") {
        let table = table.get_ref().as_table().ok_or_else(|| P::BadErrors {
            code: code.to_owned(),
        })?;
        for (key, value) in table.iter() {
            let key = key.get_ref().to_string();
            let note = value.get_ref().as_str().filter(|s| !s.trim().is_empty());
            match note {
                Some(note) if is_error_code(&key) => {
                    errors.insert(key, note.trim().to_owned());
                }
                _ => {
                    return Err(P::BadErrors {
                        code: code.to_owned(),
                    });
                }
            }
        }
    }
    Ok(Texts {
        title: text("title")?,
        hints,
        on_timeout: text("on_timeout")?,
        errors,
    })
}

/// `E0382`
pub fn is_error_code(code: &str) -> bool {
    code.len() == 5 && code.starts_with('E') && code[1..].chars().all(|c| c.is_ascii_digit())
}

/// A TOML error as one line: where, then what.
pub fn toml_error(error: &toml::de::Error) -> String {
    let first = error.to_string();
    let place = first.lines().next().unwrap_or_default();
    let place = place.strip_prefix("TOML parse error at ").unwrap_or(place);
    format!("{place}: {}", error.message().trim())
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
        assert_eq!(split_dir_name("05_many copy"), None);
        assert_eq!(split_dir_name("target"), None);
    }

    /// What Windows shows of a canonical path (`\\?\C:\...`) and what
    /// it shows without the prefix are both left out of messages.
    #[test]
    fn the_course_folder_is_left_out_of_messages_in_both_spellings() {
        let sep = std::path::MAIN_SEPARATOR;
        let course = Course {
            root: PathBuf::from(format!(r"\\?\C:{sep}curso")),
            exercises: Vec::new(),
            strays: Vec::new(),
        };
        let file = format!("exercises{sep}01_x{sep}src{sep}lib.rs");
        let said = format!(r"at \\?\C:{sep}curso{sep}{file}:3 and at C:{sep}curso{sep}{file}:4");
        assert_eq!(
            course.strip_root(&said),
            format!("at {file}:3 and at {file}:4")
        );
        let inside = course.root.join("exercises").join("01_x");
        assert_eq!(course.relative(&inside), "exercises/01_x");
        assert_eq!(
            course.relative(&PathBuf::from(format!(r"\\?\D:{sep}elsewhere"))),
            format!("D:{sep}elsewhere")
        );
    }

    #[test]
    fn edit_paths_stay_inside() {
        assert!(is_inside("src/lib.rs"));
        assert!(!is_inside("../x.rs"));
        assert!(!is_inside("/etc/passwd"));
        assert!(!is_inside("src/../../x"));
        assert!(!is_inside(""));
    }

    /// A scratch course with one exercise whose metadata is `metadata`,
    /// plus the extra folders named in `also`.
    fn course_with(metadata: &str, also: &[&str]) -> Course {
        // A folder of each call's own: tests run side by side, and two
        // of them must never share (and delete) one tree.
        static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let root =
            std::env::temp_dir().join(format!("xtask-course-test-{}-{call}", std::process::id()));
        let ex = root.join("exercises/01_first");
        fs::create_dir_all(&ex).unwrap();
        fs::write(root.join("Cargo.toml"), "[workspace]\n").unwrap();
        fs::write(ex.join("Cargo.toml"), "[package]\nname = \"first\"\n").unwrap();
        fs::write(ex.join(METADATA), metadata).unwrap();
        for dir in also {
            fs::create_dir_all(root.join(dir)).unwrap();
        }
        let course = Course::load(root.clone()).unwrap();
        fs::remove_dir_all(&root).unwrap();
        course
    }

    const GOOD: &str = r#"
edit = ["src/lib.rs"]
[en]
title = "First"
hints = ["a", "b"]
on_timeout = "t"
[en.errors]
E0382 = "a note"
[pt-BR]
title = "Primeiro"
hints = ["a", "b"]
on_timeout = "t"
[pt-BR.errors]
E0382 = "uma nota"
"#;

    fn problem(metadata: &str) -> MetadataProblem {
        course_with(metadata, &[]).exercises[0]
            .metadata_problem
            .clone()
            .expect("a problem")
    }

    #[test]
    fn good_metadata_loads_and_selects_by_every_name() {
        let course = course_with(GOOD, &[]);
        assert_eq!(course.exercises.len(), 1);
        let first = &course.exercises[0];
        assert_eq!(first.metadata_problem, None);
        assert_eq!(first.pt.errors["E0382"], "uma nota");
        for name in ["1", "01", "first", "01_first"] {
            assert_eq!(course.select(name).unwrap().name, "first");
        }
        let err = course.select("../01_first").unwrap_err();
        assert!(
            matches!(&err, Error::NoSuchExercise { wanted, labels }
                if wanted == "../01_first" && labels == &["01 first"]),
            "{err:?}"
        );
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
                    "on_timeout = \"t\"\n[en.errors]",
                    "on_timeout = \"\"\"\r\nline one\r\nline two\"\"\"\n[en.errors]"
                )
        );
        let course = course_with(&text, &[]);
        let en = &course.exercises[0].en;
        assert_eq!(course.exercises[0].metadata_problem, None);
        assert_eq!(en.title, "First \u{85} \u{1b}");
        assert_eq!(en.on_timeout, "line one\r\nline two");
    }

    #[test]
    fn a_toml_error_names_line_and_column_and_keeps_the_exercise() {
        let course = course_with("edit = [\"src/lib.rs\"\n[en]\n", &[]);
        let first = &course.exercises[0];
        let why = first.metadata_problem.clone();
        assert!(
            matches!(&why, Some(MetadataProblem::Toml(w)) if w.contains("line 2, column 1")),
            "{why:?}"
        );
        // Still in the course, under its folder's name.
        assert_eq!(first.en.title, "first");
    }

    #[test]
    fn a_missing_language_or_unknown_key_is_a_problem() {
        use MetadataProblem as P;
        let no_pt = GOOD.split("[pt-BR]").next().unwrap();
        let table = |code: &str| P::MissingTable {
            code: code.to_owned(),
        };
        assert_eq!(problem(no_pt), table("pt-BR"));
        let typo = GOOD.replacen("on_timeout = \"t\"", "on_timout = \"t\"", 1);
        let unknown = P::UnknownKey {
            key: "on_timout".to_owned(),
            table: Some("en".to_owned()),
        };
        assert_eq!(problem(&typo), unknown);
        let escape = GOOD.replace("src/lib.rs", "../../etc/passwd");
        let path = Some("../../etc/passwd".to_owned());
        assert_eq!(problem(&escape), P::BadEdit { path });
        let uneven = GOOD.replacen("hints = [\"a\", \"b\"]", "hints = [\"a\"]", 1);
        assert_eq!(problem(&uneven), P::UnevenHints { en: 1, pt: 2 });
        let one_note = GOOD.replace("E0382 = \"uma nota\"", "");
        assert_eq!(problem(&one_note), P::UnevenErrors);
        let bad_code = GOOD.replace("E0382 = \"a note\"", "move = \"a note\"");
        let code = "en".to_owned();
        assert_eq!(problem(&bad_code), P::BadErrors { code });
    }

    #[test]
    fn copies_and_other_folders_are_strays_not_exercises() {
        let course = course_with(GOOD, &["exercises/01_first_backup", "exercises/notes"]);
        assert_eq!(course.exercises.len(), 1);
        assert_eq!(course.exercises[0].dir_name, "01_first");
        let strays: Vec<(String, Option<String>)> = course
            .strays
            .iter()
            .map(|s| (course.relative(&s.dir), s.copy_of.clone()))
            .collect();
        assert_eq!(
            strays,
            [
                (
                    "exercises/01_first_backup".to_owned(),
                    Some("01_first".to_owned())
                ),
                ("exercises/notes".to_owned(), None)
            ]
        );
    }

    #[test]
    fn the_solution_names_the_real_folder_and_a_missing_one_is_kept() {
        let course = course_with(
            GOOD,
            &[
                "solutions/01_first",
                "solutions/02_second",
                "exercises/01_aaa",
            ],
        );
        let names: Vec<(&str, bool)> = course
            .exercises
            .iter()
            .map(|e| (e.dir_name.as_str(), e.present))
            .collect();
        assert_eq!(names, [("01_first", true), ("02_second", false)]);
        assert_eq!(course.strays.len(), 1);
    }
}
