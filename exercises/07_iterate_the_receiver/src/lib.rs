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
    // ✏️  Your code goes here / Seu código vai aqui.
    // This compiles, but it does not do what the comment above promises.
    // Isto compila, mas não faz o que o comentário acima promete.
    rx.try_iter().collect()
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
    // ✏️  Your code goes here / Seu código vai aqui.
    // This compiles, but it does not do what the comment above promises.
    // Isto compila, mas não faz o que o comentário acima promete.
    rx.iter().collect()
}
