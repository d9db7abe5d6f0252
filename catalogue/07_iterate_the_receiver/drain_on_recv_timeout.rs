// expect: fail
// why: drain_ready waits a little for each next message with recv_timeout, so it never stops while messages keep coming
// en: a drain built on recv_timeout
// pt-BR: um drain feito com recv_timeout
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;
use std::time::Duration;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.into_iter().collect()
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    let mut ready = Vec::new();
    while let Ok(message) = rx.recv_timeout(Duration::from_millis(10)) {
        ready.push(message);
    }
    ready
}
