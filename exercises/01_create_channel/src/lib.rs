//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, Sender};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    // ✏️  Your code goes here / Seu código vai aqui.
    // Write the types out, as in the chapter:
    //   let (tx, rx): (Sender<String>, Receiver<String>) = ...;
    todo!()
}
