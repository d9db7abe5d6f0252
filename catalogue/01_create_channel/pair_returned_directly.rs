// expect: pass
// why: returns what mpsc::channel gives back, with no binding at all
//! Exercise 01: create the channel.

use std::sync::mpsc::{self, Receiver, Sender};

pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    mpsc::channel::<String>()
}
