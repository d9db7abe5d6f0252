//! `cargo xtask watch`: verify, then verify again on every save.
//!
//! The loop is the pattern the course teaches. Three kinds of producer send
//! [`Event`]s on one channel: the file watcher (a save), the keyboard reader
//! (a key), and the verifying thread (a result). This function is the one
//! consumer, and the only place that decides anything, so no state is
//! shared between threads except the cancel flag of the run in progress.
//!
//! - A save while a run is in progress cancels that run (its processes are
//!   ended) and starts a new one as soon as the old one has stopped, so a save
//!   is never lost and a hanging exercise never holds up the next verdict.
//! - Saves that arrive together (an editor writing several files, or a
//!   temporary file and a rename) are gathered into one run.
//! - Keys are read without Enter ([`platform::RawKeys`]), and the terminal
//!   is put back as it was on every way out.

use std::collections::VecDeque;
use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::RunError;
use crate::commands::verify::View;
use crate::commands::{self, hint, list, solution, warnings};
use crate::engine::course::{Course, Exercise};
use crate::engine::stage::Files;
use crate::engine::{Scope, Verdict};
use crate::flags;
use crate::platform::{self, Method};
use crate::texts::messages;
use crate::ui::Ui;

/// Saves closer together than this make one run.
const SETTLE: Duration = Duration::from_millis(60);
/// How often the loop looks at Ctrl-C when nothing else happens.
const TICK: Duration = Duration::from_millis(100);

enum Event {
    Saved,
    Key(u8),
    Verified(Result<Vec<Verdict>, RunError>),
}

pub fn run(course: &Course, ui: &Ui, options: &flags::Watch) -> Result<bool, RunError> {
    let solutions = options.solutions;
    let (tx, rx) = channel::<Event>();
    let method = watch_saves(course, options, &tx);
    // Key-by-key mode first, then the reader, so that no read starts while
    // the terminal still waits for whole lines.
    let _raw_keys = platform::RawKeys::enter();
    let keys = tx.clone();
    thread::spawn(move || {
        while let Some(key) = platform::read_key() {
            if keys.send(Event::Key(key)).is_err() {
                return;
            }
        }
    });

    let all: Vec<&Exercise> = course.exercises.iter().collect();
    thread::scope(|scope| {
        let mut state = State {
            course,
            ui,
            solutions,
            method,
            running: None,
            again: false,
            last: None,
        };
        let start = |cancel: &Arc<AtomicBool>| {
            let cancel = Arc::clone(cancel);
            let tx: Sender<Event> = tx.clone();
            let all = &all;
            scope.spawn(move || {
                let files = if solutions {
                    Files::Solutions
                } else {
                    Files::Learner
                };
                let result = commands::evaluate(
                    course,
                    ui,
                    files,
                    all,
                    Scope::UntilFirstFailure,
                    Some(&cancel),
                );
                let _ = tx.send(Event::Verified(result));
            });
        };
        state.begin(&start);
        let outcome = state.serve(&rx, &start);
        // Leave nothing running: cancel the run in progress and wait for
        // it to end its processes.
        if let Some(cancel) = state.running.take() {
            cancel.store(true, Ordering::SeqCst);
        }
        outcome
    })
}

/// Starts the file watchers; every save becomes an [`Event::Saved`].
fn watch_saves(course: &Course, options: &flags::Watch, tx: &Sender<Event>) -> Method {
    // The solutions take their tests from exercises/, so both count then.
    let mut watched = vec![course.root.join("exercises")];
    if options.solutions {
        watched.push(course.root.join("solutions"));
    }
    let mut method = Method::Events;
    for dir in &watched {
        let saves = tx.clone();
        let how = platform::watch(dir, options.poll, move || {
            let _ = saves.send(Event::Saved);
        });
        if how == Method::Polling {
            method = Method::Polling;
        }
    }
    method
}

struct State<'a> {
    course: &'a Course,
    ui: &'a Ui,
    solutions: bool,
    method: Method,
    /// The cancel flag of the run in progress.
    running: Option<Arc<AtomicBool>>,
    /// A save arrived during the run in progress: run again after it.
    again: bool,
    /// The latest complete verdicts.
    last: Option<Vec<Verdict>>,
}

