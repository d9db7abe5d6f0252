// expect: fail
// why: copies each run into a Vec<String> "so the thread can own it" and calls make on those copies, so the &str make receives no longer points into text (outsider: scoped threads can borrow text; do not copy the lines)
// en: from a copy of the text
// pt-BR: a partir de uma cópia do texto

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
    let lines: Vec<String> = text.lines().map(|l| l.to_string()).collect();
    let size = lines.len().div_ceil(producers.max(1)).max(1);
    let make = &make;

    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for chunk in lines.chunks(size) {
            let owned: Vec<String> = chunk.to_vec();
            let tx = tx.clone();
            scope.spawn(move || {
                for line in owned {
                    tx.send(make(&line)).unwrap();
                }
            });
        }
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
