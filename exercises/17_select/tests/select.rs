//! The specification of exercise 17. Read it: each test says what your
//! `spawn_consumers` and `monitor` must do, and fails with a message that
//! says why.
//!
//! `spawn_consumers` gets jobs that note which thread handled them. The first
//! job waits (a couple of seconds at most) until a second one is being
//! handled at the same moment: consumers that really share the work get there
//! at once.
//!
//! `monitor` is called on a thread of its own, with channels the test feeds
//! from other threads, and is given three seconds at most to return (less
//! once it sleeps in a wait without a time-out that nothing is left to end,
//! which Linux tells). Two
//! of those calls are also watched from outside: a closed channel beside a
//! silent one (a loop that keeps picking the closed arm spins and never
//! returns), and two silent channels (a monitor that polls goes to sleep
//! and wakes up again and again, where one blocked in select! sleeps once).
//!
//! For maintainers: the CPU time and the sleeps of a thread are only read on
//! Linux; elsewhere those two checks are skipped, and a polling monitor
//! passes. On Linux, a poller that sleeps longer than about a sixteenth of
//! the quiet time between turns (60 ms here) still passes: it is late by up
//! to that much for every message, which no fair timing check can tell from
//! a loaded machine.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Census, InnerWaits, Outcome, PATIENCE, Standstill, ThreadProbe, check, fail,
    finishes_within_or, human, join_within_or, start_call,
};
use crossbeam_channel::{Sender, unbounded};
use select::{Event, monitor, spawn_consumers};

const CONSUMERS: usize = 2;
const JOBS: u32 = 12;
/// How long the first job waits for a second one to run beside it.
const COMPANY: Duration = Duration::from_secs(2);
/// How long a call to `monitor` may take. In these tests a working monitor
/// returns within a fraction of a second; the longest `quiet` is 2 s.
const MONITOR_PATIENCE: Duration = Duration::from_secs(3);

