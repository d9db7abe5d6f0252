//! The specification of exercise 12. Read it: each test says what your
//! `spawn_producer` and `collect_data` must do, and fails with a message
//! that says why.
//!
//! Some tests play the producers themselves and send a script of messages,
//! keeping a Sender alive afterwards: the collection must end because of the
//! protocol, not because the channel closes, and not because the channel
//! goes quiet for a while (one script pauses in the middle). Others use your
//! `spawn_producer` with items of several types, one of them not `Clone`;
//! one of them with the collector already gone, so that each failed send
//! hands its item back to the thread that sent it: that must be the
//! producer's own thread. Your functions run on a thread of their own; the
//! test waits for them at most two seconds.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Outcome, PATIENCE, call_within, check, closed_within, fail, human, is_todo, join_within,
    start_call, try_join_within,
};
use message_protocol::{Message, collect_data, spawn_producer};

/// How long a call into your code may take here: a few milliseconds when
/// it is right.
const PROMPTLY: Duration = Duration::from_secs(2);

/// A piece of work that cannot be copied: it is not `Clone`, so the only
/// way to get it to the collector is to move it there. (If the compiler asks
/// for `#[derive(Clone)]` here, the fix belongs in your producer: move the
/// items instead of cloning them.)
#[derive(Debug, PartialEq, Eq)]
struct Parcel {
    producer: u32,
    seq: u32,
    contents: String,
}

/// Fails the test for learner code that panicked, `todo!()` included.
fn fail_panicked(function: &str, text: &str) -> ! {
    if is_todo(text) {
        fail(
            format!("{function} still has its todo!(): write it"),
            format!("{function} ainda tem o seu todo!(): escreva-a"),
        );
    }
    fail(
        format!("{function} panicked: {text}"),
        format!("{function} entrou em pânico: {text}"),
    )
}

/// Fails the test for a `spawn_producer` that did not return in time.
fn fail_not_returned() -> ! {
    fail(
        format!(
            "spawn_producer had not returned after {}: it should start the producer with \
             thread::spawn and return the thread's handle at once",
            human(PROMPTLY)
        ),
        format!(
            "spawn_producer não tinha retornado depois de {}: ela deveria iniciar o produtor \
             com thread::spawn e devolver o handle da thread na hora",
            human(PROMPTLY)
        ),
    )
}

/// Runs `start`, a call to `spawn_producer`, which must return at once with
/// the handle of a new thread. (Each test calls `spawn_producer` with its
/// own item type, so the compiler checks each type against its signature.)
/// The call runs on a thread named `spawn_producer`, for at most `PROMPTLY`.
fn start_producer(start: impl FnOnce() -> JoinHandle<()> + Send + 'static) -> JoinHandle<()> {
    let here = thread::current().id();
    let handle = match call_within(PROMPTLY, Some("spawn_producer"), start) {
        Outcome::Returned(handle) => handle,
        Outcome::Panicked(text) => fail_panicked("spawn_producer", &text),
        Outcome::StillRunning => fail_not_returned(),
    };
    check(
        handle.thread().id() != here,
        "spawn_producer returned the handle of the test's own thread",
        "spawn_producer devolveu o handle da própria thread do teste",
    );
    handle
}

/// Receives everything one producer sends until the channel closes (the
/// producer owns the only Sender), then joins it.
fn receive_all<T>(rx: Receiver<Message<T>>, producer: JoinHandle<()>) -> Vec<Message<T>> {
    let messages = closed_within(&rx, PATIENCE)
        .into_iter()
        .map(|arrival| arrival.value)
        .collect();
    join_within(producer, PATIENCE);
    messages
}

/// How long `collect_data` may sit waiting, once everything it needs was
/// sent, before the test knows it waits for something that cannot come:
/// taking what is queued takes microseconds.
const STUCK: Duration = Duration::from_millis(40);

