// expect: fail
// why: (outsider) producers loop on try_send until it stops saying Full: backpressure by burning a core; it passed until the test watched the producers (awake or asleep, CPU time) while the channel was full
// en: trying again and again
// pt-BR: tentando de novo sem parar
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
    let handles = (1..=producers)
        .map(|number| {
            let tx = tx.clone();
            let on_sent = on_sent.clone();
            thread::spawn(move || {
                for seq in 0..per_producer {
                    let mut msg = (number, seq);
                    // keep trying until there is room
                    loop {
                        match tx.try_send(msg) {
                            Ok(()) => break,
                            Err(TrySendError::Full(m)) => msg = m,
                            Err(TrySendError::Disconnected(_)) => return,
                        }
                    }
                    on_sent((number, seq));
                }
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
    for &reading in readings {
        match tx.try_send(reading) {
            Ok(()) => offered.accepted.push(reading),
            Err(TrySendError::Full(r)) => offered.dropped.push(r),
            Err(TrySendError::Disconnected(r)) => {
                offered.returned = Some(r);
                break;
            }
        }
    }
    offered
}
