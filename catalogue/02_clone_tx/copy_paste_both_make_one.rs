// expect: fail
// why: (outsider) copy-pastes the first closure and forgets to change the number: both producers send make(1)
// en: own message through its own Sender
// pt-BR: a sua própria mensagem pelo seu próprio Sender
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
    let tx1 = tx.clone();
    let first = thread::spawn(move || {
        tx1.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    (first, second)
}
