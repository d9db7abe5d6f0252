//! The specification of exercise 08. Read it: each test says what your
//! `produce_until_closed` must do, and fails with a message that says why.
//!
//! In each test your producer runs on a thread of its own while the test
//! plays the consumer: it takes a few messages and then leaves, dropping its
//! Receiver.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use course_support::{
    Arrival, PATIENCE, check, collect_within, fail, human, join_within_or, panic_text,
};
use when_the_consumer_leaves::{Report, produce_until_closed, tick};

/// The producer's pause after each send.
const INTERVAL: Duration = Duration::from_millis(3);

/// How many messages the consumer takes before it leaves.
const TAKE: usize = 4;

/// How long the producer may take to stop once the Receiver is gone. Its
/// next send fails a few milliseconds later: two seconds is plenty on the
/// busiest machine, and a producer that never stops costs the test run little.
const STOPS_WITHIN: Duration = Duration::from_secs(2);

/// Starts `produce_until_closed` on a thread named after the test (so that
/// a panic inside it is reported under the test's name). A panic is caught
/// and handed back as its text, for [`report_once_stopped`] to explain.
fn start_producer(tx: Sender<String>) -> JoinHandle<Result<Report, String>> {
    let mut builder = thread::Builder::new();
    if let Some(name) = thread::current().name() {
        builder = builder.name(name.to_owned());
    }
    builder
        .spawn(move || {
            panic::catch_unwind(AssertUnwindSafe(|| produce_until_closed(tx, INTERVAL)))
                .map_err(|payload| panic_text(&*payload))
        })
        .expect("the system could not start a thread")
}

/// Waits for the producer, whose Receiver is gone, to notice and return its
/// report. Fails the test, saying why, if it does not.
#[track_caller]
fn report_once_stopped(producer: JoinHandle<Result<Report, String>>) -> Report {
    let outcome = join_within_or(
        producer,
        STOPS_WITHIN,
        (
            format!(
                "produce_until_closed was still running {} after the Receiver was \
                 dropped. From that moment every send returns Err, and that Err is \
                 the only news a producer gets that nobody is listening: \
                 `let _ = tx.send(..)` throws it away. Stop at the first Err.",
                human(STOPS_WITHIN)
            ),
            format!(
                "produce_until_closed continuava rodando {} depois que o Receiver \
                 foi descartado. A partir dali todo send devolve Err, e esse Err é o \
                 único aviso que o produtor recebe de que ninguém mais escuta: \
                 `let _ = tx.send(..)` joga o aviso fora. Pare no primeiro Err.",
                human(STOPS_WITHIN)
            ),
        ),
    );
    match outcome {
        Ok(report) => report,
        Err(panicked) => fail(
            format!(
                "produce_until_closed panicked: {panicked}. Once the consumer leaves, a \
                 failed send is expected, not a bug: instead of unwrap() or expect(), \
                 stop and return the report."
            ),
            format!(
                "produce_until_closed entrou em pânico: {panicked}. Depois que o consumidor \
                 sai, um send que falha é o esperado, não um defeito: em vez de \
                 unwrap() ou expect(), pare e devolva o relatório."
            ),
        ),
    }
}

/// The usual story: the consumer takes `TAKE` messages, then leaves.
struct Story {
    start: Instant,
    received: Vec<Arrival<String>>,
    report: Report,
}

#[track_caller]
fn consumer_takes_some_then_leaves() -> Story {
    let (tx, rx) = channel();
    let start = Instant::now();
    let producer = start_producer(tx);
    let received = collect_within(&rx, TAKE, PATIENCE);
    // The consumer leaves.
    drop(rx);
    let report = report_once_stopped(producer);
    Story {
        start,
        received,
        report,
    }
}

#[test]
fn the_producer_stops_once_the_consumer_leaves() {
    let story = consumer_takes_some_then_leaves();
    let received: Vec<&str> = story.received.iter().map(|a| a.value.as_str()).collect();
    let expected: Vec<String> = (0..TAKE as u64).map(tick).collect();
    check(
        received == expected,
        format!("the consumer expected {expected:?} and received {received:?}"),
        format!("o consumidor esperava {expected:?} e recebeu {received:?}"),
    );
    // The last of them was sent after TAKE - 1 pauses at least.
    let earliest = INTERVAL * (TAKE as u32 - 1);
    let took = story.received[TAKE - 1].at - story.start;
    check(
        took >= earliest,
        format!(
            "{TAKE} messages arrived within {}; with a pause of {} after each send, that \
             takes at least {}: does the producer sleep `interval` after each send?",
            human(took),
            human(INTERVAL),
            human(earliest)
        ),
        format!(
            "{TAKE} mensagens chegaram em {}; com uma pausa de {} depois de cada envio, \
             isso leva pelo menos {}: o produtor dorme `interval` depois de cada envio?",
            human(took),
            human(INTERVAL),
            human(earliest)
        ),
    );
}

#[test]
fn sent_counts_every_message_send_accepted() {
    let story = consumer_takes_some_then_leaves();
    let sent = story.report.sent;
    // The consumer took TAKE messages, so send accepted at least that many.
    // It may have accepted a few more: a message sent after the consumer's
    // last recv, but before it dropped the Receiver, is accepted too (and is
    // then dropped with the Receiver, unread).
    check(
        sent >= TAKE as u64,
        format!(
            "the consumer received {TAKE} messages, yet the report says sent = {sent}: \
             count every send that returned Ok"
        ),
        format!(
            "o consumidor recebeu {TAKE} mensagens, mas o relatório diz sent = {sent}: \
             conte todo send que devolveu Ok"
        ),
    );
}

#[test]
fn the_refused_message_comes_back_in_the_report() {
    let story = consumer_takes_some_then_leaves();
    let Report { sent, returned } = story.report;
    // Messages go out in order, tick(0), tick(1), ...: if `sent` of them were
    // accepted, the first one refused is tick(sent).
    let refused = tick(sent);
    check(
        returned == refused,
        format!(
            "the report says sent = {sent} and returned = {returned:?}, which do not \
             agree: with tick 0, tick 1, ... sent in order, the message refused after \
             {sent} accepted sends is {refused:?}. Count only the sends that returned \
             Ok, and take the refused message back from the SendError (`err.0`)."
        ),
        format!(
            "o relatório diz sent = {sent} e returned = {returned:?}, e os dois não \
             combinam: com tick 0, tick 1, ... enviados em ordem, a mensagem recusada \
             depois de {sent} envios aceitos é {refused:?}. Conte só os sends que \
             devolveram Ok, e pegue de volta a mensagem recusada de dentro do \
             SendError (`err.0`)."
        ),
    );
}

#[test]
fn nothing_is_sent_when_the_consumer_left_before_the_start() {
    let (tx, rx) = channel();
    // The consumer is gone before the producer starts: the very first send
    // fails, and the producer reports at once.
    drop(rx);
    let report = report_once_stopped(start_producer(tx));
    let expected = Report {
        sent: 0,
        returned: tick(0),
    };
    check(
        report == expected,
        format!(
            "with the Receiver already gone, the first send fails: expected \
             {expected:?}, got {report:?}"
        ),
        format!(
            "com o Receiver já descartado, o primeiro send falha: o esperado era \
             {expected:?}, veio {report:?}"
        ),
    );
}
