//! The specification of exercise 08. Read it: each test says what your
//! `produce_until_closed` must do, and fails with a message that says why.
//!
//! In each test your producer runs on a thread of its own while the test
//! plays the consumer: it takes a few messages and then leaves, dropping its
//! Receiver. The messages are `Tick`s: each has its number and a serial that
//! no other tick shares, and none can be cloned, so the test knows whether the
//! message in the report is the very one `send` refused.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Arrival, Call, Outcome, PATIENCE, check, collect_within, fail, human, start_call,
};
use when_the_consumer_leaves::{Report, produce_until_closed};

/// The producer's pause after each send.
const INTERVAL: Duration = Duration::from_millis(3);

/// How many messages the consumer takes before it leaves.
const TAKE: usize = 4;

/// How long the producer may take to stop once the Receiver is gone. Its
/// next send fails a few milliseconds later: two seconds is plenty on the
/// busiest machine, and a producer that never stops costs the test run little.
const STOPS_WITHIN: Duration = Duration::from_secs(2);

/// A message of the tests: its number, and a serial no other tick shares.
/// Deliberately not `Clone`: the only way to get a sent tick back is from
/// the error of the `send` that refused it.
#[derive(Debug, PartialEq, Eq)]
struct Tick {
    number: u64,
    serial: u64,
}

/// Every tick made so far, by any test: the thread that made it, its
/// number, its serial, and when it was made.
static MADE: Mutex<Vec<(ThreadId, u64, u64, Instant)>> = Mutex::new(Vec::new());

/// The `make` the tests pass to `produce_until_closed`: a new tick, with
/// the next serial, noted in [`MADE`].
fn make_tick(number: u64) -> Tick {
    static NEXT_SERIAL: AtomicU64 = AtomicU64::new(1);
    let serial = NEXT_SERIAL.fetch_add(1, Ordering::Relaxed);
    MADE.lock().unwrap_or_else(|e| e.into_inner()).push((
        thread::current().id(),
        number,
        serial,
        Instant::now(),
    ));
    Tick { number, serial }
}

/// The serials of the ticks numbered `number` that `thread` made, in order.
fn made_by(thread: ThreadId, number: u64) -> Vec<u64> {
    MADE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|(t, n, _, _)| *t == thread && *n == number)
        .map(|(_, _, serial, _)| *serial)
        .collect()
}

/// When `thread` first made the tick numbered `number`, if it did.
fn made_at(thread: ThreadId, number: u64) -> Option<Instant> {
    MADE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(t, n, _, _)| *t == thread && *n == number)
        .map(|(_, _, _, at)| *at)
}

/// The numbers of the ticks `thread` made so far, in order.
fn made_numbers(thread: ThreadId) -> Vec<u64> {
    MADE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .filter(|(t, _, _, _)| *t == thread)
        .map(|(_, number, _, _)| *number)
        .collect()
}

/// The producer's thread, with its outcome: the report, or the text of its
/// panic.
type Producer = Call<Report<Tick>>;

/// Starts `produce_until_closed` on a thread of its own. A panic is caught
/// and handed back as its text, for [`report_once_stopped`] to explain.
fn start_producer(tx: Sender<Tick>) -> Producer {
    // Named after the function it runs rather than after the test: a panic
    // of the learner's code then reads as the evidence it is, and the
    // test's own explanation comes first.
    start_call(Some("produce_until_closed"), move || {
        produce_until_closed(tx, INTERVAL, make_tick)
    })
}

