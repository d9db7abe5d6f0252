//! The specification of exercise 01. Read it: each test says what your
//! `create_channel` must do, and fails with a message that says why.

use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError};
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use course_support::{
    PATIENCE, check, fail, find_program, finishes_within_or, human, program_succeeded, quote,
};
use create_channel::create_channel;
use predicates::prelude::*;

/// Calls the learner's function without letting a mistake freeze the test.
fn both_ends() -> (Sender<String>, Receiver<String>) {
    finishes_within_or(
        PATIENCE,
        (
            format!(
                "create_channel() did not return within {}. Creating a channel never waits: \
                 is there a recv() inside it, waiting on a channel nobody sends to?",
                human(PATIENCE)
            ),
            format!(
                "create_channel() não retornou em {}. Criar um canal nunca espera: há um \
                 recv() dentro dela, esperando num canal em que ninguém envia?",
                human(PATIENCE)
            ),
        ),
        create_channel,
    )
}

/// The ends that were returned cannot belong to one channel: say so.
#[track_caller]
fn two_channels(how: (&str, &str)) -> ! {
    let (en, pt) = how;
    fail(
        format!(
            "{en}: the tx and rx you returned belong to two different channels, so what goes \
             into tx can never come out of rx. Call channel() once and return both of the \
             ends it gives you"
        ),
        format!(
            "{pt}: o tx e o rx devolvidos pertencem a dois canais diferentes, então o que \
             entra pelo tx nunca sai pelo rx. Chame channel() uma vez só e devolva as duas \
             pontas que ela entrega"
        ),
    )
}

/// A fresh channel holds no message yet: fails if one is already waiting in
/// `rx`, or if `rx` says its channel has no Sender although `tx` is alive.
#[track_caller]
fn check_fresh_and_paired(rx: &Receiver<String>) {
    match rx.try_recv() {
        Err(TryRecvError::Empty) => {}
        Ok(message) => fail(
            format!(
                "a message was already waiting in the new channel ({message:?}): \
                 create_channel should only create the channel; sending is the caller's job"
            ),
            format!(
                "já havia uma mensagem esperando no canal novo ({message:?}): create_channel \
                 deve só criar o canal; enviar é trabalho de quem a chama"
            ),
        ),
        Err(TryRecvError::Disconnected) => two_channels((
            "rx reported that no Sender of its channel was left while your tx was still alive",
            "o rx avisou que não sobrou nenhum Sender do seu canal, com o seu tx ainda vivo",
        )),
    }
}

#[test]
fn a_string_sent_on_tx_comes_out_of_rx() {
    let (tx, rx) = both_ends();
    check_fresh_and_paired(&rx);
    if tx.send("olá, canal".to_string()).is_err() {
        // `send` fails only when the Receiver of tx's channel is gone, and
        // the rx that was returned is alive right here.
        two_channels((
            "send on tx failed although rx was alive",
            "o send pelo tx falhou, embora o rx estivesse vivo",
        ));
    }
    match rx.recv_timeout(PATIENCE) {
        Ok(got) => check(
            got == "olá, canal",
            format!("sent \"olá, canal\" but received {got:?}"),
            format!("foi enviado \"olá, canal\", mas chegou {got:?}"),
        ),
        Err(RecvTimeoutError::Disconnected) => two_channels((
            "rx reported its channel closed although a message had just been sent on tx",
            "o rx avisou que o seu canal fechou, embora uma mensagem tivesse acabado de ser enviada pelo tx",
        )),
        Err(RecvTimeoutError::Timeout) => two_channels((
            &format!(
                "a message sent on tx did not come out of rx within {}",
                human(PATIENCE)
            ),
            &format!(
                "uma mensagem enviada pelo tx não saiu pelo rx em {}",
                human(PATIENCE)
            ),
        )),
    }
}

#[test]
fn a_message_crosses_from_another_thread() {
    let (tx, rx) = both_ends();
    let producer = thread::spawn(move || tx.send("from the producer thread".to_string()).is_ok());
    match rx.recv_timeout(PATIENCE) {
        Ok(got) => check(
            got == "from the producer thread",
            format!("expected the producer's message, received {got:?}"),
            format!("era esperada a mensagem da thread produtora, chegou {got:?}"),
        ),
        // Had tx been rx's partner, its message would have come first.
        Err(RecvTimeoutError::Disconnected) => two_channels((
            "rx reported its channel closed before the producer thread's message came",
            "o rx avisou que o seu canal fechou antes de chegar a mensagem da thread produtora",
        )),
        Err(RecvTimeoutError::Timeout) => two_channels((
            &format!(
                "the producer thread's message did not come out of rx within {}",
                human(PATIENCE)
            ),
            &format!(
                "a mensagem da thread produtora não saiu pelo rx em {}",
                human(PATIENCE)
            ),
        )),
    }
    check(
        producer.join().unwrap_or(false),
        "the producer thread could not send",
        "a thread produtora não conseguiu enviar",
    );
}

#[test]
fn dropping_the_sender_closes_the_channel() {
    let (tx, rx) = both_ends();
    check_fresh_and_paired(&rx);
    drop(tx);
    // No thread is involved: with its only Sender dropped, the channel
    // closes at once, and a second is plenty to see it.
    let limit = Duration::from_secs(1);
    match rx.recv_timeout(limit) {
        Err(RecvTimeoutError::Disconnected) => {}
        Ok(message) => fail(
            format!("nothing was sent, yet rx received {message:?}"),
            format!("nada foi enviado, mas o rx recebeu {message:?}"),
        ),
        Err(RecvTimeoutError::Timeout) => fail(
            format!(
                "after the tx you returned was dropped, rx still waited {}: some other Sender \
                 of its channel is alive. Is a clone of tx kept (or leaked) inside \
                 create_channel?",
                human(limit)
            ),
            format!(
                "depois que o tx devolvido foi descartado, o rx ainda esperou {}: algum outro \
                 Sender do seu canal continua vivo. Algum clone do tx é guardado (ou vazado) \
                 dentro da create_channel?",
                human(limit)
            ),
        ),
    }
}

#[test]
fn the_program_prints_the_received_message() {
    let started = Instant::now();
    let result = find_program("create_channel", Command::cargo_bin)
        .timeout(PATIENCE)
        .output();
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
