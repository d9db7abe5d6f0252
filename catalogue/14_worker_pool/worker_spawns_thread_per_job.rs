// expect: fail
// why: to get parallelism each worker hands every job to a fresh thread::spawn, so jobs run on threads that are not the pool's workers, the thread count is unbounded, and drop returns before those job threads finish (outsider: the pool's workers run the jobs themselves (no thread per job))
// en: it does not start a thread per job
// pt-BR: não cria uma thread por tarefa

//! Exercise 14: a worker pool.

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle, ThreadId};

/// A job for the pool: a closure that is called once, can move to another
/// thread, and borrows nothing from the caller.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// A fixed number of worker threads that run the jobs handed to `execute`.
pub struct ThreadPool {
    /// The workers' threads: started by `new`, joined by `drop`.
    workers: Vec<JoinHandle<()>>,
    /// The sending half of the job queue. It sits in an `Option` so that
    /// `drop` can take it out and drop it on its own, before the workers.
    sender: Option<Sender<Job>>,
}

impl ThreadPool {
    /// Starts `size` workers that share one job queue. Each worker waits for
    /// the next job, runs it, and waits again, until the queue closes.
    pub fn new(size: usize) -> ThreadPool {
        let (sender, receiver) = channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size {
            let receiver = Arc::clone(&receiver);
            workers.push(thread::spawn(move || {
                while let Ok(job) = receiver.lock().unwrap().recv() {
                    // don't block the queue: run it in the background
                    thread::spawn(job);
                }
            }));
        }
        ThreadPool {
            workers,
            sender: Some(sender),
        }
    }

    /// Queues `job`; the first worker that is free runs it.
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
    pub fn worker_threads(&self) -> Vec<ThreadId> {
        self.workers.iter().map(|w| w.thread().id()).collect()
    }
}

impl Drop for ThreadPool {
    /// Shuts the pool down: every job queued so far still runs, then every
    /// worker ends, and only then does `drop` return.
    fn drop(&mut self) {
        drop(self.sender.take());
        for worker in self.workers.drain(..) {
            worker.join().unwrap();
        }
    }
}
