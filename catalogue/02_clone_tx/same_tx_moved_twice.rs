// expect: fail
// why: the shipped code: both move closures take the same tx
// en: E0382
// pt-BR: E0382
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let first = thread::spawn(move || {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(2)).expect("the Receiver is still listening");
    });
    (first, second)
}
