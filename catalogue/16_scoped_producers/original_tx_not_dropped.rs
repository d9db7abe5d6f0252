// expect: fail
// why: clones tx for every producer but never drops the original inside the scope, so `for result in rx` waits for it forever and the scope (and the function) never returns (outsider: drop the original Sender so the consumer loop can end)
// en: the original tx lives inside the scope
// pt-BR: o tx original vive dentro do escopo

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
    let make = &make;

    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for chunk in lines.chunks(size) {
            let tx = tx.clone();
            scope.spawn(move || {
                for &line in chunk {
                    tx.send(make(line)).unwrap();
                }
            });
        }
        for result in rx {
            consume(result);
        }
    });
}
