// expect: fail
// why: (outsider) lumps every Err together as a missed beat, so a finished producer is reported silent
// en: that is a clean finish, not a missed beat
// pt-BR: é um fim limpo, não uma batida perdida
//! Exercise 10: recv_timeout.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;
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
        if rx.recv_timeout(beat).is_ok() {
            received += 1;
            missed = 0;
        } else {
            missed += 1;
            if missed >= max_missed {
                return Ending::WentSilent { received };
            }
        }
    }
}
