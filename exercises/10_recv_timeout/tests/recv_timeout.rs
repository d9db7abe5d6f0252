//! The specification of exercise 10. Read it: each test says what your
//! `watch` must do, and fails with a message that says why.
//!
//! In every test a producer thread sends `0, 1, 2, ...` with the pauses the
//! test chooses, and then either drops its Sender (it finished) or keeps it
//! and says nothing more (it went silent). Your `watch` runs on a thread of
//! its own, named `watch`, with a beat of 20 ms and six missed beats allowed;
//! the test waits for it at most two seconds. Two tests time the verdicts
//! themselves, with a slower beat of 150 ms and two missed beats: silence
//! must be declared on the last missed beat, not a beat later, and a
//! finished producer must be noticed at once, not at the next beat.

use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use course_support::{Outcome, PATIENCE, call_within, check, fail, human, is_todo, join_within};
use recv_timeout::{Ending, watch};

/// The longest a healthy producer may stay quiet in these tests.
const BEAT: Duration = Duration::from_millis(20);

/// How many missed beats in a row mean "silent".
const MAX_MISSED: u32 = 6;

/// A short pause between two messages: far below a beat.
const QUICK: Duration = Duration::from_millis(2);

/// The slower beat of the tests that time the verdicts: slow enough that a
/// beat too many stands out from what a busy machine adds, and
/// `SLOW_MAX_MISSED` of them.
const SLOW_BEAT: Duration = Duration::from_millis(150);
const SLOW_MAX_MISSED: u32 = 2;

/// How long `watch` may take. The longest correct run here takes a quarter
/// of a second; a stuck one costs the run no more than this.
const PROMPTLY: Duration = Duration::from_secs(2);

/// What one run left behind.
struct Run {
    /// How `watch` came out: the ending it returned, and when.
    outcome: Outcome<(Ending, Instant)>,
    /// When the producer sent its first message.
    first_sent: Instant,
    /// When the producer sent its last message.
    last_sent: Instant,
}

/// Starts a producer that sends `0`, then after each pause in `pauses` the
/// next number. Then it ends, dropping its Sender, or, when `silent`, keeps
/// it without a word until the test is over (at most `PATIENCE`).
/// Returns when the first and the last message were sent.
fn start_producer(
    tx: Sender<u32>,
    pauses: Vec<Duration>,
    silent: Option<Receiver<()>>,
) -> JoinHandle<(Instant, Instant)> {
    thread::spawn(move || {
        let first_sent = Instant::now();
        let mut last_sent = first_sent;
        for (n, pause) in (0..).zip(std::iter::once(Duration::ZERO).chain(pauses)) {
            thread::sleep(pause);
            last_sent = Instant::now();
            if tx.send(n).is_err() {
                break;
            }
        }
        if let Some(release) = silent {
            // Alive and quiet: the Sender lives on, and nothing is sent.
            let _ = release.recv_timeout(PATIENCE);
        }
        (first_sent, last_sent)
    })
}

/// Runs `watch` against a producer with the given pauses, finished or
/// silent at the end.
fn run(pauses: Vec<Duration>, silent: bool) -> Run {
    run_with(BEAT, MAX_MISSED, pauses, silent)
}

/// [`run`] with a beat and a number of missed beats of the test's choice.
fn run_with(beat: Duration, max_missed: u32, pauses: Vec<Duration>, silent: bool) -> Run {
    let (tx, rx) = channel();
    let (release, hold) = channel::<()>();
    let producer = start_producer(tx, pauses, silent.then_some(hold));
    let outcome = call_within(PROMPTLY, Some("watch"), move || {
        let ending = watch(&rx, beat, max_missed);
        (ending, Instant::now())
    });
    // A silent producer may go now: the watch is over, one way or another.
    drop(release);
    let (first_sent, last_sent) = join_within(producer, PATIENCE);
    Run {
        outcome,
        first_sent,
        last_sent,
    }
}

