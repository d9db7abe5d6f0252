//! The specification of exercise 07. Read it: each test says what your
//! `collect_all` and `drain_ready` must do, and fails with a message that
//! says why.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use course_support::{
    Outcome, PATIENCE, check, fail, finishes_within, human, join_within, start_call,
};
use iterate_the_receiver::{collect_all, drain_ready};

/// The pause between two sends of the same producer.
const PAUSE: Duration = Duration::from_millis(2);

/// How long `drain_ready` may take. It only looks at what is already there,
/// which takes microseconds: two seconds is plenty on the busiest machine,
/// and a version that waits costs the test run little.
const PROMPTLY: Duration = Duration::from_secs(2);

/// Starts a producer that owns `tx` and sends `(number, seq)` for `seq` in
/// `0..count`, pausing between sends. It stops early, quietly, if the
/// Receiver is gone.
fn producer(tx: Sender<(u32, u32)>, number: u32, count: u32) -> JoinHandle<()> {
    thread::spawn(move || {
        for seq in 0..count {
            if tx.send((number, seq)).is_err() {
                return;
            }
            thread::sleep(PAUSE);
        }
    })
}

/// Calls `collect_all` on a thread of its own, so that a version that never
/// returns fails the test instead of freezing it.
fn collect_all_within<T: Send + 'static>(rx: Receiver<T>) -> Vec<T> {
    finishes_within(
        PATIENCE,
        ("collect_all(rx)", "collect_all(rx)"),
        move || collect_all(rx),
    )
}

/// How many times the test may find `drain_ready`'s thread asleep before
/// it knows that `drain_ready` waits for messages: taking what is queued
/// never puts a thread to sleep. (The test looks every couple of
/// milliseconds: this is tens of milliseconds of sleep in all.)
const ASLEEP_LOOKS: u32 = 12;

/// Calls `drain_ready` on a thread of its own and hands `rx` back with the
/// result. The tests keep a Sender alive, so a `drain_ready` that waits for
/// the next message never returns: the test then fails and says why.
fn drain_ready_within<T: Send + 'static>(rx: Receiver<T>) -> (Receiver<T>, Vec<T>) {
    drain_ready_within_or(
        rx,
        (
            "A Sender is still alive here, so anything that waits for the next message \
             (rx.iter(), `for message in rx`, rx.recv()) waits forever. Take only what is \
             already queued: rx.try_iter() takes what is queued and never waits."
                .to_owned(),
            "Aqui ainda existe um Sender, então qualquer coisa que espere pela próxima \
             mensagem (rx.iter(), `for message in rx`, rx.recv()) espera para sempre. Pegue \
             só o que já está na fila: rx.try_iter() pega o que está na fila e nunca espera."
                .to_owned(),
        ),
    )
}

/// [`drain_ready_within`] with the test's own explanation for a
/// `drain_ready` that does not return: it comes after a sentence that says
/// how long the test waited, or that `drain_ready` was found asleep in a
/// wait (which only a wait for a message explains).
#[track_caller]
fn drain_ready_within_or<T: Send + 'static>(
    rx: Receiver<T>,
    why: (String, String),
) -> (Receiver<T>, Vec<T>) {
    let call = start_call(Some("drain_ready"), move || {
        let drained = drain_ready(&rx);
        (rx, drained)
    });
    let mut stillness = call.stillness();
    let mut asleep = false;
    let outcome = call.outcome_until(Instant::now() + PROMPTLY, || {
        asleep = stillness.asleep_looks() >= ASLEEP_LOOKS;
        asleep
    });
    match outcome {
        Outcome::Returned(result) => result,
        Outcome::Panicked(text) => fail(
            format!("drain_ready panicked: {text}"),
            format!("drain_ready entrou em pânico: {text}"),
        ),
        Outcome::StillRunning if asleep => fail(
            format!(
                "drain_ready did not return: the test found its thread asleep, waiting, \
                 again and again. {}",
                why.0
            ),
            format!(
                "drain_ready não retornou: o teste encontrou a thread dela parada, \
                 esperando, várias vezes. {}",
                why.1
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "drain_ready did not return within {}. {}",
                human(PROMPTLY),
                why.0
            ),
            format!("drain_ready não retornou em {}. {}", human(PROMPTLY), why.1),
        ),
    }
}

