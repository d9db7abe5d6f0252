// expect: fail
// why: thread::spawn with the text in an Arc: make is only borrowed, and a spawned thread may not borrow it
// en: E0310
// pt-BR: E0310

use std::sync::Arc;
use std::sync::mpsc::channel;
use std::thread;

pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    let lines: Arc<Vec<String>> = Arc::new(text.lines().map(String::from).collect());
    let per_producer = lines.len().div_ceil(producers.max(1)).max(1);
    let make = &make;
    let (tx, rx) = channel();
    let mut handles = Vec::new();
    for start in (0..lines.len()).step_by(per_producer) {
        let (tx, lines) = (tx.clone(), Arc::clone(&lines));
        handles.push(thread::spawn(move || {
            for line in lines.iter().skip(start).take(per_producer) {
                tx.send(make(line)).unwrap();
            }
        }));
    }
    drop(tx);
    for result in rx {
        consume(result);
    }
    for handle in handles {
        handle.join().unwrap();
    }
}
