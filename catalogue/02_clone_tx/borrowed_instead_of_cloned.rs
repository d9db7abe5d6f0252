// expect: fail
// why: lends the first thread a reference to tx instead of a clone
// en: E0597
// pt-BR: E0597
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let tx1 = &tx;
    let first = thread::spawn(move || {
        tx1.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(2)).expect("the Receiver is still listening");
    });
    (first, second)
}
