// expect: pass
// why: a while loop that stops when matches! sees Disconnected, with an if-let inside
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    let mut polled = rx.try_recv();
    while !matches!(polled, Err(TryRecvError::Disconnected)) {
        if let Ok(message) = polled {
            received.push(message);
        } else {
            tick();
        }
        polled = rx.try_recv();
    }
    received
}
