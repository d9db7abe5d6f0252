//! Verdicts: what the build and each exercise's tests say.
//!
//! The build reports each exercise as soon as its tests can run
//! ([`while_building`]); a pass remembered for that very build is found at
//! once ([`cache`]), anything else goes to the pool of [`schedule`], which
//! runs each test in a process of its own, in course order. Each test's
//! ending ([`TestEnd`]) comes from the structure of the run: how its
//! process ended, and what libtest itself recorded in a file of its own,
//! never from lines the learner's code could print too. [`fold`] turns an
//! exercise's endings into its [`Verdict`].

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::Sender;
use std::time::{Duration, Instant};

use crate::engine::build::{Build, Compiled, Diagnostic, Ready};
use crate::engine::cache::{self, Passes};
use crate::engine::course::Exercise;
use crate::engine::libtest::{self, Panic};
use crate::engine::process::{self, Ending, Limits, Stops, Stream};
use crate::engine::schedule::{self, Msg};
use crate::engine::stage::{Problem, Staged};
use crate::engine::{Error, Options};
use crate::platform;
use course_support::Lang;

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

/// How one test's process ended.
#[derive(Debug)]
pub enum TestEnd {
    /// libtest itself recorded the pass, and the process exited 0.
    Passed,
    Failed {
        test: FailedTest,
        /// Panics of other threads of its process.
        strays: Vec<Panic>,
    },
    TimedOut,
    Flooded {
        head: String,
        stream: Stream,
    },
    OutOfMemory {
        stderr_tail: String,
    },
    /// The process ended without libtest saying how the test went.
    Crashed {
        how: Exit,
        stderr_tail: String,
    },
    Cancelled,
    Interrupted,
}

/// The feed's side of judging: the exercises, the passes remembered, and
/// the flag that stops the work still going.
struct Judging<'a> {
    exercises: &'a [&'a Exercise],
    /// The place in `exercises` of each exercise judged, by its index in
    /// the course.
    places: BTreeMap<usize, usize>,
    options: &'a Options<'a>,
    passes: Option<Passes>,
    /// The remembering key of each exercise's build, once known.
    keys: Vec<Option<String>>,
}

