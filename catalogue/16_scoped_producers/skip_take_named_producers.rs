// expect: pass
// why: each named producer walks text.lines() with skip/take, borrowing the text directly; the consumer uses rx.iter().for_each

use std::sync::mpsc::channel;
use std::thread::{self, Builder};

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
    let total = text.lines().count();
    let size = total.div_ceil(producers.max(1)).max(1);
    let (tx, rx) = channel::<R>();
    thread::scope(|scope| {
        for (number, start) in (0..total).step_by(size).enumerate() {
            let tx = tx.clone();
            let make = &make;
            Builder::new()
                .name(format!("producer {number}"))
                .spawn_scoped(scope, move || {
                    text.lines()
                        .skip(start)
                        .take(size)
                        .for_each(|line| tx.send(make(line)).unwrap());
                })
                .unwrap();
        }
        drop(tx);
        rx.iter().for_each(&mut consume);
    });
}
