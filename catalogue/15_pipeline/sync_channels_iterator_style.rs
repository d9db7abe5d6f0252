// expect: pass
// why: pipeline over two small sync_channels (backpressure), stages written with iterator adaptors and try_for_each, handles joined in a loop over an array (outsider: correct variant)

//! Exercise 15: a pipeline.

use std::sync::mpsc;
use std::thread::{self, JoinHandle};

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
    let (to_transform, from_parse) = mpsc::sync_channel::<B>(4);
    let (to_collect, from_transform) = mpsc::sync_channel::<C>(4);

    let stages: [JoinHandle<()>; 3] = [
        thread::spawn(move || {
            let _ = source
                .into_iter()
                .map(|item| parse(item))
                .try_for_each(|value| to_transform.send(value));
        }),
        thread::spawn(move || {
            let _ = from_parse
                .iter()
                .map(|value| transform(value))
                .try_for_each(|result| to_collect.send(result));
        }),
        thread::spawn(move || from_transform.iter().for_each(|result| collect(result))),
    ];

    for stage in stages {
        stage.join().expect("a stage panicked");
    }
}
