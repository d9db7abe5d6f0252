// expect: fail
// why: the producers' closures borrow tx instead of taking it (E0373)
// en: E0373 · a closure that borrows may outlive the function
// en: More: `rustc --explain E0373`
// pt-BR: E0373 · uma closure que pega emprestado pode viver mais que a função
// pt-BR: Mais: `rustc --explain E0373`

//! Exercise 02: clone tx.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let first = thread::spawn(|| {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(|| {
        tx.send(make(2)).expect("the Receiver is still listening");
    });
    (first, second)
}
