//! The specification of exercise 18. Read it: each test runs your program
//! (`capstone WORKERS`, with lines on its standard input) and checks its
//! report. A program still running after a few seconds is stopped, and the
//! test fails.
//!
//! The program runs four times, all at once, and most tests look at those
//! runs: with 1, 2 and 8 workers on the same 24 lines (a third of them
//! `!slow`; for 8 workers the last line has no newline at its end), and
//! with 2 workers on lines that include `!panic`.
//!
//! The report names a worker for each line, but a program can print any
//! number, so one test does not take its word: it runs the program with 8
//! workers on 96 `!slow` lines, each of which keeps a worker busy for 20 ms,
//! and times it. Eight workers counting side by side need 12 turns, at
//! least 240 ms; one thread at a time (no threads at all, or workers that
//! hold the lock while counting) needs at least 1.9 s; a thread per line
//! needs hardly more than 20 ms. Where the system tells (Linux), the test
//! also counts the program's threads while it runs, and stops a program
//! that has run no more threads than workers 50 ms after the fastest
//! possible end.
//!
//! For maintainers: a program that runs the right number of threads but
//! hands them the lines without channels (each thread its own slice, say)
//! passes; telling how lines travel would take more than a fair test can
//! see from outside.

use std::collections::BTreeSet;
use std::process::Output;
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

use assert_cmd::Command;
use assert_cmd::prelude::*;
use course_support::{
    Lang, LiveProgram, PATIENCE, ThreadCount, check, ending_in, fail, find_program, human, plural,
    program_succeeded, quote,
};
use predicates::prelude::*;

/// One run of the program: its arguments, its input, and what came of it.
struct Run {
    workers: usize,
    input: Vec<String>,
    output: Result<Output, String>,
    took: Duration,
}

impl Run {
    fn command(&self) -> String {
        format!("capstone {}", self.workers)
    }

    fn has_panic_line(&self) -> bool {
        self.input.iter().any(|l| l == "!panic")
    }
}

/// The 24 lines every ordinary run gets: some empty, some `!slow`.
fn ordinary_lines() -> Vec<String> {
    let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"];
    (1..=24usize)
        .map(|n| {
            let some: Vec<&str> = words.iter().copied().cycle().skip(n).take(n % 5).collect();
            match n {
                _ if n % 7 == 0 => String::new(),
                _ if n % 3 == 0 => format!("!slow {}", some.join(" ")),
                _ => some.join(" "),
            }
        })
        .collect()
}

/// The lines of the run with a panic: `!panic` as line 5 of 12.
fn lines_with_a_panic() -> Vec<String> {
    let mut lines: Vec<String> = (1..=12).map(|n| format!("!slow line {n}")).collect();
    lines[4] = "!panic".to_string();
    lines
}

fn runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let plans = [
            (1, ordinary_lines()),
            (2, ordinary_lines()),
            (8, ordinary_lines()),
            (2, lines_with_a_panic()),
        ];
        let started: Vec<_> = plans
            .into_iter()
            .map(|(workers, input)| thread::spawn(move || run_program(workers, input)))
            .collect();
        started
            .into_iter()
            .filter_map(|run| run.join().ok())
            .collect()
    })
}

fn run_program(workers: usize, input: Vec<String>) -> Run {
    let start = Instant::now();
    // With 8 workers the last line has no newline at its end, as happens
    // when the input is a file whose last line was not ended.
    let mut stdin: String = input.iter().map(|l| format!("{l}\n")).collect();
    if workers == 8 {
        stdin.pop();
    }
    let output = find_program("capstone", Command::cargo_bin)
        .arg(workers.to_string())
        .write_stdin(stdin)
        .timeout(PATIENCE)
        .output()
        .map_err(|e| e.to_string());
    Run {
        workers,
        input,
        output,
        took: start.elapsed(),
    }
}

/// The runs without `!panic`.
fn ordinary_runs() -> impl Iterator<Item = &'static Run> {
    runs().iter().filter(|r| !r.has_panic_line())
}

