//! Runs your producer from `src/lib.rs` and prints every message it sends.
//!
//! Usage: `cargo run -p loop_send -- [COUNT] [INTERVAL_MS]`
//! (by default 3 messages, 10 ms apart).
//! You do not need to change this file.

use std::str::FromStr;
use std::sync::mpsc::channel;
use std::time::Duration;

fn main() {
    let count: usize = arg_or(1, 3);
    let interval = Duration::from_millis(arg_or(2, 10));

    let (tx, rx) = channel::<String>();
    let producer = loop_send::spawn_producer(tx, count, interval);
    // `recv` waits for the next message. Once the producer's loop is over,
    // its Sender is dropped, `recv` returns `Err`, and this loop ends.
    while let Ok(message) = rx.recv() {
        println!("received: {message}");
    }
    producer.join().expect("the producer thread panicked");
}

/// The command-line argument at `position` as a number, or `default` when
/// there is none. Anything that is not a number ends the program.
fn arg_or<T: FromStr>(position: usize, default: T) -> T {
    match std::env::args().nth(position) {
        None => default,
        Some(text) => text.parse().unwrap_or_else(|_| {
            eprintln!("loop_send: expected a whole number, got {text:?}");
            std::process::exit(2)
        }),
    }
}
