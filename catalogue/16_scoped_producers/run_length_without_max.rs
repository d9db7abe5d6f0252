// expect: fail
// why: the run length is `div_ceil(producers)` alone, which is 0 for an empty text, and `chunks(0)` panics
// en: an_empty_text_ends_at_once
// en: chunk size must be non-zero
// pt-BR: an_empty_text_ends_at_once
// pt-BR: chunk size must be non-zero

use std::sync::mpsc::channel;
use std::thread;

pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let lines: Vec<&str> = text.lines().collect();
    let n = lines.len().div_ceil(producers);
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