/// Fails the test if the program had to be stopped.
#[track_caller]
fn ended_by_itself(run: &Run) {
    let stopped = match &run.output {
        Ok(output) => !output.status.success() && output.status.code().is_none(),
        Err(_) => false,
    };
    if stopped || run.took >= PATIENCE {
        let printed = run
            .output
            .as_ref()
            .map(|o| o.stdout.clone())
            .unwrap_or_default();
        fail(
            format!(
                "`{}` with {} lines on its input did not end within {}; it was stopped. It \
                 printed:\n{}Every loop over a channel ends only when every Sender of that \
                 channel is gone: the workers' loop when the line Sender is dropped (after the \
                 last line), the consumer's when every worker's clone of the result Sender is \
                 gone. Is the original tx of the results still alive in main? Does the \
                 consumer wait for a fixed number of results, which a panicked worker never \
                 sends?",
                run.command(),
                run.input.len(),
                human(PATIENCE),
                quote(&printed)
            ),
            format!(
                "`{}` com {} linhas na entrada não terminou em {}; foi interrompido. Ele \
                 imprimiu:\n{}Todo laço sobre um canal só acaba quando todos os Senders daquele \
                 canal somem: o laço dos workers quando o Sender das linhas é descartado \
                 (depois da última linha), o do consumidor quando todos os clones do Sender \
                 de resultados, um por worker, somem. O tx original dos resultados ainda está \
                 vivo na main? O consumidor espera um número fixo de resultados, que um worker \
                 em pânico nunca envia?",
                run.command(),
                run.input.len(),
                human(PATIENCE),
                quote(&printed)
            ),
        );
    }
}

/// What an ordinary run printed, once sure it ended well.
#[track_caller]
fn report_of(run: &Run) -> String {
    ended_by_itself(run);
    program_succeeded(
        run.output.clone().map_err(std::io::Error::other),
        Instant::now() - run.took,
        PATIENCE,
        (
            format!("`{}` did not end by itself", run.command()),
            format!("`{}` não terminou sozinho", run.command()),
        ),
    )
}

/// One line of the report: `line N: W words (worker K)`.
#[derive(Debug, PartialEq, Eq)]
struct ReportLine {
    line: usize,
    words: usize,
    worker: usize,
}

fn parse_report_line(text: &str) -> Option<ReportLine> {
    let rest = text.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(": ")?;
    let (words, rest) = rest.split_once(" words (worker ")?;
    let worker = rest.strip_suffix(')')?;
    Some(ReportLine {
        line: line.parse().ok()?,
        words: words.parse().ok()?,
        worker: worker.parse().ok()?,
    })
}

fn report_lines(stdout: &str) -> Vec<ReportLine> {
    stdout.lines().filter_map(parse_report_line).collect()
}

fn words_in(line: &str) -> usize {
    line.split_whitespace().count()
}

/// The workers of the timed run.
const TIMED_WORKERS: usize = 8;
/// Its lines, all `!slow`.
const TIMED_LINES: usize = 96;
/// How long `count_words` takes on a `!slow` line.
const SLOW_LINE: Duration = Duration::from_millis(20);
/// How long past the fastest possible run a program may still show too few
/// threads before it is stopped. A pool starts its workers in its first
/// milliseconds, and they live at least as long as that fastest run, so
/// by then a pool has long been seen.
const FEW_THREADS_GRACE: Duration = Duration::from_millis(50);

