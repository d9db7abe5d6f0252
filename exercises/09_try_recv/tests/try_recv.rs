//! The specification of exercise 09. Read it: each test says what your
//! `poll_until_closed` must do, and fails with a message that says why.
//!
//! Your function runs on a thread of its own, named `poll_until_closed`; the
//! test waits for it at most two seconds. The `tick` the tests pass counts
//! each call, notes which thread made it and when, and sleeps a tenth of a
//! millisecond, like a small piece of real work. Between two ticks, a poller
//! that never waits spends microseconds; one that waits (`recv_timeout`, a
//! `sleep`) leaves the other work undone meanwhile, and the test sees it.
//!
//! Notes for maintainers: a poller that calls `try_recv` a second time when
//! the first call said `Empty` (to tell `Empty` from `Disconnected`) loses a
//! message only when one arrives between the two calls, a window of
//! nanoseconds that no fair test can hit every time; the hint warns about
//! it. A poller built on `recv_timeout` with a time-out of a few
//! microseconds behaves like `try_recv` and passes.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{Outcome, PATIENCE, check, fail, human, start_call, tr, wait_until};
use try_recv::poll_until_closed;

/// How long `poll_until_closed` may take in these tests. A correct one needs
/// a few milliseconds; a stuck one costs the run no more than this.
const PROMPTLY: Duration = Duration::from_secs(2);

/// How many ticks of the consumer the paced producer waits for before each
/// of its messages: a few before most, and very many (a third of a second or
/// so) before the last one, so that a consumer that gives up after a number
/// of `Empty` answers in a row, or after a while of nothing, is caught too.
const TICKS_BEFORE: [u64; 5] = [3, 3, 3, 3, 2000];

/// The longest the polling thread may spend between two ticks, as a median:
/// a poller that only calls `try_recv` spends microseconds there, one that
/// waits (`recv_timeout`, a `sleep`) at least its time-out.
const IDLE: Duration = Duration::from_micros(500);

/// What the consumer's other work, and the paced producer, leave behind.
#[derive(Default)]
struct Work {
    ticks: AtomicU64,
    tick_threads: Mutex<HashSet<ThreadId>>,
    /// When each tick began and ended, in order.
    spans: Mutex<Vec<(Instant, Instant)>>,
    /// Every Sender is gone: the paced producer sent its last message and
    /// dropped its Sender (or the test closed the channel itself).
    producer_finished: AtomicBool,
}

impl Work {
    fn ticks(&self) -> u64 {
        self.ticks.load(Ordering::SeqCst)
    }

    fn tick_threads(&self) -> HashSet<ThreadId> {
        self.tick_threads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The median time the polling thread spent between the end of a tick
    /// and the start of the next one; `None` with fewer than ten ticks.
    fn median_gap(&self) -> Option<Duration> {
        let spans = self.spans.lock().unwrap_or_else(PoisonError::into_inner);
        let mut gaps: Vec<Duration> = spans
            .windows(2)
            .map(|pair| pair[1].0.saturating_duration_since(pair[0].1))
            .collect();
        if gaps.len() < 10 {
            return None;
        }
        gaps.sort();
        Some(gaps[gaps.len() / 2])
    }
}

/// The `tick` handed to `poll_until_closed`: it records the call and takes a
/// little time, as real work would.
fn tick_recorder(work: Arc<Work>) -> impl FnMut() + Send + 'static {
    move || {
        let start = Instant::now();
        work.tick_threads
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(thread::current().id());
        work.ticks.fetch_add(1, Ordering::SeqCst);
        thread::sleep(Duration::from_micros(100));
        work.spans
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((start, Instant::now()));
    }
}

/// A producer that sends `0, 1, 2, ...`, each message only after the
/// consumer has ticked `TICKS_BEFORE[n]` more times since the previous one.
/// It waits for the consumer's other work, so a consumer that does no other
/// work while the channel is empty never gets a message. It ends after the
/// last one, dropping `tx` (and gives up after `PATIENCE` of no ticks).
fn tick_paced_producer(tx: Sender<u32>, work: Arc<Work>) {
    thread::spawn(move || {
        let deadline = Instant::now() + PATIENCE;
        for (n, needed) in (0..).zip(TICKS_BEFORE) {
            let wanted = work.ticks() + needed;
            if !wait_until(deadline, Duration::from_micros(50), || {
                work.ticks() >= wanted
            }) {
                return;
            }
            if tx.send(n).is_err() {
                return;
            }
        }
        drop(tx);
        work.producer_finished.store(true, Ordering::SeqCst);
    });
}

/// How long the polling thread may be seen asleep, with no tick meanwhile,
/// before the test knows it is stuck in a wait: a poller that works sleeps
/// only inside `tick`, a tenth of a millisecond at a time.
const ASLEEP: Duration = Duration::from_millis(50);