/// The ending `watch` returned; fails the test, saying why, if it panicked
/// or was still running. `finished` says whether the producer had dropped
/// its Sender.
fn ending_of(run: &Run, finished: bool) -> (Ending, Instant) {
    match &run.outcome {
        Outcome::Returned((ending, at)) => (*ending, *at),
        Outcome::Panicked(text) if is_todo(text) => fail(
            "watch still starts with todo!(): replace it with a loop around \
             rx.recv_timeout(beat)",
            "watch ainda começa com todo!(): troque-o por um laço em volta de \
             rx.recv_timeout(beat)",
        ),
        Outcome::Panicked(text) => fail(
            format!(
                "watch panicked: {text}. An Err from recv_timeout is news, not a failure: \
                 RecvTimeoutError::Timeout means a beat passed in silence, \
                 RecvTimeoutError::Disconnected means every Sender is gone. Match on the \
                 two instead of unwrap() or expect()."
            ),
            format!(
                "watch entrou em pânico: {text}. Um Err de recv_timeout é uma notícia, não \
                 uma falha: RecvTimeoutError::Timeout quer dizer que uma batida passou em \
                 silêncio, RecvTimeoutError::Disconnected quer dizer que todos os Senders \
                 se foram. Trate os dois com match em vez de unwrap() ou expect()."
            ),
        ),
        Outcome::StillRunning if finished => fail(
            format!(
                "the producer sent its messages and dropped its Sender, yet watch was \
                 still running after {}. From then on recv_timeout returns \
                 Err(RecvTimeoutError::Disconnected) at once, every time: the producer \
                 finished, so return Finished.",
                human(PROMPTLY)
            ),
            format!(
                "o produtor enviou as suas mensagens e descartou o seu Sender, mas watch \
                 continuava rodando depois de {}. A partir dali recv_timeout devolve \
                 Err(RecvTimeoutError::Disconnected) na hora, toda vez: o produtor \
                 terminou, então devolva Finished.",
                human(PROMPTLY)
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "watch was still waiting after {} for a producer that went silent while \
                 keeping its Sender. recv() (and rx.iter()) wait as long as any Sender \
                 lives, which here is forever: a watchdog needs time-outs. \
                 rx.recv_timeout(beat) gives up after one beat with \
                 Err(RecvTimeoutError::Timeout); after {MAX_MISSED} of those in a row, \
                 return WentSilent.",
                human(PROMPTLY)
            ),
            format!(
                "watch continuava esperando depois de {} por um produtor que ficou calado \
                 mas manteve o seu Sender. recv() (e rx.iter()) esperam enquanto existir \
                 algum Sender, o que aqui é para sempre: um vigia precisa de um time-out. \
                 rx.recv_timeout(beat) desiste depois de uma batida com \
                 Err(RecvTimeoutError::Timeout); depois de {MAX_MISSED} dessas seguidas, \
                 devolva WentSilent.",
                human(PROMPTLY)
            ),
        ),
    }
}

#[test]
fn a_producer_that_drops_its_sender_finished() {
    let run = run(vec![QUICK; 4], false);
    let (ending, _) = ending_of(&run, true);
    if let Ending::WentSilent { received } = ending {
        fail(
            format!(
                "the producer sent 5 messages, quickly, and dropped its Sender; watch \
                 returned WentSilent {{ received: {received} }}. Once every Sender is gone, \
                 recv_timeout returns Err(RecvTimeoutError::Disconnected) right away: \
                 that is a clean finish, not a missed beat. Only \
                 Err(RecvTimeoutError::Timeout) is a missed beat."
            ),
            format!(
                "o produtor enviou 5 mensagens, rápido, e descartou o seu Sender; watch \
                 devolveu WentSilent {{ received: {received} }}. Quando todos os Senders \
                 se vão, recv_timeout devolve Err(RecvTimeoutError::Disconnected) na hora: \
                 é um fim limpo, não uma batida perdida. Só \
                 Err(RecvTimeoutError::Timeout) é uma batida perdida."
            ),
        );
    }
    check(
        ending == Ending::Finished { received: 5 },
        format!(
            "the producer sent 5 messages and dropped its Sender: expected Finished \
             {{ received: 5 }}, got {ending:?}. Count every message recv_timeout returned."
        ),
        format!(
            "o produtor enviou 5 mensagens e descartou o seu Sender: o esperado era \
             Finished {{ received: 5 }}, veio {ending:?}. Conte toda mensagem que \
             recv_timeout devolveu."
        ),
    );
}

