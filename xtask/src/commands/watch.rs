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
use crate::commands;
use crate::engine::course::{Course, Exercise};
use crate::engine::progress::Progress;
use crate::engine::stage::Files;
use crate::engine::{Scope, Verdict};
use crate::flags;
use crate::platform::{self, Method};
use crate::texts::messages;
use crate::ui::Ui;
use crate::views::verdicts::View;
use crate::views::{hints, list, solution, warnings};

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

    // `watch 11` stays on one exercise, judged whatever the ones before it
    // say; otherwise the course in order, up to the first that fails.
    let only = match &options.exercise {
        Some(name) => Some(course.select(name)?),
        None => None,
    };
    let all: Vec<&Exercise> = match only {
        Some(exercise) => vec![exercise],
        None => course.exercises.iter().collect(),
    };
    let scope_of_run = if only.is_some() {
        Scope::All
    } else {
        Scope::UntilFirstFailure
    };
    thread::scope(|scope| {
        let mut state = State {
            course,
            ui,
            solutions,
            method,
            only,
            running: None,
            again: false,
            last: None,
            shown: None,
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
                let result =
                    commands::evaluate(course, ui, files, all, scope_of_run, Some(&cancel));
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
    /// The one exercise watched (`watch 11`), if one was named.
    only: Option<&'a Exercise>,
    /// The cancel flag of the run in progress.
    running: Option<Arc<AtomicBool>>,
    /// A save arrived during the run in progress: run again after it.
    again: bool,
    /// The latest complete verdicts.
    last: Option<Vec<Verdict>>,
    /// The whole report shown last (before it was fitted to the screen).
    shown: Option<String>,
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
                    b'v' | b'V' => self.show_whole(),
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
        if self.only.is_some() {
            return self.only;
        }
        let verdicts = self.last.as_ref()?;
        let i = Progress::of(verdicts, verdicts.len()).next?;
        self.course.exercises.get(i)
    }

    fn exercises(&self) -> Vec<&Exercise> {
        match self.only {
            Some(exercise) => vec![exercise],
            None => self.course.exercises.iter().collect(),
        }
    }

    fn show_verdicts(&mut self, verdicts: &[Verdict]) {
        let ui = self.ui;
        ui.clear_status();
        let exercises = self.exercises();
        let mut report = warnings(self.course, ui, &exercises).0;
        let view = View {
            course: self.course,
            ui,
            learner: !self.solutions,
            single: self.only.is_some(),
        };
        report.push_str(&view.report(&exercises, verdicts));
        let same = self.shown.as_deref() == Some(report.as_str());
        let mut footer = String::new();
        if same {
            let clock = platform::clock();
            footer = format!("\n{}", ui.good(&messages::same_result(ui.lang, &clock)));
        }
        footer.push_str(&self.footer());
        let mut out = String::new();
        if ui.tty {
            // Clear the screen and the scrollback, then start at the top.
            out.push_str("\x1b[2J\x1b[3J\x1b[H");
        } else {
            out.push_str("\n────────\n");
        }
        // The headline and the first error are at the top, where the eye
        // lands after the screen is cleared: what does not fit below them
        // is left for `v`, not scrolled over them.
        let number = Progress::of(verdicts, verdicts.len())
            .next
            .and_then(|i| exercises.get(i))
            .map_or(0, |e| e.number);
        match ui.rows {
            Some(rows) => {
                let room = rows.saturating_sub(screen_rows(&footer, ui.width) + 1);
                out.push_str(&fit(&report, room, ui.width, |hidden| {
                    ui.dim(&ui.wrap(&messages::more_below(ui.lang, hidden, number)))
                }));
            }
            None => out.push_str(&report),
        }
        out.push_str(&footer);
        print_now(&out);
        self.shown = Some(report);
    }

    fn footer(&self) -> String {
        let ui = self.ui;
        let polling = self.method == Method::Polling;
        format!(
            "\n{}\n{}\n",
            ui.dim(&ui.wrap(&messages::watching(ui.lang, polling))),
            ui.bold(&ui.wrap(&messages::watch_keys(ui.lang)))
        )
    }

    /// The whole report shown last, below what is on the screen.
    fn show_whole(&self) {
        match &self.shown {
            Some(report) => print_now(&format!("\n{report}")),
            None => print_now(&format!("\n{}", self.nothing_yet())),
        }
    }

    fn show_hint(&self) {
        let text = match self.next() {
            Some(exercise) => hints::next(self.course, self.ui, exercise, hints::Asked::WatchKey),
            None => self.nothing_yet(),
        };
        print_now(&format!("\n{text}"));
    }

    fn show_list(&self) {
        let verdicts = self.last.as_deref().unwrap_or(&[]);
        let verdicts = if self.only.is_some() { &[] } else { verdicts };
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
        let last_solved = Progress::of(verdicts, verdicts.len()).last_solved();
        let text = match last_solved.and_then(|i| self.exercises().get(i).copied()) {
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

/// The rows `text` takes on a screen `width` columns wide (a line wider
/// than the screen takes several).
fn screen_rows(text: &str, width: usize) -> usize {
    text.lines().map(|line| line_rows(line, width)).sum()
}

/// The rows one line takes (an empty one takes one too).
fn line_rows(line: &str, width: usize) -> usize {
    crate::texts::wrap::columns(line)
        .div_ceil(width.max(1))
        .max(1)
}

/// The first lines of `report` that fit in `room` rows, the last of them
/// saying how many were left out (`more` makes that line).
fn fit(report: &str, room: usize, width: usize, more: impl Fn(usize) -> String) -> String {
    if screen_rows(report, width) <= room {
        return report.to_owned();
    }
    let lines: Vec<&str> = report.lines().collect();
    let mut kept = String::new();
    let mut used = 0;
    for (i, line) in lines.iter().enumerate() {
        let rows = line_rows(line, width);
        // One row stays free for the line that counts the rest.
        if used + rows + 1 > room {
            let note = more(lines.len() - i);
            kept.push_str(&note);
            kept.push('\n');
            return kept;
        }
        kept.push_str(line);
        kept.push('\n');
        used += rows;
    }
    kept
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_too_tall_keeps_its_first_lines_and_counts_the_rest() {
        let report = "headline\n\nfirst error\n\n".to_owned() + &"x\n".repeat(40);
        let fitted = fit(&report, 10, 80, |n| format!("{n} more"));
        let lines: Vec<&str> = fitted.lines().collect();
        assert_eq!(lines.len(), 10, "{fitted}");
        assert_eq!(lines[0], "headline");
        assert_eq!(lines[2], "first error");
        assert_eq!(lines[9], "35 more");
        assert_eq!(fit("a\nb\n", 10, 80, |_| unreachable!()), "a\nb\n");
    }

    #[test]
    fn wide_lines_take_several_rows_and_blank_lines_one() {
        assert_eq!(screen_rows("\n\n", 80), 2);
        assert_eq!(screen_rows(&"y".repeat(161), 80), 3);
        assert_eq!(screen_rows("\x1b[31mred\x1b[0m", 80), 1);
    }
}
