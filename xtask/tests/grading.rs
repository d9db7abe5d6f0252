//! Grading through the real command line: `verify --all`, the JSON and
//! JUnit reports, `--pristine` and `grade`, on copies of the fixture course
//! (`tests/fixtures/course`: an exercise that passes, one that fails a
//! test, one that does not compile, one that hangs, one with an edited
//! test, and more).
//!
//! The JSON is read back by `serde_json` (strict: one document, nothing
//! after it) and checked field by field; the JUnit file by Python's
//! `junitparser`, a reader that shares no code with the runner (`.ci/run`
//! installs it). Courses that need a history (`--pristine`, `grade`) are
//! made the way a classroom makes them: the teacher's template sealed and
//! committed once, each student a clone with commits of their own.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

use common::{copy_of_fixture, git, runner, target_dir};

/// The runner on `root`, building into the fixture's target folder, with
/// git kept from looking above the scratch folder (the project's own
/// repository holds it).
fn xtask(root: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = runner(root, lang, args);
    cmd.env("CARGO_TARGET_DIR", target_dir())
        .env("GIT_CEILING_DIRECTORIES", root.parent().unwrap());
    cmd
}

/// A copy of the fixture with only the exercises whose numbers are given.
fn course_with(name: &str, keep: &[&str]) -> PathBuf {
    let root = copy_of_fixture(name);
    for entry in fs::read_dir(root.join("exercises")).unwrap().flatten() {
        let folder = entry.file_name().to_string_lossy().into_owned();
        if !keep.iter().any(|k| folder.starts_with(k)) {
            fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    for entry in fs::read_dir(root.join("solutions")).unwrap().flatten() {
        let folder = entry.file_name().to_string_lossy().into_owned();
        if !keep.iter().any(|k| folder.starts_with(k)) {
            fs::remove_dir_all(entry.path()).unwrap();
        }
    }
    root
}

fn solve(root: &Path, exercise: &str) {
    fs::copy(
        root.join("solutions").join(exercise).join("src/lib.rs"),
        root.join("exercises").join(exercise).join("src/lib.rs"),
    )
    .unwrap();
}

/// The JSON document on stdout, read strictly.
fn json_of(cmd: &mut Command, code: i32) -> Value {
    let output = cmd.assert().code(code).get_output().stdout.clone();
    let text = String::from_utf8(output).expect("UTF-8");
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{text}"))
}

fn exercise(doc: &Value, number: u64) -> &Value {
    doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["number"] == number)
        .unwrap_or_else(|| panic!("no exercise {number} in {doc}"))
}

fn test_statuses(exercise: &Value) -> Vec<(String, String)> {
    exercise["tests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            let name = t["name"].as_str().unwrap().to_owned();
            (name, t["status"].as_str().unwrap().to_owned())
        })
        .collect()
}

/// Exercism's results.json, version 3, holds for the whole document.
fn assert_exercism_shape(doc: &Value) {
    assert_eq!(doc["version"], 3);
    assert!(["pass", "fail", "error"].contains(&doc["status"].as_str().unwrap()));
    assert!(doc["message"].is_null() || doc["message"].is_string());
    for test in doc["tests"].as_array().unwrap() {
        assert!(test["name"].is_string(), "{test}");
        assert!(
            ["pass", "fail", "error"].contains(&test["status"].as_str().unwrap()),
            "{test}"
        );
        assert!(test["message"].is_null() || test["message"].is_string());
        assert!(test["output"].is_null() || test["output"].is_string());
        assert!(test["task_id"].is_u64(), "{test}");
    }
    for e in doc["exercises"].as_array().unwrap() {
        let status = e["status"].as_str().unwrap();
        assert!(
            ["pass", "fail", "error", "timeout", "not-run"].contains(&status),
            "{e}"
        );
        assert!(e["seconds"].as_f64().unwrap() >= 0.0);
        assert!(e["edited"].is_boolean() && e["edited_files"].is_array());
        assert!(e["title"].is_string() && e["name"].is_string());
    }
}

