//! Runs a producer and your consumer from `src/lib.rs`: the producer sends a
//! few messages and stops, your consumer prints them as they arrive.
//!
//! Usage: `cargo run -p consume_with_recv -- [COUNT] [INTERVAL_MS]`
//! (by default 3 messages, 10 ms apart).
//! You do not need to change this file.

use std::str::FromStr;
use std::sync::mpsc::channel;
use std::thread;
use std::time::Duration;

fn main() {
    let count: usize = arg_or(1, 3);
    let interval = Duration::from_millis(arg_or(2, 10));

    let (tx, rx) = channel::<String>();
    // A producer like the one of exercise 03: `count` messages, a pause after
    // each, then the thread ends and drops `tx`, the only Sender.
    let producer = thread::spawn(move || {
        for i in 0..count {
            tx.send(format!("message {i}"))
                .expect("the consumer should still be receiving");
            thread::sleep(interval);
        }
    });
    let consumer = consume_with_recv::spawn_consumer(rx);

    // This `join` waits for the consumer's loop to end, which can only happen
    // once the producer is done and its Sender is gone.
    let received = consumer.join().expect("the consumer thread panicked");
    producer.join().expect("the producer thread panicked");
    println!("the consumer received {} messages", received.len());
}

/// The command-line argument at `position` as a number, or `default` when
/// there is none. Anything that is not a number ends the program.
fn arg_or<T: FromStr>(position: usize, default: T) -> T {
    match std::env::args().nth(position) {
        None => default,
        Some(text) => text.parse().unwrap_or_else(|_| {
            eprintln!("consume_with_recv: expected a whole number, got {text:?}");
            std::process::exit(2)
        }),
    }
}
