// expect: fail
// why: joins each stage right after spawning it, so parse finishes entirely before transform starts and transform before collect: three threads, but no overlap at all (outsider: stages must run at the same time; join only after spawning all three)
// en: do not finish (or join) one stage before starting the next
// pt-BR: não termine (nem faça join de) um estágio antes de começar o próximo

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

    thread::spawn(move || {
        for item in source {
            tx1.send(parse(item)).unwrap();
        }
    })
    .join()
    .unwrap();

    thread::spawn(move || {
        for value in rx1 {
            tx2.send(transform(value)).unwrap();
        }
    })
    .join()
    .unwrap();

    thread::spawn(move || {
        for result in rx2 {
            collect(result);
        }
    })
    .join()
    .unwrap();
}
