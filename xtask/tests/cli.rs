//! The runner, driven through its real command line against the fixture
//! course in `tests/fixtures/course`, which has one exercise for each way an
//! exercise can end: it passes, fails a test, does not compile, hangs on
//! `recv`, prints forever, panics in a spawned thread, has an edited test,
//! ends its test process before the harness can report.
//!
//! Tests that only read run on the fixture in place (building into a target
//! directory of their own); tests that write (reset, broken metadata) work on
//! a copy in a scratch directory. Every command runs with a time-out, so a
//! runner that hangs fails its test instead of freezing the suite.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use predicates::str::contains;

use common::{LIMIT, copy_of_fixture, fixture, git, runner, still_running_after, target_dir};

/// The runner on `root`, building into the fixture's own target folder.
fn xtask_in(root: &Path, lang: &str, args: &[&str]) -> Command {
    let mut cmd = runner(root, lang, args);
    cmd.env("CARGO_TARGET_DIR", target_dir());
    cmd
}

fn xtask(lang: &str, args: &[&str]) -> Command {
    xtask_in(&fixture(), lang, args)
}

#[test]
fn verify_stops_at_the_first_exercise_that_fails_and_says_why() {
    xtask("en", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("Done: 01"))
        .stdout(contains(
            "✗ 02 fails · Fixture fails: 1 test failed, 1 passed",
        ))
        .stdout(contains("the_answer"))
        .stdout(contains("expected 42, got 41"))
        .stdout(contains("exercises/02_fails/README.md"))
        .stdout(contains("exercises/02_fails/src/lib.rs"))
        .stdout(contains("cargo xtask hint 02"))
        .stdout(contains("Progress: [##------------------] 1/8"))
        // It stopped at 02: the exercises after it were not reported on.
        .stdout(contains("does_not_compile").not());
}

#[test]
fn verify_speaks_portuguese_and_passes_the_language_to_the_tests() {
    xtask("pt-BR", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("1 teste falhou, 1 passou"))
        .stdout(contains("esperava 42, veio 41"))
        .stdout(contains("exercises/02_fails/README.pt-BR.md"))
        .stdout(contains("Travou? Rode `cargo xtask hint 02`."))
        .stdout(contains("Progresso: [##------------------] 1/8"));
}

#[test]
fn the_locale_picks_the_language_when_no_flag_is_given() {
    let mut cmd = cargo_bin_cmd!("xtask");
    cmd.arg("--root")
        .arg(fixture())
        .args(["verify", "02"])
        .env("CARGO_TARGET_DIR", target_dir())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "pt_BR.UTF-8")
        .timeout(LIMIT)
        .assert()
        .code(1)
        .stdout(contains("esperava 42, veio 41"));
}

#[test]
fn a_passing_exercise_exits_zero() {
    xtask("en", &["verify", "01"])
        .assert()
        .success()
        .stdout(contains("01 passes · Fixture passes: passes (3 tests)."));
}

#[test]
fn a_compile_error_shows_the_compilers_diagnostic() {
    xtask("en", &["verify", "does_not_compile"])
        .assert()
        .code(1)
        .stdout(contains("does not compile"))
        .stdout(contains("error[E0382]: use of moved value"))
        .stdout(contains("exercises/03_does_not_compile/src/lib.rs"));
}

#[test]
fn a_hang_is_stopped_at_the_time_limit_with_everything_it_started() {
    // The hanging test starts `sleep MARKER`; the marker is this test's own,
    // so other tests running the same exercise cannot be mistaken for it.
    let marker = format!("4242.{}", std::process::id());
    let started = Instant::now();
    xtask("en", &["verify", "04"])
        .env("FIXTURE_SLEEP", &marker)
        .assert()
        .code(1)
        .stdout(contains("stopped: still running after 2 s"))
        .stdout(contains("Still running: receives_something"))
        .stdout(contains("recv() waits for as long as any Sender"))
        .stdout(contains("Advice when hangs hangs."));
    // Only a lower bound on time: the limit was honoured, not cut short.
    assert!(started.elapsed() >= Duration::from_secs(2));
    if cfg!(target_os = "linux") {
        // The runner has returned: the sleep it started must be gone.
        let left = still_running_after(&format!("sleep {marker}"), Duration::from_secs(10));
        assert_eq!(left, Vec::<String>::new());
    }
}

