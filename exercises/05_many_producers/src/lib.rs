//! Exercise 05: many producers.
//! Exercício 05: muitos produtores.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle};
use std::time::Duration;

/// Starts `producers` producers, numbered from 1, each on a thread of its own
/// and each with its own clone of `tx`.
///
/// Producer `number` sends `make(number, seq)` for every `seq` in
/// `0..per_producer`, in that order, making each message on its own thread
/// just before sending it, and sleeps `number × base_interval` after each
/// send: producer 1 is the quickest, producer 10 is ten times slower.
///
/// `make` is a plain function, so the caller chooses what a message is; the
/// tests pass one that also records which thread made it.
///
/// Returns the producers' `JoinHandle`s, one per producer. `tx` itself stays
/// with the caller, who drops it when it no longer needs it.
///
/// Cria `producers` produtores, numerados a partir de 1, cada um na sua própria
/// thread e com o seu próprio clone de `tx`.
///
/// O produtor `number` envia `make(number, seq)` para cada `seq` de
/// `0..per_producer`, nessa ordem, criando cada mensagem na sua própria thread
/// logo antes de enviá-la, e dorme `number × base_interval` depois de cada
/// envio: o produtor 1 é o mais rápido, o produtor 10 é dez vezes mais lento.
///
/// `make` é uma função comum, então quem chama escolhe o que é uma mensagem; os
/// testes passam uma que também registra qual thread a criou.
///
/// Devolve os `JoinHandle`s dos produtores, um por produtor. O próprio `tx`
/// fica com quem chamou, que o descarta quando não precisar mais dele.
pub fn spawn_producers<T: Send + 'static>(
    tx: &Sender<T>,
    producers: u32,
    per_producer: u32,
    base_interval: Duration,
    make: fn(u32, u32) -> T,
) -> Vec<JoinHandle<()>> {
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now every message is made and sent on the calling thread, one
    // producer after the other, and no thread is started. Give each producer
    // its own clone of `tx` and a thread of its own, and return the threads'
    // handles.
    // Por enquanto toda mensagem é criada e enviada na thread que chamou, um
    // produtor depois do outro, e nenhuma thread é criada. Dê a cada produtor o
    // seu próprio clone de `tx` e a sua própria thread, e devolva os handles
    // das threads.
    for number in 1..=producers {
        for seq in 0..per_producer {
            tx.send(make(number, seq))
                .expect("the Receiver outlives the producers");
            thread::sleep(base_interval * number);
        }
    }
    Vec::new()
}
