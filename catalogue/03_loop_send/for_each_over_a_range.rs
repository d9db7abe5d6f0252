// expect: pass
// why: an iterator over 0..count with for_each instead of a for loop
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(move || {
        (0..count).for_each(|i| {
            tx.send(format!("message {i}")).unwrap();
            thread::sleep(interval);
        });
    })
}
