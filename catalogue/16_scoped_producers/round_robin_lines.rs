// expect: fail
// why: deals the lines out round-robin (line i to producer i % producers) instead of in consecutive runs, so each producer gets scattered lines rather than a run of neighbouring ones (outsider: split into consecutive runs (chunks))
// en: each producer takes a run of consecutive lines
// pt-BR: cada produtor pega uma sequência de linhas seguidas

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
    let n = producers.max(1);
    let mut runs: Vec<Vec<&str>> = vec![Vec::new(); n];
    for (i, line) in text.lines().enumerate() {
        runs[i % n].push(line);
    }
    let make = &make;

    thread::scope(|scope| {
        let (tx, rx) = mpsc::channel();
        for run in &runs {
            let tx = tx.clone();
            scope.spawn(move || {
                for &line in run {
                    tx.send(make(line)).unwrap();
                }
            });
        }
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