/// Calls `collect_data(&rx, producers)` on a thread of its own, named
/// `collect_data`, for at most `PROMPTLY`. `open` says whether the test
/// still holds a Sender (so the channel cannot close). `sent()` says
/// whether everything was sent (the threads that send have ended): from
/// then on, a `collect_data` that sits waiting waits for nothing, and the
/// test does not wait out `PROMPTLY` for it.
fn collect<T: Send + 'static>(
    rx: Receiver<Message<T>>,
    producers: u32,
    open: bool,
    mut sent: impl FnMut() -> bool,
) -> Vec<T> {
    let call = start_call(Some("collect_data"), move || collect_data(&rx, producers));
    let mut stillness = call.stillness();
    let deadline = Instant::now() + PROMPTLY;
    match call.outcome_until(deadline, || sent() && stillness.asleep_for(STUCK)) {
        Outcome::Returned(data) => data,
        Outcome::Panicked(text) if is_todo(&text) => fail_panicked("collect_data", &text),
        Outcome::Panicked(text) => fail(
            format!(
                "collect_data panicked: {text}. When the channel closes before every \
                 producer has said Done (a producer may crash), recv() returns \
                 Err(RecvError): that is the end of the data, not a bug. Return what \
                 arrived instead of unwrap() or expect()."
            ),
            format!(
                "collect_data entrou em pânico: {text}. Quando o canal fecha antes de \
                 todos os produtores dizerem Done (um produtor pode quebrar), recv() \
                 devolve Err(RecvError): é o fim dos dados, não um defeito. Devolva o que \
                 chegou em vez de unwrap() ou expect()."
            ),
        ),
        Outcome::StillRunning if open => fail(
            format!(
                "collect_data was still waiting once every one of the {producers} \
                 producers had sent all it had to send, Done included. A Sender is still \
                 alive here, so the channel never closes: `for message in rx` and the like \
                 wait forever. The protocol tells the end instead: count the Done \
                 messages, and return when there are {producers}."
            ),
            format!(
                "collect_data continuava esperando depois que todos os {producers} \
                 produtores enviaram tudo o que tinham para enviar, Done inclusive. Aqui \
                 ainda existe um Sender, então o canal nunca fecha: `for message in rx` e \
                 parecidos esperam para sempre. Quem diz o fim é o protocolo: conte as \
                 mensagens Done e retorne quando houver {producers}."
            ),
        ),
        Outcome::StillRunning => fail(
            "collect_data was still waiting though the channel was closed: recv() returns \
             Err once every Sender is gone, and nothing more can come. Return what arrived.",
            "collect_data continuava esperando embora o canal estivesse fechado: recv() \
             devolve Err quando todos os Senders se foram, e nada mais pode chegar. Devolva \
             o que chegou.",
        ),
    }
}

/// Sends a script of messages, as producers would.
fn play(tx: &Sender<Message<u32>>, script: Vec<Message<u32>>) {
    for message in script {
        tx.send(message).expect("the test holds the Receiver");
    }
}

#[test]
fn a_producer_sends_data_and_progress_then_done() {
    let fruit = ["apple", "banana", "cherry"].map(String::from).to_vec();
    let addresses: Vec<*const u8> = fruit.iter().map(|s| s.as_ptr()).collect();
    let (tx, rx) = channel();
    let messages = receive_all(rx, start_producer(move || spawn_producer(7, fruit, tx)));

    let expected = vec![
        Message::Data(String::from("apple")),
        Message::Progress {
            producer: 7,
            sent: 1,
        },
        Message::Data(String::from("banana")),
        Message::Progress {
            producer: 7,
            sent: 2,
        },
        Message::Data(String::from("cherry")),
        Message::Progress {
            producer: 7,
            sent: 3,
        },
        Message::Done { producer: 7 },
    ];
    check(
        messages.last() == expected.last(),
        format!(
            "producer 7 should end with Done {{ producer: 7 }}: it is the only way the \
             collector learns that this producer has finished while other Senders may \
             live on. It sent {messages:?}"
        ),
        format!(
            "o produtor 7 deveria terminar com Done {{ producer: 7 }}: é o único jeito de o \
             coletor saber que este produtor acabou enquanto outros Senders podem \
             continuar vivos. Ele enviou {messages:?}"
        ),
    );
    check(
        messages == expected,
        format!(
            "producer 7, given [\"apple\", \"banana\", \"cherry\"], should send each as \
             Data, each followed by Progress with the count so far, then Done:\n  \
             expected {expected:?}\n  got      {messages:?}"
        ),
        format!(
            "o produtor 7, com [\"apple\", \"banana\", \"cherry\"], deveria enviar cada um \
             como Data, cada um seguido de Progress com a contagem até ali, e depois Done:\n  \
             esperado {expected:?}\n  veio     {messages:?}"
        ),
    );
    let arrived: Vec<*const u8> = messages
        .iter()
        .filter_map(|message| match message {
            Message::Data(s) => Some(s.as_ptr()),
            _ => None,
        })
        .collect();
    check(
        arrived == addresses,
        "the Strings that arrived are copies, not the ones producer 7 was given (their \
         text lives at other addresses): move each item into Message::Data instead of \
         copying it",
        "as Strings que chegaram são cópias, não as que o produtor 7 recebeu (o texto \
         delas está em outros endereços): mova cada item para dentro de Message::Data \
         em vez de copiá-lo",
    );
}