#[test]
fn the_workers_count_side_by_side_on_threads_of_their_own() {
    let mut command: std::process::Command =
        find_program("capstone", std::process::Command::cargo_bin);
    command.arg(TIMED_WORKERS.to_string());
    let mut program = match LiveProgram::start(command) {
        Ok(program) => program,
        Err(e) => fail(
            format!("could not start `capstone {TIMED_WORKERS}`: {e}"),
            format!("não foi possível iniciar `capstone {TIMED_WORKERS}`: {e}"),
        ),
    };
    let threads = ThreadCount::start(program.id());
    for n in 1..=TIMED_LINES {
        // A program that ends early closes its input: what happened is told
        // below.
        if program.type_line(&format!("!slow line {n}")).is_err() {
            break;
        }
    }
    program.close_input();
    let rounds = TIMED_LINES.div_ceil(TIMED_WORKERS) as u32;
    let fastest = SLOW_LINE * rounds;
    let one_at_a_time = SLOW_LINE * TIMED_LINES as u32;
    let limit = fastest + Duration::from_secs(1);
    // Where the threads are counted, a program that still runs no more
    // threads than workers once a pool would have counted everything has
    // shown enough: the check below fails it, so it is stopped then.
    let mut too_few = None;
    let status = loop {
        let elapsed = program.started().elapsed();
        let left = limit.saturating_sub(elapsed);
        let status = program.wait_within(left.min(Duration::from_millis(5)));
        if status.is_some() || left.is_zero() {
            break status;
        }
        let most = threads.as_ref().and_then(ThreadCount::most);
        if elapsed >= fastest + FEW_THREADS_GRACE && most.is_some_and(|n| n <= TIMED_WORKERS) {
            too_few = Some(elapsed);
            break None;
        }
    };
    let took = program.started().elapsed();
    // Late, or never ending? The rest of the patience tells.
    let late = match (status, too_few) {
        (None, None) => program
            .wait_within(PATIENCE.saturating_sub(took))
            .map(|_| program.started().elapsed()),
        _ => None,
    };
    program.stop();
    let seen = threads.map(ThreadCount::stop);
    let command = format!("capstone {TIMED_WORKERS}");

    if let Some((_, most)) = seen {
        let (when_en, when_pt) = match too_few {
            Some(after) => (
                format!(" in its first {} (it was then stopped)", human(after)),
                format!(
                    " nos seus primeiros {} (e então foi interrompido)",
                    human(after)
                ),
            ),
            None => (String::new(), String::new()),
        };
        check(
            most > TIMED_WORKERS,
            format!(
                "`{command}` never ran more than {most} thread(s) at once{when_en}, main \
                 included: {TIMED_WORKERS} workers are {TIMED_WORKERS} threads besides main, \
                 each taking lines from the shared channel. The worker numbers in the report \
                 must be those of the threads that really counted the lines."
            ),
            format!(
                "`{command}` nunca rodou mais que {most} thread(s) ao mesmo tempo{when_pt}, \
                 contando a main: {TIMED_WORKERS} workers são {TIMED_WORKERS} threads além da \
                 main, cada uma pegando linhas do canal compartilhado. Os números de worker no \
                 relatório precisam ser os das threads que de fato contaram as linhas."
            ),
        );
        check(
            most <= TIMED_WORKERS + 3,
            format!(
                "`{command}` ran up to {most} threads at once on {TIMED_LINES} lines: more than \
                 {TIMED_WORKERS} workers, main and a consumer. Does it start a thread per line? \
                 A pool starts its WORKERS threads once, and they take the lines from one \
                 channel."
            ),
            format!(
                "`{command}` rodou até {most} threads ao mesmo tempo com {TIMED_LINES} linhas: \
                 mais que {TIMED_WORKERS} workers, a main e um consumidor. Ele cria uma thread \
                 por linha? Um pool cria as suas WORKERS threads uma vez só, e elas pegam as \
                 linhas de um canal."
            ),
        );
    }
    if status.is_none() && late.is_none() {
        fail(
            format!(
                "`{command}` with {TIMED_LINES} lines on its input did not end within {} after \
                 its input was closed; it was stopped. Every loop over a channel ends only when \
                 every Sender of that channel is gone: the line Sender after the last line, \
                 main's copy of the result Sender once the workers have theirs.",
                human(PATIENCE)
            ),
            format!(
                "`{command}` com {TIMED_LINES} linhas na entrada não terminou em {} depois de a \
                 entrada ser fechada; foi interrompido. Todo laço sobre um canal só acaba \
                 quando todos os Senders daquele canal somem: o Sender das linhas depois da \
                 última linha, a cópia da main do Sender de resultados assim que os workers têm \
                 as deles.",
                human(PATIENCE)
            ),
        );
    }
    if let Some(late) = late {
        fail(
            format!(
                "`{command}` with {TIMED_LINES} `!slow` lines on its input (each keeps a worker \
                 busy for {}) ended only after {}. {TIMED_WORKERS} workers counting side by \
                 side take about {}; one line at a time takes {}. Do the lines really go to \
                 {TIMED_WORKERS} worker threads, and does each worker release the lock before \
                 counting? `let next = rx.lock().unwrap().recv();` releases it at the \
                 semicolon; in `while let` or `match` it is kept for the whole block.",
                human(SLOW_LINE),
                human(late),
                human(fastest),
                human(one_at_a_time)
            ),
            format!(
                "`{command}` com {TIMED_LINES} linhas `!slow` na entrada (cada uma ocupa um \
                 worker por {}) só terminou depois de {}. {TIMED_WORKERS} workers \
                 contando lado a lado levam cerca de {}; uma linha de cada vez leva {}. As \
                 linhas vão mesmo para {TIMED_WORKERS} threads de worker, e cada worker libera \
                 o lock antes de contar? `let next = rx.lock().unwrap().recv();` o libera no \
                 ponto e vírgula; em `while let` ou `match` ele fica preso o bloco inteiro.",
                human(SLOW_LINE),
                human(late),
                human(fastest),
                human(one_at_a_time)
            ),
        );
    }
    check(
        took >= fastest,
        format!(
            "`{command}` counted {TIMED_LINES} lines of {} each in {}: {TIMED_WORKERS} workers \
             cannot do that in less than {}, so more than {TIMED_WORKERS} threads counted at \
             once. Does it start a thread per line? A pool starts its WORKERS threads once, and \
             they take the lines from one channel.",
            human(SLOW_LINE),
            human(took),
            human(fastest)
        ),
        format!(
            "`{command}` contou {TIMED_LINES} linhas de {} cada em {}: {TIMED_WORKERS} workers \
             não conseguem isso em menos de {}, então mais de {TIMED_WORKERS} threads \
             contaram ao mesmo tempo. Ele cria uma thread por linha? Um pool cria as suas \
             WORKERS threads uma vez só, e elas pegam as linhas de um canal.",
            human(SLOW_LINE),
            human(took),
            human(fastest)
        ),
    );
}

