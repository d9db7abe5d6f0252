// expect: fail
// why: workers loop `while let Ok(..) = rx.lock().unwrap().recv()`, so the guard lives through count_words: lines are counted one at a time, and a `!panic` line poisons the Mutex so every other worker panics on lock().unwrap() and their lines are lost (outsider: release the lock before doing the work (MutexGuard scope, poisoning))
// en: does each worker release the lock before counting?
// en: A worker that dies while holding the lock poisons it
// pt-BR: cada worker libera o lock antes de contar?
// pt-BR: Um worker que morre segurando o lock o envenena

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

    let mut handles = Vec::new();
    for worker in 1..=workers {
        let rx = Arc::clone(&line_rx);
        let tx = result_tx.clone();
        handles.push(thread::spawn(move || {
            while let Ok((number, text)) = rx.lock().unwrap().recv() {
                let words = count_words(&text);
                tx.send((number, Counted { words, worker })).unwrap();
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
        if line_tx.send((index + 1, text)).is_err() {
            break;
        }
    }
    drop(line_tx);

    let mut failed = false;
    for (i, h) in handles.into_iter().enumerate() {
        if h.join().is_err() {
            eprintln!("capstone: worker {} panicked", i + 1);
            failed = true;
        }
    }
    print_report(&consumer.join().unwrap());
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
