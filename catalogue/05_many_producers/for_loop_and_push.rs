// expect: pass
// why: a for loop that clones tx, spawns and pushes each handle into a Vec
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
    let mut handles = Vec::new();
    for number in 1..=producers {
        let tx = tx.clone();
        let handle = thread::spawn(move || {
            for seq in 0..per_producer {
                tx.send(make(number, seq)).unwrap();
                thread::sleep(base_interval * number);
            }
        });
        handles.push(handle);
    }
    handles
}
