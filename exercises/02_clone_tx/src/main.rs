//! Runs your two producers from `src/lib.rs`: each sends one greeting on the
//! same channel, and this program prints both as they arrive.
//! You do not need to change this file.

use std::sync::mpsc::channel;

fn main() {
    let (tx, rx) = channel::<String>();
    let (first, second) = clone_tx::start_two_producers(tx, |n| format!("hello from producer {n}"));
    // Two producers, one message each. Which one arrives first is up to the
    // threads, so the order of these lines can change from run to run.
    for _ in 0..2 {
        let message = rx.recv().expect("each producer sends one message");
        println!("received: {message}");
    }
    first.join().expect("producer 1 panicked");
    second.join().expect("producer 2 panicked");
}
