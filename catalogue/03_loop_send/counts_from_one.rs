// expect: fail
// why: counts from 1 to count, so message 0 never goes out and message {count} does
// en: expected ["message 0", "message 1"
// pt-BR: era esperado ["message 0", "message 1"
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(move || {
        for i in 1..=count {
            tx.send(format!("message {i}")).unwrap();
            thread::sleep(interval);
        }
    })
}