/// Sets the flag down when dropped, so that a test that fails still stops
/// the producer it started.
struct LowerOnDrop(Arc<AtomicBool>);

impl Drop for LowerOnDrop {
    fn drop(&mut self) {
        self.0.store(false, Ordering::Relaxed);
    }
}

#[test]
fn collect_all_gets_every_message_from_several_threads() {
    let (producers, per_producer) = (3, 5);
    let (tx, rx) = channel();
    let handles: Vec<_> = (1..=producers)
        .map(|number| producer(tx.clone(), number, per_producer))
        .collect();
    // Only the producers' clones are left: the channel closes when the last
    // producer ends, and collect_all should return right then.
    drop(tx);
    let all = collect_all_within(rx);

    let expected = (producers * per_producer) as usize;
    check(
        all.len() == expected,
        format!(
            "collect_all returned {} of the {expected} messages the producers sent. \
             It must wait for each next message until every Sender is gone, as \
             `for message in rx` (or rx.iter()) does; rx.try_iter() gives up as soon \
             as nothing is waiting.",
            all.len()
        ),
        format!(
            "collect_all devolveu {} das {expected} mensagens que os produtores \
             enviaram. Ela precisa esperar cada próxima mensagem até todos os Senders \
             sumirem, como `for message in rx` (ou rx.iter()) faz; rx.try_iter() \
             desiste assim que não há nada esperando.",
            all.len()
        ),
    );
    let mut by_producer: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (number, seq) in all {
        by_producer.entry(number).or_default().push(seq);
    }
    let in_order: Vec<u32> = (0..per_producer).collect();
    for handle in handles {
        join_within(handle, PATIENCE);
    }
    for (number, seqs) in by_producer {
        check(
            seqs == in_order,
            format!(
                "producer {number}'s messages came back as {seqs:?}; expected \
                 {in_order:?}, the order it sent them in"
            ),
            format!(
                "as mensagens do produtor {number} voltaram como {seqs:?}; o esperado \
                 era {in_order:?}, a ordem em que ele as enviou"
            ),
        );
    }
}

#[test]
fn collect_all_waits_for_a_message_that_comes_late() {
    let late = Duration::from_millis(30);
    let (tx, rx) = channel();
    thread::spawn(move || {
        thread::sleep(late);
        // Fails only if collect_all returned early and dropped the Receiver.
        let _ = tx.send("late");
        // `tx` is dropped here, and the channel closes.
    });
    let all = collect_all_within(rx);
    check(
        all == ["late"],
        format!(
            "a thread sent \"late\" after {} and then dropped its Sender; collect_all \
             returned {all:?}. While a Sender is alive more may come: keep waiting \
             until the channel closes.",
            human(late)
        ),
        format!(
            "uma thread enviou \"late\" depois de {} e então descartou o seu Sender; \
             collect_all devolveu {all:?}. Enquanto existir um Sender, pode chegar \
             mais coisa: continue esperando até o canal fechar.",
            human(late)
        ),
    );
}

#[test]
fn drain_ready_takes_what_is_queued_while_a_sender_lives() {
    let (tx, rx) = channel();
    // Another thread sends three messages and ends; the test's own `tx`
    // stays alive, so the channel is open but nothing more is on its way.
    join_within(producer(tx.clone(), 1, 3), PATIENCE);
    let (_rx, drained) = drain_ready_within(rx);
    check(
        drained == [(1, 0), (1, 1), (1, 2)],
        format!(
            "three messages were waiting in the channel; drain_ready returned {drained:?} \
             instead of all three, in order"
        ),
        format!(
            "havia três mensagens esperando no canal; drain_ready devolveu {drained:?} \
             em vez das três, em ordem"
        ),
    );
    drop(tx);
}

#[test]
fn drain_ready_returns_at_once_when_nothing_is_queued() {
    let (tx, rx) = channel::<u32>();
    let (_rx, drained) = drain_ready_within(rx);
    check(
        drained.is_empty(),
        format!("nothing was sent, yet drain_ready returned {drained:?}"),
        format!("nada foi enviado, mas drain_ready devolveu {drained:?}"),
    );
    drop(tx);
}

