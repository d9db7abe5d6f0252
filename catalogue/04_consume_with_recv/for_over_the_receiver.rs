// expect: pass
// why: iterates the Receiver itself (for message in rx), which calls recv for each item
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        for message in rx {
            println!("message from thread: {message}");
            received.push(message);
        }
        received
    })
}
