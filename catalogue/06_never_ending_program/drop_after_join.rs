// expect: fail
// why: (outsider) drops tx only after joining the consumer, a line never reached
// en: is the original tx still alive in main?
// en: comes too late
// pt-BR: o tx original ainda está vivo na main?
// pt-BR: chega tarde demais
//! Exercise 06: the program that never ends.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify
//!
//! Run it yourself:
//!     cargo run -p never_ending_program -- 100 3
//! that is, a base interval of 100 ms and 3 messages per producer. While it
//! runs, type a few lines: one more producer sends each of them. End your
//! input with Ctrl+D (Ctrl+Z then Enter on Windows); Ctrl+C stops it all.

use std::env;
use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

/// How many producers the program starts, as in the chapter.
const PRODUCERS: u32 = 10;

fn main() {
    let (base_interval, messages) = settings();
    let (tx, rx): (Sender<String>, Receiver<String>) = channel();

    // One producer sends every line typed on the standard input, through a
    // clone of its own, until the input ends; then its thread ends and its
    // clone is dropped.
    let typist = tx.clone();
    thread::spawn(move || {
        for line in io::stdin().lines().map_while(Result::ok) {
            typist
                .send(format!("input: {line}"))
                .expect("the consumer outlives the producers");
        }
    });
    // Ten more producers, each with its own clone of `tx`. Producer `number`
    // sends `messages` messages and rests `number × base_interval` after
    // each one; then its thread ends and its clone is dropped.
    for number in 1..=PRODUCERS {
        let tx = tx.clone();
        thread::spawn(move || {
            for seq in 1..=messages {
                tx.send(format!("producer {number}, #{seq}"))
                    .expect("the consumer outlives the producers");
                thread::sleep(base_interval * number);
            }
        });
    }

    // The consumer: prints every message until the channel closes, then
    // says how many it got.
    let consumer = thread::spawn(move || {
        let mut received = 0;
        while let Ok(message) = rx.recv() {
            println!("message from {message}");
            received += 1;
        }
        received
    });
    let received = consumer.join().expect("the consumer thread panicked");
    drop(tx);
    println!("received {received} messages");
}

/// The base interval and the number of messages per producer, from the
/// command line: `never_ending_program [BASE_INTERVAL_MS] [MESSAGES]`.
fn settings() -> (Duration, u32) {
    let mut args = env::args().skip(1);
    let base_interval_ms = args.next().map_or(100, |arg| {
        arg.parse()
            .expect("BASE_INTERVAL_MS must be a whole number of milliseconds")
    });
    let messages = args.next().map_or(3, |arg| {
        arg.parse().expect("MESSAGES must be a whole number")
    });
    (Duration::from_millis(base_interval_ms), messages)
}
