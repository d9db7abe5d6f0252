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
    // For now the main thread counts every line by itself, one after the
    // other, and `workers` is not used yet.
    // Por enquanto a thread principal conta cada linha sozinha, uma depois da
    // outra, e `workers` ainda não é usado.
    let _ = workers;
    let mut counted = BTreeMap::new();
    let input_is_text = tr("standard input is text", "a entrada padrão é texto");
    for (index, line) in io::stdin().lock().lines().enumerate() {
        let text = line.expect(input_is_text);
        let words = count_words(&text);
        counted.insert(index + 1, Counted { words, worker: 1 });
    }
    print_report(&counted);
    ExitCode::SUCCESS
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
