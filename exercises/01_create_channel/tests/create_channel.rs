//! The specification of exercise 01. Read it: each test says what your
//! `create_channel` must do, and fails with a message that says why.

use std::sync::mpsc::{Receiver, Sender};
use std::thread;

use assert_cmd::cargo::cargo_bin_cmd;
use course_support::{PATIENCE, check, fail, finishes_within, quote, recv_within};
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
    let output = cargo_bin_cmd!("create_channel")
        .timeout(PATIENCE)
        .output()
        .unwrap_or_else(|e| {
            fail(
                format!("could not run the program: {e}"),
                format!("não foi possível rodar o programa: {e}"),
            )
        });
    let stdout = String::from_utf8_lossy(&output.stdout);
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
    let expected = predicate::str::contains("received: hello through the channel");
    check(
        expected.eval(stdout.as_ref()),
        format!(
            "the program should print \"received: hello through the channel\"; it printed:\n{}",
            quote(&output.stdout)
        ),
        format!(
            "o programa deveria imprimir \"received: hello through the channel\"; imprimiu:\n{}",
            quote(&output.stdout)
        ),
    );
}
