// expect: fail
// why: (outsider) shortcut: sends and sleeps on the calling thread, then returns a thread that does nothing
// en: the sends and the sleeps belong inside that thread
// pt-BR: os envios e as pausas ficam dentro dessa thread
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
    for i in 0..count {
        tx.send(format!("message {i}")).unwrap();
        thread::sleep(interval);
    }
    drop(tx);
    thread::spawn(|| {})
}
