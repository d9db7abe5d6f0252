//! The build workspace the runner generates for each check.
//!
//! The runner never builds the course workspace itself (the root
//! `Cargo.toml`): one broken exercise manifest, a deleted `lib.rs` or a
//! stray copy of a folder would stop cargo for every exercise. Instead it
//! writes a small workspace of its own under the target folder, with one
//! package per exercise whose targets point, by absolute path, at the files
//! to judge:
//!
//! - the learner's files (`verify`),
//! - the reference solutions (`verify --solutions`),
//! - answers from the catalogue (`check`),
//!
//! always with the exercise's own `tests/`, so the tests exist once. Each
//! package is derived from the exercise's `Cargo.toml` (its name, edition,
//! targets and dependencies, with `workspace = true` resolved against the
//! course's root manifest), so a learner who adds a dependency gets it; but
//! every file in `tests/` is a test, whatever the manifest says. An exercise
//! whose files cannot make a package becomes a [`Problem`] and is left out
//! of the build, so the others are judged as usual.
//!
//! The absolute paths also mean that a course moved or copied to another
//! folder is rebuilt there, programs included, instead of running the old
//! copy's files.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use crate::engine::Error;
use crate::engine::course::{Course, Exercise, MetadataProblem, integer, toml_error};

/// Which files stand at the places a learner edits.
#[derive(Clone, Debug)]
pub enum Files {
    /// The learner's own files.
    Learner,
    /// The reference solutions.
    Solutions,
    /// One answer file per exercise (by [`Exercise::index`]), from the
    /// catalogue.
    Answers(BTreeMap<usize, PathBuf>),
}

/// A generated workspace and where cargo builds it.
#[derive(Debug)]
pub struct Staged {
    pub manifest: PathBuf,
    pub target: PathBuf,
    /// The workspace's members: every exercise that makes a package (by
    /// [`Exercise::index`], as all the maps here).
    pub members: Vec<usize>,
    /// The exercises to build.
    pub packages: BTreeMap<usize, Package>,
    /// The exercises left out, and why.
    pub problems: BTreeMap<usize, Problem>,
}

#[derive(Debug, Clone)]
pub struct Package {
    /// The package name cargo knows it by.
    pub name: String,
    /// Where its tests run (the exercise's folder).
    pub run_dir: PathBuf,
    /// How many test executables and programs it has: once cargo has
    /// built them all, its tests can run while cargo builds the rest.
    pub tests: usize,
    pub programs: usize,
}

/// Why an exercise's files cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file (or folder) at fault.
    pub file: PathBuf,
    pub kind: ProblemKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The exercise's folder is gone.
    FolderMissing,
    /// A file the exercise needs is gone.
    FileMissing,
    /// `Cargo.toml` cannot be read as a package manifest (the text says
    /// why, from the TOML reader or from cargo).
    Manifest(String),
    /// `exercise.toml` cannot be used.
    Metadata(MetadataProblem),
}

/// The folder for everything the runner builds for this course: inside
/// the course's `target/`, or, when `CARGO_TARGET_DIR` sends builds
/// elsewhere, a folder of this course's own there (two copies of the course
/// must never share one: their packages have the same names).
pub fn base_dir(course: &Course) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(shared) if !shared.is_empty() => {
            let id = crate::engine::shipped::git_blob_id(course.root.to_string_lossy().as_bytes());
            // Absolute, as cargo reports the paths of what it builds there:
            // on Windows `/builds` names a folder on the current drive, and
            // cargo says `C:\builds`.
            let shared = std::path::absolute(&shared).unwrap_or_else(|_| PathBuf::from(&shared));
            shared.join(format!("channels-course-{}", &id[..12]))
        }
        _ => course.root.join("target").join("course"),
    }
}

/// Where the runner builds `files` of `course`.
pub fn target_dir(course: &Course, files: &Files) -> PathBuf {
    base_dir(course).join(files.kind())
}

