// expect: fail
// why: shortcut: ignores `producers` and starts one scoped thread that sends make(line) for every line; results still stream in order to consume, but there is only one producer and nothing runs in parallel (outsider: one producer per run, running at the same time)
// en: expected 3 threads, each with its own run of lines
// en: 2 tests failed
// pt-BR: o esperado eram 3 threads
// pt-BR: 2 testes falharam

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
    let _ = producers;
    let make = &make;

    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        scope.spawn(move || {
            for line in text.lines() {
                tx.send(make(line)).unwrap();
            }
        });
        for result in rx {
            consume(result);
        }
    });
}
