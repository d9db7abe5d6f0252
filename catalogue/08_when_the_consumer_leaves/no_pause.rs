// expect: fail
// why: forgets the pause after each send
// en: does the producer sleep `interval` after each send?
// pt-BR: o produtor dorme `interval` depois de cada envio?
//! Exercise 08: when the consumer leaves.

use std::sync::mpsc::{SendError, Sender};
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<T> {
    pub sent: u64,
    pub returned: T,
}

pub fn produce_until_closed<T>(tx: Sender<T>, interval: Duration, make: fn(u64) -> T) -> Report<T> {
    let _ = interval;
    let mut sent = 0;
    loop {
        if let Err(SendError(returned)) = tx.send(make(sent)) {
            return Report { sent, returned };
        }
        sent += 1;
    }
}
