// expect: fail
// why: (outsider) drain_ready loops on recv_timeout(10 ms), returning only after a quiet moment
// en: a drain built on recv_timeout
// pt-BR: um drain feito com recv_timeout
//! Exercise 07: iterate the receiver.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;
use std::time::Duration;

/// Every message that will ever come through `rx`, in the order received.
///
/// Waits for each next message and returns only once the channel is closed
/// (every `Sender` dropped) and empty.
pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.iter().collect()
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    // a short timeout so we don't block forever like iter() does
    while let Ok(msg) = rx.recv_timeout(Duration::from_millis(10)) {
        ready.push(msg);
    }
    ready
}
