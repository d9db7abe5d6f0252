// expect: pass
// why: an iterator built with iter::from_fn that ticks inside and ends on Disconnected
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::iter;
use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    iter::from_fn(|| {
        loop {
            match rx.try_recv() {
                Ok(message) => return Some(message),
                Err(TryRecvError::Empty) => tick(),
                Err(TryRecvError::Disconnected) => return None,
            }
        }
    })
    .collect()
}
