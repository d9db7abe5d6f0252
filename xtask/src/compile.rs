//! One cargo build for every exercise a command needs.
//!
//! `cargo build --tests --keep-going --message-format=json` compiles the
//! exercises in parallel, keeps going past an exercise that does not compile
//! (so one mistake hides nothing else), and reports, as JSON lines, the test
//! executables it produced and every diagnostic with the package it belongs
//! to. The runner then starts those executables itself, under its limits.

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use crate::course::{Course, Exercise};
use crate::json::{self, Json};
use crate::process::{self, Ending, Limits, Stream};
use crate::ui::Ui;

/// Which copy of the course is built: the learner's files or the reference
/// solutions (the same tests, the solved files).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Exercises,
    Solutions,
}

impl Side {
    pub fn manifest(self, root: &Path) -> PathBuf {
        match self {
            Side::Exercises => root.join("Cargo.toml"),
            Side::Solutions => root.join("solutions").join("Cargo.toml"),
        }
    }

    /// The solutions always build into a target directory of their own.
    ///
    /// Their packages carry the exercises' names, programs included: in one
    /// shared target directory (a `CARGO_TARGET_DIR` the learner set for all
    /// projects, say) the program at `debug/<name>` is whichever side was
    /// built last, so a `verify --solutions` running beside a `verify` could
    /// hand the exercise's tests the solution's program.
    pub fn target_dir(self, root: &Path) -> Option<PathBuf> {
        match self {
            Side::Exercises => None,
            Side::Solutions => Some(solutions_target_dir(root)),
        }
    }
}

/// `solutions/target`, or `course-solutions` inside a `CARGO_TARGET_DIR`.
pub fn solutions_target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(shared) if !shared.is_empty() => PathBuf::from(shared).join("course-solutions"),
        _ => root.join("solutions").join("target"),
    }
}

#[derive(Debug, Default)]
pub struct Compiled {
    /// Test executables, in the order cargo reported them.
    pub tests: Vec<PathBuf>,
    /// Rendered compiler errors.
    pub errors: Vec<String>,
    /// Rendered compiler warnings.
    pub warnings: Vec<String>,
}

#[derive(Debug)]
pub struct Build {
    /// Keyed by exercise directory name.
    pub exercises: HashMap<String, Compiled>,
    /// cargo's own complaint when it failed for a reason no exercise's
    /// diagnostics explain (a broken Cargo.toml, a missing dependency).
    pub cargo_error: Option<String>,
    /// cargo's own warnings (about manifests or targets, not code).
    pub cargo_warnings: Vec<String>,
    pub ending: Ending,
}

impl Build {
    pub fn of(&self, exercise: &Exercise) -> Option<&Compiled> {
        self.exercises.get(&exercise.dir_name)
    }
}

/// The cargo that started us (`cargo xtask` sets `CARGO`), else `cargo`.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