#[test]
fn a_producer_that_keeps_its_sender_and_says_nothing_went_silent() {
    let run = run(vec![QUICK; 2], true);
    let (ending, at) = ending_of(&run, false);
    if let Ending::Finished { received } = ending {
        fail(
            format!(
                "the producer sent 3 messages and then went quiet, keeping its Sender; \
                 watch returned Finished {{ received: {received} }}. Finished is for \
                 Err(RecvTimeoutError::Disconnected), when every Sender is gone. A Sender \
                 that is alive but quiet gives Err(RecvTimeoutError::Timeout): a missed \
                 beat, and after {MAX_MISSED} in a row, WentSilent."
            ),
            format!(
                "o produtor enviou 3 mensagens e depois se calou, mantendo o seu Sender; \
                 watch devolveu Finished {{ received: {received} }}. Finished é para \
                 Err(RecvTimeoutError::Disconnected), quando todos os Senders se foram. Um \
                 Sender vivo mas calado dá Err(RecvTimeoutError::Timeout): uma batida \
                 perdida, e depois de {MAX_MISSED} seguidas, WentSilent."
            ),
        );
    }
    check(
        ending == Ending::WentSilent { received: 3 },
        format!(
            "the producer sent 3 messages and went silent: expected WentSilent \
             {{ received: 3 }}, got {ending:?}"
        ),
        format!(
            "o produtor enviou 3 mensagens e se calou: o esperado era WentSilent \
             {{ received: 3 }}, veio {ending:?}"
        ),
    );
    let quiet_for = at.saturating_duration_since(run.last_sent);
    let silence = BEAT * MAX_MISSED;
    // A generous bound here: six short beats add up the delays of a busy
    // machine; the slow beat below is where a late verdict is caught.
    check_silence_on_time(quiet_for, BEAT, MAX_MISSED, Duration::from_millis(400));
    check(
        quiet_for >= silence,
        format!(
            "watch gave up {} after the last message, but silence is {MAX_MISSED} missed \
             beats in a row ({MAX_MISSED} × {} = {}), counted from the last message. One \
             Err(RecvTimeoutError::Timeout) is one missed beat, not the end: count them, \
             wait again, and start the count over with every message.",
            human(quiet_for),
            human(BEAT),
            human(silence)
        ),
        format!(
            "watch desistiu {} depois da última mensagem, mas silêncio são {MAX_MISSED} \
             batidas perdidas seguidas ({MAX_MISSED} × {} = {}), contados a partir da \
             última mensagem. Um Err(RecvTimeoutError::Timeout) é uma batida perdida, não \
             o fim: conte-os, espere de novo, e recomece a contagem a cada mensagem.",
            human(quiet_for),
            human(BEAT),
            human(silence)
        ),
    );
}

/// Fails if `watch` declared the silence later than `slack` after the last
/// of `max_missed` missed beats of `beat`, counted from the last message.
fn check_silence_on_time(quiet_for: Duration, beat: Duration, max_missed: u32, slack: Duration) {
    let silence = beat * max_missed;
    let late = quiet_for.saturating_sub(silence);
    let beats_late = (late.as_secs_f64() / beat.as_secs_f64()).round();
    check(
        late <= slack,
        format!(
            "watch declared the producer silent {} after its last message, but \
             {max_missed} missed beats of {} make {}: it waited about {beats_late} beat(s) \
             too many. Give up as soon as the count of missed beats reaches max_missed \
             (`missed >= max_missed`, not `>`), right after the Timeout that makes it so.",
            human(quiet_for),
            human(beat),
            human(silence)
        ),
        format!(
            "watch declarou o produtor calado {} depois da última mensagem, mas \
             {max_missed} batidas perdidas de {} dão {}: esperou cerca de {beats_late} \
             batida(s) a mais. Desista assim que a contagem de batidas perdidas chegar a \
             max_missed (`missed >= max_missed`, não `>`), logo depois do Timeout que a faz \
             chegar lá.",
            human(quiet_for),
            human(beat),
            human(silence)
        ),
    );
}

