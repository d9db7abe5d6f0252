// expect: pass
// why: lets the return type decide the message type instead of writing it out
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx) = channel();
    (tx, rx)
}