impl Files {
    /// Short name, for folders.
    fn kind(&self) -> &'static str {
        match self {
            Files::Learner => "learner",
            Files::Solutions => "solutions",
            Files::Answers(_) => "catalogue",
        }
    }

    /// The file standing at `edit` (a path relative to the exercise).
    pub fn source(&self, course: &Course, exercise: &Exercise, edit: &str) -> PathBuf {
        match self {
            Files::Learner => exercise.dir.join(edit),
            Files::Solutions => exercise.solution_dir(&course.root).join(edit),
            Files::Answers(answers) => answers
                .get(&exercise.index)
                .cloned()
                .unwrap_or_else(|| exercise.dir.join(edit)),
        }
    }
}

/// Writes the workspace with `files` in place and returns what to build
/// for `exercises`. Every exercise of the course is a member (so the lock
/// file and cargo's caches stay the same whichever exercises are asked
/// for); only what changed is rewritten, so cargo's fingerprints stay
/// valid.
pub fn prepare(course: &Course, files: &Files, exercises: &[&Exercise]) -> Result<Staged, Error> {
    let base = base_dir(course);
    let dir = base.join("stage").join(files.kind());
    let target = target_dir(course, files);
    let root = RootManifest::read(&course.root)?;
    let mut members = Vec::new();
    let mut packages = BTreeMap::new();
    let mut problems = BTreeMap::new();
    let mut wanted = vec![false; course.exercises.len()];
    for exercise in exercises {
        wanted[exercise.index] = true;
    }
    for exercise in &course.exercises {
        let wanted = wanted[exercise.index];
        match package_manifest(course, files, exercise, &root) {
            Ok((name, text, (tests, programs))) => {
                write_if_changed(&dir.join(&exercise.dir_name).join("Cargo.toml"), &text)?;
                members.push(exercise.index);
                if wanted {
                    let run_dir = exercise.dir.clone();
                    let package = Package {
                        name,
                        run_dir,
                        tests,
                        programs,
                    };
                    packages.insert(exercise.index, package);
                }
            }
            Err(problem) if wanted => {
                problems.insert(exercise.index, problem);
            }
            Err(_) => {}
        }
    }
    let manifest = dir.join("Cargo.toml");
    write_workspace(&manifest, &folders(course, &members), &root)?;
    copy_lock(&course.root.join("Cargo.lock"), &dir.join("Cargo.lock"));
    Ok(Staged {
        manifest,
        target,
        members,
        packages,
        problems,
    })
}

/// Rewrites the workspace without the member `index` (cargo could not
/// resolve its dependencies), recording why when it was asked for.
pub fn leave_out(
    staged: &mut Staged,
    index: usize,
    problem: Problem,
    course: &Course,
) -> Result<(), Error> {
    staged.members.retain(|&m| m != index);
    // Only an exercise that was asked for gets a verdict.
    if staged.packages.remove(&index).is_some() {
        staged.problems.insert(index, problem);
    }
    let root = RootManifest::read(&course.root)?;
    write_workspace(&staged.manifest, &folders(course, &staged.members), &root)
}

/// The members' folder names, as the workspace lists them.
fn folders(course: &Course, members: &[usize]) -> Vec<String> {
    members
        .iter()
        .map(|&i| course.exercises[i].dir_name.clone())
        .collect()
}

/// What the course's root manifest lends its members.
struct RootManifest {
    package: Vec<(String, Value)>,
    dependencies: Vec<(String, Value)>,
    lints: Option<Value>,
    profile: Option<Value>,
}

impl RootManifest {
    fn read(root: &Path) -> Result<RootManifest, Error> {
        let path = root.join("Cargo.toml");
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                return Err(Error::RootManifest {
                    path,
                    why: e.to_string(),
                });
            }
        };
        let doc = match DeTable::parse(&text) {
            Ok(doc) => doc,
            Err(e) => {
                return Err(Error::RootManifest {
                    path,
                    why: toml_error(&e),
                });
            }
        };
        let doc = Value::from(&DeValue::Table(doc.into_inner()));
        let workspace = doc.get("workspace");
        let table = |v: Option<&Value>| {
            v.and_then(Value::as_table)
                .map(<[_]>::to_vec)
                .unwrap_or_default()
        };
        Ok(RootManifest {
            package: table(workspace.and_then(|w| w.get("package"))),
            dependencies: table(workspace.and_then(|w| w.get("dependencies"))),
            lints: workspace.and_then(|w| w.get("lints")).cloned(),
            profile: doc.get("profile").cloned(),
        })
    }
}

