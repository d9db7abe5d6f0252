//! The specification of exercise 01. Read it: each test says what your
//! `create_channel` must do, and fails with a message that says why.

use std::sync::mpsc::{Receiver, Sender};
use std::thread;
use std::time::Instant;

use assert_cmd::cargo::cargo_bin_cmd;
use course_support::{
    PATIENCE, check, fail, finishes_within, human, program_succeeded, quote, recv_within,
};
use create_channel::create_channel;
use predicates::prelude::*;

/// Calls the learner's function without letting a mistake freeze the test.
fn both_ends() -> (Sender<String>, Receiver<String>) {
    finishes_within(
        PATIENCE,
        ("create_channel()", "create_channel()"),
        create_channel,
    )
}

#[test]
fn a_string_sent_on_tx_comes_out_of_rx() {
    let (tx, rx) = both_ends();
    if tx.send("olá, canal".to_string()).is_err() {
        fail(
            "send failed: the Receiver you returned is not the one paired with your Sender",
            "o send falhou: o Receiver devolvido não é o par do Sender devolvido",
        );
    }
    let got = recv_within(&rx, PATIENCE);
    check(
        got == "olá, canal",
        format!("sent \"olá, canal\" but received {got:?}"),
        format!("foi enviado \"olá, canal\", mas chegou {got:?}"),
    );
}

#[test]
fn a_message_crosses_from_another_thread() {
    let (tx, rx) = both_ends();
    let producer = thread::spawn(move || tx.send("from the producer thread".to_string()).is_ok());
    let got = recv_within(&rx, PATIENCE);
    check(
        got == "from the producer thread",
        format!("expected the producer's message, received {got:?}"),
        format!("era esperada a mensagem da thread produtora, chegou {got:?}"),
    );
    check(
        producer.join().unwrap_or(false),
        "the producer thread could not send",
        "a thread produtora não conseguiu enviar",
    );
}

#[test]
fn dropping_the_sender_closes_the_channel() {
    let (tx, rx) = both_ends();
    drop(tx);
    check(
        rx.recv_timeout(PATIENCE).is_err(),
        "after the only Sender was dropped, recv should report a closed channel",
        "depois de descartar o único Sender, recv deveria avisar que o canal fechou",
    );
}

#[test]
fn the_program_prints_the_received_message() {
    let started = Instant::now();
    let result = cargo_bin_cmd!("create_channel").timeout(PATIENCE).output();
    let stdout = program_succeeded(
        result,
        started,
        PATIENCE,
        (
            format!(
                "the program was still running after {} and was stopped. It sends one \
                 message and receives it, so it should end at once. Creating a channel never \
                 blocks: is there a recv (inside create_channel, perhaps) waiting on a \
                 channel nobody sends to?",
                human(PATIENCE)
            ),
            format!(
                "o programa ainda rodava depois de {} e foi interrompido. Ele envia uma \
                 mensagem e a recebe, então deveria terminar na hora. Criar um canal nunca \
                 bloqueia: há algum recv (dentro da create_channel, talvez) esperando num \
                 canal em que ninguém envia?",
                human(PATIENCE)
            ),
        ),
    );
    let expected = predicate::str::contains("received: hello through the channel");
    check(
        expected.eval(stdout.as_str()),
        format!(
            "the program should print \"received: hello through the channel\"; it printed:\n{}",
            quote(stdout.as_bytes())
        ),
        format!(
            "o programa deveria imprimir \"received: hello through the channel\"; imprimiu:\n{}",
            quote(stdout.as_bytes())
        ),
    );
}
