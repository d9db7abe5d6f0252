// expect: fail
// why: the transform and collect stages loop with try_iter(), which stops as soon as the channel is momentarily empty, so they end early and later items are lost (parse's sends then fail) (outsider: a stage must block on its input until every Sender is gone (iter, not try_iter))
// en: A stage that stops early loses what is still on its way
// en: 1 test failed
// pt-BR: Um estágio que para cedo perde o que ainda está a caminho
// pt-BR: 1 teste falhou

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
        for item in source {
            let _ = tx1.send(parse(item));
        }
    });
    let t = thread::spawn(move || {
        // don't get stuck waiting
        for value in rx1.try_iter() {
            let _ = tx2.send(transform(value));
        }
    });
    let c = thread::spawn(move || {
        for result in rx2.try_iter() {
            collect(result);
        }
    });

    p.join().unwrap();
    t.join().unwrap();
    c.join().unwrap();
}
