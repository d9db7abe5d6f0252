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
//! - Keys are read without Enter: the terminal is put in non-canonical,
//!   no-echo mode with `stty`, and put back as it was on every way out.

use std::collections::VecDeque;
use std::io::{IsTerminal, Read, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::Failure;
use crate::changes::{self, Method};
use crate::compile::Side;
use crate::course::{Course, Exercise};
use crate::flags;
use crate::sys;
use crate::ui::Ui;
use crate::verify::{self, Scope, Verdict};
use crate::{hint, list, solution};

/// Saves closer together than this make one run.
const SETTLE: Duration = Duration::from_millis(60);
/// How often the loop looks at Ctrl-C when nothing else happens.
const TICK: Duration = Duration::from_millis(100);

enum Event {
    Saved,
    Key(u8),
    Verified(std::io::Result<Vec<Verdict>>),
}

pub fn run(course: &Course, ui: &Ui, options: &flags::Watch) -> Result<bool, Failure> {
    let side = if options.solutions {
        Side::Solutions
    } else {
        Side::Exercises
    };
    let (tx, rx) = channel::<Event>();

    let saves = tx.clone();
    // The solutions take their tests from exercises/, so both count then.
    let watched = match side {
        Side::Exercises => vec![course.root.join("exercises")],
        Side::Solutions => vec![course.root.join("solutions"), course.root.join("exercises")],
    };
    let mut method = Method::Events;
    for dir in &watched {
        let saves = saves.clone();
        let how = changes::watch(dir, options.poll, move || {
            let _ = saves.send(Event::Saved);
        });
        if how == Method::Polling {
            method = Method::Polling;
        }
    }
    drop(saves);
    let keys = tx.clone();
    thread::spawn(move || read_keys(keys));
    let _terminal = RawTerminal::enter();

    let all: Vec<&Exercise> = course.exercises.iter().collect();
    thread::scope(|scope| {
        let mut state = State {
            course,
            ui,
            side,
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
                let result = verify::evaluate(
                    course,
                    side,
                    all,
                    Scope::UntilFirstFailure,
                    ui,
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

struct State<'a> {
    course: &'a Course,
    ui: &'a Ui,
    side: Side,
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
        self.ui.status(self.ui.t("Checking…", "Conferindo…"));
    }

    fn serve(
        &mut self,
        rx: &Receiver<Event>,
        start: &dyn Fn(&Arc<AtomicBool>),
    ) -> Result<bool, Failure> {
        let mut held = VecDeque::new();
        loop {
            if sys::interrupted() {
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
        out.push_str(&verify::report(
            self.course,
            ui,
            self.side,
            &all,
            verdicts,
            false,
        ));
        out.push_str(&self.footer());
        print_now(&out);
    }

    fn footer(&self) -> String {
        let ui = self.ui;
        let how = match self.method {
            Method::Events => "",
            Method::Polling => ui.t(" (polling)", " (por consulta periódica)"),
        };
        format!(
            "\n{}{how}\n{}\n",
            ui.dim(ui.t(
                "Watching for saves: edit and save, the result updates here.",
                "Observando salvamentos: edite e salve, o resultado aparece aqui."
            )),
            ui.bold(ui.t(
                "h hint · l list · s solution · Enter check again · q quit",
                "h dica · l lista · s solução · Enter conferir de novo · q sair"
            ))
        )
    }

    fn show_hint(&self) {
        let text = match self.next() {
            Some(exercise) => hint::show(self.course, self.ui, exercise),
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

    fn show_solution(&self) -> Result<(), Failure> {
        let Some(verdicts) = &self.last else {
            print_now(&format!("\n{}", self.nothing_yet()));
            return Ok(());
        };
        let done = verdicts.iter().take_while(|v| v.passed()).count();
        let text = match done
            .checked_sub(1)
            .and_then(|i| self.course.exercises.get(i))
        {
            Some(exercise) => solution::show(self.course, self.ui, exercise)?,
            None => self
                .ui
                .t(
                    "Finish an exercise first; its solution is shown here then.\n",
                    "Conclua um exercício primeiro; a solução dele aparece aqui depois.\n",
                )
                .to_owned(),
        };
        print_now(&format!("\n{text}"));
        Ok(())
    }

    fn nothing_yet(&self) -> String {
        let ui = self.ui;
        match &self.last {
            None => ui.t(
                "Wait for the first result.\n",
                "Aguarde o primeiro resultado.\n",
            ),
            Some(_) => ui.t("Every exercise passes.\n", "Todos os exercícios passam.\n"),
        }
        .to_owned()
    }

    fn goodbye(&self) {
        self.ui.clear_status();
        print_now(&format!("{}\n", self.ui.t("Bye!", "Até mais!")));
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

/// Sends every byte read from stdin as a key. When stdin ends (no
/// terminal, nothing piped), the reader stops and watch mode goes on.
fn read_keys(tx: Sender<Event>) {
    let mut stdin = std::io::stdin();
    let mut byte = [0u8; 1];
    while let Ok(1) = stdin.read(&mut byte) {
        if tx.send(Event::Key(byte[0])).is_err() {
            return;
        }
    }
}

/// The terminal in non-canonical, no-echo mode while this value lives.
struct RawTerminal {
    saved: String,
}

impl RawTerminal {
    fn enter() -> Option<RawTerminal> {
        if !cfg!(unix) || !std::io::stdin().is_terminal() {
            return None;
        }
        let stty = |args: &[&str]| {
            Command::new("stty")
                .args(args)
                .stdin(Stdio::inherit())
                .stderr(Stdio::null())
                .output()
                .ok()
                .filter(|o| o.status.success())
        };
        let saved = String::from_utf8(stty(&["-g"])?.stdout)
            .ok()?
            .trim()
            .to_owned();
        // Keep ISIG: Ctrl-C still raises SIGINT, which the runner handles.
        stty(&["-icanon", "-echo", "min", "1"])?;
        Some(RawTerminal { saved })
    }
}

impl Drop for RawTerminal {
    fn drop(&mut self) {
        let _ = Command::new("stty")
            .arg(&self.saved)
            .stdin(Stdio::inherit())
            .status();
    }
}
