// expect: fail
// why: (outsider) "checks" the new channel by sending a test string before returning it, so the receiver gets an extra message first
// en: expected the producer's message
// pt-BR: era esperada a mensagem da thread produtora
//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{channel, Receiver, Sender};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = channel();
    // make sure the channel works
    tx.send(String::from("test")).unwrap();
    (tx, rx)
}
