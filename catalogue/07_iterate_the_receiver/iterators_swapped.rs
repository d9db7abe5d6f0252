// expect: fail
// why: the shipped mix-up: try_iter for the whole stream, iter for what is ready
// en: rx.try_iter() gives up as soon as nothing is waiting
// en: rx.try_iter() takes what is queued and never waits
// pt-BR: rx.try_iter() desiste assim que não há nada esperando
// pt-BR: rx.try_iter() pega o que está na fila e nunca espera
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.try_iter().collect()
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.iter().collect()
}
