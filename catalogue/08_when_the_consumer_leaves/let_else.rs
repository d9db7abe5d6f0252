// expect: pass
// why: let-else on the Err pattern, with continue for the messages that went out
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
        let Err(SendError(returned)) = tx.send(make(sent)) else {
            sent += 1;
            thread::sleep(interval);
            continue;
        };
        return Report { sent, returned };
    }
}