#[test]
fn every_line_is_reported_once_in_order() {
    for run in ordinary_runs() {
        let stdout = report_of(run);
        let got = report_lines(&stdout);
        let numbers: Vec<usize> = got.iter().map(|r| r.line).collect();
        let expected: Vec<usize> = (1..=run.input.len()).collect();
        if numbers != expected {
            let seen: BTreeSet<usize> = numbers.iter().copied().collect();
            let missing: Vec<usize> = expected
                .iter()
                .filter(|n| !seen.contains(n))
                .copied()
                .collect();
            fail(
                format!(
                    "`{}` reported lines {numbers:?}; expected 1 to {} in order, each once \
                     (missing: {missing:?}). No line may be lost or counted twice: every line \
                     read is sent to the workers, every result reaches the consumer, and the \
                     report is printed only after the consumer's loop has ended. Its output:\n{}",
                    run.command(),
                    run.input.len(),
                    quote(stdout.as_bytes())
                ),
                format!(
                    "`{}` relatou as linhas {numbers:?}; o esperado era de 1 a {} em ordem, cada \
                     uma uma vez (faltaram: {missing:?}). Nenhuma linha pode se perder nem ser \
                     contada duas vezes: toda linha lida vai para os workers, todo resultado \
                     chega ao consumidor, e o relatório só é impresso depois que o laço do \
                     consumidor acabou. A saída:\n{}",
                    run.command(),
                    run.input.len(),
                    quote(stdout.as_bytes())
                ),
            );
        }
        for (report, text) in got.iter().zip(&run.input) {
            check(
                report.words == words_in(text),
                format!(
                    "`{}`: line {} ({text:?}) has {} {}, but the report says {}",
                    run.command(),
                    report.line,
                    words_in(text),
                    plural(words_in(text), "word", "words"),
                    report.words
                ),
                format!(
                    "`{}`: a linha {} ({text:?}) tem {} {}, mas o relatório diz {}",
                    run.command(),
                    report.line,
                    words_in(text),
                    plural(words_in(text), "palavra", "palavras"),
                    report.words
                ),
            );
        }
    }
}

#[test]
fn the_total_comes_last() {
    for run in ordinary_runs() {
        let stdout = report_of(run);
        let words: usize = run.input.iter().map(|l| words_in(l)).sum();
        let expected = format!("total: {words} words in {} lines", run.input.len());
        let last = stdout.lines().last().unwrap_or_default();
        check(
            predicate::eq(expected.as_str()).eval(last),
            format!(
                "`{}` should end its report with \"{expected}\"; it printed:\n{}",
                run.command(),
                quote(stdout.as_bytes())
            ),
            format!(
                "`{}` deveria terminar o relatório com \"{expected}\"; ele imprimiu:\n{}",
                run.command(),
                quote(stdout.as_bytes())
            ),
        );
    }
}

