//! What each exercise looked like when it shipped.
//!
//! `exercises/NN_name/shipped-files.txt` lists the git blob id of every file
//! the learner edits and of every test file, as `cargo xtask seal` wrote them.
//! With it the runner can tell that a test file was edited (by hashing the
//! file, no git needed), and `reset` can bring back the shipped version of a
//! learner's file from git's object store, even when the learner has since
//! committed their own version: the old blob is still in the history.

use std::fs;
use std::io;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use crate::course::{Exercise, SHIPPED};
use crate::process::{self, Limits};

const HEADER: &str = "# The files of this exercise as shipped: git blob id, then path.\n\
# Written by `cargo xtask seal`; `cargo xtask check` fails while it is stale.\n";

/// `(path relative to the exercise, blob id)`, sorted by path.
pub type Entries = Vec<(String, String)>;

pub fn read(exercise: &Exercise) -> Option<Entries> {
    let text = fs::read_to_string(exercise.dir.join(SHIPPED)).ok()?;
    let mut entries: Entries = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (id, path) = l.split_once(char::is_whitespace)?;
            Some((path.trim().to_owned(), id.to_owned()))
        })
        .collect();
    entries.sort();
    Some(entries)
}

/// The same list computed from the files as they are now.
pub fn current(exercise: &Exercise) -> Entries {
    let mut paths: Vec<String> = exercise.edit.clone();
    collect_files(&exercise.dir, "tests", &mut paths);
    let mut entries: Entries = paths
        .into_iter()
        .filter_map(|p| {
            let bytes = fs::read(exercise.dir.join(&p)).ok()?;
            Some((p, blob_id_of_checkout(&bytes)))
        })
        .collect();
    entries.sort();
    entries.dedup();
    entries
}

fn collect_files(base: &Path, relative: &str, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(base.join(relative)) else {
        return;
    };
    for entry in entries.flatten() {
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        let path = format!("{relative}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_dir() => collect_files(base, &path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
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

/// Test files that differ from the shipped list (changed, added or
/// removed). Empty when the exercise has no list.
pub fn edited_tests(exercise: &Exercise) -> Vec<String> {
    let Some(shipped) = read(exercise) else {
        return Vec::new();
    };
    let now = current(exercise);
    let tests = |list: &Entries| -> Entries {
        list.iter()
            .filter(|(p, _)| p.starts_with("tests/"))
            .cloned()
            .collect()
    };
    let (then, now) = (tests(&shipped), tests(&now));
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
    edited.sort();
    edited
}

pub fn write(exercise: &Exercise) -> io::Result<()> {
    let mut text = HEADER.to_owned();
    for (path, id) in current(exercise) {
        text.push_str(&format!("{id} {path}\n"));
    }
    fs::write(exercise.dir.join(SHIPPED), text)
}

/// The shipped content of a blob, from git's object store.
pub fn fetch(root: &Path, blob: &str) -> Result<Vec<u8>, String> {
    if blob.len() != 40 || !blob.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("`{blob}` is not a blob id"));
    }
    let mut git = Command::new("git");
    git.args(["cat-file", "blob", blob]).current_dir(root);
    let limits = Limits {
        time: Duration::from_secs(30),
        output: 64 << 20,
    };
    let output =
        process::run(&mut git, limits, None, &mut |_, _| {}).map_err(|e| format!("git: {e}"))?;
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
}