impl<'a> Judging<'a> {
    fn new(exercises: &'a [&'a Exercise], options: &'a Options<'a>, target: &Path) -> Judging<'a> {
        Judging {
            exercises,
            places: exercises
                .iter()
                .enumerate()
                .map(|(place, e)| (e.index, place))
                .collect(),
            options,
            passes: options.remember.then(|| Passes::load(target)),
            keys: vec![None; exercises.len()],
        }
    }

    fn place_of(&self, index: usize) -> Option<usize> {
        self.places.get(&index).copied()
    }

    /// Sends a built exercise on: a pass remembered for this very build is
    /// found at once, anything else is work for the pool.
    fn schedule(&mut self, index: usize, compiled: &Compiled, run_dir: &Path, tx: &Sender<Msg>) {
        let exercise = self.exercises[index];
        let key = cache::key(exercise, compiled, self.options.lang);
        let remembered = self
            .passes
            .as_ref()
            .zip(key.as_deref())
            .and_then(|(p, k)| p.get(&exercise.dir_name, k));
        self.keys[index] = key;
        let _ = tx.send(match remembered {
            Some(tests) => {
                let warnings = compiled.warnings.clone();
                Msg::Found(index, Ok(Verdict::Pass { tests, warnings }))
            }
            None => Msg::Built {
                index,
                compiled: compiled.clone(),
                run_dir: run_dir.to_path_buf(),
            },
        });
    }

    /// The builds, in course order, as places in `exercises`: first every
    /// exercise up to the first one not remembered as passing (the one
    /// expected to decide); then, once that one has passed, the next
    /// exercise, the next two, the next four, and so on (each stopped, and
    /// the rest never started, once a failure decides).
    /// cargo builds the exercises of one build in an order of its own, so
    /// on a fresh clone a single build would make the learner wait for all
    /// of them before the first verdict; this way every verdict waits only
    /// for the build of the exercises up to the one that decides (and a
    /// few more when that one was just solved), and on a solved course
    /// each build's tests run while cargo builds the next.
    fn waves(&self) -> Vec<Vec<usize>> {
        let passed = |e: &Exercise| {
            self.passes
                .as_ref()
                .is_some_and(|p| p.passed_before(&e.dir_name))
        };
        let all: Vec<usize> = (0..self.exercises.len()).collect();
        let first = match self.options.scope {
            Scope::UntilFirstFailure => self
                .exercises
                .iter()
                .position(|e| !passed(e))
                .map_or(all.len(), |place| place + 1),
            Scope::All => all.len(),
        };
        let (deciding, mut rest) = all.split_at(first);
        let mut waves = vec![deciding.to_vec()];
        let mut size = 1;
        while !rest.is_empty() {
            let (wave, after) = rest.split_at(size.min(rest.len()));
            waves.push(wave.to_vec());
            rest = after;
            size *= 2;
        }
        waves.retain(|wave| !wave.is_empty());
        waves
    }

    /// Whether an exercise of `wave` fails without running a test (it does
    /// not compile, or cannot be built), so that with
    /// [`Scope::UntilFirstFailure`] no later exercise needs building.
    fn decided_without_tests(&self, staged: &Staged, build: &Build, wave: &[usize]) -> bool {
        self.options.scope == Scope::UntilFirstFailure
            && wave.iter().any(|&i| {
                let index = self.exercises[i].index;
                staged.problems.contains_key(&index)
                    || build
                        .of(index)
                        .is_none_or(|c| !c.errors.is_empty() || c.tests.is_empty())
            })
    }

    /// Schedules what can run in `wave`, and finds the verdict of what
    /// cannot, from its finished build.
    fn after_build(
        &mut self,
        staged: &Staged,
        build: &Build,
        wave: &[usize],
        done: &[bool],
        tx: &Sender<Msg>,
    ) {
        for i in wave.iter().copied().filter(|&i| !done[i]) {
            let index = self.exercises[i].index;
            let compiled = build.of(index);
            let package = staged.packages.get(&index);
            match (staged.problems.get(&index), compiled, package) {
                (Some(problem), _, _) => {
                    let _ = tx.send(Msg::Found(i, Ok(Verdict::Broken(problem.clone()))));
                }
                (None, Some(c), Some(p)) if c.errors.is_empty() && !c.tests.is_empty() => {
                    self.schedule(i, c, &p.run_dir, tx);
                }
                (None, compiled, _) => {
                    let verdict = without_tests(compiled, build.cargo_error.as_ref());
                    let _ = tx.send(Msg::Found(i, Ok(verdict)));
                }
            }
        }
    }

    /// Remembers this run's passes, forgets the exercises that now fail,
    /// and puts the verdicts in course order.
    fn finish(mut self, results: Vec<Option<Verdict>>) -> Vec<Verdict> {
        if let Some(passes) = self.passes.as_mut() {
            remember(passes, self.exercises, &self.keys, &results);
        }
        let interrupted = self.options.interrupt.load(Ordering::SeqCst);
        in_order(results, self.options.scope, interrupted)
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
) -> Result<Vec<Verdict>, Error> {
    match build.ending {
        Ending::Cancelled => return Ok(vec![Verdict::Cancelled]),
        Ending::Interrupted => return Ok(vec![Verdict::Interrupted]),
        _ => {}
    }
    let stop = AtomicBool::new(false);
    let mut judging = Judging::new(exercises, options, &staged.target);
    let done = vec![false; exercises.len()];
    let every: Vec<usize> = (0..exercises.len()).collect();
    let results = schedule::run(exercises, options, &stop, &AtomicUsize::new(0), |tx| {
        judging.after_build(staged, build, &every, &done, tx);
        Ok(())
    })?;
    Ok(judging.finish(results))
}