#[test]
fn cloned_receivers_share_the_work() {
    let (tx, rx) = unbounded::<u32>();
    let handled: Arc<Mutex<Vec<(u32, ThreadId)>>> = Arc::default();
    let running = Arc::new(AtomicUsize::new(0));
    let together = Arc::new(AtomicBool::new(false));
    let give_up = Instant::now() + COMPANY;
    // The wait also ends once waiting cannot help: once the test has sent
    // every job, when every other thread spawn_consumers started waits for
    // something only the waiting one can end, or there is none.
    let waits = Arc::new(InnerWaits::unsettled(Census::take()));
    let handle = {
        let (handled, running, together, waits) = (
            Arc::clone(&handled),
            Arc::clone(&running),
            Arc::clone(&together),
            Arc::clone(&waits),
        );
        move |job: u32| {
            if running.fetch_add(1, Ordering::SeqCst) >= 1 {
                together.store(true, Ordering::SeqCst);
            }
            if job == 0 {
                waits.until(give_up, || together.load(Ordering::SeqCst));
            }
            running.fetch_sub(1, Ordering::SeqCst);
            if let Ok(mut handled) = handled.lock() {
                handled.push((job, thread::current().id()));
            }
        }
    };
    let consumers = finishes_within_or(
        PATIENCE,
        (
            "spawn_consumers did not return: it should start the consumers and return their JoinHandles at once, not wait for them",
            "spawn_consumers não retornou: ela deveria criar os consumidores e devolver os JoinHandles na hora, sem esperar por eles",
        ),
        {
            let rx = rx.clone();
            move || spawn_consumers(&rx, CONSUMERS, handle)
        },
    );
    // The test keeps no Receiver: only the consumers' clones are left.
    drop(rx);
    for job in 0..JOBS {
        if tx.send(job).is_err() {
            break;
        }
    }
    // Closing the channel: every consumer should end once it is empty.
    drop(tx);
    waits.settle();
    let threads: Vec<ThreadId> = consumers.iter().map(|h| h.thread().id()).collect();
    for consumer in consumers {
        join_within_or(
            consumer,
            PATIENCE,
            (
                "a consumer did not end after the jobs' Sender was dropped: `for job in rx` on a Receiver clone ends once the channel is closed and empty",
                "um consumidor não terminou depois que o Sender das tarefas foi descartado: `for job in rx` num clone do Receiver acaba quando o canal está fechado e vazio",
            ),
        );
    }

    check(
        threads.len() == CONSUMERS && threads.iter().collect::<HashSet<_>>().len() == CONSUMERS,
        format!(
            "spawn_consumers({CONSUMERS}) returned {} JoinHandle(s) of {} thread(s); expected \
             {CONSUMERS}, one per consumer, each with its own clone of the Receiver",
            threads.len(),
            threads.iter().collect::<HashSet<_>>().len()
        ),
        format!(
            "spawn_consumers({CONSUMERS}) devolveu {} JoinHandle(s) de {} thread(s); o esperado \
             era {CONSUMERS}, um por consumidor, cada um com o seu clone do Receiver",
            threads.len(),
            threads.iter().collect::<HashSet<_>>().len()
        ),
    );
    let handled = handled.lock().map(|h| h.clone()).unwrap_or_default();
    let mut times: BTreeMap<u32, usize> = BTreeMap::new();
    for (job, thread) in &handled {
        *times.entry(*job).or_default() += 1;
        check(
            threads.contains(thread),
            format!(
                "job {job} was handled on {thread:?}, which is not one of the consumers: each \
                 consumer calls handle on its own thread"
            ),
            format!(
                "a tarefa {job} foi tratada em {thread:?}, que não é um dos consumidores: cada \
                 consumidor chama handle na sua própria thread"
            ),
        );
    }
    let expected: BTreeMap<u32, usize> = (0..JOBS).map(|job| (job, 1)).collect();
    check(
        times == expected,
        format!(
            "jobs handled (job: times) {times:?}; each of the {JOBS} jobs should be handled \
             exactly once: the clones of a Receiver share one queue, they do not each get a copy"
        ),
        format!(
            "tarefas tratadas (tarefa: vezes) {times:?}; cada uma das {JOBS} tarefas deveria ser \
             tratada exatamente uma vez: os clones de um Receiver compartilham uma fila, não recebem \
             cada um uma cópia"
        ),
    );
    check(
        together.load(Ordering::SeqCst),
        format!(
            "the first job waited (up to {}) for another to be handled at the same moment, \
             in vain: the consumers should take jobs side by side, each from its own clone of \
             the Receiver",
            human(COMPANY)
        ),
        format!(
            "a primeira tarefa esperou (até {}) por outra sendo tratada ao mesmo tempo, em \
             vão: os consumidores deveriam pegar tarefas lado a lado, cada um do seu clone do \
             Receiver",
            human(COMPANY)
        ),
    );
}

/// Calls `monitor` on a thread of its own; returns its log and how long it
/// took. `waits` says, for a monitor that does not return, what it was
/// waiting for. The wait for it ends early once every thread started since
/// `census` (taken before the test started any thread: its feeders count)
/// is asleep in a wait without a time-out: nothing can wake the monitor.
#[track_caller]
fn run_monitor(
    census: Option<Census>,
    alerts: crossbeam_channel::Receiver<String>,
    readings: crossbeam_channel::Receiver<u32>,
    quiet: Duration,
    waits: (&str, &str),
) -> (Vec<Event>, Duration) {
    let start = Instant::now();
    // A thread of the test's own, unnamed, so that a panic inside monitor
    // shows as the learner's code panicking, and the test's explanation
    // below as the test's.
    let call = start_call(None, move || monitor(alerts, readings, quiet));
    let mut standstill = Standstill::since(census);
    let outcome = call.outcome_until(start + MONITOR_PATIENCE, || standstill.reached(&[]));
    let took = start.elapsed();
    match outcome {
        Outcome::Returned(log) => (log, took),
        Outcome::StillRunning if took < MONITOR_PATIENCE => fail(
            format!(
                "monitor was still waiting after {}, asleep in a wait without a time-out, \
                 with nothing left that could wake it: {}",
                human(took),
                waits.0
            ),
            format!(
                "monitor ainda esperava depois de {}, dormindo numa espera sem time-out, sem \
                 mais nada que pudesse acordá-lo: {}",
                human(took),
                waits.1
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "monitor did not return within {}: {}",
                human(MONITOR_PATIENCE),
                waits.0
            ),
            format!(
                "monitor não retornou em {}: {}",
                human(MONITOR_PATIENCE),
                waits.1
            ),
        ),
        Outcome::Panicked(why) => fail(
            format!(
                "monitor panicked: {why}. When a channel closes, its recv arm gives \
                 Err(RecvError): not a failure and not a message, just the news that this \
                 channel is done. Stop listening to it (replace it with never()) and go on \
                 with the other."
            ),
            format!(
                "monitor entrou em pânico: {why}. Quando um canal fecha, o braço recv dele dá \
                 Err(RecvError): não é uma falha nem uma mensagem, só a notícia de que esse \
                 canal acabou. Pare de ouvi-lo (troque-o por never()) e continue com o outro."
            ),
        ),
    }
}

