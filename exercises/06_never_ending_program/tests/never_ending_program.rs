//! The specification of exercise 06. Read it: each test runs your program
//! (with a base interval of a few milliseconds) and checks what it printed.
//! A program that is still running after a few seconds is stopped, and the
//! test fails.

use std::io;
use std::process::Output;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::cargo::cargo_bin_cmd;
use course_support::{PATIENCE, check, human, program_succeeded, quote};
use predicates::prelude::*;

/// The program starts ten producers, as in the chapter.
const PRODUCERS: u32 = 10;

/// One run of the program: its arguments and what came of it.
struct Run {
    base_interval_ms: u32,
    messages: u32,
    output: Result<Output, String>,
    took: Duration,
}

/// The program's runs, shared by all the tests: it runs twice, at the same
/// time, with different arguments. A program that never ends then costs the
/// whole file one time limit instead of one per test.
fn runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let started: Vec<_> = [(2, 3), (1, 2)]
            .into_iter()
            .map(|(ms, messages)| thread::spawn(move || run_program(ms, messages)))
            .collect();
        started
            .into_iter()
            .map(|run| run.join().expect("running the program panicked"))
            .collect()
    })
}

/// Runs the program as `never_ending_program BASE_INTERVAL_MS MESSAGES`,
/// stopping it after `PATIENCE`.
fn run_program(base_interval_ms: u32, messages: u32) -> Run {
    let start = Instant::now();
    let output = cargo_bin_cmd!("never_ending_program")
        .args([base_interval_ms.to_string(), messages.to_string()])
        .timeout(PATIENCE)
        .output()
        .map_err(|e| e.to_string());
    Run {
        base_interval_ms,
        messages,
        output,
        took: start.elapsed(),
    }
}

/// What the run printed, once it is sure the program ended by itself, in
/// time and successfully; otherwise the test fails and says why.
fn finished(run: &Run) -> String {
    // How far the program got, for the message if it had to be stopped.
    let printed = run.output.as_ref().map_or(0, |output| {
        message_lines(&String::from_utf8_lossy(&output.stdout)).count()
    });
    let expected = PRODUCERS * run.messages;
    let (all_in_en, all_in_pt) = if printed as u32 == expected {
        (
            " Every message had been printed, so the producers were done \
             and the consumer was still waiting in recv().",
            " Todas as mensagens já tinham sido impressas: os produtores tinham \
             terminado e o consumidor continuava esperando em recv().",
        )
    } else {
        ("", "")
    };
    let command = format!(
        "never_ending_program {} {}",
        run.base_interval_ms, run.messages
    );
    program_succeeded(
        run.output.clone().map_err(io::Error::other),
        // Both runs are checked only once both have ended: measure this one
        // as if it were checked the moment it ended.
        Instant::now() - run.took,
        PATIENCE,
        (
            format!(
                "`{command}` did not end within {}; it was stopped after printing \
                 {printed} of {expected} messages.{all_in_en} A receiver waits while \
                 any Sender lives, even one that never sends: is the original tx still \
                 alive in main?",
                human(PATIENCE)
            ),
            format!(
                "`{command}` não terminou em {}; foi interrompido depois de imprimir \
                 {printed} de {expected} mensagens.{all_in_pt} O receptor espera enquanto \
                 existir algum Sender, mesmo um que nunca envia: o tx original ainda está \
                 vivo na main?",
                human(PATIENCE)
            ),
        ),
    )
}

/// The lines the consumer prints, one per message received.
fn message_lines(stdout: &str) -> impl Iterator<Item = &str> {
    stdout
        .lines()
        .filter(|line| line.starts_with("message from "))
}

#[test]
fn the_program_ends_by_itself() {
    for run in runs() {
        // `finished` fails the test if the program had to be stopped.
        finished(run);
    }
}

#[test]
fn every_producer_prints_every_message_in_order() {
    for run in runs() {
        let stdout = finished(run);
        let messages = run.messages;
        for number in 1..=PRODUCERS {
            // The comma keeps "producer 1," apart from "producer 10,".
            let prefix = format!("message from producer {number}, #");
            let seqs: Vec<&str> = message_lines(&stdout)
                .filter_map(|line| line.strip_prefix(&prefix))
                .collect();
            let expected: Vec<String> = (1..=messages).map(|seq| seq.to_string()).collect();
            check(
                seqs == expected,
                format!(
                    "with {messages} messages per producer, producer {number} should print \
                     #1 to #{messages}, in order; the program printed {seqs:?} for it. \
                     Its whole output:\n{}",
                    quote(stdout.as_bytes())
                ),
                format!(
                    "com {messages} mensagens por produtor, o produtor {number} deveria \
                     imprimir de #1 a #{messages}, em ordem; o programa imprimiu {seqs:?} \
                     para ele. A saída inteira:\n{}",
                    quote(stdout.as_bytes())
                ),
            );
        }
    }
}

#[test]
fn the_summary_comes_last_and_counts_every_message() {
    for run in runs() {
        let stdout = finished(run);
        let expected = format!("received {} messages", PRODUCERS * run.messages);
        let last_line = stdout.lines().last().unwrap_or_default();
        check(
            predicate::eq(expected.as_str()).eval(last_line),
            format!(
                "after joining the consumer, the program should print \"{expected}\" as \
                 its last line; it printed:\n{}",
                quote(stdout.as_bytes())
            ),
            format!(
                "depois do join do consumidor, o programa deveria imprimir \"{expected}\" \
                 na última linha; ele imprimiu:\n{}",
                quote(stdout.as_bytes())
            ),
        );
    }
}
