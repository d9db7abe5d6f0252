//! The specification of exercise 05. Read it: each test says what your
//! `spawn_producers` must do, and fails with a message that says why.
//!
//! Every test runs ten producers that send three messages each, with a base
//! interval of a few milliseconds, and listens until the channel closes. The
//! tests pass `course_support::stamp` as `make`, so every message carries the
//! thread that made it and when: that is how they know which thread sent it.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::mpsc::channel;
use std::sync::{Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Arrival, Event, Outcome, PATIENCE, Stamped, check, closed_within, event, fail, human,
    join_within, stamp, start_call, timeline, tr,
};
use many_producers::spawn_producers;

const PRODUCERS: u32 = 10;
const PER_PRODUCER: u32 = 3;
const BASE_INTERVAL: Duration = Duration::from_millis(2);

type Message = Stamped<(u32, u32)>;

/// What one run of `spawn_producers` left behind.
struct Run {
    /// Taken just before `spawn_producers` was called.
    start: Instant,
    /// Every message, in the order the test received it.
    arrivals: Vec<Arrival<Message>>,
    /// The threads behind the handles `spawn_producers` returned, in order.
    threads: Vec<ThreadId>,
    /// The thread that called `spawn_producers`.
    caller: ThreadId,
}

impl Run {
    /// Each producer's messages, in the order they arrived, by number.
    fn by_producer(&self) -> BTreeMap<u32, Vec<&Arrival<Message>>> {
        let mut groups: BTreeMap<u32, Vec<_>> = BTreeMap::new();
        for arrival in &self.arrivals {
            groups
                .entry(arrival.value.value.0)
                .or_default()
                .push(arrival);
        }
        groups
    }

    /// A thread, for a person: the caller, or the thread of the k-th
    /// returned handle, or its id.
    fn who(&self, thread: ThreadId) -> String {
        if thread == self.caller {
            return tr("caller", "quem chamou").to_owned();
        }
        match self.threads.iter().position(|t| *t == thread) {
            Some(i) => tr(
                format!("handle {}'s thread", i + 1),
                format!("thread do handle {}", i + 1),
            ),
            None => format!("{thread:?}"),
        }
    }

    /// The timeline of some messages: when each was made (and by whom),
    /// when each arrived.
    fn timeline_of(&self, arrivals: &[&Arrival<Message>]) -> String {
        let mut events: Vec<Event> = Vec::new();
        for arrival in arrivals {
            let message = &arrival.value;
            let (number, seq) = message.value;
            events.push(event(
                message.at,
                self.who(message.thread),
                tr(
                    format!("made ({number}, {seq})"),
                    format!("criou ({number}, {seq})"),
                ),
            ));
            events.push(event(
                arrival.at,
                tr("test", "teste"),
                tr(
                    format!("received ({number}, {seq})"),
                    format!("recebeu ({number}, {seq})"),
                ),
            ));
        }
        timeline(self.start, events)
    }
}

/// The threads that are calling `spawn_producers` right now, and the first
/// message each of them made itself, if any: a message made on the caller's
/// thread shows at once that the producers do not run on threads of their
/// own, and the test need not wait for the rest. (By thread, as tests may
/// run side by side.)
static CALLERS: Mutex<BTreeMap<ThreadIdKey, Option<(u32, u32)>>> = Mutex::new(BTreeMap::new());

/// A `ThreadId` as a key of [`CALLERS`].
type ThreadIdKey = String;

fn key(thread: ThreadId) -> ThreadIdKey {
    format!("{thread:?}")
}

/// The `make` passed to `spawn_producers`: `stamp`, which also notes a
/// message made on a thread that is calling `spawn_producers`.
fn make(number: u32, seq: u32) -> Message {
    let made = stamp((number, seq));
    let mut callers = CALLERS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(first @ None) = callers.get_mut(&key(made.thread)) {
        *first = Some((number, seq));
    }
    made
}

