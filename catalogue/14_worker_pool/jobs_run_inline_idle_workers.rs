// expect: fail
// why: shortcut: new spawns `size` threads that only park until the pool drops, and execute simply calls the job on the caller's thread, so worker_threads looks right but no worker ever runs a job (outsider: jobs must go through the shared queue to the worker threads)
// en: execute only queues the job
// en: ran on the thread that called execute
// pt-BR: execute só enfileira a tarefa
// pt-BR: rodou na thread que chamou execute

//! Exercise 14: a worker pool.

use std::sync::mpsc::{Sender, channel};
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
    sender: Option<Sender<()>>,
}

impl ThreadPool {
    /// Starts `size` workers that share one job queue. Each worker waits for
    /// the next job, runs it, and waits again, until the queue closes.
    pub fn new(size: usize) -> ThreadPool {
        let (sender, receiver) = channel::<()>();
        let receiver = std::sync::Arc::new(std::sync::Mutex::new(receiver));
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size {
            let receiver = receiver.clone();
            // the worker just waits for the pool to close
            workers.push(thread::spawn(move || {
                let _ = receiver.lock().unwrap().recv();
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
        let job: Job = Box::new(job);
        job();
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
        self.sender.take();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}
