// expect: fail
// why: the shipped mix-up: try_iter for the whole stream, iter for what is ready
// en: rx.try_iter() gives up as soon as nothing is waiting
// en: A Sender is still alive here
// pt-BR: rx.try_iter() desiste assim que não há nada esperando
// pt-BR: Aqui ainda existe um Sender
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.try_iter().collect()
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.iter().collect()
}
