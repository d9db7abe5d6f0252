// expect: fail
// why: treats Disconnected like Empty ("try again later"), so the loop never ends
// en: returns Err(TryRecvError::Disconnected)
// pt-BR: devolve Err(TryRecvError::Disconnected)
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
            Err(_) => tick(),
        }
    }
    #[allow(unreachable_code)]
    received
}
