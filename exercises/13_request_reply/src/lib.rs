//! Exercise 13: request and reply.
//! Exercício 13: pedido e resposta.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::collections::HashMap;
use std::sync::mpsc::Sender;
use std::thread::{JoinHandle, ThreadId};

/// What a client can ask the counter service. Each request carries the
/// `Sender` on which the service sends its reply.
///
/// O que um cliente pode pedir ao serviço de contadores. Cada pedido leva o
/// `Sender` pelo qual o serviço envia a resposta.
#[derive(Debug)]
pub enum Request {
    /// Add `amount` to the counter called `name`; reply with its new value.
    ///
    /// Soma `amount` ao contador chamado `name`; responde com o novo valor
    /// dele.
    Add {
        name: String,
        amount: u64,
        reply: Sender<Reply>,
    },
    /// Reply with the value of the counter called `name` (0 if nothing was
    /// ever added to it).
    ///
    /// Responde com o valor do contador chamado `name` (0 se nada foi somado a
    /// ele).
    Get { name: String, reply: Sender<Reply> },
}

/// The service's answer to one request.
///
/// A resposta do serviço a um pedido.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The counter the request was about.
    ///
    /// O contador de que o pedido tratava.
    pub name: String,
    /// Its value once the request was done.
    ///
    /// O valor dele depois de atendido o pedido.
    pub value: u64,
    /// The thread that read or changed the counter: the service's own.
    ///
    /// A thread que leu ou mudou o contador: a do próprio serviço.
    pub served_by: ThreadId,
}

/// How the other threads talk to the counter service. Clone it to give
/// each thread a client of its own.
///
/// Como as outras threads falam com o serviço de contadores. Clone-o para dar a
/// cada thread o seu próprio cliente.
#[derive(Clone)]
pub struct Client {
    requests: Sender<Request>,
}

impl Client {
    /// A client that sends its requests on `requests`.
    ///
    /// Um cliente que envia os seus pedidos por `requests`.
    pub fn new(requests: Sender<Request>) -> Client {
        Client { requests }
    }

    /// Adds `amount` to the counter `name`; returns the service's reply, or
    /// `None` if the service is gone.
    ///
    /// Soma `amount` ao contador `name`; devolve a resposta do serviço, ou
    /// `None` se o serviço sumiu.
    pub fn add(&self, name: &str, amount: u64) -> Option<Reply> {
        self.ask(|reply| Request::Add {
            name: name.to_owned(),
            amount,
            reply,
        })
    }

    /// The value of the counter `name`, as the service replies; `None` if
    /// the service is gone.
    ///
    /// O valor do contador `name`, como o serviço responde; `None` se o serviço
    /// sumiu.
    pub fn get(&self, name: &str) -> Option<Reply> {
        self.ask(|reply| Request::Get {
            name: name.to_owned(),
            reply,
        })
    }

    /// Builds a request around a reply `Sender` of its own, sends it to the
    /// service, and waits for the one reply. `None` if the service is gone,
    /// or dropped the request without replying.
    ///
    /// Monta um pedido em volta de um `Sender` de resposta só dele, o envia ao
    /// serviço e espera pela única resposta. `None` se o serviço sumiu, ou
    /// descartou o pedido sem responder.
    fn ask(&self, request: impl FnOnce(Sender<Reply>) -> Request) -> Option<Reply> {
        // ✏️  Your code goes here / Seu código vai aqui.
        let _ = (&self.requests, request);
        todo!("a reply channel of this request's own; send the request; wait for the reply")
    }
}

/// Starts the counter service on a thread of its own and returns a client
/// of it, with the service thread's handle.
///
/// The service thread owns the counters: no other thread can touch them.
/// It handles one request at a time and answers each on that request's own
/// reply `Sender`. It ends when every `Client` (every request `Sender`) is
/// gone, and its thread returns the counters.
///
/// Cria o serviço de contadores numa thread própria e devolve um cliente dele,
/// com o handle da thread do serviço.
///
/// A thread do serviço é dona dos contadores: nenhuma outra thread pode
/// tocá-los. Ela atende um pedido de cada vez e responde a cada um pelo
/// `Sender` de resposta daquele pedido. Ela termina quando todos os `Client`s
/// (todos os `Sender`s de pedidos) sumiram, e a thread devolve os contadores.
pub fn start_service() -> (Client, JoinHandle<HashMap<String, u64>>) {
    // ✏️  Your code goes here / Seu código vai aqui.
    todo!("start the service thread: it owns the counters and answers every request")
}
