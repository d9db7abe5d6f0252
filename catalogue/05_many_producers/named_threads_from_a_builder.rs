// expect: pass
// why: named threads from thread::Builder, and a producer that stops quietly if the Receiver is gone
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
            thread::Builder::new()
                .name(format!("producer {number}"))
                .spawn(move || {
                    let pause = base_interval * number;
                    let mut seq = 0;
                    while seq < per_producer && tx.send(make(number, seq)).is_ok() {
                        thread::sleep(pause);
                        seq += 1;
                    }
                })
                .expect("the system could not start a thread")
        })
        .collect()
}
