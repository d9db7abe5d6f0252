//! Exercise 03: send in a loop.
//! Exercício 03: envie num laço.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
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
    // ✏️  Your code goes here / Seu código vai aqui.
    // Replace the `todo!` with a `thread::spawn(move || ...)` whose loop
    // sends "message {i}" and then sleeps, `count` times.
    // Troque o `todo!` por um `thread::spawn(move || ...)` cujo laço envia
    // "message {i}" e depois dorme, `count` vezes.
    todo!("a thread that sends {count} messages through {tx:?}, one every {interval:?}")
}
