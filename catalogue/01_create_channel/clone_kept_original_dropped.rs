// expect: pass
// why: returns a clone of the Sender and drops the original: a clone is as good a Sender
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = channel::<String>();
    let tx2 = tx.clone();
    drop(tx);
    (tx2, rx)
}
