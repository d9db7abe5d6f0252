// expect: fail
// why: gives each worker its own line channel and deals line i to worker i % N; a worker stuck on '!slow' lines holds up its own queue while others idle, and after a worker panics main's send to its dead channel fails and unwrap crashes main (outsider: one shared line queue that the free worker takes from (and no unwrap where the receiver may be gone))
// en: a channel per worker loses the lines dealt to the one that died
// pt-BR: um canal por worker perde as linhas entregues ao que morreu

//! Exercise 18: the capstone.
//!
//! Run it yourself:
//!     printf 'one two\nthree\n' | cargo run -p capstone -- 4

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

    let (result_tx, result_rx) = mpsc::channel::<(usize, Counted)>();
    let mut senders = Vec::new();
    let mut handles = Vec::new();
    for worker in 1..=workers {
        let (tx, rx) = mpsc::channel::<(usize, String)>();
        senders.push(tx);
        let result_tx = result_tx.clone();
        handles.push(thread::spawn(move || {
            for (number, text) in rx {
                let words = count_words(&text);
                result_tx.send((number, Counted { words, worker })).unwrap();
            }
        }));
    }
    drop(result_tx);

    let consumer = thread::spawn(move || {
        let mut counted = BTreeMap::new();
        for (number, c) in result_rx {
            counted.insert(number, c);
        }
        counted
    });

    for (index, line) in io::stdin().lock().lines().enumerate() {
        let text = line.expect("standard input is text");
        senders[index % workers].send((index + 1, text)).unwrap();
    }
    drop(senders);

    let mut code = ExitCode::SUCCESS;
    for (i, h) in handles.into_iter().enumerate() {
        if h.join().is_err() {
            eprintln!("capstone: worker {} panicked", i + 1);
            code = ExitCode::FAILURE;
        }
    }
    print_report(&consumer.join().unwrap());
    code
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
