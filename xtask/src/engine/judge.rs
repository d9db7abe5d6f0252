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
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::Duration;

use crate::engine::build::{Build, Compiled, Diagnostic, Ready};
use crate::engine::cache::{self, Passes};
use crate::engine::course::Exercise;
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

/// One exercise's test executables, for a worker to run.
struct Job {
    index: usize,
    compiled: Compiled,
    run_dir: PathBuf,
}

/// A verdict found, for the collector: `Err` only when the runner itself
/// failed.
type Found = (usize, io::Result<Verdict>);

/// What both ways of judging share: the exercises, the passes remembered,
/// and the flag that stops the work still going.
struct Judging<'a> {
    exercises: &'a [&'a Exercise],
    options: &'a Options<'a>,
    passes: Option<Passes>,
    /// The remembering key of each exercise's build, once known.
    keys: Vec<Option<String>>,
    /// Raised when the answer is known, or the caller cancelled.
    stop: &'a AtomicBool,
}

impl<'a> Judging<'a> {
    fn new(
        exercises: &'a [&'a Exercise],
        options: &'a Options<'a>,
        target: &Path,
        stop: &'a AtomicBool,
    ) -> Judging<'a> {
        Judging {
            exercises,
            options,
            passes: options.remember.then(|| Passes::load(target)),
            keys: vec![None; exercises.len()],
            stop,
        }
    }

    fn index_of(&self, dir_name: &str) -> Option<usize> {
        self.exercises.iter().position(|e| e.dir_name == dir_name)
    }

    /// Sends a built exercise on: a pass remembered for this very build is
    /// found at once, anything else is a job for the workers.
    fn schedule(
        &mut self,
        i: usize,
        compiled: &Compiled,
        run_dir: &Path,
        work: &Sender<Job>,
        found: &Sender<Found>,
    ) {
        let exercise = self.exercises[i];
        let key = cache::key(exercise, compiled, self.options.lang);
        let remembered = self
            .passes
            .as_ref()
            .zip(key.as_deref())
            .and_then(|(p, k)| p.get(&exercise.dir_name, k));
        self.keys[i] = key;
        match remembered {
            Some(tests) => {
                let warnings = compiled.warnings.clone();
                let _ = found.send((i, Ok(Verdict::Pass { tests, warnings })));
            }
            None => {
                let job = Job {
                    index: i,
                    compiled: compiled.clone(),
                    run_dir: run_dir.to_path_buf(),
                };
                let _ = work.send(job);
            }
        }
    }

    /// Schedules what can run, and finds the verdict of what cannot, from
    /// the finished build.
    fn after_build(
        &mut self,
        staged: &Staged,
        build: &Build,
        done: &[bool],
        work: &Sender<Job>,
        found: &Sender<Found>,
    ) {
        for i in (0..self.exercises.len()).filter(|&i| !done[i]) {
            let dir_name = &self.exercises[i].dir_name;
            let compiled = build.of(dir_name);
            let package = staged.packages.get(dir_name);
            match (staged.problems.get(dir_name), compiled, package) {
                (Some(problem), _, _) => {
                    let _ = found.send((i, Ok(Verdict::Broken(problem.clone()))));
                }
                (None, Some(c), Some(p)) if c.errors.is_empty() && !c.tests.is_empty() => {
                    self.schedule(i, c, &p.run_dir, work, found);
                }
                (None, compiled, _) => {
                    let verdict = without_tests(compiled, build.cargo_error.as_ref());
                    let _ = found.send((i, Ok(verdict)));
                }
            }
        }
    }

    /// Runs the workers while `feed` schedules work, and collects every
    /// verdict; the results are in course order, None where nothing ran.
    fn run(
        &mut self,
        feed: impl FnOnce(&mut Judging<'a>, &Sender<Job>, &Sender<Found>) -> io::Result<()>,
    ) -> io::Result<Vec<Option<Verdict>>> {
        let (exercises, options, stop) = (self.exercises, self.options, self.stop);
        let total = exercises.len();
        let workers = thread::available_parallelism()
            .map_or(2, |n| 2 * n.get())
            .clamp(2, 8)
            .min(total.max(1));
        let (work_tx, work_rx) = channel::<Job>();
        let (found_tx, found_rx) = channel::<Found>();
        let work_rx = Mutex::new(work_rx);
        thread::scope(|scope| {
            for _ in 0..workers {
                let found_tx = found_tx.clone();
                let work_rx = &work_rx;
                scope.spawn(move || {
                    // The lock is held only while taking the next job.
                    while let Ok(Ok(job)) = work_rx.lock().map(|rx| rx.recv()) {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        let exercise = exercises[job.index];
                        let verdict = run_tests(
                            exercise,
                            &job.compiled,
                            &job.run_dir,
                            options.lang,
                            Some(stop),
                        );
                        if found_tx.send((job.index, verdict)).is_err() {
                            return;
                        }
                    }
                });
            }
            let collected = scope.spawn(move || collect(&found_rx, total, stop, options));
            let fed = feed(self, &work_tx, &found_tx);
            // No more work: the workers end when the queue is empty, and
            // the collector when the last of them is gone.
            drop((work_tx, found_tx));
            let results = collected
                .join()
                .unwrap_or_else(|_| Err(io::Error::other("a thread of the runner panicked")));
            fed.and(results)
        })
    }

    /// Remembers this run's passes, forgets the exercises that now fail,
    /// and puts the verdicts in course order.
    fn finish(mut self, results: Vec<Option<Verdict>>) -> Vec<Verdict> {
        if let Some(passes) = self.passes.as_mut() {
            remember(passes, self.exercises, &self.keys, &results);
        }
        in_order(results, self.options.scope)
    }
}

