// expect: fail
// why: (outsider) shortcut: collect_all sleeps a second, then takes what is queued; it passed until collect_all had to return as the channel closes
// en: Waiting a fixed time (a sleep)
// pt-BR: Esperar um tempo fixo (um sleep)
//! Exercise 07: iterate the receiver.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;
use std::thread;
use std::time::Duration;

/// Every message that will ever come through `rx`, in the order received.
///
/// Waits for each next message and returns only once the channel is closed
/// (every `Sender` dropped) and empty.
pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    // give the producers time to finish, then take everything
    thread::sleep(Duration::from_secs(1));
    rx.try_iter().collect()
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.try_iter().collect()
}
