// expect: fail
// why: calls try_recv once to see whether a message is there and again to read it, so the first call throws away every other message
// en: Each call of try_recv takes the next message off the queue
// pt-BR: Cada chamada de try_recv tira da fila a próxima mensagem
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
    let mut received = Vec::new();
    loop {
        // First see whether there is anything, then take it.
        match rx.try_recv() {
            Err(TryRecvError::Disconnected) => return received,
            Err(TryRecvError::Empty) => tick(),
            Ok(_) => {
                if let Ok(message) = rx.try_recv() {
                    received.push(message);
                }
            }
        }
    }
}
