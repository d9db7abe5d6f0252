// expect: fail
// why: receives only once, with if let instead of while let
// en: it does not give up on an empty channel
// pt-BR: ele não desiste de um canal vazio
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        if let Ok(message) = rx.recv() {
            println!("message from thread: {message}");
            received.push(message);
        }
        received
    })
}
