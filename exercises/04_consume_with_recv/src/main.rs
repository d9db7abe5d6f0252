//! Runs a producer and your consumer from `src/lib.rs`: the producer sends a
//! few messages and stops, your consumer prints them as they arrive.
//!
//! Usage: `cargo run -p consume_with_recv -- [COUNT] [INTERVAL_MS]`
//! (by default 3 messages, 10 ms apart).
//! You do not need to change this file.
//!
//! Roda um produtor e o seu consumidor de `src/lib.rs`: o produtor envia
//! algumas mensagens e para, o seu consumidor as imprime conforme chegam.
//!
//! Uso: `cargo run -p consume_with_recv -- [COUNT] [INTERVAL_MS]`
//! (por padrão 3 mensagens, com 10 ms entre uma e outra).
//! Você não precisa mudar este arquivo.

use std::str::FromStr;
use std::sync::mpsc::channel;
use std::thread;
use std::time::Duration;

fn main() {
    let count: usize = arg_or(1, 3);
    let interval = Duration::from_millis(arg_or(2, 10));

    let (tx, rx) = channel::<String>();
    // A producer like the one of exercise 03: `count` messages, a pause after
    // each, then the thread ends and drops `tx`, the only Sender.
    // Um produtor como o do exercício 03: `count` mensagens, uma pausa depois
    // de cada uma, e então a thread termina e descarta `tx`, o único Sender.
    let producer = thread::spawn(move || {
        let still_receiving = tr(
            "the consumer should still be receiving",
            "o consumidor ainda deveria estar recebendo",
        );
        for i in 0..count {
            tx.send(format!("message {i}")).expect(still_receiving);
            thread::sleep(interval);
        }
    });
    let consumer = consume_with_recv::spawn_consumer(rx);

    let consumer_panicked = tr(
        "the consumer thread panicked",
        "a thread consumidora entrou em pânico",
    );
    // This `join` waits for the consumer's loop to end, which can only happen
    // once the producer is done and its Sender is gone.
    // Este `join` espera o laço do consumidor terminar, o que só acontece
    // depois que o produtor acabou e o Sender dele sumiu.
    let received = consumer.join().expect(consumer_panicked);
    let producer_panicked = tr(
        "the producer thread panicked",
        "a thread produtora entrou em pânico",
    );
    producer.join().expect(producer_panicked);
    println!("the consumer received {} messages", received.len());
}

/// The command-line argument at `position` as a number, or `default` when
/// there is none. Anything that is not a number ends the program.
///
/// O argumento da linha de comando na posição `position` como número, ou
/// `default` quando ele não existe. Qualquer coisa que não seja um número
/// encerra o programa.
fn arg_or<T: FromStr>(position: usize, default: T) -> T {
    match std::env::args().nth(position) {
        None => default,
        Some(text) => text.parse().unwrap_or_else(|_| {
            let problem = tr(
                "expected a whole number, got",
                "esperava um número inteiro, veio",
            );
            eprintln!("consume_with_recv: {problem} {text:?}");
            std::process::exit(2)
        }),
    }
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
