// expect: fail
// why: execute spawns a new thread for every job instead of sending it to a fixed set of workers
// en: does not start a thread per job
// en: needs 4 workers
// pt-BR: não cria uma thread por tarefa
// pt-BR: precisa de 4 workers

use std::sync::mpsc::Sender;
use std::thread::{self, JoinHandle, ThreadId};

/// A job for the pool: a closure that is called once, can move to another
/// thread, and borrows nothing from the caller.
pub type Job = Box<dyn FnOnce() + Send + 'static>;

/// "A pool" that starts a thread for every job.
pub struct ThreadPool {
    workers: Vec<JoinHandle<()>>,
    jobs: std::sync::Mutex<Vec<JoinHandle<()>>>,
    sender: Option<Sender<Job>>,
}

impl ThreadPool {
    pub fn new(_size: usize) -> ThreadPool {
        ThreadPool {
            workers: Vec::new(),
            jobs: std::sync::Mutex::new(Vec::new()),
            sender: None,
        }
    }

    pub fn execute<F>(&self, job: F)
    where
        F: FnOnce() + Send + 'static,
    {
        let handle = thread::spawn(job);
        self.jobs.lock().unwrap().push(handle);
    }

    pub fn worker_threads(&self) -> Vec<ThreadId> {
        self.workers.iter().map(|w| w.thread().id()).collect()
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        drop(self.sender.take());
        for job in self.jobs.get_mut().unwrap().drain(..) {
            let _ = job.join();
        }
    }
}
