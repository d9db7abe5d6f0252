//! Exercise 01: create the channel.
//! Exercício 01: crie o canal.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Receiver, Sender, channel};

/// Creates a channel that carries `String`s and returns its two ends:
/// the sending half first, the receiving half second.
///
/// Cria um canal que leva `String`s e devolve as suas duas pontas: primeiro a
/// ponta de envio, depois a ponta de recepção.
pub fn create_channel() -> (Sender<String>, Receiver<String>) {
    // `channel` is generic over the message type; the turbofish and the
    // written-out types say the same thing twice, which is the point here.
    let (tx, rx): (Sender<String>, Receiver<String>) = channel::<String>();
    (tx, rx)
}
