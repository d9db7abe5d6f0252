// expect: pass
// why: two channels and three spawned threads; each Sender moves into its stage, parse iterates the source, transform and collect loop over their Receiver, and the function joins all three (outsider: correct variant)

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
    let (parsed_tx, parsed_rx) = channel::<B>();
    let (result_tx, result_rx) = channel::<C>();

    let parser = thread::spawn(move || {
        for item in source {
            if parsed_tx.send(parse(item)).is_err() {
                break;
            }
        }
        // parsed_tx dropped here: transform's loop ends
    });

    let transformer = thread::spawn(move || {
        for value in parsed_rx {
            if result_tx.send(transform(value)).is_err() {
                break;
            }
        }
    });

    let collector = thread::spawn(move || {
        for result in result_rx {
            collect(result);
        }
    });

    parser.join().unwrap();
    transformer.join().unwrap();
    collector.join().unwrap();
}
