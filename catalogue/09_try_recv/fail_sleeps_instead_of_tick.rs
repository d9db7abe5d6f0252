// expect: fail
// why: (outsider) on Empty it sleeps a millisecond and never calls tick
// en: had not called tick() once
// pt-BR: não tinha chamado tick() nenhuma vez
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread;
use std::time::Duration;

/// Takes every message that comes through `rx`, in order, without ever
/// blocking, and keeps doing the other work while nothing is ready.
///
/// Each poll of the channel has three possible answers:
///
/// - a message: keep it, and poll again at once;
/// - nothing yet (`TryRecvError::Empty`, some `Sender` is still alive): call
///   `tick()` once, for the other work, then poll again;
/// - closed (`TryRecvError::Disconnected`, every `Sender` is gone and nothing
///   is left): return the messages received.
pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => {
                received.push(message);
                tick();
            }
            // don't burn the CPU while waiting
            Err(TryRecvError::Empty) => thread::sleep(Duration::from_millis(1)),
            Err(TryRecvError::Disconnected) => break,
        }
    }
    received
}
