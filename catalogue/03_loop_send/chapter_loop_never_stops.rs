// expect: fail
// why: (outsider) copies the chapter's endless loop: it counts but never breaks, so it sends past count and tx is never dropped
// en: Send exactly `count` messages, then let the loop end
// pt-BR: Envie exatamente `count` mensagens e deixe o laço terminar
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
    thread::spawn(move || {
        let mut i = 0;
        loop {
            let _ = tx.send(format!("message {i}"));
            i += 1;
            thread::sleep(interval);
        }
    })
}
