//! The specification of exercise 11. Read it: each test says what your
//! `start_producers` and `offer_all` must do, and fails with a message that
//! says why.
//!
//! The `on_sent` the tests pass to `start_producers` notes every message
//! whose `send` returned, with the thread that sent it. The test plays the
//! consumer: it receives slowly, one message at a time, and after each one
//! counts how many sends have returned. Your functions run on a thread of
//! their own; the test waits for them at most two seconds.

use std::collections::{BTreeMap, HashSet};
use std::sync::mpsc::{Receiver, SyncSender, TryRecvError, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use bounded_channels::{Offered, offer_all, start_producers};
use course_support::{
    Outcome, PATIENCE, Stamped, call_within, check, closed_within, fail, human, is_todo,
    join_within, recv_within_while, stamp, wait_until_while,
};

/// How long a call into your code may take. Starting threads and offering a
/// few readings take microseconds; a call that blocks costs the run no more
/// than this.
const PROMPTLY: Duration = Duration::from_secs(2);

/// How long the test lets the producers run ahead before it counts their
/// sends: long enough for a producer that is not held back to show it.
const LET_THEM_RUN: Duration = Duration::from_millis(20);

/// The same, between two receives.
const LET_THEM_RUN_A_BIT: Duration = Duration::from_millis(3);

type Message = (u32, u32);

/// Every message whose `send` returned, noted by `on_sent` on the
/// producer's thread.
#[derive(Clone, Default)]
struct SentLog(Arc<Mutex<Vec<Stamped<Message>>>>);

impl SentLog {
    fn note(&self, message: Message) {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(stamp(message));
    }

    fn entries(&self) -> Vec<Stamped<Message>> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn count(&self) -> usize {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).len()
    }

    /// Waits (at most `PATIENCE`, and no longer than some producer still
    /// runs) until at least `count` sends returned.
    fn wait_for(&self, count: usize, producers: &[JoinHandle<()>]) -> bool {
        wait_until_while(
            Instant::now() + PATIENCE,
            Duration::from_micros(200),
            || producers.iter().any(|p| !p.is_finished()),
            || self.count() >= count,
        )
    }
}

/// What `start_producers` started.
struct Started {
    rx: Receiver<Message>,
    handles: Vec<JoinHandle<()>>,
    log: SentLog,
}

/// Calls `start_producers`, which must return at once.
fn start(capacity: usize, producers: u32, per_producer: u32) -> Started {
    let log = SentLog::default();
    let on_sent = {
        let log = log.clone();
        move |message| log.note(message)
    };
    // On a thread named `start_producers`, for at most `PROMPTLY`.
    let outcome = call_within(PROMPTLY, Some("start_producers"), move || {
        start_producers(capacity, producers, per_producer, on_sent)
    });
    let (rx, handles) = match outcome {
        Outcome::Returned(started) => started,
        Outcome::Panicked(text) => fail(
            format!("start_producers panicked: {text}"),
            format!("start_producers entrou em pânico: {text}"),
        ),
        Outcome::StillRunning => fail(
            format!(
                "start_producers({capacity}, ..) had not returned after {} ({} sends had \
                 returned). Nobody receives until it returns the Receiver, so a send on \
                 a full sync_channel made from the caller's thread blocks forever. Send \
                 from the producers' own threads: they may wait; the caller must not.",
                human(PROMPTLY),
                log.count()
            ),
            format!(
                "start_producers({capacity}, ..) não tinha retornado depois de {} ({} \
                 sends tinham retornado). Ninguém recebe antes de ela devolver o \
                 Receiver, então um send num sync_channel cheio feito da thread de quem \
                 chamou bloqueia para sempre. Envie das threads dos próprios produtores: \
                 elas podem esperar; quem chamou, não.",
                human(PROMPTLY),
                log.count()
            ),
        ),
    };
    Started { rx, handles, log }
}

