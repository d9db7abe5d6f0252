//! Helpers for the exercises' tests.
//!
//! Three promises, so that a learner's broken code gives a readable failure
//! instead of a frozen terminal:
//!
//! - **Every wait is bounded.** [`recv_within`], [`collect_within`],
//!   [`closed_within`], [`join_within`] and [`finishes_within`] give up after
//!   a limit and fail the test with a message about channels. Where the test
//!   itself must say what a time-out or a panic means, [`call_within`] (and
//!   [`start_call`]) hand back an [`Outcome`] instead, [`drain_within`]
//!   hands back what arrived, and [`wait_until`] whether a condition came
//!   true in time.
//! - **A wait ends as soon as waiting longer cannot help.** The bounded
//!   waits are for code that is still running. Each wait on a channel has a
//!   `_while` sibling ([`recv_within_while`], [`collect_within_while`],
//!   [`closed_within_while`], [`drain_within_while`], [`wait_until_while`])
//!   that also asks whether the learner's code is still working (a
//!   `JoinHandle` not finished, a [`Call`] not finished) and stops when it has
//!   ended without doing the job; [`Call::outcome_until`] stops at a test's
//!   own sign of failure; and a [`ThreadProbe`] tells a thread that waits
//!   (asleep in `recv`, `join` or `sleep`) from one that runs, and how much
//!   CPU time it used. The test's own waits inside the learner's code (in a
//!   job or a stage function it is handed) are [`InnerWaits`]: they end once
//!   every thread that code started waits in one of them or sleeps in a
//!   wait without a time-out (a [`Standstill`]), since nothing can move
//!   then.
//! - **Messages speak the learner's language.** The runner passes the chosen
//!   language in `COURSE_LANG`; [`lang`] falls back to the usual locale
//!   variables. [`fail`] and [`check`] take both texts, so a test cannot
//!   forget one of them.
//! - **Who sent what, and when, can be recorded.** [`Arrival`] keeps the time
//!   a message was received; [`Stamped`] keeps the thread and time it was made;
//!   [`timeline`] draws what was recorded as a short table for a failure
//!   message, because a learner sees a concurrency bug faster than they read
//!   one.
//!
//! Also here: [`process_cpu_time`], to tell a thread that blocks from one
//! that polls, and [`LiveProgram`], to talk to an exercise's program while it
//! runs (type on its input, read its output line by line, see when it ends).

use std::fmt::{self, Debug, Display};
use std::io::{self, Read, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

/// How long a test waits for something that should take milliseconds.
///
/// Generous on purpose: a loaded two-core machine must never make a correct
/// solution fail. Only broken code ever waits this long.
pub const PATIENCE: Duration = Duration::from_secs(5);

/// A language the course speaks. The runner (`cargo xtask`) uses this same
/// type and [`Lang::from_locale`], so the language is chosen by one rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::PtBr];

    /// The locale rule: the first non-empty of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` (as POSIX ranks them); a value starting with `pt` means
    /// Brazilian Portuguese, anything else English. The environment is
    /// passed in, so the rule can be tested.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        Lang::from_code(value.as_deref().unwrap_or(""))
    }

    /// `en`, `pt-BR`, `pt_BR.UTF-8`, …: anything starting with `pt` is
    /// Brazilian Portuguese.
    pub fn from_code(code: &str) -> Lang {
        if code.to_ascii_lowercase().starts_with("pt") {
            Lang::PtBr
        } else {
            Lang::En
        }
    }

    /// The code the runner passes in `COURSE_LANG`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }
}

/// The learner's language: what the runner chose (`COURSE_LANG`); when the
/// tests run without the runner (a plain `cargo test`), the locale rule.
pub fn lang() -> Lang {
    match std::env::var("COURSE_LANG") {
        Ok(code) if !code.is_empty() => Lang::from_code(&code),
        _ => Lang::from_locale(|name| std::env::var(name).ok()),
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

/// `one` when `n` is 1, `many` otherwise, for the words that agree with a
/// count, in either language: `1 job ran`, `2 jobs ran`; `1 tarefa rodou`,
/// `0 tarefas rodaram`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// A duration the way a person reads it, in the learner's language:
/// `250 ms`, `1.5 s` (`1,5 s` in Portuguese, which writes a decimal comma).
pub fn human(d: Duration) -> String {
    human_in(lang(), d)
}

/// [`human`] in the given language.
pub fn human_in(lang: Lang, d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        decimal(lang, format!("{:.1} s", d.as_secs_f64()))
    }
}

/// A number already formatted with a decimal point, with the decimal mark of
/// `lang`.
fn decimal(lang: Lang, text: String) -> String {
    match lang {
        Lang::En => text,
        Lang::PtBr => text.replace('.', ","),
    }
}

/// Receives one message, waiting at most `limit`.
///
/// Fails the test if nothing arrives in time (a producer that never sends, or
/// sends on another channel) or if the channel closes first: every `Sender`
/// of this Receiver's channel is gone, which also happens when the message
/// went out through a `Sender` of another channel.
#[track_caller]
pub fn recv_within<T>(rx: &Receiver<T>, limit: Duration) -> T {
    recv_within_while(rx, limit, || true)
}

/// [`recv_within`], which also stops waiting, and fails, as soon as
/// `working()` says no: the code that should send (a thread of the
/// learner's, say `|| !handle.is_finished()`) has ended, and nothing is
/// left in the channel.
#[track_caller]
pub fn recv_within_while<T>(rx: &Receiver<T>, limit: Duration, working: impl FnMut() -> bool) -> T {
    match recv_by(rx, Instant::now() + limit, working) {
        Ok(message) => message,
        Err(Waited::TimedOut) => fail(
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
        Err(Waited::Closed) => fail(
            "the channel closed before any message arrived: no Sender of this Receiver's \
             channel was left. Did the message go out through a Sender of another channel, \
             or was every Sender of this one dropped before it sent?",
            "o canal fechou antes de chegar qualquer mensagem: não sobrou nenhum Sender do \
             canal deste Receiver. A mensagem saiu por um Sender de outro canal, ou todos os \
             Senders deste canal foram descartados antes de enviar?",
        ),
        Err(Waited::WorkEnded) => fail(
            format!("no message arrived, and {}", WORK_ENDED.0),
            format!("nenhuma mensagem chegou, e {}", WORK_ENDED.1),
        ),
    }
}

/// The end of a sentence about code that ended without doing its job.
const WORK_ENDED: (&str, &str) = (
    "the code that should send it had already ended (if it panicked, its \
     message is above): nothing more can come",
    "o código que deveria enviá-la já tinha terminado (se entrou em pânico, \
     a mensagem dele está acima): nada mais pode chegar",
);

/// Why a wait on a channel ended without what it waited for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waited {
    /// The time was up.
    TimedOut,
    /// Every Sender was gone and the channel empty.
    Closed,
    /// The code the wait depends on had ended, and the channel was empty.
    WorkEnded,
}

/// How often a wait that watches the learner's code looks at it.
const LOOK_EVERY: Duration = Duration::from_millis(2);

/// After the watched code was seen ended, how long a wait still gives a
/// message it sent just before to show up in the channel.
const LAST_LOOK: Duration = Duration::from_millis(20);

/// Receives one message, waiting until `deadline` at most, and no longer
/// than `working()` says yes (asked every couple of milliseconds while the
/// channel is empty). Never fails: says why nothing came.
///
/// The bare wait under every wait on a channel here; a test that says
/// itself what each end means calls it directly.
pub fn recv_by<T>(
    rx: &Receiver<T>,
    deadline: Instant,
    mut working: impl FnMut() -> bool,
) -> Result<T, Waited> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left.min(LOOK_EVERY)) {
            Ok(message) => return Ok(message),
            Err(RecvTimeoutError::Disconnected) => return Err(Waited::Closed),
            Err(RecvTimeoutError::Timeout) if left <= LOOK_EVERY => {
                return Err(Waited::TimedOut);
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if !working() {
            let left = deadline.saturating_duration_since(Instant::now());
            return match rx.recv_timeout(left.min(LAST_LOOK)) {
                Ok(message) => Ok(message),
                Err(RecvTimeoutError::Disconnected) => Err(Waited::Closed),
                Err(RecvTimeoutError::Timeout) => Err(Waited::WorkEnded),
            };
        }
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
    collect_within_while(rx, count, limit, || true)
}

/// [`collect_within`], which also stops waiting, and fails, as soon as
/// `working()` says no (the code that sends has ended) and the channel is
/// empty.
#[track_caller]
pub fn collect_within_while<T>(
    rx: &Receiver<T>,
    count: usize,
    limit: Duration,
    mut working: impl FnMut() -> bool,
) -> Vec<Arrival<T>> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::with_capacity(count);
    while got.len() < count {
        match recv_by(rx, deadline, &mut working) {
            Ok(value) => got.push(Arrival {
                value,
                at: Instant::now(),
            }),
            Err(Waited::TimedOut) => fail(
                format!(
                    "expected {} but only {} arrived within {}",
                    messages_en(count),
                    got.len(),
                    human(limit)
                ),
                format!(
                    "{}, mas {} em {}",
                    expected_messages_pt(count),
                    arrived_pt(got.len()),
                    human(limit)
                ),
            ),
            Err(Waited::Closed) => fail(
                format!(
                    "expected {} but the channel closed after {}: \
                     the producers stopped (or were dropped) too early",
                    messages_en(count),
                    got.len()
                ),
                format!(
                    "{}, mas o canal fechou depois de {}: \
                     os produtores pararam (ou foram descartados) cedo demais",
                    expected_messages_pt(count),
                    got.len()
                ),
            ),
            Err(Waited::WorkEnded) => fail(
                format!(
                    "expected {} but only {} arrived, and {}",
                    messages_en(count),
                    got.len(),
                    WORK_ENDED.0
                ),
                format!(
                    "{}, mas {}, e {}",
                    expected_messages_pt(count),
                    arrived_pt(got.len()),
                    WORK_ENDED.1
                ),
            ),
        }
    }
    got
}

