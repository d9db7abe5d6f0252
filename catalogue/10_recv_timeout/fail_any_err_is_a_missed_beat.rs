// expect: fail
// why: counts every Err as a missed beat, so a producer that finished looks silent
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

pub fn watch<T>(rx: &Receiver<T>, beat: Duration, max_missed: u32) -> Ending {
    let mut received = 0;
    let mut missed = 0;
    loop {
        match rx.recv_timeout(beat) {
            Ok(_) => {
                received += 1;
                missed = 0;
            }
            Err(_) => {
                missed += 1;
                if missed >= max_missed {
                    return Ending::WentSilent { received };
                }
            }
        }
    }
}
