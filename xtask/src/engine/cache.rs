//! Passes remembered, so that what did not change is not tested again.
//!
//! Some tests take seconds on purpose (exercise 06 stays quiet for two), and
//! `verify` and `watch` run every exercise before the next one: without a
//! memory of passes, every save would wait for them again. A pass is
//! remembered under a key that covers everything that can change it: the
//! test executables and programs cargo built (path, size and modification
//! time: cargo rewrites them whenever any source, dependency or flag
//! changes), the language, the exercise's limits, and the runner itself.
//! A failure never stands in for a run: it runs again every time. It is
//! noted all the same, so that `hint` and `solution` can tell which
//! exercise is next without running a test ([`crate::engine::progress`]).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use crate::engine::build::Compiled;
use crate::engine::course::Exercise;
use crate::engine::shipped::git_blob_id;
use course_support::Lang;

/// The file, in the build's target folder.
pub const FILE: &str = "passes.txt";

pub struct Passes {
    file: PathBuf,
    /// By exercise folder name: the key and the number of tests that
    /// passed (None: that build did not pass).
    known: BTreeMap<String, (String, Option<usize>)>,
}

impl Passes {
    /// The passes remembered for builds in `target`.
    pub fn load(target: &Path) -> Passes {
        let file = target.join(FILE);
        let text = fs::read_to_string(&file).unwrap_or_default();
        let known = text
            .lines()
            .filter_map(|line| {
                let mut words = line.split_whitespace();
                let dir = words.next()?.to_owned();
                let key = words.next()?.to_owned();
                let tests = match words.next()? {
                    "-" => None,
                    n => Some(n.parse().ok()?),
                };
                Some((dir, (key, tests)))
            })
            .collect();
        Passes { file, known }
    }

    /// The number of tests that passed, if this exact build passed before.
    pub fn get(&self, dir_name: &str, key: &str) -> Option<usize> {
        match self.known.get(dir_name) {
            Some((k, tests)) if k == key => *tests,
            _ => None,
        }
    }

    /// True if some build of the exercise passed when last tested.
    pub fn passed_before(&self, dir_name: &str) -> bool {
        matches!(self.known.get(dir_name), Some((_, Some(_))))
    }

    /// True if this exact build was tested before and did not pass.
    pub fn failed(&self, dir_name: &str, key: &str) -> bool {
        matches!(self.known.get(dir_name), Some((k, None)) if k == key)
    }

    pub fn remember(&mut self, dir_name: &str, key: String, tests: usize) {
        self.known.insert(dir_name.to_owned(), (key, Some(tests)));
    }

    pub fn remember_failure(&mut self, dir_name: &str, key: String) {
        self.known.insert(dir_name.to_owned(), (key, None));
    }

    pub fn forget(&mut self, dir_name: &str) {
        self.known.remove(dir_name);
    }

    /// Writes the file (through a rename: two runners never leave half a
    /// file). The memory is only a help: failing to write it is no error.
    pub fn save(&self) {
        let mut text = String::new();
        for (dir, (key, tests)) in &self.known {
            match tests {
                Some(tests) => text.push_str(&format!("{dir} {key} {tests}\n")),
                None => text.push_str(&format!("{dir} {key} -\n")),
            }
        }
        let temporary = self
            .file
            .with_extension(format!("{}.tmp", std::process::id()));
        if fs::write(&temporary, text).is_ok() && fs::rename(&temporary, &self.file).is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }
}

/// The key of one exercise's build; None when a file cannot be looked at
/// (then nothing is remembered).
pub fn key(exercise: &Exercise, compiled: &Compiled, lang: Lang) -> Option<String> {
    let mut parts = vec![
        lang.code().to_owned(),
        exercise.time_limit.as_millis().to_string(),
        exercise.memory_limit_mib.to_string(),
        identity(&std::env::current_exe().ok()?)?,
    ];
    for path in compiled
        .tests
        .iter()
        .chain(compiled.programs.iter().map(|(_, p)| p))
    {
        parts.push(identity(path)?);
    }
    Some(git_blob_id(parts.join("\n").as_bytes()))
}

/// A file's path, size and modification time.
fn identity(path: &Path) -> Option<String> {
    let metadata = fs::metadata(path).ok()?;
    let modified = metadata.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(format!(
        "{} {} {}",
        path.display(),
        metadata.len(),
        modified.as_nanos()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pass_is_known_only_under_its_own_key() {
        let dir = std::env::temp_dir().join(format!("xtask-passes-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let mut passes = Passes::load(&dir);
        passes.remember("06_x", "key-a".into(), 3);
        passes.remember_failure("07_y", "key-c".into());
        passes.save();
        let again = Passes::load(&dir);
        assert_eq!(again.get("06_x", "key-a"), Some(3));
        assert_eq!(again.get("06_x", "key-b"), None);
        assert_eq!(again.get("07_y", "key-a"), None);
        assert!(!again.failed("06_x", "key-a"));
        assert_eq!(again.get("07_y", "key-c"), None);
        assert!(again.failed("07_y", "key-c"));
        assert!(!again.failed("07_y", "key-a"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
