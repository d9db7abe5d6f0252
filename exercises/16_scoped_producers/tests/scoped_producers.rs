//! The specification of exercise 16. Read it: each test says what your
//! `produce_lines` must do, and fails with a message that says why.
//!
//! Most tests look at one run, made once and shared: three producers share
//! a text of twelve lines. `make` notes which thread called it and where the
//! line it got lives in memory (inside the caller's text, or in a copy);
//! `consume` notes which thread called it and when.
//!
//! Two waits are there on purpose, each bounded (two seconds at most, less
//! once nothing else is running that could end them: Linux tells):
//! - the first call to `make` waits until a second one is running at the same
//!   time: producers on threads of their own get there at once;
//! - before a producer makes its next line, `make` waits until the result of
//!   that producer's previous line has reached `consume`: each result flows
//!   to the consumer as soon as it is made, so a producer that keeps its
//!   results to send them together, or a consumer that starts only once the
//!   producers are done, is seen waiting in vain.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Census, InnerWaits, Outcome, PATIENCE, check, fail, human, plural, start_call,
};
use scoped_producers::produce_lines;

/// How many lines the text has.
const LINES: usize = 12;
/// How many producers share them.
const PRODUCERS: usize = 3;
/// How long, in all, `make` may wait for company or for the consumer.
const WAITS: Duration = Duration::from_secs(2);

/// What `make` returns for one line.
#[derive(Debug)]
struct Made {
    /// The line's number, read from its text ("line 7" → 7).
    line: usize,
    thread: ThreadId,
    /// The line `make` got lies inside the caller's text.
    borrowed: bool,
}

/// What `consume` saw.
#[derive(Debug)]
struct Consumed {
    made: Made,
    thread: ThreadId,
}

/// What one run left behind.
struct Run {
    /// How the call to `produce_lines` went.
    outcome: Outcome<()>,
    /// The thread that called `produce_lines`.
    caller: ThreadId,
    /// What `consume` got, in order (up to the moment the call returned).
    consumed: Vec<Consumed>,
    /// Whether two calls to `make` ran at the same moment.
    together: bool,
    /// The first line a producer made before the result of its previous
    /// line had reached `consume`: (previous, next).
    held_back: Option<(usize, usize)>,
}

/// Calls `produce_lines(text, producers, ..)` on a thread of its own and
/// records everything, giving up after `PATIENCE`.
fn run_with(text: &'static str, producers: usize) -> Run {
    let text_range: Range<usize> = {
        let start = text.as_ptr() as usize;
        start..start + text.len()
    };
    let calls = Arc::new(AtomicUsize::new(0));
    let running = Arc::new(AtomicUsize::new(0));
    let together = Arc::new(AtomicBool::new(false));
    // The lines whose results reached `consume`, the last line each producer
    // thread made, and the first time a result was held back.
    let consumed_lines: Arc<Mutex<BTreeSet<usize>>> = Arc::default();
    let last_made: Arc<Mutex<HashMap<ThreadId, usize>>> = Arc::default();
    let held_back: Arc<Mutex<Option<(usize, usize)>>> = Arc::default();
    let consumed: Arc<Mutex<Vec<Consumed>>> = Arc::default();
    // One deadline for all the waits, so that a version that takes turns
    // waits once, not once per line.
    let give_up = Instant::now() + WAITS;
    // Each wait also ends once waiting cannot help: every thread
    // produce_lines started waits in one of them, or for something only
    // those can end (a result, a join).
    let waits = Arc::new(InnerWaits::since(Census::take()));

    let make = {
        let stream_deadline: OnceLock<Instant> = OnceLock::new();
        let (calls, running, together, consumed_lines, last_made, held_back, waits) = (
            Arc::clone(&calls),
            Arc::clone(&running),
            Arc::clone(&together),
            Arc::clone(&consumed_lines),
            Arc::clone(&last_made),
            Arc::clone(&held_back),
            Arc::clone(&waits),
        );
        move |line: &str| {
            let call = calls.fetch_add(1, Ordering::SeqCst) + 1;
            if running.fetch_add(1, Ordering::SeqCst) >= 1 {
                together.store(true, Ordering::SeqCst);
            }
            if call == 1 {
                waits.until(give_up, || together.load(Ordering::SeqCst));
            }
            let number: usize = line
                .trim_start_matches("line ")
                .parse()
                .unwrap_or(usize::MAX);
            let me = thread::current().id();
            let previous = last_made.lock().ok().and_then(|m| m.get(&me).copied());
            if let Some(previous) = previous {
                // Counted from the first of these waits, so that a version
                // whose producers take turns (and waited above) is not
                // also blamed for holding results back.
                let deadline = *stream_deadline.get_or_init(|| Instant::now() + WAITS);
                let through = waits.until(deadline, || {
                    consumed_lines
                        .lock()
                        .map(|c| c.contains(&previous))
                        .unwrap_or(true)
                });
                if !through {
                    if let Ok(mut held) = held_back.lock() {
                        held.get_or_insert((previous, number));
                    }
                }
            }
            if let Ok(mut last) = last_made.lock() {
                last.insert(me, number);
            }
            running.fetch_sub(1, Ordering::SeqCst);
            let at = line.as_ptr() as usize;
            Made {
                line: number,
                thread: thread::current().id(),
                borrowed: text_range.contains(&at) && at + line.len() <= text_range.end,
            }
        }
    };
    let consume = {
        let (consumed, consumed_lines) = (Arc::clone(&consumed), Arc::clone(&consumed_lines));
        move |made: Made| {
            if let Ok(mut lines) = consumed_lines.lock() {
                lines.insert(made.line);
            }
            if let Ok(mut consumed) = consumed.lock() {
                consumed.push(Consumed {
                    made,
                    thread: thread::current().id(),
                });
            }
        }
    };

    let call = start_call(None, move || {
        produce_lines(text, producers, make, consume);
    });
    let caller = call.thread().id();
    let outcome = call.outcome_within(PATIENCE);
    let consumed = consumed
        .lock()
        .map(|mut c| std::mem::take(&mut *c))
        .unwrap_or_default();
    Run {
        outcome,
        caller,
        consumed,
        together: together.load(Ordering::SeqCst),
        held_back: held_back.lock().map(|h| *h).unwrap_or(None),
    }
}

