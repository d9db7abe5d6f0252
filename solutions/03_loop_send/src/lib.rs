//! Exercise 03: send in a loop.
//! Exercício 03: envie num laço.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Starts a producer thread and returns its handle right away.
///
/// The thread sends `count` messages through `tx`, in this order:
/// `"message 0"`, `"message 1"`, ... Each send is followed by a pause of
/// `interval`. When the loop is over the thread ends, and `tx` goes with it.
///
/// Cria uma thread produtora e devolve o handle dela na hora.
///
/// A thread envia `count` mensagens por `tx`, nesta ordem: `"message 0"`,
/// `"message 1"`, ... Depois de cada envio vem uma pausa de `interval`. Quando
/// o laço acaba, a thread termina, e `tx` vai junto com ela.
pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    // `move` gives `tx` (and the two numbers) to the new thread. The caller
    // gets the handle back at once; the sends and pauses happen over there.
    thread::spawn(move || {
        for i in 0..count {
            // `send` only fails once the Receiver is gone: with nobody left
            // to read, there is no point in going on.
            if tx.send(format!("message {i}")).is_err() {
                break;
            }
            thread::sleep(interval);
        }
        // The closure ends here and drops `tx`: if it was the last Sender,
        // the channel is now closed and the receiver's `recv` returns `Err`.
    })
}
