// expect: fail
// why: unwraps send, as the chapter does, so the consumer leaving becomes a panic
// en: a failed send is expected, not a bug
// pt-BR: um send que falha é o esperado, não um defeito
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
        tx.send(make(sent)).unwrap();
        sent += 1;
        thread::sleep(interval);
    }
}
