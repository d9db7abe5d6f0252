//! What the course looked like when it shipped.
//!
//! `exercises/NN_name/shipped-files.txt` lists the git blob id of every file
//! that decides the exercise's verdict (its tests, its `Cargo.toml` and
//! `exercise.toml`, and the files the learner edits), and
//! `support/shipped-files.txt` those of the tests' support library, as
//! `cargo xtask seal` wrote them. With them the runner can tell that one of
//! those files was changed (by hashing it, no git needed), and `reset` can
//! bring back the shipped version from git's object store, even when the
//! learner has since committed their own: the old blob is still in the
//! history.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::engine::course::{Course, Exercise, METADATA, SHIPPED};
use crate::engine::process::{self, Limits, Stops};
use crate::files;

const HEADER: &str = "# The files as shipped: git blob id, then path.\n\
# Written by `cargo xtask seal`; `cargo xtask check` fails while it is stale.\n";

/// `(path relative to the folder, blob id)`, sorted by path.
pub type Entries = Vec<(String, String)>;

/// A folder whose shipped files are recorded.
pub struct Record {
    pub dir: PathBuf,
    /// The files recorded, relative to `dir`: listed ones, plus every file
    /// under the listed folders.
    files: Vec<String>,
    folders: Vec<String>,
}

impl Record {
    pub fn of_exercise(exercise: &Exercise) -> Record {
        let mut files = exercise.edit.clone();
        files.extend(["Cargo.toml".to_owned(), METADATA.to_owned()]);
        Record {
            dir: exercise.dir.clone(),
            files,
            folders: vec!["tests".to_owned()],
        }
    }

    pub fn of_support(root: &Path) -> Record {
        Record {
            dir: root.join("support"),
            files: vec!["Cargo.toml".to_owned()],
            folders: vec!["src".to_owned()],
        }
    }

    pub fn read(&self) -> Option<Entries> {
        let text = fs::read_to_string(self.dir.join(SHIPPED)).ok()?;
        Some(parse(&text))
    }

    /// The same list computed from the files as they are now.
    pub fn current(&self) -> Entries {
        let mut paths = self.files.clone();
        for folder in &self.folders {
            let found = files::walk(&self.dir.join(folder), &|p| !files::is_noise(p));
            paths.extend(
                found
                    .iter()
                    .filter(|e| !e.is_dir)
                    .map(|e| files::relative(&e.path, &self.dir)),
            );
        }
        let mut entries: Entries = paths
            .into_iter()
            .filter_map(|p| {
                let bytes = fs::read(self.dir.join(&p)).ok()?;
                Some((p, blob_id_of_checkout(&bytes)))
            })
            .collect();
        entries.sort();
        entries.dedup();
        entries
    }

    /// Files that differ from the shipped list (changed, added or removed),
    /// leaving out `except` (the files a learner is meant to edit). Empty
    /// when there is no list.
    pub fn edited(&self, except: &[String]) -> Vec<String> {
        let Some(then) = self.read() else {
            return Vec::new();
        };
        let now = self.current();
        let mut edited: Vec<String> = Vec::new();
        for (path, id) in &now {
            if !then.iter().any(|(p, i)| p == path && i == id) {
                edited.push(path.clone());
            }
        }
        for (path, _) in &then {
            if !now.iter().any(|(p, _)| p == path) {
                edited.push(path.clone());
            }
        }
        edited.retain(|p| !except.contains(p));
        edited.sort();
        edited.dedup();
        edited
    }

    pub fn write(&self) -> io::Result<()> {
        let mut text = HEADER.to_owned();
        for (path, id) in self.current() {
            text.push_str(&format!("{id} {path}\n"));
        }
        fs::write(self.dir.join(SHIPPED), text)
    }
}

/// The entries of a `shipped-files.txt`, sorted by path.
/// Records the shipped files of every exercise there and of the support
/// library, as they are now (a maintainer's `seal`): each record's label
/// (`03 loop_send`, `support`) and whether it changed.
pub fn seal(course: &Course) -> io::Result<Vec<(String, bool)>> {
    let mut records: Vec<(String, Record)> = course
        .exercises
        .iter()
        .filter(|e| e.present)
        .map(|e| (e.label(), Record::of_exercise(e)))
        .collect();
    let support = Record::of_support(&course.root);
    if support.dir.is_dir() {
        records.push(("support".to_owned(), support));
    }
    let mut sealed = Vec::new();
    for (label, record) in records {
        let before = record.read();
        record.write()?;
        sealed.push((label, before.as_ref() != Some(&record.current())));
    }
    Ok(sealed)
}

