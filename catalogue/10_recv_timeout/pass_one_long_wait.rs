// expect: pass
// why: max_missed silent beats in a row are one silence of beat × max_missed: a single recv_timeout of that length
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

pub fn watch<T>(rx: &Receiver<T>, beat: Duration, max_missed: u32) -> Ending {
    let silence = beat * max_missed;
    let mut received = 0;
    loop {
        match rx.recv_timeout(silence) {
            Ok(_) => received += 1,
            Err(RecvTimeoutError::Timeout) => return Ending::WentSilent { received },
            Err(RecvTimeoutError::Disconnected) => return Ending::Finished { received },
        }
    }
}