#[test]
fn every_kind_of_exercise_in_one_json_document() {
    let root = copy_of_fixture("grading-json");
    let doc = json_of(
        &mut xtask(&root, "en", &["verify", "--all", "--format", "json"]),
        1,
    );
    assert_exercism_shape(&doc);
    assert_eq!(doc["status"], "fail");
    assert_eq!(doc["course"]["total"], 8);
    assert_eq!(doc["course"]["passed"], 2);
    assert_eq!(doc["course"]["pristine"], false);

    let passes = exercise(&doc, 1);
    assert_eq!(passes["status"], "pass");
    assert_eq!(passes["folder"], "01_passes");
    assert_eq!(test_statuses(passes).len(), 3);
    assert!(test_statuses(passes).iter().all(|(_, s)| s == "pass"));

    let fails = exercise(&doc, 2);
    assert_eq!(fails["status"], "fail");
    assert_eq!(fails["message"], "1 test failed, 1 passed");
    let failed = fails["tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "the_answer")
        .unwrap();
    assert_eq!(failed["status"], "fail");
    // The test's whole message, on one line: a report is not wrapped.
    assert_eq!(
        failed["message"],
        "expected 42, got 41: the answer is what the producer sends through `tx` before the \
         consumer calls `rx.recv()`, and the `Sender` dropped at the end of the closure closes \
         the channel for good"
    );

    // A build failure: the tests never ran, the compiler's words are the
    // output.
    let broken = exercise(&doc, 3);
    assert_eq!(broken["status"], "error");
    assert!(broken["output"].as_str().unwrap().contains("E0382"));
    let flat: Vec<&Value> = doc["tests"].as_array().unwrap().iter().collect();
    assert!(
        flat.iter()
            .any(|t| t["name"] == "03_does_not_compile" && t["status"] == "error")
    );

    let hangs = exercise(&doc, 4);
    assert_eq!(hangs["status"], "timeout");
    assert_eq!(
        test_statuses(hangs),
        [("receives_something".to_owned(), "timeout".to_owned())]
    );
    // Its time-out is 2 s: the time says the test really waited for it.
    let seconds = hangs["seconds"].as_f64().unwrap();
    assert!((2.0..30.0).contains(&seconds), "{seconds}");

    let edited = exercise(&doc, 7);
    assert_eq!(edited["status"], "pass");
    assert_eq!(edited["edited"], true);
    assert_eq!(
        edited["edited_files"],
        serde_json::json!(["exercises/07_edited_test/tests/edited_test.rs"])
    );
    assert_eq!(exercise(&doc, 1)["edited"], false);
    // Exercism's task_id carries the exercise.
    assert!(
        flat.iter()
            .any(|t| t["name"] == "02_fails::the_answer" && t["task_id"] == 2)
    );
}

#[test]
fn a_solved_course_passes_with_exit_zero() {
    let root = course_with("grading-solved", &["01", "02"]);
    solve(&root, "02_fails");
    let doc = json_of(
        &mut xtask(&root, "en", &["verify", "--all", "--format", "json"]),
        0,
    );
    assert_exercism_shape(&doc);
    assert_eq!(doc["status"], "pass");
    assert!(doc["message"].is_null());
    assert_eq!(doc["course"]["passed"], 2);
    let flat = doc["tests"].as_array().unwrap();
    assert_eq!(flat.len(), 5);
    assert!(flat.iter().all(|t| t["status"] == "pass"));
}

#[test]
fn a_fresh_course_fails_everything_and_without_all_the_rest_is_not_run() {
    let root = course_with("grading-fresh", &["01", "02", "03"]);
    // As shipped, every exercise fails.
    let lib = root.join("exercises/01_passes/src/lib.rs");
    fs::write(&lib, "pub fn answer() -> u32 {\n    0\n}\n").unwrap();
    let doc = json_of(
        &mut xtask(&root, "pt-BR", &["verify", "--all", "--format", "json"]),
        1,
    );
    assert_exercism_shape(&doc);
    assert_eq!(doc["course"]["passed"], 0);
    assert_eq!(doc["course"]["lang"], "pt-BR");
    assert_eq!(doc["message"], "Aprovados: 0 de 3 exercícios.");
    let statuses: Vec<&str> = doc["exercises"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["fail", "fail", "error"]);
    // The tests' own messages, in the chosen language.
    let fails = exercise(&doc, 2);
    assert!(fails.to_string().contains("esperava 42, veio 41"));

    // Without --all, judging stops at the first failure, as `verify` does.
    let doc = json_of(&mut xtask(&root, "en", &["verify", "--format", "json"]), 1);
    assert_exercism_shape(&doc);
    assert_eq!(exercise(&doc, 1)["status"], "fail");
    let not_run = exercise(&doc, 2);
    assert_eq!(not_run["status"], "not-run");
    assert!(test_statuses(not_run).iter().all(|(_, s)| s == "not-run"));
    assert_eq!(exercise(&doc, 3)["status"], "not-run");
}

#[test]
fn verify_all_tells_every_exercise_in_a_table() {
    let root = course_with("grading-table", &["01", "02", "03"]);
    xtask(&root, "en", &["verify", "--all"])
        .assert()
        .code(1)
        .stdout(contains("✓ 01 passes · Fixture passes: passes (3 tests)"))
        .stdout(contains(
            "✗ 02 fails · Fixture fails: 1 test failed, 1 passed",
        ))
        .stdout(contains(
            "✗ 03 does_not_compile · Fixture does_not_compile: does not compile",
        ))
        .stdout(contains("Passed: 1 of 3 exercises."));
}

/// Python with junitparser, or None (with the reason) where it is absent.
fn junitparser() -> Result<(), String> {
    let probe = StdCommand::new("python3")
        .args(["-c", "import junitparser"])
        .output()
        .map_err(|e| format!("python3: {e}"))?;
    if probe.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&probe.stderr).into_owned())
    }
}

