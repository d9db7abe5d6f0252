//! Exercise 16: scoped producers.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    // For now the calling thread does all the work itself, and `producers`
    // is not used yet: no thread, no channel.
    let _ = producers;
    for line in text.lines() {
        consume(make(line));
    }
}
