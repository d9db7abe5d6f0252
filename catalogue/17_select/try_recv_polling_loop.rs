// expect: fail
// why: instead of select! monitor polls both channels with try_recv in a loop, sleeping 10ms when both are empty and tracking the last arrival with Instant; it is late by up to a sleep and busy the rest of the time (outsider: wait on several channels with select!, not try_recv + sleep polling)
// en: it polls (try_recv or a short recv_timeout, then a sleep, in a loop) instead of waiting
// pt-BR: ela faz polling (try_recv ou um recv_timeout curto, depois um sleep, num laço) em vez de esperar

//! Exercise 17: several consumers, and select.

use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, TryRecvError};

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
    let mut last = Instant::now();
    let mut alerts_closed = false;
    let mut readings_closed = false;

    loop {
        let mut got_something = false;
        if !alerts_closed {
            match alerts.try_recv() {
                Ok(a) => {
                    log.push(Event::Alert(a));
                    got_something = true;
                }
                Err(TryRecvError::Disconnected) => alerts_closed = true,
                Err(TryRecvError::Empty) => {}
            }
        }
        if !readings_closed {
            match readings.try_recv() {
                Ok(r) => {
                    log.push(Event::Reading(r));
                    got_something = true;
                }
                Err(TryRecvError::Disconnected) => readings_closed = true,
                Err(TryRecvError::Empty) => {}
            }
        }
        if alerts_closed && readings_closed {
            return log;
        }
        if got_something {
            last = Instant::now();
        } else if last.elapsed() >= quiet {
            log.push(Event::Quiet);
            return log;
        } else {
            thread::sleep(Duration::from_millis(10));
        }
    }
}
