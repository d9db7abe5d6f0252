// expect: fail
// why: drain_ready iterates with rx.iter(), which waits while a Sender lives
// en: rx.try_iter() takes what is queued and never waits
// pt-BR: rx.try_iter() pega o que está na fila e nunca espera
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
