//! The specification of exercise 02. Read it: each test says what your
//! `start_two_producers` must do, and fails with a message that says why.
//!
//! The tests pass `course_support::stamp` as the message builder, so every
//! message carries its producer's number and the thread where `make` was
//! called. A test cannot see which thread calls `send`; it sees where each
//! message was made. Making it on the producer's own thread is the usual
//! way; making both messages first, before starting the threads, is fine
//! too. Making producer 2's message on producer 1's thread is not: then one
//! thread does the sending for both.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::Instant;

use assert_cmd::Command;
use clone_tx::start_two_producers;
use course_support::{
    PATIENCE, Stamped, check, closed_within, fail, finishes_within, human, join_within,
    program_found, program_succeeded, quote, stamp,
};
use predicates::prelude::*;

/// What `start` hands back: the receiving end, both handles, and the thread
/// that called `start_two_producers`.
struct Started {
    rx: Receiver<Stamped<usize>>,
    first: JoinHandle<()>,
    second: JoinHandle<()>,
    caller: ThreadId,
}

/// Starts the learner's producers on a fresh channel, without letting a
/// mistake freeze the test.
fn start() -> Started {
    let (tx, rx) = channel();
    let (first, second, caller) = finishes_within(
        PATIENCE,
        ("start_two_producers(..)", "start_two_producers(..)"),
        move || {
            let (first, second) = start_two_producers(tx, stamp);
            (first, second, thread::current().id())
        },
    );
    Started {
        rx,
        first,
        second,
        caller,
    }
}

/// The two messages, in the order they arrived (within `PATIENCE` in all).
fn two_messages(rx: &Receiver<Stamped<usize>>) -> Vec<Stamped<usize>> {
    let deadline = Instant::now() + PATIENCE;
    let mut got = Vec::new();
    while got.len() < 2 {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(message) => got.push(message),
            Err(RecvTimeoutError::Disconnected) => fail(
                format!(
                    "only {} of the 2 messages arrived before the channel closed: no Sender \
                     of this channel was left. Does each thread send through a clone of tx? \
                     A Sender from a second channel() sends into another channel, which this \
                     Receiver never hears",
                    got.len()
                ),
                format!(
                    "{} antes de o canal fechar: não sobrou nenhum Sender deste canal. Cada \
                     thread envia por um clone de tx? Um Sender de um segundo channel() envia \
                     para outro canal, que este Receiver nunca escuta",
                    arrived_pt(got.len())
                ),
            ),
            Err(RecvTimeoutError::Timeout) => fail(
                format!(
                    "only {} of the 2 messages arrived within {}: does each of the two \
                     threads send its message?",
                    got.len(),
                    human(PATIENCE)
                ),
                format!(
                    "{} em {}: cada uma das duas threads envia a sua mensagem?",
                    arrived_pt(got.len()),
                    human(PATIENCE)
                ),
            ),
        }
    }
    got
}

/// "nenhuma das 2 mensagens chegou", "só 1 das 2 mensagens chegou".
fn arrived_pt(n: usize) -> &'static str {
    match n {
        0 => "nenhuma das 2 mensagens chegou",
        _ => "só 1 das 2 mensagens chegou",
    }
}

#[test]
fn one_message_from_each_producer_arrives() {
    let Started {
        rx, first, second, ..
    } = start();
    let mut producers: Vec<usize> = two_messages(&rx)
        .into_iter()
        .map(|message| message.value)
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
    let Started {
        rx,
        first,
        second,
        caller,
    } = start();
    let threads = [first.thread().id(), second.thread().id()];
    for message in two_messages(&rx) {
        let n = message.value;
        let (own, other, m) = match n {
            1 => (threads[0], threads[1], 2),
            _ => (threads[1], threads[0], 1),
        };
        // Made on its own thread, or made first by the caller and then
        // handed to its thread: both are fine.
        if message.thread == own || message.thread == caller {
            continue;
        }
        if message.thread == other {
            let which = [("first", "primeiro"), ("second", "segundo")][m - 1];
            fail(
                format!(
                    "producer {n}'s message was made on producer {m}'s thread (the thread of \
                     the {} handle you returned). Each thread should send its own message \
                     through its own Sender: the first handle's thread sends make(1), the \
                     second's make(2), each through its own clone of tx",
                    which.0
                ),
                format!(
                    "a mensagem do produtor {n} foi criada na thread do produtor {m} (a thread \
                     do {} handle devolvido). Cada thread deve enviar a sua própria mensagem \
                     pelo seu próprio Sender: a thread do primeiro handle envia make(1), a do \
                     segundo, make(2), cada uma pelo seu próprio clone de tx",
                    which.1
                ),
            );
        }
        fail(
            format!(
                "producer {n}'s message was made on a thread whose handle was not returned \
                 ({}): return the handles of the two threads that send",
                message.thread_label()
            ),
            format!(
                "a mensagem do produtor {n} foi criada numa thread cujo handle não foi \
                 devolvido ({}): devolva os handles das duas threads que enviam",
                message.thread_label()
            ),
        );
    }
    join_within(first, PATIENCE);
    join_within(second, PATIENCE);
}

#[test]
fn the_channel_closes_once_both_producers_are_done() {
    let Started {
        rx, first, second, ..
    } = start();
    // Every clone of tx belongs to one thread; when both threads end, no
    // Sender is left and the channel closes.
    let received = two_messages(&rx).len() + closed_within(&rx, PATIENCE).len();
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
    let result = program_found("clone_tx", Command::cargo_bin("clone_tx"))
        .timeout(PATIENCE)
        .output();
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
