// expect: fail
// why: each worker gets a channel of its own and execute deals the jobs out in turns, so a job can wait behind a busy worker while the others sit idle
// en: they waited behind the busy worker
// en: one queue that every worker takes from
// pt-BR: ficaram esperando atrás do worker ocupado
// pt-BR: uma fila só, de onde todos os workers pegam

//! Exercise 14: a worker pool.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};

/// A job for the pool: a closure that is called once, can move to another
/// thread, and borrows nothing from the caller.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed number of worker threads that run the jobs handed to `execute`.
pub struct ThreadPool {
    workers: Vec<JoinHandle<()>>,
    /// One Sender per worker: no lock needed, every worker owns its Receiver.
    senders: Vec<Sender<Job>>,
    next: AtomicUsize,
}

impl ThreadPool {
    pub fn new(size: usize) -> ThreadPool {
        let mut workers = Vec::with_capacity(size);
        let mut senders = Vec::with_capacity(size);
        for _ in 0..size {
            let (sender, receiver) = channel::<Job>();
            senders.push(sender);
            workers.push(thread::spawn(move || {
                for job in receiver {
                    job();
                }
            }));
        }
        ThreadPool {
            workers,
            senders,
            next: AtomicUsize::new(0),
        }
    }

    /// Queues `job` on the next worker, in turns.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let turn = self.next.fetch_add(1, Ordering::SeqCst) % self.senders.len();
        self.senders[turn]
            .send(Box::new(job))
            .expect("the workers outlive the pool's Senders");
    }

    /// The threads of the pool's workers (the tests use it).
    pub fn worker_threads(&self) -> Vec<ThreadId> {
        self.workers.iter().map(|w| w.thread().id()).collect()
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        self.senders.clear();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