/// The twelve-line text, leaked so that the test's own threads may share
/// it. `produce_lines` cannot count on that: its `text` is any `&str`.
fn twelve_lines() -> &'static str {
    let text: String = (1..=LINES).map(|n| format!("line {n}\n")).collect();
    text.leak()
}

/// The one run most tests look at.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(|| run_with(twelve_lines(), PRODUCERS))
}

/// The run, once sure `produce_lines` returned by itself.
#[track_caller]
fn returned(run: &Run) -> &Run {
    match &run.outcome {
        Outcome::Returned(()) => run,
        Outcome::Panicked(why) => fail(
            format!("produce_lines panicked: {why}"),
            format!("produce_lines entrou em pânico: {why}"),
        ),
        Outcome::StillRunning => fail(
            format!(
                "produce_lines did not return within {} ({} {} consumed). The consumer's \
                 loop ends only when every Sender is gone, and the scope ends only when the \
                 loop does. The producers' clones go when they finish, but the original tx \
                 lives inside the scope: drop it after handing out the clones, before \
                 receiving.",
                human(PATIENCE),
                run.consumed.len(),
                plural(run.consumed.len(), "result", "results"),
            ),
            format!(
                "produce_lines não retornou em {} ({} {}). O laço do \
                 consumidor só acaba quando todos os Senders somem, e o escopo só acaba quando \
                 o laço acaba. Os clones dos produtores somem quando eles terminam, mas o tx \
                 original vive dentro do escopo: descarte-o depois de distribuir os clones, \
                 antes de receber.",
                human(PATIENCE),
                run.consumed.len(),
                plural(
                    run.consumed.len(),
                    "resultado consumido",
                    "resultados consumidos"
                ),
            ),
        ),
    }
}

#[test]
fn every_line_is_consumed_exactly_once() {
    let run = returned(run());
    let mut times: BTreeMap<usize, usize> = BTreeMap::new();
    for c in &run.consumed {
        *times.entry(c.made.line).or_default() += 1;
    }
    let expected: BTreeMap<usize, usize> = (1..=LINES).map(|n| (n, 1)).collect();
    check(
        times == expected,
        format!(
            "consume saw these lines (line: times) {times:?}; every one of the {LINES} lines \
             should be made and consumed exactly once, all before produce_lines returns"
        ),
        format!(
            "o consume viu estas linhas (linha: vezes) {times:?}; cada uma das {LINES} \
             linhas deveria ser produzida e consumida exatamente uma vez, tudo antes de \
             produce_lines retornar"
        ),
    );
}

#[test]
fn the_producers_borrow_the_text_instead_of_copying_it() {
    let run = returned(run());
    let copied: Vec<usize> = run
        .consumed
        .iter()
        .filter(|c| !c.made.borrowed)
        .map(|c| c.made.line)
        .collect();
    check(
        copied.is_empty(),
        format!(
            "lines {copied:?} reached make from a copy of the text, not from the caller's \
             own text. Threads started with thread::scope may borrow: hand each producer its \
             slice of the lines (&str pointing into text) instead of to_string(), to_owned() \
             or clone()."
        ),
        format!(
            "as linhas {copied:?} chegaram ao make a partir de uma cópia do texto, não do \
             próprio texto de quem chamou. Threads criadas com thread::scope podem pegar \
             emprestado: dê a cada produtor a sua fatia das linhas (&str apontando para \
             dentro de text) em vez de to_string(), to_owned() ou clone()."
        ),
    );
}

