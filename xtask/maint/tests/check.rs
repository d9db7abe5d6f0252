//! The maintainer check on the fixture course, which is full of problems
//! on purpose, and the help of the maintainers' binary.

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

/// The runner's fixture course (`xtask/tests/fixtures/course`).
fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/course")
}

#[test]
fn the_maintainer_check_fails_on_a_course_with_problems() {
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("maint-check");
    // The fixture is a course full of problems on purpose: 01 passes as
    // shipped, most exercises have no solution, 07's tests were edited.
    cargo_bin_cmd!("maint")
        .arg("--root")
        .arg(fixture())
        .args(["--lang", "en", "check", "--no-lints", "--repeat", "1"])
        .env("CARGO_TARGET_DIR", target)
        .timeout(Duration::from_secs(20 * 60))
        .assert()
        .code(1)
        .stdout(contains("check failed"))
        .stdout(contains(
            "01 passes: the shipped exercise passes its tests; it must fail until solved",
        ))
        .stdout(contains(
            "03 does_not_compile: the solution has no solutions/03_does_not_compile/src/lib.rs",
        ))
        .stdout(contains(
            "07 edited_test: shipped-files.txt is missing or stale",
        ))
        .stdout(contains(
            "uses assert_eq!(..., whose message would be English only",
        ));
}

#[test]
fn help_lists_the_maintainers_commands() {
    cargo_bin_cmd!("maint")
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("check [EXERCISE]"))
        .stdout(contains("--no-catalogue"));
    cargo_bin_cmd!("maint")
        .arg("verify")
        .assert()
        .code(2)
        .stderr(contains("not a maintainers' command"));
}
