// expect: fail
// why: (outsider) forgets `move`, so the closure borrows tx, count and interval
// en: E0373
// pt-BR: E0373
//! Exercise 03: send in a loop.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Starts a producer thread and returns its handle right away.
///
/// The thread sends `count` messages through `tx`, in this order:
/// `"message 0"`, `"message 1"`, ... Each send is followed by a pause of
/// `interval`. When the loop is over the thread ends, and `tx` goes with it.
pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(|| {
        for i in 0..count {
            tx.send(format!("message {i}")).unwrap();
            thread::sleep(interval);
        }
    })
}
