// expect: fail
// why: (outsider) keeps the message in a variable, sends it, and on error returns that moved variable
// en: E0382
// pt-BR: E0382
//! Exercise 08: when the consumer leaves.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// What a producer has to tell when it stops.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<T> {
    /// How many messages `send` accepted.
    pub sent: u64,
    /// The message `send` refused, handed back by its error.
    pub returned: T,
}

/// Sends `make(0)`, `make(1)`, `make(2)`, ... on `tx`, pausing `interval`
/// after each one, until `send` fails because the Receiver is gone. Then
/// stops and reports how many messages were sent and which one came back.
///
/// `make` is a plain function, so the caller chooses what a message is: the
/// tests pass one whose messages cannot be cloned and carry a serial number.
pub fn produce_until_closed<T>(tx: Sender<T>, interval: Duration, make: fn(u64) -> T) -> Report<T> {
    let mut sent = 0;
    loop {
        let msg = make(sent);
        if tx.send(msg).is_err() {
            return Report { sent, returned: msg };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
