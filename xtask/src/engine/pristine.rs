//! The course as shipped, for grading (`verify --pristine`, `grade`).
//!
//! A learner can change the files that decide a verdict: an exercise's
//! tests, its `Cargo.toml` and `exercise.toml`, the tests' support library.
//! The runner notices ([`crate::engine::shipped`]); a grade a teacher can
//! trust must also be judged without them. [`prepare`] writes a copy of the
//! course under the runner's build folder: the learner's own files (the
//! ones they edit, and anything else of theirs beside them) with the
//! shipped version of every recorded file on top, taken from git's object
//! store; the commands then load that copy as a course and judge it as
//! usual. It mirrors the course's layout, so messages name the same
//! `exercises/NN_name/...` paths. A file is rewritten only when its content
//! changes, so a second run stays warm.
//!
//! Which record is trusted: `shipped-files.txt` is itself a file a learner
//! can rewrite (`cargo xtask seal`). A repository made from a template
//! starts with one commit of the template's files, so when the first commit
//! of the history holds the records, those are the shipped ones, and a
//! working copy that says otherwise counts as one more changed file. A
//! history whose first commit has none (the course's own repository, or a
//! fork of it) falls back to the working copy's records. Without the
//! history (no git, or a shallow clone as `actions/checkout` makes unless
//! told `fetch-depth: 0`) this refuses to prepare anything: grading the
//! learner's files under a pristine label would be a lie. The course's root
//! `Cargo.toml` and `Cargo.lock` are not recorded, and are the learner's.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::engine::course::{Course, Exercise, METADATA, SHIPPED};
use crate::engine::process::{self, Limits, Stops};
use crate::engine::shipped::{self, Entries, Record};
use crate::engine::stage;
use crate::files;

pub struct Pristine {
    /// The copy's root, to load as a course.
    pub root: PathBuf,
    /// By folder (`exercises/NN_name`, `support`): the recorded files whose
    /// local copy differed from the shipped one (changed, added or
    /// removed), relative to that folder. Only folders with differences.
    pub differed: BTreeMap<String, Vec<String>>,
}

/// Why the shipped files cannot be had.
#[derive(Debug, PartialEq, Eq)]
pub enum Unavailable {
    /// No git history here (not a repository, no commit, or no git); git's
    /// own words.
    NoHistory(String),
    /// A shallow clone: the commits that hold the shipped files are not
    /// here.
    Shallow,
    /// A folder (`exercises/NN_name`, `support`) with no record of its
    /// shipped files, neither in the history nor in the working copy.
    NoRecord(String),
    /// A shipped file that git's object store does not have.
    Missing { file: String, why: String },
    /// The copy could not be written.
    Io(String),
}

impl From<io::Error> for Unavailable {
    fn from(e: io::Error) -> Unavailable {
        Unavailable::Io(e.to_string())
    }
}

/// The folder of the pristine copy of `course`.
pub fn copy_root(course: &Course) -> PathBuf {
    stage::base_dir(course).join("pristine")
}

/// Writes the pristine copy of `course` and says what differed.
pub fn prepare(course: &Course) -> Result<Pristine, Unavailable> {
    let history = History::open(&course.root)?;
    let root = copy_root(course);
    fs::create_dir_all(root.join("exercises"))?;
    for file in ["Cargo.toml", "Cargo.lock"] {
        if let Ok(bytes) = fs::read(course.root.join(file)) {
            write_if_changed(&root.join(file), &bytes)?;
        }
    }
    let mut differed = BTreeMap::new();
    let mut keep = BTreeSet::new();
    for exercise in &course.exercises {
        // Known by name even when its folder is gone: the copy then has no
        // folder either, and the exercise's verdict says so.
        fs::create_dir_all(root.join("solutions").join(&exercise.dir_name))?;
        if !exercise.present {
            continue;
        }
        keep.insert(exercise.dir_name.clone());
        let folder = format!("exercises/{}", exercise.dir_name);
        let found = history.exercise(exercise, &root.join(&folder), &folder)?;
        if !found.is_empty() {
            differed.insert(folder, found);
        }
    }
    prune_folders(&root.join("exercises"), &keep)?;
    let found = history.support(&course.root, &root.join("support"))?;
    if !found.is_empty() {
        differed.insert("support".to_owned(), found);
    }
    if root.join("support").is_dir() {
        runner_workspace(&course.root, &root)?;
    }
    Ok(Pristine { root, differed })
}