/// Builds with `build`, testing each exercise as soon as cargo has built
/// its tests, while it builds the rest; once the answer is known (with
/// [`Scope::UntilFirstFailure`]: everything up to the first failure), the
/// build is stopped too: what it would still build is not needed yet.
/// `build` gets the exercises to build (by index: the exercises up to the
/// one expected to decide first, then the rest, see `Judging::waves`) and
/// the flag that says so.
pub fn while_building(
    exercises: &[&Exercise],
    staged: &mut Staged,
    options: &Options,
    mut build: impl FnMut(&mut Staged, &[usize], &AtomicBool, &mut Ready) -> Result<Build, Error>,
) -> Result<Vec<Verdict>, Error> {
    let stop = AtomicBool::new(false);
    let target = staged.target.clone();
    let mut judging = Judging::new(exercises, options, &target);
    let run_dirs: Vec<Option<PathBuf>> = exercises
        .iter()
        .map(|e| staged.packages.get(&e.index).map(|p| p.run_dir.clone()))
        .collect();
    let passed = AtomicUsize::new(0);
    let results = schedule::run(exercises, options, &stop, &passed, |tx| {
        let mut done = vec![false; exercises.len()];
        let waves = judging.waves();
        for (n, wave) in waves.iter().enumerate() {
            // The first build ends with the exercise expected to decide:
            // the next one starts only once that one has passed, so that a
            // learner's verdict never shares the cores with a build of
            // exercises it makes unneeded. Later builds follow at once.
            // (Bounded all the same: each of its tests ends by its
            // exercise's time limit.)
            if n == 1 && options.scope == Scope::UntilFirstFailure {
                let needed = waves[0].len();
                let limit = waves[0].iter().map(|&i| exercises[i].time_limit).max();
                let deadline = Instant::now() + limit.unwrap_or_default() + Duration::from_secs(10);
                while !stop.load(Ordering::SeqCst)
                    && passed.load(Ordering::SeqCst) < needed
                    && Instant::now() < deadline
                {
                    std::thread::sleep(Duration::from_millis(2));
                }
            }
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let indices: Vec<usize> = wave.iter().map(|&i| exercises[i].index).collect();
            let mut ready = |index: usize, compiled: &Compiled| {
                let Some(i) = judging.place_of(index) else {
                    return;
                };
                if let Some(run_dir) = run_dirs[i].as_deref() {
                    judging.schedule(i, compiled, run_dir, tx);
                    done[i] = true;
                }
            };
            let built = build(staged, &indices, &stop, &mut ready)?;
            // Stopped because the answer was known, or by the caller: the
            // exercises not judged yet stay unjudged.
            if !matches!(built.ending, Ending::Exited(_)) {
                break;
            }
            judging.after_build(staged, &built, wave, &done, tx);
            if judging.decided_without_tests(staged, &built, wave) {
                break;
            }
        }
        Ok(())
    })?;
    Ok(judging.finish(results))
}

/// Records this run's passes and the builds that did not pass, and
/// forgets the exercises that now fail without a build to name.
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
            (Some(v), Some(key)) if !v.stopped() => {
                passes.remember_failure(&exercise.dir_name, key.clone());
            }
            (Some(v), None) if !v.stopped() => passes.forget(&exercise.dir_name),
            _ => {}
        }
    }
    passes.save();
}

