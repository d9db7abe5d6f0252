// expect: fail
// why: gives up after 500 Empty answers in a row, a long while, but still before the producer is done; it passed while the longest pause was 60 ticks
// en: means "nothing yet", not "no more"
// pt-BR: quer dizer "ainda nada", não "acabou"
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
    let mut empty_in_a_row = 0;
    loop {
        match rx.try_recv() {
            Ok(message) => {
                received.push(message);
                empty_in_a_row = 0;
            }
            // Five hundred empty answers in a row: surely nothing more is coming.
            Err(TryRecvError::Empty) if empty_in_a_row < 500 => {
                empty_in_a_row += 1;
                tick();
            }
            Err(_) => return received,
        }
    }
}
