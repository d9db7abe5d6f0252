// expect: fail
// why: (outsider) parks a clone of tx in a background thread forever, afraid the channel dies when the function returns: the channel can never close
// en: some other Sender
// pt-BR: algum outro Sender
//! Exercise 01: create the channel.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{channel, Receiver, Sender};
use std::thread;

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    let (tx, rx): (Sender<String>, Receiver<String>) = channel();
    // keep the channel open even after this function returns
    let keep_open = tx.clone();
    thread::spawn(move || {
        let _keep_open = keep_open;
        loop {
            thread::park();
        }
    });
    (tx, rx)
}
