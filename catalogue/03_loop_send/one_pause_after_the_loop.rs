// expect: fail
// why: sleeps once, after the loop, instead of after each send
// en: is the sleep inside the loop, after each send?
// pt-BR: o sleep está dentro do laço, depois de cada envio?
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(move || {
        for i in 0..count {
            tx.send(format!("message {i}")).unwrap();
        }
        thread::sleep(interval);
    })
}