#[test]
fn a_producer_takes_any_type_that_can_be_sent_even_one_that_cannot_be_copied() {
    let (tx, rx) = channel();
    let bytes = receive_all(
        rx,
        start_producer(move || spawn_producer(2, vec![vec![1_u8, 2], vec![3]], tx)),
    );
    check(
        bytes
            == [
                Message::Data(vec![1, 2]),
                Message::Progress {
                    producer: 2,
                    sent: 1,
                },
                Message::Data(vec![3]),
                Message::Progress {
                    producer: 2,
                    sent: 2,
                },
                Message::Done { producer: 2 },
            ],
        format!("producer 2, given [[1, 2], [3]], sent {bytes:?}"),
        format!("o produtor 2, com [[1, 2], [3]], enviou {bytes:?}"),
    );
    let parcel = Parcel {
        producer: 5,
        seq: 0,
        contents: String::from("a book"),
    };
    let (tx, rx) = channel();
    let parcels = receive_all(
        rx,
        start_producer(move || spawn_producer(5, vec![parcel], tx)),
    );
    let data: Vec<&Parcel> = parcels
        .iter()
        .filter_map(|message| match message {
            Message::Data(parcel) => Some(parcel),
            _ => None,
        })
        .collect();
    check(
        data.len() == 1 && data[0].contents == "a book" && parcels.len() == 3,
        format!("producer 5, given one Parcel (a type that is not Clone), sent {parcels:?}"),
        format!("o produtor 5, com um Parcel (um tipo que não é Clone), enviou {parcels:?}"),
    );
}

#[test]
fn progress_is_news_not_the_end() {
    let (tx, rx) = channel();
    play(
        &tx,
        vec![
            Message::Data(10),
            Message::Progress {
                producer: 1,
                sent: 1,
            },
            Message::Data(11),
            Message::Progress {
                producer: 1,
                sent: 2,
            },
            Message::Done { producer: 1 },
        ],
    );
    // `tx` stays alive: only Done can end this collection.
    let data = collect(rx, 1, true, || true);
    check(
        data == [10, 11],
        format!(
            "one producer sent Data(10), Progress, Data(11), Progress, Done; collect_data \
             returned {data:?} instead of [10, 11]. A message that is not Data does not \
             end the collection: Progress is news, not the end. Skip it and receive the \
             next message (a `while let Ok(Message::Data(..))` loop stops at the first \
             Progress)."
        ),
        format!(
            "um produtor enviou Data(10), Progress, Data(11), Progress, Done; \
             collect_data devolveu {data:?} em vez de [10, 11]. Uma mensagem que não é \
             Data não encerra a coleta: Progress é notícia, não é o fim. Pule-a e receba \
             a próxima mensagem (um laço `while let Ok(Message::Data(..))` para no \
             primeiro Progress)."
        ),
    );
    drop(tx);
}

