// expect: fail
// why: the chapter's blocking consumer: for message in rx.iter(), working only after each message
// en: recv() blocks the thread
// pt-BR: recv() bloqueia a thread
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    for message in rx.iter() {
        tick();
        received.push(message);
    }
    received
}