/// Sends `values` on `tx` from a thread of its own, pausing `pause` before
/// each, then drops `tx` unless `keep` is given a place to put it.
fn feed<T: Send + 'static>(
    tx: Sender<T>,
    values: Vec<T>,
    pause: Duration,
    keep: Option<Arc<Mutex<Vec<Sender<T>>>>>,
) {
    thread::spawn(move || {
        for value in values {
            thread::sleep(pause);
            if tx.send(value).is_err() {
                return;
            }
        }
        if let Some(keep) = keep {
            if let Ok(mut kept) = keep.lock() {
                kept.push(tx);
            }
        }
    });
}

#[test]
fn monitor_ends_on_the_time_out_arm_when_all_is_quiet() {
    let census = Census::take();
    let quiet = Duration::from_millis(20);
    // Both channels stay open, and nothing is ever sent.
    let (alerts_tx, alerts) = unbounded::<String>();
    let (readings_tx, readings) = unbounded::<u32>();
    let (log, took) = run_monitor(
        census,
        alerts,
        readings,
        quiet,
        (
            "both channels were open and silent, so only a time-out could end the wait. Does \
             your select! have a time-out arm, `default(quiet)` or `recv(after(quiet))`?",
            "os dois canais estavam abertos e em silêncio, então só um time-out poderia acabar \
             com a espera. O seu select! tem um braço de time-out, `default(quiet)` ou \
             `recv(after(quiet))`?",
        ),
    );
    drop((alerts_tx, readings_tx));
    check(
        log == [Event::Quiet],
        format!("nothing was sent and both channels stayed open: expected [Quiet], got {log:?}"),
        format!(
            "nada foi enviado e os dois canais ficaram abertos: o esperado era [Quiet], veio \
             {log:?}"
        ),
    );
    check(
        took >= quiet,
        format!(
            "monitor gave up after {}, before `quiet` ({}) had passed: the time-out arm must \
             wait for `quiet`, as `default(quiet)` does (a bare `default` does not wait at all)",
            human(took),
            human(quiet)
        ),
        format!(
            "monitor desistiu depois de {}, antes de `quiet` ({}) passar: o braço de time-out \
             precisa esperar `quiet`, como `default(quiet)` faz (um `default` sozinho não \
             espera nada)",
            human(took),
            human(quiet)
        ),
    );
    check(
        took <= quiet + LATE,
        format!(
            "monitor returned after {}, with quiet = {}: the time-out arm should end the wait \
             once `quiet` has passed, not much later. Is the quiet time counted in several \
             steps, or does a sleep come on top of it?",
            human(took),
            human(quiet)
        ),
        format!(
            "monitor retornou depois de {}, com quiet = {}: o braço de time-out deveria \
             encerrar a espera assim que `quiet` passa, não muito depois. O tempo de silêncio \
             é contado em várias etapas, ou há um sleep somando-se a ele?",
            human(took),
            human(quiet)
        ),
    );
}

/// How much later than expected a monitor may return on a loaded machine.
const LATE: Duration = Duration::from_secs(1);

/// What a watched call to `monitor` did: how it ended, how long it took, and,
/// where the system tells, the CPU time it used and how many times its
/// thread went to sleep.
struct Watched {
    outcome: Outcome<Vec<Event>>,
    took: Duration,
    cpu: Option<Duration>,
    sleeps: Option<u64>,
}

