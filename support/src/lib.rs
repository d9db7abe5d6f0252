//! Helpers for the exercises' tests.
//!
//! Three promises, so that a learner's broken code gives a readable failure
//! instead of a frozen terminal:
//!
//! - **Every wait is bounded.** [`recv_within`], [`collect_within`],
//!   [`closed_within`], [`join_within`] and [`finishes_within`] give up after
//!   a limit and fail the test with a message about channels.
//! - **Messages speak the learner's language.** The runner passes the chosen
//!   language in `COURSE_LANG`; [`lang`] falls back to the usual locale
//!   variables. [`fail`] and [`check`] take both texts, so a test cannot
//!   forget one of them.
//! - **Who sent what, and when, can be recorded.** [`Arrival`] keeps the time
//!   a message was received; [`Stamped`] keeps the thread and time it was made.

use std::fmt::{self, Debug, Display};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

/// How long a test waits for something that should take milliseconds.
///
/// Generous on purpose: a loaded two-core machine must never make a correct
/// solution fail. Only broken code ever waits this long.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// A language the course speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

/// The learner's language: `COURSE_LANG` (set by the runner), else the first
/// non-empty of `LC_ALL`, `LC_MESSAGES`, `LANG`; a value starting with `pt`
/// means Brazilian Portuguese, anything else English.
pub fn lang() -> Lang {
    let from = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let chosen = from("COURSE_LANG")
        .or_else(|| from("LC_ALL"))
        .or_else(|| from("LC_MESSAGES"))
        .or_else(|| from("LANG"));
    match chosen {
        Some(v) if v.to_ascii_lowercase().starts_with("pt") => Lang::PtBr,
        _ => Lang::En,
    }
}

/// Picks the text for the learner's language.
pub fn tr<T>(en: T, pt: T) -> T {
    match lang() {
        Lang::En => en,
        Lang::PtBr => pt,
    }
}

/// Fails the test with a message in the learner's language.
#[track_caller]
pub fn fail(en: impl Display, pt: impl Display) -> ! {
    match lang() {
        Lang::En => panic!("{en}"),
        Lang::PtBr => panic!("{pt}"),
    }
}

/// Fails the test unless `condition` holds.
#[track_caller]
pub fn check(condition: bool, en: impl Display, pt: impl Display) {
    if !condition {
        fail(en, pt);
    }
}

/// A duration the way a person reads it: `250 ms`, `1.5 s`.
pub fn human(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    }
}

/// Receives one message, waiting at most `limit`.
///
/// Fails the test if nothing arrives in time (a producer that never sends, or
/// sends on another channel) or if every `Sender` is gone first.
#[track_caller]
pub fn recv_within<T>(rx: &Receiver<T>, limit: Duration) -> T {
    match rx.recv_timeout(limit) {
        Ok(message) => message,
        Err(RecvTimeoutError::Timeout) => fail(
            format!(
                "no message arrived within {}: is anything sending on this channel? \
                 (check that the Sender you use belongs to this Receiver)",
                human(limit)
            ),
            format!(
                "nenhuma mensagem chegou em {}: alguém está enviando neste canal? \
                 (confira se o Sender usado é o par deste Receiver)",
                human(limit)
            ),
        ),
        Err(RecvTimeoutError::Disconnected) => fail(
            "the channel closed before a message arrived: every Sender was dropped without sending",
            "o canal fechou antes de chegar uma mensagem: todos os Senders foram descartados sem enviar nada",
        ),
    }
}

/// A message together with the moment the test received it.
#[derive(Clone, Debug)]
pub struct Arrival<T> {
    pub value: T,
    pub at: Instant,
}

