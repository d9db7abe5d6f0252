// expect: fail
// why: takes only what is already queued with try_iter, and ends on the first empty moment
// en: it does not give up on an empty channel
// pt-BR: ele não desiste de um canal vazio
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let received: Vec<String> = rx.try_iter().collect();
        for message in &received {
            println!("message from thread: {message}");
        }
        received
    })
}