/// How a call to `poll_until_closed` came out, and whether the test stopped
/// waiting because the polling thread was stuck asleep in a wait.
struct Polled {
    outcome: Outcome<(Vec<u32>, ThreadId)>,
    asleep: bool,
    /// The median time between two ticks, when the test stopped waiting
    /// because it was `IDLE` or more.
    idle: Option<Duration>,
    /// The test stopped waiting because the poller went on ticking once
    /// every Sender was gone.
    ticking_after_the_end: bool,
}

/// How many ticks after every Sender is gone prove that the poller took
/// Disconnected for Empty: a poller that stops calls tick() no more (once,
/// if it was in the middle of one).
const TICKS_AFTER_THE_END: u64 = 20;

impl Polled {
    /// "was still running after 2 s", or that it sat asleep in a wait, for
    /// a failure message.
    fn still_running(&self) -> (String, String) {
        if self.ticking_after_the_end {
            (
                format!(
                    "went on polling and calling tick() ({TICKS_AFTER_THE_END} times and more) after that"
                ),
                format!(
                    "continuou consultando e chamando tick() (mais de {TICKS_AFTER_THE_END} vezes) depois disso"
                ),
            )
        } else if self.asleep {
            (
                format!("sat asleep in a wait for more than {}", human(ASLEEP)),
                format!("ficou parada numa espera por mais de {}", human(ASLEEP)),
            )
        } else {
            (
                format!("was still running after {}", human(PROMPTLY)),
                format!("continuava rodando depois de {}", human(PROMPTLY)),
            )
        }
    }
}

/// Runs `poll_until_closed(&rx, tick)` on a thread of its own, named
/// `poll_until_closed`, and waits for it at most `PROMPTLY`, or until its
/// thread is seen asleep in a wait with no tick meanwhile (nothing can wake
/// it then: the producer waits for ticks). Hands back its result and the
/// polling thread's id; a panic comes back as its text.
fn poll_within(
    rx: std::sync::mpsc::Receiver<u32>,
    work: &Work,
    tick: impl FnMut() + Send + 'static,
) -> Polled {
    let call = start_call(Some("poll_until_closed"), move || {
        (poll_until_closed(&rx, tick), thread::current().id())
    });
    let mut stillness = call.stillness();
    let mut ticks = work.ticks();
    let mut asleep = false;
    let mut idle = None;
    let mut ticks_at_the_end = None;
    let mut ticking_after_the_end = false;
    let outcome = call.outcome_until(Instant::now() + PROMPTLY, || {
        if work.ticks() != ticks {
            ticks = work.ticks();
            stillness.moved();
        }
        asleep = stillness.asleep_for(ASLEEP);
        // A poller that waits between two ticks is seen after a few dozen.
        if ticks >= 40 {
            idle = work.median_gap().filter(|gap| *gap >= IDLE);
        }
        if work.producer_finished.load(Ordering::SeqCst) {
            let at_the_end = *ticks_at_the_end.get_or_insert(ticks);
            ticking_after_the_end = ticks >= at_the_end + TICKS_AFTER_THE_END;
        }
        asleep || idle.is_some() || ticking_after_the_end
    });
    Polled {
        outcome,
        asleep,
        idle,
        ticking_after_the_end,
    }
}

/// Fails the test for a `poll_until_closed` that panicked.
fn fail_panicked(text: &str) -> ! {
    fail(
        format!(
            "poll_until_closed panicked: {text}. An Err from try_recv is news, not a \
             failure: TryRecvError::Empty means nothing is ready yet, \
             TryRecvError::Disconnected means the channel is closed. Match on the two: \
             poll again on Empty, return on Disconnected, and panic on neither \
             (no unwrap(), expect() or panic!)."
        ),
        format!(
            "poll_until_closed entrou em pânico: {text}. Um Err de try_recv é uma \
             notícia, não uma falha: TryRecvError::Empty quer dizer que ainda não há \
             nada, TryRecvError::Disconnected quer dizer que o canal fechou. Trate os \
             dois com match: consulte de novo em Empty, retorne em Disconnected, e não \
             entre em pânico em nenhum (nada de unwrap(), expect() ou panic!)."
        ),
    )
}

