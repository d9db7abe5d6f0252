// expect: fail
// why: unwraps recv in an endless loop, so the normal end of the channel becomes a panic
// en: RecvError is not a failure
// pt-BR: RecvError não é uma falha
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        loop {
            let message = rx.recv().unwrap();
            println!("message from thread: {message}");
            received.push(message);
        }
    })
}
