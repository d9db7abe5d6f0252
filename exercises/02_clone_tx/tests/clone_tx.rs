//! The specification of exercise 02. Read it: each test says what your
//! `start_two_producers` must do, and fails with a message that says why.
//!
//! The tests pass `course_support::stamp` as the message builder, so every
//! message carries its producer's number and the thread that built it.

use std::sync::mpsc::{Receiver, channel};
use std::thread::JoinHandle;
use std::time::Instant;

use assert_cmd::cargo::cargo_bin_cmd;
use clone_tx::start_two_producers;
use course_support::{
    PATIENCE, Stamped, check, closed_within, collect_within, finishes_within, human, join_within,
    program_succeeded, quote, stamp,
};
use predicates::prelude::*;

/// Starts the learner's producers on a fresh channel, without letting a
/// mistake freeze the test. Returns the receiving end and both handles.
fn start() -> (Receiver<Stamped<usize>>, JoinHandle<()>, JoinHandle<()>) {
    let (tx, rx) = channel();
    let (first, second) = finishes_within(
        PATIENCE,
        ("start_two_producers(..)", "start_two_producers(..)"),
        move || start_two_producers(tx, stamp),
    );
    (rx, first, second)
}

#[test]
fn one_message_from_each_producer_arrives() {
    let (rx, first, second) = start();
    let mut producers: Vec<usize> = collect_within(&rx, 2, PATIENCE)
        .into_iter()
        .map(|arrival| arrival.value.value)
        .collect();
    // The two threads race: either message may come first.
    producers.sort();
    check(
        producers == [1, 2],
        format!(
            "expected one message from producer 1 and one from producer 2, got messages from producers {producers:?}"
        ),
        format!(
            "era esperada uma mensagem do produtor 1 e uma do produtor 2, chegaram mensagens dos produtores {producers:?}"
        ),
    );
    join_within(first, PATIENCE);
    join_within(second, PATIENCE);
}

#[test]
fn each_producer_sends_from_its_own_thread() {
    let (rx, first, second) = start();
    let first_thread = first.thread().id();
    let second_thread = second.thread().id();
    for arrival in collect_within(&rx, 2, PATIENCE) {
        let message = arrival.value;
        let n = message.value;
        let expected = if n == 1 { first_thread } else { second_thread };
        check(
            message.thread == expected,
            format!(
                "producer {n}'s message was not built on producer {n}'s thread (the one whose handle was returned): each thread should build and send its own message, through its own Sender"
            ),
            format!(
                "a mensagem do produtor {n} não foi criada na thread do produtor {n} (aquela cujo handle foi devolvido): cada thread deve criar e enviar a sua própria mensagem, com o seu próprio Sender"
            ),
        );
    }
    join_within(first, PATIENCE);
    join_within(second, PATIENCE);
}

#[test]
fn the_channel_closes_once_both_producers_are_done() {
    let (rx, first, second) = start();
    // Every clone of tx belongs to one thread; when both threads end, no
    // Sender is left and the channel closes.
    let received = closed_within(&rx, PATIENCE).len();
    check(
        received == 2,
        format!("expected exactly 2 messages before the channel closed, got {received}"),
        format!(
            "eram esperadas exatamente 2 mensagens antes de o canal fechar, chegaram {received}"
        ),
    );
    join_within(first, PATIENCE);
    join_within(second, PATIENCE);
}

#[test]
fn the_program_prints_both_greetings() {
    let started = Instant::now();
    let result = cargo_bin_cmd!("clone_tx").timeout(PATIENCE).output();
    let stdout = program_succeeded(
        result,
        started,
        PATIENCE,
        (
            format!(
                "the program was still running after {} and was stopped. It waits for one \
                 greeting from each producer, then joins both threads: does a producer never \
                 send its message, or never end?",
                human(PATIENCE)
            ),
            format!(
                "o programa ainda rodava depois de {} e foi interrompido. Ele espera uma \
                 saudação de cada produtor e depois faz o join das duas threads: algum \
                 produtor nunca envia a sua mensagem, ou nunca termina?",
                human(PATIENCE)
            ),
        ),
    );
    for n in [1, 2] {
        let line = format!("received: hello from producer {n}");
        check(
            predicate::str::contains(line.as_str()).eval(stdout.as_str()),
            format!(
                "the program should print \"{line}\"; it printed:\n{}",
                quote(stdout.as_bytes())
            ),
            format!(
                "o programa deveria imprimir \"{line}\"; imprimiu:\n{}",
                quote(stdout.as_bytes())
            ),
        );
    }
}
