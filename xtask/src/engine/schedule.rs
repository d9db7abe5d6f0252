//! Which test runs next: one test per process, in course order.
//!
//! Every built exercise's test executables are first listed
//! (`--list --format terse`), then each listed test runs in a process of
//! its own ([`crate::engine::judge::run_one`]), so that a verdict comes from
//! the structure of what ran (which tests exist, how each process ended,
//! what libtest itself wrote) rather than from reading one stream that the
//! learner's code also writes to.
//!
//! The work is the worker-pool pattern the course teaches: a few workers
//! share one queue (`Arc`-free here, a `Mutex<Receiver>` borrowed by scoped
//! threads) and send what they found back to one coordinator, the only
//! place that decides. The coordinator hands out work only as workers
//! become free, so it picks every next unit itself:
//!
//! - in course order: the lowest exercise with work left goes first, so the
//!   exercise that decides is never queued behind later ones;
//! - with [`Scope::UntilFirstFailure`], nothing starts for an exercise until
//!   every earlier one has passed: no test past the exercise that decides
//!   ever runs, and none takes a core from the deciding exercise's tests or
//!   from the compiler that builds it (passes are remembered, so the
//!   exercises before the learner's are found at once);
//! - once the answer is known (or the caller cancels), nothing more starts,
//!   and what runs is ended through the shared `stop` flag.
//!
//! The tests of one exercise share one deadline (its time limit from its
//! first test's start), as they shared one process before: a hang is
//! reported within the limit, however many tests wait on it.

use std::collections::VecDeque;
use std::io;
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::engine::build::Compiled;
use crate::engine::course::Exercise;
use crate::engine::judge::{self, Scope, TestEnd, Verdict};
use crate::engine::process::Stops;
use crate::engine::{Error, Event, Options};

/// What the coordinator hears.
pub enum Msg {
    /// An exercise's tests can run.
    Built {
        index: usize,
        compiled: Compiled,
        run_dir: PathBuf,
    },
    /// An exercise's verdict, found without running anything (a pass
    /// remembered, a compile error); `Err` when the runner itself failed.
    Found(usize, io::Result<Verdict>),
    /// Nothing more will be built or found.
    FeedDone,
    Listed {
        index: usize,
        exe: usize,
        names: Result<Vec<String>, Box<TestEnd>>,
    },
    Ran {
        index: usize,
        name: String,
        end: io::Result<TestEnd>,
    },
}

/// One piece of work for a worker.
enum Unit {
    List {
        index: usize,
        exe: usize,
        compiled: Compiled,
        run_dir: PathBuf,
    },
    Test {
        index: usize,
        exe: usize,
        name: String,
        compiled: Compiled,
        run_dir: PathBuf,
        deadline: Instant,
    },
}

/// One exercise's work, as the coordinator tracks it.
#[derive(Default)]
struct Work {
    /// Its build, once its tests can run.
    built: Option<(Compiled, PathBuf)>,
    /// Executables not yet handed out for listing.
    unlisted: VecDeque<usize>,
    /// Executables whose list has not come back.
    listing: usize,
    pending: VecDeque<(usize, String)>,
    running: usize,
    deadline: Option<Instant>,
    ends: Vec<(String, TestEnd)>,
    verdict: Option<Verdict>,
}

impl Work {
    fn in_flight(&self) -> bool {
        self.listing > 0 || self.running > 0
    }

    /// Built, with nothing left to list, start or wait for.
    fn finished(&self) -> bool {
        self.built.is_some()
            && self.verdict.is_none()
            && self.unlisted.is_empty()
            && !self.in_flight()
            && (self.pending.is_empty() || self.past_deadline())
    }

    fn past_deadline(&self) -> bool {
        self.deadline.is_some_and(|d| Instant::now() >= d)
    }
}

struct Coordinator<'a> {
    exercises: &'a [&'a Exercise],
    options: &'a Options<'a>,
    stop: &'a AtomicBool,
    /// How many exercises, from the first, have passed so far.
    passed: &'a AtomicUsize,
    work: Vec<Work>,
    free: usize,
    feed_done: bool,
    finished: usize,
}

