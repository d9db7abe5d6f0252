// expect: pass
// why: a while loop with its own counter, stopping quietly if the Receiver is gone
//! Exercise 03: send in a loop.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {
    thread::spawn(move || {
        let mut i = 0;
        while i < count {
            let message = "message ".to_owned() + &i.to_string();
            if tx.send(message).is_err() {
                return;
            }
            thread::sleep(interval);
            i += 1;
        }
    })
}
