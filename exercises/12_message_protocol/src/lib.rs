//! Exercise 12: a message protocol.
//! Exercício 12: um protocolo de mensagens.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Receiver, Sender};
use std::thread::JoinHandle;

/// What travels on the channel: the protocol between the producers and the
/// collector, one enum with a variant for each kind of message.
///
/// O que viaja no canal: o protocolo entre os produtores e o coletor, um enum
/// com uma variante para cada espécie de mensagem.
#[derive(Debug, PartialEq, Eq)]
pub enum Message<T> {
    /// One item of a producer's work. The item itself travels inside the
    /// message: it is moved, not copied.
    ///
    /// Um item do trabalho de um produtor. O próprio item viaja dentro da
    /// mensagem: é movido, não copiado.
    Data(T),
    /// News: producer `producer` has sent `sent` items so far. It ends
    /// nothing.
    ///
    /// Notícia: o produtor `producer` já enviou `sent` itens. Não encerra nada.
    Progress { producer: u32, sent: usize },
    /// Producer `producer` has nothing more to send.
    ///
    /// O produtor `producer` não tem mais nada para enviar.
    Done { producer: u32 },
}

/// Starts producer number `producer` on a thread of its own, and returns at
/// once with the thread's handle.
///
/// The producer sends each of `items`, in order, as `Message::Data`, each
/// followed by a `Progress` with the number of items sent so far, and ends
/// with `Done`. The items are moved through the channel: the collector gets
/// the very values the producer was given, and `T` need not be `Clone`.
///
/// Cria o produtor número `producer` numa thread própria e retorna na hora, com
/// o handle da thread.
///
/// O produtor envia cada um de `items`, em ordem, como `Message::Data`, cada um
/// seguido de um `Progress` com o número de itens enviados até ali, e termina
/// com `Done`. Os itens são movidos pelo canal: o coletor recebe os mesmíssimos
/// valores que o produtor recebeu, e `T` não precisa ser `Clone`.
pub fn spawn_producer<T: Send + 'static>(
    producer: u32,
    items: Vec<T>,
    tx: Sender<Message<T>>,
) -> JoinHandle<()> {
    // ✏️  Your code goes here / Seu código vai aqui.
    todo!(
        "producer {producer}: send {} items on {tx:?} as Data, Progress after each, then Done",
        items.len()
    )
}

/// Collects the data of the `producers` producers that share `rx`, in the
/// order it arrives.
///
/// `Progress` messages are only news: skip them. Returns once every one of
/// the producers has said `Done`, even though the channel may stay open; or
/// sooner, with what arrived, if the channel closes first (a producer that
/// crashed never says `Done`).
///
/// Coleta os dados dos `producers` produtores que compartilham `rx`, na ordem
/// em que chegam.
///
/// Mensagens `Progress` são só notícias: pule-as. Retorna assim que todos os
/// produtores disserem `Done`, mesmo que o canal continue aberto; ou antes, com
/// o que chegou, se o canal fechar primeiro (um produtor que quebrou nunca diz
/// `Done`).
pub fn collect_data<T>(rx: &Receiver<Message<T>>, producers: u32) -> Vec<T> {
    // ✏️  Your code goes here / Seu código vai aqui.
    todo!("collect the Data on {rx:?} until all {producers} producers have said Done")
}
