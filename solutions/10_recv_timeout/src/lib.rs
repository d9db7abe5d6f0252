//! Exercise 10: recv_timeout.
//! Exercício 10: recv_timeout.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::Duration;

/// How a watch ended.
///
/// Como terminou um `watch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every `Sender` was dropped: the producer finished cleanly, after
    /// sending `received` messages.
    ///
    /// Todos os `Sender`s foram descartados: o produtor terminou direito,
    /// depois de enviar `received` mensagens.
    Finished { received: u32 },
    /// `max_missed` beats in a row passed without a message while a `Sender`
    /// was still alive: the producer went silent after `received` messages.
    ///
    /// Passaram `max_missed` batidas seguidas sem mensagem enquanto um `Sender`
    /// ainda estava vivo: o produtor se calou depois de `received` mensagens.
    WentSilent { received: u32 },
}

/// Watches a producer that should send something at least once every
/// `beat`, and counts its messages until it either finishes or goes silent.
///
/// A `beat` that passes without a message is a missed beat. A single missed
/// beat is not the end: the producer may just be slow. Every message starts
/// the count of missed beats over; `max_missed` missed beats in a row mean
/// the producer went silent.
///
/// Vigia um produtor que deveria enviar algo pelo menos uma vez a cada `beat`,
/// e conta as mensagens dele até ele terminar ou se calar.
///
/// Um `beat` que passa sem mensagem é uma batida perdida. Uma só batida perdida
/// não é o fim: o produtor pode estar só lento. Cada mensagem zera a contagem
/// de batidas perdidas; `max_missed` batidas perdidas seguidas querem dizer que
/// o produtor se calou.
pub fn watch<T>(rx: &Receiver<T>, beat: Duration, max_missed: u32) -> Ending {
    let mut received = 0;
    let mut missed = 0;
    loop {
        match rx.recv_timeout(beat) {
            Ok(_) => {
                received += 1;
                missed = 0;
            }
            // A Sender is alive but said nothing for a whole beat: worrying,
            // not final. Give up only after `max_missed` of these in a row.
            Err(RecvTimeoutError::Timeout) => {
                missed += 1;
                if missed >= max_missed {
                    return Ending::WentSilent { received };
                }
            }
            // Every Sender is gone and nothing is left: the producer is done,
            // and recv_timeout says so at once, without waiting out the beat.
            Err(RecvTimeoutError::Disconnected) => return Ending::Finished { received },
        }
    }
}