/// Starts the producers, listens until the channel closes, then joins them.
fn run() -> Run {
    let (tx, rx) = channel();
    let start = Instant::now();
    // `spawn_producers` only starts threads, so it should return at once.
    let call = start_call(Some("spawn_producers"), move || {
        let caller = thread::current().id();
        CALLERS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key(caller), None);
        let handles = spawn_producers(&tx, PRODUCERS, PER_PRODUCER, BASE_INTERVAL, make);
        (tx, handles, caller)
    });
    let caller_key = key(call.thread().id());
    let caller_made = || {
        CALLERS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&caller_key)
            .copied()
            .flatten()
    };
    let deadline = start + PATIENCE;
    let outcome = call.outcome_until(deadline, || caller_made().is_some());
    if let Some((number, seq)) = caller_made() {
        fail(
            format!(
                "producer {number}'s messages were made and sent on the thread that called \
                 spawn_producers, not on a producer thread: ({number}, {seq}) was made \
                 there. Each producer should send its own messages from a thread of its \
                 own, through its own clone of tx; spawn_producers only starts those \
                 threads and returns their handles."
            ),
            format!(
                "as mensagens do produtor {number} foram criadas e enviadas na thread que \
                 chamou spawn_producers, e não numa thread produtora: ({number}, {seq}) foi \
                 criada ali. Cada produtor deve enviar as suas próprias mensagens de uma \
                 thread só dele, pelo seu próprio clone de tx; spawn_producers só cria essas \
                 threads e devolve os handles delas."
            ),
        );
    }
    let (tx, handles, caller) = match outcome {
        Outcome::Returned(started) => started,
        Outcome::Panicked(text) => fail(
            format!("spawn_producers(..) panicked: {text}"),
            format!("spawn_producers(..) entrou em pânico: {text}"),
        ),
        Outcome::StillRunning => fail(
            format!(
                "spawn_producers(..) did not return within {}: it should only start the \
                 producers' threads and return their handles; the producers send and \
                 sleep on their own threads",
                human(PATIENCE)
            ),
            format!(
                "spawn_producers(..) não retornou em {}: ela só deveria iniciar as threads \
                 dos produtores e devolver os handles delas; os produtores enviam e dormem \
                 nas suas próprias threads",
                human(PATIENCE)
            ),
        ),
    };
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
        caller,
    }
}

#[test]
fn every_producer_is_heard() {
    let run = run();
    let heard: BTreeSet<u32> = run.arrivals.iter().map(|a| a.value.value.0).collect();
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
        let seqs: Vec<u32> = arrivals.iter().map(|a| a.value.value.1).collect();
        check(
            seqs == expected,
            format!(
                "producer {number}'s messages arrived with seq {seqs:?}; expected \
                 {expected:?}. Messages from different producers may interleave, \
                 but each producer's own messages come out in the order it sent them.\n{}",
                run.timeline_of(&arrivals)
            ),
            format!(
                "as mensagens do produtor {number} chegaram com seq {seqs:?}; o \
                 esperado era {expected:?}. Produtores diferentes podem se intercalar, \
                 mas as mensagens de um mesmo produtor saem na ordem em que ele as enviou.\n{}",
                run.timeline_of(&arrivals)
            ),
        );
    }
}

/// "1 JoinHandle", "0 JoinHandles" (the same in both languages).
fn handles(n: usize) -> String {
    match n {
        1 => "1 JoinHandle".to_owned(),
        n => format!("{n} JoinHandles"),
    }
}