impl State<'_> {
    fn begin(&mut self, start: &dyn Fn(&Arc<AtomicBool>)) {
        let cancel = Arc::new(AtomicBool::new(false));
        start(&cancel);
        self.running = Some(cancel);
        self.again = false;
        self.ui.status(&messages::checking(self.ui.lang));
    }

    fn serve(
        &mut self,
        rx: &Receiver<Event>,
        start: &dyn Fn(&Arc<AtomicBool>),
    ) -> Result<bool, RunError> {
        let mut held = VecDeque::new();
        loop {
            if platform::interrupted() {
                self.goodbye();
                return Ok(true);
            }
            let event = match held.pop_front() {
                Some(event) => Ok(event),
                None => rx.recv_timeout(TICK),
            };
            match event {
                Ok(Event::Saved) => {
                    settle(rx, &mut held);
                    match &self.running {
                        Some(cancel) => {
                            cancel.store(true, Ordering::SeqCst);
                            self.again = true;
                        }
                        None => self.begin(start),
                    }
                }
                Ok(Event::Verified(result)) => {
                    self.running = None;
                    if self.again {
                        self.begin(start);
                        continue;
                    }
                    let verdicts = result?;
                    self.show_verdicts(&verdicts);
                    self.last = Some(verdicts);
                }
                Ok(Event::Key(key)) => match key {
                    b'q' | b'Q' | 3 | 4 => {
                        self.goodbye();
                        return Ok(true);
                    }
                    b'h' | b'H' => self.show_hint(),
                    b'l' | b'L' => self.show_list(),
                    b's' | b'S' => self.show_solution()?,
                    // Enter runs the check again, for when a save was not
                    // noticed.
                    b'\n' | b'\r' if self.running.is_none() => self.begin(start),
                    _ => {}
                },
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => return Ok(true),
            }
        }
    }

    fn next(&self) -> Option<&Exercise> {
        let verdicts = self.last.as_ref()?;
        let i = verdicts.iter().position(|v| !v.passed())?;
        self.course.exercises.get(i)
    }

    fn show_verdicts(&self, verdicts: &[Verdict]) {
        let ui = self.ui;
        ui.clear_status();
        let all: Vec<&Exercise> = self.course.exercises.iter().collect();
        let mut out = String::new();
        if ui.tty {
            // Clear the screen and the scrollback, then start at the top.
            out.push_str("\x1b[2J\x1b[3J\x1b[H");
        } else {
            out.push_str("\n────────\n");
        }
        out.push_str(&warnings(self.course, ui, &all).0);
        let view = View {
            course: self.course,
            ui,
            learner: !self.solutions,
            single: false,
        };
        out.push_str(&view.report(&all, verdicts));
        out.push_str(&self.footer());
        print_now(&out);
    }

    fn footer(&self) -> String {
        let ui = self.ui;
        let polling = self.method == Method::Polling;
        format!(
            "\n{}\n{}\n",
            ui.dim(&messages::watching(ui.lang, polling)),
            ui.bold(&messages::watch_keys(ui.lang))
        )
    }

    fn show_hint(&self) {
        let text = match self.next() {
            Some(exercise) => hint::render(self.course, self.ui, exercise),
            None => self.nothing_yet(),
        };
        print_now(&format!("\n{text}"));
    }

    fn show_list(&self) {
        let verdicts = self.last.as_deref().unwrap_or(&[]);
        print_now(&format!(
            "\n{}",
            list::render(self.course, self.ui, verdicts)
        ));
    }

    fn show_solution(&self) -> Result<(), RunError> {
        let Some(verdicts) = &self.last else {
            print_now(&format!("\n{}", self.nothing_yet()));
            return Ok(());
        };
        let done = verdicts.iter().take_while(|v| v.passed()).count();
        let text = match done
            .checked_sub(1)
            .and_then(|i| self.course.exercises.get(i))
        {
            Some(exercise) => solution::render(self.course, self.ui, exercise)?,
            None => messages::finish_one_first(self.ui.lang),
        };
        print_now(&format!("\n{text}"));
        Ok(())
    }

    fn nothing_yet(&self) -> String {
        messages::nothing_yet(self.ui.lang, self.last.is_some())
    }

    fn goodbye(&self) {
        self.ui.clear_status();
        print_now(&format!("{}\n", messages::bye(self.ui.lang)));
    }
}

/// Waits until saves stop arriving for [`SETTLE`], swallowing them; any
/// other event that arrives meanwhile is kept, in order, in `held`.
fn settle(rx: &Receiver<Event>, held: &mut VecDeque<Event>) {
    let mut quiet_since = Instant::now();
    loop {
        let left = SETTLE.saturating_sub(quiet_since.elapsed());
        if left.is_zero() {
            return;
        }
        match rx.recv_timeout(left) {
            Ok(Event::Saved) => quiet_since = Instant::now(),
            Ok(other) => held.push_back(other),
            Err(_) => return,
        }
    }
}

fn print_now(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}
