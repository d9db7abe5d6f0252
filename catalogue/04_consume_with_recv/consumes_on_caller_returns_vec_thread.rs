// expect: fail
// why: (outsider) shortcut: receives everything on the calling thread, then spawns a thread that just returns the Vec
// en: the `while let` loop belongs inside that thread
// en: it sat waiting on its caller
// en: spawn_consumer(..) did not return
// pt-BR: o laço `while let` fica dentro dessa thread
// pt-BR: ficou esperando na thread de quem a chamou
// pt-BR: spawn_consumer(..) não retornou
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
    let mut received = Vec::new();
    while let Ok(message) = rx.recv() {
        println!("message from thread: {message}");
        received.push(message);
    }
    thread::spawn(move || received)
}
