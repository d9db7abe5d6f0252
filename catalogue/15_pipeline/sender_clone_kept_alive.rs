// expect: fail
// why: gives the parse thread a clone of the first Sender and keeps the original in run_pipeline until after the joins, so transform's for-loop never sees the channel close and the pipeline hangs (outsider: a Sender kept alive breaks the shutdown cascade)
// en: keep an extra Sender, a clone or the original, alive
// pt-BR: mantém vivo um Sender a mais

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

    let parse_tx = tx1.clone();
    let p = thread::spawn(move || {
        for item in source {
            parse_tx.send(parse(item)).unwrap();
        }
    });

    let transform_tx = tx2.clone();
    let t = thread::spawn(move || {
        for value in rx1 {
            transform_tx.send(transform(value)).unwrap();
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
    drop(tx1);
    drop(tx2);
}