/// The verdicts in course order, cut after the first failure (with
/// `UntilFirstFailure`) or the first run that was stopped.
fn in_order(results: Vec<Option<Verdict>>, scope: Scope, interrupted: bool) -> Vec<Verdict> {
    let mut verdicts = Vec::new();
    for result in results {
        // Missing: never run, because the answer was known or the run was
        // cancelled; say which.
        let verdict = result.unwrap_or(if interrupted {
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
pub fn settled(results: &[Option<&Verdict>]) -> bool {
    match results.iter().position(|r| !r.is_some_and(Verdict::passed)) {
        Some(i) => results[i].is_some(),
        None => true,
    }
}

/// One exercise's verdict from how each of its tests ended. What stops a
/// test from finishing (a stop, a flood, the memory limit, the time limit,
/// a crash) says more than a failure, and is told first. `never_ran`: tests
/// that were still waiting to start when the time limit was reached.
pub fn fold(
    exercise: &Exercise,
    mut ends: Vec<(String, TestEnd)>,
    never_ran: &[String],
    warnings: Vec<Diagnostic>,
) -> Verdict {
    ends.sort_by(|a, b| a.0.cmp(&b.0));
    let rank = |end: &TestEnd| match end {
        TestEnd::Interrupted => 0,
        TestEnd::Cancelled => 1,
        TestEnd::Flooded { .. } => 2,
        TestEnd::OutOfMemory { .. } => 3,
        TestEnd::TimedOut => 4,
        TestEnd::Crashed { .. } => 5,
        TestEnd::Failed { .. } => 6,
        TestEnd::Passed => 7,
    };
    let worst = ends.iter().map(|(_, e)| rank(e)).min();
    let passed = ends
        .iter()
        .filter(|(_, e)| matches!(e, TestEnd::Passed))
        .count();
    let verdict = match worst {
        None => Verdict::NoTests,
        Some(4) => Verdict::TimedOut {
            limit: exercise.time_limit,
            running: ends
                .iter()
                .filter(|(_, e)| matches!(e, TestEnd::TimedOut))
                .map(|(n, _)| n.clone())
                .chain(never_ran.iter().cloned())
                .collect(),
            warnings: Vec::new(),
        },
        Some(6) => {
            let mut failed = Vec::new();
            let mut strays = Vec::new();
            for (_, end) in ends {
                if let TestEnd::Failed { test, strays: s } = end {
                    failed.push(test);
                    strays.extend(s);
                }
            }
            Verdict::TestsFail {
                failed,
                strays,
                passed,
                warnings: Vec::new(),
            }
        }
        Some(7) => Verdict::Pass {
            tests: passed,
            warnings: Vec::new(),
        },
        Some(worst) => {
            let end = ends
                .into_iter()
                .map(|(_, e)| e)
                .find(|e| rank(e) == worst)
                .expect("the worst end is one of them");
            match end {
                TestEnd::Interrupted => Verdict::Interrupted,
                TestEnd::Cancelled => Verdict::Cancelled,
                TestEnd::Flooded { head, stream } => Verdict::Flooded { head, stream },
                TestEnd::OutOfMemory { stderr_tail } => Verdict::OutOfMemory {
                    limit_mib: exercise.memory_limit_mib,
                    stderr_tail,
                },
                TestEnd::Crashed { how, stderr_tail } => Verdict::Crashed { how, stderr_tail },
                _ => unreachable!("ranked above"),
            }
        }
    };
    verdict.with_warnings(&warnings)
}

/// One test executable of one exercise.
pub struct TestRun<'a> {
    exercise: &'a Exercise,
    exe: &'a Path,
    programs: &'a [(String, PathBuf)],
    dir: &'a Path,
    lang: Lang,
}

impl<'a> TestRun<'a> {
    pub fn new(
        exercise: &'a Exercise,
        compiled: &'a Compiled,
        exe: usize,
        dir: &'a Path,
        lang: Lang,
    ) -> TestRun<'a> {
        TestRun {
            exercise,
            exe: &compiled.tests[exe],
            programs: &compiled.programs,
            dir,
            lang,
        }
    }

    fn command(&self) -> Command {
        let mut cmd = Command::new(self.exe);
        cmd.current_dir(self.dir)
            .env("COURSE_LANG", self.lang.code())
            // Backtraces would bury the message the test wrote for the
            // learner.
            .env("RUST_BACKTRACE", "0")
            .env_remove("RUST_TEST_NOCAPTURE")
            .env_remove("RUST_TEST_THREADS");
        // Where this build put the exercise's programs, for tests that find
        // them at run time (assert_cmd's `Command::cargo_bin`).
        for (name, path) in self.programs {
            cmd.env(format!("CARGO_BIN_EXE_{name}"), path);
        }
        cmd
    }

    fn limits(&self, time: Duration) -> Limits {
        Limits {
            time,
            output: OUTPUT_LIMIT,
            memory_mib: Some(self.exercise.memory_limit_mib),
        }
    }

    /// The executable's tests, from `--list --format terse`, read strictly:
    /// any other line means it is not the test harness it should be.
    pub fn list(&self, stops: Stops) -> Result<Vec<String>, Box<TestEnd>> {
        let mut cmd = self.command();
        cmd.args(["--list", "--format", "terse"]);
        let outcome = process::run(&mut cmd, self.limits(LIST_TIME), stops, &mut |_, _| {})
            .map_err(|e| {
                Box::new(TestEnd::Crashed {
                    how: Exit::Unknown(e.to_string()),
                    stderr_tail: String::new(),
                })
            })?;
        let stdout = String::from_utf8_lossy(&outcome.stdout);
        let stderr = String::from_utf8_lossy(&outcome.stderr);
        match outcome.ending {
            Ending::Exited(status) if status.success() => libtest::parse_terse_list(&stdout)
                .ok_or_else(|| {
                    Box::new(TestEnd::Crashed {
                        how: exit_of(status),
                        stderr_tail: tail_of(&stdout, 15),
                    })
                }),
            Ending::Exited(status) => Err(Box::new(TestEnd::Crashed {
                how: exit_of(status),
                stderr_tail: tail_of(&stderr, 15),
            })),
            other => Err(Box::new(self.cut_short(other, &stdout, &stderr))),
        }
    }

    /// Runs the test `name` alone, in a process of its own, until
    /// `deadline`.
    pub fn run_one(&self, name: &str, deadline: Instant, stops: Stops) -> io::Result<TestEnd> {
        let log = log_file(self.exe);
        let mut cmd = self.command();
        cmd.arg(name)
            .args([
                "--exact",
                "--nocapture",
                "--color",
                "never",
                "--test-threads",
                "1",
            ])
            .arg("--logfile")
            .arg(&log);
        let time = deadline.saturating_duration_since(Instant::now());
        let outcome = process::run(&mut cmd, self.limits(time), stops, &mut |_, _| {});
        // libtest's own record of the result: the learner's code shares
        // the test's stdout and stderr, not this file.
        let logged = fs::read_to_string(&log).unwrap_or_default();
        let _ = fs::remove_file(&log);
        let outcome = outcome?;
        let stdout = String::from_utf8_lossy(&outcome.stdout);
        let stderr = String::from_utf8_lossy(&outcome.stderr);
        // libtest's own word on the flag, not the test's.
        let stderr = stderr.replace(LOGFILE_WARNING, "");
        let Ending::Exited(status) = outcome.ending else {
            return Ok(self.cut_short(outcome.ending, &stdout, &stderr));
        };
        Ok(match libtest::logged_result(&logged, name) {
            Some(true) if status.success() => TestEnd::Passed,
            Some(false) => {
                let (test, strays) = libtest::failure(name, &stderr);
                TestEnd::Failed { test, strays }
            }
            _ if platform::ran_out_of_memory(status, &stderr) => TestEnd::OutOfMemory {
                stderr_tail: tail_of(&stderr, 15),
            },
            _ => TestEnd::Crashed {
                how: exit_of(status),
                stderr_tail: tail_of(&stderr, 15),
            },
        })
    }

    fn cut_short(&self, ending: Ending, stdout: &str, stderr: &str) -> TestEnd {
        match ending {
            Ending::Cancelled => TestEnd::Cancelled,
            Ending::Interrupted => TestEnd::Interrupted,
            Ending::TimedOut => TestEnd::TimedOut,
            Ending::Flooded(stream) => TestEnd::Flooded {
                head: head_of(match stream {
                    Stream::Stdout => stdout,
                    Stream::Stderr => stderr,
                }),
                stream,
            },
            Ending::Exited(status) => TestEnd::Crashed {
                how: exit_of(status),
                stderr_tail: tail_of(stderr, 15),
            },
        }
    }
}

/// What libtest prints on stderr when given `--logfile` (kept, though
/// deprecated, because it is the one record of a result that the test's
/// own output cannot imitate).
const LOGFILE_WARNING: &str = "warning: `--logfile` is deprecated";

/// How long listing an executable's tests may take.
const LIST_TIME: Duration = Duration::from_secs(10);

/// A file of its own for libtest's record of one run, beside the
/// executable (the build's folder is the runner's to write).
fn log_file(exe: &Path) -> PathBuf {
    static RUNS: AtomicUsize = AtomicUsize::new(0);
    let n = RUNS.fetch_add(1, Ordering::SeqCst);
    let name = format!(".course-run-{}-{n}.log", std::process::id());
    exe.with_file_name(name)
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

/// The first lines of a flood, without libtest's own header (`running 1
/// test`, and the `test NAME ... ` that a test run alone prints before its
/// output).
fn head_of(text: &str) -> String {
    text.lines()
        .filter(|l| !l.starts_with("running "))
        .map(|l| match l.split_once(" ... ") {
            Some((test, rest)) if test.starts_with("test ") => rest,
            _ => l,
        })
        .filter(|l| !l.trim().is_empty())
        .take(8)
        .collect::<Vec<_>>()
        .join("\n")
}

fn tail_of(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}
