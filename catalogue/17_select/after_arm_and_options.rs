// expect: pass
// why: recv(after(quiet)) as the time-out arm, made afresh in every select!; closed channels become None and are read through never(); named consumers with while-let

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
    for number in 0..consumers {
        let jobs = jobs.clone();
        let handle = handle.clone();
        let consumer = thread::Builder::new()
            .name(format!("consumer {number}"))
            .spawn(move || {
                while let Ok(job) = jobs.recv() {
                    handle(job);
                }
            })
            .expect("the system starts a thread");
        handles.push(consumer);
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
    let (mut alerts, mut readings) = (Some(alerts), Some(readings));
    let silent = never();
    let mut log = Vec::new();
    while alerts.is_some() || readings.is_some() {
        select! {
            recv(alerts.as_ref().unwrap_or(&silent)) -> message => match message {
                Ok(alert) => log.push(Event::Alert(alert)),
                Err(_) => alerts = None,
            },
            recv(readings.as_ref().unwrap_or(&never())) -> message => match message {
                Ok(reading) => log.push(Event::Reading(reading)),
                Err(_) => readings = None,
            },
            recv(after(quiet)) -> _ => {
                log.push(Event::Quiet);
                return log;
            }
        }
    }
    log
}
