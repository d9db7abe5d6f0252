// expect: pass
// why: named stage threads inside thread::scope, which joins them; while-let loops on recv()

use std::sync::mpsc::channel;
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
    let (parsed_tx, parsed_rx) = channel();
    let (transformed_tx, transformed_rx) = channel();
    thread::scope(|scope| {
        thread::Builder::new()
            .name("parse".into())
            .spawn_scoped(scope, move || {
                let mut items = source.into_iter();
                while let Some(item) = items.next() {
                    let _ = parsed_tx.send(parse(item));
                }
            })
            .expect("start parse");
        thread::Builder::new()
            .name("transform".into())
            .spawn_scoped(scope, move || {
                while let Ok(value) = parsed_rx.recv() {
                    let _ = transformed_tx.send(transform(value));
                }
            })
            .expect("start transform");
        thread::Builder::new()
            .name("collect".into())
            .spawn_scoped(scope, move || {
                while let Ok(result) = transformed_rx.recv() {
                    collect(result);
                }
            })
            .expect("start collect");
        // The scope joins all three when it ends.
    });
}
