// expect: fail
// why: a single spawned thread runs parse, transform and collect for each item: no channels, no stages
// en: the three stages shared 1 thread(s)
// pt-BR: os três estágios compartilharam 1 thread(s)

use std::thread;

/// Runs `source` through three stages, each on a thread of its own,
/// connected by channels:
///
/// 1. **parse**: takes the items of `source` one by one, in order, and sends
///    `parse(item)` down the first channel;
/// 2. **transform**: receives from the first channel and sends
///    `transform(value)` down the second;
/// 3. **collect**: receives from the second channel and calls
///    `collect(result)` for each.
///
/// Every stage keeps the order it received things in. When `source` runs
/// out, the shutdown cascades: each stage ends once its input channel is
/// closed, and closes its output by ending. Returns once all three stages
/// have finished.
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
    // One worker thread, so the caller is free; every item goes all the way
    // through before the next one starts.
    let worker = thread::spawn(move || {
        for item in source {
            collect(transform(parse(item)));
        }
    });
    worker.join().unwrap();
}