pub fn parse(text: &str) -> Entries {
    let mut entries: Entries = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (id, path) = l.split_once(char::is_whitespace)?;
            Some((path.trim().to_owned(), id.to_owned()))
        })
        .collect();
    entries.sort();
    entries
}

/// The id `git hash-object` prints for a file with this content: the SHA-1
/// of a `blob LEN\0` header and the bytes (git's content address; nothing
/// here depends on SHA-1 for security).
pub fn git_blob_id(content: &[u8]) -> String {
    let mut hasher = sha1_smol::Sha1::new();
    hasher.update(format!("blob {}\0", content.len()).as_bytes());
    hasher.update(content);
    hasher.digest().to_string()
}

/// The blob id git would store for a file as checked out. A checkout with
/// `core.autocrlf` (common on Windows) has CRLF line ends where the stored
/// blob has LF; hashing the LF form keeps those files from looking edited.
fn blob_id_of_checkout(bytes: &[u8]) -> String {
    if bytes.windows(2).any(|w| w == b"\r\n") {
        let mut lf = Vec::with_capacity(bytes.len());
        for (i, &b) in bytes.iter().enumerate() {
            if !(b == b'\r' && bytes.get(i + 1) == Some(&b'\n')) {
                lf.push(b);
            }
        }
        git_blob_id(&lf)
    } else {
        git_blob_id(bytes)
    }
}

/// The shipped content of a blob, from git's object store.
pub fn fetch(root: &Path, blob: &str) -> Result<Vec<u8>, String> {
    if blob.len() != 40 || !blob.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("`{blob}` is not a blob id"));
    }
    let mut git = Command::new("git");
    git.args(["cat-file", "blob", blob]).current_dir(root);
    let output = process::run(
        &mut git,
        Limits::tool(Duration::from_secs(30)),
        Stops::default(),
        &mut |_, _| {},
    )
    .map_err(|e| format!("git: {e}"))?;
    if !output.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    // Trust, but verify: the bytes must hash to the id we asked for.
    if git_blob_id(&output.stdout) != blob {
        return Err(format!("git returned other content for {blob}"));
    }
    Ok(output.stdout)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_ids_are_gits() {
        // `git hash-object` of an empty file and of "hello\n".
        assert_eq!(git_blob_id(b""), "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391");
        assert_eq!(
            git_blob_id(b"hello\n"),
            "ce013625030ba8dba906f756967f9e9ca394464a"
        );
    }

    #[test]
    fn crlf_checkouts_hash_like_their_lf_blob() {
        assert_eq!(blob_id_of_checkout(b"a\r\nb\r\n"), git_blob_id(b"a\nb\n"));
        assert_eq!(blob_id_of_checkout(b"a\rb"), git_blob_id(b"a\rb"));
    }

    #[test]
    fn edits_outside_the_learners_files_are_noticed() {
        let dir = std::env::temp_dir().join(format!("xtask-shipped-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("tests")).unwrap();
        fs::write(dir.join("Cargo.toml"), "[package]\n").unwrap();
        fs::write(dir.join("tests/t.rs"), "// test").unwrap();
        fs::write(dir.join("lib.rs"), "// mine").unwrap();
        let record = Record {
            dir: dir.clone(),
            files: vec!["Cargo.toml".into(), "lib.rs".into()],
            folders: vec!["tests".into()],
        };
        record.write().unwrap();
        let mine = ["lib.rs".to_owned()];
        assert!(record.edited(&mine).is_empty());
        fs::write(dir.join("lib.rs"), "// changed, as it should be").unwrap();
        fs::write(dir.join("Cargo.toml"), "[package]\nautotests = false\n").unwrap();
        fs::write(dir.join("tests/mine.rs"), "// a test of my own").unwrap();
        fs::remove_file(dir.join("tests/t.rs")).unwrap();
        let edited = record.edited(&mine);
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(edited, ["Cargo.toml", "tests/mine.rs", "tests/t.rs"]);
    }
}
