// expect: fail
// why: asks for T: Clone to keep a copy of each message, which the tests' messages are not
// en: E0277
// pt-BR: E0277
//! Exercise 08: when the consumer leaves.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<T> {
    pub sent: u64,
    pub returned: T,
}

pub fn produce_until_closed<T: Clone>(
    tx: Sender<T>,
    interval: Duration,
    make: fn(u64) -> T,
) -> Report<T> {
    let mut sent = 0;
    loop {
        let message = make(sent);
        if tx.send(message.clone()).is_err() {
            return Report {
                sent,
                returned: message,
            };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
