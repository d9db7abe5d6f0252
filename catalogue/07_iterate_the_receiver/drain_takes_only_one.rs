// expect: fail
// why: (outsider) drain_ready calls try_recv once and returns at most one message
// en: expected [(1, 0), (1, 1)] and then
// pt-BR: o esperado era [(1, 0), (1, 1)] e depois
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
    let mut all = Vec::new();
    for msg in rx.iter() {
        all.push(msg);
    }
    all
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    if let Ok(msg) = rx.try_recv() {
        ready.push(msg);
    }
    ready
}
