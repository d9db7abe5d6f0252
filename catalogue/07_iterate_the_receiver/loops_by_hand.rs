// expect: pass
// why: a for loop over the Receiver and a while let on try_recv, pushing into Vecs
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    let mut all = Vec::new();
    for message in rx {
        all.push(message);
    }
    all
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    while let Ok(message) = rx.try_recv() {
        ready.push(message);
    }
    ready
}
