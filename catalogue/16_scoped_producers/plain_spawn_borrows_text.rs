// expect: fail
// why: uses thread::spawn instead of scope.spawn for the producers while borrowing text and make; spawn needs a static closure, so this does not compile (borrowed data escapes / may outlive) (outsider: thread::scope lets threads borrow; thread::spawn needs static)
// en: This is what `thread::scope` is for
// pt-BR: É para isso que existe o `thread::scope`

//! Exercise 16: scoped producers.

use std::sync::mpsc;
use std::thread;

/// Shares the lines of `text` out among `producers` producer threads, in
/// consecutive runs of about the same length. Each producer sends
/// `make(line)` for each of its lines down one channel; the calling thread
/// is the consumer and calls `consume` for each result as it arrives.
pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let lines: Vec<&str> = text.lines().collect();
    let size = lines.len().div_ceil(producers.max(1)).max(1);
    let (tx, rx) = mpsc::channel();
    let mut handles = Vec::new();

    for chunk in lines.chunks(size) {
        let tx = tx.clone();
        let make = &make;
        handles.push(thread::spawn(move || {
            for &line in chunk {
                tx.send(make(line)).unwrap();
            }
        }));
    }
    drop(tx);
    for result in rx {
        consume(result);
    }
    for h in handles {
        h.join().unwrap();
    }
}
