// expect: fail
// why: stops at the failed send but makes the message again for the report instead of taking it back
// en: take it out of the SendError
// pt-BR: tire-a de dentro do SendError
//! Exercise 08: when the consumer leaves.

use std::sync::mpsc::Sender;
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
        if tx.send(make(sent)).is_err() {
            return Report {
                sent,
                returned: make(sent),
            };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
