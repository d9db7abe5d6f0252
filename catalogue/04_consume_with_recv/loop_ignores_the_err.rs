// expect: fail
// why: ignores recv's Err inside an endless loop, so the thread never ends
// en: never ends
// pt-BR: nunca termina
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        loop {
            if let Ok(message) = rx.recv() {
                println!("message from thread: {message}");
                received.push(message);
            }
        }
    })
}