/// The support library is a member of the runner's workspace
/// (`workspace = "../xtask"`) and inherits its `[workspace.package]`
/// fields; the copy gets a workspace of that name with that table alone,
/// without the runner itself.
fn runner_workspace(course_root: &Path, root: &Path) -> io::Result<()> {
    let text = fs::read_to_string(course_root.join("xtask").join("Cargo.toml")).unwrap_or_default();
    let mut manifest = String::from(
        "# Written by `cargo xtask` for --pristine: the runner's workspace, as the\n\
         # support library inherits from it.\n[workspace]\nresolver = \"3\"\nmembers = [\"../support\"]\n\n",
    );
    manifest.push_str(&section(&text, "[workspace.package]"));
    write_if_changed(&root.join("xtask").join("Cargo.toml"), manifest.as_bytes())
}

/// The lines of a TOML table, from its header to the next header.
fn section(text: &str, header: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with('[') {
            inside = trimmed == header;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The course's git history: where the shipped files come from.
struct History {
    root: PathBuf,
    /// The history's first commits (usually one), oldest last.
    firsts: Vec<String>,
}

impl History {
    fn open(root: &Path) -> Result<History, Unavailable> {
        let shallow =
            git(root, &["rev-parse", "--is-shallow-repository"]).map_err(Unavailable::NoHistory)?;
        if String::from_utf8_lossy(&shallow).trim() == "true" {
            return Err(Unavailable::Shallow);
        }
        let firsts =
            git(root, &["rev-list", "--max-parents=0", "HEAD"]).map_err(Unavailable::NoHistory)?;
        let firsts = String::from_utf8_lossy(&firsts)
            .lines()
            .map(str::to_owned)
            .collect();
        Ok(History {
            root: root.to_path_buf(),
            firsts,
        })
    }

    /// A file as the history's first commit holds it (`path` relative to
    /// the course's root).
    fn in_first_commit(&self, path: &str) -> Option<Vec<u8>> {
        self.firsts.iter().rev().find_map(|commit| {
            git(
                &self.root,
                &["cat-file", "blob", &format!("{commit}:./{path}")],
            )
            .ok()
        })
    }

    /// The trusted record of `record`'s folder (`folder`, relative to the
    /// course), and `shipped-files.txt` itself when the local one differs
    /// from it. None: no record anywhere.
    fn trusted(&self, record: &Record, folder: &str) -> Option<(Entries, Vec<String>)> {
        let local = record.read();
        match self.in_first_commit(&format!("{folder}/{SHIPPED}")) {
            Some(text) => {
                let first = shipped::parse(&String::from_utf8_lossy(&text));
                let differs = local.as_ref() != Some(&first);
                Some((
                    first,
                    if differs {
                        vec![SHIPPED.to_owned()]
                    } else {
                        Vec::new()
                    },
                ))
            }
            None => local.map(|entries| (entries, Vec::new())),
        }
    }

    /// The copy of one exercise: the learner's files, with the shipped
    /// manifests and tests on top. Returns what differed.
    fn exercise(
        &self,
        exercise: &Exercise,
        dest: &Path,
        folder: &str,
    ) -> Result<Vec<String>, Unavailable> {
        let record = Record::of_exercise(exercise);
        let (entries, mut differed) = self
            .trusted(&record, folder)
            .ok_or_else(|| Unavailable::NoRecord(folder.to_owned()))?;
        // The record lists the files the learner edits too; everything
        // else in it decides the verdict.
        let decides =
            |path: &str| path == "Cargo.toml" || path == METADATA || path.starts_with("tests/");
        let mut wanted = BTreeSet::new();
        for entry in files::walk(&exercise.dir, &|p| !files::is_noise(p)) {
            let path = files::relative(&entry.path, &exercise.dir);
            if entry.is_dir || decides(&path) || path == SHIPPED {
                continue;
            }
            write_if_changed(&dest.join(&path), &fs::read(&entry.path)?)?;
            wanted.insert(path);
        }
        let shipped: Entries = entries.into_iter().filter(|(p, _)| decides(p)).collect();
        differed.extend(self.overlay(&record, &shipped, dest, folder, &mut wanted)?);
        let now = record.current();
        let added = now
            .iter()
            .filter(|(p, _)| decides(p) && !shipped.iter().any(|(s, _)| s == p));
        differed.extend(added.map(|(p, _)| p.clone()));
        prune_files(dest, &wanted)?;
        differed.sort();
        differed.dedup();
        Ok(differed)
    }

    /// The copy of the tests' support library: only its recorded files.
    fn support(&self, course_root: &Path, dest: &Path) -> Result<Vec<String>, Unavailable> {
        let record = Record::of_support(course_root);
        let Some((shipped, mut differed)) = self.trusted(&record, "support") else {
            if record.dir.is_dir() {
                return Err(Unavailable::NoRecord("support".to_owned()));
            }
            // A course without a support library.
            return Ok(Vec::new());
        };
        let mut wanted = BTreeSet::new();
        differed.extend(self.overlay(&record, &shipped, dest, "support", &mut wanted)?);
        let now = record.current();
        let added = now
            .iter()
            .filter(|(p, _)| !shipped.iter().any(|(s, _)| s == p));
        differed.extend(added.map(|(p, _)| p.clone()));
        prune_files(dest, &wanted)?;
        differed.sort();
        differed.dedup();
        Ok(differed)
    }

    /// Writes the `shipped` files into `dest`: the local file where it is
    /// the shipped one, else the shipped blob from git. Returns the files
    /// that differed.
    fn overlay(
        &self,
        record: &Record,
        shipped: &Entries,
        dest: &Path,
        folder: &str,
        wanted: &mut BTreeSet<String>,
    ) -> Result<Vec<String>, Unavailable> {
        let now = record.current();
        let mut differed = Vec::new();
        for (path, id) in shipped {
            let same = now.iter().any(|(p, i)| p == path && i == id);
            let bytes = if same {
                fs::read(record.dir.join(path))?
            } else {
                differed.push(path.clone());
                shipped::fetch(&self.root, id).map_err(|why| Unavailable::Missing {
                    file: format!("{folder}/{path}"),
                    why,
                })?
            };
            write_if_changed(&dest.join(path), &bytes)?;
            wanted.insert(path.clone());
        }
        Ok(differed)
    }
}

/// git's output, or its complaint.
fn git(root: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let mut command = Command::new("git");
    command.args(args).current_dir(root);
    let output = process::run(
        &mut command,
        Limits::tool(Duration::from_secs(30)),
        Stops::default(),
        &mut |_, _| {},
    )
    .map_err(|e| format!("git: {e}"))?;
    if output.success() {
        Ok(output.stdout)
    } else {
        Err(String::from_utf8_lossy(&output.stderr).trim().to_owned())
    }
}

fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).ok().as_deref() == Some(bytes) {
        return Ok(());
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}

/// Removes the files under `dir` that are not `wanted` (left from an
/// earlier copy), leaving build output alone.
fn prune_files(dir: &Path, wanted: &BTreeSet<String>) -> io::Result<()> {
    for entry in files::walk(dir, &|p| !files::is_noise(p)) {
        let path = files::relative(&entry.path, dir);
        if !entry.is_dir && !wanted.contains(&path) {
            fs::remove_file(&entry.path)?;
        }
    }
    Ok(())
}

/// Removes the exercise folders of an earlier copy that the course no
/// longer has.
fn prune_folders(dir: &Path, keep: &BTreeSet<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.path().is_dir() && !keep.contains(&name) {
            fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_is_cut_from_its_header_to_the_next() {
        let text = "[workspace]\nmembers = []\n\n[workspace.package]\nedition = \"2024\"\n\n[package]\nname = \"x\"\n";
        assert_eq!(
            section(text, "[workspace.package]"),
            "[workspace.package]\nedition = \"2024\"\n\n"
        );
    }

    #[test]
    fn stale_files_of_an_earlier_copy_are_removed() {
        let dir = std::env::temp_dir().join(format!("xtask-pristine-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        write_if_changed(&dir.join("tests/kept.rs"), b"kept").unwrap();
        write_if_changed(&dir.join("tests/mine.rs"), b"a learner's test").unwrap();
        write_if_changed(&dir.join("target/debug/x"), b"build output").unwrap();
        let wanted: BTreeSet<String> = ["tests/kept.rs".to_owned()].into();
        prune_files(&dir, &wanted).unwrap();
        let left = (
            dir.join("tests/kept.rs").is_file(),
            dir.join("tests/mine.rs").exists(),
            dir.join("target/debug/x").is_file(),
        );
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(left, (true, false, true));
    }
}
