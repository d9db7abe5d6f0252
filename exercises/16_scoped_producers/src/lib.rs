//! Exercise 16: scoped producers.
//! Exercício 16: produtores com escopo.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

/// Shares the lines of `text` out among `producers` producer threads, in
/// consecutive runs of about the same length (the first producer takes the
/// first lines, and so on). Each producer sends `make(line)` for each of its
/// lines, in order, down one channel; the calling thread is the consumer and
/// calls `consume` for each result as it arrives.
///
/// The producers borrow `text` and `make`: nothing is copied, nothing needs
/// to be `'static`. Returns once every result has been consumed and every
/// producer has ended.
///
/// Reparte as linhas de `text` entre `producers` threads produtoras, em trechos
/// seguidos de tamanho parecido (o primeiro produtor fica com as primeiras
/// linhas, e assim por diante). Cada produtor envia `make(line)` para cada uma
/// das suas linhas, em ordem, por um só canal; a thread que chamou é o
/// consumidor e chama `consume` para cada resultado assim que ele chega.
///
/// Os produtores pegam emprestados `text` e `make`: nada é copiado, nada
/// precisa ser `'static`. Retorna quando todo resultado foi consumido e todo
/// produtor terminou.
pub fn produce_lines<R: Send>(
    text: &str,
    producers: usize,
    make: impl Fn(&str) -> R + Sync,
    consume: impl Fn(R),
) {
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now the calling thread does all the work itself, and `producers`
    // is not used yet: no thread, no channel.
    // Por enquanto a thread que chamou faz todo o trabalho sozinha, e
    // `producers` ainda não é usado: nenhuma thread, nenhum canal.
    let _ = producers;
    for line in text.lines() {
        consume(make(line));
    }
}
