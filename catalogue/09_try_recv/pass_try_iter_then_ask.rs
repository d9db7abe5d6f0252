// expect: pass
// why: drains the queue with try_iter, then asks try_recv why it stopped
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        received.extend(rx.try_iter());
        match rx.try_recv() {
            Ok(message) => received.push(message),
            Err(error) if error == TryRecvError::Empty => tick(),
            Err(_) => break,
        }
    }
    received
}
