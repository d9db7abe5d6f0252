// expect: fail
// why: the Sender is shared through an Rc, which cannot go to another thread (E0277)
// en: E0277 · a type lacks a trait the code needs
// en: `Rc` and `RefCell` are neither: use `Arc` and `Mutex`
// pt-BR: E0277 · falta a um tipo um trait que o código exige
// pt-BR: `Rc` e `RefCell` não são nenhum dos dois: use `Arc` e `Mutex`

//! Exercise 02: clone tx.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::rc::Rc;
use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};

/// Starts two producer threads that send on the same channel.
///
/// Producer `1` and producer `2` each build one message with `make` (passing
/// their own number) and send it through `tx`. Returns both threads' handles,
/// the first producer's first.
///
/// `make` is a plain function, so the caller chooses what a message is:
/// `src/main.rs` builds a greeting, the tests also record which thread built it.
pub fn start_two_producers<T: Send + 'static>(
    tx: Sender<T>,
    make: fn(usize) -> T,
) -> (JoinHandle<()>, JoinHandle<()>) {
    let tx = Rc::new(tx);
    let tx1 = Rc::clone(&tx);
    let first = thread::spawn(move || {
        tx1.send(make(1)).expect("the Receiver is still listening");
    });
    let second = thread::spawn(move || {
        tx.send(make(2)).expect("the Receiver is still listening");
    });
    (first, second)
}
