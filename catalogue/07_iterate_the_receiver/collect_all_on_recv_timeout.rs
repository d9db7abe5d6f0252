// expect: fail
// why: collect_all stops after 10 ms without a message instead of waiting for the channel to close
// en: keep waiting until the channel closes
// pt-BR: continue esperando até o canal fechar
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;
use std::time::Duration;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    let mut all = Vec::new();
    while let Ok(message) = rx.recv_timeout(Duration::from_millis(10)) {
        all.push(message);
    }
    all
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.try_iter().collect()
}

