//! Runs the channel you built in `src/lib.rs` once: sends one message
//! through it and prints what comes out the other end.
//! You do not need to change this file.
//!
//! Roda uma vez o canal que você construiu em `src/lib.rs`: envia uma
//! mensagem por ele e imprime o que sai do outro lado.
//! Você não precisa mudar este arquivo.

fn main() {
    let (tx, rx) = create_channel::create_channel();
    // `send` fails only when its channel's Receiver is gone, and `recv` only
    // when every Sender of its channel is gone. Both `tx` and `rx` are alive
    // here, so either failure means they are not the ends of one channel.
    // `send` só falha quando o Receiver do seu canal sumiu, e `recv` só quando
    // todos os Senders do seu canal sumiram. Aqui `tx` e `rx` estão vivos,
    // então qualquer uma dessas falhas quer dizer que eles não são as pontas
    // de um mesmo canal.
    let send_failed = tr(
        "send failed although rx is alive: tx and rx are not the two ends of one channel",
        "send falhou embora rx esteja vivo: tx e rx não são as duas pontas de um mesmo canal",
    );
    tx.send("hello through the channel".to_string())
        .expect(send_failed);
    let recv_failed = tr(
        "recv failed although tx is alive: tx and rx are not the two ends of one channel",
        "recv falhou embora tx esteja vivo: tx e rx não são as duas pontas de um mesmo canal",
    );
    let message = rx.recv().expect(recv_failed);
    println!("received: {message}");
}

/// Picks the text in the learner's language, as the tests do: the first of
/// `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` that is not empty decides,
/// and a value starting with `pt` means Portuguese.
///
/// Escolhe o texto na língua do aluno, como os testes fazem: decide a
/// primeira de `COURSE_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG` que não estiver
/// vazia, e um valor que começa com `pt` quer dizer português.
fn tr<T>(en: T, pt: T) -> T {
    let mut code = String::new();
    for name in ["COURSE_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        if code.is_empty() {
            code = std::env::var(name).unwrap_or_default();
        }
    }
    if code.to_ascii_lowercase().starts_with("pt") {
        pt
    } else {
        en
    }
}
