// expect: pass
// why: consumers are pushed in a for loop with while-let recv; monitor uses a fresh recv(after(quiet)) arm each round as the quiet timer, and counts closed channels, replacing each closed one with never() (outsider: correct variant)

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
    let mut handles = Vec::with_capacity(consumers);
    for _ in 0..consumers {
        let rx = jobs.clone();
        let handle = handle.clone();
        handles.push(thread::spawn(move || {
            while let Ok(job) = rx.recv() {
                handle(job);
            }
        }));
    }
    handles
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
    let mut alerts = alerts;
    let mut readings = readings;
    let mut closed = 0;
    let mut events = Vec::new();

    loop {
        if closed == 2 {
            return events;
        }
        // a new timer every time round: the quiet time starts afresh
        let timer = after(quiet);
        select! {
            recv(alerts) -> alert => {
                if let Ok(text) = alert {
                    events.push(Event::Alert(text));
                } else {
                    alerts = never();
                    closed += 1;
                }
            }
            recv(readings) -> reading => {
                if let Ok(value) = reading {
                    events.push(Event::Reading(value));
                } else {
                    readings = never();
                    closed += 1;
                }
            }
            recv(timer) -> _ => {
                events.push(Event::Quiet);
                return events;
            }
        }
    }
}
