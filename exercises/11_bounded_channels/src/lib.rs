//! Exercise 11: bounded channels.
//! Exercício 11: canais com limite.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Receiver, SyncSender, channel};
use std::thread::{self, JoinHandle};

/// Starts `producers` producers, numbered from 1, each on a thread of its
/// own, all sending on one bounded channel that holds at most `capacity`
/// messages.
///
/// Producer `number` sends `(number, 0)`, `(number, 1)`, ...,
/// `(number, per_producer - 1)` through its own clone of the channel's
/// `SyncSender`, and calls `on_sent(message)` as soon as each `send` has
/// returned. When the channel is full, the producers wait; the caller never
/// does: this function returns at once, with the receiving end and the
/// producers' handles. A `capacity` of 0 makes a rendezvous channel.
///
/// Cria `producers` produtores, numerados a partir de 1, cada um na sua própria
/// thread, todos enviando num canal com limite que guarda no máximo `capacity`
/// mensagens.
///
/// O produtor `number` envia `(number, 0)`, `(number, 1)`, ...,
/// `(number, per_producer - 1)` pelo seu próprio clone do `SyncSender` do
/// canal, e chama `on_sent(message)` assim que cada `send` retorna. Com o canal
/// cheio, os produtores esperam; quem chama nunca espera: esta função retorna
/// na hora, com a ponta de recepção e os handles dos produtores. Uma `capacity`
/// de 0 cria um canal de encontro marcado.
pub fn start_producers(
    capacity: usize,
    producers: u32,
    per_producer: u32,
    on_sent: impl Fn((u32, u32)) + Clone + Send + 'static,
) -> (Receiver<(u32, u32)>, Vec<JoinHandle<()>>) {
    // ✏️  Your code goes here / Seu código vai aqui.
    // This uses an unbounded channel(): it ignores `capacity`, and the
    // producers never wait, however far behind the consumer is.
    // Isto usa um channel() sem limite: ignora `capacity`, e os produtores
    // nunca esperam, por mais atrasado que o consumidor esteja.
    let _ = capacity;
    let (tx, rx) = channel();
    let handles = (1..=producers)
        .map(|number| {
            let tx = tx.clone();
            let on_sent = on_sent.clone();
            thread::spawn(move || {
                for seq in 0..per_producer {
                    // A producer whose consumer is gone has nobody to work for.
                    // Um produtor cujo consumidor sumiu não tem para quem
                    // trabalhar.
                    if tx.send((number, seq)).is_err() {
                        return;
                    }
                    on_sent((number, seq));
                }
            })
        })
        .collect();
    (rx, handles)
}

/// What became of the readings offered to a bounded channel.
///
/// O que aconteceu com as leituras oferecidas a um canal com limite.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Offered {
    /// The readings the channel took, in order.
    ///
    /// As leituras que o canal aceitou, em ordem.
    pub accepted: Vec<u32>,
    /// The readings that did not fit because the channel was full, in order.
    ///
    /// As leituras que não couberam porque o canal estava cheio, em ordem.
    pub dropped: Vec<u32>,
    /// The reading handed back because the Receiver is gone. Nothing after
    /// it was offered.
    ///
    /// A leitura devolvida porque o Receiver sumiu. Nada depois dela foi
    /// oferecido.
    pub returned: Option<u32>,
}

/// Offers each of `readings`, in order, on `tx` without ever waiting.
///
/// A reading that does not fit right now (the channel is full) is dropped
/// and noted in `dropped`, and the next one is offered. If the Receiver is
/// gone, the refused reading goes in `returned` and the offers stop there.
///
/// Oferece cada uma de `readings`, em ordem, em `tx`, sem nunca esperar.
///
/// Uma leitura que não cabe agora (o canal está cheio) é descartada e anotada
/// em `dropped`, e a próxima é oferecida. Se o Receiver sumiu, a leitura
/// recusada vai para `returned` e as ofertas param ali.
pub fn offer_all(tx: &SyncSender<u32>, readings: &[u32]) -> Offered {
    // ✏️  Your code goes here / Seu código vai aqui.
    todo!("offer {readings:?} on {tx:?} with try_send, dropping what does not fit")
}
