//! Helpers shared by the runner's integration tests.

#![allow(dead_code)] // each test file uses its own subset

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::time::Duration;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;

/// Generous: a cold build of the fixture on a busy two-core machine.
pub const LIMIT: Duration = Duration::from_secs(240);

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/course")
}

pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-course")
}

/// A scratch copy of the fixture course (without build output).
pub fn copy_of_fixture(name: &str) -> PathBuf {
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dest);
    copy_dir(&fixture(), &dest);
    dest
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            if entry.file_name() != "target" {
                copy_dir(&entry.path(), &target);
            }
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Process ids of running processes whose command line contains `needle`.
pub fn processes_matching(needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir("/proc").into_iter().flatten().flatten() {
        let cmdline = fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        if cmdline.contains(needle) {
            found.push(format!("{:?}: {cmdline}", entry.file_name()));
        }
    }
    found
}

/// Waits (at most `limit`) until no process matches `needle`, and returns
/// those still matching then. A killed process can take a moment to go on a
/// busy machine; one that was never killed stays.
pub fn still_running_after(needle: &str, limit: Duration) -> Vec<String> {
    let deadline = std::time::Instant::now() + limit;
    loop {
        let found = processes_matching(needle);
        if found.is_empty() || std::time::Instant::now() >= deadline {
            return found;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `xtask --root ROOT --lang LANG ARGS...`, with a clean environment for
/// language, colour and width, bounded by [`LIMIT`]. Each test file says where it
/// builds (`CARGO_TARGET_DIR`).
pub fn runner(root: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = cargo_bin_cmd!("xtask");
    cmd.arg("--root")
        .arg(root)
        .args(["--lang", lang])
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        // Prose on one line, so that tests can find a sentence whole; the
        // tests of wrapping set their own width.
        .env("COLUMNS", "100000")
        .timeout(LIMIT);
    cmd
}

/// git in `dir`, as a learner with a name; the test fails if git does.
pub fn git(dir: &Path, args: &[&str]) {
    let status = StdCommand::new("git")
        .args([
            "-c",
            "user.name=Learner",
            "-c",
            "user.email=learner@example.com",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(status.status.success(), "git {args:?}: {status:?}");
}
