// expect: fail
// why: every producer rests the same base_interval
// en: does producer number n sleep n × base_interval?
// pt-BR: o produtor número n dorme n × base_interval?
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
            let tx = tx.clone();
            thread::spawn(move || {
                for seq in 0..per_producer {
                    tx.send(make(number, seq)).unwrap();
                    thread::sleep(base_interval);
                }
            })
        })
        .collect()
}