/// Fails, saying that each call of `try_recv` takes a message off the
/// queue, when `received` is `sent` with some messages missing (and
/// nothing else): the poller took them and threw them away.
fn check_none_lost(sent: &[u32], received: &[u32]) {
    let mut rest = sent.iter();
    let in_order = received.iter().all(|r| rest.any(|s| s == r));
    if !in_order || received.len() >= sent.len() || received.is_empty() {
        return;
    }
    let lost: Vec<&u32> = sent.iter().filter(|s| !received.contains(s)).collect();
    fail(
        format!(
            "poll_until_closed returned {received:?}: messages {lost:?} were lost on the \
             way, though the producer sent {sent:?}. Each call of try_recv takes the next \
             message off the queue, if one is there: a second call in the same turn (one to \
             test for Disconnected, another to read, say) takes another message, and the \
             one the first call took is thrown away. Call try_recv once per turn and match \
             on what it returned."
        ),
        format!(
            "poll_until_closed devolveu {received:?}: as mensagens {lost:?} se perderam no \
             caminho, embora o produtor tenha enviado {sent:?}. Cada chamada de try_recv \
             tira da fila a próxima mensagem, se houver uma: uma segunda chamada na mesma \
             volta (uma para testar Disconnected, outra para ler, por exemplo) tira outra \
             mensagem, e a que a primeira chamada tirou é jogada fora. Chame try_recv uma \
             vez por volta e faça match no que ela devolveu."
        ),
    );
}

/// Fails if the polling thread spent a median `gap` of `IDLE` or more
/// between two ticks (of `ticks` in all): it waited instead of working.
fn check_not_idle(gap: Duration, ticks: u64) {
    if gap >= IDLE {
        fail_idle(gap, ticks);
    }
}

/// A short duration to a tenth of a millisecond, in the learner's language.
fn fine(d: Duration) -> String {
    tr(
        format!("{:.1} ms", d.as_secs_f64() * 1000.0),
        format!("{:.1} ms", d.as_secs_f64() * 1000.0).replace('.', ","),
    )
}

/// Fails the test for a poller that waited a median `gap` between two
/// ticks.
fn fail_idle(gap: Duration, ticks: u64) -> ! {
    fail(
        format!(
            "between two calls of tick(), the polling thread waited {} (the median of \
             {} ticks): while nothing was ready it sat idle instead of doing its other \
             work. try_recv never waits: on Err(TryRecvError::Empty), call tick() and \
             poll again at once. recv_timeout, however short its time-out, and a sleep \
             both park the thread.",
            fine(gap),
            ticks
        ),
        format!(
            "entre duas chamadas de tick(), a thread que consulta o canal esperou {} (a \
             mediana de {} ticks): enquanto não havia nada pronto, ela ficou parada em \
             vez de fazer o outro trabalho. try_recv nunca espera: em \
             Err(TryRecvError::Empty), chame tick() e consulte de novo na hora. \
             recv_timeout, por mais curto que seja o time-out, e um sleep, os dois põem \
             a thread para dormir.",
            fine(gap),
            ticks
        ),
    )
}

#[test]
fn keeps_working_and_polling_until_every_sender_is_gone() {
    let (tx, rx) = channel();
    let work = Arc::new(Work::default());
    tick_paced_producer(tx, Arc::clone(&work));
    let polled = poll_within(rx, &work, tick_recorder(Arc::clone(&work)));
    let (running_en, running_pt) = polled.still_running();
    let total = TICKS_BEFORE.len();
    let (received, poller) = match polled.outcome {
        Outcome::Returned(value) => value,
        Outcome::Panicked(text) => fail_panicked(&text),
        Outcome::StillRunning if polled.idle.is_some() => {
            fail_idle(polled.idle.unwrap_or_default(), work.ticks())
        }
        Outcome::StillRunning if work.ticks() == 0 => fail(
            format!(
                "poll_until_closed {running_en} and had not called tick() \
                 once. In this test the producer sends only after the consumer has done \
                 some other work, so while the channel is empty the consumer must keep \
                 working: recv() blocks the thread, and a loop that only retries \
                 try_recv (or sleeps) does no work either. On Err(TryRecvError::Empty), \
                 call tick() and then poll again."
            ),
            format!(
                "poll_until_closed {running_pt} e não tinha chamado \
                 tick() nenhuma vez. Neste teste o produtor só envia depois que o \
                 consumidor faz algum outro trabalho, então enquanto o canal está vazio o \
                 consumidor precisa continuar trabalhando: recv() bloqueia a thread, e um \
                 laço que só repete try_recv (ou dorme) também não trabalha. Em \
                 Err(TryRecvError::Empty), chame tick() e depois consulte de novo."
            ),
        ),
        Outcome::StillRunning if work.producer_finished.load(Ordering::SeqCst) => fail(
            format!(
                "the producer sent all {total} messages and dropped its Sender, yet \
                 poll_until_closed {running_en} ({} ticks so far). With \
                 every Sender gone and the queue empty, try_recv returns \
                 Err(TryRecvError::Disconnected), and it always will: that is the end. \
                 Only Empty means \"try again later\".",
                work.ticks()
            ),
            format!(
                "o produtor enviou as {total} mensagens e descartou o seu Sender, mas \
                 poll_until_closed {running_pt} ({} ticks até \
                 ali). Sem nenhum Sender e com a fila vazia, try_recv devolve \
                 Err(TryRecvError::Disconnected), e vai devolver para sempre: é o fim. \
                 Só Empty quer dizer \"tente de novo mais tarde\".",
                work.ticks()
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "poll_until_closed {running_en}, with only {} ticks: the \
                 producer, which waits for the consumer's work, could not send all its \
                 messages. Call tick() every time try_recv says Empty, not only after a \
                 message.",
                work.ticks()
            ),
            format!(
                "poll_until_closed {running_pt}, com só {} ticks: o \
                 produtor, que espera pelo trabalho do consumidor, não conseguiu enviar \
                 todas as mensagens. Chame tick() toda vez que try_recv disser Empty, não \
                 só depois de uma mensagem.",
                work.ticks()
            ),
        ),
    };
    let got = received.len();
    check(
        got >= total || work.producer_finished.load(Ordering::SeqCst),
        format!(
            "poll_until_closed returned after {got} of {total} messages, while the \
             producer was still alive and about to send more. Err(TryRecvError::Empty) \
             means \"nothing yet\", not \"no more\": do the other work and poll again. \
             Only Disconnected (every Sender gone) ends the loop."
        ),
        format!(
            "poll_until_closed retornou depois de {got} das {total} mensagens, enquanto \
             o produtor ainda estava vivo e ia enviar mais. Err(TryRecvError::Empty) quer \
             dizer \"ainda nada\", não \"acabou\": faça o outro trabalho e consulte de \
             novo. Só Disconnected (todos os Senders descartados) encerra o laço."
        ),
    );
    let expected: Vec<u32> = (0..).take(total).collect();
    check_none_lost(&expected, &received);
    check(
        received == expected,
        format!("the producer sent {expected:?}, and poll_until_closed returned {received:?}"),
        format!("o produtor enviou {expected:?}, e poll_until_closed devolveu {received:?}"),
    );
    if let Some(gap) = work.median_gap() {
        check_not_idle(gap, work.ticks());
    }
    let elsewhere = work.tick_threads().into_iter().any(|t| t != poller);
    check(
        !elsewhere,
        "tick() was called from another thread than the one running poll_until_closed: \
         the other work belongs to the polling thread, between two polls",
        "tick() foi chamado de outra thread que não a que roda poll_until_closed: o outro \
         trabalho é da thread que consulta o canal, entre uma consulta e outra",
    );
}

