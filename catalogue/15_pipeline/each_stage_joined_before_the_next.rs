// expect: fail
// why: each stage is a thread, but it is joined before the next one starts, so the stages never work at the same time
// en: do not finish (or join) one stage before starting the next
// pt-BR: não termine (nem faça join de) um estágio antes de começar o próximo

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
    thread::spawn(move || {
        for item in source {
            parsed_tx.send(parse(item)).unwrap();
        }
    })
    .join()
    .unwrap();
    thread::spawn(move || {
        for value in parsed_rx {
            transformed_tx.send(transform(value)).unwrap();
        }
    })
    .join()
    .unwrap();
    thread::spawn(move || {
        for result in transformed_rx {
            collect(result);
        }
    })
    .join()
    .unwrap();
}
