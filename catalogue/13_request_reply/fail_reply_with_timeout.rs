// expect: fail
// why: (outsider) ask waits with recv_timeout(100 ms) "so it never hangs", giving up on a slow service; it passed until a test answered after half a second
// en: A time-out (recv_timeout) guesses
// pt-BR: Um time-out (recv_timeout) é um chute
//! Exercise 13: request and reply.

use std::collections::HashMap;
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};
use std::time::Duration;

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
        let (tx, rx) = channel();
        if self.requests.send(request(tx)).is_err() {
            return None;
        }
        // don't wait forever if the service is stuck
        rx.recv_timeout(Duration::from_millis(100)).ok()
    }
}

/// Starts the counter service on a thread of its own and returns a client
/// of it, with the service thread's handle.
pub fn start_service() -> (Client, JoinHandle<HashMap<String, u64>>) {
    let (tx, rx) = channel();
    let handle = thread::spawn(move || {
        let mut counters = HashMap::new();
        for request in rx {
            match request {
                Request::Add { name, amount, reply } => {
                    let value = counters.entry(name.clone()).or_insert(0u64);
                    *value += amount;
                    let _ = reply.send(Reply { name, value: *value, served_by: thread::current().id() });
                }
                Request::Get { name, reply } => {
                    let value = counters.get(&name).copied().unwrap_or(0);
                    let _ = reply.send(Reply { name, value, served_by: thread::current().id() });
                }
            }
        }
        counters
    });
    (Client::new(tx), handle)
}