#[test]
fn takes_what_is_queued_and_stops_at_disconnected_without_working() {
    let (tx, rx) = channel();
    for n in 0..3 {
        tx.send(n).expect("the test holds the Receiver");
    }
    // The channel is closed now, but three messages are still queued.
    drop(tx);
    let work = Arc::new(Work::default());
    work.producer_finished.store(true, Ordering::SeqCst);
    let polled = poll_within(rx, &work, tick_recorder(Arc::clone(&work)));
    let (running_en, running_pt) = polled.still_running();
    let received = match polled.outcome {
        Outcome::Returned((received, _)) => received,
        Outcome::Panicked(text) => fail_panicked(&text),
        Outcome::StillRunning => fail(
            format!(
                "three messages were queued and every Sender was dropped, yet \
                 poll_until_closed {running_en} ({} ticks so far). Once \
                 the queue is empty, try_recv returns Err(TryRecvError::Disconnected), \
                 and nothing can ever arrive again: return then.",
                work.ticks()
            ),
            format!(
                "havia três mensagens na fila e todos os Senders foram descartados, mas \
                 poll_until_closed {running_pt} ({} ticks até ali). \
                 Quando a fila esvazia, try_recv devolve Err(TryRecvError::Disconnected), \
                 e nada mais pode chegar: retorne nesse momento.",
                work.ticks()
            ),
        ),
    };
    check_none_lost(&[0, 1, 2], &received);
    check(
        received == [0, 1, 2],
        format!(
            "[0, 1, 2] were waiting in the closed channel; poll_until_closed returned \
             {received:?}. try_recv hands out what is queued before it says Disconnected."
        ),
        format!(
            "[0, 1, 2] esperavam no canal fechado; poll_until_closed devolveu \
             {received:?}. try_recv entrega o que está na fila antes de dizer \
             Disconnected."
        ),
    );
    let ticks = work.ticks();
    check(
        ticks == 0,
        format!(
            "tick() was called {ticks} times, though try_recv never said Empty here: \
             messages were waiting, then the channel was closed. The other work is for \
             the moments when nothing is ready (Err(TryRecvError::Empty)), not for every \
             turn of the loop."
        ),
        format!(
            "tick() foi chamado {ticks} vezes, mas aqui try_recv nunca disse Empty: havia \
             mensagens esperando, e depois o canal fechou. O outro trabalho é para os \
             momentos em que não há nada pronto (Err(TryRecvError::Empty)), não para \
             toda volta do laço."
        ),
    );
}
