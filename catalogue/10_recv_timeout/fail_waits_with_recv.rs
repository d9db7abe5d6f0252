// expect: fail
// why: the chapter's consumer loop: recv() waits as long as the silent producer keeps its Sender
// en: a watchdog needs time-outs
// pt-BR: um vigia precisa de um time-out
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
    let _ = (beat, max_missed);
    let mut received = 0;
    while rx.recv().is_ok() {
        received += 1;
    }
    Ending::Finished { received }
}