/// "1 message", "3 messages".
fn messages_en(n: usize) -> String {
    match n {
        1 => "1 message".to_owned(),
        n => format!("{n} messages"),
    }
}

/// "era esperada 1 mensagem", "eram esperadas 3 mensagens".
fn expected_messages_pt(n: usize) -> String {
    match n {
        1 => "era esperada 1 mensagem".to_owned(),
        n => format!("eram esperadas {n} mensagens"),
    }
}

/// "nenhuma chegou", "só 1 chegou", "só 2 chegaram".
fn arrived_pt(n: usize) -> String {
    match n {
        0 => "nenhuma chegou".to_owned(),
        1 => "só 1 chegou".to_owned(),
        n => format!("só {n} chegaram"),
    }
}

/// Receives every message until the channel closes, which must happen within
/// `limit`. Returns what arrived, in order.
///
/// The channel closes when the last `Sender` is dropped; if it does not, some
/// clone of `tx` is still alive somewhere, and the test says so.
#[track_caller]
pub fn closed_within<T>(rx: &Receiver<T>, limit: Duration) -> Vec<Arrival<T>> {
    closed_within_while(rx, limit, || true)
}

/// [`closed_within`], which also stops waiting, and fails, as soon as
/// `working()` says no (every thread that could hold a Sender has ended)
/// while the channel is still open: a Sender lives on elsewhere.
#[track_caller]
pub fn closed_within_while<T>(
    rx: &Receiver<T>,
    limit: Duration,
    mut working: impl FnMut() -> bool,
) -> Vec<Arrival<T>> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::new();
    loop {
        let waited = match recv_by(rx, deadline, &mut working) {
            Ok(value) => {
                got.push(Arrival {
                    value,
                    at: Instant::now(),
                });
                continue;
            }
            Err(Waited::Closed) => return got,
            Err(waited) => waited,
        };
        let received_pt = match got.len() {
            1 => "1 mensagem recebida".to_owned(),
            n => format!("{n} mensagens recebidas"),
        };
        let (when_en, when_pt) = match waited {
            Waited::WorkEnded => (
                "once the threads that send had ended".to_owned(),
                "depois que as threads que enviam terminaram".to_owned(),
            ),
            _ => (
                format!("after {}", human(limit)),
                format!("depois de {}", human(limit)),
            ),
        };
        fail(
            format!(
                "the channel was still open {when_en} ({} received): \
                 a receiver keeps waiting while any Sender is alive. \
                 Is a clone of tx (or tx itself) never dropped?",
                messages_en(got.len())
            ),
            format!(
                "o canal continuava aberto {when_pt} ({received_pt}): \
                 o receptor espera enquanto existir algum Sender. \
                 Algum clone de tx (ou o próprio tx) nunca é descartado?",
            ),
        );
    }
}

/// Receives every message until the channel closes or `limit` has passed,
/// whichever comes first, and returns what arrived, in order. Never fails:
/// for a test that gathers what a run left behind (the reports of jobs that
/// may or may not have run, say) and judges it afterwards. To require that
/// the channel closes, use [`closed_within`].
pub fn drain_within<T>(rx: &Receiver<T>, limit: Duration) -> Vec<T> {
    drain_within_while(rx, limit, || true)
}

/// [`drain_within`], which also stops as soon as `working()` says no (the
/// code that sends has ended) and the channel is empty.
pub fn drain_within_while<T>(
    rx: &Receiver<T>,
    limit: Duration,
    mut working: impl FnMut() -> bool,
) -> Vec<T> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::new();
    while let Ok(value) = recv_by(rx, deadline, &mut working) {
        got.push(value);
    }
    got
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
    match try_join_within(handle, limit, on_timeout) {
        Ok(value) => value,
        Err(panicked) => fail(
            format!("a spawned thread panicked: {panicked}"),
            format!("uma thread criada entrou em pânico: {panicked}"),
        ),
    }
}

/// [`join_within_or`], except that a panic in the thread is handed back as
/// its text (`Err`) instead of failing the test, so that the test can say
/// what that panic means (an `unwrap` on `RecvError`, say, is the normal end
/// of a stream, not a bug to report as such).
#[track_caller]
pub fn try_join_within<T>(
    handle: JoinHandle<T>,
    limit: Duration,
    on_timeout: (impl Display, impl Display),
) -> Result<T, String> {
    let deadline = Instant::now() + limit;
    if !wait_until(deadline, Duration::from_millis(2), || handle.is_finished()) {
        fail(on_timeout.0, on_timeout.1);
    }
    handle.join().map_err(|payload| panic_text(&*payload))
}

/// Waits until `ready()` says yes, asking again every `every`, but not past
/// `deadline`. Returns whether it got a yes; `ready()` is always asked at
/// least once, so a passed deadline still sees what is already true. Never
/// fails: the test decides what a no means.
///
/// For waits that another thread ends by changing a flag or a count (a job
/// that waits for company, a producer that waits for the consumer's work).
/// A deadline rather than a duration, so that several waits can share one:
/// a version of the learner's code that takes turns then waits once, not
/// once per wait.
pub fn wait_until(deadline: Instant, every: Duration, ready: impl FnMut() -> bool) -> bool {
    wait_until_while(deadline, every, || true, ready)
}

/// [`wait_until`], which also gives up as soon as `working()` says no (the
/// code that would make `ready()` true has ended): `ready()` is asked once
/// more then, and its answer returned.
pub fn wait_until_while(
    deadline: Instant,
    every: Duration,
    mut working: impl FnMut() -> bool,
    mut ready: impl FnMut() -> bool,
) -> bool {
    while !ready() {
        if Instant::now() >= deadline {
            return false;
        }
        if !working() {
            return ready();
        }
        thread::sleep(every);
    }
    true
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

/// How a call into the learner's code came out, for a test that says
/// itself what a panic or a wait means (an `unwrap` on a closed channel, a
/// `recv` that waits for a Sender that lives on) instead of failing at once
/// as [`finishes_within`] does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<T> {
    /// The call returned this.
    Returned(T),
    /// The call panicked with this text ([`is_todo`] tells a `todo!()`).
    Panicked(String),
    /// The call had not returned in time. Its thread is left behind and
    /// ends with the test process.
    StillRunning,
}

/// A call into the learner's code started by [`start_call`], running on a
/// thread of its own. Wait for it with [`Call::outcome_within`] or
/// [`Call::outcome_by`].
pub struct Call<T> {
    done: Receiver<Result<T, String>>,
    /// What the call came to, when [`Call::panicked`] saw it early.
    early: Option<Result<T, String>>,
    handle: JoinHandle<()>,
    /// The call's thread as the system knows it, once the thread has
    /// started (Linux only).
    probe: Arc<OnceLock<ThreadProbe>>,
}

/// Starts `work` on a new thread, named `name` if given, and catches its
/// panic: the start of a call into the learner's code that may block, loop
/// or panic. Use [`call_within`] to start one and wait for it at once; this
/// is for a test that waits later, has several calls running at once, or
/// needs the thread ([`Call::thread`]).
///
/// The name is what the panic's header shows (`thread 'offer_all'
/// panicked`); without one the thread is `<unnamed>`, as from
/// `thread::spawn`.
#[track_caller]
pub fn start_call<T, F>(name: Option<&str>, work: F) -> Call<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let (done_tx, done) = channel();
    let mut builder = thread::Builder::new();
    if let Some(name) = name {
        builder = builder.name(name.to_owned());
    }
    let probe = Arc::new(OnceLock::new());
    let slot = Arc::clone(&probe);
    let spawned = builder.spawn(move || {
        if let Some(here) = ThreadProbe::current() {
            let _ = slot.set(here);
        }
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
        // The test may have stopped waiting; then nobody needs the result.
        let _ = done_tx.send(result.map_err(|payload| panic_text(&*payload)));
    });
    match spawned {
        Ok(handle) => Call {
            done,
            early: None,
            handle,
            probe,
        },
        Err(e) => fail(
            format!("the system could not start a thread: {e}"),
            format!("o sistema não conseguiu criar uma thread: {e}"),
        ),
    }
}

/// Runs `work` on a new thread, named `name` if given, and waits at most
/// `limit` for it: [`start_call`] then [`Call::outcome_within`].
#[track_caller]
pub fn call_within<T, F>(limit: Duration, name: Option<&str>, work: F) -> Outcome<T>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    start_call(name, work).outcome_within(limit)
}

impl<T> Call<T> {
    /// The thread the call runs on.
    pub fn thread(&self) -> &thread::Thread {
        self.handle.thread()
    }

    /// Whether the call has ended (returned or panicked); never waits.
    pub fn finished(&self) -> bool {
        self.early.is_some() || self.handle.is_finished()
    }

    /// The call's thread as the system knows it (its state, its CPU time),
    /// once the thread has started; `None` before, or where the system does
    /// not tell (anywhere but Linux).
    pub fn probe(&self) -> Option<ThreadProbe> {
        self.probe.get().cloned()
    }

    /// A [`Stillness`] of the call's thread: whether it has been asleep
    /// (waiting in `recv`, `join`, `sleep`…) for a while.
    pub fn stillness(&self) -> Stillness {
        Stillness {
            probe: Arc::clone(&self.probe),
            since: None,
            asleep_looks: 0,
        }
    }

    /// The panic's text if the call has already panicked; never waits.
    /// What the call came to stays for [`Call::outcome_by`].
    pub fn panicked(&mut self) -> Option<&str> {
        if self.early.is_none() {
            self.early = self.done.try_recv().ok();
        }
        match &self.early {
            Some(Err(text)) => Some(text),
            _ => None,
        }
    }

