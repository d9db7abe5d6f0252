// expect: fail
// why: the first thread sends make(2) and the second make(1)
// en: own message through its own Sender
// pt-BR: sua própria mensagem pelo seu próprio Sender
//! Exercise 02: clone tx.

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let tx1 = tx.clone();
    let first = thread::spawn(move || {
        tx1.send(make(2)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(1)).expect("the Receiver is still listening");
    });
    (first, second)
}
