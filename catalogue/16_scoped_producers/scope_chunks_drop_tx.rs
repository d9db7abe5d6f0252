// expect: pass
// why: collects the borrowed &str lines, splits them with chunks(div_ceil), spawns one scoped producer per run with its own tx clone and a &make, drops the original tx, and consumes on the calling thread inside the scope (outsider: correct variant)

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
    let per_run = lines.len().div_ceil(producers.max(1)).max(1);
    let make = &make;

    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for run in lines.chunks(per_run) {
            let tx = tx.clone();
            scope.spawn(move || {
                for &line in run {
                    tx.send(make(line)).unwrap();
                }
            });
        }
        drop(tx); // only the producers' clones are left now

        for result in rx {
            consume(result);
        }
    });
}
