// expect: fail
// why: (outsider) iterates &items and sends item.clone(); T is not Clone, so &T is cloned (E0308)
// en: E0308
// en: Move them instead
// pt-BR: E0308
// pt-BR: Mova-os em vez disso
//! Exercise 12: a message protocol.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::mpsc::{Receiver, Sender};
use std::thread::{self, JoinHandle};

/// What travels on the channel: the protocol between the producers and the
/// collector, one enum with a variant for each kind of message.
#[derive(Debug, PartialEq, Eq)]
pub enum Message<T> {
    /// One item of a producer's work. The item itself travels inside the
    /// message: it is moved, not copied.
    Data(T),
    /// News: producer `producer` has sent `sent` items so far. It ends
    /// nothing.
    Progress { producer: u32, sent: usize },
    /// Producer `producer` has nothing more to send.
    Done { producer: u32 },
}

/// Starts producer number `producer` on a thread of its own, and returns at
/// once with the thread's handle.
///
/// The producer sends each of `items`, in order, as `Message::Data`, each
/// followed by a `Progress` with the number of items sent so far, and ends
/// with `Done`. The items are moved through the channel: the collector gets
/// the very values the producer was given, and `T` need not be `Clone`.
pub fn spawn_producer<T: Send + 'static>(
    producer: u32,
    items: Vec<T>,
    tx: Sender<Message<T>>,
) -> JoinHandle<()> {
    thread::spawn(move || {
        for (i, item) in items.iter().enumerate() {
            tx.send(Message::Data(item.clone())).unwrap();
            tx.send(Message::Progress { producer, sent: i + 1 }).unwrap();
        }
        tx.send(Message::Done { producer }).unwrap();
    })
}

/// Collects the data of the `producers` producers that share `rx`, in the
/// order it arrives.
///
/// `Progress` messages are only news: skip them. Returns once every one of
/// the producers has said `Done`, even though the channel may stay open; or
/// sooner, with what arrived, if the channel closes first (a producer that
/// crashed never says `Done`).
pub fn collect_data<T>(rx: &Receiver<Message<T>>, producers: u32) -> Vec<T> {
    let mut data = Vec::new();
    let mut done = 0;
    while done < producers {
        match rx.recv() {
            Ok(Message::Data(item)) => data.push(item),
            Ok(Message::Progress { .. }) => {}
            Ok(Message::Done { .. }) => done += 1,
            Err(_) => break, // channel closed: nobody left to say Done
        }
    }
    data
}
