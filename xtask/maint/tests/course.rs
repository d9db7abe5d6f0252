//! The maintainer check on the real course, as part of the project's tests:
//! every reference solution passes (three rounds, one with every core
//! busy), every shipped exercise fails, every answer of the catalogue gets its
//! verdict, every text exists in both languages,
//! the solutions are clippy-clean and the course is formatted.

use std::path::Path;
use std::time::Duration;

use assert_cmd::cargo::cargo_bin_cmd;
use predicates::str::contains;

#[test]
fn the_course_checks_itself() {
    // The course: two folders above this package (xtask/maint).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap();
    cargo_bin_cmd!("maint")
        .arg("--root")
        .arg(root)
        .args(["--lang", "en", "check", "--repeat", "3"])
        // A cold build of every exercise and solution on two busy cores.
        .timeout(Duration::from_secs(40 * 60))
        .assert()
        .success()
        .stdout(contains("check passed"));
}
