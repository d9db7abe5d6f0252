// expect: fail
// why: to go faster, transform hands every item to a new thread: the stage is no longer one thread, and nothing keeps the order
// en: transform ran on 12 different threads
// en: each stage is one thread that handles every item
// pt-BR: transform rodou em 12 threads diferentes
// pt-BR: cada estágio é uma thread só

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
    // Faster: transform every item on a thread of its own.
    let transform = std::sync::Arc::new(std::sync::Mutex::new(transform));
    let transform_stage = thread::spawn(move || {
        let mut helpers = Vec::new();
        for value in parsed_rx {
            let (tx, transform) = (transformed_tx.clone(), transform.clone());
            helpers.push(thread::spawn(move || {
                let f = &mut *transform.lock().unwrap();
                tx.send(f(value)).unwrap();
            }));
        }
        for helper in helpers {
            helper.join().unwrap();
        }
    });
    let collect_stage = thread::spawn(move || {
        for result in transformed_rx {
            collect(result);
        }
    });
    for stage in [parse_stage, transform_stage, collect_stage] {
        stage.join().unwrap();
    }
}
