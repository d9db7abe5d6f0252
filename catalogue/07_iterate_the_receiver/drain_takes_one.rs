// expect: fail
// why: drain_ready takes one message with try_recv instead of all that are queued
// en: instead of all three, in order
// pt-BR: em vez das três, em ordem
//! Exercise 07: iterate the receiver.

use std::sync::mpsc::Receiver;

pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    rx.into_iter().collect()
}

pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    rx.try_recv().into_iter().collect()
}
