// expect: fail
// why: the receive loop is placed after thread::scope, which first waits for every producer to finish; all results pile up in the channel and consume only sees them at the end, not while the producers work (outsider: consume concurrently with the producers, inside the scope)
// en: results did not flow to the consumer as they were made
// pt-BR: os resultados não fluíram para o consumidor

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
    let (tx, rx) = mpsc::channel();

    thread::scope(|scope| {
        for chunk in lines.chunks(size) {
            let tx = tx.clone();
            scope.spawn(move || {
                for &line in chunk {
                    tx.send(make(line)).unwrap();
                }
            });
        }
    });
    drop(tx);

    for result in rx {
        consume(result);
    }
}
