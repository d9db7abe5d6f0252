// expect: fail
// why: gives the second thread a Sender of a brand-new channel instead of a clone
// en: A Sender from a second channel() sends into another channel
// pt-BR: Um Sender de um segundo channel() envia para outro canal
//! Exercise 02: clone tx.

use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let (tx2, _rx2) = channel();
    let first = thread::spawn(move || {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        let _ = tx2.send(make(2));
    });
    (first, second)
}