#[test]
fn drain_ready_leaves_later_messages_for_later() {
    let (tx, rx) = channel();
    join_within(producer(tx.clone(), 1, 2), PATIENCE);
    let (rx, first) = drain_ready_within(rx);
    // Sent after the first drain: these belong to the second one.
    join_within(producer(tx.clone(), 2, 2), PATIENCE);
    let (rx, second) = drain_ready_within(rx);
    check(
        first == [(1, 0), (1, 1)] && second == [(2, 0), (2, 1)],
        format!(
            "two messages, a drain, two more, another drain: expected [(1, 0), (1, 1)] \
             and then [(2, 0), (2, 1)], got {first:?} and then {second:?}"
        ),
        format!(
            "duas mensagens, um drain, mais duas, outro drain: o esperado era \
             [(1, 0), (1, 1)] e depois [(2, 0), (2, 1)], mas veio {first:?} e depois \
             {second:?}"
        ),
    );
    let (_rx, third) = drain_ready_within(rx);
    check(
        third.is_empty(),
        format!("a third drain, with nothing sent since, returned {third:?}"),
        format!("um terceiro drain, sem nada enviado desde o anterior, devolveu {third:?}"),
    );
    drop(tx);
}

/// The pause of the producer that never rests for long: a tenth of a
/// millisecond between two messages.
const FIREHOSE_PAUSE: Duration = Duration::from_micros(100);

#[test]
fn drain_ready_stops_at_the_first_empty_moment() {
    let (tx, rx) = channel();
    let sending = Arc::new(AtomicBool::new(true));
    let _stop_sending = LowerOnDrop(Arc::clone(&sending));
    // A producer that keeps sending, with short pauses in between: the
    // channel is empty for most of every pause, so a drain that only takes
    // what is queued returns at once, while one that waits a little for the
    // next message (recv_timeout) always finds one coming.
    let firehose = {
        let sending = Arc::clone(&sending);
        thread::spawn(move || {
            let mut seq = 0;
            while sending.load(Ordering::Relaxed) && tx.send((9, seq)).is_ok() {
                seq += 1;
                thread::sleep(FIREHOSE_PAUSE);
            }
        })
    };
    thread::sleep(Duration::from_millis(5));
    let on_timeout = || {
        (
            "A producer kept sending meanwhile, a message every tenth of a millisecond or \
             so. drain_ready should take what is queued and stop at the first moment the \
             channel is empty; a drain built on recv_timeout (or recv, or iter) waits for \
             the next message, and here one always comes. rx.try_iter() takes what is \
             queued and never waits."
                .to_owned(),
            "Um produtor continuava enviando enquanto isso, uma mensagem a cada décimo de \
             milissegundo, mais ou menos. A drain_ready deve pegar o que está na fila e \
             parar no primeiro momento em que o canal fica vazio; um drain feito com \
             recv_timeout (ou recv, ou iter) espera pela próxima mensagem, e aqui sempre \
             vem mais uma. rx.try_iter() pega o que está na fila e nunca espera."
                .to_owned(),
        )
    };
    let (rx, first) = drain_ready_within_or(rx, on_timeout());
    let (rx, second) = drain_ready_within_or(rx, on_timeout());
    sending.store(false, Ordering::Relaxed);
    join_within(firehose, PATIENCE);
    drop(rx);
    let seqs: Vec<u32> = first.iter().chain(&second).map(|(_, seq)| *seq).collect();
    let in_order: Vec<u32> = (0..seqs.len() as u32).collect();
    check(
        seqs == in_order,
        format!(
            "two drains while a producer kept sending returned the messages numbered \
             {seqs:?}; expected each number once, in the order sent, from 0, with nothing \
             skipped between the two drains"
        ),
        format!(
            "dois drains enquanto um produtor continuava enviando devolveram as mensagens \
             de números {seqs:?}; o esperado era cada número uma vez, na ordem de envio, a \
             partir de 0, sem nada pulado entre os dois drains"
        ),
    );
}