/// The generated manifest of one exercise: its package name and text.
fn package_manifest(
    course: &Course,
    files: &Files,
    exercise: &Exercise,
    root: &RootManifest,
) -> Result<(String, String, (usize, usize)), Problem> {
    let problem = |file: PathBuf, kind: ProblemKind| Problem { file, kind };
    if !exercise.present {
        return Err(problem(exercise.dir.clone(), ProblemKind::FolderMissing));
    }
    if let Some(why) = &exercise.metadata_problem {
        let file = exercise.dir.join(crate::engine::course::METADATA);
        return Err(problem(file, ProblemKind::Metadata(why.clone())));
    }
    let manifest_path = exercise.dir.join("Cargo.toml");
    let text = fs::read_to_string(&manifest_path)
        .map_err(|_| problem(manifest_path.clone(), ProblemKind::FileMissing))?;
    let doc = DeTable::parse(&text)
        .map_err(|e| problem(manifest_path.clone(), ProblemKind::Manifest(toml_error(&e))))?;
    let doc = Value::from(&DeValue::Table(doc.into_inner()));
    for edit in &exercise.edit {
        let source = files.source(course, exercise, edit);
        if !source.is_file() {
            return Err(problem(source, ProblemKind::FileMissing));
        }
    }
    let context = Context {
        course,
        files,
        exercise,
        root,
    };
    context
        .manifest(&doc)
        .map_err(|why| problem(manifest_path, ProblemKind::Manifest(why)))
}

struct Context<'a> {
    course: &'a Course,
    files: &'a Files,
    exercise: &'a Exercise,
    root: &'a RootManifest,
}

