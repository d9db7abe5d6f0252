//! Exercise 17: several consumers, and select.
//! Exercício 17: vários consumidores, e select.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::thread::{self, JoinHandle};
use std::time::Duration;

use crossbeam_channel::Receiver;

/// Starts `consumers` consumer threads that share the work coming through
/// `jobs`: each job goes to exactly one of them, which calls `handle(job)`.
/// A consumer ends when the channel is closed and empty.
///
/// Returns at once, with one `JoinHandle` per consumer.
///
/// Cria `consumers` threads consumidoras que repartem o trabalho que chega por
/// `jobs`: cada tarefa vai para exatamente uma delas, que chama `handle(job)`.
/// Um consumidor termina quando o canal está fechado e vazio.
///
/// Retorna na hora, com um `JoinHandle` por consumidor.
pub fn spawn_consumers<T, F>(jobs: &Receiver<T>, consumers: usize, handle: F) -> Vec<JoinHandle<()>>
where
    T: Send + 'static,
    F: Fn(T) + Clone + Send + 'static,
{
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now a single consumer takes every job, whatever `consumers` says.
    // Por enquanto um só consumidor pega todas as tarefas, diga `consumers` o
    // que disser.
    let _ = consumers;
    let jobs = jobs.clone();
    vec![thread::spawn(move || {
        for job in jobs {
            handle(job);
        }
    })]
}

/// What `monitor` noticed, in the order it noticed it.
///
/// O que `monitor` percebeu, na ordem em que percebeu.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A message from the alerts channel.
    ///
    /// Uma mensagem do canal de alertas.
    Alert(String),
    /// A message from the readings channel.
    ///
    /// Uma mensagem do canal de leituras.
    Reading(u32),
    /// Nothing arrived on either channel for `quiet`: the last event.
    ///
    /// Nada chegou em nenhum dos canais durante `quiet`: o último evento.
    Quiet,
}

/// Listens to both channels at once and logs what arrives, as it arrives.
///
/// Ends in one of two ways:
/// - both channels are closed (every Sender of each is gone): returns the
///   log as it is;
/// - nothing arrives on either channel for `quiet` (counted afresh after
///   every message): adds `Event::Quiet` and returns.
///
/// A channel that closes while the other is still open is simply no longer
/// listened to.
///
/// Escuta os dois canais ao mesmo tempo e registra o que chega, à medida que
/// chega.
///
/// Termina de um de dois jeitos:
/// - os dois canais estão fechados (todos os Senders de cada um sumiram):
///   devolve o registro como está;
/// - nada chega em nenhum dos canais durante `quiet` (contado de novo depois de
///   cada mensagem): acrescenta `Event::Quiet` e retorna.
///
/// Um canal que fecha enquanto o outro continua aberto simplesmente deixa de
/// ser escutado.
pub fn monitor(alerts: Receiver<String>, readings: Receiver<u32>, quiet: Duration) -> Vec<Event> {
    // ✏️  Your code goes here / Seu código vai aqui.
    // For now only `readings` is heard, and a wait that nothing ends lasts
    // forever.
    // Por enquanto só `readings` é escutado, e uma espera que nada encerra dura
    // para sempre.
    let _ = (alerts, quiet);
    readings.iter().map(Event::Reading).collect()
}
