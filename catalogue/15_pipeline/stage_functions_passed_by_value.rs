// expect: pass
// why: the shipped signature kept as it is (Fn, no `mut`): each stage hands its function by value to an iterator adapter (map, for_each), which needs no `mut` and must bring no warning about lines the learner never wrote

//! Exercise 15: a pipeline.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    parse: impl Fn(A) -> B + Send + 'static,
    transform: impl Fn(B) -> C + Send + 'static,
    collect: impl Fn(C) + Send + 'static,
) where
    A: Send + 'static,
    B: Send + 'static,
    C: Send + 'static,
{
    // ✏️  Your code goes here / Seu código vai aqui.
    let (parsed_tx, parsed_rx) = channel();
    let (transformed_tx, transformed_rx) = channel();

    // Each Sender moves into the one stage that sends on it, so it is
    // dropped when that stage ends: the source running out ends `parse`,
    // which closes the first channel and ends `transform`, which closes the
    // second and ends `collect`.
    let stages = [
        thread::spawn(move || {
            for value in source.into_iter().map(parse) {
                parsed_tx.send(value).expect("transform outlives parse");
            }
        }),
        thread::spawn(move || {
            for result in parsed_rx.into_iter().map(transform) {
                transformed_tx
                    .send(result)
                    .expect("collect outlives transform");
            }
        }),
        thread::spawn(move || {
            transformed_rx.into_iter().for_each(collect);
        }),
    ];
    for stage in stages {
        stage.join().expect("a stage of the pipeline panicked");
    }
}