#[test]
fn a_hang_is_explained_in_portuguese_too() {
    xtask("pt-BR", &["verify", "04"])
        .assert()
        .code(1)
        .stdout(contains("interrompido: ainda rodando depois de 2 s"))
        .stdout(contains("Conselho quando hangs trava."));
}

#[test]
fn an_output_flood_is_cut_short() {
    xtask("en", &["verify", "05"])
        .assert()
        .code(1)
        .stdout(contains("stopped: it printed without end"))
        .stdout(contains("more than 1 MiB"))
        .stdout(contains("| message 0: hello again and again"));
    xtask("pt-BR", &["verify", "05"])
        .assert()
        .code(1)
        .stdout(contains("interrompido: imprimiu sem parar"));
}

#[test]
fn a_panic_in_a_spawned_thread_is_reported_as_such() {
    xtask("en", &["verify", "06"])
        .assert()
        .code(1)
        .stdout(contains("✗ the_producer_returns_a_value"))
        .stdout(contains("another thread (`<unnamed>`) panicked:"))
        .stdout(contains("index out of bounds"));
    xtask("pt-BR", &["verify", "06"])
        .assert()
        .code(1)
        .stdout(contains("outra thread (`<unnamed>`) entrou em pânico:"));
}

#[test]
fn a_test_process_that_ends_early_is_reported_as_a_crash() {
    xtask("en", &["verify", "08"])
        .assert()
        .code(1)
        .stdout(contains(
            "08 exits · Fixture exits: the tests crashed (exit code 3)",
        ))
        .stdout(contains("may have called std::process::exit"));
    xtask("pt-BR", &["verify", "08"])
        .assert()
        .code(1)
        .stdout(contains("os testes quebraram (código de saída 3)"));
}

#[test]
fn an_edited_test_file_is_warned_about_and_still_run() {
    xtask("en", &["verify", "07"])
        .assert()
        .success()
        .stdout(contains(
            "warning: 07 edited_test: files that decide its verdict were changed from the shipped version (tests/edited_test.rs)",
        ))
        .stdout(contains("passes (1 test)."));
    xtask("pt-BR", &["verify", "07"])
        .assert()
        .success()
        .stdout(contains("foram alterados em relação à versão original"));
}

#[test]
fn exercises_are_named_by_number_directory_or_name() {
    for name in ["1", "01", "01_passes", "passes"] {
        xtask("en", &["verify", name]).assert().success();
    }
}

#[test]
fn an_unknown_exercise_is_a_usage_error_that_lists_the_exercises() {
    for name in [
        "99",
        "nope",
        "../02_fails",
        "/etc/passwd",
        "exercises/02_fails",
    ] {
        xtask("en", &["verify", name])
            .assert()
            .code(2)
            .stderr(contains(format!("no exercise called `{name}`")))
            .stderr(contains("01 passes, 02 fails"));
    }
    xtask("pt-BR", &["hint", "nope"])
        .assert()
        .code(2)
        .stderr(contains("não existe exercício chamado `nope`"));
}

#[test]
fn usage_errors_exit_two_with_one_line() {
    xtask("en", &["frobnicate"])
        .assert()
        .code(2)
        .stderr(contains("unknown command `frobnicate`"));
    xtask("en", &["reset"])
        .assert()
        .code(2)
        .stderr(contains("reset needs"));
    cargo_bin_cmd!("xtask")
        .args(["--lang", "pt-BR", "verify", "--bogus"])
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(contains("opção desconhecida `--bogus`"));
}

#[test]
fn outside_a_course_it_says_where_to_run() {
    // Outside the repository, so that no course is found above it either.
    let empty = std::env::temp_dir().join(format!("not-a-course-{}", std::process::id()));
    fs::create_dir_all(&empty).unwrap();
    xtask_in(&empty, "en", &["verify"])
        .assert()
        .code(2)
        .stderr(contains("is not a course"));
    let mut cmd = cargo_bin_cmd!("xtask");
    cmd.current_dir(&empty)
        .args(["--lang", "en", "list"])
        .timeout(LIMIT)
        .assert()
        .code(2)
        .stderr(contains("run this inside the course repository"));
}

