// expect: fail
// why: forgets the pause: every message goes out at once
// en: is the sleep inside the loop, after each send?
// en: timeline (ms since the start
// pt-BR: o sleep está dentro do laço, depois de cada envio?
// pt-BR: linha do tempo (ms desde o início
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    let _ = interval;
    thread::spawn(move || {
        for i in 0..count {
            tx.send(format!("message {i}")).unwrap();
        }
    })
}
