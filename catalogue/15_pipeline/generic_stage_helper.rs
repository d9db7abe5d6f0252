// expect: pass
// why: a generic helper starts the middle stage; iterator adapters (map, try_for_each, for_each); joins in reverse order

use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{self, JoinHandle};

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
    let parse_stage = thread::spawn(move || {
        source
            .into_iter()
            .map(&mut parse)
            .try_for_each(|value| parsed_tx.send(value))
            .expect("transform outlives parse");
    });
    let transform_stage = stage(parsed_rx, transformed_tx, transform);
    let collect_stage = thread::spawn(move || transformed_rx.iter().for_each(&mut collect));
    // Any order of joins works: each waits for its own stage.
    for handle in [collect_stage, transform_stage, parse_stage] {
        handle.join().unwrap();
    }
}

/// A middle stage: every input, through `f`, to the output, in order.
fn stage<I, O>(
    input: Receiver<I>,
    output: Sender<O>,
    mut f: impl FnMut(I) -> O + Send + 'static,
) -> JoinHandle<()>
where
    I: Send + 'static,
    O: Send + 'static,
{
    thread::spawn(move || {
        for item in input {
            if output.send(f(item)).is_err() {
                break;
            }
        }
    })
}
