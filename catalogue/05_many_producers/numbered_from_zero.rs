// expect: fail
// why: numbers the producers from 0, as a range usually starts
// en: numbered from 1
// pt-BR: numerados a partir de 1
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
    (0..producers)
        .map(|number| {
            let tx = tx.clone();
            thread::spawn(move || {
                for seq in 0..per_producer {
                    tx.send(make(number, seq)).unwrap();
                    thread::sleep(base_interval * (number + 1));
                }
            })
        })
        .collect()
}
