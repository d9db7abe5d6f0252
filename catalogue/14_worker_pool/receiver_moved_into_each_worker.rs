// expect: fail
// why: the Receiver itself is moved into each worker's closure in the loop (E0382): the note of this exercise explains Arc<Mutex<Receiver>>, not rx.iter()
// en: E0382 · use of a moved value
// en: In a pool this is usually the `Receiver`
// en: Arc::new(Mutex::new(receiver))
// pt-BR: E0382 · uso de um valor movido
// pt-BR: Num pool, quase sempre é o `Receiver`
// pt-BR: Arc::new(Mutex::new(receiver))

//! Exercise 14: a worker pool.
//!
//! Instructions: README.md (English) · README.pt-BR.md (português)
//! Check your work: cargo xtask verify

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
    sender: Option<Sender<Job>>,
}

impl ThreadPool {
    /// Starts `size` workers that share one job queue. Each worker waits for
    /// the next job, runs it, and waits again, until the queue closes.
    pub fn new(size: usize) -> ThreadPool {
        let (sender, receiver) = channel::<Job>();
        // ✏️  Your code goes here / Seu código vai aqui.
        let mut workers = Vec::with_capacity(size);
        for _ in 0..size {
            workers.push(thread::spawn(move || {
                loop {
                    let next = receiver.recv();
                    match next {
                        Ok(job) => job(),
                        Err(_) => break,
                    }
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
        // ✏️  Your code goes here / Seu código vai aqui.
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
