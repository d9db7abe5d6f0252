//! Exercise 17: several consumers, and select.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::Receiver;

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
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now a single consumer takes every job, whatever `consumers` says.
    let _ = consumers;
    let jobs = jobs.clone();
    vec![thread::spawn(move || {
        for job in jobs {
            handle(job);
        }
    })]
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
///
/// Ends in one of two ways:
/// - both channels are closed (every Sender of each is gone): returns the
///   log as it is;
/// - nothing arrives on either channel for `quiet` (counted afresh after
///   every message): adds `Event::Quiet` and returns.
///
/// A channel that closes while the other is still open is simply no longer
/// listened to.
pub fn monitor(alerts: Receiver<String>, readings: Receiver<u32>, quiet: Duration) -> Vec<Event> {
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now only `readings` is heard, and a wait that nothing ends lasts
    // forever.
    let _ = (alerts, quiet);
    readings.iter().map(Event::Reading).collect()
}
