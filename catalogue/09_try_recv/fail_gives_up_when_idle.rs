// expect: fail
// why: guesses that twenty empty polls in a row mean the producer is done, instead of waiting for Disconnected
// en: means "nothing yet", not "no more"
// pt-BR: quer dizer "ainda nada", não "acabou"
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    let mut idle = 0;
    loop {
        match rx.try_recv() {
            Ok(message) => {
                received.push(message);
                idle = 0;
            }
            Err(TryRecvError::Empty) if idle < 20 => {
                idle += 1;
                tick();
            }
            Err(_) => return received,
        }
    }
}
