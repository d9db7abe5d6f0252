// expect: pass
// why: clones inside a block that shadows tx, so each closure moves a tx of its own
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let first = {
        let tx = tx.clone();
        thread::spawn(move || {
            let _ = tx.send(make(1));
        })
    };
    let second = thread::spawn(move || {
        let _ = tx.send(make(2));
    });
    (first, second)
}
