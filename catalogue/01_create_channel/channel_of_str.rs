// expect: fail
// why: a channel of &str, as if the message type did not matter
// en: E0308
// pt-BR: E0308
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx) = channel::<&str>();
    (tx, rx)
}
