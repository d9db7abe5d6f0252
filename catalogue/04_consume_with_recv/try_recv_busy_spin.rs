// expect: fail
// why: (outsider) polls with try_recv in a loop, continuing on Empty: right messages, a core burnt while waiting
// en: instead of blocking in recv
// pt-BR: em vez de bloquear no recv
//! Exercise 04: consume with recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::{self, JoinHandle};

/// Starts a consumer thread and returns its handle right away.
///
/// The thread takes the messages out of `rx` one at a time, with `recv`. It
/// prints each one as `message from thread: {message}` and keeps it. When the
/// channel closes (every `Sender` is gone and nothing is left to read), the
/// thread ends and returns everything it received, in order: joining the
/// handle gives you that `Vec`.
pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(message) => {
                    println!("message from thread: {message}");
                    received.push(message);
                }
                Err(TryRecvError::Empty) => continue,
                Err(TryRecvError::Disconnected) => break,
            }
        }
        received
    })
}
