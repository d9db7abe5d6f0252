//! Exercise 06: the program that never ends.
//! Exercício 06: o programa que nunca termina.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify
//!
//! Run it yourself:
//!     cargo run -p never_ending_program -- 100 3
//! that is, a base interval of 100 ms and 3 messages per producer. While it
//! runs, type a few lines: one more producer sends each of them. End your
//! input with Ctrl+D (Ctrl+Z then Enter on Windows); Ctrl+C stops it all.
//!
//! Rode você mesmo, com o comando acima: um intervalo base de 100 ms e 3
//! mensagens por produtor. Enquanto ele roda, digite algumas linhas: mais um
//! produtor envia cada uma delas. Termine a entrada com Ctrl+D (Ctrl+Z e Enter
//! no Windows); Ctrl+C para tudo.

use std::env;
use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

/// How many producers the program starts, as in the chapter.
///
/// Quantos produtores o programa cria, como no capítulo.
const PRODUCERS: u32 = 10;

fn main() {
    let (base_interval, messages) = settings();
    let (tx, rx): (Sender<String>, Receiver<String>) = channel();

    // One producer sends every line typed on the standard input, through a
    // clone of its own, until the input ends; then its thread ends and its
    // clone is dropped.
    // Um produtor envia cada linha digitada na entrada padrão, por um clone só
    // dele, até a entrada acabar; então a thread dele termina e o clone é
    // descartado.
    let typist = tx.clone();
    thread::spawn(move || {
        let consumer_outlives = tr(
            "the consumer outlives the producers",
            "o consumidor vive mais que os produtores",
        );
        for line in io::stdin().lines().map_while(Result::ok) {
            typist
                .send(format!("input: {line}"))
                .expect(consumer_outlives);
        }
    });
    // Ten more producers, each with its own clone of `tx`. Producer `number`
    // sends `messages` messages and rests `number × base_interval` after
    // each one; then its thread ends and its clone is dropped.
    // Mais dez produtores, cada um com o seu próprio clone de `tx`. O produtor
    // `number` envia `messages` mensagens e descansa `number × base_interval`
    // depois de cada uma; então a thread dele termina e o clone é descartado.
    for number in 1..=PRODUCERS {
        let tx = tx.clone();
        thread::spawn(move || {
            let consumer_outlives = tr(
                "the consumer outlives the producers",
                "o consumidor vive mais que os produtores",
            );
            for seq in 1..=messages {
                tx.send(format!("producer {number}, #{seq}"))
                    .expect(consumer_outlives);
                thread::sleep(base_interval * number);
            }
        });
    }
    // main's own `tx` sends nothing, yet as long as it lives the channel
    // stays open and the consumer's `recv` keeps waiting for it. Dropping
    // it here, once every producer has its clone, leaves the producers'
    // clones as the only Senders: when the last producer ends (the typist
    // at the end of the input), `recv` returns `Err` and the consumer's loop
    // ends. Only the closed channel can tell the consumer that nothing more
    // will come: counting messages or waiting for a quiet moment would stop
    // it while the typist may still send.
    drop(tx);

    // The consumer: prints every message until the channel closes, then
    // says how many it got.
    // O consumidor: imprime cada mensagem até o canal fechar, e então diz
    // quantas recebeu.
    let consumer = thread::spawn(move || {
        let mut received = 0;
        while let Ok(message) = rx.recv() {
            println!("message from {message}");
            received += 1;
        }
        received
    });
    let consumer_panicked = tr(
        "the consumer thread panicked",
        "a thread consumidora entrou em pânico",
    );
    let received = consumer.join().expect(consumer_panicked);
    println!("received {received} messages");
}

/// The base interval and the number of messages per producer, from the
/// command line: `never_ending_program [BASE_INTERVAL_MS] [MESSAGES]`.
///
/// O intervalo base e o número de mensagens por produtor, da linha de comando:
/// `never_ending_program [BASE_INTERVAL_MS] [MESSAGES]`.
fn settings() -> (Duration, u32) {
    let mut args = env::args().skip(1);
    let base_interval_ms = args.next().map_or(100, |arg| {
        let not_a_number = tr(
            "BASE_INTERVAL_MS must be a whole number of milliseconds",
            "BASE_INTERVAL_MS precisa ser um número inteiro de milissegundos",
        );
        arg.parse().expect(not_a_number)
    });
    let messages = args.next().map_or(3, |arg| {
        let not_a_number = tr(
            "MESSAGES must be a whole number",
            "MESSAGES precisa ser um número inteiro",
        );
        arg.parse().expect(not_a_number)
    });
    (Duration::from_millis(base_interval_ms), messages)
}

/// Picks the text in the learner's language, as the tests do: the first of
/// `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is not empty decides,
/// and a value starting with `pt` means Portuguese.
///
/// Escolhe o texto na língua do aluno, como os testes fazem: decide a
/// primeira de `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` que não estiver
/// vazia, e um valor que começa com `pt` quer dizer português.
fn tr<T>(en: T, pt: T) -> T {
    let mut code = String::new();
    for name in ["COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if code.is_empty() {
            code = std::env::var(name).unwrap_or_default();
        }
    }
    if code.to_ascii_lowercase().starts_with("pt") {
        pt
    } else {
        en
    }
}