#[test]
fn silence_is_declared_on_the_last_missed_beat() {
    let run = run_with(SLOW_BEAT, SLOW_MAX_MISSED, vec![QUICK], true);
    let (ending, at) = ending_of(&run, false);
    check(
        ending == Ending::WentSilent { received: 2 },
        format!(
            "with a beat of {} and {SLOW_MAX_MISSED} missed beats allowed, the producer sent \
             2 messages and went silent: expected WentSilent {{ received: 2 }}, got \
             {ending:?}",
            human(SLOW_BEAT)
        ),
        format!(
            "com uma batida de {} e {SLOW_MAX_MISSED} batidas perdidas permitidas, o \
             produtor enviou 2 mensagens e se calou: o esperado era WentSilent \
             {{ received: 2 }}, veio {ending:?}",
            human(SLOW_BEAT)
        ),
    );
    let quiet_for = at.saturating_duration_since(run.last_sent);
    check(
        quiet_for >= SLOW_BEAT * SLOW_MAX_MISSED,
        format!(
            "watch declared the producer silent {} after its last message, before \
             {SLOW_MAX_MISSED} beats of {} had passed. Silence is counted from the last \
             message: wait again after each Timeout, and start the count over with every \
             message.",
            human(quiet_for),
            human(SLOW_BEAT)
        ),
        format!(
            "watch declarou o produtor calado {} depois da última mensagem, antes de \
             passarem {SLOW_MAX_MISSED} batidas de {}. O silêncio conta a partir da última \
             mensagem: espere de novo depois de cada Timeout, e recomece a contagem a cada \
             mensagem.",
            human(quiet_for),
            human(SLOW_BEAT)
        ),
    );
    // Half a beat of slack: far more than a busy machine adds to two waits,
    // far less than the beat too many of `missed > max_missed`.
    check_silence_on_time(quiet_for, SLOW_BEAT, SLOW_MAX_MISSED, SLOW_BEAT / 2);
}

/// How long, at most, a message may wait to be taken (the median of a
/// run), and `watch` may take to say Finished once the last Sender is gone,
/// in the test with the slow beat: a `watch` waiting in `recv_timeout` takes
/// a message the moment it comes, one that sleeps between two `try_recv`
/// up to a whole beat later.
const AT_ONCE: Duration = Duration::from_millis(50);

/// A producer on a rendezvous channel (`sync_channel(0)`): each send
/// returns only once `watch` has taken the message, so the time a send
/// takes is the time the message waited. It sends `count` messages, each
/// a few milliseconds after the last was taken, then drops its Sender.
/// Returns how long each send took, and when the Sender was dropped.
fn rendezvous_producer(tx: SyncSender<u32>, count: u32) -> JoinHandle<(Vec<Duration>, Instant)> {
    thread::spawn(move || {
        let mut waits = Vec::new();
        for n in 0..count {
            thread::sleep(Duration::from_millis(3));
            let start = Instant::now();
            if tx.send(n).is_err() {
                break;
            }
            waits.push(start.elapsed());
        }
        thread::sleep(Duration::from_millis(3));
        let dropped = Instant::now();
        drop(tx);
        (waits, dropped)
    })
}

