//! The runner survives whatever the exercises contain: broken files, stray
//! folders, programs that escape, a test that kills the runner, a memory
//! hog, output that attacks the terminal.
//!
//! File cases work on scratch copies of the fixture course; process and
//! output cases run the fixture course in `tests/fixtures/hostile`, whose
//! answers are written to misbehave. Every command runs with a time-out.

// Most cases need a Unix shell, `cp` or signals; elsewhere the imports they
// use stand idle.
#![cfg_attr(not(unix), allow(unused_imports))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::time::Duration;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;

use common::{LIMIT, copy_of_fixture, git, runner, still_running_after};

fn hostile() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/hostile")
}

/// The runner on `root`, building into a target folder of the course's own.
fn xtask_in(root: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = runner(root, lang, args);
    cmd.env(
        "CARGO_TARGET_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
            "robust-{}",
            root.file_name().unwrap().to_string_lossy()
        )),
    );
    cmd
}

/// A scratch copy of the fixture course under git, as a learner's clone is.
fn clone_of_fixture(name: &str) -> PathBuf {
    let root = copy_of_fixture(name);
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "course as shipped"]);
    root
}

#[test]
fn a_broken_manifest_is_that_exercises_verdict_and_reset_mends_it() {
    let root = clone_of_fixture("broken-manifest");
    let manifest = root.join("exercises/02_fails/Cargo.toml");
    let shipped = fs::read_to_string(&manifest).unwrap();
    fs::write(&manifest, "[package\nname = \"fails\"\n").unwrap();
    xtask_in(&root, "en", &["verify"])
        .assert()
        .code(1)
        // 01 is still judged: the broken manifest stops nothing else.
        .stdout(contains("Done: 01"))
        .stdout(contains("02 fails · Fixture fails: cannot be built"))
        .stdout(contains("cargo cannot use exercises/02_fails/Cargo.toml"))
        .stdout(contains("line 1"))
        .stdout(contains("cargo xtask reset 02"));
    xtask_in(&root, "pt-BR", &["verify", "02"])
        .assert()
        .code(1)
        .stdout(contains("não pode ser compilado"))
        .stdout(contains(
            "o cargo não consegue usar exercises/02_fails/Cargo.toml",
        ));
    xtask_in(&root, "en", &["reset", "02"])
        .assert()
        .success()
        .stdout(contains("Restored exercises/02_fails/Cargo.toml"));
    assert_eq!(fs::read_to_string(&manifest).unwrap(), shipped);
    xtask_in(&root, "en", &["verify", "02"])
        .assert()
        .code(1)
        .stdout(contains("1 test failed, 1 passed"));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_dependency_that_cannot_be_found_is_that_exercises_verdict() {
    let root = copy_of_fixture("missing-dependency");
    let manifest = root.join("exercises/02_fails/Cargo.toml");
    let mut text = fs::read_to_string(&manifest).unwrap();
    text.push_str("\n[dependencies]\nnowhere = { path = \"../../nowhere\" }\n");
    fs::write(&manifest, text).unwrap();
    xtask_in(&root, "en", &["verify", "01"]).assert().success();
    xtask_in(&root, "en", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("Done: 01"))
        .stdout(contains("02 fails · Fixture fails: cannot be built"))
        .stdout(contains("nowhere"));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_deleted_lib_rs_is_named_and_reset_brings_it_back() {
    let root = clone_of_fixture("deleted-lib");
    let lib = root.join("exercises/02_fails/src/lib.rs");
    let shipped = fs::read_to_string(&lib).unwrap();
    fs::remove_file(&lib).unwrap();
    xtask_in(&root, "en", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("Done: 01"))
        .stdout(contains("exercises/02_fails/src/lib.rs is missing"))
        .stdout(contains("cargo xtask reset 02"));
    xtask_in(&root, "en", &["list"]).assert().code(1);
    xtask_in(&root, "en", &["hint", "02"]).assert().success();
    xtask_in(&root, "en", &["reset", "02"])
        .assert()
        .success()
        .stdout(contains("Restored exercises/02_fails/src/lib.rs"));
    assert_eq!(fs::read_to_string(&lib).unwrap(), shipped);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
#[cfg(unix)]
fn a_stray_copy_of_a_folder_is_named_and_everything_still_works() {
    let root = clone_of_fixture("stray-copy");
    for copy in ["02_fails_backup", "02_fails copy"] {
        let status = StdCommand::new("cp")
            .arg("-r")
            .arg(root.join("exercises/02_fails"))
            .arg(root.join("exercises").join(copy))
            .status()
            .unwrap();
        assert!(status.success());
    }
    xtask_in(&root, "en", &["verify", "01"])
        .assert()
        // 01 passes, but the course's layout is broken: exit 1.
        .code(1)
        .stdout(contains("01 passes · Fixture passes: passes"))
        .stdout(contains(
            "exercises/02_fails_backup is a second copy of exercise 02_fails",
        ))
        .stdout(contains(
            "exercises/02_fails copy is not one of the course's exercises",
        ));
    xtask_in(&root, "pt-BR", &["list"])
        .assert()
        .code(1)
        .stdout(contains("é uma segunda cópia do exercício 02_fails"));
    xtask_in(&root, "en", &["reset", "02"])
        .assert()
        .success()
        .stdout(contains("already as shipped"));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_renamed_exercise_is_blamed_and_not_its_neighbour() {
    let root = copy_of_fixture("renamed");
    fs::rename(
        root.join("exercises/02_fails"),
        root.join("exercises/02_failz"),
    )
    .unwrap();
    xtask_in(&root, "en", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("Done: 01"))
        .stdout(contains("The folder exercises/02_fails is missing"))
        .stdout(contains(
            "exercises/02_failz is a second copy of exercise 02_fails",
        ));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_broken_root_manifest_is_named_and_is_no_usage_error() {
    let root = copy_of_fixture("broken-root");
    fs::write(root.join("Cargo.toml"), "[workspace\n").unwrap();
    for (lang, said) in [
        ("en", "cannot read the course's manifest"),
        ("pt-BR", "não foi possível ler o manifesto do curso"),
    ] {
        xtask_in(&root, lang, &["verify"])
            .assert()
            .code(3)
            .stderr(contains(said))
            .stderr(contains("Cargo.toml"))
            .stderr(contains("could not run a command").not())
            .stderr(contains("não foi possível rodar").not());
    }
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn reset_errors_name_the_path_and_leave_no_temporary_file() {
    let root = clone_of_fixture("reset-errors");
    fs::write(root.join("exercises/02_fails/src/lib.rs"), "// mine\n").unwrap();
    fs::write(root.join(".course-backups"), "not a folder").unwrap();
    // The runner could not work (exit 3): not a usage error (exit 2).
    xtask_in(&root, "en", &["reset", "02"])
        .assert()
        .code(3)
        .stderr(contains("cannot write .course-backups"));
    // Nothing was changed and nothing was left behind.
    assert_eq!(
        fs::read_to_string(root.join("exercises/02_fails/src/lib.rs")).unwrap(),
        "// mine\n"
    );
    let leftovers: Vec<_> = fs::read_dir(root.join("exercises/02_fails/src"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with("reset-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
#[cfg(unix)]
fn cargo_waiting_for_a_lock_is_passed_on() {
    // A cargo that says what cargo says while another holds its lock, then
    // does the work.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("slow-cargo");
    fs::create_dir_all(&dir).unwrap();
    let script = dir.join("cargo");
    let real = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    fs::write(
        &script,
        format!(
            "#!/bin/sh\necho '    Blocking waiting for file lock on build directory' >&2\nexec '{real}' \"$@\"\n"
        ),
    )
    .unwrap();
    make_executable(&script);
    xtask_in(&common::fixture(), "pt-BR", &["verify", "01"])
        .env("CARGO", &script)
        .assert()
        .success()
        .stderr(contains("Esperando outro cargo"));
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
#[cfg(target_os = "linux")]
fn a_program_that_escapes_its_group_does_not_outlive_the_run() {
    // The escaped `sleep` holds the test's stdout: were it left alone, the
    // correct answer would turn into a time-out.
    let marker = format!("4301.{}", std::process::id());
    xtask_in(&hostile(), "en", &["verify", "01"])
        .env("FIXTURE_SLEEP", &marker)
        .assert()
        .success()
        .stdout(contains("passes (1 test)"));
    let left = still_running_after(&format!("sleep {marker}"), Duration::from_secs(10));
    assert_eq!(left, Vec::<String>::new());
}

#[test]
#[cfg(unix)]
fn a_test_that_kills_the_runner_leaves_nothing_running() {
    let marker = format!("4302.{}", std::process::id());
    let output = xtask_in(&hostile(), "en", &["verify", "02"])
        .env("FIXTURE_SLEEP", &marker)
        .output()
        .unwrap();
    // The runner was killed (by the test, or by the time-out if that failed).
    assert!(!output.status.success());
    let left = still_running_after(&format!("sleep {marker}"), Duration::from_secs(10));
    assert_eq!(left, Vec::<String>::new());
}

#[test]
#[cfg(unix)]
fn a_memory_hog_is_stopped_and_the_verdict_says_why() {
    xtask_in(&hostile(), "en", &["verify", "03"])
        .assert()
        .code(1)
        .stdout(contains("stopped: it used more than 64 MiB of memory"))
        .stdout(contains("an unbounded channel that nobody drains"));
    xtask_in(&hostile(), "pt-BR", &["verify", "03"])
        .assert()
        .code(1)
        .stdout(contains("usou mais de 64 MiB de memória"));
    assert_eq!(
        still_running_after("hogs_memory-", Duration::from_secs(10)),
        Vec::<String>::new()
    );
}

#[test]
fn hostile_output_is_quoted_harmlessly_and_bounded() {
    let output = xtask_in(&hostile(), "en", &["verify", "04"])
        .assert()
        .code(1)
        .stdout(contains("␛]0;owned␇␛[2J\\u{202e}reversed"))
        .stdout(contains("more characters left out"))
        // A panic message shows its first 24 lines: a report fits a screen.
        .stdout(contains("[… 11977 more lines left out]"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8_lossy(&output);
    assert!(!text.contains('\u{1b}'), "an escape reached the terminal");
    assert!(
        !text.contains('\u{202e}'),
        "a direction override reached the terminal"
    );
    // 150 KB on one line and 12,000 lines make a report of a few KB.
    assert!(output.len() < 8_000, "{} bytes", output.len());
}

#[test]
fn a_stderr_flood_is_quoted() {
    xtask_in(&hostile(), "en", &["verify", "05"])
        .assert()
        .code(1)
        .stdout(contains("stopped: it printed without end"))
        .stdout(contains("It began with (stderr):"))
        .stdout(contains("| stderr message: again and again"));
}

#[test]
fn a_long_panic_that_ends_is_not_an_endless_flood() {
    xtask_in(&hostile(), "en", &["verify", "06"])
        .assert()
        .code(1)
        .stdout(contains("1 test failed, 0 passed"))
        .stdout(contains("the story begins yyy"))
        .stdout(contains("more characters left out"))
        .stdout(contains("printed without end").not());
}

#[test]
fn an_answer_that_prints_a_pass_and_exits_does_not_pass() {
    // It prints libtest's lines for both tests, then `exit(0)`: only
    // libtest's own record of a finished test makes a pass.
    xtask_in(&hostile(), "en", &["verify", "07"])
        .assert()
        .code(1)
        .stdout(contains("passes").not())
        .stdout(contains("the tests crashed (exit code 0)"))
        .stdout(contains("may have called std::process::exit"))
        .stdout(contains("--logfile").not());
}

#[test]
fn a_test_that_chatters_beside_others_leaves_every_verdict_its_own() {
    // Four tests, one printing 2,000 lines: each verdict is the test's
    // own, every time.
    for _ in 0..5 {
        xtask_in(&hostile(), "en", &["verify", "08"])
            .assert()
            .code(1)
            .stdout(contains("1 test failed, 3 passed"))
            .stdout(contains("✗ c_fails"))
            .stdout(contains("expected 42, got 41"))
            .stdout(contains("crashed").not())
            .stdout(contains("a thread started by the code").not());
    }
}

#[test]
#[cfg(unix)]
fn a_copied_course_runs_its_own_programs() {
    // Built once, then copied with its build folder, as a learner copies a
    // course: the copy must judge its own program, not the original's.
    let first = copy_of_fixture("copied-from");
    let run = |root: &Path| {
        let mut cmd = cargo_bin_cmd!("xtask");
        cmd.arg("--root")
            .arg(root)
            .args(["--lang", "en", "verify", "02"])
            .env_remove("CARGO_TARGET_DIR")
            .timeout(LIMIT);
        cmd
    };
    run(&first)
        .assert()
        .code(1)
        .stdout(contains("expected 42, got 41"));
    let second = first.with_file_name(format!("copied-to-{}", std::process::id()));
    let _ = fs::remove_dir_all(&second);
    let copied = StdCommand::new("cp")
        .arg("-a")
        .arg(&first)
        .arg(&second)
        .status()
        .unwrap();
    assert!(copied.success());
    fs::write(
        second.join("exercises/02_fails/src/lib.rs"),
        "pub fn answer() -> u32 {\n    42\n}\n",
    )
    .unwrap();
    // The program's test compares what the program prints with the library:
    // the original's program would print 41.
    run(&second)
        .assert()
        .success()
        .stdout(contains("passes (2 tests)"));
    fs::remove_dir_all(&first).unwrap();
    fs::remove_dir_all(&second).unwrap();
}
