// expect: fail
// why: shortcut: a single spawned thread pushes each item through parse, transform and collect in turn; results stream and keep their order, but all three stages share one thread and there are no channels (outsider: each stage on its own thread, connected by channels)
// en: the three stages shared 1 thread(s)
// pt-BR: os três estágios compartilharam 1 thread(s)

//! Exercise 15: a pipeline.

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
    let worker = thread::spawn(move || {
        for item in source {
            let value = parse(item);
            let result = transform(value);
            collect(result);
        }
    });
    worker.join().unwrap();
}
