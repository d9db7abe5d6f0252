// expect: pass
// why: (outsider) writes both by hand: recv until Err for collect_all, try_recv until any Err for drain_ready
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
    let mut messages = Vec::new();
    while let Ok(msg) = rx.recv() {
        messages.push(msg);
    }
    messages
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(msg) => ready.push(msg),
            // Empty or Disconnected: either way nothing more is waiting now.
            Err(_) => break,
        }
    }
    ready
}
