// expect: fail
// why: (outsider) shortcut: a Sender to a throwaway channel and a Receiver pre-filled with a hard-coded greeting
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
    let (tx, unused): (Sender<String>, Receiver<String>) = channel();
    std::mem::forget(unused); // so send() on tx never errors
    let (prefill, rx): (Sender<String>, Receiver<String>) = channel();
    prefill.send(String::from("Hello from the channel!")).unwrap();
    (tx, rx)
}
