//! Exercise 09: try_recv.
//! Exercício 09: try_recv.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Receiver, TryRecvError};

/// Takes every message that comes through `rx`, in order, without ever
/// blocking, and keeps doing the other work while nothing is ready.
///
/// Each poll of the channel has three possible answers:
///
/// - a message: keep it, and poll again at once;
/// - nothing yet (`TryRecvError::Empty`, some `Sender` is still alive): call
///   `tick()` once, for the other work, then poll again;
/// - closed (`TryRecvError::Disconnected`, every `Sender` is gone and nothing
///   is left): return the messages received.
///
/// Pega cada mensagem que vem por `rx`, em ordem, sem nunca bloquear, e
/// continua fazendo o outro trabalho enquanto nada está pronto.
///
/// Cada consulta ao canal tem três respostas possíveis:
///
/// - uma mensagem: guarde-a e consulte de novo na hora;
/// - nada ainda (`TryRecvError::Empty`, algum `Sender` ainda está vivo): chame
///   `tick()` uma vez, para o outro trabalho, e consulte de novo;
/// - fechado (`TryRecvError::Disconnected`, todos os `Sender`s sumiram e não
///   sobrou nada): devolva as mensagens recebidas.
pub fn poll_until_closed<T>(rx: &Receiver<T>, mut tick: impl FnMut()) -> Vec<T> {
    let mut received = Vec::new();
    loop {
        match rx.try_recv() {
            Ok(message) => received.push(message),
            // Nothing yet, but a Sender is alive and may still send: use the
            // moment for the other work, then look again.
            Err(TryRecvError::Empty) => tick(),
            // try_recv says Disconnected only once the queue is empty too,
            // so nothing was left behind; and no message can come any more.
            Err(TryRecvError::Disconnected) => return received,
        }
    }
}
