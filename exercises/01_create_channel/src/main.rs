//! Runs the channel you built in `src/lib.rs` once: sends one message
//! through it and prints what comes out the other end.
//! You do not need to change this file.

fn main() {
    let (tx, rx) = create_channel::create_channel();
    tx.send("hello through the channel".to_string())
        .expect("the Receiver is still alive, so send cannot fail");
    let message = rx.recv().expect("a message was sent, so recv returns it");
    println!("received: {message}");
}
