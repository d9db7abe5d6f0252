// expect: fail
// why: puts the error's text in the report instead of the message the error hands back
// en: `err.0` is the message
// pt-BR: `err.0` é a mensagem
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
        if let Err(err) = tx.send(make(sent)) {
            return Report { sent, returned: err.to_string() };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
