// expect: fail
// why: prints the lines the tests look for, with no thread and no channel
// en: while its input was still open
// pt-BR: enquanto a entrada ainda estava aberta
//! Exercise 06: the program that never ends.

use std::env;
use std::time::Duration;

const PRODUCERS: u32 = 10;

fn main() {
    let (_base_interval, messages) = settings();
    for seq in 1..=messages {
        for number in 1..=PRODUCERS {
            println!("message from producer {number}, #{seq}");
        }
    }
    println!("received {} messages", PRODUCERS * messages);
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
