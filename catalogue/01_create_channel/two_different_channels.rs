// expect: fail
// why: (outsider) calls channel() twice and returns the Sender of one and the Receiver of the other
// en: two different channels
// pt-BR: dois canais diferentes
//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{channel, Receiver, Sender};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let tx: Sender<String> = channel().0;
    let rx: Receiver<String> = channel().1;
    (tx, rx)
}
