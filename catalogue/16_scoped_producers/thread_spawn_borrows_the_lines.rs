// expect: fail
// why: thread::spawn instead of scope.spawn: the producers borrow lines and make, which are not 'static
// en: E0310 · a generic type may not live long enough
// en: More: `rustc --explain E0310`
// en: E0597 · a value does not live long enough
// en: More: `rustc --explain E0597`
// en: This is what `thread::scope` is for
// pt-BR: É para isso que existe o `thread::scope`
// pt-BR: E0310 · um tipo genérico pode não viver o suficiente
// pt-BR: Mais: `rustc --explain E0310`
// pt-BR: E0597 · um valor não vive o suficiente
// pt-BR: Mais: `rustc --explain E0597`

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
        for share in lines.chunks(per_producer) {
            let tx = tx.clone();
            thread::spawn(move || {
                for line in share {
                    tx.send(make(line))
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
