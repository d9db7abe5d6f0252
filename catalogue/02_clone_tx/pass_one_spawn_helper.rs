// expect: pass
// why: one closure starts a producer from a number and a Sender; the first gets a clone, the second the original

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
    let producer = |number: usize, tx: Sender<T>| {
        thread::spawn(move || {
            tx.send(make(number))
                .expect("the Receiver is still listening");
        })
    };
    let first = producer(1, tx.clone());
    let second = producer(2, tx);
    (first, second)
}
