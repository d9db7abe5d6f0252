//! Exercise 14: a worker pool.
//! Exercício 14: um pool de workers.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};

/// A job for the pool: a closure that is called once, can move to another
/// thread, and borrows nothing from the caller.
///
/// Uma tarefa para o pool: uma closure que é chamada uma vez, pode ir para
/// outra thread e não pega nada emprestado de quem chama.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed number of worker threads that run the jobs handed to `execute`.
///
/// Um número fixo de threads de worker que rodam as tarefas entregues a
/// `execute`.
pub struct ThreadPool {
    /// The workers' threads: started by `new`, joined by `drop`.
    ///
    /// As threads dos workers: criadas por `new`, esperadas com join por
    /// `drop`.
    workers: Vec<JoinHandle<()>>,
    /// The sending half of the job queue. It sits in an `Option` so that
    /// `drop` can take it out and drop it on its own, before the workers.
    ///
    /// A ponta de envio da fila de tarefas. Fica num `Option` para que `drop`
    /// possa tirá-la e descartá-la sozinha, antes dos workers.
    sender: Option<Sender<Job>>,
}

impl ThreadPool {
    /// Starts `size` workers that share one job queue. Each worker waits for
    /// the next job, runs it, and waits again, until the queue closes.
    ///
    /// Cria `size` workers que compartilham uma fila de tarefas. Cada worker
    /// espera a próxima tarefa, a roda e espera de novo, até a fila fechar.
    pub fn new(size: usize) -> ThreadPool {
        let (sender, receiver) = channel::<Job>();
        // ✏️  Your code goes here / Seu código vai aqui.
        // For now one worker owns the Receiver by itself, so the jobs run one
        // at a time, whatever `size` says. Start `size` workers that share it.
        // Por enquanto um só worker é dono do Receiver, então as tarefas rodam
        // uma de cada vez, diga `size` o que disser. Crie `size` workers que o
        // compartilhem.
        let mut workers = Vec::with_capacity(size);
        workers.push(thread::spawn(move || {
            for job in receiver {
                job();
            }
        }));
        ThreadPool {
            workers,
            sender: Some(sender),
        }
    }

    /// Queues `job`; the first worker that is free runs it.
    ///
    /// Põe `job` na fila; o primeiro worker livre a roda.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let sender = self
            .sender
            .as_ref()
            .expect("the Sender lives until the pool is dropped");
        sender
            .send(Box::new(job))
            .expect("the workers outlive the pool's Sender");
    }

    /// The threads of the pool's workers (the tests use it).
    ///
    /// As threads dos workers do pool (os testes usam).
    pub fn worker_threads(&self) -> Vec<ThreadId> {
        self.workers.iter().map(|w| w.thread().id()).collect()
    }
}

impl Drop for ThreadPool {
    /// Shuts the pool down: every job queued so far still runs, then every
    /// worker ends, and only then does `drop` return.
    ///
    /// Encerra o pool: toda tarefa já enfileirada ainda roda, depois cada
    /// worker termina, e só então `drop` retorna.
    fn drop(&mut self) {
        // ✏️  Your code goes here / Seu código vai aqui.
        // For now nothing happens here: the pool is gone, but its workers may
        // still be running, and nobody waits for them.
        // Por enquanto nada acontece aqui: o pool sumiu, mas os workers dele
        // podem continuar rodando, e ninguém espera por eles.
    }
}