#[test]
fn the_collection_ends_when_every_producer_has_said_done() {
    let (tx, rx) = channel();
    // Three producers, interleaved: producer 1 is done early, the others
    // go on sending after its Done.
    play(
        &tx,
        vec![
            Message::Data(100),
            Message::Done { producer: 1 },
            Message::Data(200),
            Message::Progress {
                producer: 2,
                sent: 1,
            },
            Message::Data(300),
            Message::Done { producer: 3 },
            Message::Data(201),
            Message::Progress {
                producer: 2,
                sent: 2,
            },
            Message::Done { producer: 2 },
        ],
    );
    let data = collect(rx, 3, true, || true);
    let expected = [100, 200, 300, 201];
    check(
        data == expected,
        format!(
            "three producers sent Data(100), Done {{ producer: 1 }}, Data(200), Progress, \
             Data(300), Done {{ producer: 3 }}, Data(201), Progress, Done \
             {{ producer: 2 }}; collect_data returned {data:?} instead of {expected:?}. \
             One producer's Done ends only that producer: the others may still be \
             sending. The collection ends when every producer (all 3) has said Done."
        ),
        format!(
            "três produtores enviaram Data(100), Done {{ producer: 1 }}, Data(200), \
             Progress, Data(300), Done {{ producer: 3 }}, Data(201), Progress, Done \
             {{ producer: 2 }}; collect_data devolveu {data:?} em vez de {expected:?}. O \
             Done de um produtor encerra só aquele produtor: os outros podem continuar \
             enviando. A coleta termina quando cada produtor (os 3) disse Done."
        ),
    );
    drop(tx);
}

#[test]
fn a_closed_channel_ends_the_collection_too() {
    let (tx, rx) = channel();
    play(&tx, vec![Message::Data(1), Message::Data(2)]);
    // Both producers crashed: no Done will ever come, and the channel closes.
    drop(tx);
    let data = collect(rx, 2, false, || true);
    check(
        data == [1, 2],
        format!(
            "two messages, Data(1) and Data(2), then the channel closed with no Done; \
             collect_data returned {data:?} instead of [1, 2]"
        ),
        format!(
            "duas mensagens, Data(1) e Data(2), e depois o canal fechou sem nenhum Done; \
             collect_data devolveu {data:?} em vez de [1, 2]"
        ),
    );
}

#[test]
fn producers_and_collector_move_parcels_end_to_end() {
    let (producers, per_producer) = (3_u32, 4_u32);
    let (tx, rx) = channel();
    let mut addresses = BTreeMap::new();
    let mut handles = Vec::new();
    for producer in 1..=producers {
        let parcels: Vec<Parcel> = (0..per_producer)
            .map(|seq| Parcel {
                producer,
                seq,
                contents: format!("parcel {seq} of producer {producer}"),
            })
            .collect();
        for parcel in &parcels {
            addresses.insert((parcel.producer, parcel.seq), parcel.contents.as_ptr());
        }
        let tx = tx.clone();
        handles.push(start_producer(move || {
            spawn_producer(producer, parcels, tx)
        }));
    }
    // The test keeps `tx` until the collection is over: it must end on the
    // producers' Done messages.
    let data = collect(rx, producers, true, || {
        handles.iter().all(|h| h.is_finished())
    });
    drop(tx);
    let total = (producers * per_producer) as usize;
    check(
        data.len() == total,
        format!(
            "{producers} producers sent {per_producer} parcels each, but collect_data \
             returned {} of the {total}. Go on past every Progress and every Done until \
             each producer (all {producers}) has said Done.",
            data.len()
        ),
        format!(
            "{producers} produtores enviaram {per_producer} pacotes cada um, mas \
             collect_data devolveu {} dos {total}. Continue depois de cada Progress e de \
             cada Done até cada produtor (os {producers}) dizer Done.",
            data.len()
        ),
    );
    let mut by_producer: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for parcel in &data {
        by_producer
            .entry(parcel.producer)
            .or_default()
            .push(parcel.seq);
    }
    let in_order: Vec<u32> = (0..per_producer).collect();
    for (producer, seqs) in by_producer {
        check(
            seqs == in_order,
            format!("producer {producer}'s parcels came out as {seqs:?}; expected {in_order:?}"),
            format!(
                "os pacotes do produtor {producer} saíram como {seqs:?}; o esperado era \
                 {in_order:?}"
            ),
        );
    }
    let moved = data
        .iter()
        .all(|p| addresses.get(&(p.producer, p.seq)) == Some(&p.contents.as_ptr()));
    check(
        moved,
        "the parcels' contents arrived at other addresses than they started from: \
         something copied them on the way. Move each item into its message and out of it.",
        "o conteúdo dos pacotes chegou em outros endereços, diferentes dos de partida: \
         alguma coisa os copiou no caminho. Mova cada item para dentro da mensagem e para \
         fora dela.",
    );
    let mut threads: Vec<ThreadId> = handles.iter().map(|h| h.thread().id()).collect();
    threads.sort_by_key(|id| format!("{id:?}"));
    threads.dedup();
    check(
        threads.len() == producers as usize,
        "two producers share a thread: spawn_producer starts a new thread for each",
        "dois produtores compartilham uma thread: spawn_producer inicia uma thread nova para cada um",
    );
    for handle in handles {
        join_within(handle, PATIENCE);
    }
}

