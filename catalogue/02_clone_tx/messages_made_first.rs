// expect: pass
// why: makes both messages first, then each thread sends its own message through its own Sender
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let first_message = make(1);
    let second_message = make(2);
    let tx1 = tx.clone();
    let first = thread::spawn(move || {
        tx1.send(first_message).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(second_message).expect("the Receiver is still listening");
    });
    (first, second)
}
