//! One cargo build for the exercises a check needs (or for some of them:
//! `verify` builds the exercises up to the one expected to decide first,
//! then the later ones in growing groups, see `judge::while_building`).
//!
//! `cargo build --tests --keep-going --message-format=json` on the
//! generated workspace ([`crate::engine::stage`]) compiles the exercises in
//! parallel, keeps going past an exercise that does not compile (so one
//! mistake hides nothing else), and reports, as JSON lines, the test
//! executables and programs it produced and every diagnostic with the
//! package it belongs to. The runner then starts the test executables
//! itself, under its limits.
//!
//! When cargo cannot even start compiling because one package's
//! dependencies cannot be resolved (a crate that does not exist, no network
//! for a new one), the package cargo names is left out with cargo's words
//! as its problem, and the build runs again for the others.

use std::collections::BTreeMap;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use crate::engine::course::Course;
use crate::engine::json::{self, Json};
use crate::engine::process::{self, Ending, Limits, Stops, Stream};
use crate::engine::stage::{self, Problem, ProblemKind, Staged};
use crate::engine::{Error, Event, Observer};

#[derive(Debug, Default, Clone)]
pub struct Compiled {
    /// Test executables, in the order cargo reported them.
    pub tests: Vec<PathBuf>,
    /// Programs: (target name, executable).
    pub programs: Vec<(String, PathBuf)>,
    /// Compiler errors, in the order they came.
    pub errors: Vec<Diagnostic>,
    /// Compiler warnings.
    pub warnings: Vec<Diagnostic>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// `E0382`, when rustc gave one.
    pub code: Option<String>,
    /// The lint name for warnings (`unused_must_use`).
    pub lint: Option<String>,
    /// As rustc rendered it (with colours when the runner asked for them).
    pub rendered: String,
    /// rustc's one-line message (`use of moved value: `tx``).
    pub message: String,
    /// The primary span's file (as rustc named it, relative to the
    /// workspace) and line, when there is one.
    pub place: Option<(String, u64)>,
}

#[derive(Debug)]
pub struct Build {
    /// By [`Exercise::index`](crate::engine::course::Exercise::index).
    pub exercises: BTreeMap<usize, Compiled>,
    /// cargo's own complaint when it failed for a reason no exercise's
    /// diagnostics explain.
    pub cargo_error: Option<String>,
    /// cargo's own warnings (about manifests or targets, not code).
    pub cargo_warnings: Vec<String>,
    pub ending: Ending,
}

impl Build {
    pub fn of(&self, index: usize) -> Option<&Compiled> {
        self.exercises.get(&index)
    }
}

/// The cargo that started us (`cargo xtask` sets `CARGO`), else `cargo`.
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// What the build tells as it goes: an exercise whose test executables
/// are all built (and that has no compiler errors) can be tested while
/// cargo builds the rest.
pub type Ready<'a> = dyn FnMut(usize, &Compiled) + 'a;

/// Builds `staged` (only the exercises `only` lists, by index, when it
/// lists them), leaving out (and recording as problems) the packages whose
/// dependencies cargo cannot resolve. `ready` hears of each exercise as
/// soon as its tests can run.
pub fn build(
    course: &Course,
    staged: &mut Staged,
    only: Option<&[usize]>,
    color: bool,
    observer: &Observer,
    stops: Stops,
    ready: &mut Ready,
) -> Result<Build, Error> {
    loop {
        let build = build_once(course, staged, only, color, observer, stops, ready)?;
        let Some(error) = &build.cargo_error else {
            return Ok(build);
        };
        let Some(index) = blamed_package(error, staged, course) else {
            return Ok(build);
        };
        let problem = Problem {
            file: course.exercises[index].dir.join("Cargo.toml"),
            kind: ProblemKind::Manifest(cargo_words(error)),
        };
        stage::leave_out(staged, index, problem, course)?;
        if staged.packages.is_empty() {
            return Ok(Build {
                cargo_error: None,
                ..build
            });
        }
    }
}

