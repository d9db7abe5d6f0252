// expect: fail
// why: polls with try_recv but only yields on Empty, doing the other work only after a message
// en: had not called tick() once
// pt-BR: não tinha chamado tick() nenhuma vez
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread;

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => {
                received.push(message);
                tick();
            }
            Err(TryRecvError::Empty) => thread::yield_now(),
            Err(TryRecvError::Disconnected) => return received,
        }
    }
}