/// How long the scripted producer of the next test pauses in the middle,
/// keeping its Sender: a quiet moment, not the end.
const QUIET: Duration = Duration::from_millis(300);

#[test]
fn a_quiet_moment_is_not_the_end() {
    let (tx, rx) = channel();
    // Set once the quiet moment is over, just before the rest is sent.
    let quiet_over = Arc::new(AtomicBool::new(false));
    let (release, hold) = channel::<()>();
    let script = {
        let quiet_over = Arc::clone(&quiet_over);
        thread::spawn(move || {
            play(
                &tx,
                vec![
                    Message::Data(1),
                    Message::Progress {
                        producer: 1,
                        sent: 1,
                    },
                ],
            );
            thread::sleep(QUIET);
            quiet_over.store(true, Ordering::SeqCst);
            play(
                &tx,
                vec![
                    Message::Data(2),
                    Message::Progress {
                        producer: 1,
                        sent: 2,
                    },
                    Message::Done { producer: 1 },
                ],
            );
            // The Sender lives on until the test is done: only Done can end
            // this collection.
            let _ = hold.recv_timeout(PATIENCE);
        })
    };
    // Once the quiet moment is over, the rest comes at once: a collect_data
    // that sits waiting after that ignores the Done it was sent, and
    // `collect` stops waiting for it then.
    let data = collect(rx, 1, true, || quiet_over.load(Ordering::SeqCst));
    let returned_in_quiet = !quiet_over.load(Ordering::SeqCst);
    drop(release);
    let _ = script.join();
    check(
        !returned_in_quiet,
        format!(
            "collect_data returned {data:?} during a quiet moment: the producer sent \
             Data(1) and Progress, then said nothing for {} while keeping its Sender, and \
             collect_data gave up before Data(2) and Done came. A quiet channel is not the \
             end (waiting with recv_timeout and stopping on Timeout guesses): only Done \
             from every producer ends the collection, or a closed channel.",
            human(QUIET)
        ),
        format!(
            "collect_data devolveu {data:?} durante um momento de silêncio: o produtor \
             enviou Data(1) e Progress, depois ficou {} sem dizer nada, mantendo o seu \
             Sender, e collect_data desistiu antes de Data(2) e Done chegarem. Um canal em \
             silêncio não é o fim (esperar com recv_timeout e parar no Timeout é um \
             chute): só o Done de cada produtor encerra a coleta, ou um canal fechado.",
            human(QUIET)
        ),
    );
    check(
        data == [1, 2],
        format!(
            "one producer sent Data(1), Progress, a quiet moment, Data(2), Progress, Done; \
             collect_data returned {data:?} instead of [1, 2]"
        ),
        format!(
            "um produtor enviou Data(1), Progress, um momento de silêncio, Data(2), \
             Progress, Done; collect_data devolveu {data:?} em vez de [1, 2]"
        ),
    );
}