impl Context<'_> {
    /// The file at `relative` inside the exercise, or the variant's file
    /// when that is a place the learner edits.
    fn path(&self, relative: &str) -> PathBuf {
        let relative = relative.trim_start_matches("./");
        if self.exercise.edit.iter().any(|e| e == relative) {
            self.files.source(self.course, self.exercise, relative)
        } else {
            self.exercise.dir.join(relative)
        }
    }

    /// The package's name, its manifest, and how many tests and programs
    /// it has.
    fn manifest(&self, doc: &Value) -> Result<(String, String, (usize, usize)), String> {
        let package = doc
            .get("package")
            .and_then(Value::as_table)
            .ok_or("there is no [package] table")?;
        let find = |key: &str| field(package, key);
        let name = find("name")
            .and_then(Value::as_str)
            .ok_or("[package] has no `name`")?
            .to_owned();
        let mut out = format!(
            "# Written by `cargo xtask` from {}/Cargo.toml; rewritten on every check.\n\
             [package]\nname = {}\n",
            self.course.relative(&self.exercise.dir),
            Value::Str(name.clone())
        );
        for key in ["version", "edition", "rust-version"] {
            if let Some(value) = find(key) {
                let value = self.inherit_package(key, value)?;
                out.push_str(&format!("{key} = {value}\n"));
            }
        }
        out.push_str(
            "publish = false\nautobins = false\nautoexamples = false\nautotests = false\n\
             autobenches = false\nbuild = false\n",
        );
        let counts = self.targets(doc, &name, &mut out)?;
        for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
            if let Some(deps) = doc.get(section).and_then(Value::as_table) {
                let deps = self.dependencies(deps)?;
                write_section(&mut out, section, &deps);
            }
        }
        if let Some(targets) = doc.get("target").and_then(Value::as_table) {
            for (cfg, table) in targets {
                for (section, deps) in table.as_table().into_iter().flatten() {
                    if let Some(deps) = deps.as_table() {
                        let deps = self.dependencies(deps)?;
                        write_section(&mut out, &format!("target.{}.{section}", key(cfg)), &deps);
                    }
                }
            }
        }
        if let Some(features) = doc.get("features").and_then(Value::as_table) {
            write_section(&mut out, "features", features);
        }
        let lints = match doc.get("lints") {
            Some(lints) if lints.get("workspace").is_some() => match &self.root.lints {
                Some(Value::Table(t)) => t.clone(),
                _ => Vec::new(),
            },
            Some(Value::Table(t)) => t.clone(),
            _ => Vec::new(),
        };
        let lints = with_sources_id(lints, &self.sources_id());
        write_nested(&mut out, "lints", &lints);
        Ok((name, out, counts))
    }

    /// A `[package]` value, or the root's when it says `workspace = true`.
    fn inherit_package(&self, key: &str, value: &Value) -> Result<Value, String> {
        if value.get("workspace").is_none() {
            return Ok(value.clone());
        }
        self.root
            .package
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| format!("`{key}.workspace = true`, but the course's Cargo.toml has no workspace.package.{key}"))
    }

    /// A target's table with its `path` (or `default`) made absolute.
    fn target(&self, table: &[(String, Value)], default: &str) -> Vec<(String, Value)> {
        let path = text(table, "path").unwrap_or(default).to_owned();
        let mut table = without(table.to_vec(), "path");
        table.push(("path".into(), self.abs(&path)));
        table
    }

    /// Writes the lib, bins and tests; returns how many tests and bins.
    fn targets(&self, doc: &Value, name: &str, out: &mut String) -> Result<(usize, usize), String> {
        let lib = doc.get("lib").and_then(Value::as_table);
        let lib_path = lib.and_then(|t| text(t, "path")).unwrap_or("src/lib.rs");
        if lib.is_some() || self.path(lib_path).is_file() {
            write_section(out, "lib", &self.target(lib.unwrap_or_default(), lib_path));
        }
        let mut bins: Vec<Vec<(String, Value)>> = Vec::new();
        for bin in doc.get("bin").and_then(Value::as_array).unwrap_or_default() {
            let table = bin.as_table().ok_or("a [[bin]] is not a table")?;
            let bin_name = text(table, "name").unwrap_or(name);
            let default = if bin_name == name {
                "src/main.rs".to_owned()
            } else {
                format!("src/bin/{bin_name}.rs")
            };
            bins.push(self.target(table, &default));
        }
        let main = self.abs("src/main.rs");
        let main_declared = bins.iter().any(|b| field(b, "path") == Some(&main));
        if !main_declared && self.path("src/main.rs").is_file() {
            let table = [("name".into(), Value::Str(name.to_owned()))];
            bins.push(self.target(&table, "src/main.rs"));
        }
        for bin in &bins {
            write_section(out, "[bin]", bin);
        }
        Ok((self.tests(doc, out)?, bins.len()))
    }

    /// Every file in `tests/` is a test, declared or not: the learner's
    /// manifest cannot hide one (`autotests = false`).
    fn tests(&self, doc: &Value, out: &mut String) -> Result<usize, String> {
        let mut declared: Vec<Vec<(String, Value)>> = Vec::new();
        for test in doc
            .get("test")
            .and_then(Value::as_array)
            .unwrap_or_default()
        {
            let table = test.as_table().ok_or("a [[test]] is not a table")?;
            let test_name = text(table, "name").ok_or("a [[test]] has no `name`")?;
            declared.push(self.target(table, &format!("tests/{test_name}.rs")));
        }
        for (test_name, path) in test_files(&self.exercise.dir) {
            let abs = self.abs(&path);
            let known = declared.iter().any(|t| {
                field(t, "path") == Some(&abs) || text(t, "name") == Some(test_name.as_str())
            });
            if !known {
                let table = [("name".into(), Value::Str(test_name))];
                declared.push(self.target(&table, &path));
            }
        }
        for test in &declared {
            write_section(out, "[test]", test);
        }
        Ok(declared.len())
    }

    /// One id for the content of every source file the package compiles:
    /// the exercise's `src/` and `tests/`, and the folder of each file
    /// standing at a place the learner edits.
    fn sources_id(&self) -> String {
        let mut dirs = vec![
            self.exercise.dir.join("src"),
            self.exercise.dir.join("tests"),
        ];
        for edit in &self.exercise.edit {
            if let Some(parent) = self.path(edit).parent() {
                dirs.push(parent.to_path_buf());
            }
        }
        dirs.sort();
        dirs.dedup();
        // The exercise's own files at the places a solution or an answer
        // takes: not compiled, so not part of the id (a learner's save must
        // not rebuild the solutions).
        let replaced: Vec<PathBuf> = self
            .exercise
            .edit
            .iter()
            .filter_map(|edit| {
                let own = self.exercise.dir.join(edit);
                (self.path(edit) != own).then_some(own)
            })
            .collect();
        let mut all = Vec::new();
        for dir in &dirs {
            for entry in crate::files::walk(dir, &|p| !crate::files::is_noise(p)) {
                if entry.is_dir
                    || entry.path.extension().is_none_or(|e| e != "rs")
                    || replaced.contains(&entry.path)
                {
                    continue;
                }
                all.extend_from_slice(entry.path.to_string_lossy().as_bytes());
                all.push(0);
                all.extend(fs::read(&entry.path).unwrap_or_default());
                all.push(0);
            }
        }
        crate::engine::shipped::git_blob_id(&all)
    }

    fn abs(&self, relative: &str) -> Value {
        Value::Str(self.path(relative).to_string_lossy().into_owned())
    }

    /// Dependencies with `workspace = true` resolved and paths made
    /// absolute.
    fn dependencies(&self, deps: &[(String, Value)]) -> Result<Vec<(String, Value)>, String> {
        deps.iter()
            .map(|(name, spec)| {
                let resolved = if spec.get("workspace").is_some() {
                    let base = self
                        .root
                        .dependencies
                        .iter()
                        .find(|(k, _)| k == name)
                        .map(|(_, v)| v)
                        .ok_or_else(|| {
                            format!("`{name}.workspace = true`, but the course's Cargo.toml has no workspace.dependencies.{name}")
                        })?;
                    let base = absolute_path(base, &self.course.root);
                    merge(base, spec)
                } else {
                    absolute_path(spec, &self.exercise.dir)
                };
                Ok((name.clone(), resolved))
            })
            .collect()
    }
}

