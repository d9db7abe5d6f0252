// expect: pass
// why: a match on what send returns, taking the message out with err.0
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
        match tx.send(make(sent)) {
            Ok(()) => {
                sent += 1;
                thread::sleep(interval);
            }
            Err(err) => return Report { sent, returned: err.0 },
        }
    }
}
