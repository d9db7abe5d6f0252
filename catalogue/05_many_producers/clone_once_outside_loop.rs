// expect: fail
// why: (outsider) clones tx once before the loop and moves that one clone into the first thread
// en: E0382
// pt-BR: E0382
//! Exercise 05: many producers.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Starts `producers` producers, numbered from 1, each on a thread of its own
/// and each with its own clone of `tx`.
///
/// Producer `number` sends `make(number, seq)` for every `seq` in
/// `0..per_producer`, in that order, making each message on its own thread
/// just before sending it, and sleeps `number × base_interval` after each
/// send: producer 1 is the quickest, producer 10 is ten times slower.
///
/// `make` is a plain function, so the caller chooses what a message is; the
/// tests pass one that also records which thread made it.
///
/// Returns the producers' `JoinHandle`s, one per producer. `tx` itself stays
/// with the caller, who drops it when it no longer needs it.
pub fn spawn_producers<T: Send + 'static>(
    tx: &Sender<T>,
    producers: u32,
    per_producer: u32,
    base_interval: Duration,
    make: fn(u32, u32) -> T,
) -> Vec<JoinHandle<()>> {
    let mut handles = Vec::new();
    let tx = tx.clone();
    for number in 1..=producers {
        handles.push(thread::spawn(move || {
            for seq in 0..per_producer {
                tx.send(make(number, seq)).unwrap();
                thread::sleep(base_interval * number);
            }
        }));
    }
    handles
}