/// The verdict of an exercise whose tests cannot run.
fn without_tests(compiled: Option<&Compiled>, cargo_error: Option<&String>) -> Verdict {
    match (compiled, cargo_error) {
        (Some(c), _) if !c.errors.is_empty() => Verdict::DoesNotCompile {
            errors: c.errors.clone(),
            warnings: c.warnings.clone(),
        },
        (_, Some(cargo)) => Verdict::BuildFailed {
            cargo: cargo.clone(),
        },
        _ => Verdict::NoTests,
    }
}

/// Every exercise's verdict from a finished build, in order.
pub fn all(
    exercises: &[&Exercise],
    staged: &Staged,
    build: &Build,
    options: &Options,
) -> io::Result<Vec<Verdict>> {
    match build.ending {
        Ending::Cancelled => return Ok(vec![Verdict::Cancelled]),
        Ending::Interrupted => return Ok(vec![Verdict::Interrupted]),
        _ => {}
    }
    let stop = AtomicBool::new(false);
    let mut judging = Judging::new(exercises, options, &staged.target, &stop);
    let done = vec![false; exercises.len()];
    let results = judging.run(|judging, work, found| {
        judging.after_build(staged, build, &done, work, found);
        Ok(())
    })?;
    Ok(judging.finish(results))
}

/// Builds with `build`, testing each exercise as soon as cargo has built
/// its tests, while it builds the rest; once the answer is known (with
/// [`Scope::UntilFirstFailure`]: everything up to the first failure), the
/// build is stopped too: what it would still build is not needed yet.
/// `build` gets the flag that says so.
pub fn while_building(
    exercises: &[&Exercise],
    staged: &mut Staged,
    options: &Options,
    build: impl FnOnce(&mut Staged, &AtomicBool, &mut Ready) -> io::Result<Build>,
) -> io::Result<Vec<Verdict>> {
    let stop = AtomicBool::new(false);
    let target = staged.target.clone();
    let mut judging = Judging::new(exercises, options, &target, &stop);
    let run_dirs: Vec<Option<PathBuf>> = exercises
        .iter()
        .map(|e| staged.packages.get(&e.dir_name).map(|p| p.run_dir.clone()))
        .collect();
    let results = judging.run(|judging, work, found| {
        let mut done = vec![false; exercises.len()];
        let mut ready = |dir_name: &str, compiled: &Compiled| {
            let Some(i) = judging.index_of(dir_name) else {
                return;
            };
            if let Some(run_dir) = run_dirs[i].as_deref() {
                judging.schedule(i, compiled, run_dir, work, found);
                done[i] = true;
            }
        };
        let built = build(staged, &stop, &mut ready)?;
        // Stopped because the answer was known, or by the caller: the
        // exercises not judged yet stay unjudged.
        if matches!(built.ending, Ending::Exited(_)) {
            judging.after_build(staged, &built, &done, work, found);
        }
        Ok(())
    })?;
    Ok(judging.finish(results))
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

/// The consumer side of the pool: verdicts as they come, until every
/// sender is gone; raises `stop` once they are no longer needed.
fn collect(
    found: &Receiver<Found>,
    total: usize,
    stop: &AtomicBool,
    options: &Options,
) -> io::Result<Vec<Option<Verdict>>> {
    let mut results: Vec<Option<Verdict>> = (0..total).map(|_| None).collect();
    let mut finished = 0;
    loop {
        match found.recv_timeout(Duration::from_millis(25)) {
            Ok((i, verdict)) => {
                let verdict = verdict.inspect_err(|_| stop.store(true, Ordering::SeqCst))?;
                results[i] = Some(verdict);
                finished += 1;
                (options.observer)(Event::Testing {
                    done: finished,
                    total,
                });
                if options.scope == Scope::UntilFirstFailure && settled(&results) {
                    stop.store(true, Ordering::SeqCst);
                }
            }
            Err(RecvTimeoutError::Timeout) => {
                let cancelled = options.cancel.is_some_and(|c| c.load(Ordering::SeqCst));
                if cancelled || platform::interrupted() {
                    stop.store(true, Ordering::SeqCst);
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ok(results),
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
