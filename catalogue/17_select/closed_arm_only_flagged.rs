// expect: fail
// why: a closed channel's arm only sets a flag and is not replaced by never(): select! keeps picking it, the loop spins at 100 % CPU, and monitor never returns while the other channel is open but silent
// en: A flag saying it is closed does not stop select! from picking it
// en: replace the closed receiver with never()
// pt-BR: Uma flag dizendo que ele fechou não impede o select! de escolhê-lo
// pt-BR: troque o receiver fechado por never()

//! Exercise 17: several consumers, and select.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    // ✏️  Your code goes here / Seu código vai aqui.
    (0..consumers)
        .map(|_| {
            // A crossbeam Receiver can be cloned: every clone takes from the
            // same queue, and each message goes to exactly one of them.
            let (jobs, handle) = (jobs.clone(), handle.clone());
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
    let (mut alerts_open, mut readings_open) = (true, true);
    let mut log = Vec::new();
    while alerts_open || readings_open {
        select! {
            recv(alerts) -> message => match message {
                Ok(alert) => log.push(Event::Alert(alert)),
                Err(_) => alerts_open = false,
            },
            recv(readings) -> message => match message {
                Ok(reading) => log.push(Event::Reading(reading)),
                Err(_) => readings_open = false,
            },
            // The time-out arm: taken only if neither channel has anything
            // for `quiet`. Without it, two open but silent channels would
            // keep `select!` waiting forever.
            default(quiet) => {
                log.push(Event::Quiet);
                break;
            }
        }
    }
    log
}
