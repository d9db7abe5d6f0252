// expect: fail
// why: treats every Err from try_recv as the end, so the first Empty moment stops the loop
// en: means "nothing yet", not "no more"
// pt-BR: quer dizer "ainda nada", não "acabou"
//! Exercise 09: try_recv.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Receiver;

pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => received.push(message),
            Err(_) => {
                tick();
                break;
            }
        }
    }
    received
}
