// expect: fail
// why: sleeps before each send, so the first message waits a whole interval
// en: the producer should send first and sleep after
// pt-BR: o produtor deveria enviar primeiro e dormir depois
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(move || {
        for i in 0..count {
            thread::sleep(interval);
            tx.send(format!("message {i}")).unwrap();
        }
    })
}