/// Calls `monitor` on a thread of its own, watched from outside, and gives
/// it `limit` to return, or less once every thread started since `census`
/// is asleep in a wait without a time-out.
fn watch_monitor(
    census: Option<Census>,
    alerts: crossbeam_channel::Receiver<String>,
    readings: crossbeam_channel::Receiver<u32>,
    quiet: Duration,
    limit: Duration,
) -> Watched {
    let (probe_tx, probe_rx) = std::sync::mpsc::channel();
    let start = Instant::now();
    let read = |probe: &ThreadProbe| probe.cpu_time().zip(probe.sleeps());
    let call = start_call(None, move || {
        let probe = ThreadProbe::current();
        let before = probe.as_ref().and_then(read);
        let _ = probe_tx.send(probe.clone().zip(before));
        let log = monitor(alerts, readings, quiet);
        // Read on the monitor's own thread, before it ends.
        let after = probe.as_ref().and_then(read);
        (log, before.zip(after))
    });
    let probe = probe_rx.recv_timeout(PATIENCE).ok().flatten();
    let mut standstill = Standstill::since(census);
    let outcome = call.outcome_until(start + limit, || standstill.reached(&[]));
    let took = start.elapsed();
    let (outcome, used) = match outcome {
        Outcome::Returned((log, used)) => (Outcome::Returned(log), used),
        Outcome::Panicked(why) => (Outcome::Panicked(why), None),
        // Still running: read it where it is.
        Outcome::StillRunning => (Outcome::StillRunning, None),
    };
    let used = used.or_else(|| {
        let (probe, before) = probe.as_ref()?;
        Some((*before, read(probe)?))
    });
    let (cpu, sleeps) = match used {
        Some(((c0, s0), (c1, s1))) => (Some(c1.saturating_sub(c0)), Some(s1.saturating_sub(s0))),
        None => (None, None),
    };
    Watched {
        outcome,
        took,
        cpu,
        sleeps,
    }
}

#[test]
fn a_closed_channel_is_no_longer_listened_to() {
    let census = Census::take();
    let quiet = Duration::from_millis(200);
    // The alerts channel is closed from the start; readings stay open and
    // silent, so only the time-out arm can end the wait, after `quiet`.
    let (alerts_tx, alerts) = unbounded::<String>();
    drop(alerts_tx);
    let (readings_tx, readings) = unbounded::<u32>();
    let watched = watch_monitor(census, alerts, readings, quiet, quiet + LATE);
    drop(readings_tx);
    let cpu = watched
        .cpu
        .map(|c| {
            (
                format!(", using {} of CPU time", human(c)),
                format!(", usando {} de CPU", human(c)),
            )
        })
        .unwrap_or_default();
    let log = match watched.outcome {
        Outcome::Returned(log) => log,
        Outcome::Panicked(why) => fail(
            format!(
                "monitor panicked: {why}. The alerts channel was closed from the start: its \
                 recv arm gives Err(RecvError), which only means that channel is done. Stop \
                 listening to it (replace it with never()) and go on with the other."
            ),
            format!(
                "monitor entrou em pânico: {why}. O canal de alertas estava fechado desde o \
                 início: o braço recv dele dá Err(RecvError), que só quer dizer que esse canal \
                 acabou. Pare de ouvi-lo (troque-o por never()) e continue com o outro."
            ),
        ),
        Outcome::StillRunning if watched.took < quiet + LATE => fail(
            format!(
                "monitor was still waiting after {}, asleep in a wait without a time-out, \
                 with nothing left that could wake it: the alerts channel was closed from the \
                 start and readings stayed open and silent, so only a time-out could end the \
                 wait. Does your select! have a time-out arm, `default(quiet)` or \
                 `recv(after(quiet))`?",
                human(watched.took)
            ),
            format!(
                "monitor ainda esperava depois de {}, dormindo numa espera sem time-out, sem \
                 mais nada que pudesse acordá-lo: o canal de alertas estava fechado desde o \
                 início e as leituras ficaram abertas e em silêncio, então só um time-out \
                 poderia acabar com a espera. O seu select! tem um braço de time-out, \
                 `default(quiet)` ou `recv(after(quiet))`?",
                human(watched.took)
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "the alerts channel was closed from the start and readings stayed open and \
                 silent, so monitor should have logged Quiet and returned after quiet = {}; \
                 it was still running after {}{}. A closed channel's recv arm is always \
                 ready, with an Err, so select! picks it again at once, every turn, and the \
                 time-out arm never comes: the loop spins. A flag saying it is closed does \
                 not stop select! from picking it: replace the closed receiver with never(), \
                 a channel that is never ready.",
                human(quiet),
                human(watched.took),
                cpu.0
            ),
            format!(
                "o canal de alertas estava fechado desde o início e as leituras ficaram \
                 abertas e em silêncio, então monitor deveria registrar Quiet e retornar \
                 depois de quiet = {}; ele ainda rodava depois de {}{}. O braço recv de um \
                 canal fechado está sempre pronto, com um Err, então o select! o escolhe de \
                 novo na hora, a cada volta, e o braço de time-out nunca chega: o laço gira \
                 sem parar. Uma flag dizendo que ele fechou não impede o select! de \
                 escolhê-lo: troque o receiver fechado por never(), um canal que nunca está \
                 pronto.",
                human(quiet),
                human(watched.took),
                cpu.1
            ),
        ),
    };
    check(
        log == [Event::Quiet],
        format!(
            "the alerts channel was closed from the start and nothing was sent on readings, \
             which stayed open: expected [Quiet], got {log:?}. A closed channel ends nothing \
             but itself: stop listening to it and wait on the other."
        ),
        format!(
            "o canal de alertas estava fechado desde o início e nada foi enviado nas \
             leituras, que ficaram abertas: o esperado era [Quiet], veio {log:?}. Um canal \
             fechado não encerra nada além dele mesmo: pare de ouvi-lo e espere no outro."
        ),
    );
    check(
        watched.took >= quiet,
        format!(
            "monitor returned after {}, before quiet = {} had passed",
            human(watched.took),
            human(quiet)
        ),
        format!(
            "monitor retornou depois de {}, antes de quiet = {} passar",
            human(watched.took),
            human(quiet)
        ),
    );
    if let Some(cpu) = watched.cpu {
        check(
            cpu <= quiet / 2,
            format!(
                "monitor used {} of CPU time while it waited {} on a closed channel and a \
                 silent one: its loop spins. A closed channel's recv arm is always ready: \
                 replace the closed receiver with never(), so that select! really waits.",
                human(cpu),
                human(watched.took)
            ),
            format!(
                "monitor usou {} de CPU enquanto esperava {} num canal fechado e num em \
                 silêncio: o laço dele gira sem parar. O braço recv de um canal fechado está \
                 sempre pronto: troque o receiver fechado por never(), para o select! \
                 esperar de verdade.",
                human(cpu),
                human(watched.took)
            ),
        );
    }
}

