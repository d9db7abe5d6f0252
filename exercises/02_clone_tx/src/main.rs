//! Runs your two producers from `src/lib.rs`: each sends one greeting on the
//! same channel, and this program prints both as they arrive.
//! You do not need to change this file.
//!
//! Roda os seus dois produtores de `src/lib.rs`: cada um envia uma saudação
//! no mesmo canal, e este programa imprime as duas conforme chegam.
//! Você não precisa mudar este arquivo.

use std::sync::mpsc::channel;

fn main() {
    let (tx, rx) = channel::<String>();
    let (first, second) = clone_tx::start_two_producers(tx, |n| format!("hello from producer {n}"));
    let one_each = tr(
        "each producer sends one message",
        "cada produtor envia uma mensagem",
    );
    // Two producers, one message each. Which one arrives first is up to the
    // threads, so the order of these lines can change from run to run.
    // Dois produtores, uma mensagem cada. Qual chega primeiro depende das
    // threads, então a ordem destas linhas pode mudar de uma execução para
    // outra.
    for _ in 0..2 {
        let message = rx.recv().expect(one_each);
        println!("received: {message}");
    }
    let first_panicked = tr("producer 1 panicked", "o produtor 1 entrou em pânico");
    first.join().expect(first_panicked);
    let second_panicked = tr("producer 2 panicked", "o produtor 2 entrou em pânico");
    second.join().expect(second_panicked);
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
