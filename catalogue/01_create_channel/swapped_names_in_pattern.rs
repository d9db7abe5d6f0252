// expect: fail
// why: (outsider) destructures the pair as (rx, tx), so the names are swapped and the function returns (Receiver, Sender)
// en: E0308
// pt-BR: E0308
//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{channel, Receiver, Sender};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (rx, tx): (Sender<String>, Receiver<String>) = channel();
    (tx, rx)
}