/// Receives exactly `count` messages, all within `limit` in total, noting
/// when each arrived.
#[track_caller]
pub fn collect_within<T>(rx: &Receiver<T>, count: usize, limit: Duration) -> Vec<Arrival<T>> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::with_capacity(count);
    while got.len() < count {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(value) => got.push(Arrival {
                value,
                at: Instant::now(),
            }),
            Err(RecvTimeoutError::Timeout) => fail(
                format!(
                    "expected {count} messages but only {} arrived within {}",
                    got.len(),
                    human(limit)
                ),
                format!(
                    "eram esperadas {count} mensagens, mas só {} chegaram em {}",
                    got.len(),
                    human(limit)
                ),
            ),
            Err(RecvTimeoutError::Disconnected) => fail(
                format!(
                    "expected {count} messages but the channel closed after {}: \
                     the producers stopped (or were dropped) too early",
                    got.len()
                ),
                format!(
                    "eram esperadas {count} mensagens, mas o canal fechou depois de {}: \
                     os produtores pararam (ou foram descartados) cedo demais",
                    got.len()
                ),
            ),
        }
    }
    got
}

/// Receives every message until the channel closes, which must happen within
/// `limit`. Returns what arrived, in order.
///
/// The channel closes when the last `Sender` is dropped; if it does not, some
/// clone of `tx` is still alive somewhere, and the test says so.
#[track_caller]
pub fn closed_within<T>(rx: &Receiver<T>, limit: Duration) -> Vec<Arrival<T>> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::new();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(value) => got.push(Arrival {
                value,
                at: Instant::now(),
            }),
            Err(RecvTimeoutError::Disconnected) => return got,
            Err(RecvTimeoutError::Timeout) => fail(
                format!(
                    "the channel was still open after {} ({} messages received): \
                     a receiver keeps waiting while any Sender is alive. \
                     Is a clone of tx (or tx itself) never dropped?",
                    human(limit),
                    got.len()
                ),
                format!(
                    "o canal continuava aberto depois de {} ({} mensagens recebidas): \
                     o receptor espera enquanto existir algum Sender. \
                     Algum clone de tx (ou o próprio tx) nunca é descartado?",
                    human(limit),
                    got.len()
                ),
            ),
        }
    }
}

/// Joins a thread, waiting at most `limit`. A panic in the thread fails the
/// test with the thread's own message.
#[track_caller]
pub fn join_within<T>(handle: JoinHandle<T>, limit: Duration) -> T {
    join_within_or(
        handle,
        limit,
        (
            format!(
                "the thread did not finish within {}: is it stuck in recv() while a Sender \
                 is still alive, or in a loop that never ends?",
                human(limit)
            ),
            format!(
                "a thread não terminou em {}: ela está presa em recv() enquanto ainda existe \
                 um Sender, ou num laço que nunca acaba?",
                human(limit)
            ),
        ),
    )
}

/// [`join_within`] with the test's own message for a thread that does not
/// finish in time, in both languages.
#[track_caller]
pub fn join_within_or<T>(
    handle: JoinHandle<T>,
    limit: Duration,
    on_timeout: (impl Display, impl Display),
) -> T {
    let deadline = Instant::now() + limit;
    while !handle.is_finished() {
        if Instant::now() >= deadline {
            fail(on_timeout.0, on_timeout.1);
        }
        thread::sleep(Duration::from_millis(2));
    }
    match handle.join() {
        Ok(value) => value,
        Err(payload) => fail(
            format!("a spawned thread panicked: {}", panic_text(&*payload)),
            format!(
                "uma thread criada entrou em pânico: {}",
                panic_text(&*payload)
            ),
        ),
    }
}

/// Runs `work` on a thread of its own and waits at most `limit` for its
/// result. `what` names the work in both languages, for the message.
///
/// Use it around any call into the learner's code that could block forever:
/// on time-out the test fails (the stuck thread is left behind and ends with
/// the test process).
#[track_caller]
pub fn finishes_within<T, F>(limit: Duration, what: (&str, &str), work: F) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (en, pt) = what;
    finishes_within_or(
        limit,
        (
            format!(
                "{en} did not finish within {}. A receiver waits as long as any Sender \
                 is alive: is a Sender (perhaps the original tx) never dropped, \
                 or does a loop never end?",
                human(limit)
            ),
            format!(
                "{pt} não terminou em {}. O receptor espera enquanto existir algum Sender: \
                 algum Sender (talvez o tx original) nunca é descartado, \
                 ou algum laço nunca acaba?",
                human(limit)
            ),
        ),
        work,
    )
}

