// expect: fail
// why: (outsider) drain_ready polls on Empty and stops only on Disconnected, so it spins while a Sender lives
// en: rx.try_iter() takes what is queued and never waits
// pt-BR: rx.try_iter() pega o que está na fila e nunca espera
//! Exercise 07: iterate the receiver.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

/// Every message that will ever come through `rx`, in the order received.
///
/// Waits for each next message and returns only once the channel is closed
/// (every `Sender` dropped) and empty.
pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.into_iter().collect()
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
            // try_recv doesn't block, so just try again
            Err(TryRecvError::Empty) => continue,
            Err(TryRecvError::Disconnected) => break,
        }
    }
    ready
}
