//! Exercise 16: scoped producers.
//! Exercício 16: produtores com escopo.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::channel;
use std::thread;

/// Shares the lines of `text` out among `producers` producer threads, in
/// consecutive runs of about the same length (the first producer takes the
/// first lines, and so on). Each producer sends `make(line)` for each of its
/// lines, in order, down one channel; the calling thread is the consumer and
/// calls `consume` for each result as it arrives.
///
/// The producers borrow `text` and `make`: nothing is copied, nothing needs
/// to be `'static`. Returns once every result has been consumed and every
/// producer has ended.
///
/// Reparte as linhas de `text` entre `producers` threads produtoras, em trechos
/// seguidos de tamanho parecido (o primeiro produtor fica com as primeiras
/// linhas, e assim por diante). Cada produtor envia `make(line)` para cada uma
/// das suas linhas, em ordem, por um só canal; a thread que chamou é o
/// consumidor e chama `consume` para cada resultado assim que ele chega.
///
/// Os produtores pegam emprestados `text` e `make`: nada é copiado, nada
/// precisa ser `'static`. Retorna quando todo resultado foi consumido e todo
/// produtor terminou.
pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    consume: impl Fn(R),
) {
    // Slices of `text`, not copies: every `&str` here points into it.
    let lines: Vec<&str> = text.lines().collect();
    let per_producer = lines.len().div_ceil(producers.max(1)).max(1);
    let (tx, rx) = channel();
    // Threads started in a scope may borrow what outlives the scope (the
    // lines, `make`), because the scope does not end before they do.
    thread::scope(|scope| {
        let make = &make;
        for share in lines.chunks(per_producer) {
            let tx = tx.clone();
            scope.spawn(move || {
                for line in share {
                    tx.send(make(line))
                        .expect("the consumer outlives the producers");
                }
            });
        }
        // Only the producers' clones may keep the channel open, or the loop
        // below would wait for this one forever, and the scope with it.
        drop(tx);
        for result in rx {
            consume(result);
        }
    });
}
