// expect: pass
// why: same pool shape written with helper functions: a worker fn that takes one line inside a block (guard dropped) and counts it outside the lock, a collector fn on its own thread; the line Sender is moved into a reading block and dropped at its end; panicked workers are counted from join results (outsider: correct variant)

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

    let (line_tx, queue) = mpsc::channel();
    let queue = Arc::new(Mutex::new(queue));
    let (results, inbox) = mpsc::channel();

    let handles: Vec<_> = (1..=workers)
        .map(|n| {
            let queue = Arc::clone(&queue);
            let results = results.clone();
            thread::spawn(move || worker(n, queue, results))
        })
        .collect();
    drop(results);

    let collector = thread::spawn(move || gather(inbox));

    {
        let line_tx = line_tx; // moved in here, dropped at the closing brace
        let stdin = io::stdin();
        for (number, line) in (1..).zip(stdin.lock().lines().map_while(Result::ok)) {
            if line_tx.send((number, line)).is_err() {
                break;
            }
        }
    }

    let panicked: Vec<usize> = handles
        .into_iter()
        .zip(1..)
        .filter_map(|(h, n)| h.join().is_err().then_some(n))
        .collect();
    for n in &panicked {
        eprintln!("capstone: worker {n} panicked");
    }

    let counted = collector.join().unwrap();
    print_report(&counted);
    if panicked.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// One worker: take the next line, let go of the lock, count, send the result.
fn worker(
    n: usize,
    queue: Arc<Mutex<mpsc::Receiver<(usize, String)>>>,
    results: mpsc::Sender<(usize, Counted)>,
) {
    loop {
        let job = {
            let guard = queue.lock().unwrap();
            guard.recv()
        };
        let Ok((number, text)) = job else { return };
        let counted = Counted { words: count_words(&text), worker: n };
        if results.send((number, counted)).is_err() {
            return;
        }
    }
}

/// The one consumer: gathers every result, in line order.
fn gather(inbox: mpsc::Receiver<(usize, Counted)>) -> BTreeMap<usize, Counted> {
    let mut counted = BTreeMap::new();
    while let Ok((number, result)) = inbox.recv() {
        counted.insert(number, result);
    }
    counted
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
