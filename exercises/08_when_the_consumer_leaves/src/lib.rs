//! Exercise 08: when the consumer leaves.
//! Exercício 08: quando o consumidor vai embora.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

/// What a producer has to tell when it stops.
///
/// O que um produtor tem a contar quando para.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report<T> {
    /// How many messages `send` accepted.
    ///
    /// Quantas mensagens o `send` aceitou.
    pub sent: u64,
    /// The message `send` refused, handed back by its error.
    ///
    /// A mensagem que o `send` recusou, devolvida pelo erro dele.
    pub returned: T,
}

/// Sends `make(0)`, `make(1)`, `make(2)`, ... on `tx`, pausing `interval`
/// after each one, until `send` fails because the Receiver is gone. Then
/// stops and reports how many messages were sent and which one came back.
///
/// `make` is a plain function, so the caller chooses what a message is: the
/// tests pass one whose messages cannot be cloned and carry a serial number.
///
/// Envia `make(0)`, `make(1)`, `make(2)`, ... em `tx`, com uma pausa de
/// `interval` depois de cada uma, até o `send` falhar porque o Receiver sumiu.
/// Então para e conta quantas mensagens foram enviadas e qual voltou.
///
/// `make` é uma função comum, então quem chama escolhe o que é uma mensagem: os
/// testes passam uma cujas mensagens não podem ser clonadas e levam um número
/// de série.
pub fn produce_until_closed<T>(tx: Sender<T>, interval: Duration, make: fn(u64) -> T) -> Report<T> {
    let mut sent = 0;
    // ✏️  Your code goes here / Seu código vai aqui.
    // As in the chapter, this loop throws away what `send` returns, so it
    // never learns that the consumer left, and never stops.
    // Como no capítulo, este laço joga fora o que o `send` devolve, então nunca
    // fica sabendo que o consumidor foi embora, e nunca para.
    loop {
        let _ = tx.send(make(sent));
        sent += 1;
        thread::sleep(interval);
    }
}