/// An item that notes, when it is dropped, the thread that dropped it.
struct Tracked {
    id: u32,
    dropped_on: Arc<Mutex<Vec<(u32, ThreadId)>>>,
}

impl Drop for Tracked {
    fn drop(&mut self) {
        self.dropped_on
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push((self.id, thread::current().id()));
    }
}

#[test]
fn the_producer_sends_from_its_own_thread() {
    // The collector is gone before the producer starts: every send fails
    // and hands its message, item included, back to the thread that called
    // send, which drops it there.
    let (tx, rx) = channel::<Message<Tracked>>();
    drop(rx);
    let dropped_on = Arc::new(Mutex::new(Vec::new()));
    let items: Vec<Tracked> = (0..3)
        .map(|id| Tracked {
            id,
            dropped_on: Arc::clone(&dropped_on),
        })
        .collect();
    let call = start_call(Some("spawn_producer"), move || {
        let handle = spawn_producer(4, items, tx);
        (handle, thread::current().id())
    });
    let caller = call.thread().id();
    let handle = match call.outcome_within(PROMPTLY) {
        Outcome::Returned((handle, _)) => handle,
        Outcome::Panicked(text) if is_todo(&text) => fail_panicked("spawn_producer", &text),
        Outcome::Panicked(text) => fail(
            format!(
                "with the collector gone, spawn_producer itself panicked: {text}. So it \
                 sent on the thread that called it. The producer's own thread does the \
                 sending: spawn_producer moves the items and tx into thread::spawn and \
                 returns the handle at once."
            ),
            format!(
                "com o coletor descartado, a própria spawn_producer entrou em pânico: \
                 {text}. Então ela enviou na thread que a chamou. Quem envia é a própria \
                 thread do produtor: spawn_producer move os itens e o tx para dentro de \
                 thread::spawn e devolve o handle na hora."
            ),
        ),
        Outcome::StillRunning => fail_not_returned(),
    };
    let producer = handle.thread().id();
    // A producer may panic on the failed send (an `unwrap`): fine here.
    let _ = try_join_within(handle, PROMPTLY, ("the producer", "o produtor"));
    let dropped_on = dropped_on
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let on_caller: Vec<u32> = dropped_on
        .iter()
        .filter(|(_, thread)| *thread == caller)
        .map(|(id, _)| *id)
        .collect();
    check(
        on_caller.is_empty(),
        format!(
            "with the collector gone, every send fails and hands its message back to the \
             thread that called send. Items {on_caller:?} came back on the thread that \
             called spawn_producer, so they were sent from there, not from the producer's \
             thread (a thread that does nothing, next to sends made by the caller, only \
             looks like a producer). Move the items and tx into thread::spawn and send \
             inside it."
        ),
        format!(
            "com o coletor descartado, todo send falha e devolve a sua mensagem para a \
             thread que chamou send. Os itens {on_caller:?} voltaram na thread que chamou \
             spawn_producer, então foram enviados dali, e não da thread do produtor (uma \
             thread que não faz nada, ao lado de envios feitos por quem chamou, só parece \
             um produtor). Mova os itens e o tx para dentro de thread::spawn e envie lá \
             dentro."
        ),
    );
    check(
        dropped_on.len() == 3 && dropped_on.iter().all(|(_, thread)| *thread == producer),
        format!(
            "the producer's 3 items should all end on the producer's own thread (the one \
             whose handle spawn_producer returned), where its failed sends hand them back; \
             {} were dropped, {} of them on the producer's thread",
            dropped_on.len(),
            dropped_on.iter().filter(|(_, t)| *t == producer).count()
        ),
        format!(
            "os 3 itens do produtor deveriam terminar todos na própria thread do produtor (a \
             do handle que spawn_producer devolveu), onde os sends que falham os devolvem; \
             foram descartados {} vezes, {} delas na thread do produtor",
            dropped_on.len(),
            dropped_on.iter().filter(|(_, t)| *t == producer).count()
        ),
    );
}
