// expect: pass
// why: computes one consecutive index range per producer by hand (near-equal sizes), gives each scoped producer a borrowed sub-slice, a Sender clone and &make, drops the original Sender, and receives with while-let recv on the calling thread (outsider: correct variant)

//! Exercise 16: scoped producers.

use std::sync::mpsc::channel;
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
    let n = producers.max(1);
    let lines = &lines[..];
    let make = &make;

    thread::scope(|s| {
        let (tx, rx) = channel::<R>();
        for i in 0..n {
            let start = i * lines.len() / n;
            let end = (i + 1) * lines.len() / n;
            let run = &lines[start..end];
            let tx = tx.clone();
            s.spawn(move || {
                for line in run.iter().copied() {
                    if tx.send(make(line)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(tx);

        while let Ok(result) = rx.recv() {
            consume(result);
        }
    });
}
