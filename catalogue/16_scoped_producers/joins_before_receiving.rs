// expect: fail
// why: the producers' handles are joined before the receiving loop starts, so the consumer only starts once they are done
// en: results did not flow to the consumer as they were made
// pt-BR: os resultados não fluíram para o consumidor

use std::sync::mpsc::channel;
use std::thread;

/// Shares the lines of `text` out among `producers` producer threads, in
/// consecutive runs of about the same length (the first producer takes the
/// first lines, and so on). Each producer sends `make(line)` for each of its
/// lines, in order, down one channel; the calling thread is the consumer and
/// calls `consume` for each result as it arrives.
///
/// The producers borrow `text` and `make`: nothing is copied, nothing needs
/// to be `'static`. Returns once every result has been consumed and every
/// producer has ended.
pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    mut consume: impl FnMut(R),
) {
    // ✏️  Your code goes here / Seu código vai aqui.
    // Slices of `text`, not copies: every `&str` here points into it.
    let lines: Vec<&str> = text.lines().collect();
    let per_producer = lines.len().div_ceil(producers.max(1)).max(1);
    let (tx, rx) = channel();
    // Threads started in a scope may borrow what outlives the scope (the
    // lines, `make`), because the scope does not end before they do.
    thread::scope(|scope| {
        let make = &make;
        let mut handles = Vec::new();
        for share in lines.chunks(per_producer) {
            let tx = tx.clone();
            handles.push(scope.spawn(move || {
                for line in share {
                    tx.send(make(line))
                        .expect("the consumer outlives the producers");
                }
            }));
        }
        for handle in handles {
            handle.join().unwrap();
        }
        // Only the producers' clones may keep the channel open, or the loop
        // below would wait for this one forever, and the scope with it.
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
