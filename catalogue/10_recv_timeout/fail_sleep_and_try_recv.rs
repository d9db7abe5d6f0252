// expect: fail
// why: (outsider) shortcut: try_recv and a sleep of a beat after each empty poll: messages wait, and Finished comes a beat late; it passed until the test timed them
// en: it was sleeping instead of waiting on the channel
// pt-BR: ele estava dormindo em vez de esperar no canal
//! Exercise 10: recv_timeout.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread;
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
        match rx.try_recv() {
            Ok(_) => {
                received += 1;
                missed = 0;
            }
            Err(TryRecvError::Empty) => {
                thread::sleep(beat);
                missed += 1;
                if missed >= max_missed {
                    return Ending::WentSilent { received };
                }
            }
            Err(TryRecvError::Disconnected) => return Ending::Finished { received },
        }
    }
}
