// expect: pass
// why: rx.iter() with inspect and collect, all in one expression
//! Exercise 04: consume with recv.

use std::sync::mpsc::Receiver;
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        rx.iter()
            .inspect(|message| println!("message from thread: {message}"))
            .collect()
    })
}
