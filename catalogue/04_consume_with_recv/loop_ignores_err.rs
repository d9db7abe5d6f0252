// expect: fail
// why: (outsider) if let Ok inside a plain loop ignores the Err, so after the close it calls recv forever
// en: never ends
// en: spinning through
// pt-BR: nunca termina
// pt-BR: girando por
//! Exercise 04: consume with recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;
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
            if let Ok(message) = rx.recv() {
                println!("message from thread: {message}");
                received.push(message);
            }
        }
    })
}