/// The package's lints with the id of its sources added as the one value
/// of a `cfg` that nothing uses. cargo decides that a package is fresh by
/// comparing modification times, so a file put back with its old time (a
/// `mv` from a backup, `cp -p`, an archive, an editor's revert) would keep
/// the build of the content it replaced; a changed lint configuration is a
/// changed package for cargo, whatever the times say. A learner's own
/// setting of `unexpected_cfgs` is kept as it is (and times decide).
fn with_sources_id(mut lints: Vec<(String, Value)>, id: &str) -> Vec<(String, Value)> {
    let check_cfg = format!("cfg(course_sources, values(\"{id}\"))");
    let setting = Value::Table(vec![
        ("level".into(), Value::Str("warn".into())),
        (
            "check-cfg".into(),
            Value::Array(vec![Value::Str(check_cfg)]),
        ),
    ]);
    match lints.iter_mut().find(|(k, _)| k == "rust") {
        Some((_, Value::Table(rust))) => {
            if field(rust, "unexpected_cfgs").is_none() {
                rust.push(("unexpected_cfgs".into(), setting));
            }
        }
        Some(_) => {}
        None => lints.push((
            "rust".into(),
            Value::Table(vec![("unexpected_cfgs".into(), setting)]),
        )),
    }
    lints
}

/// `tests/NAME.rs` and `tests/NAME/main.rs`, as (name, relative path).
fn test_files(dir: &Path) -> Vec<(String, String)> {
    let Ok(entries) = fs::read_dir(dir.join("tests")) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if let Some(stem) = name.strip_suffix(".rs").filter(|_| path.is_file()) {
            found.push((stem.to_owned(), format!("tests/{name}")));
        } else if path.join("main.rs").is_file() {
            found.push((name.clone(), format!("tests/{name}/main.rs")));
        }
    }
    found.sort();
    found
}

