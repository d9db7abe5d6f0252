// expect: fail
// why: gives every worker its own channel and deals jobs round-robin in execute; a worker stuck on a long job gets its next job queued behind it while other workers sit idle (outsider: one shared queue: the first free worker takes the next job)
// en: they waited behind the busy worker
// pt-BR: ficaram esperando atrás do worker ocupado

//! Exercise 14: a worker pool.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Sender, channel};
use std::thread::{self, JoinHandle, ThreadId};

/// A job for the pool: a closure that is called once, can move to another
/// thread, and borrows nothing from the caller.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed number of worker threads that run the jobs handed to `execute`.
pub struct ThreadPool {
    /// The workers' threads: started by `new`, joined by `drop`.
    workers: Vec<JoinHandle<()>>,
    /// One Sender per worker, so no Mutex is needed.
    senders: Vec<Sender<Job>>,
    /// Which worker gets the next job.
    next: AtomicUsize,
}

impl ThreadPool {
    /// Starts `size` workers that share one job queue. Each worker waits for
    /// the next job, runs it, and waits again, until the queue closes.
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

    /// Queues `job`; the first worker that is free runs it.
    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let i = self.next.fetch_add(1, Ordering::Relaxed) % self.senders.len();
        self.senders[i]
            .send(Box::new(job))
            .expect("the workers outlive the pool's Sender");
    }

    /// The threads of the pool's workers (the tests use it).
    pub fn worker_threads(&self) -> Vec<ThreadId> {
        self.workers.iter().map(|w| w.thread().id()).collect()
    }
}

impl Drop for ThreadPool {
    /// Shuts the pool down: every job queued so far still runs, then every
    /// worker ends, and only then does `drop` return.
    fn drop(&mut self) {
        self.senders.clear();
        for worker in self.workers.drain(..) {
            worker.join().unwrap();
        }
    }
}