    /// How the call came out, waiting at most `limit` for it.
    pub fn outcome_within(self, limit: Duration) -> Outcome<T> {
        self.outcome_by(Instant::now() + limit)
    }

    /// How the call came out, waiting for it until `deadline` at most: one
    /// deadline can bound the waits for several calls running at once.
    pub fn outcome_by(self, deadline: Instant) -> Outcome<T> {
        self.outcome_until(deadline, || false)
    }

    /// [`Call::outcome_by`], which also stops waiting as soon as
    /// `hopeless()` says yes (asked every couple of milliseconds): a sign,
    /// known to the test, that the call will not do its job however long it
    /// runs (its thread asleep in a wait nothing can end, a message it made
    /// after it should have stopped). [`Outcome::StillRunning`] then, as on
    /// time-out: the test knows which it was.
    pub fn outcome_until(
        self,
        deadline: Instant,
        mut hopeless: impl FnMut() -> bool,
    ) -> Outcome<T> {
        let result = match self.early {
            Some(result) => Ok(result),
            None => loop {
                let left = deadline.saturating_duration_since(Instant::now());
                match self.done.recv_timeout(left.min(LOOK_EVERY)) {
                    Err(RecvTimeoutError::Timeout) if left > LOOK_EVERY && !hopeless() => {}
                    // One more look: the call may have ended meanwhile.
                    Err(RecvTimeoutError::Timeout) => {
                        break self.done.try_recv().map_err(|e| match e {
                            std::sync::mpsc::TryRecvError::Empty => RecvTimeoutError::Timeout,
                            std::sync::mpsc::TryRecvError::Disconnected => {
                                RecvTimeoutError::Disconnected
                            }
                        });
                    }
                    other => break other,
                }
            },
        };
        match result {
            Ok(Ok(value)) => Outcome::Returned(value),
            Ok(Err(text)) => Outcome::Panicked(text),
            Err(RecvTimeoutError::Timeout) => Outcome::StillRunning,
            // Only if the thread ended without unwinding through the catch.
            Err(RecvTimeoutError::Disconnected) => Outcome::Panicked(
                tr(
                    "(the thread ended without a result)",
                    "(a thread terminou sem resultado)",
                )
                .to_owned(),
            ),
        }
    }
}

/// Checks what running the exercise's program returned (for example
/// `assert_cmd::Command::cargo_bin(..)` then `.timeout(limit).output()`,
/// started at `started`): it started, ended by itself before `limit`, and
/// exited successfully. Returns what it printed on stdout.
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
            ending_in(Lang::En, output.status),
            quote(&output.stderr)
        ),
        format!(
            "o programa falhou ({}); ele disse:\n{}",
            ending_in(Lang::PtBr, output.status),
            quote(&output.stderr)
        ),
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// How a program ended, in words of the language: `exit code 101`,
/// `código de saída 101`, `signal 9` (rather than std's English
/// `exit status: 101`).
pub fn ending_in(lang: Lang, status: ExitStatus) -> String {
    let (code, signal) = match lang {
        Lang::En => ("exit code", "signal"),
        Lang::PtBr => ("código de saída", "sinal"),
    };
    if let Some(n) = status.code() {
        return format!("{code} {n}");
    }
    #[cfg(unix)]
    if let Some(n) = std::os::unix::process::ExitStatusExt::signal(&status) {
        return format!("{signal} {n}");
    }
    let _ = signal;
    status.to_string()
}

/// What looking up an exercise's program returned (for example
/// `assert_cmd::Command::cargo_bin(name)`, which finds it at run time next to
/// the test, wherever the course folder now is); if it was not found, fails
/// the test with a message in the learner's language.
#[track_caller]
pub fn program_found<C, E: Display>(name: &str, lookup: Result<C, E>) -> C {
    lookup.unwrap_or_else(|e| {
        let e = e.to_string();
        // assert_cmd's words around the path it looked at are English.
        let e = e.trim();
        let e = e.strip_prefix("Cause: ").unwrap_or(e);
        let e = e.strip_prefix("Cargo command not found: ").unwrap_or(e);
        fail(
            format!(
                "could not find the program `{name}` that this exercise builds ({e}). \
                 `cargo xtask verify` builds it before running the tests: run that again"
            ),
            format!(
                "não foi possível encontrar o programa `{name}` que este exercício compila \
                 ({e}). O `cargo xtask verify` o compila antes de rodar os testes: rode-o de novo"
            ),
        )
    })
}

