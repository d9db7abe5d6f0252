// expect: fail
// why: (outsider) loops on rx.recv().unwrap(), so the end of the stream becomes a panic
// en: RecvError is not a failure
// pt-BR: RecvError não é uma falha
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
            let message = rx.recv().unwrap();
            println!("message from thread: {message}");
            received.push(message);
        }
        received
    })
}
