// expect: fail
// why: the service sends a bare number on a Sender<Reply> (E0308)
// en: E0308 · mismatched types
// en: More: `rustc --explain E0308`
// pt-BR: E0308 · tipos incompatíveis
// pt-BR: Mais: `rustc --explain E0308`

//! Exercise 13: request and reply.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::collections::HashMap;
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};

/// What a client can ask the counter service. Each request carries the
/// `Sender` on which the service sends its reply.
#[derive(Debug)]
pub enum Request {
    /// Add `amount` to the counter called `name`; reply with its new value.
    Add {
        name: String,
        amount: u64,
        reply: Sender<Reply>,
    },
    /// Reply with the value of the counter called `name` (0 if nothing was
    /// ever added to it).
    Get { name: String, reply: Sender<Reply> },
}

/// The service's answer to one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The counter the request was about.
    pub name: String,
    /// Its value once the request was done.
    pub value: u64,
    /// The thread that read or changed the counter: the service's own.
    pub served_by: ThreadId,
}

/// How the other threads talk to the counter service. Clone it to give
/// each thread a client of its own.
#[derive(Clone)]
pub struct Client {
    requests: Sender<Request>,
}

impl Client {
    /// A client that sends its requests on `requests`.
    pub fn new(requests: Sender<Request>) -> Client {
        Client { requests }
    }

    /// Adds `amount` to the counter `name`; returns the service's reply, or
    /// `None` if the service is gone.
    pub fn add(&self, name: &str, amount: u64) -> Option<Reply> {
        self.ask(|reply| Request::Add {
            name: name.to_owned(),
            amount,
            reply,
        })
    }

    /// The value of the counter `name`, as the service replies; `None` if
    /// the service is gone.
    pub fn get(&self, name: &str) -> Option<Reply> {
        self.ask(|reply| Request::Get {
            name: name.to_owned(),
            reply,
        })
    }

    /// Builds a request around a reply `Sender` of its own, sends it to the
    /// service, and waits for the one reply. `None` if the service is gone,
    /// or dropped the request without replying.
    fn ask(&self, request: impl FnOnce(Sender<Reply>) -> Request) -> Option<Reply> {
        // A channel for this one reply: whatever comes out of it answers
        // this request, whatever other clients are asking meanwhile.
        let (reply, answer) = channel();
        // The Sender travels inside the request; we keep only the Receiver,
        // so if the service drops the request unanswered, recv returns Err.
        self.requests.send(request(reply)).ok()?;
        answer.recv().ok()
    }
}

/// Starts the counter service on a thread of its own and returns a client
/// of it, with the service thread's handle.
///
/// The service thread owns the counters: no other thread can touch them.
/// It handles one request at a time and answers each on that request's own
/// reply `Sender`. It ends when every `Client` (every request `Sender`) is
/// gone, and its thread returns the counters.
pub fn start_service() -> (Client, JoinHandle<HashMap<String, u64>>) {
    let (requests, inbox) = channel::<Request>();
    let service = thread::spawn(move || {
        // Only this thread ever sees the map: no lock needed, no one to
        // share it with.
        let mut counters: HashMap<String, u64> = HashMap::new();
        let me = thread::current().id();
        // Ends when every request Sender (every Client) is gone.
        for request in inbox {
            let (name, value, reply) = match request {
                Request::Add {
                    name,
                    amount,
                    reply,
                } => {
                    let value = counters.entry(name.clone()).or_insert(0);
                    *value += amount;
                    (name, *value, reply)
                }
                Request::Get { name, reply } => {
                    let value = counters.get(&name).copied().unwrap_or(0);
                    (name, value, reply)
                }
            };
            // A client that stopped waiting is no reason to stop serving.
            let _ = reply.send(value);
        }
        counters
    });
    (Client::new(requests), service)
}
