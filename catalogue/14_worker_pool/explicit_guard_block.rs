// expect: pass
// why: each worker runs a named function that takes the next job inside an explicit block (guard dropped at the closing brace) and runs it afterwards; drop uses if-let on take() and pops and joins each worker (outsider: correct variant)

//! Exercise 14: a worker pool.

use std::sync::mpsc::{Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle, ThreadId};
use std::sync::mpsc::Receiver;

/// One worker: take a job, let go of the lock, run it; stop when the queue closes.
fn work(queue: Arc<Mutex<Receiver<Job>>>) {
    loop {
        let next = {
            let guard = queue.lock().expect("no worker panics while holding the lock");
            guard.recv()
        }; // guard dropped here, before the job runs
        let Ok(job) = next else { return };
        job();
    }
}

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
        let queue = Arc::new(Mutex::new(receiver));
        let workers = (0..size)
            .map(|_| {
                let queue = Arc::clone(&queue);
                thread::spawn(move || work(queue))
            })
            .collect();
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
        if let Some(sender) = self.sender.take() {
            drop(sender); // closes the queue once it is empty
        }
        while let Some(worker) = self.workers.pop() {
            if worker.join().is_err() {
                eprintln!("a worker panicked");
            }
        }
    }
}
