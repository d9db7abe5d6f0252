//! Exercise 18: the capstone.
//! Exercício 18: o projeto final.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify
//!
//! Run it yourself:
//!     printf 'one two\nthree\n' | cargo run -p capstone -- 4
//! that is, count the words of each line of standard input with 4 workers.
//!
//! Rode você mesmo, com o comando acima: conta as palavras de cada linha da
//! entrada padrão com 4 workers.

use std::collections::BTreeMap;
use std::env;
use std::io::{self, BufRead, Write};
use std::process::ExitCode;
use std::sync::mpsc::channel;
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

    // Lines go out on one channel, shared by the workers; results come back
    // on another, to one consumer.
    let (line_tx, line_rx) = channel::<(usize, String)>();
    let (result_tx, result_rx) = channel::<(usize, Counted)>();
    let line_rx = Arc::new(Mutex::new(line_rx));

    let pool: Vec<_> = (1..=workers)
        .map(|worker| {
            let (line_rx, result_tx) = (Arc::clone(&line_rx), result_tx.clone());
            thread::spawn(move || {
                loop {
                    // The lock is released at the semicolon, before counting.
                    let next = line_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok((number, text))) = next else { break };
                    let words = count_words(&text);
                    if result_tx.send((number, Counted { words, worker })).is_err() {
                        break;
                    }
                }
            })
        })
        .collect();
    // Only the workers' clones are left: the consumer's loop ends when the
    // last worker does, whether it finished or panicked.
    drop(result_tx);
    let consumer = thread::spawn(move || result_rx.into_iter().collect::<BTreeMap<_, _>>());

    // Lines go out as they are read, so the workers start at once.
    for (index, line) in io::stdin().lock().lines().enumerate() {
        let Ok(text) = line else {
            let problem = tr(
                "standard input is not text; stopped reading",
                "a entrada padrão não é texto; parei de ler",
            );
            eprintln!("capstone: {problem}");
            break;
        };
        if line_tx.send((index + 1, text)).is_err() {
            // Every worker is gone: nobody is left to count.
            break;
        }
    }
    // No more lines: each worker's `recv` fails once the queue is empty.
    drop(line_tx);

    let mut healthy = true;
    for (index, worker) in pool.into_iter().enumerate() {
        if worker.join().is_err() {
            eprintln!("capstone: worker {} panicked", index + 1);
            healthy = false;
        }
    }
    let consumer_panicked = tr(
        "the consumer does not panic",
        "o consumidor não entra em pânico",
    );
    let counted = consumer.join().expect(consumer_panicked);
    print_report(&counted);
    if healthy {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// What a worker found out about one line.
///
/// O que um worker descobriu sobre uma linha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counted {
    /// How many words the line has.
    ///
    /// Quantas palavras a linha tem.
    words: usize,
    /// Which worker counted it, from 1.
    ///
    /// Qual worker a contou, a partir de 1.
    worker: usize,
}

/// The work for one line: how many words it has.
///
/// Two kinds of line are special, for the tests:
/// - a line that starts with `!slow` is counted like any other, but takes a
///   little while, as real work does;
/// - the line `!panic` makes the worker panic, as a bug would.
///
/// O trabalho de uma linha: quantas palavras ela tem.
///
/// Duas espécies de linha são especiais, para os testes:
/// - uma linha que começa com `!slow` é contada como qualquer outra, mas leva
///   um tempinho, como um trabalho de verdade;
/// - a linha `!panic` faz o worker entrar em pânico, como faria um bug.
fn count_words(line: &str) -> usize {
    if line == "!panic" {
        let asked = tr(
            "the line `!panic` asked for a panic",
            "a linha `!panic` pediu um pânico",
        );
        panic!("{asked}");
    }
    if line.starts_with("!slow") {
        thread::sleep(Duration::from_millis(20));
    }
    line.split_whitespace().count()
}

/// Prints the report: one line per counted line, by line number, then the
/// total.
///
/// Imprime o relatório: uma linha para cada linha contada, pelo número da
/// linha, e depois o total.
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
///
/// O número de workers, da linha de comando: `capstone WORKERS`.
fn workers_from_args() -> Result<usize, String> {
    let arg = env::args().nth(1).ok_or(tr(
        "usage: capstone WORKERS (how many worker threads, 1 or more)",
        "uso: capstone WORKERS (quantas threads de worker, 1 ou mais)",
    ))?;
    match arg.parse() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(tr(
            format!("WORKERS must be a number, 1 or more, not {arg:?}"),
            format!("WORKERS precisa ser um número, 1 ou mais, não {arg:?}"),
        )),
    }
}

/// Picks the text in the learner's language, as the tests do: the first of
/// `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is not empty decides,
/// and a value starting with `pt` means Portuguese.
///
/// Escolhe o texto na língua do aluno, como os testes fazem: decide a
/// primeira de `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` que não estiver
/// vazia, e um valor que começa com `pt` quer dizer português.
fn tr<T>(en: T, pt: T) -> T {
    let mut code = String::new();
    for name in ["COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if code.is_empty() {
            code = std::env::var(name).unwrap_or_default();
        }
    }
    if code.to_ascii_lowercase().starts_with("pt") {
        pt
    } else {
        en
    }
}
