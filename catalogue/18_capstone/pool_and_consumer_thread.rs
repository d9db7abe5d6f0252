// expect: pass
// why: main streams numbered lines into one shared Arc<Mutex<Receiver>>; N workers take a line (guard dropped at end of statement), count it and send (number, Counted) on a result channel; a consumer thread fills a BTreeMap; main drops both Senders at the right moments, reports worker panics from join and exits with FAILURE (outsider: correct variant)

//! Exercise 18: the capstone.
//!
//! Run it yourself:
//!     printf 'one two\nthree\n' | cargo run -p capstone -- 4

use std::collections::BTreeMap;
use std::env;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
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

    let (line_tx, line_rx) = mpsc::channel::<(usize, String)>();
    let line_rx = Arc::new(Mutex::new(line_rx));
    let (result_tx, result_rx) = mpsc::channel::<(usize, Counted)>();

    let mut pool = Vec::with_capacity(workers);
    for worker in 1..=workers {
        let line_rx = Arc::clone(&line_rx);
        let result_tx = result_tx.clone();
        pool.push(thread::spawn(move || loop {
            let next = line_rx.lock().unwrap().recv(); // lock released here
            let Ok((number, text)) = next else { break };
            let words = count_words(&text);
            if result_tx.send((number, Counted { words, worker })).is_err() {
                break;
            }
        }));
    }
    // the workers have their copies now: without this the consumer never ends
    drop(result_tx);

    let consumer = thread::spawn(move || {
        let mut counted = BTreeMap::new();
        for (number, result) in result_rx {
            counted.insert(number, result);
        }
        counted
    });

    for (index, line) in io::stdin().lock().lines().enumerate() {
        let text = line.expect("standard input is text");
        if line_tx.send((index + 1, text)).is_err() {
            break; // every worker is gone
        }
    }
    drop(line_tx); // no more lines: the workers' recv() fails once the queue is empty

    let mut failed = false;
    for (index, handle) in pool.into_iter().enumerate() {
        if handle.join().is_err() {
            eprintln!("capstone: worker {} panicked", index + 1);
            failed = true;
        }
    }

    let counted = consumer.join().expect("the consumer does not panic");
    print_report(&counted);
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
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
