//! Exercise 08: when the consumer leaves.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Sender;
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
    // ✏️  Your code goes here / Seu código vai aqui.
    // As in the chapter, this loop throws away what `send` returns, so it
    // never learns that the consumer left, and never stops.
    loop {
        let _ = tx.send(tick(sent));
        sent += 1;
        thread::sleep(interval);
    }
}