/// [`finishes_within`] with the test's own message for work that does not
/// finish in time, in both languages: say what this step usually gets wrong.
#[track_caller]
pub fn finishes_within_or<T, F>(
    limit: Duration,
    on_timeout: (impl Display, impl Display),
    work: F,
) -> T
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done_tx, done_rx) = std::sync::mpsc::channel();
    // The worker carries the test's name, so that a panic inside the
    // learner's code is reported under the test that called it.
    let mut builder = thread::Builder::new();
    if let Some(name) = thread::current().name() {
        builder = builder.name(name.to_owned());
    }
    let worker = builder
        .spawn(move || {
            // The receiver may be gone if we timed out; nothing to do then.
            let _ = done_tx.send(work());
        })
        .unwrap_or_else(|e| {
            fail(
                format!("the system could not start a thread: {e}"),
                format!("o sistema não conseguiu criar uma thread: {e}"),
            )
        });
    match done_rx.recv_timeout(limit) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => fail(on_timeout.0, on_timeout.1),
        // The worker dropped `done_tx` without sending: it panicked. Its
        // panic message was already printed under the test's name.
        Err(RecvTimeoutError::Disconnected) => match worker.join() {
            Err(payload) => std::panic::resume_unwind(payload),
            Ok(()) => fail(
                "the worker thread ended without a result",
                "a thread de trabalho terminou sem resultado",
            ),
        },
    }
}

/// Checks what running the exercise's program returned (for example
/// `assert_cmd`'s `cargo_bin_cmd!(..).timeout(limit).output()`, started at
/// `started`): it started, ended by itself before `limit`, and exited
/// successfully. Returns what it printed on stdout.
///
/// `on_timeout` says, in both languages, why this step's program might
/// never end; a failure quotes what the program wrote on stderr.
#[track_caller]
pub fn program_succeeded(
    result: std::io::Result<std::process::Output>,
    started: Instant,
    limit: Duration,
    on_timeout: (impl Display, impl Display),
) -> String {
    let output = match result {
        Ok(output) => output,
        Err(e) => fail(
            format!("could not run the program: {e}"),
            format!("não foi possível rodar o programa: {e}"),
        ),
    };
    // A program stopped by the time limit is killed, so it never "succeeds".
    if !output.status.success() && started.elapsed() >= limit {
        fail(on_timeout.0, on_timeout.1);
    }
    check(
        output.status.success(),
        format!(
            "the program failed ({}); it said:\n{}",
            output.status,
            quote(&output.stderr)
        ),
        format!(
            "o programa falhou ({}); ele disse:\n{}",
            output.status,
            quote(&output.stderr)
        ),
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Output of another program, indented and marked so that it reads as a
/// quotation inside a test's failure message.
pub fn quote(output: &[u8]) -> String {
    let text = String::from_utf8_lossy(output);
    let mut quoted = String::new();
    for line in text.lines() {
        quoted.push_str("    | ");
        quoted.push_str(line);
        quoted.push('\n');
    }
    if quoted.is_empty() {
        quoted.push_str(tr("    (nothing)\n", "    (nada)\n"));
    }
    quoted
}

/// The text of a panic payload (`&str` or `String`; anything else is named).
pub fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        tr(
            "(a panic without a text message)",
            "(um pânico sem mensagem de texto)",
        )
        .to_owned()
    }
}

/// A value together with the thread that made it and when.
///
/// Pass [`stamp`] where an exercise takes a function that builds messages,
/// and the test learns which thread really did the sending.
#[derive(Clone)]
pub struct Stamped<T> {
    pub value: T,
    pub thread: ThreadId,
    pub thread_name: Option<String>,
    pub at: Instant,
}

impl<T: Debug> Debug for Stamped<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} (from {:?})", self.value, self.thread)
    }
}