const READ_JUNIT: &str = r#"
import sys
from junitparser import JUnitXml, Failure, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
for suite in xml:
    for case in suite:
        kinds = [type(r).__name__ for r in case.result]
        text = " ".join((r.message or "") + "|" + (r.text or "") for r in case.result)
        print(f"{suite.name}\t{suite.tests}\t{case.name}\t{','.join(kinds) or 'pass'}\t{text!r}")
"#;

#[test]
fn the_junit_file_reads_back_with_an_independent_reader() {
    if let Err(why) = junitparser() {
        eprintln!("SKIPPED: Python's junitparser is not installed ({why}); .ci/run installs it");
        return;
    }
    // Half solved: 01 passes, 02 fails, 03 does not compile, 04 hangs.
    let root = course_with("grading-junit", &["01", "02", "03", "04"]);
    let report = root.join("report.xml");
    xtask(
        &root,
        "en",
        &["verify", "--all", "--junit", report.to_str().unwrap()],
    )
    .assert()
    .code(1);
    let read = StdCommand::new("python3")
        .args(["-c", READ_JUNIT])
        .arg(&report)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&read.stdout);
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let rows: Vec<Vec<&str>> = out.lines().map(|l| l.split('\t').collect()).collect();
    let row = |suite: &str, case: &str| {
        rows.iter()
            .find(|r| r[0] == suite && r[2] == case)
            .unwrap_or_else(|| panic!("no {suite}/{case} in\n{out}"))
            .clone()
    };
    let suites: std::collections::BTreeSet<&str> = rows.iter().map(|r| r[0]).collect();
    assert_eq!(suites.len(), 4, "{out}");
    assert_eq!(row("01_passes", "the_answer")[3], "pass");
    assert_eq!(row("01_passes", "the_answer")[1], "3");
    let failed = row("02_fails", "the_answer");
    assert_eq!(failed[3], "Failure");
    assert!(failed[4].contains("expected 42, got 41"), "{failed:?}");
    let broken = row("03_does_not_compile", "03_does_not_compile");
    assert_eq!(broken[3], "Failure");
    assert!(broken[4].contains("does not compile") && broken[4].contains("E0382"));
    let hung = row("04_hangs", "receives_something");
    assert_eq!(hung[3], "Failure");
    assert!(hung[4].contains("still running after 2 s"), "{hung:?}");
}

/// What `cargo xtask seal` does (the maintainers' binary, out of reach
/// of this package's tests): the shipped-files records written afresh.
fn seal(root: &Path) {
    let course = xtask::engine::course::Course::load(root.to_path_buf()).unwrap();
    xtask::engine::shipped::seal(&course).unwrap();
}

/// The teacher's template: exercises 01, 02 and 07 of the fixture, sealed
/// and committed once, as a repository made from a template starts.
fn template(name: &str) -> PathBuf {
    let root = course_with(name, &["01", "02", "07"]);
    seal(&root);
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-qm", "Initial commit"]);
    root
}