#[test]
fn each_producer_runs_on_a_thread_of_its_own() {
    let run = returned(run());
    let mut by_thread: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for c in &run.consumed {
        by_thread
            .entry(format!("{:?}", c.made.thread))
            .or_default()
            .push(c.made.line);
    }
    check(
        !run.consumed.iter().any(|c| c.made.thread == run.caller),
        "make ran on the thread that called produce_lines: the producers each need a thread of their own (scope.spawn); the caller is the consumer",
        "o make rodou na thread que chamou produce_lines: cada produtor precisa da sua própria thread (scope.spawn); quem chama é o consumidor",
    );
    check(
        by_thread.len() == PRODUCERS,
        format!(
            "the lines were made on {} thread(s) ({by_thread:?}); with {PRODUCERS} producers \
             and {LINES} lines, expected {PRODUCERS} threads, each with its own run of lines",
            by_thread.len()
        ),
        format!(
            "as linhas foram produzidas em {} thread(s) ({by_thread:?}); com {PRODUCERS} \
             produtores e {LINES} linhas, o esperado eram {PRODUCERS} threads, cada uma com a \
             sua sequência de linhas",
            by_thread.len()
        ),
    );
    for (thread, lines) in &by_thread {
        let sorted = lines.windows(2).all(|w| w[0] < w[1]);
        check(
            sorted,
            format!(
                "thread {thread} made lines {lines:?} in that order: each producer sends its \
                 lines in the order they stand in the text"
            ),
            format!(
                "a thread {thread} produziu as linhas {lines:?} nessa ordem: cada produtor \
                 envia as suas linhas na ordem em que estão no texto"
            ),
        );
        let (first, last) = (lines[0], lines[lines.len() - 1]);
        check(
            last - first + 1 == lines.len(),
            format!(
                "thread {thread} made lines {lines:?}: each producer takes a run of \
                 consecutive lines (the first producer the first lines, and so on), not lines \
                 dealt out in turns. `lines.chunks(n)` cuts the lines into such runs."
            ),
            format!(
                "a thread {thread} produziu as linhas {lines:?}: cada produtor pega uma \
                 sequência de linhas seguidas (o primeiro produtor as primeiras linhas, e assim \
                 por diante), não linhas distribuídas em rodízio. `lines.chunks(n)` corta as \
                 linhas nessas sequências."
            ),
        );
    }
}

#[test]
fn the_producers_work_at_the_same_time() {
    let run = returned(run());
    check(
        run.together,
        format!(
            "the first call to make waited (up to {}) for a second one to run at the same \
             time, in vain: the producers took turns. Start every producer in the scope before \
             waiting for any of them.",
            human(WAITS)
        ),
        format!(
            "a primeira chamada a make esperou (até {}) por uma segunda rodando ao mesmo \
             tempo, em vão: os produtores se revezaram. Crie todos os produtores no escopo antes de \
             esperar por qualquer um deles.",
            human(WAITS)
        ),
    );
}

#[test]
fn the_consumer_receives_while_the_producers_work() {
    let run = returned(run());
    check(
        !run.consumed.iter().any(|c| c.thread != run.caller),
        "consume ran on a thread other than the caller's: the calling thread is the consumer, receiving from the channel",
        "o consume rodou numa thread que não é a de quem chamou: a thread que chama é o consumidor, recebendo do canal",
    );
    if let Some((previous, next)) = run.held_back {
        fail(
            format!(
                "a producer was about to make line {next}, and the result of its line \
                 {previous} had still not reached consume, though make waited (up to {}) for \
                 it: results did not flow to \
                 the consumer as they were made. Each producer sends each result as soon as \
                 make returns (not gathered in a Vec to send at the end), and the calling \
                 thread receives inside the scope while the producers run \
                 (`for result in rx`), instead of joining them first or receiving after the \
                 scope.",
                human(WAITS)
            ),
            format!(
                "um produtor ia produzir a linha {next}, e o resultado da linha {previous} \
                 dele ainda não tinha chegado ao consume, embora o make tenha esperado (até \
                 {}) por ele: os resultados não \
                 fluíram para o consumidor à medida que eram produzidos. Cada produtor envia \
                 cada resultado assim que o make retorna (sem juntá-los num Vec para enviar \
                 no fim), e a thread que chama recebe dentro do escopo enquanto os produtores \
                 rodam (`for result in rx`), em vez de fazer join neles antes ou de receber \
                 depois do escopo.",
                human(WAITS)
            ),
        );
    }
}

#[test]
fn an_empty_text_ends_at_once() {
    let run = run_with("", PRODUCERS);
    let run = returned(&run);
    check(
        run.consumed.is_empty(),
        format!(
            "an empty text has no lines, yet consume was called {} {}",
            run.consumed.len(),
            plural(run.consumed.len(), "time", "times"),
        ),
        format!(
            "um texto vazio não tem linhas, mas o consume foi chamado {} {}",
            run.consumed.len(),
            plural(run.consumed.len(), "vez", "vezes"),
        ),
    );
}
