// expect: fail
// why: builds a bounded sync_channel, whose sending end is a SyncSender, not a Sender
// en: E0308
// pt-BR: E0308
//! Exercise 01: create the channel.

use std::sync::mpsc::{Receiver, Sender, sync_channel};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx) = sync_channel::<String>(1);
    (tx, rx)
}
