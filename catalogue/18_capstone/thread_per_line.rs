// expect: fail
// why: a thread per line, with worker numbers dealt out in turns: the report looks right, but more than WORKERS threads count at once
// en: Does it start a thread per line?
// pt-BR: Ele cria uma thread por linha?

//! Exercise 18: the capstone.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify
//!
//! Run it yourself:
//!     printf 'one two\nthree\n' | cargo run -p capstone -- 4
//! that is, count the words of each line of standard input with 4 workers.

use std::collections::BTreeMap;
use std::env;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() -> ExitCode {
    let workers = match workers_from_args() {
        Ok(workers) => workers,
        Err(message) => {
            eprintln!("capstone: {message}");
            return ExitCode::from(2);
        }
    };

    // ✏️  Your code goes here / Seu código vai aqui.
    // Every line gets a thread of its own; results come back on a channel.
    let (result_tx, result_rx) = mpsc::channel();
    let mut handles = Vec::new();
    for (index, line) in io::stdin().lock().lines().enumerate() {
        let text = line.expect("standard input is text");
        let result_tx = result_tx.clone();
        let worker = index % workers + 1;
        handles.push(thread::spawn(move || {
            let words = count_words(&text);
            let _ = result_tx.send((index + 1, Counted { words, worker }));
        }));
    }
    drop(result_tx);
    let mut panicked = false;
    for (index, handle) in handles.into_iter().enumerate() {
        if handle.join().is_err() {
            eprintln!("capstone: worker {} panicked", index % workers + 1);
            panicked = true;
        }
    }
    let counted: BTreeMap<usize, Counted> = result_rx.into_iter().collect();
    print_report(&counted);
    if panicked {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// What a worker found out about one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counted {
    /// How many words the line has.
    words: usize,
    /// Which worker counted it, from 1.
    worker: usize,
}

/// The work for one line: how many words it has.
///
/// Two kinds of line are special, for the tests:
/// - a line that starts with `!slow` is counted like any other, but takes a
///   little while, as real work does;
/// - the line `!panic` makes the worker panic, as a bug would.
fn count_words(line: &str) -> usize {
    if line == "!panic" {
        panic!("the line `!panic` asked for a panic");
    }
    if line.starts_with("!slow") {
        thread::sleep(Duration::from_millis(20));
    }
    line.split_whitespace().count()
}

/// Prints the report: one line per counted line, by line number, then the
/// total.
fn print_report(counted: &BTreeMap<usize, Counted>) {
    let mut out = io::stdout().lock();
    let mut total = 0;
    for (line, Counted { words, worker }) in counted {
        let _ = writeln!(out, "line {line}: {words} words (worker {worker})");
        total += words;
    }
    let _ = writeln!(out, "total: {total} words in {} lines", counted.len());
}

/// The number of workers, from the command line: `capstone WORKERS`.
fn workers_from_args() -> Result<usize, String> {
    let arg = env::args()
        .nth(1)
        .ok_or("usage: capstone WORKERS (how many worker threads, 1 or more)")?;
    match arg.parse() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("WORKERS must be a number, 1 or more, not {arg:?}")),
    }
}