/// Runs `workers` workers and the coordinator while `feed` (on the calling
/// thread) sends what the build produces; returns the verdicts found, in
/// course order, None where nothing decided. `passed` tells the feed, as
/// the verdicts come, how many exercises from the first have passed.
pub fn run(
    exercises: &[&Exercise],
    options: &Options,
    stop: &AtomicBool,
    passed: &AtomicUsize,
    feed: impl FnOnce(&Sender<Msg>) -> Result<(), Error>,
) -> Result<Vec<Option<Verdict>>, Error> {
    // Tests spend most of their time waiting on channels and sleeps, so
    // more run at once than there are cores: enough for one exercise's
    // tests side by side on two cores (06 has five, each running the
    // program it tests).
    let workers = thread::available_parallelism()
        .map_or(2, |n| 2 * n.get() + 2)
        .clamp(4, 10);
    let (msg_tx, msg_rx) = channel::<Msg>();
    let (work_tx, work_rx) = channel::<Unit>();
    let work_rx = Mutex::new(work_rx);
    thread::scope(|scope| {
        for _ in 0..workers {
            let msg_tx = msg_tx.clone();
            let work_rx = &work_rx;
            scope.spawn(move || {
                // The lock is held only while taking the next unit.
                while let Ok(Ok(unit)) = work_rx.lock().map(|rx| rx.recv()) {
                    let msg = perform(unit, exercises, options, stop);
                    if msg_tx.send(msg).is_err() {
                        return;
                    }
                }
            });
        }
        let coordinator = Coordinator {
            exercises,
            options,
            stop,
            passed,
            work: exercises.iter().map(|_| Work::default()).collect(),
            free: workers,
            feed_done: false,
            finished: 0,
        };
        let decided = scope.spawn(move || coordinator.run(&msg_rx, work_tx));
        let fed = feed(&msg_tx);
        let _ = msg_tx.send(Msg::FeedDone);
        drop(msg_tx);
        let results = decided
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("a thread of the runner panicked")));
        fed.and(results.map_err(Error::from))
    })
}

/// What ends a test's process early: the judge's `stop` (the answer is
/// known, or the caller cancelled), and Ctrl-C.
fn stops<'a>(options: &Options<'a>, stop: &'a AtomicBool) -> Stops<'a> {
    Stops {
        cancel: Some(stop),
        interrupt: Some(options.interrupt),
    }
}

/// A worker's part: one unit done.
fn perform(unit: Unit, exercises: &[&Exercise], options: &Options, stop: &AtomicBool) -> Msg {
    match unit {
        Unit::List {
            index,
            exe,
            compiled,
            run_dir,
        } => {
            let run = judge::TestRun::new(exercises[index], &compiled, exe, &run_dir, options.lang);
            Msg::Listed {
                index,
                exe,
                names: run.list(stops(options, stop)),
            }
        }
        Unit::Test {
            index,
            exe,
            name,
            compiled,
            run_dir,
            deadline,
        } => {
            let run = judge::TestRun::new(exercises[index], &compiled, exe, &run_dir, options.lang);
            let end = run.run_one(&name, deadline, stops(options, stop));
            Msg::Ran { index, name, end }
        }
    }
}

