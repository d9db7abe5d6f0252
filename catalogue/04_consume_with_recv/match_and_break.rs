// expect: pass
// why: a loop with a match that breaks on the Err instead of while let
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        loop {
            match rx.recv() {
                Ok(message) => {
                    println!("message from thread: {message}");
                    received.push(message);
                }
                Err(_) => break,
            }
        }
        received
    })
}
