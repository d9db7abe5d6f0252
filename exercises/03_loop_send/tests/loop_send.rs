//! The specification of exercise 03. Read it: each test says what your
//! `spawn_producer` must do, and fails with a message that says why.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use course_support::{
    Arrival, Event, Outcome, PATIENCE, check, collect_within, event, fail, find_program, human,
    join_within_or, program_succeeded, quote, start_call, timeline, tr, wait_until,
};
use loop_send::spawn_producer;
use predicates::prelude::*;

/// Calls the learner's `spawn_producer` on a fresh channel and returns the
/// receiving end with the producer's handle.
///
/// The call itself should take no time: it starts a thread and returns. If
/// it does the sending and sleeping itself, it is stopped after `PATIENCE`
/// with a message that says so.
fn start(count: usize, interval: Duration) -> (Receiver<String>, JoinHandle<()>) {
    let (tx, rx) = channel();
    let call = start_call(Some("spawn_producer"), move || {
        spawn_producer(tx, count, interval)
    });
    // Starting a thread never puts the caller to sleep: a spawn_producer
    // found asleep again and again sleeps between its own sends.
    let mut stillness = call.stillness();
    let mut asleep = false;
    let outcome = call.outcome_until(Instant::now() + PATIENCE, || {
        asleep = stillness.asleep_looks() >= ASLEEP_LOOKS;
        asleep
    });
    let handle = match outcome {
        Outcome::Returned(handle) => handle,
        Outcome::Panicked(text) => fail(
            format!("spawn_producer(..) panicked: {text}"),
            format!("spawn_producer(..) entrou em pânico: {text}"),
        ),
        Outcome::StillRunning => {
            let (waited_en, waited_pt) = if asleep {
                (
                    "did not return: it was found asleep, again and again, on its \
                     caller's thread"
                        .to_owned(),
                    "não retornou: foi encontrada dormindo, várias vezes, na thread de \
                     quem a chamou"
                        .to_owned(),
                )
            } else {
                (
                    format!("did not return within {}", human(PATIENCE)),
                    format!("não retornou em {}", human(PATIENCE)),
                )
            };
            fail(
                format!(
                    "spawn_producer(..) {waited_en}. It should start a thread with \
                     thread::spawn and return its JoinHandle at once: the sends and the \
                     sleeps belong inside that thread, not in spawn_producer itself"
                ),
                format!(
                    "spawn_producer(..) {waited_pt}. Ela deveria criar uma thread com \
                     thread::spawn e devolver o JoinHandle na hora: os envios e as pausas \
                     ficam dentro dessa thread, não na própria spawn_producer"
                ),
            )
        }
    };
    (rx, handle)
}

/// How many looks may find `spawn_producer`'s thread asleep before the test
/// knows it sleeps there (the test looks every couple of milliseconds).
const ASLEEP_LOOKS: u32 = 12;

/// Waits (at most `PATIENCE`) for the producer thread to end after it sent
/// its `count` messages; a panic inside it fails the test with the thread's
/// message, and a message beyond `count` on `rx` fails it at once.
fn join_producer(producer: JoinHandle<()>, rx: &Receiver<String>, count: usize) {
    let mut extra = None;
    wait_until(Instant::now() + PATIENCE, Duration::from_millis(2), || {
        if extra.is_none() {
            extra = rx.try_recv().ok();
        }
        producer.is_finished() || extra.is_some()
    });
    if let Some(extra) = extra {
        fail(
            format!(
                "asked for {count} messages, but one more came after them: {extra:?}. Send \
                 exactly `count` messages, then let the loop end"
            ),
            format!(
                "foram pedidas {count} mensagens, mas chegou mais uma depois delas: \
                 {extra:?}. Envie exatamente `count` mensagens e deixe o laço terminar"
            ),
        );
    }
    join_within_or(
        producer,
        Duration::ZERO,
        (
            format!(
                "the producer thread was still running {} after its last message: \
                 its loop should stop after `count` sends, so that the thread ends",
                human(PATIENCE)
            ),
            format!(
                "a thread produtora ainda estava rodando {} depois da última mensagem: \
                 o laço deveria parar depois de `count` envios, para a thread terminar",
                human(PATIENCE)
            ),
        ),
    );
}

/// "message 0", "message 1", ... up to `count` of them.
fn expected_messages(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("message {i}")).collect()
}

fn values(arrivals: &[Arrival<String>]) -> Vec<String> {
    arrivals
        .iter()
        .map(|arrival| arrival.value.clone())
        .collect()
}

/// What happened, for a failure message: the call, then each arrival.
fn story(
    start_time: Instant,
    count: usize,
    interval: Duration,
    arrivals: &[Arrival<String>],
) -> String {
    let test = tr("test", "teste");
    let call = event(
        start_time,
        test,
        format!("spawn_producer(tx, {count}, {})", human(interval)),
    );
    let received = arrivals.iter().map(|arrival| -> Event {
        event(
            arrival.at,
            test,
            format!("{} {:?}", tr("received", "recebeu"), arrival.value),
        )
    });
    timeline(start_time, std::iter::once(call).chain(received))
}

#[test]
fn the_messages_arrive_in_order() {
    let start_time = Instant::now();
    let (rx, producer) = start(5, Duration::from_millis(1));
    let arrivals = collect_within(&rx, 5, PATIENCE);
    let got = values(&arrivals);
    let expected = expected_messages(5);
    check(
        got == expected,
        format!(
            "expected {expected:?}, received {got:?}\n{}",
            story(start_time, 5, Duration::from_millis(1), &arrivals)
        ),
        format!(
            "era esperado {expected:?}, chegou {got:?}\n{}",
            story(start_time, 5, Duration::from_millis(1), &arrivals)
        ),
    );
    join_producer(producer, &rx, 5);
}

