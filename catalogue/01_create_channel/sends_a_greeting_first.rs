// expect: fail
// why: sends a message of its own into the new channel, "to try it out"
// en: already waiting in the new channel
// pt-BR: já havia uma mensagem esperando no canal novo
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = channel::<String>();
    tx.send("hello".to_string()).unwrap();
    (tx, rx)
}