fn build_once(
    course: &Course,
    staged: &Staged,
    only: Option<&[usize]>,
    color: bool,
    observer: &Observer,
    stops: Stops,
    ready: &mut Ready,
) -> io::Result<Build> {
    let packages: Vec<&str> = staged
        .packages
        .iter()
        .filter(|(index, _)| only.is_none_or(|only| only.contains(index)))
        .map(|(_, package)| package.name.as_str())
        .collect();
    let mut exercises: BTreeMap<usize, Compiled> = staged
        .packages
        .keys()
        .filter(|index| only.is_none_or(|only| only.contains(index)))
        .map(|&i| (i, Compiled::default()))
        .collect();
    if packages.is_empty() {
        return Ok(Build {
            exercises,
            cargo_error: None,
            cargo_warnings: Vec::new(),
            ending: Ending::Exited(success()),
        });
    }
    let mut cmd = cargo();
    cmd.args(["build", "--tests", "--keep-going", "--message-format"])
        .arg(if color {
            "json-diagnostic-rendered-ansi"
        } else {
            "json"
        })
        .arg("--manifest-path")
        .arg(&staged.manifest)
        .arg("--target-dir")
        .arg(&staged.target)
        .current_dir(&course.root);
    for package in &packages {
        cmd.arg("-p").arg(package);
    }
    let started = Mutex::new(Vec::new());
    let mut reader = Reader::new(course, staged, packages.len(), &started);
    let limits = Limits {
        time: Duration::from_secs(30 * 60),
        output: 256 << 20,
        memory_mib: None,
    };
    let mut announced: Vec<usize> = Vec::new();
    // A unit that compiles for long is said, with which and how to stop it,
    // by a watcher beside the reader; it ends when the build does (its
    // channel's sender is dropped).
    let (build_over, over) = mpsc::channel::<()>();
    let outcome = thread::scope(|scope| {
        let started = &started;
        scope.spawn(move || tell_slow_units(started, &over, observer));
        let outcome = process::run(&mut cmd, limits, stops, &mut |stream, line| {
            let Some(index) = reader.line(stream, line, observer, &mut exercises) else {
                return;
            };
            let compiled = &exercises[&index];
            let Some(package) = staged.packages.get(&index) else {
                return;
            };
            // Tests and programs are built side by side: a test may need a
            // program (`CARGO_BIN_EXE_…`), so both must be there.
            let complete = compiled.errors.is_empty()
                && compiled.tests.len() == package.tests
                && compiled.programs.len() == package.programs;
            if complete && package.tests > 0 && !announced.contains(&index) {
                ready(index, compiled);
                announced.push(index);
            }
        });
        drop(build_over);
        outcome
    })?;
    let any_errors = exercises.values().any(|c| !c.errors.is_empty());
    let cargo_error = match outcome.ending {
        Ending::Exited(status) if !status.success() && !any_errors => Some(reader.cargo_said()),
        _ => None,
    };
    Ok(Build {
        exercises,
        cargo_error,
        cargo_warnings: course_warnings(&reader.stderr),
        ending: outcome.ending,
    })
}

fn success() -> std::process::ExitStatus {
    #[cfg(unix)]
    {
        std::os::unix::process::ExitStatusExt::from_raw(0)
    }
    #[cfg(windows)]
    {
        std::os::windows::process::ExitStatusExt::from_raw(0)
    }
}

/// How long one unit may compile before the learner is told which.
const SLOW_UNIT: Duration = Duration::from_secs(10);

/// Units cargo started compiling and has not finished: name and when.
type Started = Mutex<Vec<(String, Instant)>>;

