// expect: pass
// why: a while loop on the count of missed beats, with if-let and matches! instead of one match
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
    let mut received = 0;
    let mut missed = 0;
    while missed < max_missed {
        let answer = rx.recv_timeout(beat);
        if answer.is_ok() {
            received += 1;
            missed = 0;
        } else if matches!(answer, Err(RecvTimeoutError::Disconnected)) {
            return Ending::Finished { received };
        } else {
            missed += 1;
        }
    }
    Ending::WentSilent { received }
}
