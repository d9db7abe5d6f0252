// expect: fail
// why: counts the send before looking at its result, so the refused one is counted too
// en: which do not agree
// pt-BR: os dois não combinam
//! Exercise 08: when the consumer leaves.

use std::sync::mpsc::{SendError, Sender};
use std::thread;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<T> {
    pub sent: u64,
    pub returned: T,
}

pub fn produce_until_closed<T>(tx: Sender<T>, interval: Duration, make: fn(u64) -> T) -> Report<T> {
    let mut sent = 0;
    loop {
        let result = tx.send(make(sent));
        sent += 1;
        if let Err(SendError(returned)) = result {
            return Report { sent, returned };
        }
        thread::sleep(interval);
    }
}
