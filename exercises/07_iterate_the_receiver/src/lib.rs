//! Exercise 07: iterate the receiver.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;

/// Every message that will ever come through `rx`, in the order received.
///
/// Waits for each next message and returns only once the channel is closed
/// (every `Sender` dropped) and empty.
pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    // ✏️  Your code goes here / Seu código vai aqui.
    // This compiles, but it does not do what the comment above promises.
    rx.try_iter().collect()
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    // ✏️  Your code goes here / Seu código vai aqui.
    // This compiles, but it does not do what the comment above promises.
    rx.iter().collect()
}
