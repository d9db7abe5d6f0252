//! Runs your producer from `src/lib.rs` and prints every message it sends.
//!
//! Usage: `cargo run -p loop_send -- [COUNT] [INTERVAL_MS]`
//! (by default 3 messages, 10 ms apart).
//! You do not need to change this file.
//!
//! Roda o seu produtor de `src/lib.rs` e imprime cada mensagem que ele envia.
//!
//! Uso: `cargo run -p loop_send -- [COUNT] [INTERVAL_MS]`
//! (por padrão 3 mensagens, com 10 ms entre uma e outra).
//! Você não precisa mudar este arquivo.

use std::str::FromStr;
use std::sync::mpsc::channel;
use std::time::Duration;

fn main() {
    let count: usize = arg_or(1, 3);
    let interval = Duration::from_millis(arg_or(2, 10));

    let (tx, rx) = channel::<String>();
    let producer = loop_send::spawn_producer(tx, count, interval);
    // `recv` waits for the next message. Once the producer's loop is over,
    // its Sender is dropped, `recv` returns `Err`, and this loop ends.
    // `recv` espera a próxima mensagem. Quando o laço do produtor acaba, o
    // Sender dele é descartado, `recv` devolve `Err`, e este laço termina.
    while let Ok(message) = rx.recv() {
        println!("received: {message}");
    }
    let producer_panicked = tr(
        "the producer thread panicked",
        "a thread produtora entrou em pânico",
    );
    producer.join().expect(producer_panicked);
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
            eprintln!("loop_send: {problem} {text:?}");
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
