//! Exercise 08: when the consumer leaves.
//! Exercício 08: quando o consumidor vai embora.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{SendError, Sender};
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
    loop {
        // `send` takes the message by value, so after a failed send we no
        // longer own it: the error is the only way to get it back (making it
        // again would give a copy, not the message that was refused, and a
        // message type need not be cloneable at all). `send` fails only when
        // the Receiver is gone, which makes it the signal to stop: nobody
        // will ever read what we send. That is also why there is no
        // `unwrap` here: this failure is expected, not a bug.
        if let Err(SendError(returned)) = tx.send(make(sent)) {
            return Report { sent, returned };
        }
        sent += 1;
        thread::sleep(interval);
    }
}
