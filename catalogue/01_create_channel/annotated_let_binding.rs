// expect: pass
// why: (outsider) builds one channel of String with the types written on the let binding and returns (tx, rx)
//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{self, Receiver, Sender};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = mpsc::channel();
    (tx, rx)
}
