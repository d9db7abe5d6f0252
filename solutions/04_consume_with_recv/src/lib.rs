//! Exercise 04: consume with recv.
//! Exercício 04: consuma com recv.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

/// Starts a consumer thread and returns its handle right away.
///
/// The thread takes the messages out of `rx` one at a time, with `recv`. It
/// prints each one as `message from thread: {message}` and keeps it. When the
/// channel closes (every `Sender` is gone and nothing is left to read), the
/// thread ends and returns everything it received, in order: joining the
/// handle gives you that `Vec`.
///
/// Cria uma thread consumidora e devolve o handle dela na hora.
///
/// A thread tira as mensagens de `rx` uma de cada vez, com `recv`. Imprime cada
/// uma como `message from thread: {message}` e a guarda. Quando o canal fecha
/// (todos os `Sender`s sumiram e não sobrou nada para ler), a thread termina e
/// devolve tudo o que recebeu, em ordem: o `join` do handle entrega esse `Vec`.
pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    // The Receiver moves into the thread: from now on only the consumer
    // reads the channel.
    thread::spawn(move || {
        let mut received = Vec::new();
        // `recv` blocks until a message comes (`Ok`) or until the channel is
        // closed and empty (`Err`). `while let` keeps going on `Ok` and stops
        // at the first `Err`, so the loop ends exactly when no Sender is left.
        // That `Err` is the normal end, which is why it is not unwrapped; and
        // `recv` rather than `try_recv`, because a loop on `try_recv` never
        // waits: it would keep a core busy asking an empty channel.
        while let Ok(message) = rx.recv() {
            println!("message from thread: {message}");
            received.push(message);
        }
        // What the closure returns is what `join` hands to the caller.
        received
    })
}
