//! The specification of exercise 02. Read it: each test says what your
//! `start_two_producers` must do, and fails with a message that says why.
//!
//! The tests pass `course_support::stamp` as the message builder, so every
//! message carries its producer's number and the thread where `make` was
//! called. Making it on the producer's own thread is the usual way; making
//! both messages first, before starting the threads, is fine too. Making
//! producer 2's message on producer 1's thread is not: then one thread does
//! the sending for both.
//!
//! Which thread calls `send` shows when the Receiver is gone: `send` fails
//! and hands the message back to the thread that called it, which drops it.
//! One test does just that, with messages that note the thread that drops
//! them: each must be dropped on its producer's own thread (where an
//! `expect` on the failed send may panic: that is fine here), never on the
//! thread that called `start_two_producers`.

use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Mutex, PoisonError};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::Instant;

use assert_cmd::Command;
use clone_tx::start_two_producers;
use course_support::{
    Outcome, PATIENCE, Stamped, call_within, check, closed_within, fail, find_program,
    finishes_within, human, join_within, program_succeeded, quote, stamp, try_join_within,
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
    let result = find_program("clone_tx", Command::cargo_bin)
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

/// A message that notes, when it is dropped, which producer it belongs to,
/// the thread it was made on and the thread that dropped it.
struct Parcel {
    producer: usize,
    made_on: ThreadId,
}

/// Every [`Parcel`] dropped so far, by any test: (made on, producer,
/// dropped on).
static DROPPED: Mutex<Vec<(ThreadId, usize, ThreadId)>> = Mutex::new(Vec::new());

impl Drop for Parcel {
    fn drop(&mut self) {
        DROPPED
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((self.made_on, self.producer, thread::current().id()));
    }
}

fn make_parcel(producer: usize) -> Parcel {
    Parcel {
        producer,
        made_on: thread::current().id(),
    }
}

#[test]
fn each_message_is_sent_from_its_producers_own_thread() {
    // Nobody listens: every send fails and hands its message back to the
    // thread that called send, which drops it.
    let (tx, rx) = channel::<Parcel>();
    drop(rx);
    let outcome = call_within(PATIENCE, Some("start_two_producers"), move || {
        let (first, second) = start_two_producers(tx, make_parcel);
        (first, second, thread::current().id())
    });
    let (first, second, caller) = match outcome {
        Outcome::Returned(started) => started,
        Outcome::Panicked(text) => fail(
            format!(
                "with the Receiver gone, start_two_producers itself panicked: {text}. So it \
                 called send on its own thread, the thread of its caller. The sending \
                 belongs to the two producer threads: each sends its message through its \
                 own clone of tx, and start_two_producers only starts them and returns \
                 their handles."
            ),
            format!(
                "com o Receiver descartado, a própria start_two_producers entrou em pânico: \
                 {text}. Então ela chamou send na sua própria thread, a thread de quem a \
                 chamou. Quem envia são as duas threads produtoras: cada uma envia a sua \
                 mensagem pelo seu próprio clone de tx, e start_two_producers só as inicia e \
                 devolve os handles delas."
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "start_two_producers(..) did not return within {}",
                human(PATIENCE)
            ),
            format!(
                "start_two_producers(..) não retornou em {}",
                human(PATIENCE)
            ),
        ),
    };
    let threads = [first.thread().id(), second.thread().id()];
    // A producer may panic on the failed send (an `expect`): fine here.
    let _ = try_join_within(first, PATIENCE, ("producer 1", "produtor 1"));
    let _ = try_join_within(second, PATIENCE, ("producer 2", "produtor 2"));
    let ours = [caller, threads[0], threads[1]];
    let dropped: Vec<(usize, ThreadId)> = DROPPED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .filter(|(made_on, _, _)| ours.contains(made_on))
        .map(|(_, producer, dropped_on)| (*producer, *dropped_on))
        .collect();
    for (producer, dropped_on) in dropped {
        check(
            dropped_on != caller,
            format!(
                "producer {producer}'s message was sent from the thread that called \
                 start_two_producers, not from producer {producer}'s own thread: with the \
                 Receiver gone, send handed it back there. Threads that send nothing, next \
                 to sends made by the caller, only look like producers. Move a clone of tx \
                 into each thread and call send inside it."
            ),
            format!(
                "a mensagem do produtor {producer} foi enviada da thread que chamou \
                 start_two_producers, e não da própria thread do produtor {producer}: com o \
                 Receiver descartado, o send a devolveu ali. Threads que não enviam nada, ao \
                 lado de envios feitos por quem chamou, só parecem produtores. Mova um clone \
                 de tx para dentro de cada thread e chame send lá dentro."
            ),
        );
    }
}
