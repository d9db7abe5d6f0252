// expect: fail
// why: (outsider) stops at the first Err of try_recv, taking Empty for the end
// en: means "nothing yet", not "no more"
// pt-BR: quer dizer "ainda nada", não "acabou"
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;

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
    while let Ok(message) = rx.try_recv() {
        received.push(message);
        tick();
    }
    received
}
