// expect: fail
// why: treats Disconnected as a failure and panics, instead of returning what was received
// en: TryRecvError::Disconnected means the channel is closed
// pt-BR: TryRecvError::Disconnected quer dizer que o canal fechou
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => received.push(message),
            Err(TryRecvError::Empty) => tick(),
            Err(error) => panic!("the channel failed: {error}"),
        }
        if false {
            return received;
        }
    }
}
