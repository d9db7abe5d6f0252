// expect: pass
// why: index ranges instead of chunks; the original tx moves into the last producer instead of being dropped; a while-let receiving loop

use std::sync::mpsc::channel;
use std::thread;

/// Shares the lines of `text` out among `producers` producer threads, in
/// consecutive runs of about the same length (the first producer takes the
/// first lines, and so on). Each producer sends `make(line)` for each of its
/// lines, in order, down one channel; the calling thread is the consumer and
/// calls `consume` for each result as it arrives.
///
/// The producers borrow `text` and `make`: nothing is copied, nothing needs
/// to be `'static`. Returns once every result has been consumed and every
/// producer has ended.
pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let lines: Vec<&str> = text.lines().collect();
    let producers = producers.max(1);
    let size = lines.len().div_ceil(producers).max(1);
    let (tx, rx) = channel();
    let make = &make;
    thread::scope(|scope| {
        let mut start = 0;
        let mut tx = Some(tx);
        while start < lines.len() {
            let end = (start + size).min(lines.len());
            let share = &lines[start..end];
            // The last producer takes the original; the others a clone.
            let sender = if end == lines.len() {
                tx.take().expect("only the last takes it")
            } else {
                tx.as_ref().expect("still here").clone()
            };
            scope.spawn(move || {
                for line in share {
                    let _ = sender.send(make(line));
                }
            });
            start = end;
        }
        // An empty text starts no producer: the Sender must go all the same.
        drop(tx);
        while let Ok(result) = rx.recv() {
            consume(result);
        }
    });
}
