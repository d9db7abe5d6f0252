//! The specification of exercise 05. Read it: each test says what your
//! `spawn_producers` must do, and fails with a message that says why.
//!
//! Every test runs ten producers that send three messages each, with a base
//! interval of a few milliseconds, and listens until the channel closes.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::mpsc::channel;
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Arrival, PATIENCE, check, closed_within, finishes_within, human, join_within,
};
use many_producers::spawn_producers;

const PRODUCERS: u32 = 10;
const PER_PRODUCER: u32 = 3;
const BASE_INTERVAL: Duration = Duration::from_millis(2);

/// What one run of `spawn_producers` left behind.
struct Run {
    /// Taken just before `spawn_producers` was called.
    start: Instant,
    /// Every message, in the order the test received it.
    arrivals: Vec<Arrival<(u32, u32)>>,
    /// The threads behind the handles `spawn_producers` returned.
    threads: Vec<ThreadId>,
}

impl Run {
    /// Each producer's messages, in the order they arrived, by number.
    fn by_producer(&self) -> BTreeMap<u32, Vec<&Arrival<(u32, u32)>>> {
        let mut groups: BTreeMap<u32, Vec<_>> = BTreeMap::new();
        for arrival in &self.arrivals {
            groups.entry(arrival.value.0).or_default().push(arrival);
        }
        groups
    }
}

/// Starts the producers, listens until the channel closes, then joins them.
fn run() -> Run {
    let (tx, rx) = channel();
    let start = Instant::now();
    // `spawn_producers` only starts threads, so it should return at once.
    let (tx, handles) = finishes_within(
        PATIENCE,
        ("spawn_producers(..)", "spawn_producers(..)"),
        move || {
            let handles = spawn_producers(&tx, PRODUCERS, PER_PRODUCER, BASE_INTERVAL);
            (tx, handles)
        },
    );
    // The test owns `tx` and drops it here: from now on only the producers'
    // clones keep the channel open, and it closes when the last one ends.
    drop(tx);
    let arrivals = closed_within(&rx, PATIENCE);
    let threads = handles.iter().map(|h| h.thread().id()).collect();
    for handle in handles {
        join_within(handle, PATIENCE);
    }
    Run {
        start,
        arrivals,
        threads,
    }
}

#[test]
fn every_producer_is_heard() {
    let run = run();
    let heard: BTreeSet<u32> = run.arrivals.iter().map(|a| a.value.0).collect();
    let expected: BTreeSet<u32> = (1..=PRODUCERS).collect();
    check(
        heard == expected,
        format!(
            "expected messages from producers {expected:?} (numbered from 1, as in \
             the chapter), but heard from {heard:?}"
        ),
        format!(
            "eram esperadas mensagens dos produtores {expected:?} (numerados a partir \
             de 1, como no capítulo), mas chegaram dos produtores {heard:?}"
        ),
    );
}

#[test]
fn the_total_count_is_exact() {
    let run = run();
    let expected = PRODUCERS * PER_PRODUCER;
    let got = run.arrivals.len();
    check(
        got == expected as usize,
        format!(
            "{PRODUCERS} producers sending {PER_PRODUCER} messages each make \
             {expected} messages, but {got} arrived"
        ),
        format!(
            "{PRODUCERS} produtores enviando {PER_PRODUCER} mensagens cada um dão \
             {expected} mensagens, mas chegaram {got}"
        ),
    );
}

#[test]
fn each_producer_keeps_its_own_order() {
    let run = run();
    let expected: Vec<u32> = (0..PER_PRODUCER).collect();
    for (number, arrivals) in run.by_producer() {
        let seqs: Vec<u32> = arrivals.iter().map(|a| a.value.1).collect();
        check(
            seqs == expected,
            format!(
                "producer {number}'s messages arrived with seq {seqs:?}; expected \
                 {expected:?}. Messages from different producers may interleave, \
                 but each producer's own messages come out in the order it sent them."
            ),
            format!(
                "as mensagens do produtor {number} chegaram com seq {seqs:?}; o \
                 esperado era {expected:?}. Produtores diferentes podem se intercalar, \
                 mas as mensagens de um mesmo produtor saem na ordem em que ele as enviou."
            ),
        );
    }
}

#[test]
fn each_producer_runs_on_a_thread_of_its_own() {
    let run = run();
    let here = thread::current().id();
    check(
        run.threads.len() == PRODUCERS as usize,
        format!(
            "spawn_producers returned {} JoinHandles; expected one per producer \
             ({PRODUCERS}): start each producer with thread::spawn and collect \
             the handles it returns",
            run.threads.len()
        ),
        format!(
            "spawn_producers devolveu {} JoinHandles; era esperado um por produtor \
             ({PRODUCERS}): inicie cada produtor com thread::spawn e junte os \
             handles que ele devolve",
            run.threads.len()
        ),
    );
    let distinct: HashSet<ThreadId> = run.threads.iter().copied().collect();
    check(
        distinct.len() == run.threads.len(),
        "two of the returned JoinHandles belong to the same thread: each producer needs a thread of its own",
        "dois dos JoinHandles devolvidos são da mesma thread: cada produtor precisa da sua própria thread",
    );
    check(
        !run.threads.contains(&here),
        "a returned JoinHandle belongs to the test's own thread",
        "um dos JoinHandles devolvidos é da própria thread do teste",
    );
}

#[test]
fn producer_number_n_waits_n_base_intervals() {
    let run = run();
    for (number, arrivals) in run.by_producer() {
        // Its last message comes after at least PER_PRODUCER - 1 pauses of
        // `number × BASE_INTERVAL` (a lower bound: it may always be later).
        let Some(last) = arrivals.last() else {
            continue;
        };
        let pauses = PER_PRODUCER.saturating_sub(1);
        let earliest = BASE_INTERVAL * number * pauses;
        let took = last.at.saturating_duration_since(run.start);
        check(
            took >= earliest,
            format!(
                "producer {number}'s last message arrived {} after the start, but with \
                 a pause of {number} × {} after each send it cannot come before {}: \
                 does producer number n sleep n × base_interval?",
                human(took),
                human(BASE_INTERVAL),
                human(earliest)
            ),
            format!(
                "a última mensagem do produtor {number} chegou {} depois do início, mas \
                 com uma pausa de {number} × {} depois de cada envio ela não pode chegar \
                 antes de {}: o produtor número n dorme n × base_interval?",
                human(took),
                human(BASE_INTERVAL),
                human(earliest)
            ),
        );
    }
}
