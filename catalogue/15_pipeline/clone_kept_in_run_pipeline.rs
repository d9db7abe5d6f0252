// expect: fail
// why: the transform stage gets a clone of the Sender while the original stays alive in run_pipeline until after the joins, so collect never sees its channel close
// en: The shutdown cascades
// en: keep an extra Sender
// pt-BR: O encerramento desce em cascata
// pt-BR: mantém vivo um Sender a mais

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
    let parse_stage = thread::spawn(move || {
        for item in source {
            parsed_tx.send(parse(item)).unwrap();
        }
    });
    let tx = transformed_tx.clone();
    let transform_stage = thread::spawn(move || {
        for value in parsed_rx {
            tx.send(transform(value)).unwrap();
        }
    });
    let collect_stage = thread::spawn(move || {
        for result in transformed_rx {
            collect(result);
        }
    });
    parse_stage.join().unwrap();
    transform_stage.join().unwrap();
    collect_stage.join().unwrap();
    drop(transformed_tx);
}
