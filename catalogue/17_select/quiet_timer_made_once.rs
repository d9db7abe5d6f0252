// expect: fail
// why: creates the quiet timer with after(quiet) once, before the loop, so it measures the total time since monitor started rather than the silence since the last message; a steady trickle that lasts longer than quiet is cut off with Quiet (outsider: the quiet timeout must restart after every message)
// en: The quiet time starts afresh with every wait
// pt-BR: O tempo de silêncio recomeça a cada espera

//! Exercise 17: several consumers, and select.

use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, after, never, select};

/// Starts `consumers` consumer threads that share the work coming through
/// `jobs`: each job goes to exactly one of them, which calls `handle(job)`.
/// A consumer ends when the channel is closed and empty.
///
/// Returns at once, with one `JoinHandle` per consumer.
pub fn spawn_consumers<T, F>(jobs: &Receiver<T>, consumers: usize, handle: F) -> Vec<JoinHandle<()>>
where
    T: Send + 'static,
    F: Fn(T) + Clone + Send + 'static,
{
    (0..consumers)
        .map(|_| {
            let jobs = jobs.clone();
            let handle = handle.clone();
            thread::spawn(move || {
                for job in jobs {
                    handle(job);
                }
            })
        })
        .collect()
}

/// What `monitor` noticed, in the order it noticed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A message from the alerts channel.
    Alert(String),
    /// A message from the readings channel.
    Reading(u32),
    /// Nothing arrived on either channel for `quiet`: the last event.
    Quiet,
}

/// Listens to both channels at once and logs what arrives, as it arrives.
/// Returns when both channels are closed, or (after logging `Event::Quiet`)
/// when nothing arrived for `quiet`, counted afresh after every message.
pub fn monitor(mut alerts: Receiver<String>, mut readings: Receiver<u32>, quiet: Duration) -> Vec<Event> {
    let mut log = Vec::new();
    let mut open = 2;
    let timeout = after(quiet);

    while open > 0 {
        select! {
            recv(alerts) -> msg => match msg {
                Ok(a) => log.push(Event::Alert(a)),
                Err(_) => {
                    alerts = never();
                    open -= 1;
                }
            },
            recv(readings) -> msg => match msg {
                Ok(r) => log.push(Event::Reading(r)),
                Err(_) => {
                    readings = never();
                    open -= 1;
                }
            },
            recv(timeout) -> _ => {
                log.push(Event::Quiet);
                break;
            }
        }
    }
    log
}
