// expect: fail
// why: (outsider) shortcut: recv_timeout(1 ms) instead of try_recv, ticking on Timeout: the thread sits idle between ticks; it passed until the test timed the gaps between ticks
// en: try_recv never waits
// pt-BR: try_recv nunca espera
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, RecvTimeoutError};
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
        match rx.recv_timeout(Duration::from_millis(1)) {
            Ok(message) => received.push(message),
            Err(RecvTimeoutError::Timeout) => tick(),
            Err(RecvTimeoutError::Disconnected) => return received,
        }
    }
}
