// expect: pass
// why: workers in a thread::scope borrow one Mutex<Receiver> (no Arc); a reader thread feeds them; main itself is the consumer

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
use std::sync::Mutex;
use std::sync::mpsc::channel;
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
    let (line_tx, line_rx) = channel::<(usize, String)>();
    let (result_tx, result_rx) = channel::<(usize, Counted)>();
    let queue = Mutex::new(line_rx);
    let mut counted = BTreeMap::new();
    let mut panicked = Vec::new();
    thread::scope(|scope| {
        let reader = scope.spawn(move || {
            for (index, line) in io::stdin().lock().lines().enumerate() {
                let Ok(text) = line else { break };
                if line_tx.send((index + 1, text)).is_err() {
                    break;
                }
            }
        });
        let pool: Vec<_> = (1..=workers)
            .map(|worker| {
                let (queue, result_tx) = (&queue, result_tx.clone());
                scope.spawn(move || {
                    loop {
                        let job = queue.lock().unwrap().recv();
                        let Ok((number, text)) = job else { return };
                        let _ = result_tx.send((
                            number,
                            Counted {
                                words: count_words(&text),
                                worker,
                            },
                        ));
                    }
                })
            })
            .collect();
        drop(result_tx);
        for (number, result) in result_rx {
            counted.insert(number, result);
        }
        let _ = reader.join();
        for (index, handle) in pool.into_iter().enumerate() {
            if handle.join().is_err() {
                panicked.push(index + 1);
            }
        }
    });
    for worker in &panicked {
        eprintln!("capstone: worker {worker} panicked");
    }
    print_report(&counted);
    if panicked.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
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