impl Coordinator<'_> {
    fn run(
        mut self,
        inbox: &Receiver<Msg>,
        work: Sender<Unit>,
    ) -> io::Result<Vec<Option<Verdict>>> {
        loop {
            if !self.stopping() {
                self.dispatch(&work);
            }
            // Nothing running after a dispatch: nothing more can start
            // until the feed brings more.
            let busy = self.work.iter().any(Work::in_flight);
            if self.feed_done && !busy {
                break;
            }
            match inbox.recv_timeout(Duration::from_millis(25)) {
                Ok(msg) => self.hear(msg)?,
                Err(RecvTimeoutError::Timeout) => {}
                // The feed and every worker are gone.
                Err(RecvTimeoutError::Disconnected) => break,
            }
            let cancelled = self
                .options
                .cancel
                .is_some_and(|c| c.load(Ordering::SeqCst));
            if cancelled || self.options.interrupt.load(Ordering::SeqCst) {
                self.stop.store(true, Ordering::SeqCst);
            }
            self.conclude();
        }
        drop(work);
        Ok(self.work.into_iter().map(|w| w.verdict).collect())
    }

    fn stopping(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    fn hear(&mut self, msg: Msg) -> io::Result<()> {
        match msg {
            Msg::Built {
                index,
                compiled,
                run_dir,
            } => {
                let w = &mut self.work[index];
                w.unlisted = (0..compiled.tests.len()).collect();
                w.built = Some((compiled, run_dir));
            }
            Msg::Found(index, verdict) => {
                let verdict = verdict.inspect_err(|_| self.stop.store(true, Ordering::SeqCst))?;
                self.decide(index, verdict);
            }
            Msg::FeedDone => self.feed_done = true,
            Msg::Listed { index, exe, names } => {
                self.free += 1;
                let w = &mut self.work[index];
                w.listing -= 1;
                match names {
                    Ok(names) => w.pending.extend(names.into_iter().map(|n| (exe, n))),
                    Err(end) => {
                        w.ends.push((String::new(), *end));
                        w.unlisted.clear();
                        w.pending.clear();
                    }
                }
            }
            Msg::Ran { index, name, end } => {
                self.free += 1;
                let w = &mut self.work[index];
                w.running -= 1;
                let end = end.inspect_err(|_| self.stop.store(true, Ordering::SeqCst))?;
                w.ends.push((name, end));
            }
        }
        Ok(())
    }

    /// Hands out units while workers are free, lowest exercise first.
    fn dispatch(&mut self, work: &Sender<Unit>) {
        while self.free > 0 {
            let Some(unit) = self.next_unit() else {
                return;
            };
            self.free -= 1;
            if work.send(unit).is_err() {
                return;
            }
        }
    }

    fn next_unit(&mut self) -> Option<Unit> {
        let until_first_failure = self.options.scope == Scope::UntilFirstFailure;
        for (index, exercise) in self.exercises.iter().enumerate() {
            // With `UntilFirstFailure`, an exercise whose verdict is not
            // known yet decides: nothing after it starts.
            if until_first_failure && index > 0 && self.work[index - 1].verdict.is_none() {
                return None;
            }
            let w = &mut self.work[index];
            if w.verdict.is_some() {
                continue;
            }
            let Some((compiled, run_dir)) = &w.built else {
                continue;
            };
            if let Some(exe) = w.unlisted.pop_front() {
                w.listing += 1;
                return Some(Unit::List {
                    index,
                    exe,
                    compiled: compiled.clone(),
                    run_dir: run_dir.clone(),
                });
            }
            if w.past_deadline() {
                continue;
            }
            if let Some((exe, name)) = w.pending.pop_front() {
                let deadline = *w
                    .deadline
                    .get_or_insert_with(|| Instant::now() + exercise.time_limit);
                w.running += 1;
                return Some(Unit::Test {
                    index,
                    exe,
                    name,
                    compiled: compiled.clone(),
                    run_dir: run_dir.clone(),
                    deadline,
                });
            }
        }
        None
    }

    /// Turns every exercise whose tests have all ended into a verdict.
    fn conclude(&mut self) {
        for index in 0..self.work.len() {
            if self.work[index].finished() {
                let w = &mut self.work[index];
                let ends = std::mem::take(&mut w.ends);
                let never_ran: Vec<String> = w.pending.drain(..).map(|(_, n)| n).collect();
                let warnings = w
                    .built
                    .as_ref()
                    .map(|(c, _)| c.warnings.clone())
                    .unwrap_or_default();
                let verdict = judge::fold(self.exercises[index], ends, &never_ran, warnings);
                self.decide(index, verdict);
            }
        }
    }

    fn decide(&mut self, index: usize, verdict: Verdict) {
        let w = &mut self.work[index];
        if w.verdict.is_some() {
            return;
        }
        w.verdict = Some(verdict);
        w.pending.clear();
        w.unlisted.clear();
        self.finished += 1;
        (self.options.observer)(Event::Testing {
            done: self.finished,
            total: self.exercises.len(),
        });
        let leading = self
            .work
            .iter()
            .take_while(|w| w.verdict.as_ref().is_some_and(Verdict::passed))
            .count();
        self.passed.store(leading, Ordering::SeqCst);
        if self.options.scope == Scope::UntilFirstFailure {
            let verdicts: Vec<Option<&Verdict>> =
                self.work.iter().map(|w| w.verdict.as_ref()).collect();
            if judge::settled(&verdicts) {
                self.stop.store(true, Ordering::SeqCst);
            }
        }
    }
}
