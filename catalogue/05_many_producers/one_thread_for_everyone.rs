// expect: fail
// why: one thread runs every producer in turn
// en: sent from the same thread
// pt-BR: enviaram da mesma thread
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
    let tx = tx.clone();
    let handle = thread::spawn(move || {
        for number in 1..=producers {
            for seq in 0..per_producer {
                tx.send(make(number, seq)).unwrap();
                thread::sleep(base_interval * number);
            }
        }
    });
    vec![handle]
}