/// Receives every message one at a time, checking after each that the
/// producers are never more than `capacity` sends ahead, and that they
/// do get that far.
fn consume_slowly(started: &Started, capacity: usize, total: usize) -> Vec<Message> {
    let mut received = Vec::with_capacity(total);
    while received.len() < total {
        received.push(recv_within_while(&started.rx, PATIENCE, || {
            started.handles.iter().any(|p| !p.is_finished())
        }));
        let taken = received.len();
        let room = (taken + capacity).min(total);
        check(
            started.log.wait_for(room, &started.handles),
            format!(
                "after the consumer took {taken} messages, a channel of capacity \
                 {capacity} has room for {room} sends in all, but only {} returned: is the \
                 bound smaller than `capacity`?",
                started.log.count()
            ),
            format!(
                "depois que o consumidor pegou {taken} mensagens, um canal de capacidade \
                 {capacity} tem lugar para {room} sends ao todo, mas só {} retornaram: o \
                 limite é menor que `capacity`?",
                started.log.count()
            ),
        );
        thread::sleep(LET_THEM_RUN_A_BIT);
        let sent = started.log.count();
        check(
            sent <= taken + capacity,
            format!(
                "{sent} sends had returned when the consumer had taken only {taken} \
                 messages: the producers got {} ahead, but a channel of capacity \
                 {capacity} lets them get at most {capacity} ahead. Make it with \
                 sync_channel({capacity}).",
                sent - taken
            ),
            format!(
                "{sent} sends tinham retornado quando o consumidor só tinha pegado {taken} \
                 mensagens: os produtores se adiantaram {}, mas um canal de capacidade \
                 {capacity} deixa que se adiantem no máximo {capacity}. Crie-o com \
                 sync_channel({capacity}).",
                sent - taken
            ),
        );
    }
    received
}

/// The producers are done: the channel closes, and their threads end.
fn finish(started: Started) {
    let leftover = closed_within(&started.rx, PATIENCE);
    check(
        leftover.is_empty(),
        format!(
            "{} more messages came after every producer had sent all of its own",
            leftover.len()
        ),
        format!(
            "chegaram mais {} mensagens depois que cada produtor já tinha enviado todas \
             as suas",
            leftover.len()
        ),
    );
    for handle in started.handles {
        join_within(handle, PATIENCE);
    }
}

/// Checks that every message was sent, in order for each producer, by one
/// thread per producer that is not the test's.
fn check_producers(log: &[Stamped<Message>], producers: u32, per_producer: u32) {
    let mut by_number: BTreeMap<u32, (Vec<u32>, HashSet<ThreadId>)> = BTreeMap::new();
    for entry in log {
        let (number, seq) = entry.value;
        let (seqs, threads) = by_number.entry(number).or_default();
        seqs.push(seq);
        threads.insert(entry.thread);
    }
    let expected: Vec<u32> = (0..per_producer).collect();
    let here = thread::current().id();
    let mut all_threads = HashSet::new();
    for number in 1..=producers {
        let (seqs, threads) = by_number.remove(&number).unwrap_or_default();
        check(
            seqs == expected,
            format!(
                "producer {number} should send (number, seq) for seq in {expected:?}, in \
                 order; its sends that returned were {seqs:?}"
            ),
            format!(
                "o produtor {number} deveria enviar (number, seq) para seq em \
                 {expected:?}, em ordem; os sends dele que retornaram foram {seqs:?}"
            ),
        );
        check(
            threads.len() == 1 && !threads.contains(&here),
            format!(
                "producer {number}'s messages were sent from {} threads: each producer \
                 runs on a thread of its own, with its own clone of the SyncSender",
                threads.len()
            ),
            format!(
                "as mensagens do produtor {number} foram enviadas de {} threads: cada \
                 produtor roda na sua própria thread, com o seu próprio clone do \
                 SyncSender",
                threads.len()
            ),
        );
        all_threads.extend(threads);
    }
    check(
        all_threads.len() == producers as usize && by_number.is_empty(),
        format!(
            "{producers} producers, numbered from 1, should send from {producers} \
             different threads; the sends came from {} threads, with numbers {:?} too",
            all_threads.len(),
            by_number.keys().collect::<Vec<_>>()
        ),
        format!(
            "{producers} produtores, numerados a partir de 1, deveriam enviar de \
             {producers} threads diferentes; os envios vieram de {} threads, com os \
             números {:?} também",
            all_threads.len(),
            by_number.keys().collect::<Vec<_>>()
        ),
    );
}

