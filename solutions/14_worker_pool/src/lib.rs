//! Exercise 14: a worker pool.
//! Exercício 14: um pool de workers.
//!
//! Instructions · Instruções: README.md (English) · README.pt-BR.md (português)
//! Check your work · Confira o seu trabalho: cargo xtask verify

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
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
        // One Receiver for every worker: the Mutex lets one worker at a time
        // take a job out, the Arc lets them all own it.
        let receiver = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|_| {
                let receiver = Arc::clone(&receiver);
                thread::spawn(move || {
                    loop {
                        // The guard is a temporary of this statement: the
                        // lock is released at the semicolon, before the job
                        // runs, so the other workers can take the next ones.
                        let next = receiver
                            .lock()
                            .expect("no worker panics while holding the lock")
                            .recv();
                        match next {
                            Ok(job) => job(),
                            // The Sender is gone and the queue is empty.
                            Err(_) => break,
                        }
                    }
                })
            })
            .collect();
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
        // Closing the queue first: the workers finish what is queued, then
        // their `recv()` returns `Err` and they leave their loops. Joining
        // before this would wait forever.
        drop(self.sender.take());
        for worker in self.workers.drain(..) {
            // `Err` only if a job panicked on that worker; its panic has
            // already been reported by the thread itself.
            let _ = worker.join();
        }
    }
}