/// The most times `monitor`'s thread may go to sleep while it waits through
/// one quiet time: a thread blocked in `select!` sleeps once or twice; one
/// that polls and sleeps between turns, once per turn.
const MOST_SLEEPS: u64 = 8;

#[test]
fn monitor_waits_in_select_instead_of_polling() {
    let census = Census::take();
    let quiet = Duration::from_millis(500);
    let (alerts_tx, alerts) = unbounded::<String>();
    let (readings_tx, readings) = unbounded::<u32>();
    let watched = watch_monitor(census, alerts, readings, quiet, MONITOR_PATIENCE);
    drop((alerts_tx, readings_tx));
    let log = match watched.outcome {
        Outcome::Returned(log) => log,
        // The other tests say why.
        _ => return,
    };
    if log != [Event::Quiet] {
        return;
    }
    let Some(sleeps) = watched.sleeps else {
        eprintln!(
            "{}",
            course_support::tr(
                "(not checked here: only Linux tells how often a thread went to sleep)",
                "(não conferido aqui: só o Linux diz quantas vezes uma thread dormiu)",
            )
        );
        return;
    };
    check(
        sleeps <= MOST_SLEEPS,
        format!(
            "both channels were open and silent for {}, and monitor's thread woke up and went \
             back to sleep {sleeps} times meanwhile: it polls (try_recv or a short \
             recv_timeout, then a sleep, in a loop) instead of waiting. select! waits on both \
             channels and the time-out at once, and wakes up only when one of them is ready.",
            human(watched.took)
        ),
        format!(
            "os dois canais ficaram abertos e em silêncio por {}, e a thread do monitor \
             acordou e voltou a dormir {sleeps} vezes nesse tempo: ela faz polling (try_recv \
             ou um recv_timeout curto, depois um sleep, num laço) em vez de esperar. O \
             select! espera nos dois canais e no time-out ao mesmo tempo, e só acorda quando \
             um deles está pronto.",
            human(watched.took)
        ),
    );
}