#[test]
fn each_producer_runs_on_a_thread_of_its_own() {
    let run = run();
    let here = thread::current().id();
    check(
        run.threads.len() == PRODUCERS as usize,
        format!(
            "spawn_producers returned {}; expected one per producer \
             ({PRODUCERS}): start each producer with thread::spawn and collect \
             the handles it returns",
            handles(run.threads.len())
        ),
        format!(
            "spawn_producers devolveu {}; era esperado um por produtor \
             ({PRODUCERS}): inicie cada produtor com thread::spawn e junte os \
             handles que ele devolve",
            handles(run.threads.len())
        ),
    );
    let distinct: HashSet<ThreadId> = run.threads.iter().copied().collect();
    check(
        distinct.len() == run.threads.len(),
        "two of the returned JoinHandles belong to the same thread: each producer needs a thread of its own",
        "dois dos JoinHandles devolvidos são da mesma thread: cada produtor precisa da sua própria thread",
    );
    check(
        !run.threads.contains(&here) && !run.threads.contains(&run.caller),
        "a returned JoinHandle belongs to the test's own thread",
        "um dos JoinHandles devolvidos é da própria thread do teste",
    );
}

#[test]
fn each_producer_sends_from_its_own_thread() {
    let run = run();
    // The thread each producer's messages were made on, first seen first.
    let mut sender_of: BTreeMap<u32, ThreadId> = BTreeMap::new();
    for (number, arrivals) in run.by_producer() {
        let made_on: Vec<ThreadId> = arrivals.iter().map(|a| a.value.thread).collect();
        if made_on.contains(&run.caller) {
            fail(
                format!(
                    "producer {number}'s messages were made and sent on the thread that \
                     called spawn_producers, not on a producer thread. Each producer should \
                     send its own messages from a thread of its own, through its own clone \
                     of tx; spawn_producers only starts those threads and returns their \
                     handles.\n{}",
                    run.timeline_of(&arrivals)
                ),
                format!(
                    "as mensagens do produtor {number} foram criadas e enviadas na thread \
                     que chamou spawn_producers, e não numa thread produtora. Cada produtor \
                     deve enviar as suas próprias mensagens de uma thread só dele, pelo seu \
                     próprio clone de tx; spawn_producers só cria essas threads e devolve os \
                     handles delas.\n{}",
                    run.timeline_of(&arrivals)
                ),
            );
        }
        let first = made_on[0];
        check(
            made_on.iter().all(|t| *t == first),
            format!(
                "producer {number}'s messages were made on different threads: one producer \
                 is one thread, which sends all of its messages.\n{}",
                run.timeline_of(&arrivals)
            ),
            format!(
                "as mensagens do produtor {number} foram criadas em threads diferentes: um \
                 produtor é uma thread, que envia todas as suas mensagens.\n{}",
                run.timeline_of(&arrivals)
            ),
        );
        check(
            run.threads.contains(&first),
            format!(
                "producer {number}'s messages were made on a thread whose JoinHandle \
                 spawn_producers did not return ({}): return the handles of the threads \
                 that do the sending",
                run.who(first)
            ),
            format!(
                "as mensagens do produtor {number} foram criadas numa thread cujo \
                 JoinHandle a spawn_producers não devolveu ({}): devolva os handles das \
                 threads que fazem os envios",
                run.who(first)
            ),
        );
        if let Some((other, _)) = sender_of.iter().find(|(_, t)| **t == first) {
            fail(
                format!(
                    "producers {other} and {number} sent from the same thread: each producer \
                     needs a thread of its own"
                ),
                format!(
                    "os produtores {other} e {number} enviaram da mesma thread: cada produtor \
                     precisa da sua própria thread"
                ),
            );
        }
        sender_of.insert(number, first);
    }
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
                 does producer number n sleep n × base_interval?\n{}",
                human(took),
                human(BASE_INTERVAL),
                human(earliest),
                run.timeline_of(&arrivals)
            ),
            format!(
                "a última mensagem do produtor {number} chegou {} depois do início, mas \
                 com uma pausa de {number} × {} depois de cada envio ela não pode chegar \
                 antes de {}: o produtor número n dorme n × base_interval?\n{}",
                human(took),
                human(BASE_INTERVAL),
                human(earliest),
                run.timeline_of(&arrivals)
            ),
        );
    }
}
