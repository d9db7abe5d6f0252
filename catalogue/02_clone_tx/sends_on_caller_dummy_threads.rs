// expect: fail
// why: (outsider) shortcut: sends both messages from the calling thread and returns two threads that do nothing; it passed until the test with the Receiver gone saw which thread sends
// en: So it called send on its own thread
// pt-BR: Então ela chamou send na sua própria thread
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
    tx.send(make(1)).expect("the Receiver is still listening");
    tx.send(make(2)).expect("the Receiver is still listening");
    let first = thread::spawn(|| {});
    let second = thread::spawn(|| {});
    (first, second)
}
