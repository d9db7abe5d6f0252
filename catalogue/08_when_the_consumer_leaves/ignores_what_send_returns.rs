// expect: fail
// why: the chapter's let _ = tx.send(..): the producer never hears that the consumer left
// en: Stop at the first Err
// pt-BR: Pare no primeiro Err
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
        let _ = tx.send(make(sent));
        sent += 1;
        thread::sleep(interval);
    }
}