#[test]
fn the_workers_share_the_lines() {
    for run in ordinary_runs() {
        let stdout = report_of(run);
        let workers: BTreeSet<usize> = report_lines(&stdout).iter().map(|r| r.worker).collect();
        let allowed: BTreeSet<usize> = (1..=run.workers).collect();
        check(
            workers.is_subset(&allowed),
            format!(
                "`{}` names workers {workers:?}; with {} workers they are numbered 1 to {}",
                run.command(),
                run.workers,
                run.workers
            ),
            format!(
                "`{}` cita os workers {workers:?}; com {} workers, eles são numerados de 1 a {}",
                run.command(),
                run.workers,
                run.workers
            ),
        );
        let wanted = run.workers.min(2);
        check(
            workers.len() >= wanted,
            format!(
                "`{}` had every line counted by worker(s) {workers:?}: with {} workers sharing \
                 one queue of lines, and slow lines among them, several workers should take \
                 lines. Start WORKERS threads that all take lines from the same channel \
                 (Arc<Mutex<Receiver>>), and release the lock before counting.",
                run.command(),
                run.workers
            ),
            format!(
                "`{}` teve todas as linhas contadas pelo(s) worker(s) {workers:?}: com {} \
                 workers compartilhando uma fila de linhas, e linhas lentas no meio, vários workers \
                 deveriam pegar linhas. Crie WORKERS threads que pegam linhas do mesmo canal \
                 (Arc<Mutex<Receiver>>), e libere o lock antes de contar.",
                run.command(),
                run.workers
            ),
        );
    }
}

#[test]
fn a_worker_that_panics_is_reported_not_hidden() {
    let Some(run) = runs().iter().find(|r| r.has_panic_line()) else {
        fail(
            "the run with `!panic` did not happen",
            "a execução com `!panic` não aconteceu",
        );
    };
    ended_by_itself(run);
    let output = match &run.output {
        Ok(output) => output,
        Err(e) => fail(
            format!("could not run the program: {e}"),
            format!("não foi possível rodar o programa: {e}"),
        ),
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    check(
        output.status.code() == Some(1),
        format!(
            "`{}` with a `!panic` line ended with {}; expected exit code 1. A panicking worker \
             must not be hidden (`let _ = handle.join()` throws its Err away) nor take the \
             whole program down (`handle.join().unwrap()` panics in main, exit code 101): \
             check each worker's join(), say which one panicked, print the report, and exit \
             with ExitCode::FAILURE. It said on stderr:\n{}",
            run.command(),
            ending_in(Lang::En, output.status),
            quote(&output.stderr)
        ),
        format!(
            "`{}` com uma linha `!panic` terminou com {}; o esperado era o código de saída 1. \
             Um worker em pânico não pode ser escondido (`let _ = handle.join()` joga fora o \
             Err) nem derrubar o programa inteiro (`handle.join().unwrap()` entra em pânico \
             na main, código 101): confira o join() de cada worker, diga qual entrou em \
             pânico, imprima o relatório e saia com ExitCode::FAILURE. Ele disse no stderr:\n{}",
            run.command(),
            ending_in(Lang::PtBr, output.status),
            quote(&output.stderr)
        ),
    );
    let named = (1..=run.workers).any(|w| stderr.contains(&format!("worker {w} panicked")));
    check(
        named,
        format!(
            "`{}` should say on stderr which worker panicked (\"worker N panicked\"); it \
             said:\n{}",
            run.command(),
            quote(&output.stderr)
        ),
        format!(
            "`{}` deveria dizer no stderr qual worker entrou em pânico (\"worker N panicked\"); \
             ele disse:\n{}",
            run.command(),
            quote(&output.stderr)
        ),
    );
    let reported: Vec<usize> = report_lines(&stdout).iter().map(|r| r.line).collect();
    let others: Vec<usize> = (1..=run.input.len())
        .filter(|n| run.input[n - 1] != "!panic")
        .collect();
    check(
        reported == others,
        format!(
            "after one worker panicked on line 5, the others should still count every other \
             line; the report has lines {reported:?}, expected {others:?}. A worker that dies \
             while holding the lock poisons it for everyone: release the lock before counting. \
             And the lines wait in one queue that every worker takes from, so that none is \
             left to a dead worker: a channel per worker loses the lines dealt to the one that \
             died. Its output:\n{}",
            quote(stdout.as_bytes())
        ),
        format!(
            "depois que um worker entrou em pânico na linha 5, os outros ainda deveriam contar \
             todas as outras linhas; o relatório tem as linhas {reported:?}, o esperado era \
             {others:?}. Um worker que morre segurando o lock o envenena para todos: libere o \
             lock antes de contar. E as linhas esperam numa fila só, de onde todos os workers \
             pegam, para que nenhuma fique com um worker morto: um canal por worker perde as \
             linhas entregues ao que morreu. A saída:\n{}",
            quote(stdout.as_bytes())
        ),
    );
}
