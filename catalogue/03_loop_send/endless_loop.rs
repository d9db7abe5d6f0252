// expect: fail
// why: keeps the chapter's endless loop, counting but never stopping
// en: Send exactly `count` messages, then let the loop end
// pt-BR: Envie exatamente `count` mensagens e deixe o laço terminar
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    let _ = count;
    thread::spawn(move || {
        let mut i = 0;
        loop {
            let _ = tx.send(format!("message {i}"));
            thread::sleep(interval);
            i += 1;
        }
    })
}
