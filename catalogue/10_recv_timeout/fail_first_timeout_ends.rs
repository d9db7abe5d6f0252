// expect: fail
// why: gives up at the first Timeout, as if one missed beat meant the producer was gone
// en: not the end
// pt-BR: não é o fim
//! Exercise 10: recv_timeout.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How a watch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every `Sender` was dropped: the producer finished cleanly, after
    /// sending `received` messages.
    Finished { received: u32 },
    /// `max_missed` beats in a row passed without a message while a `Sender`
    /// was still alive: the producer went silent after `received` messages.
    WentSilent { received: u32 },
}

pub fn watch<T>(rx: &Receiver<T>, beat: Duration, _max_missed: u32) -> Ending {
    let mut received = 0;
    loop {
        match rx.recv_timeout(beat) {
            Ok(_) => received += 1,
            Err(RecvTimeoutError::Timeout) => return Ending::WentSilent { received },
            Err(RecvTimeoutError::Disconnected) => return Ending::Finished { received },
        }
    }
}