/// A workspace dependency with a member's additions (`features`,
/// `optional`) on top.
fn merge(base: Value, member: &Value) -> Value {
    let mut table = match base {
        Value::Table(t) => t,
        version => vec![("version".into(), version)],
    };
    for (key, value) in member.as_table().into_iter().flatten() {
        match key.as_str() {
            "workspace" => {}
            "features" => {
                let mut all: Vec<Value> = table
                    .iter()
                    .find(|(k, _)| k == "features")
                    .and_then(|(_, v)| v.as_array().map(<[Value]>::to_vec))
                    .unwrap_or_default();
                all.extend(value.as_array().into_iter().flatten().cloned());
                table = without(table, "features");
                table.push(("features".into(), Value::Array(all)));
            }
            _ => {
                table = without(table, key);
                table.push((key.clone(), value.clone()));
            }
        }
    }
    Value::Table(table)
}

/// A dependency whose `path` is made absolute from `base`.
fn absolute_path(spec: &Value, base: &Path) -> Value {
    match spec {
        Value::Table(t) => Value::Table(
            t.iter()
                .map(|(k, v)| match (k.as_str(), v.as_str()) {
                    ("path", Some(p)) => (
                        k.clone(),
                        Value::Str(base.join(p).to_string_lossy().into_owned()),
                    ),
                    _ => (k.clone(), v.clone()),
                })
                .collect(),
        ),
        other => other.clone(),
    }
}

fn field<'a>(table: &'a [(String, Value)], key: &str) -> Option<&'a Value> {
    table.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn text<'a>(table: &'a [(String, Value)], key: &str) -> Option<&'a str> {
    field(table, key)?.as_str()
}

fn without(table: Vec<(String, Value)>, key: &str) -> Vec<(String, Value)> {
    table.into_iter().filter(|(k, _)| k != key).collect()
}

fn write_workspace(manifest: &Path, members: &[String], root: &RootManifest) -> Result<(), Error> {
    let members: Vec<Value> = members.iter().map(|m| Value::Str(m.clone())).collect();
    let mut out = String::from(
        "# Written by `cargo xtask`: the exercises to build, as packages that point\n\
         # at the course's files. Rewritten on every check.\n[workspace]\nresolver = \"3\"\n",
    );
    out.push_str(&format!("members = {}\n", Value::Array(members)));
    if let Some(Value::Table(profile)) = &root.profile {
        write_nested(&mut out, "profile", profile);
    }
    write_if_changed(manifest, &out)
}

fn write_if_changed(path: &Path, text: &str) -> Result<(), Error> {
    if fs::read_to_string(path).ok().as_deref() == Some(text) {
        return Ok(());
    }
    let write = || -> std::io::Result<()> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        // Whole or not at all: another runner's cargo may be reading it.
        let partial = path.with_extension(format!("partial-{}", std::process::id()));
        fs::write(&partial, text)?;
        fs::rename(&partial, path).inspect_err(|_| {
            let _ = fs::remove_file(&partial);
        })
    };
    write().map_err(|error| Error::Write {
        path: path.to_path_buf(),
        error,
    })
}

/// The course's lock file, so the build uses the same versions; copied
/// only when it is newer than the one cargo keeps for the stage.
fn copy_lock(from: &Path, to: &Path) {
    let modified = |p: &Path| fs::metadata(p).and_then(|m| m.modified()).ok();
    if let Some(source) = modified(from) {
        if modified(to).is_none_or(|t| t < source) {
            let _ = fs::copy(from, to);
        }
    }
}

/// A TOML value the runner can copy and write back.
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Str(String),
    /// Numbers, booleans and dates, as TOML writes them.
    Raw(String),
    Array(Vec<Value>),
    Table(Vec<(String, Value)>),
}

impl Value {
    fn get(&self, key: &str) -> Option<&Value> {
        self.as_table()?
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
    }
    fn as_table(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Table(t) => Some(t),
            _ => None,
        }
    }
    fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

