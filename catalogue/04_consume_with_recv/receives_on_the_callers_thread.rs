// expect: fail
// why: receives on the caller's thread, then hands the result to a thread that has nothing left to do
// en: spawn_consumer(..) did not return
// pt-BR: spawn_consumer(..) não retornou
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    let mut received = Vec::new();
    while let Ok(message) = rx.recv() {
        println!("message from thread: {message}");
        received.push(message);
    }
    thread::spawn(move || received)
}
