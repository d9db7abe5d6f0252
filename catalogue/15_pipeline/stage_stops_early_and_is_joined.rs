// expect: fail
// why: transform stops when nothing arrives for 20 ms, and parse stops quietly when its send fails: every stage is joined, but the items after the slow moment are lost; the report must say so once, without also blaming the joins
// en: A stage that stops early loses what is still on its way
// en: 1 test failed
// pt-BR: Um estágio que para cedo perde o que ainda está a caminho
// pt-BR: 1 teste falhou

//! Exercise 15: a pipeline.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::channel;
use std::thread;
use std::time::Duration;

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
    // ✏️  Your code goes here / Seu código vai aqui.
    let (parsed_tx, parsed_rx) = channel();
    let (transformed_tx, transformed_rx) = channel();

    // Each Sender moves into the one stage that sends on it, so it is
    // dropped when that stage ends: the source running out ends `parse`,
    // which closes the first channel and ends `transform`, which closes the
    // second and ends `collect`.
    let stages = [
        thread::spawn(move || {
            for item in source {
                // transform may be gone: then there is no point going on.
                if parsed_tx.send(parse(item)).is_err() {
                    break;
                }
            }
        }),
        thread::spawn(move || {
            // Nothing for a while means the source is done.
            while let Ok(value) = parsed_rx.recv_timeout(Duration::from_millis(20)) {
                if transformed_tx.send(transform(value)).is_err() {
                    break;
                }
            }
        }),
        thread::spawn(move || {
            for result in transformed_rx {
                collect(result);
            }
        }),
    ];
    for stage in stages {
        stage.join().expect("a stage of the pipeline panicked");
    }
}