/// A student's clone of `template`, in a folder named after them.
fn student(template: &Path, name: &str) -> PathBuf {
    let dir = template.parent().unwrap().join(format!(
        "{}-students/{name}",
        template.file_name().unwrap().to_string_lossy()
    ));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(dir.parent().unwrap()).unwrap();
    let status = StdCommand::new("git")
        .args(["clone", "-q"])
        .arg(template)
        .arg(&dir)
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

/// The student makes 02's test expect their wrong answer, and commits it.
fn edit_the_test(dir: &Path) {
    let test = dir.join("exercises/02_fails/tests/fails.rs");
    let text = fs::read_to_string(&test)
        .unwrap()
        .replace("got != 42", "got != 41");
    fs::write(&test, text).unwrap();
    git(dir, &["commit", "-qam", "my tests"]);
}

#[test]
fn pristine_judges_with_the_shipped_tests_whatever_the_student_did() {
    let template = template("grading-pristine");
    let cheat = student(&template, "cheat");
    edit_the_test(&cheat);
    // Their own tests pass…
    xtask(&cheat, "en", &["verify", "02"]).assert().success();
    // …the shipped ones do not, and the report says the tests differed.
    let doc = json_of(
        &mut xtask(
            &cheat,
            "en",
            &["verify", "--all", "--pristine", "--format", "json"],
        ),
        1,
    );
    assert_exercism_shape(&doc);
    assert_eq!(doc["course"]["pristine"], true);
    let fails = exercise(&doc, 2);
    assert_eq!(fails["status"], "fail");
    assert_eq!(
        fails["edited_files"],
        serde_json::json!(["exercises/02_fails/tests/fails.rs"])
    );
    assert!(fails.to_string().contains("expected 42, got 41"));
    xtask(&cheat, "pt-BR", &["verify", "02", "--pristine"])
        .assert()
        .code(1)
        .stdout(contains("julgado com os arquivos originais (--pristine)"))
        .stdout(contains("esperava 42, veio 41"));

    // Rewriting the record too (`seal`) does not help: the first commit's
    // record is the one trusted.
    seal(&cheat);
    git(&cheat, &["commit", "-qam", "my record"]);
    xtask(&cheat, "en", &["verify", "02", "--pristine"])
        .assert()
        .code(1)
        .stdout(contains("exercises/02_fails/shipped-files.txt"))
        .stdout(contains("expected 42, got 41"));

    // A student who edited the tests but whose answer is right passes:
    // the shipped tests pass.
    let honest = student(&template, "honest");
    edit_the_test(&honest);
    solve(&honest, "02_fails");
    xtask(&honest, "en", &["verify", "02", "--pristine"])
        .assert()
        .success()
        .stdout(contains("exercises/02_fails/tests/fails.rs"));
}

#[test]
fn pristine_refuses_without_the_history_and_says_why() {
    let template = template("grading-shallow");
    let shallow = template.parent().unwrap().join("grading-shallow-clone");
    let _ = fs::remove_dir_all(&shallow);
    let url = format!("file://{}", template.display());
    let status = StdCommand::new("git")
        .args(["clone", "-q", "--depth", "1", &url])
        .arg(&shallow)
        .status()
        .unwrap();
    assert!(status.success());
    xtask(&shallow, "en", &["verify", "--all", "--pristine"])
        .assert()
        .code(2)
        .stderr(contains("shallow clone"))
        .stderr(contains("fetch-depth: 0"));
    let doc = json_of(
        &mut xtask(
            &shallow,
            "pt-BR",
            &["verify", "--pristine", "--format", "json"],
        ),
        2,
    );
    assert_eq!(doc["status"], "error");
    assert!(doc["message"].as_str().unwrap().contains("clone raso"));

    // A download without git at all.
    let download = course_with("grading-download", &["01"]);
    xtask(&download, "en", &["verify", "01", "--pristine"])
        .assert()
        .code(2)
        .stderr(contains("git history"));
}

#[test]
fn grade_prints_one_table_for_a_folder_of_clones() {
    let template = template("grading-class");
    let solved = student(&template, "alice");
    solve(&solved, "02_fails");
    let half = student(&template, "bruno");
    let edited = student(&template, "carla");
    edit_the_test(&edited);
    let assert = xtask(&template, "en", &[])
        .arg("grade")
        .args([&solved, &half, &edited])
        .assert()
        .success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    let lines: Vec<Vec<&str>> = out
        .lines()
        .map(|l| l.split_whitespace().collect())
        .collect();
    assert_eq!(
        lines,
        [
            vec!["student", "passed", "tests", "edited", "note"],
            vec!["alice", "3/3", "-"],
            vec!["bruno", "2/3", "-"],
            vec!["carla", "2/3", "02"],
        ],
        "{out}"
    );
}
