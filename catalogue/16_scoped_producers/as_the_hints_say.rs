// expect: pass
// why: the hints followed word for word: the run length is `div_ceil(producers).max(1)`, so an empty text makes no producer instead of asking `chunks(0)`

use std::sync::mpsc::channel;
use std::thread;

pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len().div_ceil(producers).max(1);
    let (tx, rx) = channel();
    thread::scope(|scope| {
        let make = &make;
        for chunk in lines.chunks(n) {
            let tx = tx.clone();
            scope.spawn(move || {
                for line in chunk {
                    tx.send(make(line))
                        .expect("the consumer outlives the producers");
                }
            });
        }
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
