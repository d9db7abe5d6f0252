// expect: fail
// why: the parse stage parses the whole source into a Vec first and only then sends the values, so nothing reaches transform or collect while the source is still being read (outsider: stream each item on as soon as it is ready; don't batch)
// en: instead of gathering them (in a Vec) to send at the end
// pt-BR: em vez de juntá-los (num Vec) para enviar no fim

//! Exercise 15: a pipeline.

use std::sync::mpsc::channel;
use std::thread;

/// Runs `source` through three stages, each on a thread of its own,
/// connected by channels: parse, transform, collect.
pub fn run_pipeline<A, B, C>(
    source: Vec<A>,
    mut parse: impl FnMut(A) -> B + Send + 'static,
    mut transform: impl FnMut(B) -> C + Send + 'static,
    mut collect: impl FnMut(C) + Send + 'static,
) where
    A: Send + 'static,
    B: Send + 'static,
    C: Send + 'static,
{
    let (tx1, rx1) = channel();
    let (tx2, rx2) = channel();

    let p = thread::spawn(move || {
        let parsed: Vec<B> = source.into_iter().map(|a| parse(a)).collect();
        for value in parsed {
            tx1.send(value).unwrap();
        }
    });
    let t = thread::spawn(move || {
        for value in rx1 {
            tx2.send(transform(value)).unwrap();
        }
    });
    let c = thread::spawn(move || {
        for result in rx2 {
            collect(result);
        }
    });

    p.join().unwrap();
    t.join().unwrap();
    c.join().unwrap();
}
