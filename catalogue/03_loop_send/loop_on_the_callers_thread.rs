// expect: fail
// why: does the sending and sleeping in spawn_producer itself, then returns an idle thread
// en: the sends and the sleeps belong inside that thread
// pt-BR: os envios e as pausas ficam dentro dessa thread
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    for i in 0..count {
        tx.send(format!("message {i}")).unwrap();
        thread::sleep(interval);
    }
    thread::spawn(|| {})
}
