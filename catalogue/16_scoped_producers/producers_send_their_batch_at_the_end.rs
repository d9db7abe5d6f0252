// expect: fail
// why: each producer makes all its results first and sends them together at the end, so nothing reaches the consumer while the producers work
// en: results did not flow to the consumer as they were made
// en: not gathered in a Vec to send at the end
// pt-BR: os resultados não fluíram para o consumidor
// pt-BR: sem juntá-los num Vec para enviar no fim

//! Exercise 16: scoped producers.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    consume: impl Fn(R),
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
        for share in lines.chunks(per_producer) {
            let tx = tx.clone();
            scope.spawn(move || {
                // Make everything first, then send it all in one go.
                let made: Vec<_> = share.iter().map(|line| make(line)).collect();
                for result in made {
                    tx.send(result)
                        .expect("the consumer outlives the producers");
                }
            });
        }
        // Only the producers' clones may keep the channel open, or the loop
        // below would wait for this one forever, and the scope with it.
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
