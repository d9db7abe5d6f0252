//! Exercise 02: clone tx.
//! Exercício 02: clone o tx.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

/// Starts two producer threads that send on the same channel.
///
/// Producer `1` and producer `2` each build one message with `make` (passing
/// their own number) and send it through `tx`. Returns both threads' handles,
/// the first producer's first.
///
/// `make` is a plain function, so the caller chooses what a message is:
/// `src/main.rs` builds a greeting, the tests also record which thread built it.
///
/// Cria duas threads produtoras que enviam no mesmo canal.
///
/// O produtor `1` e o produtor `2` montam cada um uma mensagem com `make`
/// (passando o próprio número) e a enviam por `tx`. Devolve os handles das duas
/// threads, o do primeiro produtor primeiro.
///
/// `make` é uma função comum, então quem chama escolhe o que é uma mensagem: o
/// `src/main.rs` monta uma saudação, os testes também registram qual thread a
/// montou.
pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    // ✏️  Your code goes here / Seu código vai aqui.
    // As shipped, this does not compile: that is the exercise. Read the
    // compiler's error (E0382) first; both threads need a Sender of their own.
    // Assim como vem, isto não compila: esse é o exercício. Leia primeiro o
    // erro do compilador (E0382); cada thread precisa do seu próprio Sender.
    let first = thread::spawn(move || {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(2)).expect("the Receiver is still listening");
    });
    (first, second)
}