pub fn build(
    course: &Course,
    side: Side,
    exercises: &[&Exercise],
    ui: &Ui,
    cancel: Option<&AtomicBool>,
) -> io::Result<Build> {
    let mut cmd = cargo();
    cmd.args(["build", "--tests", "--keep-going", "--message-format"])
        .arg(if ui.color {
            "json-diagnostic-rendered-ansi"
        } else {
            "json"
        })
        .arg("--manifest-path")
        .arg(side.manifest(&course.root))
        .current_dir(&course.root);
    if let Some(dir) = side.target_dir(&course.root) {
        cmd.arg("--target-dir").arg(dir);
    }
    for exercise in exercises {
        cmd.arg("-p").arg(exercise.package());
    }

    let wanted: HashMap<&str, &Exercise> = exercises
        .iter()
        .map(|e| (e.dir_name.as_str(), *e))
        .collect();
    let mut result: HashMap<String, Compiled> = exercises
        .iter()
        .map(|e| (e.dir_name.clone(), Compiled::default()))
        .collect();
    let mut compiled_units = 0usize;
    // cargo does not say in advance how many units a build has; the lock
    // file's package count plus one test per exercise is close, and the
    // estimate only grows if the build turns out bigger.
    let lock = side.manifest(&course.root).with_file_name("Cargo.lock");
    let mut expected_units = std::fs::read_to_string(lock)
        .map(|t| t.lines().filter(|l| l.trim() == "[[package]]").count())
        .unwrap_or(0)
        + exercises.len();
    let mut stderr_lines: Vec<String> = Vec::new();

    let limits = Limits {
        time: Duration::from_secs(30 * 60),
        output: 256 << 20,
    };
    let outcome = process::run(&mut cmd, limits, cancel, &mut |stream, line| {
        let line = String::from_utf8_lossy(line);
        if stream == Stream::Stderr {
            // cargo's own words; kept for when it fails before compiling.
            if stderr_lines.len() < 400 {
                stderr_lines.push(line.into_owned());
            }
            return;
        }
        let Ok(message) = json::parse(&line) else {
            return;
        };
        let exercise = message
            .get("manifest_path")
            .and_then(Json::as_str)
            .and_then(|m| Path::new(m).parent()?.file_name()?.to_str())
            .and_then(|dir| wanted.get(dir));
        match message.get("reason").and_then(Json::as_str) {
            Some("compiler-artifact") => {
                compiled_units += 1;
                expected_units = expected_units.max(compiled_units + 1);
                let fresh = message.get("fresh").and_then(Json::as_bool) == Some(true);
                if !fresh {
                    let name = message
                        .path(&["target", "name"])
                        .and_then(Json::as_str)
                        .unwrap_or("");
                    ui.status(&format!(
                        "{} {}",
                        ui.building(compiled_units, expected_units),
                        name
                    ));
                }
                let is_test =
                    message.path(&["profile", "test"]).and_then(Json::as_bool) == Some(true);
                if let (Some(ex), true, Some(exe)) = (
                    exercise,
                    is_test,
                    message.get("executable").and_then(Json::as_str),
                ) {
                    if let Some(c) = result.get_mut(&ex.dir_name) {
                        c.tests.push(PathBuf::from(exe));
                    }
                }
            }
            Some("compiler-message") => {
                let Some(ex) = exercise else { return };
                let level = message
                    .path(&["message", "level"])
                    .and_then(Json::as_str)
                    .unwrap_or("");
                let text = message
                    .path(&["message", "message"])
                    .and_then(Json::as_str)
                    .unwrap_or("");
                // rustc's closing tallies ("aborting due to 2 previous
                // errors", "3 warnings emitted") repeat what came before.
                if text.starts_with("aborting due to") || text.ends_with("emitted") {
                    return;
                }
                let Some(rendered) = message
                    .path(&["message", "rendered"])
                    .and_then(Json::as_str)
                else {
                    return;
                };
                if let Some(c) = result.get_mut(&ex.dir_name) {
                    let list = match level {
                        "error" | "error: internal compiler error" => &mut c.errors,
                        "warning" => &mut c.warnings,
                        _ => return,
                    };
                    // The same diagnostic comes once per target that
                    // compiles the file (the lib and its test, say).
                    if !list.iter().any(|r| r == rendered) {
                        list.push(rendered.to_owned());
                    }
                }
            }
            _ => {}
        }
    })?;
    ui.clear_status();

    let any_errors = result.values().any(|c| !c.errors.is_empty());
    let cargo_error = match outcome.ending {
        Ending::Exited(status) if !status.success() && !any_errors => {
            let useful: Vec<&str> = stderr_lines
                .iter()
                .map(String::as_str)
                .filter(|l| !l.trim_start().starts_with("Compiling"))
                .collect();
            Some(useful.join("\n"))
        }
        _ => None,
    };
    let cargo_warnings = course_warnings(&stderr_lines);
    Ok(Build {
        exercises: result,
        cargo_error,
        cargo_warnings,
        ending: outcome.ending,
    })
}

/// Only cargo's warnings about the course's own manifests and targets
/// ("unused manifest key", "output filename collision", a file in several
/// targets); its other "warning:" lines are progress ("build failed, waiting
/// for other jobs"), tallies of compiler warnings already reported per
/// exercise, or passing trouble such as a retried download.
fn course_warnings(stderr_lines: &[String]) -> Vec<String> {
    stderr_lines
        .iter()
        .filter_map(|l| l.strip_prefix("warning:"))
        .map(str::trim)
        .filter(|l| {
            [
                "Cargo.toml",
                "manifest",
                "collision",
                "multiple build targets",
            ]
            .iter()
            .any(|topic| l.contains(topic))
        })
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_warnings_about_the_course_count() {
        let lines: Vec<String> = [
            "warning: build failed, waiting for other jobs to finish...",
            "warning: `loop_send` (lib) generated 1 warning",
            "warning: spurious network error (2 tries remaining): timed out",
            "warning: /c/exercises/03_x/Cargo.toml: unused manifest key: package.bogus",
            "warning: output filename collision.",
            "   Compiling loop_send v0.1.0",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            course_warnings(&lines),
            [
                "/c/exercises/03_x/Cargo.toml: unused manifest key: package.bogus",
                "output filename collision."
            ]
        );
    }
}
