//! Exercise 07: iterate the receiver.
//! Exercício 07: itere o receptor.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::Receiver;

/// Every message that will ever come through `rx`, in the order received.
///
/// Waits for each next message and returns only once the channel is closed
/// (every `Sender` dropped) and empty.
///
/// Todas as mensagens que algum dia vierem por `rx`, na ordem em que chegam.
///
/// Espera por cada próxima mensagem e só retorna quando o canal está fechado
/// (todos os `Sender`s descartados) e vazio.
pub fn collect_all<T>(rx: Receiver<T>) -> Vec<T> {
    // Iterating over the Receiver itself (what `for message in rx` does)
    // calls `recv` for each item: it waits for the next message and ends
    // when `recv` reports a closed channel. `rx` is consumed, as it should
    // be: nothing can arrive after the channel closed.
    rx.into_iter().collect()
}

/// The messages already waiting in the channel, in order, and no more.
///
/// Never waits: returns at once, even while some `Sender` is alive, and
/// leaves whatever is sent later for the next call.
///
/// As mensagens que já estão esperando no canal, em ordem, e nada mais.
///
/// Nunca espera: retorna na hora, mesmo com algum `Sender` vivo, e deixa o que
/// for enviado depois para a próxima chamada.
pub fn drain_ready<T>(rx: &Receiver<T>) -> Vec<T> {
    // `try_iter` calls `try_recv` for each item: it ends at the first empty
    // moment instead of waiting, whether or not a Sender is still alive.
    // Not `recv_timeout`, even with a short limit: that waits for a quiet
    // moment, which never comes while a producer keeps sending.
    rx.try_iter().collect()
}