#[test]
fn monitor_hears_both_channels_until_both_are_closed() {
    let census = Census::take();
    // Long enough that a monitor ending on its time-out arm is easy to tell
    // from one that noticed both channels closing.
    let quiet = Duration::from_secs(2);
    let (alerts_tx, alerts) = unbounded::<String>();
    let (readings_tx, readings) = unbounded::<u32>();
    // The alerts channel closes almost at once; readings go on a while.
    feed(alerts_tx, vec!["fire".to_string()], Duration::ZERO, None);
    feed(
        readings_tx,
        vec![1, 2, 3, 4],
        Duration::from_millis(5),
        None,
    );
    let (log, took) = run_monitor(
        census,
        alerts,
        readings,
        quiet,
        (
            "both channels were closed, yet it kept waiting. A closed channel's recv arm is \
             always ready, with an Err, so select! keeps picking it and the time-out arm never \
             comes: when a channel closes, stop listening to it (replace it with never()), and \
             return once both are closed.",
            "os dois canais estavam fechados, mas ele continuou esperando. O braço recv de um \
             canal fechado está sempre pronto, com um Err, então o select! continua \
             escolhendo-o e o braço de time-out nunca chega: quando um canal fechar, pare de \
             ouvi-lo (troque-o por never()) e retorne quando os dois estiverem fechados.",
        ),
    );
    let alerts: Vec<&Event> = log
        .iter()
        .filter(|e| matches!(e, Event::Alert(_)))
        .collect();
    let readings: Vec<&Event> = log
        .iter()
        .filter(|e| matches!(e, Event::Reading(_)))
        .collect();
    check(
        !alerts.is_empty(),
        format!(
            "one alert, \"fire\", was sent, but the log has no alert at all ({log:?}): listen \
             to both channels at once, with a recv arm for each in select!"
        ),
        format!(
            "um alerta, \"fire\", foi enviado, mas o log não tem alerta nenhum ({log:?}): \
             ouça os dois canais ao mesmo tempo, com um braço recv para cada um no select!"
        ),
    );
    check(
        alerts == [&Event::Alert("fire".into())],
        format!(
            "one alert, \"fire\", was sent and then its channel closed; the log has the alerts \
             {alerts:?}. A disconnected channel is not a message: `recv(alerts) -> msg` gives \
             Err once it is closed, and that Err is no alert."
        ),
        format!(
            "um alerta, \"fire\", foi enviado e depois o canal fechou; o log tem os alertas \
             {alerts:?}. Um canal desconectado não é uma mensagem: `recv(alerts) -> msg` dá \
             Err quando ele fecha, e esse Err não é um alerta."
        ),
    );
    let expected: Vec<Event> = (1..=4).map(Event::Reading).collect();
    check(
        readings.iter().copied().eq(expected.iter()),
        format!(
            "the readings 1, 2, 3, 4 were sent, in that order, after the alerts channel had \
             closed; the log has {readings:?}. One channel closing does not end the other: \
             keep listening to readings until it closes too."
        ),
        format!(
            "as leituras 1, 2, 3, 4 foram enviadas, nessa ordem, depois que o canal de alertas \
             fechou; o log tem {readings:?}. Um canal fechar não encerra o outro: continue \
             ouvindo as leituras até esse canal fechar também."
        ),
    );
    check(
        !log.contains(&Event::Quiet) && took < quiet,
        format!(
            "monitor ended on its time-out arm (after {}), although both channels had closed \
             long before: when both are closed, return at once, without Quiet",
            human(took)
        ),
        format!(
            "monitor terminou no braço de time-out (depois de {}), embora os dois canais \
             tivessem fechado bem antes: quando os dois fecharem, retorne na hora, sem Quiet",
            human(took)
        ),
    );
}