#[test]
fn producers_get_at_most_capacity_messages_ahead() {
    let (capacity, producers, per_producer) = (3, 2, 6);
    let total = (producers * per_producer) as usize;
    let started = start(capacity, producers, per_producer);

    // Nobody receives yet: the producers fill the channel and then wait.
    let filled = started.log.wait_for(capacity, &started.handles);
    thread::sleep(LET_THEM_RUN);
    let sent = started.log.count();
    if sent == total {
        fail(
            format!(
                "all {total} sends returned while nobody was receiving: the channel has \
                 no bound, so there is no backpressure (that is what channel() makes). \
                 sync_channel({capacity}) holds {capacity} messages, and then send waits \
                 until the consumer takes one."
            ),
            format!(
                "os {total} sends retornaram sem ninguém recebendo: o canal não tem \
                 limite, então não há contrapressão (é isso que channel() cria). \
                 sync_channel({capacity}) guarda {capacity} mensagens, e depois send \
                 espera até o consumidor pegar uma."
            ),
        );
    }
    check(
        filled && sent == capacity,
        format!(
            "with nobody receiving, sends returned: {sent}; a channel of capacity \
             {capacity} takes exactly {capacity} messages, and then every send waits: \
             make it with sync_channel({capacity})"
        ),
        format!(
            "sem ninguém recebendo, sends que retornaram: {sent}; um canal de capacidade \
             {capacity} aceita exatamente {capacity} mensagens, e depois todo send \
             espera: crie-o com sync_channel({capacity})"
        ),
    );

    let received = consume_slowly(&started, capacity, total);
    let log = started.log.entries();
    finish(started);
    check_producers(&log, producers, per_producer);
    check(
        received.len() == total,
        format!("expected {total} messages, received {}", received.len()),
        format!(
            "eram esperadas {total} mensagens, chegaram {}",
            received.len()
        ),
    );
}

#[test]
fn capacity_zero_is_a_rendezvous() {
    let (producers, per_producer) = (2, 3);
    let total = (producers * per_producer) as usize;
    let started = start(0, producers, per_producer);

    thread::sleep(LET_THEM_RUN);
    let sent = started.log.count();
    check(
        sent == 0,
        format!(
            "sends returned before anyone received: {sent}. sync_channel(0) has no room \
             at all: it is a rendezvous, where each send returns only once a receiver \
             has taken its message. Pass the capacity as it is, 0 included."
        ),
        format!(
            "sends que retornaram antes de alguém receber: {sent}. sync_channel(0) não \
             tem lugar nenhum: é um encontro marcado, em que cada send só retorna quando \
             um receptor pegou a sua mensagem. Passe a capacidade como ela vem, 0 \
             inclusive."
        ),
    );

    consume_slowly(&started, 0, total);
    let log = started.log.entries();
    finish(started);
    check_producers(&log, producers, per_producer);
}

/// Calls `offer_all(&tx, readings)`, which must never wait, on a thread
/// named `offer_all`, and hands `tx` back with the result.
fn offer(tx: SyncSender<u32>, readings: &'static [u32]) -> (SyncSender<u32>, Offered) {
    match call_within(PROMPTLY, Some("offer_all"), move || {
        let offered = offer_all(&tx, readings);
        (tx, offered)
    }) {
        Outcome::Returned(result) => result,
        Outcome::Panicked(text) if is_todo(&text) => fail(
            "offer_all still has its todo!(): replace it with a loop that calls \
             tx.try_send(reading) for each reading",
            "offer_all ainda tem o seu todo!(): troque-o por um laço que chama \
             tx.try_send(reading) para cada leitura",
        ),
        Outcome::Panicked(text) => fail(
            format!(
                "offer_all panicked: {text}. A full channel or a gone Receiver is \
                 expected here, not a bug: try_send says which with \
                 Err(TrySendError::Full(reading)) or Err(TrySendError::Disconnected(reading)). \
                 Match on the two instead of unwrap() or expect()."
            ),
            format!(
                "offer_all entrou em pânico: {text}. Um canal cheio ou um Receiver que se \
                 foi são esperados aqui, não são defeitos: try_send diz qual dos dois com \
                 Err(TrySendError::Full(reading)) ou \
                 Err(TrySendError::Disconnected(reading)). Trate os dois com match em vez \
                 de unwrap() ou expect()."
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "offer_all was still running after {}: it waited for room in a full \
                 channel. send() blocks until the consumer takes a message; try_send \
                 never waits: it returns Err(TrySendError::Full(reading)) at once.",
                human(PROMPTLY)
            ),
            format!(
                "offer_all continuava rodando depois de {}: ficou esperando lugar num \
                 canal cheio. send() bloqueia até o consumidor pegar uma mensagem; \
                 try_send nunca espera: devolve Err(TrySendError::Full(reading)) na hora.",
                human(PROMPTLY)
            ),
        ),
    }
}

