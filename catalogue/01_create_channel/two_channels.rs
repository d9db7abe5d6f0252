// expect: fail
// why: calls channel() twice and returns the Sender of one and the Receiver of the other
// en: two different channels
// pt-BR: dois canais diferentes
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, _) = channel::<String>();
    let (_, rx) = channel::<String>();
    (tx, rx)
}
