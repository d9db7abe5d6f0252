//! Verdicts: what the build and each exercise's test executables say.
//!
//! After the one build, the exercises' tests run on a small pool of threads
//! (the worker-pool pattern: indices on a channel behind a mutex, verdicts
//! back on another channel). Most tests spend their time waiting on
//! channels and sleeps, so two exercises per core run side by side (at most
//! eight). With [`Scope::UntilFirstFailure`], as soon as every exercise
//! before the first failure has passed, the runs still going are cancelled
//! and their processes ended.

use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::thread;
use std::time::Duration;

use crate::engine::build::{Build, Compiled, Diagnostic};
use crate::engine::cache::{self, Passes};
use crate::engine::course::{Course, Exercise};
use crate::engine::libtest::{self, Panic};
use crate::engine::process::{self, Ending, Limits, Stream};
use crate::engine::stage::{Problem, Staged};
use crate::engine::{Event, Options};
use crate::platform;
use crate::texts::Lang;

/// Output a test executable may write before it counts as a flood. Far
/// more than any exercise prints when it works; an endless loop crosses it
/// in moments.
pub const OUTPUT_LIMIT: usize = 1 << 20;

#[derive(Debug)]
pub enum Verdict {
    Pass {
        tests: usize,
        /// The compiler's warnings: the course asks for code without them.
        warnings: Vec<Diagnostic>,
    },
    /// The exercise's files cannot be built at all (found before building,
    /// or when cargo could not resolve its dependencies).
    Broken(Problem),
    DoesNotCompile {
        errors: Vec<Diagnostic>,
        warnings: Vec<Diagnostic>,
    },
    TestsFail {
        /// Sorted by test name, so both languages tell them in one order.
        failed: Vec<FailedTest>,
        /// Panics of threads that are not tests.
        strays: Vec<Panic>,
        passed: usize,
        /// The compiler's warnings, often the clue: an ignored `send`
        /// result (`unused_must_use`) is a producer that never stops.
        warnings: Vec<Diagnostic>,
    },
    TimedOut {
        limit: Duration,
        running: Vec<String>,
        warnings: Vec<Diagnostic>,
    },
    Flooded {
        /// The beginning of the stream that flooded.
        head: String,
        stream: Stream,
    },
    OutOfMemory {
        limit_mib: u64,
        stderr_tail: String,
    },
    Crashed {
        how: Exit,
        stderr_tail: String,
    },
    /// cargo failed for a reason no exercise's diagnostics explain.
    BuildFailed {
        cargo: String,
    },
    NoTests,
    /// A newer save made this run pointless (watch mode).
    Cancelled,
    /// Ctrl-C.
    Interrupted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    Code(i32),
    #[cfg_attr(not(unix), allow(dead_code))]
    Signal(i32),
    Unknown(String),
}

