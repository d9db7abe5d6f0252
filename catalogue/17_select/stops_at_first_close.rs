// expect: fail
// why: monitor breaks out of the loop as soon as either channel reports Err, so when alerts closes first every later reading is never logged (outsider: a closed channel stops being listened to; keep going with the other)
// en: A closed channel ends nothing but itself
// pt-BR: Um canal fechado não encerra nada além dele mesmo

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
    loop {
        select! {
            recv(alerts) -> msg => match msg {
                Ok(alert) => log.push(Event::Alert(alert)),
                Err(_) => break,
            },
            recv(readings) -> msg => match msg {
                Ok(reading) => log.push(Event::Reading(reading)),
                Err(_) => break,
            },
            default(quiet) => {
                log.push(Event::Quiet);
                break;
            }
        }
    }
    log
}
