// expect: fail
// why: drain_ready iterates with rx.iter(), which waits while a Sender lives
// en: A Sender is still alive here
// pt-BR: Aqui ainda existe um Sender
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.into_iter().collect()
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    for message in rx.iter() {
        ready.push(message);
    }
    ready
}
