// expect: pass
// why: moves the original SyncSender into the last producer instead of cloning it; offer_all stops with try_for_each
//! Exercise 11: bounded channels.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::thread::{self, JoinHandle};

/// Starts `producers` producers, numbered from 1, each on a thread of its
/// own, all sending on one bounded channel that holds at most `capacity`
/// messages.
///
/// Producer `number` sends `(number, 0)`, `(number, 1)`, ...,
/// `(number, per_producer - 1)` through its own clone of the channel's
/// `SyncSender`, and calls `on_sent(message)` as soon as each `send` has
/// returned. When the channel is full, the producers wait; the caller never
/// does: this function returns at once, with the receiving end and the
/// producers' handles. A `capacity` of 0 makes a rendezvous channel.
pub fn start_producers(
    capacity: usize,
    producers: u32,
    per_producer: u32,
    on_sent: impl Fn((u32, u32)) + Clone + Send + 'static,
) -> (Receiver<(u32, u32)>, Vec<JoinHandle<()>>) {
    let (tx, rx) = sync_channel(capacity);
    let mut spare = Some(tx);
    let handles = (1..=producers)
        .map(|number| {
            let tx = if number == producers {
                spare.take().expect("the original is taken once")
            } else {
                spare.clone().expect("the original is still here")
            };
            let on_sent = on_sent.clone();
            thread::spawn(move || {
                (0..per_producer).for_each(|seq| {
                    tx.send((number, seq)).expect("the Receiver is alive");
                    on_sent((number, seq));
                });
            })
        })
        .collect();
    (rx, handles)
}

/// What became of the readings offered to a bounded channel.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Offered {
    /// The readings the channel took, in order.
    pub accepted: Vec<u32>,
    /// The readings that did not fit because the channel was full, in order.
    pub dropped: Vec<u32>,
    /// The reading handed back because the Receiver is gone. Nothing after
    /// it was offered.
    pub returned: Option<u32>,
}

/// Offers each of `readings`, in order, on `tx` without ever waiting.
///
/// A reading that does not fit right now (the channel is full) is dropped
/// and noted in `dropped`, and the next one is offered. If the Receiver is
/// gone, the refused reading goes in `returned` and the offers stop there.
pub fn offer_all(tx: &SyncSender<u32>, readings: &[u32]) -> Offered {
    let mut offered = Offered::default();
    let _ = readings
        .iter()
        .try_for_each(|&reading| match tx.try_send(reading) {
            Ok(()) => {
                offered.accepted.push(reading);
                Ok(())
            }
            Err(TrySendError::Full(reading)) => {
                offered.dropped.push(reading);
                Ok(())
            }
            Err(TrySendError::Disconnected(reading)) => Err(reading),
        })
        .map_err(|reading| offered.returned = Some(reading));
    offered
}
