//! Judging for a report: every exercise, one after another, each with the
//! time it took and the verdict of each of its tests.
//!
//! A grade is read by a program and compared across students, so this
//! path trades the learner's speed for plain facts: one build of
//! everything asked for, then each exercise's tests alone (no other
//! exercise's tests beside them to slow them down, none of the passes
//! remembered from an earlier run), timed from start to verdict. The test
//! names come from the test executables themselves (`--list`), so a
//! passing exercise lists its tests too.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::engine::build::Compiled;
use crate::engine::course::{Course, Exercise};
use crate::engine::judge::{FailedTest, OUTPUT_LIMIT, Verdict};
use crate::engine::process::{self, Limits, Stops};
use crate::engine::{self, Options, libtest};

/// One exercise's result.
pub struct Graded {
    /// None: not run, because an earlier exercise decided (without `all`).
    pub verdict: Option<Verdict>,
    /// From the start of its tests to its verdict (the shared build not
    /// included).
    pub time: Duration,
    /// Its tests, in the order of their executables; empty when they were
    /// never built.
    pub tests: Vec<Test>,
}

pub struct Test {
    pub name: String,
    pub status: TestStatus,
}

#[derive(Debug, Clone)]
pub enum TestStatus {
    Pass,
    Fail(Box<FailedTest>),
    /// Still running when its process reached the time limit.
    TimedOut,
    /// Its process ended without a word on this test: stopped for another
    /// test's time-out, flooded, crashed or ran out of memory.
    Lost,
    /// Not started: an earlier test executable of the exercise failed, or
    /// the exercise was not judged.
    NotRun,
}

/// The whole run: the build's time and each exercise's result, in the
/// order asked.
pub struct Grading {
    pub build_time: Duration,
    pub exercises: Vec<Graded>,
}

/// Builds `exercises` once, then judges each in order; with `all` false,
/// those after the first that does not pass are not run. An interruption
/// ends the run with the verdict `Interrupted` for the exercise at hand.
pub fn grade(
    course: &Course,
    exercises: &[&Exercise],
    options: &Options,
    all: bool,
) -> Result<Grading, engine::Error> {
    let start = Instant::now();
    let built = engine::build(course, exercises, options)?;
    let build_time = start.elapsed();
    let mut graded: Vec<Graded> = Vec::new();
    let mut decided = false;
    for exercise in exercises {
        let compiled = built.build.of(exercise.index);
        let names = compiled
            .map(|c| test_names(c, &exercise.dir, options))
            .unwrap_or_default();
        if decided {
            let tests = statuses(&names, None);
            graded.push(Graded {
                verdict: None,
                time: Duration::ZERO,
                tests,
            });
            continue;
        }
        let start = Instant::now();
        let verdict = engine::judge(&[*exercise], &built, options)?
            .into_iter()
            .next()
            .unwrap_or(Verdict::Cancelled);
        let time = start.elapsed();
        let stopped = verdict.stopped();
        decided = !all && !verdict.passed();
        let tests = statuses(&names, Some(&verdict));
        graded.push(Graded {
            verdict: Some(verdict),
            time,
            tests,
        });
        if stopped {
            break;
        }
    }
    Ok(Grading {
        build_time,
        exercises: graded,
    })
}

/// The test names of each test executable, in order (an executable that
/// cannot list its tests lists none).
fn test_names(compiled: &Compiled, dir: &Path, options: &Options) -> Vec<Vec<String>> {
    compiled
        .tests
        .iter()
        .map(|exe| list(exe, dir, options))
        .collect()
}

fn list(exe: &PathBuf, dir: &Path, options: &Options) -> Vec<String> {
    let mut command = Command::new(exe);
    command
        .args(["--list", "--format", "terse"])
        .current_dir(dir);
    let limits = Limits {
        time: Duration::from_secs(10),
        output: OUTPUT_LIMIT,
        memory_mib: None,
    };
    let stops = Stops {
        cancel: options.cancel,
        interrupt: Some(options.interrupt),
    };
    match process::run(&mut command, limits, stops, &mut |_, _| {}) {
        Ok(o) if o.success() => {
            libtest::parse_terse_list(&String::from_utf8_lossy(&o.stdout)).unwrap_or_default()
        }
        _ => Vec::new(),
    }
}

/// The status of a test of the executable that decided, by its name.
type StatusOf = dyn Fn(&str) -> TestStatus;

