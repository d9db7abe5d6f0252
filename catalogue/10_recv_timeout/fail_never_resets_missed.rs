// expect: fail
// why: (outsider) never resets the missed count after a message, so a slow but alive producer is declared silent; it passed about one run in twenty under load until the test had eleven gaps
// en: starts over with every message
// pt-BR: recomeça a cada mensagem
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

/// Watches a producer that should send something at least once every
/// `beat`, and counts its messages until it either finishes or goes silent.
///
/// A `beat` that passes without a message is a missed beat. A single missed
/// beat is not the end: the producer may just be slow. Every message starts
/// the count of missed beats over; `max_missed` missed beats in a row mean
/// the producer went silent.
pub fn watch<T>(rx: &Receiver<T>, beat: Duration, max_missed: u32) -> Ending {
    let mut received = 0;
    let mut missed = 0;
    loop {
        match rx.recv_timeout(beat) {
            Ok(_) => received += 1,
            Err(RecvTimeoutError::Timeout) => {
                missed += 1;
                if missed == max_missed {
                    return Ending::WentSilent { received };
                }
            }
            Err(RecvTimeoutError::Disconnected) => return Ending::Finished { received },
        }
    }
}