/// Finds an exercise's program with `lookup` (assert_cmd's
/// `Command::cargo_bin`, for a `std` or an assert_cmd `Command`), as
/// [`program_found`] does, but first makes sure it was built: where
/// `cargo_bin` finds nothing at all it panics with an English text about
/// unit tests, and this fails the test in the learner's language instead.
///
/// ```ignore
/// let mut command: Command = find_program("capstone", Command::cargo_bin);
/// ```
#[track_caller]
pub fn find_program<C, E: Display>(
    name: &'static str,
    lookup: impl FnOnce(&'static str) -> Result<C, E>,
) -> C {
    if built_program(name).is_none() {
        fail(
            format!(
                "the program `{name}` that this exercise builds was never built, so this \
                 test cannot run it. `cargo xtask verify` builds it before running the tests: \
                 run that again"
            ),
            format!(
                "o programa `{name}` que este exercício compila nunca foi compilado, então \
                 este teste não consegue rodá-lo. O `cargo xtask verify` o compila antes de \
                 rodar os testes: rode-o de novo"
            ),
        );
    }
    program_found(name, lookup(name))
}

/// Where `cargo_bin` will look for the program `name`: what cargo (or the
/// runner) says in `CARGO_BIN_EXE_{name}`, or else next to the test's own
/// executable; `None` where neither names it.
fn built_program(name: &str) -> Option<std::path::PathBuf> {
    if let Some(path) = std::env::var_os(format!("CARGO_BIN_EXE_{name}")) {
        return Some(path.into());
    }
    let mut dir = std::env::current_exe().ok()?;
    dir.pop();
    if dir.ends_with("deps") {
        dir.pop();
    }
    let path = dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    path.exists().then_some(path)
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

/// Whether a panic's text (from [`panic_text`], or [`Outcome::Panicked`]) is
/// that of a `todo!()` still in the code: `not yet implemented`, followed by
/// `: ` and the text given to `todo!(..)` if any.
pub fn is_todo(panic_text: &str) -> bool {
    panic_text.starts_with("not yet implemented")
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

impl<T> Stamped<T> {
    /// The thread that made the value, for a person: its name if it has
    /// one, else its id (`ThreadId(7)`).
    pub fn thread_label(&self) -> String {
        match &self.thread_name {
            Some(name) => name.clone(),
            None => format!("{:?}", self.thread),
        }
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

/// One thing that happened during a test, for a [`timeline`]: when, who did
/// it (a thread, a producer, "test"), and what happened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub at: Instant,
    pub who: String,
    pub what: String,
}

/// An [`Event`] from anything printable, e.g. from an [`Arrival`]:
/// `event(arrival.at, "test", format!("received {:?}", arrival.value))`.
pub fn event(at: Instant, who: impl Display, what: impl Display) -> Event {
    Event {
        at,
        who: who.to_string(),
        what: what.to_string(),
    }
}

/// The most lines a [`timeline`] shows; the events in the middle of a longer
/// one are counted, not shown, so that a failure message stays readable and
/// the runner's report fits a screen.
pub const TIMELINE_LINES: usize = 12;

/// The widest a timeline's "who" column gets, and a "what" cell, in
/// characters; longer texts are cut with `…`. With the indents of the
/// runner's report, a row fits 80 columns, so it is never broken.
const WHO_WIDTH: usize = 20;
const WHAT_WIDTH: usize = 36;

/// A small table of who did what and when, in the learner's language, for
/// a failure message about order or pacing: one line per event, in the order
/// of time, with the time since `start`.
///
/// ```text
///     timeline (ms since the start · who · what):
///        0.1 ms  producer 1  sent (1, 0)
///        2.3 ms  producer 1  sent (1, 1)
///       … 12 more events …
///       48.0 ms  test        the channel closed
/// ```
///
/// At most [`TIMELINE_LINES`] events are shown: the first ones and the last
/// ones, with the number left out between them.
pub fn timeline(start: Instant, events: impl IntoIterator<Item = Event>) -> String {
    timeline_in(lang(), start, events)
}

/// [`timeline`] in the given language.
pub fn timeline_in(lang: Lang, start: Instant, events: impl IntoIterator<Item = Event>) -> String {
    let mut events: Vec<Event> = events.into_iter().collect();
    // Stable: events recorded at the same instant keep their order.
    events.sort_by_key(|e| e.at);
    let mut out = String::from(match lang {
        Lang::En => "    timeline (ms since the start · who · what):\n",
        Lang::PtBr => "    linha do tempo (ms desde o início · quem · o quê):\n",
    });
    if events.is_empty() {
        out.push_str(match lang {
            Lang::En => "      (nothing was recorded)\n",
            Lang::PtBr => "      (nada foi registrado)\n",
        });
        return out;
    }
    let tail = TIMELINE_LINES / 4;
    let head = TIMELINE_LINES - tail;
    let left_out = events.len().saturating_sub(TIMELINE_LINES);
    let shown: Vec<&Event> = if left_out == 0 {
        events.iter().collect()
    } else {
        events[..head]
            .iter()
            .chain(&events[events.len() - tail..])
            .collect()
    };
    let rows: Vec<(String, String, String)> = shown
        .iter()
        .map(|e| {
            let ms = e.at.saturating_duration_since(start).as_secs_f64() * 1000.0;
            (
                decimal(lang, format!("{ms:.1} ms")),
                cut(&e.who, WHO_WIDTH),
                cut(&e.what, WHAT_WIDTH),
            )
        })
        .collect();
    let time_width = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
    let who_width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0);
    for (i, (time, who, what)) in rows.iter().enumerate() {
        if left_out > 0 && i == head {
            out.push_str(&match lang {
                Lang::En => format!(
                    "      … {left_out} more {} …\n",
                    plural(left_out, "event", "events")
                ),
                Lang::PtBr => format!(
                    "      … mais {left_out} {} …\n",
                    plural(left_out, "evento", "eventos")
                ),
            });
        }
        let line = format!("      {time:>time_width$}  {who:<who_width$}  {what}");
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// `text` on one line, at most `width` characters (the last one `…` when it
/// was cut).
fn cut(text: &str, width: usize) -> String {
    let one_line = text.replace(['\n', '\r'], " ");
    if one_line.chars().count() <= width {
        one_line
    } else {
        let mut kept: String = one_line.chars().take(width.saturating_sub(1)).collect();
        kept.push('…');
        kept
    }
}

/// CPU time used so far by the whole test process, all its threads
/// together, where the system tells it (Linux, from `/proc/self/stat`, in
/// steps of 10 ms); `None` elsewhere.
///
/// Compared over a quiet moment, it tells a thread that blocks (it uses no
/// CPU while it waits) from one that polls in a loop (it uses a whole core).
/// Only ever use it to catch the second: on a busy machine a poller may get
/// less CPU, never a blocked thread more.
pub fn process_cpu_time() -> Option<Duration> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name (field 2) may hold spaces and parentheses: count the
    // fields from the last `)`. What follows starts at field 3 (state);
    // utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 a
    // second on Linux).
    let fields: Vec<&str> = stat[stat.rfind(')')? + 1..].split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// A thread as the system sees it: whether it runs or waits, and how much
/// CPU time it used. Made on the thread itself ([`ThreadProbe::current`]),
/// then read from any thread. Linux only (from `/proc`); elsewhere there is
/// none, and the tests fall back to their bounded waits.
///
/// Used to check directly what an exercise teaches: a thread that blocks
/// uses no CPU and sleeps in the kernel; one that polls in a loop uses a
/// core. And a thread asleep in a wait that nothing can end will not do its
/// job, however long the test waits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ThreadProbe {
    /// The process the thread belongs to: `None` for this one.
    pid: Option<u32>,
    /// The kernel's id of the thread.
    tid: u32,
}

impl ThreadProbe {
    /// The current thread, where the system tells (Linux).
    pub fn current() -> Option<ThreadProbe> {
        if !cfg!(target_os = "linux") {
            return None;
        }
        let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
        let tid = stat.split_whitespace().next()?.parse().ok()?;
        Some(ThreadProbe { pid: None, tid })
    }

    /// One of the thread's files under `/proc`.
    fn read(&self, file: &str) -> Option<String> {
        let tid = self.tid;
        let path = match self.pid {
            None => format!("/proc/self/task/{tid}/{file}"),
            Some(pid) => format!("/proc/{pid}/task/{tid}/{file}"),
        };
        std::fs::read_to_string(path).ok()
    }

    /// The fields of the thread's `stat` after its name, from field 3
    /// (state) on; `None` once the thread is gone.
    fn stat(&self) -> Option<Vec<String>> {
        let stat = self.read("stat")?;
        let rest = &stat[stat.rfind(')')? + 1..];
        Some(rest.split_whitespace().map(str::to_owned).collect())
    }

    /// Whether the thread is asleep right now: waiting for something (a
    /// message, a lock, a join, the end of a `sleep`) rather than running or
    /// ready to run. `None` once the thread is gone.
    pub fn asleep(&self) -> Option<bool> {
        Some(self.stat()?.first()? == "S")
    }

    /// The CPU time the thread has used so far (in steps of 10 ms); `None`
    /// once the thread is gone.
    pub fn cpu_time(&self) -> Option<Duration> {
        let fields = self.stat()?;
        let utime: u64 = fields.get(11)?.parse().ok()?;
        let stime: u64 = fields.get(12)?.parse().ok()?;
        Some(Duration::from_millis((utime + stime) * 10))
    }

    /// How many times the thread went to sleep so far (its voluntary context
    /// switches): once per `sleep`, per wait that had to wait, per wake-up of
    /// a time-out. A thread blocked on a channel adds one or two while it
    /// waits; a thread that polls with a sleep adds one per turn. `None` once
    /// it ended.
    pub fn sleeps(&self) -> Option<u64> {
        let status = self.read("status")?;
        status
            .lines()
            .find_map(|l| l.strip_prefix("voluntary_ctxt_switches:"))
            .and_then(|n| n.trim().parse().ok())
    }
}

/// Watches a thread for a stretch of sleep: [`Stillness::asleep_for`] says
/// whether the thread was found asleep at every look for a while. Asked
/// every few milliseconds by a wait (as the `hopeless` of
/// [`Call::outcome_until`]), it tells a thread stuck in a wait (a `recv`
/// for a message nobody will send) from one that works; where the system
/// does not tell, it never says yes.
pub struct Stillness {
    probe: Arc<OnceLock<ThreadProbe>>,
    since: Option<Instant>,
    /// How many looks found the thread asleep, in all.
    asleep_looks: u32,
}

impl Stillness {
    /// Watches the current thread's `probe` (from [`ThreadProbe::current`]).
    pub fn of(probe: Option<ThreadProbe>) -> Stillness {
        let slot = OnceLock::new();
        if let Some(probe) = probe {
            let _ = slot.set(probe);
        }
        Stillness {
            probe: Arc::new(slot),
            since: None,
            asleep_looks: 0,
        }
    }

    /// Looks at the thread now, and says whether it has been asleep at
    /// every look for at least `stretch`. A thread seen running starts the
    /// count again, and so does [`Stillness::moved`].
    pub fn asleep_for(&mut self, stretch: Duration) -> bool {
        if !self.look() {
            self.since = None;
            return false;
        }
        let since = *self.since.get_or_insert_with(Instant::now);
        since.elapsed() >= stretch
    }

    /// Looks at the thread now, and says how many looks found it asleep, in
    /// all, this one included. For a thread that should never wait at all
    /// (a drain of what is queued): one that is woken now and then (by each
    /// new message) is not asleep at every look, but at many.
    pub fn asleep_looks(&mut self) -> u32 {
        if !self.look() {
            self.since = None;
        }
        self.asleep_looks
    }

    /// Whether the thread is asleep now; counts it if so.
    fn look(&mut self) -> bool {
        let asleep = self.probe.get().and_then(ThreadProbe::asleep) == Some(true);
        if asleep {
            self.asleep_looks += 1;
        }
        asleep
    }

    /// The thread did some of its work (the test saw it): start the count
    /// again.
    pub fn moved(&mut self) {
        self.since = None;
    }

    /// The CPU time the watched thread has used so far; `None` before it
    /// started, once it is gone, or where the system does not tell. For a
    /// thread that should be quick or waiting: one that spins in a loop
    /// uses it by the millisecond.
    pub fn cpu_time(&self) -> Option<Duration> {
        self.probe.get().and_then(ThreadProbe::cpu_time)
    }
}

impl ThreadProbe {
    /// Whether the thread is asleep in a wait without a time-out right now
    /// (a `recv`, `join`, lock or `park` that only another thread can end,
    /// never the clock); `None` where the system does not tell (Linux on
    /// x86-64 and Arm64 tells) or once the thread is gone.
    pub fn waits_without_time_out(&self) -> Option<bool> {
        // The futex call every such wait ends in, by its number on this
        // processor; its fourth argument is the time-out, 0 for none.
        let futex = if cfg!(target_arch = "x86_64") {
            "202"
        } else if cfg!(target_arch = "aarch64") {
            "98"
        } else {
            return None;
        };
        if !self.asleep()? {
            return Some(false);
        }
        let call = self.read("syscall")?;
        let fields: Vec<&str> = call.split_whitespace().collect();
        Some(fields.first() == Some(&futex) && fields.get(4) == Some(&"0x0"))
    }

    /// Whether the thread is asleep reading a file or pipe right now (a
    /// program's thread waiting for a line on its standard input); `None`
    /// where the system does not tell, as for
    /// [`ThreadProbe::waits_without_time_out`].
    pub fn waits_for_input(&self) -> Option<bool> {
        let read = if cfg!(target_arch = "x86_64") {
            "0"
        } else if cfg!(target_arch = "aarch64") {
            "63"
        } else {
            return None;
        };
        if !self.asleep()? {
            return Some(false);
        }
        let call = self.read("syscall")?;
        Some(call.split_whitespace().next() == Some(read))
    }
}

/// The threads this process had at one moment, to tell the threads started
/// after it: those of the learner's code, in a test that takes the census
/// just before it calls that code (the runner runs each test in a process
/// of its own). Linux only.
#[derive(Clone, Debug)]
pub struct Census {
    before: std::collections::HashSet<u32>,
}

impl Census {
    /// The threads of this process now; `None` where the system does not
    /// tell.
    pub fn take() -> Option<Census> {
        Some(Census {
            before: own_threads()?.into_iter().collect(),
        })
    }

    /// The threads started since the census that are still alive; `None`
    /// where the system does not tell.
    pub fn newcomers(&self) -> Option<Vec<ThreadProbe>> {
        Some(
            own_threads()?
                .into_iter()
                .filter(|tid| !self.before.contains(tid))
                .map(|tid| ThreadProbe { pid: None, tid })
                .collect(),
        )
    }
}

/// The kernel ids of this process's threads.
fn own_threads() -> Option<Vec<u32>> {
    threads_in("/proc/self/task")
}

/// The kernel ids of the threads listed in `dir` (a process's `task`
/// folder); `None` where the system does not tell.
fn threads_in(dir: &str) -> Option<Vec<u32>> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let tasks = std::fs::read_dir(dir).ok()?;
    Some(
        tasks
            .filter_map(|task| task.ok()?.file_name().to_str()?.parse().ok())
            .collect(),
    )
}

/// Tells when the threads a test started since a [`Census`] can no longer
/// move by themselves: each of them is either waiting in one of the test's
/// own waits (a thread the test excuses: a job or stage function of the
/// test's, called by the learner's code, that waits for the rest of that
/// code), or asleep in a wait without a time-out, seen so at two looks in a
/// row without waking between them. Then nothing can change until one of
/// the test's waits ends, so waiting on is pointless: the wait can end now
/// with the same result it would get at its deadline.
///
/// Only for a moment when the test's own thread does nothing that could
/// wake the learner's code (it sends nothing more, drops nothing): the
/// census does not watch the threads that were there before it. Where the
/// system does not tell, it never says yes.
pub struct Standstill {
    census: Option<Census>,
    /// The threads seen asleep in a wait without a time-out at the last
    /// look, with how many times each had gone to sleep.
    stuck_before: std::collections::HashMap<u32, u64>,
}

impl Standstill {
    /// Watches the threads started after `census` (taken by
    /// [`Census::take`]; `None` where the system does not tell).
    pub fn since(census: Option<Census>) -> Standstill {
        Standstill {
            census,
            stuck_before: std::collections::HashMap::new(),
        }
    }

    /// Looks now: whether every thread started since the census is in
    /// `excused` (waiting in a wait of the test's own) or asleep in a wait
    /// without a time-out since the last look, with no wake-up between.
    pub fn reached(&mut self, excused: &[ThreadProbe]) -> bool {
        let Some(newcomers) = self.census.as_ref().and_then(Census::newcomers) else {
            return false;
        };
        let watched = newcomers.into_iter().filter(|t| !excused.contains(t));
        all_stuck_since(&mut self.stuck_before, watched, |thread| {
            thread.waits_without_time_out() == Some(true)
        })
    }
}

/// Tells when a program the test started ([`LiveProgram`]) can no longer
/// move by itself: every thread of it asleep, since the last look and
/// without waking between, in a wait without a time-out (a `recv`, a
/// `join`) or in a read of its input. Then only the test can change what
/// happens next (by typing, or closing the input); if the input is already
/// closed, the program will never end. Where the system does not tell (or
/// will not show another process's threads), it never says yes.
pub struct ProgramStandstill {
    pid: u32,
    /// The threads seen stuck at the last look, with how many times each
    /// had gone to sleep.
    stuck_before: std::collections::HashMap<u32, u64>,
}

impl ProgramStandstill {
    /// Watches the threads of `program`.
    pub fn of(program: &LiveProgram) -> ProgramStandstill {
        ProgramStandstill {
            pid: program.id(),
            stuck_before: std::collections::HashMap::new(),
        }
    }

    /// Looks now: whether every thread of the program has stayed stuck
    /// since the last look.
    pub fn reached(&mut self) -> bool {
        let Some(tids) = threads_in(&format!("/proc/{}/task", self.pid)) else {
            return false;
        };
        let pid = Some(self.pid);
        let threads = tids.iter().map(|&tid| ThreadProbe { pid, tid });
        !tids.is_empty()
            && all_stuck_since(&mut self.stuck_before, threads, |thread| {
                thread.waits_without_time_out() == Some(true)
                    || thread.waits_for_input() == Some(true)
            })
    }
}

/// Whether every one of `threads` is `stuck` now and was at the last look
/// (`stuck_before`: how many times each had gone to sleep then), without
/// waking between; `stuck_before` becomes this look.
fn all_stuck_since(
    stuck_before: &mut std::collections::HashMap<u32, u64>,
    threads: impl Iterator<Item = ThreadProbe>,
    stuck: impl Fn(&ThreadProbe) -> bool,
) -> bool {
    let mut stuck_now = std::collections::HashMap::new();
    let mut all = true;
    for thread in threads {
        match (stuck(&thread), thread.sleeps()) {
            (true, Some(sleeps)) => {
                all &= stuck_before.get(&thread.tid) == Some(&sleeps);
                stuck_now.insert(thread.tid, sleeps);
            }
            _ => all = false,
        }
    }
    *stuck_before = stuck_now;
    all
}

/// The test's own waits that run inside the learner's code (in a job or a
/// stage function the test hands to it) and wait for the rest of that code
/// to do something: each ends at its deadline, when what it waits for comes
/// true, or as soon as waiting on cannot help, that is when every thread
/// started since a [`Census`] is waiting in one of these waits or asleep in
/// a wait without a time-out (a [`Standstill`]): a learner's code that runs
/// everything on the one thread that is waiting here, or whose other
/// threads wait for a lock, a join or a message only the waiting ones can
/// give.
///
/// A standstill is only judged once the test's own thread does nothing
/// more that could wake the learner's code: from the start
/// ([`InnerWaits::since`]), or from [`InnerWaits::settle`] on
/// ([`InnerWaits::unsettled`]). Where the system does not tell (anything
/// but Linux), the waits end at their deadline as before.
pub struct InnerWaits {
    /// The threads waiting in one of these waits now.
    waiting: Mutex<Vec<ThreadProbe>>,
    standstill: Mutex<Standstill>,
    settled: std::sync::atomic::AtomicBool,
}

impl InnerWaits {
    /// Waits that judge a standstill of the threads started after `census`
    /// from the start.
    pub fn since(census: Option<Census>) -> InnerWaits {
        let waits = InnerWaits::unsettled(census);
        waits.settle();
        waits
    }

    /// Waits that judge a standstill only after [`InnerWaits::settle`].
    pub fn unsettled(census: Option<Census>) -> InnerWaits {
        InnerWaits {
            waiting: Mutex::default(),
            standstill: Mutex::new(Standstill::since(census)),
            settled: std::sync::atomic::AtomicBool::new(false),
        }
    }

    /// From now on the test's own thread only waits.
    pub fn settle(&self) {
        self.settled
            .store(true, std::sync::atomic::Ordering::SeqCst);
    }

    /// Waits until `ready()` says yes, until `deadline`, or until waiting
    /// on cannot help (see [`InnerWaits`]); returns whether `ready()` said
    /// yes, as [`wait_until`] does. Called on the learner's thread.
    pub fn until(&self, deadline: Instant, ready: impl FnMut() -> bool) -> bool {
        let me = ThreadProbe::current();
        if let (Some(me), Ok(mut waiting)) = (&me, self.waiting.lock()) {
            waiting.push(me.clone());
        }
        let hopeless = || {
            if !self.settled.load(std::sync::atomic::Ordering::SeqCst) {
                return false;
            }
            let excused = self.waiting.lock().map(|w| w.clone()).unwrap_or_default();
            self.standstill
                .lock()
                .map(|mut s| s.reached(&excused))
                .unwrap_or(false)
        };
        let came = wait_until_while(deadline, Duration::from_millis(1), || !hopeless(), ready);
        if let (Some(me), Ok(mut waiting)) = (&me, self.waiting.lock()) {
            if let Some(i) = waiting.iter().position(|t| t == me) {
                waiting.remove(i);
            }
        }
        came
    }
}

/// The most output a [`LiveProgram`] keeps from its program (stdout and
/// stderr each); anything beyond is read and thrown away, so that a program
/// that prints without end neither blocks nor fills the test's memory.
pub const LIVE_OUTPUT_KEPT: usize = 1 << 20;

/// A program started by a test, whose input and output the test handles as
/// it runs: it can type lines on the program's standard input, close it,
/// read each line the program prints the moment it comes (with the time),
/// and see when the program ends. Dropping it ends the program if it still
/// runs, so a failing test never leaves one behind.
///
/// Start it from the exercise's program, found at run time:
/// `LiveProgram::start(program_found(name, std::process::Command::cargo_bin(name)))`
/// (with `assert_cmd::prelude::*` in scope).
pub struct LiveProgram {
    child: Child,
    input: Option<ChildStdin>,
    lines: Receiver<Arrival<String>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    started: Instant,
    status: Option<ExitStatus>,
}

impl LiveProgram {
    /// Starts `command` with its standard input, output and error piped to
    /// the test.
    pub fn start(mut command: Command) -> io::Result<LiveProgram> {
        command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let started = Instant::now();
        let mut child = command.spawn()?;
        let input = child.stdin.take();
        let (line_tx, lines) = channel();
        if let Some(stdout) = child.stdout.take() {
            // A producer thread of our own: each line goes into the channel
            // as it is read, with the moment it was read.
            thread::spawn(move || {
                read_lines(stdout, |line| {
                    let _ = line_tx.send(Arrival {
                        value: line,
                        at: Instant::now(),
                    });
                });
            });
        }
        let stderr = Arc::new(Mutex::new(Vec::new()));
        if let Some(mut pipe) = child.stderr.take() {
            let kept = Arc::clone(&stderr);
            thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                while let Ok(n @ 1..) = pipe.read(&mut chunk) {
                    let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
                    let room = LIVE_OUTPUT_KEPT.saturating_sub(kept.len());
                    kept.extend_from_slice(&chunk[..n.min(room)]);
                }
            });
        }
        Ok(LiveProgram {
            child,
            input,
            lines,
            stderr,
            started,
            status: None,
        })
    }

    /// When the program was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    /// Types `line` (and a newline) on the program's standard input.
    pub fn type_line(&mut self, line: &str) -> io::Result<()> {
        let input = self.input.as_mut().ok_or_else(|| {
            io::Error::new(io::ErrorKind::BrokenPipe, "the input was already closed")
        })?;
        input.write_all(format!("{line}\n").as_bytes())?;
        input.flush()
    }

    /// Closes the program's standard input: from now on it reads "end of
    /// input", as after Ctrl+D in a terminal.
    pub fn close_input(&mut self) {
        self.input = None;
    }

    /// The next line the program prints, waiting at most `limit` for it.
    /// `Err(Timeout)` if none came in time; `Err(Disconnected)` once the
    /// program closed its output (it ended) and every line was read.
    pub fn next_line_within(&self, limit: Duration) -> Result<Arrival<String>, RecvTimeoutError> {
        self.lines.recv_timeout(limit)
    }

    /// How the program ended, if it has.
    pub fn ended(&mut self) -> Option<ExitStatus> {
        if self.status.is_none() {
            self.status = self.child.try_wait().ok().flatten();
        }
        self.status
    }

    /// Waits at most `limit` for the program to end; how it ended, if it did.
    pub fn wait_within(&mut self, limit: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + limit;
        wait_until(deadline, Duration::from_millis(2), || {
            self.ended().is_some()
        });
        self.status
    }

    /// Ends the program now (if it still runs) and waits for it to go.
    pub fn stop(&mut self) {
        if self.ended().is_none() {
            let _ = self.child.kill();
            self.status = self.child.wait().ok();
        }
    }

    /// What the program wrote on its standard error so far.
    pub fn stderr(&self) -> Vec<u8> {
        self.stderr
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl Drop for LiveProgram {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Reads `from` to its end and hands each line (without its line ending) to
/// `each`, keeping at most [`LIVE_OUTPUT_KEPT`] bytes in all; a last line
/// without a newline is handed over too.
fn read_lines(mut from: impl Read, mut each: impl FnMut(String)) {
    let mut pending: Vec<u8> = Vec::new();
    let mut kept = 0usize;
    let mut chunk = [0u8; 8192];
    let mut hand_over = |bytes: &[u8], kept: &mut usize| {
        if *kept < LIVE_OUTPUT_KEPT {
            *kept += bytes.len() + 1;
            let text = String::from_utf8_lossy(bytes);
            each(text.strip_suffix('\r').unwrap_or(&text).to_owned());
        }
    };
    while let Ok(n @ 1..) = from.read(&mut chunk) {
        pending.extend_from_slice(&chunk[..n]);
        while let Some(end) = pending.iter().position(|&b| b == b'\n') {
            hand_over(&pending[..end], &mut kept);
            pending.drain(..=end);
        }
        // A line without end is handed over in pieces rather than kept whole.
        if pending.len() > 64 * 1024 {
            hand_over(&pending, &mut kept);
            pending.clear();
        }
    }
    if !pending.is_empty() {
        hand_over(&pending, &mut kept);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn a_failed_program_ends_in_words_of_each_language() {
        let status = Command::new("sh").args(["-c", "exit 101"]).status();
        if let Ok(status) = status {
            assert_eq!(ending_in(Lang::En, status), "exit code 101");
            assert_eq!(ending_in(Lang::PtBr, status), "código de saída 101");
        }
    }

    #[test]
    fn portuguese_locales_pick_pt_br() {
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "pt_BR.UTF-8")])),
            Lang::PtBr
        );
        assert_eq!(Lang::from_locale(env(&[("LC_ALL", "pt_PT")])), Lang::PtBr);
    }

    #[test]
    fn lc_all_wins_over_lang_and_empty_values_are_skipped() {
        let e = [("LC_ALL", "en_US.UTF-8"), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(Lang::from_locale(env(&e)), Lang::En);
        let e = [("LC_ALL", ""), ("LC_MESSAGES", "pt_BR"), ("LANG", "C")];
        assert_eq!(Lang::from_locale(env(&e)), Lang::PtBr);
    }

    #[test]
    fn anything_else_is_english() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::En);
    }

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
    fn counts_agree_with_their_nouns() {
        assert_eq!(messages_en(1), "1 message");
        assert_eq!(messages_en(0), "0 messages");
        assert_eq!(expected_messages_pt(1), "era esperada 1 mensagem");
        assert_eq!(expected_messages_pt(4), "eram esperadas 4 mensagens");
        assert_eq!(arrived_pt(0), "nenhuma chegou");
        assert_eq!(arrived_pt(1), "só 1 chegou");
        assert_eq!(arrived_pt(3), "só 3 chegaram");
    }

    #[test]
    fn quote_marks_every_line() {
        assert_eq!(quote(b"a\nb\n"), "    | a\n    | b\n");
    }

    #[test]
    fn human_durations() {
        assert_eq!(human_in(Lang::En, Duration::from_millis(250)), "250 ms");
        assert_eq!(human_in(Lang::En, Duration::from_millis(1500)), "1.5 s");
        assert_eq!(human_in(Lang::PtBr, Duration::from_millis(250)), "250 ms");
        assert_eq!(human_in(Lang::PtBr, Duration::from_secs(5)), "5,0 s");
        assert_eq!(human_in(Lang::PtBr, Duration::from_millis(1500)), "1,5 s");
    }

    #[test]
    #[should_panic(expected = "Sender")]
    fn recv_within_on_a_closed_channel_speaks_of_the_senders() {
        let (tx, rx) = channel::<u8>();
        drop(tx);
        recv_within(&rx, PATIENCE);
    }

    #[test]
    fn try_join_within_hands_back_the_panic_text() {
        let handle = thread::spawn(|| -> u8 { panic!("no more senders") });
        let got = try_join_within(handle, PATIENCE, ("late", "atrasada"));
        assert_eq!(got, Err("no more senders".to_owned()));
        let handle = thread::spawn(|| 7);
        assert_eq!(
            try_join_within(handle, PATIENCE, ("late", "atrasada")),
            Ok(7)
        );
    }

    #[test]
    #[should_panic]
    fn try_join_within_fails_on_a_thread_that_does_not_end() {
        let (_tx, rx) = channel::<u8>();
        let handle = thread::spawn(move || rx.recv().ok());
        let _ = try_join_within(handle, Duration::from_millis(20), ("late", "atrasada"));
    }

    #[test]
    fn program_found_passes_a_found_program_through_and_names_a_missing_one() {
        assert_eq!(program_found("p", Ok::<u8, String>(3)), 3);
        let missing = std::panic::catch_unwind(|| {
            program_found("the_program", Err::<u8, _>("not built"));
        });
        let text = panic_text(&*missing.unwrap_err());
        assert!(
            text.contains("the_program") && text.contains("not built"),
            "{text}"
        );
        // assert_cmd's English around the path is left out.
        let missing = std::panic::catch_unwind(|| {
            program_found(
                "p",
                Err::<u8, _>("Cause: Cargo command not found: /course/target/p\n"),
            );
        });
        let text = panic_text(&*missing.unwrap_err());
        assert!(text.contains("(/course/target/p)"), "{text}");
        assert!(!text.contains("Cargo command"), "{text}");
    }

    #[test]
    fn find_program_fails_in_the_learners_language_when_nothing_was_built() {
        // Nothing is named `never_built`: no CARGO_BIN_EXE_never_built, and
        // no such file next to this test.
        let lookup = |_: &'static str| -> Result<u8, String> {
            panic!("the lookup runs only for a program that was built")
        };
        let missing = std::panic::catch_unwind(|| find_program("never_built", lookup));
        let text = panic_text(&*missing.unwrap_err());
        let expected = tr(
            "the program `never_built` that this exercise builds was never built",
            "o programa `never_built` que este exercício compila nunca foi compilado",
        );
        assert!(text.starts_with(expected), "{text}");
        assert!(!text.contains("CARGO_BIN_EXE"), "{text}");
    }

    #[test]
    fn stamped_values_name_their_thread() {
        let named = thread::Builder::new()
            .name("producer 3".into())
            .spawn(|| stamp(1))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(named.thread_label(), "producer 3");
        let unnamed = thread::spawn(|| stamp(1)).join().unwrap();
        assert!(unnamed.thread_label().starts_with("ThreadId("));
    }

    #[test]
    fn drain_within_stops_at_the_close_or_at_the_limit_without_failing() {
        let (tx, rx) = channel();
        thread::spawn(move || {
            for n in 0..3 {
                tx.send(n).unwrap();
            }
        });
        let started = Instant::now();
        assert_eq!(drain_within(&rx, PATIENCE), [0, 1, 2]);
        assert!(started.elapsed() < PATIENCE);
        let (tx, rx) = channel();
        tx.send(9).unwrap();
        let started = Instant::now();
        assert_eq!(drain_within(&rx, Duration::from_millis(20)), [9]);
        assert!(started.elapsed() >= Duration::from_millis(20));
        drop(tx);
    }

    #[test]
    fn wait_until_says_whether_the_condition_came_true_in_time() {
        let flag = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let setter = Arc::clone(&flag);
        thread::spawn(move || {
            thread::sleep(Duration::from_millis(5));
            setter.store(true, std::sync::atomic::Ordering::SeqCst);
        });
        let deadline = Instant::now() + PATIENCE;
        let seen = || flag.load(std::sync::atomic::Ordering::SeqCst);
        assert!(wait_until(deadline, Duration::from_millis(1), seen));
        let started = Instant::now();
        let never = wait_until(started + ms(20), ms(1), || false);
        assert!(!never && started.elapsed() >= ms(20));
        // A passed deadline still sees what is already true.
        assert!(wait_until(started, ms(1), || true));
    }

    #[test]
    fn call_within_hands_back_a_value_a_panic_or_a_call_still_running() {
        let named = call_within(PATIENCE, Some("offer_all"), || {
            thread::current().name().map(str::to_owned)
        });
        assert_eq!(named, Outcome::Returned(Some("offer_all".to_owned())));
        let unnamed = call_within(PATIENCE, None, || thread::current().name().is_none());
        assert_eq!(unnamed, Outcome::Returned(true));
        let panicked = call_within(PATIENCE, None, || -> u8 { todo!() });
        match panicked {
            Outcome::Panicked(text) => assert!(is_todo(&text), "{text}"),
            _ => panic!("a todo!() panics"),
        }
        let (_tx, rx) = channel::<u8>();
        let stuck = call_within(Duration::from_millis(20), None, move || rx.recv().ok());
        assert_eq!(stuck, Outcome::StillRunning);
    }

    #[test]
    fn a_started_call_tells_its_thread_and_an_early_panic_and_keeps_its_outcome() {
        let (go_tx, go) = channel::<()>();
        let mut waiting = start_call(Some("client"), move || go.recv_timeout(PATIENCE).is_ok());
        assert_eq!(waiting.thread().name(), Some("client"));
        assert_eq!(waiting.panicked(), None);
        go_tx.send(()).unwrap();
        assert_eq!(
            waiting.outcome_by(Instant::now() + PATIENCE),
            Outcome::Returned(true)
        );

        let mut broken = start_call(None, || -> u8 { panic!("no reply") });
        let deadline = Instant::now() + PATIENCE;
        assert!(wait_until(deadline, ms(1), || broken.panicked().is_some()));
        assert_eq!(broken.panicked(), Some("no reply"));
        assert_eq!(
            broken.outcome_within(Duration::ZERO),
            Outcome::Panicked("no reply".to_owned())
        );

        // A result seen early by `panicked` is not lost.
        let mut quick = start_call(None, || 5);
        assert!(wait_until(Instant::now() + PATIENCE, ms(1), || {
            quick.panicked();
            quick.early.is_some()
        }));
        assert_eq!(quick.outcome_within(Duration::ZERO), Outcome::Returned(5));
    }

    #[test]
    fn watched_waits_end_once_the_work_has_ended() {
        // The test keeps a Sender, so only the watch can end these waits.
        let (tx, rx) = channel::<u8>();
        let worker = thread::spawn(|| -> u8 { panic!("gone at once") });
        let started = Instant::now();
        let working = || !worker.is_finished();
        assert_eq!(
            recv_by(&rx, started + PATIENCE, working),
            Err(Waited::WorkEnded)
        );
        assert!(drain_within_while(&rx, PATIENCE, working).is_empty());
        assert!(!wait_until_while(
            started + PATIENCE,
            ms(1),
            working,
            || false
        ));
        let failed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            recv_within_while(&rx, PATIENCE, || !worker.is_finished())
        }));
        assert!(failed.is_err());
        assert!(started.elapsed() < PATIENCE / 2);
        // A message sent before the end is still received.
        tx.send(4).unwrap();
        assert_eq!(recv_by(&rx, Instant::now() + PATIENCE, || false), Ok(4));
        let collected = std::panic::catch_unwind(|| {
            collect_within_while(&rx, 1, PATIENCE, || false);
        });
        assert!(collected.is_err());
        let still_open = std::panic::catch_unwind(|| {
            closed_within_while(&rx, PATIENCE, || false);
        });
        let text = panic_text(&*still_open.unwrap_err());
        assert!(text.contains("Sender"), "{text}");
        assert!(started.elapsed() < PATIENCE / 2);
        drop(tx);
    }

    #[test]
    fn a_call_can_be_given_up_early_and_tells_when_it_has_finished() {
        let (_tx, rx) = channel::<u8>();
        let stuck = start_call(None, move || rx.recv().ok());
        assert!(!stuck.finished());
        let started = Instant::now();
        let mut looks = 0;
        let outcome = stuck.outcome_until(started + PATIENCE, || {
            looks += 1;
            looks > 3
        });
        assert_eq!(outcome, Outcome::StillRunning);
        assert!(started.elapsed() < PATIENCE / 2);
        let quick = start_call(None, || 3);
        assert!(wait_until(Instant::now() + PATIENCE, ms(1), || quick.finished()));
        assert_eq!(
            quick.outcome_until(Instant::now() + PATIENCE, || true),
            Outcome::Returned(3)
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_probe_tells_a_thread_asleep_in_recv_from_one_that_spins() {
        let (tx, rx) = channel::<u8>();
        let waiting = start_call(None, move || rx.recv().ok());
        let mut still = waiting.stillness();
        let deadline = Instant::now() + PATIENCE;
        assert!(wait_until(deadline, ms(1), || still.asleep_for(ms(30))));
        let probe = waiting.probe().expect("Linux tells");
        assert_eq!(probe.asleep(), Some(true));
        tx.send(1).unwrap();
        assert_eq!(waiting.outcome_within(PATIENCE), Outcome::Returned(Some(1)));

        let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let spin = Arc::clone(&stop);
        let spinner = start_call(None, move || {
            while !spin.load(std::sync::atomic::Ordering::Relaxed) {
                std::hint::spin_loop();
            }
        });
        assert!(wait_until(deadline, ms(1), || spinner.probe().is_some()));
        let probe = spinner.probe().unwrap();
        let before = probe.cpu_time().unwrap();
        // The clock counts in steps of 10 ms; give a busy machine time.
        assert!(wait_until(
            Instant::now() + Duration::from_secs(20),
            ms(2),
            || { probe.cpu_time().unwrap() >= before + ms(20) }
        ));
        let mut still = spinner.stillness();
        for _ in 0..5 {
            assert!(!still.asleep_for(Duration::ZERO) || probe.asleep() == Some(true));
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert_eq!(spinner.outcome_within(PATIENCE), Outcome::Returned(()));
        assert!(wait_until(deadline, ms(1), || probe.asleep().is_none()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_standstill_is_threads_asleep_without_a_time_out_or_excused() {
        // Other tests of this process start threads too: each look below
        // waits for theirs to end or to stand still.
        let mut standstill = Standstill::since(Census::take());
        let (tx, rx) = channel::<u8>();
        let waiting = start_call(None, move || rx.recv().ok());
        let deadline = Instant::now() + PATIENCE;
        assert!(wait_until(deadline, ms(1), || standstill.reached(&[])));
        let probe = waiting.probe().expect("Linux tells");
        assert_eq!(probe.waits_without_time_out(), Some(true));
        // A thread that sleeps wakes by itself: no standstill while it does,
        // unless the test excuses it.
        let sleeper = start_call(None, || thread::sleep(ms(300)));
        assert!(wait_until(deadline, ms(1), || sleeper.probe().is_some()));
        let sleeping = sleeper.probe().unwrap();
        assert!(wait_until(deadline, ms(1), || sleeping.asleep() == Some(true)));
        assert_eq!(sleeping.waits_without_time_out(), Some(false));
        for _ in 0..5 {
            assert!(!standstill.reached(&[]));
        }
        assert!(wait_until(deadline, ms(1), || {
            standstill.reached(std::slice::from_ref(&sleeping))
        }));
        tx.send(1).unwrap();
        assert_eq!(waiting.outcome_within(PATIENCE), Outcome::Returned(Some(1)));
        assert_eq!(sleeper.outcome_within(PATIENCE), Outcome::Returned(()));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn inner_waits_end_once_nothing_else_can_move() {
        // Other tests of this process start threads too; the deadlines are
        // long enough for theirs to end or stand still.
        let waits = Arc::new(InnerWaits::since(Census::take()));
        let started = Instant::now();
        // Alone on its thread: nothing else could make it ready.
        let alone = {
            let waits = Arc::clone(&waits);
            start_call(None, move || {
                waits.until(Instant::now() + PATIENCE, || false)
            })
        };
        assert_eq!(alone.outcome_within(PATIENCE), Outcome::Returned(false));
        assert!(started.elapsed() < PATIENCE / 2);
        // Beside a thread that sleeps (and so will wake), it waits on.
        let sleeper = start_call(None, || thread::sleep(ms(200)));
        let waited = {
            let waits = Arc::clone(&waits);
            start_call(None, move || {
                let from = Instant::now();
                waits.until(from + ms(100), || false);
                from.elapsed()
            })
        };
        match waited.outcome_within(PATIENCE) {
            Outcome::Returned(took) => assert!(took >= ms(100), "{took:?}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(sleeper.outcome_within(PATIENCE), Outcome::Returned(()));
    }

    #[test]
    fn is_todo_knows_the_text_of_todo_with_and_without_a_message() {
        let bare = std::panic::catch_unwind(|| -> u8 { todo!() }).unwrap_err();
        assert!(is_todo(&panic_text(&*bare)));
        let told = std::panic::catch_unwind(|| -> u8 { todo!("later") }).unwrap_err();
        assert!(is_todo(&panic_text(&*told)));
        assert!(!is_todo(
            "called `Result::unwrap()` on an `Err` value: RecvError"
        ));
    }

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn a_timeline_lists_events_in_order_of_time_with_a_heading_per_language() {
        let t0 = Instant::now();
        let events = [
            event(t0 + ms(12), "producer 2", "sent (2, 0)"),
            event(t0 + ms(3), "producer 1", "sent (1, 0)"),
            event(t0 + ms(1500), "test", "the channel closed"),
        ];
        let en = timeline_in(Lang::En, t0, events.clone());
        assert_eq!(
            en,
            "    timeline (ms since the start · who · what):\n\
             \x20        3.0 ms  producer 1  sent (1, 0)\n\
             \x20       12.0 ms  producer 2  sent (2, 0)\n\
             \x20     1500.0 ms  test        the channel closed\n"
        );
        let pt = timeline_in(Lang::PtBr, t0, events);
        assert!(pt.starts_with("    linha do tempo"), "{pt}");
        assert!(pt.contains("1500,0 ms") && pt.contains("   3,0 ms"), "{pt}");
    }

    #[test]
    fn a_long_timeline_shows_its_first_and_last_events_and_counts_the_rest() {
        let t0 = Instant::now();
        let events = (0..100u64).map(|i| event(t0 + ms(i), "p", format!("event {i}")));
        let text = timeline_in(Lang::En, t0, events);
        let lines: Vec<&str> = text.lines().collect();
        // The heading, TIMELINE_LINES events and the line that counts the rest.
        assert_eq!(lines.len(), TIMELINE_LINES + 2, "{text}");
        assert!(lines[1].ends_with("event 0"), "{text}");
        assert!(text.contains(&format!("… {} more events …", 100 - TIMELINE_LINES)));
        assert!(lines.last().unwrap().ends_with("event 99"), "{text}");
        let pt = timeline_in(Lang::PtBr, t0, (0..30u64).map(|i| event(t0, "p", i)));
        assert!(pt.contains(&format!("… mais {} eventos …", 30 - TIMELINE_LINES)));
        // One left out: the words agree with the count.
        let one = (0..=TIMELINE_LINES as u64).map(|i| event(t0, "p", i));
        let en = timeline_in(Lang::En, t0, one.clone());
        assert!(en.contains("… 1 more event …"), "{en}");
        let pt = timeline_in(Lang::PtBr, t0, one);
        assert!(pt.contains("… mais 1 evento …"), "{pt}");
    }

    #[test]
    fn plural_agrees_with_the_count() {
        let ran = |n| format!("{n} {}", plural(n, "tarefa rodou", "tarefas rodaram"));
        assert_eq!(ran(1), "1 tarefa rodou");
        assert_eq!(ran(0), "0 tarefas rodaram");
        assert_eq!(ran(2), "2 tarefas rodaram");
    }

    #[test]
    fn a_timeline_keeps_each_event_on_one_short_line() {
        let t0 = Instant::now();
        let long = "x".repeat(500);
        let text = timeline_in(Lang::En, t0, [event(t0, "a\nb", &long)]);
        let line = text.lines().nth(1).unwrap();
        assert!(line.contains("a b"), "{text}");
        assert!(line.ends_with('…') && line.chars().count() < 120, "{text}");
        assert_eq!(text.lines().count(), 2);
        let empty = timeline_in(Lang::PtBr, t0, Vec::new());
        assert!(empty.contains("nada foi registrado"), "{empty}");
    }

    #[test]
    fn process_cpu_time_grows_while_a_thread_computes() {
        let linux = cfg!(target_os = "linux");
        let Some(before) = process_cpu_time() else {
            assert!(!linux, "Linux should tell the CPU time");
            return;
        };
        // Spin until the clock moves (it counts in steps of 10 ms), giving up
        // only after a long time, so that a busy machine cannot fail this.
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut spins = 0u64;
        while process_cpu_time().unwrap() < before + ms(20) && Instant::now() < deadline {
            spins = std::hint::black_box(spins + 1);
        }
        assert!(process_cpu_time().unwrap() >= before + ms(20));
    }

    #[test]
    fn read_lines_splits_on_newlines_and_keeps_a_last_unfinished_line() {
        let mut got = Vec::new();
        read_lines(&b"one\r\ntwo\n\nthree"[..], |line| got.push(line));
        assert_eq!(got, ["one", "two", "", "three"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_live_program_reads_what_is_typed_and_ends_when_its_input_closes() {
        let mut cat = LiveProgram::start(Command::new("cat")).unwrap();
        cat.type_line("hello").unwrap();
        let line = cat.next_line_within(PATIENCE).unwrap();
        assert_eq!(line.value, "hello");
        assert!(line.at >= cat.started());
        assert_eq!(cat.ended(), None);
        cat.close_input();
        assert!(cat.type_line("too late").is_err());
        let status = cat
            .wait_within(PATIENCE)
            .expect("cat ends at the end of its input");
        assert!(status.success());
        assert_eq!(
            cat.next_line_within(PATIENCE).unwrap_err(),
            RecvTimeoutError::Disconnected
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_live_program_keeps_its_stderr_and_is_stopped_when_dropped() {
        let mut command = Command::new("sh");
        command.args(["-c", "echo oops >&2; exec sleep 600"]);
        let mut program = LiveProgram::start(command).unwrap();
        let deadline = Instant::now() + PATIENCE;
        while program.stderr().is_empty() && Instant::now() < deadline {
            thread::sleep(ms(2));
        }
        assert_eq!(program.stderr(), b"oops\n");
        assert_eq!(program.wait_within(ms(20)), None);
        assert_eq!(
            program.next_line_within(ms(1)).unwrap_err(),
            RecvTimeoutError::Timeout
        );
        let started = Instant::now();
        drop(program);
        assert!(started.elapsed() < PATIENCE);
    }

    #[test]
    fn a_live_program_that_cannot_start_is_an_error() {
        assert!(LiveProgram::start(Command::new("/no/such/program")).is_err());
    }
}

// ---------------------------------------------------------------------------
// Watching threads from outside: what a thread does while it waits, and how
// many threads a program really runs. Where the system does not tell (these
// read Linux's /proc), every function answers `None`, and a test that needs
// the answer skips its check with a word about why.
// ---------------------------------------------------------------------------

/// How many threads the process `pid` runs right now, main thread included;
/// `None` where the system does not tell (anything but Linux) or once the
/// process is gone.
pub fn threads_of_process(pid: u32) -> Option<usize> {
    let count = threads_in(&format!("/proc/{pid}/task"))?.len();
    // A process that ended (a zombie waiting for its parent) lists no task.
    (count > 0).then_some(count)
}

impl LiveProgram {
    /// The program's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

/// The fewest and the most threads a process was seen running, sampled
/// every millisecond or so from a thread of the test's own until the
/// process ends or [`ThreadCount::stop`] is called.
pub struct ThreadCount {
    seen: Arc<Mutex<Option<(usize, usize)>>>,
    done: Arc<std::sync::atomic::AtomicBool>,
    sampler: Option<JoinHandle<()>>,
}

impl ThreadCount {
    /// Starts counting the threads of process `pid`; `None` where the
    /// system does not tell.
    pub fn start(pid: u32) -> Option<ThreadCount> {
        threads_of_process(pid)?;
        let seen: Arc<Mutex<Option<(usize, usize)>>> = Arc::default();
        let done = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let sampler = {
            let (seen, done) = (Arc::clone(&seen), Arc::clone(&done));
            thread::spawn(move || {
                while !done.load(std::sync::atomic::Ordering::SeqCst) {
                    let Some(now) = threads_of_process(pid) else {
                        break;
                    };
                    if let Ok(mut seen) = seen.lock() {
                        let (low, high) = seen.unwrap_or((now, now));
                        *seen = Some((low.min(now), high.max(now)));
                    }
                    thread::sleep(Duration::from_millis(1));
                }
            })
        };
        Some(ThreadCount {
            seen,
            done,
            sampler: Some(sampler),
        })
    }

    /// The most threads seen so far; `None` before the first look.
    pub fn most(&self) -> Option<usize> {
        self.seen.lock().ok()?.map(|(_, most)| most)
    }

    /// Stops sampling; the fewest and the most threads seen.
    pub fn stop(mut self) -> (usize, usize) {
        self.done.store(true, std::sync::atomic::Ordering::SeqCst);
        if let Some(sampler) = self.sampler.take() {
            let _ = sampler.join();
        }
        self.seen
            .lock()
            .map(|s| s.unwrap_or((0, 0)))
            .unwrap_or((0, 0))
    }
}

impl Drop for ThreadCount {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

#[cfg(test)]
mod watching_threads {
    use super::*;

    #[test]
    fn a_probe_sees_a_sleeping_thread_sleep_and_a_spinning_one_compute() {
        let linux = cfg!(target_os = "linux");
        let Some(probe) = ThreadProbe::current() else {
            assert!(!linux, "Linux should tell");
            return;
        };
        let before = probe.sleeps().unwrap();
        for _ in 0..5 {
            thread::sleep(Duration::from_millis(1));
        }
        assert!(probe.sleeps().unwrap() >= before + 5);
        let spinner = thread::spawn(|| {
            let probe = ThreadProbe::current().unwrap();
            let start = probe.cpu_time().unwrap();
            let deadline = Instant::now() + Duration::from_secs(20);
            let mut spins = 0u64;
            while probe.cpu_time().unwrap() < start + Duration::from_millis(20)
                && Instant::now() < deadline
            {
                spins = std::hint::black_box(spins + 1);
            }
            probe
        });
        let probe = spinner.join().unwrap();
        // The thread is gone: nothing to read any more.
        assert_eq!(probe.cpu_time(), None);
    }

    #[test]
    fn the_threads_of_this_process_are_counted() {
        let linux = cfg!(target_os = "linux");
        let Some(now) = threads_of_process(std::process::id()) else {
            assert!(!linux, "Linux should tell");
            return;
        };
        assert!(now >= 1);
        let (tx, rx) = channel::<()>();
        let count = ThreadCount::start(std::process::id()).unwrap();
        let extra: Vec<_> = (0..3)
            .map(|_| {
                let rx_done = tx.clone();
                thread::spawn(move || {
                    thread::sleep(Duration::from_millis(30));
                    drop(rx_done);
                })
            })
            .collect();
        drop(tx);
        let _ = rx.recv();
        let so_far = count.most();
        let (_, most) = count.stop();
        assert!(so_far.is_some_and(|n| n >= 4 && n <= most), "{so_far:?}");
        for t in extra {
            t.join().unwrap();
        }
        // The three extra threads and the sampler, at least.
        assert!(most >= 4, "{most}");
    }
}
