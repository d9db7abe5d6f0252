// expect: fail
// why: spawns the stages with plain closures (no move), so they try to borrow source, the stage functions and the channel ends from run_pipeline; this does not compile (closure may outlive the current function) (outsider: move closures: each stage owns its Receiver, Sender and function)
// en: E0373 · a closure that borrows may outlive the function
// pt-BR: E0373 · uma closure que pega emprestado pode viver mais que a função

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

    let p = thread::spawn(|| {
        for item in source {
            tx1.send(parse(item)).unwrap();
        }
    });
    let t = thread::spawn(|| {
        for value in rx1 {
            tx2.send(transform(value)).unwrap();
        }
    });
    let c = thread::spawn(|| {
        for result in rx2 {
            collect(result);
        }
    });

    p.join().unwrap();
    t.join().unwrap();
    c.join().unwrap();
}
