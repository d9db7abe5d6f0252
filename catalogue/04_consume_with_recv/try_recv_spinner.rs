// expect: fail
// why: spins on try_recv, which never waits: right answers, but it burns a core while the channel is empty
// en: instead of blocking in recv
// pt-BR: em vez de bloquear no recv
//! Exercise 04: consume with recv.

use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::{self, JoinHandle};

pub fn spawn_consumer(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    thread::spawn(move || {
        let mut received = Vec::new();
        loop {
            match rx.try_recv() {
                Ok(message) => {
                    println!("message from thread: {message}");
                    received.push(message);
                }
                Err(TryRecvError::Empty) => continue,
                Err(TryRecvError::Disconnected) => break,
            }
        }
        received
    })
}
