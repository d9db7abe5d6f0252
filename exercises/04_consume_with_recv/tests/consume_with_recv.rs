//! The specification of exercise 04. Read it: each test says what your
//! `spawn_consumer` must do, and fails with a message that says why.
//!
//! In every test, the test itself plays the producer: it keeps `tx`, sends,
//! and decides when the last Sender goes away.

use std::sync::mpsc::{Receiver, channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use consume_with_recv::spawn_consumer;
use course_support::{
    Census, Outcome, PATIENCE, check, fail, find_program, human, process_cpu_time,
    program_succeeded, quote, start_call, try_join_within, wait_until,
};
use predicates::prelude::*;

/// How long the tests leave the channel open and empty to see whether the
/// consumer keeps waiting (and how much CPU it burns meanwhile).
const QUIET: Duration = Duration::from_millis(300);
/// How often the test looks at the consumer's thread during that moment.
const LOOK_EVERY: Duration = Duration::from_millis(5);

/// Calls the learner's `spawn_consumer` while the test still holds a Sender
/// and has sent nothing.
///
/// It must return at once: the waiting belongs to the new thread. If it
/// receives on the caller's thread instead, it blocks for good (the Sender is
/// alive, so `recv` keeps waiting): the test sees that thread asleep in its
/// wait and says so (or, where the system does not tell, stops it after
/// `PATIENCE`).
fn start(rx: Receiver<String>) -> JoinHandle<Vec<String>> {
    let call = start_call(Some("spawn_consumer"), move || spawn_consumer(rx));
    let mut stillness = call.stillness();
    let mut asleep = false;
    let outcome = call.outcome_until(Instant::now() + PATIENCE, || {
        asleep = stillness.asleep_for(ASLEEP);
        asleep
    });
    match outcome {
        Outcome::Returned(consumer) => consumer,
        Outcome::Panicked(text) => fail(
            format!("spawn_consumer(..) panicked: {text}"),
            format!("spawn_consumer(..) entrou em pânico: {text}"),
        ),
        Outcome::StillRunning => {
            let (waited_en, waited_pt) = if asleep {
                (
                    "did not return: it sat waiting on its caller's thread".to_owned(),
                    "não retornou: ficou esperando na thread de quem a chamou".to_owned(),
                )
            } else {
                (
                    format!("did not return within {}", human(PATIENCE)),
                    format!("não retornou em {}", human(PATIENCE)),
                )
            };
            fail(
                format!(
                    "spawn_consumer(..) {waited_en}. It should start a thread with \
                     thread::spawn and return its JoinHandle at once; the `while let` loop \
                     belongs inside that thread. On the caller's thread, recv waits \
                     forever: the test still holds a Sender"
                ),
                format!(
                    "spawn_consumer(..) {waited_pt}. Ela deveria criar uma thread com \
                     thread::spawn e devolver o JoinHandle na hora; o laço `while let` fica \
                     dentro dessa thread. Na thread de quem chamou, o recv espera para \
                     sempre: o teste ainda tem um Sender"
                ),
            )
        }
    }
}

/// How long `spawn_consumer`'s own thread may sit asleep before the test
/// knows it waits in `recv`: starting a thread never puts the caller to
/// sleep.
const ASLEEP: Duration = Duration::from_millis(50);

/// How much CPU time the test process may use, after the last Sender was
/// dropped, while the consumer has not ended: one that ends uses next to
/// none; one whose loop ignores the Err spins at full speed.
const SPIN: Duration = Duration::from_millis(100);

/// Waits for the consumer to end, once the test has dropped every Sender,
/// and returns what it received. A panic inside the consumer fails the test
/// with the thread's own message, and says what it means. (Not
/// `#[track_caller]`: every test that fails here for the same reason points
/// at the same line, and is told once.)
fn join_consumer(consumer: JoinHandle<Vec<String>>) -> Vec<String> {
    let cpu_before = process_cpu_time();
    let spinning = || match (cpu_before, process_cpu_time()) {
        (Some(before), Some(now)) => now >= before + SPIN,
        _ => false,
    };
    wait_until(Instant::now() + PATIENCE, Duration::from_millis(2), || {
        consumer.is_finished() || spinning()
    });
    if !consumer.is_finished() {
        let (running_en, running_pt) = if spinning() {
            (
                format!(
                    "was still running, and spinning through {} of CPU time,",
                    human(SPIN)
                ),
                format!("ainda rodava, girando por {} de tempo de CPU,", human(SPIN)),
            )
        } else {
            (
                format!("was still running {}", human(PATIENCE)),
                format!("ainda rodava {}", human(PATIENCE)),
            )
        };
        fail(
            format!(
                "the consumer {running_en} after the last Sender was dropped. Once the \
                 channel is closed and empty, recv returns Err: \
                 `while let Ok(message) = rx.recv()` stops right there, but a `loop` \
                 that ignores the Err (`loop {{ if let Ok(..) = rx.recv() {{ .. }} }}`) \
                 never ends"
            ),
            format!(
                "o consumidor {running_pt} depois de o último Sender ser descartado. Com o \
                 canal fechado e vazio, o recv devolve Err: \
                 `while let Ok(message) = rx.recv()` para bem aí, mas um `loop` que \
                 ignora o Err (`loop {{ if let Ok(..) = rx.recv() {{ .. }} }}`) nunca \
                 termina"
            ),
        );
    }
    let outcome = try_join_within(consumer, Duration::ZERO, ("", ""));
    match outcome {
        Ok(received) => received,
        Err(panicked) if panicked.contains("RecvError") => fail(
            format!(
                "the consumer thread panicked ({panicked}) once the last Sender was gone: \
                 recv() returned Err(RecvError), and the code unwrapped it. RecvError is not \
                 a failure: it is how recv says that every Sender is gone and nothing is left \
                 to read, the normal end of the stream. End the loop there: \
                 `while let Ok(message) = rx.recv()` stops at the first Err, and the thread \
                 returns what it kept"
            ),
            format!(
                "a thread consumidora entrou em pânico ({panicked}) quando o último Sender \
                 sumiu: o recv() devolveu Err(RecvError), e o código fez unwrap nele. RecvError \
                 não é uma falha: é o jeito de o recv dizer que todos os Senders sumiram e não \
                 há mais nada para ler, o fim normal do fluxo. Termine o laço aí: \
                 `while let Ok(message) = rx.recv()` para no primeiro Err, e a thread devolve \
                 o que guardou"
            ),
        ),
        Err(panicked) => fail(
            format!("the consumer thread panicked: {panicked}"),
            format!("a thread consumidora entrou em pânico: {panicked}"),
        ),
    }
}

/// Fails unless the consumer is still running, with `situation` saying (in
/// both languages) why it must be.
#[track_caller]
fn check_still_waiting(consumer: &JoinHandle<Vec<String>>, situation: (&str, &str)) {
    let (en, pt) = situation;
    check(
        !consumer.is_finished(),
        format!(
            "the consumer thread had already ended, although {en}. recv waits for the next \
             message as long as any Sender is alive; it does not give up on an empty channel"
        ),
        format!(
            "a thread consumidora já tinha terminado, embora {pt}. O recv espera pela próxima \
             mensagem enquanto existir algum Sender; ele não desiste de um canal vazio"
        ),
    );
}

#[test]
fn every_message_is_received_in_order() {
    let (tx, rx) = channel();
    let consumer = start(rx);
    let sent: Vec<String> = ["one", "two", "three", "four", "five"]
        .map(String::from)
        .to_vec();
    for message in &sent {
        tx.send(message.clone())
            .unwrap_or_else(|_| consumer_gone_early());
    }
    drop(tx);
    let received = join_consumer(consumer);
    check(
        received == sent,
        format!("sent {sent:?}, but the consumer returned {received:?}"),
        format!("foi enviado {sent:?}, mas o consumidor devolveu {received:?}"),
    );
}

#[test]
fn the_consumer_waits_on_its_own_thread() {
    let (tx, rx) = channel();
    // `start` already proved that spawn_consumer returned while nothing had
    // been sent; the consumer's thread must now be blocked in recv.
    let consumer = start(rx);
    thread::sleep(Duration::from_millis(10));
    check_still_waiting(
        &consumer,
        (
            "a Sender was alive and nothing had been sent yet",
            "houvesse um Sender vivo e nada tivesse sido enviado ainda",
        ),
    );
    tx.send("sent after the consumer started".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    drop(tx);
    let received = join_consumer(consumer);
    check(
        received == ["sent after the consumer started"],
        format!(
            "the consumer should return the one message sent after it started; it returned {received:?}"
        ),
        format!(
            "o consumidor deveria devolver a única mensagem enviada depois que ele começou; devolveu {received:?}"
        ),
    );
}

#[test]
fn the_consumer_sleeps_while_it_waits() {
    let (tx, rx) = channel();
    let census = Census::take();
    let consumer = start(rx);
    // A long quiet moment: the channel is open and empty. A consumer blocked
    // in recv sleeps in the kernel and uses no CPU meanwhile; one that polls
    // (try_recv in a loop) is always running or ready to run, and keeps a
    // core busy. Where the system tells, the test looks at the threads the
    // code started, every few milliseconds: how they wait does not depend
    // on how busy the machine is. And only a clear excess of CPU time
    // fails: on a busy machine a poller may get less, a blocked thread
    // never gets more.
    let started = census
        .as_ref()
        .and_then(Census::newcomers)
        .unwrap_or_default();
    let mut looks = vec![(0u32, 0u32); started.len()];
    let cpu_before = process_cpu_time();
    let quiet_ends = Instant::now() + QUIET;
    while Instant::now() < quiet_ends {
        for (thread, (seen, awake)) in started.iter().zip(looks.iter_mut()) {
            if let Some(asleep) = thread.asleep() {
                *seen += 1;
                *awake += u32::from(!asleep);
            }
        }
        thread::sleep(LOOK_EVERY);
    }
    let cpu_used = process_cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after.saturating_sub(before));
    // Awake at four looks in five, or more: never asleep in a wait.
    let polls = looks
        .iter()
        .any(|&(seen, awake)| seen >= 10 && awake * 5 >= seen * 4);
    check_still_waiting(
        &consumer,
        (
            &format!(
                "a Sender was alive and nothing had been sent for {}",
                human(QUIET)
            ),
            &format!(
                "houvesse um Sender vivo e nada tivesse sido enviado por {}",
                human(QUIET)
            ),
        ),
    );
    let too_much_cpu = cpu_used.filter(|&used| used >= QUIET / 4);
    if polls || too_much_cpu.is_some() {
        let (seen_en, seen_pt) = match too_much_cpu {
            Some(used) => (
                format!("this test program used {} of CPU time", human(used)),
                format!("este programa de teste usou {} de CPU", human(used)),
            ),
            None => (
                "the consumer's thread was running, never asleep in a wait".to_owned(),
                "a thread consumidora estava rodando, nunca adormecida numa espera".to_owned(),
            ),
        };
        fail(
            format!(
                "while nothing was sent for {}, {seen_en}: the consumer seems to poll the \
                 channel (try_recv in a loop?) instead of blocking in recv. recv puts the \
                 thread to sleep until a message comes or the channel closes, and costs \
                 nothing while it waits; a polling loop keeps a whole core busy for nothing",
                human(QUIET),
            ),
            format!(
                "enquanto nada foi enviado por {}, {seen_pt}: o consumidor parece consultar o \
                 canal sem parar (try_recv num laço?) em vez de bloquear no recv. O recv põe a \
                 thread para dormir até chegar uma mensagem ou o canal fechar, e não custa \
                 nada enquanto espera; um laço de consulta mantém um núcleo inteiro ocupado à \
                 toa",
                human(QUIET),
            ),
        );
    }
    tx.send("after the quiet moment".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    drop(tx);
    let received = join_consumer(consumer);
    check(
        received == ["after the quiet moment"],
        format!(
            "the consumer should return the one message sent after the quiet moment; it \
             returned {received:?}"
        ),
        format!(
            "o consumidor deveria devolver a única mensagem enviada depois do momento de \
             silêncio; devolveu {received:?}"
        ),
    );
}

#[test]
fn the_consumer_keeps_waiting_while_a_sender_lives() {
    let (tx, rx) = channel();
    let consumer = start(rx);
    tx.send("early".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    // A quiet moment: the channel is empty but not closed.
    thread::sleep(Duration::from_millis(20));
    check_still_waiting(
        &consumer,
        (
            "the test still held its Sender and was about to send again",
            "o teste ainda tivesse o seu Sender e fosse enviar de novo",
        ),
    );
    tx.send("late".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    drop(tx);
    let received = join_consumer(consumer);
    check(
        received == ["early", "late"],
        format!("sent \"early\", paused, then sent \"late\"; the consumer returned {received:?}"),
        format!(
            "foi enviado \"early\", houve uma pausa, depois foi enviado \"late\"; o consumidor devolveu {received:?}"
        ),
    );
}

#[test]
fn the_consumer_ends_when_the_last_sender_is_dropped() {
    let (tx, rx) = channel();
    let clone = tx.clone();
    let consumer = start(rx);
    tx.send("from tx".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    drop(tx);
    thread::sleep(Duration::from_millis(10));
    // One Sender is gone, but its clone is still alive: the channel is open.
    check_still_waiting(
        &consumer,
        (
            "only tx had been dropped and its clone was still alive",
            "só o tx tivesse sido descartado e o seu clone continuasse vivo",
        ),
    );
    clone
        .send("from the clone".to_string())
        .unwrap_or_else(|_| consumer_gone_early());
    // Now the last Sender goes, the channel closes, and recv returns Err.
    drop(clone);
    let received = join_consumer(consumer);
    check(
        received == ["from tx", "from the clone"],
        format!("expected [\"from tx\", \"from the clone\"], the consumer returned {received:?}"),
        format!(
            "era esperado [\"from tx\", \"from the clone\"], o consumidor devolveu {received:?}"
        ),
    );
}

#[test]
fn the_program_prints_every_message_and_ends() {
    let started = Instant::now();
    let result = find_program("consume_with_recv", Command::cargo_bin)
        .args(["3", "5"])
        .timeout(PATIENCE)
        .output();
    let stdout = program_succeeded(
        result,
        started,
        PATIENCE,
        (
            format!(
                "`consume_with_recv 3 5` was still running after {} and was stopped. Its producer \
                 sends 3 messages and drops its Sender; from then on recv returns Err, and a \
                 `while let Ok(..)` loop ends, so the consumer can be joined",
                human(PATIENCE)
            ),
            format!(
                "`consume_with_recv 3 5` ainda rodava depois de {} e foi interrompido. O produtor \
                 envia 3 mensagens e descarta o seu Sender; a partir daí o recv devolve Err, e um \
                 laço `while let Ok(..)` termina, para que o join do consumidor volte",
                human(PATIENCE)
            ),
        ),
    );
    let expected = "message from thread: message 0\n\
                    message from thread: message 1\n\
                    message from thread: message 2\n\
                    the consumer received 3 messages\n";
    check(
        predicate::str::contains(expected).eval(stdout.as_str()),
        format!(
            "`consume_with_recv 3 5` should print these lines, in this order (the first three \
             from your consumer, as each message arrives):\n{}it printed:\n{}",
            quote(expected.as_bytes()),
            quote(stdout.as_bytes())
        ),
        format!(
            "`consume_with_recv 3 5` deveria imprimir estas linhas, nesta ordem (as três \
             primeiras pelo seu consumidor, à medida que cada mensagem chega):\n{}imprimiu:\n{}",
            quote(expected.as_bytes()),
            quote(stdout.as_bytes())
        ),
    );
}

/// A send from the test failed: the Receiver is gone, so the consumer thread
/// ended (or dropped `rx`) while the test was still sending. (Not
/// `#[track_caller]`: every test that fails here is told once.)
fn consumer_gone_early() -> ! {
    fail(
        "the test could not send: the consumer had already dropped the Receiver (its thread \
         had ended). recv waits for the next message as long as any Sender is alive; it does \
         not give up on an empty channel: keep receiving until every Sender is gone",
        "o teste não conseguiu enviar: o consumidor já tinha descartado o Receiver (a thread \
         dele tinha terminado). O recv espera pela próxima mensagem enquanto existir algum \
         Sender; ele não desiste de um canal vazio: continue recebendo até todos os Senders \
         sumirem",
    )
}