/// Waits for the producer, whose Receiver is gone, to notice and return its
/// report, with the producer's thread. Fails the test, saying why, if it
/// does not. (Not `#[track_caller]`: tests that fail here for the same
/// reason point at the same line, and are told once.)
fn report_once_stopped(producer: Producer) -> (Report<Tick>, ThreadId) {
    let thread = producer.thread().id();
    // The Receiver is gone: from now on every send fails. A producer that
    // stops makes at most one more message (the one it was about to send,
    // perhaps made twice: the test says why elsewhere); a second number
    // proves it went on after a failed send, and the test need not wait
    // any longer.
    let made_before = made_numbers(thread).len();
    let made_after = || {
        let mut numbers = made_numbers(thread).split_off(made_before);
        numbers.sort_unstable();
        numbers.dedup();
        numbers.len()
    };
    let deadline = Instant::now() + STOPS_WITHIN;
    let outcome = producer.outcome_until(deadline, || made_after() >= 2);
    // Whether it is still running or already returned (on a busy machine
    // it may be done before the test looks).
    if !matches!(outcome, Outcome::Panicked(_)) && made_after() >= 2 {
        fail(
            format!(
                "produce_until_closed went on after the Receiver was dropped: it made {} \
                 more messages after that, though from then on every send fails. That Err \
                 is the only news a producer gets that nobody is listening: \
                 `let _ = tx.send(..)` throws it away. Stop at the first Err.",
                made_after()
            ),
            format!(
                "produce_until_closed continuou depois que o Receiver foi descartado: criou \
                 mais {} mensagens depois disso, embora dali em diante todo send falhe. Esse \
                 Err é o único aviso que o produtor recebe de que ninguém mais escuta: \
                 `let _ = tx.send(..)` joga o aviso fora. Pare no primeiro Err.",
                made_after()
            ),
        );
    }
    let panicked = match outcome {
        Outcome::Returned(report) => return (report, thread),
        Outcome::Panicked(panicked) => panicked,
        Outcome::StillRunning => fail(
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
    };
    fail(
        format!(
            "produce_until_closed panicked: {panicked}. Once the consumer leaves, a failed \
             send is expected, not a bug: instead of unwrap() or expect(), stop and return \
             the report, with the refused message taken back out of the SendError."
        ),
        format!(
            "produce_until_closed entrou em pânico: {panicked}. Depois que o consumidor \
             sai, um send que falha é o esperado, não um defeito: em vez de unwrap() ou \
             expect(), pare e devolva o relatório, com a mensagem recusada tirada de dentro \
             do SendError."
        ),
    )
}

/// The usual story: the consumer takes `TAKE` messages, then leaves.
struct Story {
    received: Vec<Arrival<Tick>>,
    report: Report<Tick>,
    producer: ThreadId,
}

fn consumer_takes_some_then_leaves() -> Story {
    let (tx, rx) = channel();
    let producer = start_producer(tx);
    let received = collect_within(&rx, TAKE, PATIENCE);
    // The consumer leaves.
    drop(rx);
    let (report, producer) = report_once_stopped(producer);
    Story {
        received,
        report,
        producer,
    }
}

/// Fails unless `returned` is the very tick numbered `sent` that `producer`
/// made (once) and `send` refused, not one made again afterwards.
#[track_caller]
fn check_is_the_refused_one(returned: &Tick, sent: u64, producer: ThreadId) {
    let serials = made_by(producer, sent);
    if serials.len() > 1 {
        fail(
            format!(
                "the report's `returned` is not the message send refused: message {sent} was \
                 made {} times: after the send failed, it was made again. send hands the \
                 refused message back inside its error: take it out of the SendError (`err.0`, or the \
                 pattern `Err(SendError(message))`) instead of making it again.",
                serials.len()
            ),
            format!(
                "o `returned` do relatório não é a mensagem que o send recusou: a mensagem \
                 {sent} foi criada {} vezes: depois que o send falhou, ela foi criada de novo. O \
                 send devolve a mensagem recusada dentro do erro: tire-a de dentro do SendError \
                 (`err.0`, ou o padrão `Err(SendError(message))`) em vez de criá-la de novo.",
                serials.len()
            ),
        );
    }
    check(
        serials.first() == Some(&returned.serial),
        format!(
            "the report's `returned` ({returned:?}) is not the message send refused: take \
             it out of the SendError (`err.0`)"
        ),
        format!(
            "o `returned` do relatório ({returned:?}) não é a mensagem que o send recusou: \
             tire-a de dentro do SendError (`err.0`)"
        ),
    );
}

#[test]
fn the_producer_stops_once_the_consumer_leaves() {
    let story = consumer_takes_some_then_leaves();
    let received: Vec<u64> = story.received.iter().map(|a| a.value.number).collect();
    let expected: Vec<u64> = (0..TAKE as u64).collect();
    check(
        received == expected,
        format!(
            "the consumer expected the messages numbered {expected:?} and received {received:?}"
        ),
        format!(
            "o consumidor esperava as mensagens de números {expected:?} e recebeu {received:?}"
        ),
    );
    // Each message is made after the pause that follows the previous send,
    // so the producer made them at least `INTERVAL` apart. Timed where the
    // producer makes them, not where the test reads them: a busy machine
    // may hold the test's thread back, never the producer's sleep short.
    for number in 1..TAKE as u64 {
        let made = |n| made_at(story.producer, n);
        let (Some(before), Some(at)) = (made(number - 1), made(number)) else {
            continue;
        };
        let gap = at.saturating_duration_since(before);
        check(
            gap >= INTERVAL,
            format!(
                "messages {} and {number} were made {} apart; with a pause of {} after each \
                 send, they are at least that far apart: does the producer sleep `interval` \
                 after each send?",
                number - 1,
                human(gap),
                human(INTERVAL)
            ),
            format!(
                "as mensagens {} e {number} foram criadas com {} de diferença; com uma pausa \
                 de {} depois de cada envio, a diferença é pelo menos essa: o produtor dorme \
                 `interval` depois de cada envio?",
                number - 1,
                human(gap),
                human(INTERVAL)
            ),
        );
    }
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
    let Report { sent, returned } = &story.report;
    // Messages go out in order, 0, 1, ...: if `sent` of them were accepted,
    // the first one refused is number `sent`.
    check(
        returned.number == *sent,
        format!(
            "the report says sent = {sent} and returned = message {}, which do not agree: \
             with messages 0, 1, ... sent in order, the message refused after {sent} \
             accepted sends is number {sent}. Count only the sends that returned Ok, and \
             take the refused message back from the SendError (`err.0`).",
            returned.number
        ),
        format!(
            "o relatório diz sent = {sent} e returned = mensagem {}, e os dois não \
             combinam: com as mensagens 0, 1, ... enviadas em ordem, a mensagem recusada \
             depois de {sent} envios aceitos é a de número {sent}. Conte só os sends que \
             devolveram Ok, e pegue de volta a mensagem recusada de dentro do SendError \
             (`err.0`).",
            returned.number
        ),
    );
    check_is_the_refused_one(returned, *sent, story.producer);
}

#[test]
fn nothing_is_sent_when_the_consumer_left_before_the_start() {
    let (tx, rx) = channel();
    // The consumer is gone before the producer starts: the very first send
    // fails, and the producer reports at once.
    drop(rx);
    let (report, producer) = report_once_stopped(start_producer(tx));
    check(
        report.sent == 0 && report.returned.number == 0,
        format!(
            "with the Receiver already gone, the first send fails: expected sent = 0 and \
             message 0 returned, got sent = {} and message {} returned",
            report.sent, report.returned.number
        ),
        format!(
            "com o Receiver já descartado, o primeiro send falha: o esperado era sent = 0 e \
             a mensagem 0 devolvida, veio sent = {} e a mensagem {} devolvida",
            report.sent, report.returned.number
        ),
    );
    check_is_the_refused_one(&report.returned, 0, producer);
}
