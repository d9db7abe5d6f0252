// expect: fail
// why: sends every message from the calling thread and returns handles of threads that only hold a clone
// en: made and sent on the thread that called spawn_producers
// pt-BR: foram criadas e enviadas na thread que chamou spawn_producers
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
    for number in 1..=producers {
        for seq in 0..per_producer {
            tx.send(make(number, seq)).unwrap();
            thread::sleep(base_interval * number);
        }
    }
    (1..=producers)
        .map(|_| {
            let tx = tx.clone();
            thread::spawn(move || drop(tx))
        })
        .collect()
}
