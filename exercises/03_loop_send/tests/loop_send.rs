//! The specification of exercise 03. Read it: each test says what your
//! `spawn_producer` must do, and fails with a message that says why.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use course_support::{
    Arrival, Event, PATIENCE, check, collect_within, event, fail, finishes_within_or, human,
    join_within_or, program_found, program_succeeded, quote, timeline, tr,
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
    let handle = finishes_within_or(
        PATIENCE,
        (
            format!(
                "spawn_producer(..) did not return within {}. It should start a thread \
                 with thread::spawn and return its JoinHandle at once: the sends and the \
                 sleeps belong inside that thread, not in spawn_producer itself",
                human(PATIENCE)
            ),
            format!(
                "spawn_producer(..) não retornou em {}. Ela deveria criar uma thread com \
                 thread::spawn e devolver o JoinHandle na hora: os envios e as pausas \
                 ficam dentro dessa thread, não na própria spawn_producer",
                human(PATIENCE)
            ),
        ),
        move || spawn_producer(tx, count, interval),
    );
    (rx, handle)
}

/// Waits (at most `PATIENCE`) for the producer thread to end after it sent
/// everything; a panic inside it fails the test with the thread's message.
fn join_producer(producer: JoinHandle<()>) {
    join_within_or(
        producer,
        PATIENCE,
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
    join_producer(producer);
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
    join_producer(producer);
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
    join_producer(producer);
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
    let result = program_found("loop_send", Command::cargo_bin("loop_send"))
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
