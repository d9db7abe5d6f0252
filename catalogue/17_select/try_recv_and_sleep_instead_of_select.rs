// expect: fail
// why: monitor polls both channels with try_recv and a 5 ms sleep instead of waiting in select!: every answer comes right, but the thread wakes up a hundred times in a quiet time (caught on Linux, where the tests can count a thread's sleeps)
// en: it polls (try_recv or a short recv_timeout, then a sleep, in a loop) instead of waiting
// pt-BR: ela faz polling (try_recv ou um recv_timeout curto, depois um sleep, num laço) em vez de esperar

//! Exercise 17: several consumers, and select.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    // Ask each channel in turn, and nap a little when both are empty.
    let (mut alerts_open, mut readings_open) = (true, true);
    let mut log = Vec::new();
    let mut last = Instant::now();
    while alerts_open || readings_open {
        let mut heard = false;
        if alerts_open {
            match alerts.try_recv() {
                Ok(alert) => {
                    log.push(Event::Alert(alert));
                    heard = true;
                }
                Err(TryRecvError::Disconnected) => alerts_open = false,
                Err(TryRecvError::Empty) => {}
            }
        }
        if readings_open {
            match readings.try_recv() {
                Ok(reading) => {
                    log.push(Event::Reading(reading));
                    heard = true;
                }
                Err(TryRecvError::Disconnected) => readings_open = false,
                Err(TryRecvError::Empty) => {}
            }
        }
        if heard {
            last = Instant::now();
        } else if last.elapsed() >= quiet {
            log.push(Event::Quiet);
            break;
        } else {
            thread::sleep(Duration::from_millis(5));
        }
    }
    log
}
