//! Exercise 04: consume with recv.
//! Exercício 04: consuma com recv.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;

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
    // ✏️  Your code goes here / Seu código vai aqui.
    // Replace the `todo!` with a `thread::spawn(move || ...)` that loops
    // `while let Ok(message) = rx.recv()` and returns what it kept.
    // Troque o `todo!` por um `thread::spawn(move || ...)` que repete
    // `while let Ok(message) = rx.recv()` e devolve o que guardou.
    todo!("a thread that receives from {rx:?} until the channel closes")
}
