// expect: fail
// why: (outsider) collect_all stops at the first Err of try_recv, taking an empty channel for a closed one
// en: rx.try_iter() gives up as soon as nothing is waiting
// pt-BR: rx.try_iter() desiste assim que não há nada esperando
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
    // no more messages -> channel is done
    while let Ok(msg) = rx.try_recv() {
        all.push(msg);
    }
    all
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.try_iter().collect()
}
