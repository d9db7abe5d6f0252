// expect: fail
// why: the consumer gives up after five quiet seconds: long enough for the silence, too late for the end
// en: did not end within 250 ms, and was stopped
// en: recv_timeout
// pt-BR: não terminou em 250 ms, e foi interrompido
// pt-BR: recv_timeout
//! Exercise 06: the program that never ends.

use std::env;
use std::io;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread;
use std::time::Duration;

const PRODUCERS: u32 = 10;

fn main() {
    let (base_interval, messages) = settings();
    let (tx, rx): (Sender<String>, Receiver<String>) = channel();
    let typist = tx.clone();
    thread::spawn(move || {
        for line in io::stdin().lines().map_while(Result::ok) {
            typist
                .send(format!("input: {line}"))
                .expect("the consumer outlives the producers");
        }
    });
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
    let consumer = thread::spawn(move || {
        let mut received = 0;
        while let Ok(message) = rx.recv_timeout(Duration::from_secs(5)) {
            println!("message from {message}");
            received += 1;
        }
        received
    });
    let received = consumer.join().expect("the consumer thread panicked");
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
