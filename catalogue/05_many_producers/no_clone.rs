// expect: fail
// why: moves the borrowed tx into the threads instead of a clone
// en: E0521
// pt-BR: E0521
// en: a Sender of its own with `tx.clone()`
// pt-BR: um Sender só dele com `tx.clone()`
//! Exercise 05: many producers.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producers<T: Send + 'static>(
    tx: &Sender<T>,
    producers: u32,
    per_producer: u32,
    base_interval: Duration,
    make: fn(u32, u32) -> T,
) -> Vec<JoinHandle<()>> {
    (1..=producers)
        .map(|number| {
            thread::spawn(move || {
                for seq in 0..per_producer {
                    tx.send(make(number, seq)).unwrap();
                    thread::sleep(base_interval * number);
                }
            })
        })
        .collect()
}