#[test]
fn messages_and_the_finish_are_noticed_at_once() {
    let (tx, rx) = sync_channel(0);
    let producer = rendezvous_producer(tx, 5);
    let outcome = call_within(PROMPTLY, Some("watch"), move || {
        let ending = watch(&rx, SLOW_BEAT, SLOW_MAX_MISSED);
        (ending, Instant::now())
    });
    let (mut waits, dropped) = join_within(producer, PATIENCE);
    let run = Run {
        outcome,
        first_sent: dropped,
        last_sent: dropped,
    };
    let (ending, at) = ending_of(&run, true);
    check(
        ending == Ending::Finished { received: 5 },
        format!(
            "the producer sent 5 messages, each taken before the next was sent, and dropped \
             its Sender: expected Finished {{ received: 5 }}, got {ending:?}"
        ),
        format!(
            "o produtor enviou 5 mensagens, cada uma pega antes de a próxima sair, e \
             descartou o seu Sender: o esperado era Finished {{ received: 5 }}, veio \
             {ending:?}"
        ),
    );
    waits.sort();
    let median = waits.get(waits.len() / 2).copied().unwrap_or_default();
    check(
        median <= AT_ONCE,
        format!(
            "each message waited about {} (the median) before watch took it, though watch \
             had nothing else to do: with a beat of {}, it was sleeping instead of waiting \
             on the channel. rx.recv_timeout(beat) hands a message over the moment it comes; \
             try_recv followed by a sleep of a beat lets it wait up to a whole beat.",
            human(median),
            human(SLOW_BEAT)
        ),
        format!(
            "cada mensagem esperou cerca de {} (a mediana) até watch pegá-la, embora watch \
             não tivesse mais nada a fazer: com uma batida de {}, ele estava dormindo em vez \
             de esperar no canal. rx.recv_timeout(beat) entrega a mensagem no momento em que \
             ela chega; try_recv seguido de um sleep de uma batida a deixa esperando até uma \
             batida inteira.",
            human(median),
            human(SLOW_BEAT)
        ),
    );
    let noticed = at.saturating_duration_since(dropped);
    check(
        noticed <= AT_ONCE,
        format!(
            "watch returned Finished {} after the producer dropped its Sender: with a beat \
             of {}, that is most of a beat late. recv_timeout returns \
             Err(RecvTimeoutError::Disconnected) the moment the last Sender goes, without \
             waiting out the beat; a sleep between two try_recv notices it only at the next \
             look.",
            human(noticed),
            human(SLOW_BEAT)
        ),
        format!(
            "watch devolveu Finished {} depois de o produtor descartar o seu Sender: com uma \
             batida de {}, isso é quase uma batida de atraso. recv_timeout devolve \
             Err(RecvTimeoutError::Disconnected) no momento em que o último Sender se vai, \
             sem esperar a batida acabar; um sleep entre dois try_recv só percebe na \
             próxima olhada.",
            human(noticed),
            human(SLOW_BEAT)
        ),
    );
}

#[test]
fn a_pause_of_two_beats_is_not_silence() {
    let pause = BEAT * 2;
    let run = run(vec![QUICK, pause, QUICK], false);
    let (ending, _) = ending_of(&run, true);
    check(
        ending == Ending::Finished { received: 4 },
        format!(
            "the producer sent 2 messages, paused {} (two missed beats, fewer than \
             {MAX_MISSED}), sent 2 more and dropped its Sender: expected Finished \
             {{ received: 4 }}, got {ending:?}. A Timeout is not the end: count the \
             missed beat and call recv_timeout again.",
            human(pause)
        ),
        format!(
            "o produtor enviou 2 mensagens, parou {} (duas batidas perdidas, menos que \
             {MAX_MISSED}), enviou mais 2 e descartou o seu Sender: o esperado era \
             Finished {{ received: 4 }}, veio {ending:?}. Um Timeout não é o fim: conte a \
             batida perdida e chame recv_timeout de novo.",
            human(pause)
        ),
    );
}

#[test]
fn every_message_starts_the_count_of_missed_beats_over() {
    // Twelve messages, a beat and a half apart: one missed beat before each
    // of the last eleven, never two in a row. Eleven missed beats in all,
    // far more than six: a watch that never starts the count over gives up
    // long before the end, even when a busy machine makes it miss a few.
    const MESSAGES: u32 = 12;
    let pause = BEAT * 3 / 2;
    let run = run(vec![pause; MESSAGES as usize - 1], false);
    let (ending, at) = ending_of(&run, true);
    let start = run.first_sent;
    check(
        ending == Ending::Finished { received: MESSAGES },
        format!(
            "the producer sent {MESSAGES} messages {} apart (one missed beat between two of \
             them, never two in a row) and dropped its Sender: expected Finished \
             {{ received: {MESSAGES} }}, got {ending:?} about {} after the first message. \
             The wait starts over with every message, and so does the count: call \
             recv_timeout(beat) afresh each time and start the count over with every \
             message, rather than counting down from the start.",
            human(pause),
            human(at.saturating_duration_since(start))
        ),
        format!(
            "o produtor enviou {MESSAGES} mensagens com {} entre elas (uma batida perdida \
             entre duas, nunca duas seguidas) e descartou o seu Sender: o esperado era \
             Finished {{ received: {MESSAGES} }}, veio {ending:?} cerca de {} depois da \
             primeira mensagem. A espera recomeça a cada mensagem, e a contagem também: \
             chame recv_timeout(beat) de novo a cada vez e recomece a contagem a cada \
             mensagem, em vez de contar a partir do início.",
            human(pause),
            human(at.saturating_duration_since(start))
        ),
    );
}