#[test]
fn malformed_metadata_is_a_verdict_naming_the_file() {
    let root = copy_of_fixture("malformed");
    fs::write(
        root.join("exercises/02_fails/exercise.toml"),
        "edit = [\"src/lib.rs\"\n[en]\n",
    )
    .unwrap();
    xtask_in(&root, "en", &["verify", "02"])
        .assert()
        .code(1)
        .stdout(contains("02 fails · fails: cannot be built"))
        .stdout(contains("exercises/02_fails/exercise.toml"))
        .stdout(contains("line 2, column 1"))
        .stdout(contains("cargo xtask reset 02"));
    // The other commands still work.
    xtask_in(&root, "en", &["list"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"02  fails +next").unwrap());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn list_shows_every_exercise_with_its_state() {
    xtask("en", &["list"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"01  passes +done +Fixture passes").unwrap())
        .stdout(predicate::str::is_match(r"02  fails +next +Fixture fails").unwrap())
        .stdout(predicate::str::is_match(r"04  hangs +pending").unwrap())
        .stdout(predicate::str::is_match(r"07  edited_test +done").unwrap())
        .stdout(contains("Progress: [#####---------------] 2/8"));
    xtask("pt-BR", &["list"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"02  fails +próximo").unwrap());
}

#[test]
fn hint_shows_the_next_hint_not_yet_seen_and_all_with_all() {
    // A copy: which hints were seen is kept in the course's build folder.
    let root = copy_of_fixture("hints");
    let hint = |lang: &str, args: &[&str]| xtask_in(&root, lang, args).assert().success();
    hint("en", &["hint", "03"])
        .stdout(contains("Hints for 03 does_not_compile"))
        .stdout(contains("Hint 1 of 2:"))
        .stdout(contains("First hint of does_not_compile."))
        .stdout(contains("Second hint").not())
        .stdout(contains("`cargo xtask hint 03` again shows the next one"));
    hint("en", &["hint", "03"])
        .stdout(contains("Hint 2 of 2:"))
        .stdout(contains("Second hint of does_not_compile."))
        .stdout(contains("First hint").not())
        .stdout(contains("That was the last hint."));
    // All seen: all of them, as with --all.
    hint("en", &["hint", "03"])
        .stdout(contains("First hint of does_not_compile."))
        .stdout(contains("Second hint of does_not_compile."));
    // Seen hints are counted per exercise; --all shows all without counting.
    hint("pt-BR", &["hint", "--all"])
        .stdout(contains("Dicas para 02 fails"))
        .stdout(contains("Primeira dica de fails."))
        .stdout(contains("Dica 2:"));
    hint("pt-BR", &["hint"])
        .stdout(contains("Dica 1 de 2:"))
        .stdout(contains("Primeira dica de fails."));
    // The memory of hints decides no verdict: it is not a progress file.
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn hint_and_solution_take_the_next_exercise_from_the_last_check() {
    // 01 passes and 04 hangs for its whole time limit: a hint that ran
    // the tests again to find the next exercise would wait that long.
    let root = copy_of_fixture("hint-remembered");
    for gone in ["02_fails", "03_does_not_compile"] {
        fs::remove_dir_all(root.join("exercises").join(gone)).unwrap();
        let _ = fs::remove_dir_all(root.join("solutions").join(gone));
    }
    let limit = Duration::from_secs(6);
    let metadata = root.join("exercises/04_hangs/exercise.toml");
    let text = fs::read_to_string(&metadata).unwrap();
    fs::write(
        &metadata,
        text.replace("time_limit_secs = 2", "time_limit_secs = 6"),
    )
    .unwrap();
    xtask_in(&root, "en", &["verify"]).assert().code(1);
    let start = Instant::now();
    xtask_in(&root, "en", &["hint"])
        .assert()
        .success()
        .stdout(contains("First hint of hangs."));
    xtask_in(&root, "en", &["solution"])
        .assert()
        .success()
        .stdout(contains("01 passes"));
    let took = start.elapsed();
    assert!(took < limit, "hint and solution took {took:?}");
    // Changed since the check: found by checking again.
    fs::write(root.join("exercises/04_hangs/src/lib.rs"), "").unwrap();
    xtask_in(&root, "en", &["hint"])
        .assert()
        .success()
        .stdout(contains("Second hint of hangs."));
    let _ = fs::remove_dir_all(&root);
}

/// stdout of the runner on the fixture with the screen `columns` wide.
fn at_width(columns: &str, lang: &str, args: &[&str]) -> String {
    let output = xtask(lang, args).env("COLUMNS", columns).output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn prose_is_wrapped_to_the_width_never_inside_a_word_or_a_code_span() {
    for lang in ["en", "pt-BR"] {
        for args in [&["verify", "02"][..], &["hint", "02", "--all"][..]] {
            let narrow = at_width("80", lang, args);
            let wide = at_width("1000", lang, args);
            let too_wide: Vec<&str> = narrow.lines().filter(|l| l.chars().count() > 80).collect();
            assert!(
                too_wide.is_empty(),
                "{lang} {args:?}: {too_wide:?}\n{narrow}"
            );
            assert!(
                narrow.lines().count() > wide.lines().count(),
                "{lang} {args:?}: nothing was wrapped:\n{narrow}"
            );
            // The same words in the same order: no word was split.
            let words = |text: &str| {
                text.split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            };
            assert_eq!(words(&narrow), words(&wide), "{lang} {args:?}");
            // A code span with spaces in it stays on one line.
            let span = if args[0] == "hint" {
                "`thread::spawn(move || ...)`"
            } else {
                "`rx.recv()`"
            };
            assert!(narrow.contains(span), "{span} expected whole in:\n{narrow}");
        }
    }
    let hints = at_width("80", "en", &["hint", "02", "--all"]);
    assert!(hints.contains("`thread::spawn(move || ...)`"), "{hints}");
    assert!(
        hints.lines().filter(|l| l.starts_with("  ")).count() >= 3,
        "a hint broken over indented lines expected:\n{hints}"
    );
}

#[test]
fn a_pass_is_said_on_its_own_line_with_the_way_to_the_solution() {
    xtask("en", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("Done: 01\n\n✓ 01 passes\n"))
        .stdout(contains(
            "  Compare your code with the reference solution: `cargo xtask solution 01`\n",
        ));
    xtask("pt-BR", &["verify", "01"])
        .assert()
        .success()
        .stdout(contains("`cargo xtask solution 01`"));
    // The reference solutions are not compared with themselves.
    xtask("en", &["verify", "--solutions", "01"])
        .assert()
        .success()
        .stdout(contains("cargo xtask solution").not());
}

#[test]
fn solution_shows_a_diff_to_the_reference() {
    xtask("en", &["solution", "02"])
        .assert()
        .success()
        .stdout(contains("--- exercises/02_fails/src/lib.rs"))
        .stdout(contains("+++ solutions/02_fails/src/lib.rs"))
        .stdout(contains("-    41"))
        .stdout(contains("+    42"));
    // Without a name: the last exercise finished, which is 01 here, and
    // the learner's file is the same as the reference.
    xtask("en", &["solution"])
        .assert()
        .success()
        .stdout(contains(
            "exercises/01_passes/src/lib.rs is the same as the reference solution.",
        ));
}

#[test]
fn verify_solutions_checks_the_reference_files_against_the_same_tests() {
    xtask("en", &["verify", "--solutions", "02"])
        .assert()
        .success()
        .stdout(contains("02 fails · Fixture fails: passes (2 tests)."));
}

#[test]
fn plain_output_has_no_escape_codes() {
    xtask("en", &["verify", "03"])
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stdout(contains("\u{1b}").not());
}

#[test]
fn reset_saves_the_learners_file_then_restores_the_shipped_one_even_after_a_commit() {
    let root = copy_of_fixture("reset");
    git(&root, &["init", "-q"]);
    git(&root, &["add", "-A"]);
    git(&root, &["commit", "-q", "-m", "course as shipped"]);
    let file = root.join("exercises/02_fails/src/lib.rs");
    let shipped = fs::read_to_string(&file).unwrap();
    let mine = "pub fn answer() -> u32 {\n    40 + 2\n}\n";
    fs::write(&file, mine).unwrap();
    git(&root, &["commit", "-q", "-am", "my answer"]);

    let out = xtask_in(&root, "en", &["reset", "02"])
        .assert()
        .success()
        .stdout(contains("Your version was saved in .course-backups/"))
        .stdout(contains("Restored exercises/02_fails/src/lib.rs"))
        .get_output()
        .stdout
        .clone();
    assert_eq!(fs::read_to_string(&file).unwrap(), shipped);
    let said = String::from_utf8(out).unwrap();
    let backup_dir = said
        .lines()
        .find_map(|l| l.strip_prefix("Your version was saved in "))
        .unwrap();
    let backup = root.join(backup_dir).join("src/lib.rs");
    assert_eq!(fs::read_to_string(backup).unwrap(), mine);

    // A second reset has nothing to do and writes no backup.
    xtask_in(&root, "pt-BR", &["reset", "fails"])
        .assert()
        .success()
        .stdout(contains("já está como original"));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn reset_without_the_git_history_changes_nothing() {
    let root = copy_of_fixture("reset-no-git");
    let file = root.join("exercises/02_fails/src/lib.rs");
    fs::write(&file, "// my work\n").unwrap();
    xtask_in(&root, "en", &["reset", "02"])
        .env("GIT_CEILING_DIRECTORIES", root.parent().unwrap())
        .assert()
        .code(2)
        .stderr(contains("Nothing was changed."));
    assert_eq!(fs::read_to_string(&file).unwrap(), "// my work\n");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn help_lists_the_commands_in_both_languages() {
    cargo_bin_cmd!("xtask")
        .args(["--lang", "en", "help"])
        .assert()
        .success()
        .stdout(contains("verify [EXERCISE]"))
        .stdout(contains("reset EXERCISE"));
    cargo_bin_cmd!("xtask")
        .args(["--lang", "pt-BR", "--help"])
        .assert()
        .success()
        .stdout(contains("verify [EXERCÍCIO]"));
}

#[test]
fn verifying_the_solutions_never_changes_the_learners_verdict() {
    // The solutions' packages carry the exercises' names, and fixture 02
    // has a program whose test fails if another package's program stands
    // where its own should be. Alternate the two sides, as a learner may.
    for _ in 0..2 {
        xtask("en", &["verify", "02"])
            .assert()
            .code(1)
            .stdout(contains("1 test failed, 1 passed"));
        xtask("en", &["verify", "--solutions", "02"])
            .assert()
            .success();
    }
    xtask("en", &["verify", "02"])
        .assert()
        .code(1)
        .stdout(contains("1 test failed, 1 passed"))
        .stdout(contains("expected 42, got 41"));
}

#[test]
fn a_build_that_passed_before_is_not_tested_again() {
    let root = copy_of_fixture("remembered");
    let runs = root.join("runs.txt");
    let count = || {
        fs::read_to_string(&runs)
            .unwrap_or_default()
            .lines()
            .count()
    };
    let verify = |lang: &str| {
        xtask_in(&root, lang, &["verify", "01"])
            .env("FIXTURE_RUNS", &runs)
            .assert()
            .success();
    };
    verify("en");
    verify("en");
    assert_eq!(count(), 1, "the second verify ran the tests again");
    // The exercise changed: its tests run again.
    let lib = root.join("exercises/01_passes/src/lib.rs");
    let mut text = fs::read_to_string(&lib).unwrap();
    text.push_str("\n// an edit\n");
    fs::write(&lib, text).unwrap();
    verify("en");
    assert_eq!(count(), 2);
    // Another language: the tests speak it, so they run again.
    verify("pt-BR");
    assert_eq!(count(), 3);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_file_put_back_with_its_old_time_is_judged_by_its_content() {
    let root = copy_of_fixture("old-time");
    let lib = root.join("exercises/02_fails/src/lib.rs");
    let wrong = fs::read(&lib).unwrap();
    let long_ago = std::time::SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000);
    let verify = || xtask_in(&root, "en", &["verify", "02"]).assert();
    verify().failure().stdout(contains("expected 42, got 41"));
    fs::copy(root.join("solutions/02_fails/src/lib.rs"), &lib).unwrap();
    verify().success();
    // As `mv` from a backup, `cp -p` or an editor's revert leave it: the
    // old content with its old modification time, older than the build.
    fs::write(&lib, &wrong).unwrap();
    fs::File::options()
        .write(true)
        .open(&lib)
        .unwrap()
        .set_modified(long_ago)
        .unwrap();
    verify().failure().stdout(contains("expected 42, got 41"));
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_learners_save_does_not_rebuild_the_solutions() {
    // The solutions' package stands on the exercise's folder but compiles
    // the solution's file in place of the learner's: an edit of the
    // learner's file leaves it as it was, and changes the learner's own.
    let root = copy_of_fixture("save-solutions");
    let staged = |which: &str| {
        // The runner's folder of this course, inside the target folder.
        let course = fs::read_dir(root.join("target"))
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .find(|path| path.join("stage").is_dir())
            .unwrap();
        fs::read_to_string(course.join(format!("stage/{which}/02_fails/Cargo.toml"))).unwrap()
    };
    // A target folder of its own: the staged manifests are read.
    let verify = |args: &[&str]| {
        xtask_in(&root, "en", args)
            .env("CARGO_TARGET_DIR", root.join("target"))
            .assert()
    };
    verify(&["verify", "02", "--solutions"]).success();
    verify(&["verify", "02"]).failure();
    let (solutions, learner) = (staged("solutions"), staged("learner"));
    let lib = root.join("exercises/02_fails/src/lib.rs");
    let mut text = fs::read_to_string(&lib).unwrap();
    text.push_str("\n// a save\n");
    fs::write(&lib, text).unwrap();
    verify(&["verify", "02", "--solutions"]).success();
    verify(&["verify", "02"]).failure();
    assert_eq!(staged("solutions"), solutions);
    assert_ne!(staged("learner"), learner);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_fresh_verify_builds_nothing_past_the_exercise_that_decides() {
    // Nothing remembered: 01 is built first, then 02, whose failure
    // decides; cargo never builds 03 to 08, so the learner waits only for
    // the build of the exercises up to the one that decides.
    let root = copy_of_fixture("fresh-waves");
    let target = root.join("target");
    xtask_in(&root, "en", &["verify"])
        .env("CARGO_TARGET_DIR", &target)
        .assert()
        .code(1)
        .stdout(contains("✗ 02 fails"));
    let built: Vec<String> = xtask::files::walk(&target, &|_| true)
        .into_iter()
        .filter(|entry| {
            entry
                .path
                .parent()
                .is_some_and(|dir| dir.ends_with("debug/deps"))
        })
        .filter_map(|entry| Some(entry.path.file_name()?.to_str()?.to_owned()))
        .collect();
    let has = |name: &str| built.iter().any(|f| f.starts_with(&format!("{name}-")));
    assert!(has("passes") && has("fails"), "{built:?}");
    for later in ["hangs", "floods", "thread_panics", "edited_test", "exits"] {
        assert!(!has(later), "{later} was built: {built:?}");
    }
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn no_test_past_the_exercise_that_decides_runs() {
    // A fresh build: 02 fails, so 06's tests must never start (nor be
    // built: see the test above); judged all, they do run.
    let root = copy_of_fixture("decides");
    let runs = root.join("runs.txt");
    let ran = |what: &str| {
        fs::read_to_string(&runs)
            .unwrap_or_default()
            .lines()
            .filter(|l| *l == what)
            .count()
    };
    xtask_in(&root, "en", &["verify"])
        .env("FIXTURE_RUNS", &runs)
        .assert()
        .code(1)
        .stdout(contains("✗ 02 fails"));
    assert_eq!(ran("ran"), 1, "01, before the failure, ran once");
    assert_eq!(ran("06 ran"), 0, "a test of 06 ran after 02 had failed");
    xtask_in(&root, "en", &["verify", "--all"])
        .env("FIXTURE_RUNS", &runs)
        .assert()
        .code(1);
    assert_eq!(ran("06 ran"), 1, "judged all, 06's tests ran");
    fs::remove_dir_all(&root).unwrap();
}

/// cargo cannot build in a folder whose path is not Unicode: the runner
/// says so in the learner's language instead of passing cargo's error on.
#[cfg(target_os = "linux")]
#[test]
fn a_course_folder_whose_name_is_not_unicode_is_a_setup_error() {
    use std::os::unix::ffi::OsStrExt;
    let copy = copy_of_fixture("unicode");
    let name = std::ffi::OsStr::from_bytes(b"curso-\xff");
    let root = copy.parent().unwrap().join(name);
    let _ = fs::remove_dir_all(&root);
    fs::rename(&copy, &root).unwrap();
    for (lang, said) in [
        ("en", "is not valid Unicode (UTF-8)"),
        ("pt-BR", "não é Unicode (UTF-8) válido"),
    ] {
        cargo_bin_cmd!("xtask")
            .args(["--lang", lang, "verify"])
            .current_dir(root.join("exercises"))
            .env("CARGO_TARGET_DIR", target_dir())
            .timeout(LIMIT)
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(said));
    }
    fs::remove_dir_all(&root).unwrap();
}

/// A `const` evaluated forever (its lint allowed) keeps rustc busy for
/// good: after some seconds the runner says which unit and how to stop it,
/// and Ctrl-C does stop it.
#[cfg(unix)]
#[test]
fn a_compile_that_does_not_end_is_named_with_the_way_to_stop_it() {
    let root = copy_of_fixture("forever");
    fs::write(
        root.join("exercises/01_passes/src/lib.rs"),
        "#![allow(long_running_const_eval)]\n\
         const fn forever() -> u32 {\n    let mut i = 0u32;\n    \
         loop {\n        i = i.wrapping_add(1);\n    }\n}\n\
         pub const STUCK: u32 = forever();\n\
         pub fn answer() -> u32 {\n    STUCK\n}\n",
    )
    .unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .arg("--root")
        .arg(&root)
        .args(["--lang", "pt-BR", "verify", "01"])
        .env("CARGO_TARGET_DIR", root.join("target"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        use std::io::BufRead;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let _ = tx.send(line);
        }
    });
    let started = Instant::now();
    let mut said = String::new();
    while !said.contains("Ctrl-C a interrompe") {
        match rx.recv_timeout(LIMIT.saturating_sub(started.elapsed())) {
            Ok(line) => said.push_str(&line),
            Err(_) => panic!("nothing said about the endless compile:\n{said}"),
        }
    }
    assert!(said.contains("`passes` está compilando há 10 s"), "{said}");
    assert!(started.elapsed() >= Duration::from_secs(10));
    // Ctrl-C, as the message says.
    let interrupted = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(interrupted.success());
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "Ctrl-C did not stop the runner");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(130));
    fs::remove_dir_all(&root).unwrap();
}

/// A test whose own message already quotes a thread's panic (04's
/// `RecvError`, 08's `SendError`) tells that lesson once: the thread's
/// panic is not told again below it.
#[test]
fn a_panic_the_tests_message_quotes_is_not_told_twice() {
    let root = copy_of_fixture("told-once");
    fs::write(
        root.join("exercises/06_thread_panics/tests/thread_panics.rs"),
        "#[test]\n\
         fn the_producer_returns_a_value() {\n    \
             let joined = thread_panics::produce().join();\n    \
             if let Err(e) = joined {\n        \
                 let said = e.downcast_ref::<String>().cloned().unwrap_or_default();\n        \
                 panic!(\"the producer thread panicked ({said}): it reads past the end\");\n    \
             }\n\
         }\n",
    )
    .unwrap();
    let output = xtask_in(&root, "en", &["verify", "06"]).assert().code(1);
    let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
    assert!(
        stdout.contains("✗ the_producer_returns_a_value"),
        "{stdout}"
    );
    assert_eq!(
        stdout.matches("index out of bounds").count(),
        1,
        "the panic told once expected:\n{stdout}"
    );
    assert!(!stdout.contains("another thread"), "{stdout}");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
#[cfg(unix)]
fn the_maintainers_commands_are_handed_over_to_their_binary() {
    use std::os::unix::fs::PermissionsExt;
    // A stand-in for cargo that says how it was called.
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("hand-over");
    fs::create_dir_all(&dir).unwrap();
    let cargo = dir.join("cargo");
    fs::write(&cargo, "#!/bin/sh\nprintf '%s\\n' \"$@\"\nexit 7\n").unwrap();
    fs::set_permissions(&cargo, fs::Permissions::from_mode(0o755)).unwrap();
    cargo_bin_cmd!("xtask")
        .args(["--lang", "en", "check", "--repeat=2", "03"])
        .env("CARGO", &cargo)
        .timeout(LIMIT)
        .assert()
        .code(7)
        .stdout(contains("run\n--quiet\n--manifest-path\n"))
        .stdout(contains("\n-p\ncourse-maint\n--bin\nmaint\n--\n"))
        .stdout(contains("--\n--lang\nen\ncheck\n--repeat=2\n03\n"));
}