/// Checks one round of offers against what a channel with `room` free
/// places must make of them.
fn check_offered(offered: &Offered, readings: &[u32], room: usize) {
    let expected = Offered {
        accepted: readings[..room].to_vec(),
        dropped: readings[room..].to_vec(),
        returned: None,
    };
    if offered.dropped.is_empty() && offered.accepted == expected.accepted {
        fail(
            format!(
                "offer_all({readings:?}) with room for {room} returned {offered:?}: the \
                 readings that did not fit are missing from `dropped`. try_send hands the \
                 reading back in Err(TrySendError::Full(reading)); note it there."
            ),
            format!(
                "offer_all({readings:?}) com lugar para {room} devolveu {offered:?}: as \
                 leituras que não couberam faltam em `dropped`. try_send devolve a leitura \
                 dentro de Err(TrySendError::Full(reading)); anote-a ali."
            ),
        );
    }
    if expected.dropped.starts_with(&offered.dropped) && offered.dropped != expected.dropped {
        fail(
            format!(
                "offer_all({readings:?}) with room for {room} returned {offered:?}: it \
                 stopped offering at the first full moment. Err(TrySendError::Full(..)) \
                 means \"not this one, not now\": drop it and offer the next reading."
            ),
            format!(
                "offer_all({readings:?}) com lugar para {room} devolveu {offered:?}: parou \
                 de oferecer no primeiro momento cheio. Err(TrySendError::Full(..)) quer \
                 dizer \"esta não, agora não\": descarte-a e ofereça a próxima leitura."
            ),
        );
    }
    check(
        *offered == expected,
        format!(
            "offer_all({readings:?}) with room for {room} should return {expected:?}; it \
             returned {offered:?}"
        ),
        format!(
            "offer_all({readings:?}) com lugar para {room} deveria devolver \
             {expected:?}; devolveu {offered:?}"
        ),
    );
}

#[test]
fn try_send_drops_what_does_not_fit_and_goes_on() {
    let (tx, rx) = sync_channel(2);
    let (tx, offered) = offer(tx, &[10, 11, 12, 13, 14]);
    check_offered(&offered, &[10, 11, 12, 13, 14], 2);

    // The consumer takes one: there is room for one more.
    let first = rx.try_recv();
    check(
        first == Ok(10),
        format!("the first reading in the channel should be 10; the consumer got {first:?}"),
        format!("a primeira leitura no canal deveria ser 10; o consumidor pegou {first:?}"),
    );
    let (tx, offered) = offer(tx, &[20, 21]);
    check_offered(&offered, &[20, 21], 1);

    drop(tx);
    let rest: Vec<u32> = rx.try_iter().collect();
    check(
        rest == [11, 20] && rx.try_recv() == Err(TryRecvError::Disconnected),
        format!(
            "after the consumer took 10, the channel should hold the accepted [11, 20] \
             and nothing else; it held {rest:?}"
        ),
        format!(
            "depois que o consumidor pegou 10, o canal deveria guardar as aceitas \
             [11, 20] e nada mais; guardava {rest:?}"
        ),
    );
}

#[test]
fn a_gone_receiver_stops_the_offers() {
    let (tx, rx) = sync_channel(2);
    drop(rx);
    let (_tx, offered) = offer(tx, &[1, 2, 3]);
    let expected = Offered {
        accepted: vec![],
        dropped: vec![],
        returned: Some(1),
    };
    check(
        offered == expected,
        format!(
            "with the Receiver gone, offer_all([1, 2, 3]) returned {offered:?}. The first \
             try_send returns Err(TrySendError::Disconnected(1)): nobody will ever \
             receive, so nothing will ever fit. That is not a full channel: put 1 in \
             `returned` and stop offering. Expected {expected:?}."
        ),
        format!(
            "com o Receiver descartado, offer_all([1, 2, 3]) devolveu {offered:?}. O \
             primeiro try_send devolve Err(TrySendError::Disconnected(1)): ninguém nunca \
             mais vai receber, então nada nunca mais vai caber. Isso não é um canal \
             cheio: ponha 1 em `returned` e pare de oferecer. O esperado era \
             {expected:?}."
        ),
    );
}
