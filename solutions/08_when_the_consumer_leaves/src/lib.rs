//! Exercise 08: when the consumer leaves.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{SendError, Sender};
use std::thread;
use std::time::Duration;

/// The text of message number `n`: `"tick 0"`, `"tick 1"`, ...
pub fn tick(n: u64) -> String {
    format!("tick {n}")
}

/// What a producer has to tell when it stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// How many messages `send` accepted.
    pub sent: u64,
    /// The message `send` refused, handed back by its error.
    pub returned: String,
}

/// Sends `tick(0)`, `tick(1)`, `tick(2)`, ... on `tx`, pausing `interval`
/// after each one, until `send` fails because the Receiver is gone. Then
/// stops and reports how many messages were sent and which one came back.
pub fn produce_until_closed(tx: Sender<String>, interval: Duration) -> Report {
    let mut sent = 0;
    loop {
        // `send` takes the message by value, so after a failed send we no
        // longer own it: the error is the only way to get it back. It fails
        // only when the Receiver is gone, which makes it the signal to stop:
        // nobody will ever read what we send.
        if let Err(SendError(returned)) = tx.send(tick(sent)) {
            return Report { sent, returned };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