/// Until `over` says the build ended: every unit in `started` for longer
/// than [`SLOW_UNIT`] is said once.
fn tell_slow_units(started: &Started, over: &Receiver<()>, observer: &Observer) {
    let mut told: Vec<String> = Vec::new();
    while let Err(RecvTimeoutError::Timeout) = over.recv_timeout(Duration::from_millis(500)) {
        let slow: Vec<String> = started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter(|(name, at)| at.elapsed() >= SLOW_UNIT && !told.contains(name))
            .map(|(name, _)| name.clone())
            .collect();
        for name in slow {
            observer(Event::SlowUnit {
                name: name.clone(),
                after: SLOW_UNIT,
            });
            told.push(name);
        }
    }
}

/// Reads cargo's output line by line.
struct Reader<'a> {
    course: &'a Course,
    started: &'a Started,
    stage_dir: &'a Path,
    compiled_units: usize,
    expected_units: usize,
    stderr: Vec<String>,
    /// cargo's wait for a lock was passed on already (it says so often).
    told_waiting: bool,
}

impl<'a> Reader<'a> {
    fn new(
        course: &'a Course,
        staged: &'a Staged,
        building: usize,
        started: &'a Started,
    ) -> Reader<'a> {
        // cargo does not say in advance how many units a build has; the
        // lock file's package count (the exercises' packages counted for
        // those being built) plus one test per exercise is close, and the
        // estimate only grows if the build turns out bigger.
        let lock = staged.manifest.with_file_name("Cargo.lock");
        let expected_units = std::fs::read_to_string(lock)
            .map(|t| t.lines().filter(|l| l.trim() == "[[package]]").count())
            .unwrap_or(0)
            .saturating_sub(staged.packages.len())
            + 2 * building;
        Reader {
            course,
            started,
            stage_dir: staged.manifest.parent().unwrap_or(Path::new(".")),
            compiled_units: 0,
            expected_units,
            stderr: Vec::new(),
            told_waiting: false,
        }
    }

    /// Reads one line; returns the exercise a new artifact belongs to.
    fn line(
        &mut self,
        stream: Stream,
        line: &[u8],
        observer: &Observer,
        exercises: &mut BTreeMap<usize, Compiled>,
    ) -> Option<usize> {
        let line = String::from_utf8_lossy(line);
        if stream == Stream::Stderr {
            if line.contains("Blocking waiting for file lock") && !self.told_waiting {
                self.told_waiting = true;
                observer(Event::WaitingForLock);
            }
            // `   Compiling loop_send v0.1.0 (…)`: a unit began.
            if let Some(rest) = line.trim_start().strip_prefix("Compiling ") {
                if let Some(name) = rest.split_whitespace().next() {
                    let mut started = self.started.lock().unwrap_or_else(|e| e.into_inner());
                    started.push((name.replace('-', "_"), Instant::now()));
                }
            }
            // cargo's own words; kept for when it fails before compiling.
            if self.stderr.len() < 400 {
                self.stderr.push(line.into_owned());
            }
            return None;
        }
        let message = json::parse(&line).ok()?;
        let exercise = message
            .get("manifest_path")
            .and_then(Json::as_str)
            .map(Path::new)
            .filter(|m| m.starts_with(self.stage_dir))
            .and_then(|m| m.parent()?.file_name()?.to_str())
            .and_then(|folder| self.course.by_folder(folder))
            .map(|e| e.index);
        let compiled = exercise.and_then(|i| exercises.get_mut(&i));
        match message.get("reason").and_then(Json::as_str) {
            Some("compiler-artifact") => {
                self.artifact(&message, compiled, observer);
                exercise
            }
            Some("compiler-message") => {
                if let Some(compiled) = compiled {
                    self.diagnostic(&message, compiled);
                }
                None
            }
            _ => None,
        }
    }

    fn artifact(&mut self, message: &Json, compiled: Option<&mut Compiled>, observer: &Observer) {
        self.compiled_units += 1;
        self.expected_units = self.expected_units.max(self.compiled_units + 1);
        let target_name = message
            .path(&["target", "name"])
            .and_then(Json::as_str)
            .unwrap_or("")
            .to_owned();
        let unit = target_name.replace('-', "_");
        self.started
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|(name, _)| *name != unit);
        if message.get("fresh").and_then(Json::as_bool) != Some(true) {
            observer(Event::Compiling {
                done: self.compiled_units,
                total: self.expected_units,
                name: target_name.clone(),
            });
        }
        let (Some(compiled), Some(exe)) =
            (compiled, message.get("executable").and_then(Json::as_str))
        else {
            return;
        };
        let is_test = message.path(&["profile", "test"]).and_then(Json::as_bool) == Some(true);
        if is_test {
            compiled.tests.push(PathBuf::from(exe));
        } else {
            compiled.programs.push((target_name, PathBuf::from(exe)));
        }
    }

    fn diagnostic(&self, message: &Json, compiled: &mut Compiled) {
        let level = message
            .path(&["message", "level"])
            .and_then(Json::as_str)
            .unwrap_or("");
        let text = message
            .path(&["message", "message"])
            .and_then(Json::as_str)
            .unwrap_or("");
        // rustc's closing tallies ("aborting due to 2 previous errors",
        // "3 warnings emitted") repeat what came before.
        if text.starts_with("aborting due to") || text.ends_with("emitted") {
            return;
        }
        let Some(rendered) = message
            .path(&["message", "rendered"])
            .and_then(Json::as_str)
        else {
            return;
        };
        let code = message
            .path(&["message", "code", "code"])
            .and_then(Json::as_str)
            .map(str::to_owned);
        let (code, lint) = match code {
            Some(c) if crate::engine::course::is_error_code(&c) => (Some(c), None),
            other => (None, other),
        };
        let place = message
            .path(&["message", "spans"])
            .and_then(Json::as_array)
            .and_then(|spans| {
                spans
                    .iter()
                    .find(|s| s.get("is_primary").and_then(Json::as_bool) == Some(true))
            })
            .and_then(|span| {
                let file = span.get("file_name").and_then(Json::as_str)?;
                let line = span.get("line_start").and_then(Json::as_f64)?;
                Some((self.course.strip_root(file), line as u64))
            });
        let diagnostic = Diagnostic {
            code,
            lint,
            // Paths inside the course, as the learner sees them.
            rendered: self.course.strip_root(rendered),
            message: text.to_owned(),
            place,
        };
        let list = match level {
            "error" | "error: internal compiler error" => &mut compiled.errors,
            "warning" => &mut compiled.warnings,
            _ => return,
        };
        // The same diagnostic comes once per target that compiles the file
        // (the lib and its test, say).
        if !list.contains(&diagnostic) {
            list.push(diagnostic);
        }
    }

    /// What cargo said when it failed before compiling anything useful.
    fn cargo_said(&self) -> String {
        let useful: Vec<&str> = self
            .stderr
            .iter()
            .map(String::as_str)
            .filter(|l| !l.trim_start().starts_with("Compiling"))
            .collect();
        self.course.strip_root(&useful.join("\n"))
    }
}

/// The staged exercise cargo's error is about (`required by package
/// `loop_send v0.1.0 (/…/stage/learner/03_loop_send)``, `failed to load
/// manifest for workspace member `/…/stage/learner/03_loop_send``), if any.
fn blamed_package(error: &str, staged: &Staged, course: &Course) -> Option<usize> {
    let stage_dir = staged.manifest.parent()?.to_string_lossy().into_owned();
    let sep = std::path::MAIN_SEPARATOR;
    staged
        .members
        .iter()
        .find(|&&index| {
            let dir_name = &course.exercises[index].dir_name;
            let path = format!("{stage_dir}{sep}{dir_name}");
            error.match_indices(&path).any(|(at, _)| {
                // The whole folder name, not the start of a longer one.
                let next = error[at + path.len()..].chars().next();
                !next.is_some_and(|c| c.is_alphanumeric() || c == '_')
            })
        })
        .cloned()
}

/// cargo's error without the stage's paths, which mean nothing to a
/// learner.
fn cargo_words(error: &str) -> String {
    error
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| !l.contains("Updating") && !l.contains("Locking"))
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("\n")
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