/// Each test's status, from the names of each executable's tests and the
/// exercise's verdict. The verdict comes from the first executable that
/// did not pass: those before it passed, those after it never ran.
fn statuses(names: &[Vec<String>], verdict: Option<&Verdict>) -> Vec<Test> {
    let in_exe = |wanted: &[&str]| {
        names
            .iter()
            .position(|exe| exe.iter().any(|n| wanted.contains(&n.as_str())))
    };
    let (deciding, status_in_deciding): (Option<usize>, Box<StatusOf>) = match verdict {
        None => (Some(0), Box::new(|_| TestStatus::NotRun)),
        Some(Verdict::Pass { .. }) => (None, Box::new(|_| TestStatus::Pass)),
        Some(Verdict::TestsFail { failed, .. }) => {
            let wanted: Vec<&str> = failed.iter().map(|f| f.name.as_str()).collect();
            let failed = failed.clone();
            (
                in_exe(&wanted),
                Box::new(move |name| match failed.iter().find(|f| f.name == name) {
                    Some(f) => TestStatus::Fail(Box::new(f.clone())),
                    None => TestStatus::Pass,
                }),
            )
        }
        Some(Verdict::TimedOut { running, .. }) => {
            let wanted: Vec<&str> = running.iter().map(String::as_str).collect();
            let running = running.clone();
            (
                in_exe(&wanted),
                Box::new(move |name| {
                    if running.iter().any(|r| r == name) {
                        TestStatus::TimedOut
                    } else {
                        TestStatus::Lost
                    }
                }),
            )
        }
        // Which executable ended so is not kept: no test's fate is known.
        Some(_) => (Some(0), Box::new(|_| TestStatus::Lost)),
    };
    let mut tests = Vec::new();
    for (i, exe) in names.iter().enumerate() {
        for name in exe {
            let status = match deciding {
                Some(d) if i == d => status_in_deciding(name),
                Some(d) if i > d => TestStatus::NotRun,
                _ => TestStatus::Pass,
            };
            tests.push(Test {
                name: name.clone(),
                status,
            });
        }
    }
    tests
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::libtest::Panic;

    fn names() -> Vec<Vec<String>> {
        vec![
            vec!["a".into(), "b".into()],
            vec!["c".into(), "d".into()],
            vec!["e".into()],
        ]
    }

    fn shown(tests: &[Test]) -> Vec<(String, &'static str)> {
        tests
            .iter()
            .map(|t| {
                let s = match t.status {
                    TestStatus::Pass => "pass",
                    TestStatus::Fail(_) => "fail",
                    TestStatus::TimedOut => "timeout",
                    TestStatus::Lost => "lost",
                    TestStatus::NotRun => "not-run",
                };
                (t.name.clone(), s)
            })
            .collect()
    }

    #[test]
    fn the_failing_executable_decides_and_the_later_ones_never_ran() {
        let verdict = Verdict::TestsFail {
            failed: vec![FailedTest {
                name: "d".into(),
                panic: Some(Panic {
                    thread: "d".into(),
                    location: "tests/t.rs:1:1".into(),
                    message: "boom".into(),
                }),
                evidence: Vec::new(),
            }],
            strays: Vec::new(),
            passed: 3,
            warnings: Vec::new(),
        };
        let tests = statuses(&names(), Some(&verdict));
        let expected = [
            ("a", "pass"),
            ("b", "pass"),
            ("c", "pass"),
            ("d", "fail"),
            ("e", "not-run"),
        ];
        let expected: Vec<(String, &str)> =
            expected.iter().map(|(n, s)| ((*n).into(), *s)).collect();
        assert_eq!(shown(&tests), expected);
        match &tests[3].status {
            TestStatus::Fail(f) => assert_eq!(f.panic.as_ref().unwrap().message, "boom"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_time_out_names_the_tests_still_running() {
        let verdict = Verdict::TimedOut {
            limit: Duration::from_secs(2),
            running: vec!["a".into()],
            warnings: Vec::new(),
        };
        let got = shown(&statuses(&names(), Some(&verdict)));
        let statuses: Vec<&str> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(
            statuses,
            ["timeout", "lost", "not-run", "not-run", "not-run"]
        );
    }

    #[test]
    fn a_pass_passes_every_test_and_no_verdict_runs_none() {
        let pass = Verdict::Pass {
            tests: 5,
            warnings: Vec::new(),
        };
        assert!(
            shown(&statuses(&names(), Some(&pass)))
                .iter()
                .all(|(_, s)| *s == "pass")
        );
        assert!(
            shown(&statuses(&names(), None))
                .iter()
                .all(|(_, s)| *s == "not-run")
        );
    }
}