#[test]
fn the_quiet_time_counts_from_the_last_message() {
    let census = Census::take();
    let quiet = Duration::from_millis(200);
    let pause = Duration::from_millis(25);
    let count: u32 = 12;
    let activity = pause * count;
    let (alerts_tx, alerts) = unbounded::<String>();
    let (readings_tx, readings) = unbounded::<u32>();
    // Twelve readings, one every 25 ms: 300 ms of activity in all, half as
    // long again as `quiet` (one deadline made before the loop ends it after
    // about eight), but never a silence as long as `quiet` (a pause eight
    // times shorter, so that a loaded machine never stretches one that
    // far). Then both channels stay open and silent.
    let kept = Arc::new(Mutex::new(Vec::new()));
    feed(
        readings_tx,
        (1..=count).collect(),
        pause,
        Some(Arc::clone(&kept)),
    );
    let (log, took) = run_monitor(
        census,
        alerts,
        readings,
        quiet,
        (
            "the readings stopped, yet it did not end on its time-out arm",
            "as leituras pararam, mas ele não terminou no braço de time-out",
        ),
    );
    drop(alerts_tx);
    let expected: Vec<Event> = (1..=count)
        .map(Event::Reading)
        .chain([Event::Quiet])
        .collect();
    check(
        log == expected,
        format!(
            "a reading arrived every {} for {}, then nothing; with quiet = {}, expected \
             all {count} readings and then Quiet, got {log:?}. The quiet time starts afresh \
             with every wait: put the time-out arm (`default(quiet)`, or `recv(after(quiet))` \
             with `after` called inside the loop) in each select!, not one deadline made \
             before the loop.",
            human(pause),
            human(activity),
            human(quiet)
        ),
        format!(
            "chegou uma leitura a cada {} durante {}, depois nada; com quiet = {}, o \
             esperado eram as {count} leituras e depois Quiet, veio {log:?}. O tempo de silêncio \
             recomeça a cada espera: ponha o braço de time-out (`default(quiet)`, ou \
             `recv(after(quiet))` com o `after` chamado dentro do laço) em cada select!, e não \
             um prazo único criado antes do laço.",
            human(pause),
            human(activity),
            human(quiet)
        ),
    );
    // The readings take `activity` from the moment the feeding started (a
    // hair before the clock here did), then one quiet time.
    let expected_end = activity + quiet;
    check(
        took >= expected_end - pause && took <= expected_end + LATE,
        format!(
            "monitor returned after {}: the readings lasted {} and quiet = {}, so it \
             should return about {} after it started, at the earliest then and not much \
             later. The quiet time starts afresh with every wait, and ends the wait when it \
             has passed once.",
            human(took),
            human(activity),
            human(quiet),
            human(expected_end)
        ),
        format!(
            "monitor retornou depois de {}: as leituras duraram {} e quiet = {}, então \
             ele deveria retornar cerca de {} depois de começar, nunca antes disso e não muito \
             depois. O tempo de silêncio recomeça a cada espera, e encerra a espera quando \
             passa uma vez.",
            human(took),
            human(activity),
            human(quiet),
            human(expected_end)
        ),
    );
}

#[test]
fn monitor_returns_what_it_heard_in_order() {
    let census = Census::take();
    let (alerts_tx, alerts) = unbounded::<String>();
    let (readings_tx, readings) = unbounded::<u32>();
    // Queued before monitor starts, then both channels close.
    for n in 1..=3 {
        let _ = alerts_tx.send(format!("alert {n}"));
        let _ = readings_tx.send(n);
    }
    drop((alerts_tx, readings_tx));
    let (log, _) = run_monitor(
        census,
        alerts,
        readings,
        Duration::from_secs(2),
        (
            "both channels were closed from the start, with three messages queued in each",
            "os dois canais estavam fechados desde o início, com três mensagens na fila de cada",
        ),
    );
    let alerts: Vec<String> = log
        .iter()
        .filter_map(|e| match e {
            Event::Alert(a) => Some(a.clone()),
            _ => None,
        })
        .collect();
    let readings: Vec<u32> = log
        .iter()
        .filter_map(|e| match e {
            Event::Reading(r) => Some(*r),
            _ => None,
        })
        .collect();
    if alerts != ["alert 1", "alert 2", "alert 3"] || readings != [1, 2, 3] || log.len() != 6 {
        fail(
            format!(
                "three alerts and three readings were queued, then both channels closed; \
                 expected each channel's messages in the order sent, and nothing else, got \
                 {log:?}. Messages still queued in a closed channel are delivered before recv \
                 reports it closed."
            ),
            format!(
                "três alertas e três leituras estavam na fila, depois os dois canais fecharam; \
                 o esperado eram as mensagens de cada canal na ordem de envio, e nada mais, \
                 veio {log:?}. Mensagens que ainda estão na fila de um canal fechado são \
                 entregues antes de recv dizer que ele fechou."
            ),
        );
    }
}
