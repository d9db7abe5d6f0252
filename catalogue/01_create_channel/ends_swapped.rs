// expect: fail
// why: returns (rx, tx), the Receiver where the Sender is expected
// en: E0308
// pt-BR: E0308
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = channel::<String>();
    (rx, tx)
}
