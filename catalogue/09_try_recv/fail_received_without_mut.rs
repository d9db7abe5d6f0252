// expect: fail
// why: the Vec of received messages is not declared mut (E0596)
// en: E0596 · cannot change it: it is not mutable
// en: More: `rustc --explain E0596`
// pt-BR: E0596 · não dá para mudar: não é mutável
// pt-BR: Mais: `rustc --explain E0596`

//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

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
    let received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => received.push(message),
            // Nothing yet, but a Sender is alive and may still send: use the
            // moment for the other work, then look again.
            Err(TryRecvError::Empty) => tick(),
            // try_recv says Disconnected only once the queue is empty too,
            // so nothing was left behind; and no message can come any more.
            Err(TryRecvError::Disconnected) => return received,
        }
    }
}