/// Records `value` with the current thread and time.
pub fn stamp<T>(value: T) -> Stamped<T> {
    let current = thread::current();
    Stamped {
        value,
        thread: current.id(),
        thread_name: current.name().map(str::to_owned),
        at: Instant::now(),
    }
}

/// Checks that consecutive instants are at least `interval` apart (a lower
/// bound only: a busy machine may always be slower, never faster).
#[track_caller]
pub fn check_spacing(instants: &[Instant], interval: Duration) {
    // The clock and the sleep may disagree by a hair; a tenth of a
    // millisecond of slack keeps a correct `sleep(interval)` from failing.
    let slack = Duration::from_micros(100);
    for (i, pair) in instants.windows(2).enumerate() {
        let gap = pair[1].saturating_duration_since(pair[0]);
        check(
            gap + slack >= interval,
            format!(
                "messages {} and {} were only {} apart; expected at least {} \
                 (is the sleep inside the loop, between two sends?)",
                i + 1,
                i + 2,
                human(gap),
                human(interval)
            ),
            format!(
                "as mensagens {} e {} vieram com só {} de intervalo; o esperado era \
                 pelo menos {} (o sleep está dentro do laço, entre dois envios?)",
                i + 1,
                i + 2,
                human(gap),
                human(interval)
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::channel;

    #[test]
    fn recv_within_returns_a_message_sent_from_another_thread() {
        let (tx, rx) = channel();
        thread::spawn(move || tx.send(7).unwrap());
        assert_eq!(recv_within(&rx, PATIENCE), 7);
    }

    #[test]
    #[should_panic]
    fn recv_within_gives_up_when_nothing_is_sent() {
        let (_tx, rx) = channel::<u8>();
        recv_within(&rx, Duration::from_millis(20));
    }

    #[test]
    fn closed_within_collects_until_the_last_sender_is_dropped() {
        let (tx, rx) = channel();
        let tx2 = tx.clone();
        thread::spawn(move || {
            tx.send(1).unwrap();
            tx2.send(2).unwrap();
        });
        let got: Vec<i32> = closed_within(&rx, PATIENCE)
            .into_iter()
            .map(|a| a.value)
            .collect();
        assert_eq!(got, [1, 2]);
    }

    #[test]
    #[should_panic]
    fn closed_within_fails_while_a_sender_lives() {
        let (tx, rx) = channel::<u8>();
        let _kept = tx.clone();
        drop(tx);
        closed_within(&rx, Duration::from_millis(20));
    }

    #[test]
    #[should_panic]
    fn finishes_within_fails_on_a_blocked_receiver() {
        let (_tx, rx) = channel::<u8>();
        finishes_within(Duration::from_millis(20), ("recv", "recv"), move || {
            rx.recv().ok()
        });
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn finishes_within_passes_on_the_workers_panic() {
        finishes_within(PATIENCE, ("work", "trabalho"), || -> u8 { panic!("boom") });
    }

    #[test]
    fn join_within_returns_the_threads_value() {
        let handle = thread::spawn(|| 40 + 2);
        assert_eq!(join_within(handle, PATIENCE), 42);
    }

    #[test]
    fn stamp_records_the_sending_thread() {
        let here = thread::current().id();
        let there = thread::spawn(|| stamp("x")).join().unwrap();
        assert_ne!(there.thread, here);
        assert_eq!(stamp("y").thread, here);
    }

    #[test]
    fn check_spacing_accepts_wide_gaps_and_rejects_narrow_ones() {
        let t0 = Instant::now();
        let ms = Duration::from_millis;
        check_spacing(&[t0, t0 + ms(10), t0 + ms(25)], ms(10));
        let narrow = std::panic::catch_unwind(|| check_spacing(&[t0, t0 + ms(3)], ms(10)));
        assert!(narrow.is_err());
    }

    #[test]
    fn quote_marks_every_line() {
        assert_eq!(quote(b"a\nb\n"), "    | a\n    | b\n");
    }

    #[test]
    fn human_durations() {
        assert_eq!(human(Duration::from_millis(250)), "250 ms");
        assert_eq!(human(Duration::from_millis(1500)), "1.5 s");
    }
}
