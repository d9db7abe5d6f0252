//! Runs the channel you built in `src/lib.rs` once: sends one message
//! through it and prints what comes out the other end.
//! You do not need to change this file.

fn main() {
    let (tx, rx) = create_channel::create_channel();
    // `send` fails only when its channel's Receiver is gone, and `recv` only
    // when every Sender of its channel is gone. Both `tx` and `rx` are alive
    // here, so either failure means they are not the ends of one channel.
    tx.send("hello through the channel".to_string())
        .expect("send failed although rx is alive: tx and rx are not the two ends of one channel");
    let message = rx
        .recv()
        .expect("recv failed although tx is alive: tx and rx are not the two ends of one channel");
    println!("received: {message}");
}
