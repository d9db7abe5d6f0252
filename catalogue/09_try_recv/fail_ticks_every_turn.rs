// expect: fail
// why: does the other work on every turn of the loop, even when a message was ready
// en: not for every turn of the loop
// pt-BR: não para toda volta do laço
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        let polled = rx.try_recv();
        tick();
        match polled {
            Ok(message) => received.push(message),
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => return received,
        }
    }
}