#[derive(Debug, Clone)]
pub struct FailedTest {
    pub name: String,
    /// The test's own explanation (its panic in the test file), else the
    /// first panic of its thread.
    pub panic: Option<Panic>,
    /// Other panics of the test's thread: the learner's own `unwrap`, say,
    /// shown after the explanation.
    pub evidence: Vec<Panic>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Pass { .. })
    }

    /// The run did not finish: cancelled or interrupted.
    pub fn stopped(&self) -> bool {
        matches!(self, Verdict::Cancelled | Verdict::Interrupted)
    }

    /// The compiler's warnings, for the verdicts that keep them: a pass,
    /// a compile error, failing tests and a time-out (where an ignored
    /// `send` result is a usual cause). The other endings are rare next to
    /// a warning and say enough on their own.
    pub fn warnings(&self) -> &[Diagnostic] {
        match self {
            Verdict::Pass { warnings, .. }
            | Verdict::DoesNotCompile { warnings, .. }
            | Verdict::TestsFail { warnings, .. }
            | Verdict::TimedOut { warnings, .. } => warnings,
            _ => &[],
        }
    }

    /// The same verdict, keeping `found` where it has room for warnings.
    fn with_warnings(mut self, found: &[Diagnostic]) -> Verdict {
        if let Verdict::Pass { warnings, .. }
        | Verdict::DoesNotCompile { warnings, .. }
        | Verdict::TestsFail { warnings, .. }
        | Verdict::TimedOut { warnings, .. } = &mut self
        {
            warnings.extend_from_slice(found);
        }
        self
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Scope {
    /// Stop at the first exercise that does not pass.
    UntilFirstFailure,
    All,
}

/// Every exercise's verdict, from the build and the tests, in order.
pub fn all(
    course: &Course,
    exercises: &[&Exercise],
    staged: &Staged,
    build: &Build,
    options: &Options,
) -> io::Result<Vec<Verdict>> {
    if matches!(build.ending, Ending::Cancelled) {
        return Ok(vec![Verdict::Cancelled]);
    }
    if matches!(build.ending, Ending::Interrupted) {
        return Ok(vec![Verdict::Interrupted]);
    }
    let total = exercises.len();
    let jobs = thread::available_parallelism()
        .map_or(2, |n| 2 * n.get())
        .clamp(2, 8);
    // Raised to cancel the runs still going: the caller cancelled, or their
    // verdicts are no longer needed.
    let stop = AtomicBool::new(false);
    let mut passes = options.remember.then(|| Passes::load(&staged.target));
    let keys: Vec<Option<String>> = exercises
        .iter()
        .map(|e| {
            let compiled = build.of(&e.dir_name)?;
            let usable = compiled.errors.is_empty() && !compiled.tests.is_empty();
            usable.then(|| cache::key(e, compiled, options.lang))?
        })
        .collect();
    // A build that passed before passes again without running.
    let mut results: Vec<Option<Verdict>> = exercises
        .iter()
        .zip(&keys)
        .map(|(e, key)| {
            let tests = passes.as_ref()?.get(&e.dir_name, key.as_deref()?)?;
            let warnings = build.of(&e.dir_name)?.warnings.clone();
            Some(Verdict::Pass { tests, warnings })
        })
        .collect();
    let (work_tx, work_rx) = channel::<usize>();
    for i in (0..total).filter(|&i| results[i].is_none()) {
        let _ = work_tx.send(i);
    }
    drop(work_tx);
    let work_rx = Mutex::new(work_rx);

    thread::scope(|scope| -> io::Result<()> {
        let (done_tx, done_rx) = channel::<(usize, io::Result<Verdict>)>();
        for _ in 0..jobs.min(total) {
            let done_tx = done_tx.clone();
            let (work_rx, stop) = (&work_rx, &stop);
            scope.spawn(move || {
                loop {
                    // The lock is held only while taking the next index.
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(i)) = next else { return };
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let verdict = one(course, exercises[i], staged, build, options.lang, stop);
                    if done_tx.send((i, verdict)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);
        collect(&done_rx, &mut results, &stop, options)
    })?;
    if let Some(passes) = passes.as_mut() {
        remember(passes, exercises, &keys, &results);
    }
    Ok(in_order(results, options.scope))
}

/// Records this run's passes, and forgets the exercises that now fail.
fn remember(
    passes: &mut Passes,
    exercises: &[&Exercise],
    keys: &[Option<String>],
    results: &[Option<Verdict>],
) {
    for ((exercise, key), result) in exercises.iter().zip(keys).zip(results) {
        match (result, key) {
            (Some(Verdict::Pass { tests, .. }), Some(key)) => {
                passes.remember(&exercise.dir_name, key.clone(), *tests);
            }
            (Some(v), _) if !v.stopped() => passes.forget(&exercise.dir_name),
            _ => {}
        }
    }
    passes.save();
}

/// The consumer side of [`all`]: verdicts as they come, until every worker
/// is done.
fn collect(
    done_rx: &std::sync::mpsc::Receiver<(usize, io::Result<Verdict>)>,
    results: &mut [Option<Verdict>],
    stop: &AtomicBool,
    options: &Options,
) -> io::Result<()> {
    let total = results.len();
    let mut finished = results.iter().filter(|r| r.is_some()).count();
    loop {
        match done_rx.recv_timeout(Duration::from_millis(25)) {
            Ok((i, verdict)) => {
                let verdict = verdict.inspect_err(|_| stop.store(true, Ordering::SeqCst))?;
                results[i] = Some(verdict);
                finished += 1;
                (options.observer)(Event::Testing {
                    done: finished,
                    total,
                });
                if options.scope == Scope::UntilFirstFailure && settled(results) {
                    stop.store(true, Ordering::SeqCst);
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let cancelled = options.cancel.is_some_and(|c| c.load(Ordering::SeqCst));
                if cancelled || platform::interrupted() {
                    stop.store(true, Ordering::SeqCst);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }
    }
}

/// The verdicts in course order, cut after the first failure (with
/// `UntilFirstFailure`) or the first run that was stopped.
fn in_order(results: Vec<Option<Verdict>>, scope: Scope) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    for result in results {
        // Missing: never run, because the answer was known or the run was
        // cancelled; say which.
        let verdict = result.unwrap_or(if platform::interrupted() {
            Verdict::Interrupted
        } else {
            Verdict::Cancelled
        });
        let last = verdict.stopped() || (!verdict.passed() && scope == Scope::UntilFirstFailure);
        verdicts.push(verdict);
        if last {
            break;
        }
    }
    verdicts
}

/// True when the verdicts in course order, up to the first failure, are all
/// known: later ones cannot change the answer.
fn settled(results: &[Option<Verdict>]) -> bool {
    match results
        .iter()
        .position(|r| !r.as_ref().is_some_and(Verdict::passed))
    {
        Some(i) => results[i].is_some(),
        None => true,
    }
}

/// The verdict of one exercise, from the build and its tests.
fn one(
    course: &Course,
    exercise: &Exercise,
    staged: &Staged,
    build: &Build,
    lang: Lang,
    stop: &AtomicBool,
) -> io::Result<Verdict> {
    let _ = course;
    if let Some(problem) = staged.problems.get(&exercise.dir_name) {
        return Ok(Verdict::Broken(problem.clone()));
    }
    let package = staged.packages.get(&exercise.dir_name);
    Ok(
        match (build.of(&exercise.dir_name), package, &build.cargo_error) {
            (Some(c), _, _) if !c.errors.is_empty() => Verdict::DoesNotCompile {
                errors: c.errors.clone(),
                warnings: c.warnings.clone(),
            },
            (Some(c), Some(package), _) if !c.tests.is_empty() => {
                run_tests(exercise, c, &package.run_dir, lang, Some(stop))?
            }
            (_, _, Some(cargo)) => Verdict::BuildFailed {
                cargo: cargo.clone(),
            },
            _ => Verdict::NoTests,
        },
    )
}

/// Runs an exercise's test executables one after another; the first that
/// does not pass decides.
pub fn run_tests(
    exercise: &Exercise,
    compiled: &Compiled,
    dir: &Path,
    lang: Lang,
    cancel: Option<&AtomicBool>,
) -> io::Result<Verdict> {
    let mut tests = 0;
    for exe in &compiled.tests {
        let run = TestRun {
            exercise,
            exe,
            programs: &compiled.programs,
            dir,
            lang,
        };
        match run.verdict(cancel)? {
            Verdict::Pass { tests: n, .. } => tests += n,
            other => return Ok(other.with_warnings(&compiled.warnings)),
        }
    }
    Ok(Verdict::Pass {
        tests,
        warnings: compiled.warnings.clone(),
    })
}

/// One test executable of one exercise.
struct TestRun<'a> {
    exercise: &'a Exercise,
    exe: &'a Path,
    programs: &'a [(String, PathBuf)],
    dir: &'a Path,
    lang: Lang,
}

impl TestRun<'_> {
    fn command(&self) -> Command {
        let mut cmd = Command::new(self.exe);
        cmd.current_dir(self.dir)
            .env("COURSE_LANG", self.lang.code())
            // Backtraces would bury the message the test wrote for the
            // learner.
            .env("RUST_BACKTRACE", "0")
            .env_remove("RUST_TEST_NOCAPTURE");
        // Where this build put the exercise's programs, for tests that find
        // them at run time (assert_cmd's `Command::cargo_bin`).
        for (name, path) in self.programs {
            cmd.env(format!("CARGO_BIN_EXE_{name}"), path);
        }
        cmd
    }

    fn verdict(&self, cancel: Option<&AtomicBool>) -> io::Result<Verdict> {
        let mut cmd = self.command();
        cmd.args(["--nocapture", "--color", "never"]);
        let limits = Limits {
            time: self.exercise.time_limit,
            output: OUTPUT_LIMIT,
            memory_mib: Some(self.exercise.memory_limit_mib),
        };
        let outcome = process::run(&mut cmd, limits, cancel, &mut |_, _| {})?;
        let stdout = String::from_utf8_lossy(&outcome.stdout);
        let stderr = String::from_utf8_lossy(&outcome.stderr);
        let report = libtest::parse(&stdout, &stderr);
        Ok(match outcome.ending {
            Ending::Cancelled => Verdict::Cancelled,
            Ending::Interrupted => Verdict::Interrupted,
            Ending::TimedOut => Verdict::TimedOut {
                limit: self.exercise.time_limit,
                running: self
                    .list()
                    .into_iter()
                    .filter(|t| !report.finished(t))
                    .collect(),
                warnings: Vec::new(),
            },
            Ending::Flooded(stream) => Verdict::Flooded {
                head: head_of(match stream {
                    Stream::Stdout => &stdout,
                    Stream::Stderr => &stderr,
                }),
                stream,
            },
            Ending::Exited(status) => self.exited(status, &report, &stderr),
        })
    }

    fn exited(
        &self,
        status: std::process::ExitStatus,
        report: &libtest::Report,
        stderr: &str,
    ) -> Verdict {
        let failures = report.failures();
        if !failures.is_empty() {
            Verdict::TestsFail {
                failed: failures,
                strays: report.stray_panics().into_iter().cloned().collect(),
                passed: report.passed(),
                warnings: Vec::new(),
            }
        } else if report.completed && status.success() {
            Verdict::Pass {
                tests: report.passed(),
                warnings: Vec::new(),
            }
        } else if platform::ran_out_of_memory(status, stderr) {
            Verdict::OutOfMemory {
                limit_mib: self.exercise.memory_limit_mib,
                stderr_tail: tail_of(stderr, 15),
            }
        } else {
            Verdict::Crashed {
                how: exit_of(status),
                stderr_tail: tail_of(stderr, 15),
            }
        }
    }

    /// The names of the tests in the executable (to say which ones hung).
    fn list(&self) -> Vec<String> {
        let mut cmd = self.command();
        cmd.arg("--list");
        let limits = Limits {
            time: Duration::from_secs(5),
            output: OUTPUT_LIMIT,
            memory_mib: Some(self.exercise.memory_limit_mib),
        };
        match process::run(&mut cmd, limits, None, &mut |_, _| {}) {
            Ok(o) if o.success() => libtest::parse_list(&String::from_utf8_lossy(&o.stdout)),
            _ => Vec::new(),
        }
    }
}

fn exit_of(status: std::process::ExitStatus) -> Exit {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return Exit::Signal(signal);
        }
    }
    match status.code() {
        Some(code) => Exit::Code(code),
        None => Exit::Unknown(status.to_string()),
    }
}

/// The first lines of a flood, without libtest's own header.
fn head_of(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("running ") && !l.trim().is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("\n")
}

fn tail_of(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
