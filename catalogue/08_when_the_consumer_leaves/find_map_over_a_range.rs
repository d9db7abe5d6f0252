// expect: pass
// why: counts with an open range and find_map, which stops at the first refused send
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
    (0..)
        .find_map(|sent| match tx.send(make(sent)) {
            Ok(()) => {
                thread::sleep(interval);
                None
            }
            Err(SendError(returned)) => Some(Report { sent, returned }),
        })
        .expect("a u64 counter does not run out")
}
