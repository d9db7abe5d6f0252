//! Exercise 15: a pipeline.
//! Exercício 15: um pipeline.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::channel;
use std::thread;

/// Runs `source` through three stages, each on a thread of its own,
/// connected by channels:
///
/// 1. **parse**: takes the items of `source` one by one, in order, and sends
///    `parse(item)` down the first channel;
/// 2. **transform**: receives from the first channel and sends
///    `transform(value)` down the second;
/// 3. **collect**: receives from the second channel and calls
///    `collect(result)` for each.
///
/// Every stage keeps the order it received things in. When `source` runs
/// out, the shutdown cascades: each stage ends once its input channel is
/// closed, and closes its output by ending. Returns once all three stages
/// have finished.
///
/// Passa `source` por três estágios, cada um numa thread própria, ligados por
/// canais:
///
/// 1. **parse**: pega os itens de `source` um a um, em ordem, e envia
///    `parse(item)` pelo primeiro canal;
/// 2. **transform**: recebe do primeiro canal e envia `transform(value)` pelo
///    segundo;
/// 3. **collect**: recebe do segundo canal e chama `collect(result)` para cada
///    um.
///
/// Cada estágio mantém a ordem em que recebeu as coisas. Quando `source` se
/// esgota, o encerramento desce em cascata: cada estágio termina quando o seu
/// canal de entrada fecha, e fecha a sua saída ao terminar. Retorna quando os
/// três estágios tiverem terminado.
pub fn run_pipeline<A, B, C>(
    source: Vec<A>,
    parse: impl Fn(A) -> B + Send + 'static,
    transform: impl Fn(B) -> C + Send + 'static,
    collect: impl Fn(C) + Send + 'static,
) where
    A: Send + 'static,
    B: Send + 'static,
    C: Send + 'static,
{
    let (parsed_tx, parsed_rx) = channel();
    let (transformed_tx, transformed_rx) = channel();

    // Each Sender moves into the one stage that sends on it, so it is
    // dropped when that stage ends: the source running out ends `parse`,
    // which closes the first channel and ends `transform`, which closes the
    // second and ends `collect`.
    let stages = [
        thread::spawn(move || {
            for item in source {
                parsed_tx
                    .send(parse(item))
                    .expect("transform outlives parse");
            }
        }),
        thread::spawn(move || {
            for value in parsed_rx {
                transformed_tx
                    .send(transform(value))
                    .expect("collect outlives transform");
            }
        }),
        thread::spawn(move || {
            for result in transformed_rx {
                collect(result);
            }
        }),
    ];
    for stage in stages {
        stage.join().expect("a stage of the pipeline panicked");
    }
}
