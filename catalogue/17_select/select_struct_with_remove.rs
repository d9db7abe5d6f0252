// expect: pass
// why: the Select struct instead of the macro: select_timeout is the time-out, and a closed channel's operation is removed from the set

use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::{Receiver, Select};

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
    let mut set = Select::new();
    let alerts_op = set.recv(&alerts);
    let readings_op = set.recv(&readings);
    let mut open = 2;
    let mut log = Vec::new();
    while open > 0 {
        let Ok(ready) = set.select_timeout(quiet) else {
            log.push(Event::Quiet);
            break;
        };
        let index = ready.index();
        if index == alerts_op {
            match ready.recv(&alerts) {
                Ok(alert) => log.push(Event::Alert(alert)),
                Err(_) => {
                    set.remove(alerts_op);
                    open -= 1;
                }
            }
        } else {
            match ready.recv(&readings) {
                Ok(reading) => log.push(Event::Reading(reading)),
                Err(_) => {
                    set.remove(readings_op);
                    open -= 1;
                }
            }
        }
    }
    log
}
