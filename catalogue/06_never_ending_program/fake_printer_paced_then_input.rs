// expect: fail
// why: fakes the producers' pacing with sleeps on one thread, then echoes the input: nothing runs side by side
// en: should run at the same time, each on a thread of its own
// pt-BR: devem rodar ao mesmo tempo, cada um na sua própria thread
//! Exercise 06: the program that never ends.

use std::env;
use std::io;
use std::thread;
use std::time::Duration;

const PRODUCERS: u32 = 10;

fn main() {
    let (base_interval, messages) = settings();
    let mut received = 0;
    for seq in 1..=messages {
        for number in 1..=PRODUCERS {
            println!("message from producer {number}, #{seq}");
            received += 1;
        }
        thread::sleep(base_interval * PRODUCERS);
    }
    for line in io::stdin().lines().map_while(Result::ok) {
        println!("message from input: {line}");
        received += 1;
    }
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