impl From<&DeValue<'_>> for Value {
    fn from(value: &DeValue<'_>) -> Value {
        match value {
            DeValue::String(s) => Value::Str(s.to_string()),
            DeValue::Integer(_) => Value::Raw(integer(value).unwrap_or_default().to_string()),
            DeValue::Float(f) => Value::Raw(f.as_str().to_owned()),
            DeValue::Boolean(b) => Value::Raw(b.to_string()),
            DeValue::Datetime(d) => Value::Raw(d.to_string()),
            DeValue::Array(items) => {
                Value::Array(items.iter().map(|v| Value::from(v.get_ref())).collect())
            }
            DeValue::Table(table) => Value::Table(
                table
                    .iter()
                    .map(|(k, v)| (k.get_ref().to_string(), Value::from(v.get_ref())))
                    .collect(),
            ),
        }
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Str(s) => f.write_str(&quote(s)),
            Value::Raw(r) => f.write_str(r),
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(Value::to_string).collect();
                write!(f, "[{}]", items.join(", "))
            }
            Value::Table(table) => {
                let items: Vec<String> = table
                    .iter()
                    .map(|(k, v)| format!("{} = {v}", key(k)))
                    .collect();
                write!(f, "{{ {} }}", items.join(", "))
            }
        }
    }
}

/// `[name]` (or `[[name]]` when `name` is given as `[name]`) and its keys.
fn write_section(out: &mut String, name: &str, table: &[(String, Value)]) {
    out.push_str(&format!("\n[{name}]\n"));
    for (k, v) in table {
        out.push_str(&format!("{} = {v}\n", key(k)));
    }
}

/// `[name]` with nested tables as `[name.sub]` sections.
fn write_nested(out: &mut String, name: &str, table: &[(String, Value)]) {
    let (tables, plain): (Vec<_>, Vec<_>) = table
        .iter()
        .partition(|(_, v)| matches!(v, Value::Table(_)));
    let plain: Vec<(String, Value)> = plain.into_iter().cloned().collect();
    write_section(out, name, &plain);
    for (k, v) in tables {
        if let Value::Table(sub) = v {
            write_nested(out, &format!("{name}.{}", key(k)), sub);
        }
    }
}

/// A key, bare when TOML allows it.
fn key(k: &str) -> String {
    let bare = !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if bare { k.to_owned() } else { quote(k) }
}

/// A basic TOML string: quotes, backslashes and control characters escaped.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Value {
        Value::from(&DeValue::Table(DeTable::parse(text).unwrap().into_inner()))
    }

    #[test]
    fn written_values_read_back_the_same() {
        let text = r#"
a = "quote \" backslash \\ tab	 bell  é"
b = 0x1F
c = [1.5, true, "x"]
d = { "odd key" = 'C:\path', e = { f = 1979-05-27T07:32:00Z } }
"#;
        let value = parse(text);
        let mut written = String::new();
        for (k, v) in value.as_table().unwrap() {
            written.push_str(&format!("{} = {v}\n", key(k)));
        }
        assert_eq!(parse(&written), value, "{written}");
        assert_eq!(value.get("b"), Some(&Value::Raw("31".into())));
    }

    #[test]
    fn workspace_dependencies_are_merged_and_paths_made_absolute() {
        let base = parse(r#"d = { path = "support", features = ["a"] }"#);
        let member = parse(r#"d = { workspace = true, features = ["b"], optional = true }"#);
        let merged = merge(
            absolute_path(base.get("d").unwrap(), Path::new("/course")),
            member.get("d").unwrap(),
        );
        // The path as this system joins it (`/course\support` on Windows).
        let support = Path::new("/course").join("support");
        let expected = parse(&format!(
            r#"d = {{ path = {}, features = ["a", "b"], optional = true }}"#,
            quote(&support.to_string_lossy())
        ));
        let sorted = |v: &Value| {
            let mut t = v.as_table().unwrap().to_vec();
            t.sort_by(|a, b| a.0.cmp(&b.0));
            t
        };
        assert_eq!(sorted(&merged), sorted(expected.get("d").unwrap()));
        let plain = merge(Value::Str("2.2".into()), &parse("workspace = true"));
        assert_eq!(plain, parse(r#"version = "2.2""#));
    }
}