#[test]
fn after_count_messages_the_channel_closes() {
    let (rx, producer) = start(3, Duration::from_millis(1));
    collect_within(&rx, 3, PATIENCE);
    // Received one by one rather than with `closed_within`, so that a
    // producer that never stops is caught at its first extra message.
    match rx.recv_timeout(PATIENCE) {
        Err(RecvTimeoutError::Disconnected) => {}
        Ok(extra) => fail(
            format!(
                "asked for 3 messages, but a fourth one came: {extra:?}. Send exactly `count` messages, then let the loop end"
            ),
            format!(
                "foram pedidas 3 mensagens, mas chegou uma quarta: {extra:?}. Envie exatamente `count` mensagens e deixe o laço terminar"
            ),
        ),
        Err(RecvTimeoutError::Timeout) => fail(
            format!(
                "after its 3 messages the channel was still open {} later: the producer's loop should end, and its thread with it, dropping tx",
                human(PATIENCE)
            ),
            format!(
                "depois das 3 mensagens o canal continuava aberto {} depois: o laço do produtor deveria terminar, e a thread junto, descartando o tx",
                human(PATIENCE)
            ),
        ),
    }
    join_producer(producer, &rx, 3);
}

#[test]
fn the_sends_are_paced_by_the_interval() {
    let interval = Duration::from_millis(10);
    let start_time = Instant::now();
    let (rx, producer) = start(4, interval);
    let arrivals = collect_within(&rx, 4, PATIENCE);
    // Message k is sent after k pauses, so it cannot arrive sooner than k
    // intervals after the start. (Only a lower bound: a busy machine may
    // always be slower. The gaps between arrivals are not checked one by
    // one, because a receiver that was briefly busy may find two messages
    // waiting and take them back to back.)
    let slack = Duration::from_micros(100);
    for (k, arrival) in arrivals.iter().enumerate() {
        let earliest = interval * k as u32;
        let after = arrival.at.duration_since(start_time);
        check(
            after + slack >= earliest,
            format!(
                "message {k} arrived {} after the start; with a pause of {} after each send \
                 it cannot come before {} (is the sleep inside the loop, after each send?)\n{}",
                human(after),
                human(interval),
                human(earliest),
                story(start_time, 4, interval, &arrivals)
            ),
            format!(
                "a mensagem {k} chegou {} depois do início; com uma pausa de {} depois de cada \
                 envio, ela não pode chegar antes de {} (o sleep está dentro do laço, depois de \
                 cada envio?)\n{}",
                human(after),
                human(interval),
                human(earliest),
                story(start_time, 4, interval, &arrivals)
            ),
        );
    }
    join_producer(producer, &rx, 4);
}

#[test]
fn the_producer_runs_on_its_own_thread() {
    // A pause so long that the producer is sure to still be sleeping after
    // its first message, however slow this machine is. The test does not
    // wait for it: the thread is left asleep and ends with the test program.
    let (rx, producer) = start(2, Duration::from_secs(600));
    let first = match rx.recv_timeout(PATIENCE) {
        Ok(message) => message,
        Err(_) => fail(
            format!(
                "the first message did not arrive within {}: the producer should send first and sleep after",
                human(PATIENCE)
            ),
            format!(
                "a primeira mensagem não chegou em {}: o produtor deveria enviar primeiro e dormir depois",
                human(PATIENCE)
            ),
        ),
    };
    check(
        first == "message 0",
        format!("the first message should be \"message 0\", it was {first:?}"),
        format!("a primeira mensagem deveria ser \"message 0\", foi {first:?}"),
    );
    check(
        !producer.is_finished(),
        "the producer thread had already finished when its first message arrived, although it \
         should have been sleeping before its second: does the loop, with a sleep after each \
         send, run inside the spawned thread?",
        "a thread produtora já tinha terminado quando a primeira mensagem chegou, embora devesse \
         estar dormindo antes da segunda: o laço, com um sleep depois de cada envio, roda dentro \
         da thread criada?",
    );
}

#[test]
fn the_program_prints_each_message_in_order() {
    let started = Instant::now();
    let result = find_program("loop_send", Command::cargo_bin)
        .args(["3", "5"])
        .timeout(PATIENCE)
        .output();
    let stdout = program_succeeded(
        result,
        started,
        PATIENCE,
        (
            format!(
                "`loop_send 3 5` was still running after {} and was stopped: the producer's loop should end after 3 messages, so that its Sender is dropped and the program's receiving loop ends",
                human(PATIENCE)
            ),
            format!(
                "`loop_send 3 5` ainda rodava depois de {} e foi interrompido: o laço do produtor deveria terminar depois de 3 mensagens, para que o seu Sender seja descartado e o laço de recepção do programa termine",
                human(PATIENCE)
            ),
        ),
    );
    let expected = "received: message 0\nreceived: message 1\nreceived: message 2\n";
    check(
        predicate::str::contains(expected).eval(stdout.as_str())
            && !predicate::str::contains("message 3").eval(stdout.as_str()),
        format!(
            "`loop_send 3 5` should print these 3 lines, in this order:\n{expected}it printed:\n{}",
            quote(stdout.as_bytes())
        ),
        format!(
            "`loop_send 3 5` deveria imprimir estas 3 linhas, nesta ordem:\n{expected}imprimiu:\n{}",
            quote(stdout.as_bytes())
        ),
    );
}
