// expect: pass
// why: gives each thread a clone of its own and lets the original drop at the end of the function
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let tx1 = tx.clone();
    let tx2 = tx.clone();
    let first = thread::spawn(move || {
        tx1.send(make(1)).unwrap();
    });
    let second = thread::spawn(move || {
        tx2.send(make(2)).unwrap();
    });
    (first, second)
}
