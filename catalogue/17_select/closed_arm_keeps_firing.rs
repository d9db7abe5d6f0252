// expect: fail
// why: when a channel closes monitor only notes it and keeps the closed Receiver in the select!, so its arm fires again at once with Err on every round; with the other channel open but silent it spins forever and never reaches Quiet (outsider: replace a closed receiver with never())
// en: A flag saying it is closed does not stop select! from picking it
// pt-BR: Uma flag dizendo que ele fechou não impede o select! de escolhê-lo

//! Exercise 17: several consumers, and select.

use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, select};

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
pub fn monitor(alerts: Receiver<String>, readings: Receiver<u32>, quiet: Duration) -> Vec<Event> {
    let mut log = Vec::new();
    let mut alerts_done = false;
    let mut readings_done = false;

    while !(alerts_done && readings_done) {
        select! {
            recv(alerts) -> msg => match msg {
                Ok(alert) => log.push(Event::Alert(alert)),
                Err(_) => alerts_done = true,
            },
            recv(readings) -> msg => match msg {
                Ok(reading) => log.push(Event::Reading(reading)),
                Err(_) => readings_done = true,
            },
            default(quiet) => {
                log.push(Event::Quiet);
                break;
            }
        }
    }
    log
}
