//! The specification of exercise 14. Read it: each test says what your
//! `ThreadPool` must do, and fails with a message that says why.
//!
//! All the tests look at one run of the pool, made once and shared: a pool of
//! four workers gets twenty jobs and is then dropped. Every job reports which
//! thread ran it. The first four jobs wait for one another: they finish only
//! once all four are running at the same moment (or after a while, if that
//! never happens), so a pool that runs one job at a time is caught without
//! guessing at timings. Each job also leaves a marker on its thread that
//! reports when the thread itself ends.
//!
//! One test makes a pool of its own, which first has nothing to do for a
//! moment (its workers must wait for work, without using the CPU, and not
//! leave), then gets a job that keeps one worker busy, then quick jobs that
//! the idle workers must take meanwhile. A pool that deals the jobs out in
//! turns (a channel per worker) leaves some of them waiting behind the busy
//! worker.
//!
//! For maintainers: a pool that picks a worker for each job by a rule that
//! ignores which workers are free (in turns, at random) is caught by that
//! test. One that keeps its own list of idle workers, with a channel per
//! worker, would pass: it is a correct pool, only not the one taught here.
//! Workers that poll the queue (try_recv in a loop) are caught by the CPU
//! time of the idle pool, which only Linux tells; elsewhere they pass.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::panic;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Census, InnerWaits, Outcome, PATIENCE, call_within, check, drain_within, fail, human,
    panic_text, plural, process_cpu_time, wait_until_while,
};
use worker_pool::ThreadPool;

/// How many workers the pool gets.
const WORKERS: usize = 4;
/// How many jobs it runs: the first `WORKERS` wait for one another, the
/// others only pause a little.
const JOBS: usize = 20;
/// The pause of the other jobs, so that the queue is still full when the
/// pool is dropped.
const PAUSE: Duration = Duration::from_millis(5);
/// How long the first jobs wait to see all of them running together. A pool
/// whose workers really run side by side gets there in microseconds.
const GATHERING: Duration = Duration::from_secs(2);

/// What one job tells the test about itself.
#[derive(Clone, Debug)]
struct Ran {
    job: usize,
    thread: ThreadId,
    name: Option<String>,
}

/// What one run of the pool left behind.
struct Run {
    /// `worker_threads()` right after `new`, and the thread that called it.
    started: Outcome<(Vec<ThreadId>, ThreadId)>,
    /// How `drop(pool)` went.
    dropped: Outcome<()>,
    /// How many jobs had run by the moment `drop` returned.
    done_by_drop: usize,
    /// The threads that had ended by the moment `drop` returned.
    ended_by_drop: HashSet<ThreadId>,
    /// Every job that reported, by the end of the test's patience.
    ran: Vec<Ran>,
    /// The most jobs seen running at the same moment.
    peak: usize,
}

/// The one run of the pool all the tests look at.
fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(run_pool)
}

fn run_pool() -> Run {
    watch_panics();
    let (report_tx, reports) = channel::<Ran>();
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let reported = Arc::new(AtomicUsize::new(0));
    let ended: Arc<Mutex<HashSet<ThreadId>>> = Arc::default();
    let gathering_ends = Instant::now() + GATHERING;
    // The gathering also ends once waiting cannot help: the threads that
    // ran a job wait in the gathering, and every other thread of the pool
    // waits for something only they can end (a lock they hold, a join), so
    // no other job can start. Judged only once the test itself has nothing
    // left to do but wait (`settle`).
    let gathering = Arc::new(InnerWaits::unsettled(Census::take()));

    let jobs: Vec<_> = (0..JOBS)
        .map(|job| {
            let (report_tx, running, peak, reported, ended, gathering) = (
                report_tx.clone(),
                Arc::clone(&running),
                Arc::clone(&peak),
                Arc::clone(&reported),
                Arc::clone(&ended),
                Arc::clone(&gathering),
            );
            move || {
                mark_thread_end(&ended);
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                if job < WORKERS {
                    gathering.until(gathering_ends, || peak.load(Ordering::SeqCst) >= WORKERS);
                } else {
                    thread::sleep(PAUSE);
                }
                running.fetch_sub(1, Ordering::SeqCst);
                let current = thread::current();
                let _ = report_tx.send(Ran {
                    job,
                    thread: current.id(),
                    name: current.name().map(str::to_owned),
                });
                reported.fetch_add(1, Ordering::SeqCst);
            }
        })
        .collect();
    // From here on only the jobs hold Senders of the report channel.
    drop(report_tx);

    let started = call_within(PATIENCE, None, move || {
        let pool = ThreadPool::new(WORKERS);
        let workers = pool.worker_threads();
        for job in jobs {
            pool.execute(job);
        }
        (pool, workers, thread::current().id())
    });
    let mut run = Run {
        started: Outcome::StillRunning,
        dropped: Outcome::StillRunning,
        done_by_drop: 0,
        ended_by_drop: HashSet::new(),
        ran: Vec::new(),
        peak: 0,
    };
    match started {
        Outcome::Returned((pool, workers, caller)) => {
            run.started = Outcome::Returned((workers, caller));
            // From here on the test only waits: the drop runs on a thread of
            // its own, one the gathering watches.
            gathering.settle();
            let (reported, ended) = (Arc::clone(&reported), Arc::clone(&ended));
            let dropped = call_within(PATIENCE, None, move || {
                drop(pool);
                // What was already done the moment `drop` returned.
                let done = reported.load(Ordering::SeqCst);
                let ended = ended.lock().map(|e| e.clone()).unwrap_or_default();
                (done, ended)
            });
            run.dropped = match dropped {
                Outcome::Returned((done, ended)) => {
                    run.done_by_drop = done;
                    run.ended_by_drop = ended;
                    Outcome::Returned(())
                }
                Outcome::Panicked(why) => Outcome::Panicked(why),
                Outcome::StillRunning => Outcome::StillRunning,
            };
        }
        Outcome::Panicked(why) => run.started = Outcome::Panicked(why),
        Outcome::StillRunning => {}
    }
    // Every report, including those of jobs that ran after `drop` returned,
    // until every job is gone (run or dropped) or the patience ends.
    run.ran = drain_within(&reports, PATIENCE);
    run.peak = peak.load(Ordering::SeqCst);
    run
}

/// Leaves a marker on the current thread that adds the thread to `ended`
/// when the thread ends (once per thread).
fn mark_thread_end(ended: &Arc<Mutex<HashSet<ThreadId>>>) {
    struct Marker(ThreadId, Arc<Mutex<HashSet<ThreadId>>>);
    impl Drop for Marker {
        fn drop(&mut self) {
            if let Ok(mut ended) = self.1.lock() {
                ended.insert(self.0);
            }
        }
    }
    thread_local! {
        static MARKER: RefCell<Option<Marker>> = const { RefCell::new(None) };
    }
    MARKER.with(|marker| {
        marker
            .borrow_mut()
            .get_or_insert_with(|| Marker(thread::current().id(), Arc::clone(ended)));
    });
}

/// The threads that panicked, with their messages, since `watch_panics`.
fn panicked_threads() -> &'static Mutex<Vec<(ThreadId, String)>> {
    static PANICKED: OnceLock<Mutex<Vec<(ThreadId, String)>>> = OnceLock::new();
    PANICKED.get_or_init(Mutex::default)
}

/// Notes every panic's thread, and still prints the panic as usual.
fn watch_panics() {
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let text = panic_text(info.payload());
        if let Ok(mut panicked) = panicked_threads().lock() {
            panicked.push((thread::current().id(), text));
        }
        previous(info);
    }));
}

/// The workers and the caller, once sure `new` and `execute` returned.
fn started(run: &Run) -> (&[ThreadId], ThreadId) {
    match &run.started {
        Outcome::Returned((workers, caller)) => (workers, *caller),
        Outcome::Panicked(why) => fail(
            format!("ThreadPool::new or execute panicked: {why}"),
            format!("ThreadPool::new ou execute entrou em pânico: {why}"),
        ),
        Outcome::StillRunning => fail(
            format!(
                "ThreadPool::new({WORKERS}) and {JOBS} calls to execute did not return \
                 within {}. Both only start threads and queue jobs: does new wait for its \
                 workers (join) instead of leaving that to drop?",
                human(PATIENCE)
            ),
            format!(
                "ThreadPool::new({WORKERS}) e {JOBS} chamadas a execute não retornaram em \
                 {}. As duas só criam threads e enfileiram tarefas: new espera os \
                 workers (join) em vez de deixar isso para o drop?",
                human(PATIENCE)
            ),
        ),
    }
}

fn who(ran: &Ran) -> String {
    match &ran.name {
        Some(name) => format!("{:?} ({name})", ran.thread),
        None => format!("{:?}", ran.thread),
    }
}

/// How long the quick jobs may take, in all, while one worker is busy: they
/// take microseconds on idle workers.
const QUICK_JOBS_TIME: Duration = Duration::from_secs(2);
/// How long that pool first has nothing to do.
const IDLE: Duration = Duration::from_millis(400);
/// Why a worker must not leave when the queue is empty for a moment.
const EMPTY_IS_NOT_CLOSED: (&str, &str) = (
    "An empty queue is not a closed one: recv() waits for the next job, and returns Err \
     only once the Sender is gone (try_recv's Empty only means \"nothing yet\").",
    "Fila vazia não é fila fechada: recv() espera a próxima tarefa, e só devolve Err quando \
     o Sender some (o Empty do try_recv só quer dizer \"nada ainda\").",
);

#[test]
fn a_job_goes_to_a_free_worker_not_behind_a_busy_one() {
    // The busy job keeps its worker until the test lets it go (or a while
    // has passed, so that nothing waits forever).
    let (release_tx, release) = channel::<()>();
    let (busy_started_tx, busy_started) = channel::<()>();
    let (done_tx, done) = channel::<usize>();
    let quick = 2 * WORKERS;
    let busy = move || {
        let _ = busy_started_tx.send(());
        let _ = release.recv_timeout(PATIENCE);
    };
    let census = Census::take();
    let pool = match call_within(PATIENCE, None, move || ThreadPool::new(WORKERS)) {
        Outcome::Returned(pool) => pool,
        Outcome::Panicked(why) => fail(
            format!("ThreadPool::new or execute panicked: {why}"),
            format!("ThreadPool::new ou execute entrou em pânico: {why}"),
        ),
        Outcome::StillRunning => fail(
            format!(
                "ThreadPool::new({WORKERS}) did not return within {}",
                human(PATIENCE)
            ),
            format!(
                "ThreadPool::new({WORKERS}) não retornou em {}",
                human(PATIENCE)
            ),
        ),
    };
    if pool.worker_threads().len() < 2 {
        // No worker can be free beside a busy one: new_starts_one_thread_per_worker
        // says why.
        return;
    }
    // First the pool has nothing to do for a while: its workers wait. Once
    // none of the threads it started is left (they panicked, or left their
    // loops), there is nothing to watch.
    let idle_start = Instant::now();
    let cpu_before = process_cpu_time();
    let pool_threads_left = || {
        census
            .as_ref()
            .and_then(|c| c.newcomers())
            .is_none_or(|left| !left.is_empty())
    };
    wait_until_while(
        idle_start + IDLE,
        Duration::from_millis(2),
        pool_threads_left,
        || Instant::now() >= idle_start + IDLE,
    );
    let idled = idle_start.elapsed();
    let cut_short = idled < IDLE;
    let idle_cpu = process_cpu_time()
        .zip(cpu_before)
        .map(|(after, before)| after - before)
        .filter(|_| !cut_short);
    // `execute` only queues the job: it returns at once.
    let pool = match call_within(QUICK_JOBS_TIME, None, move || {
        pool.execute(busy);
        pool
    }) {
        Outcome::Returned(pool) => pool,
        Outcome::Panicked(why) => fail(
            format!(
                "execute panicked after the pool had had nothing to do for {}: {why}. A send \
                 fails only once the Receiver is gone, that is, once every worker has left \
                 its loop. Did the workers leave while the queue was empty? {}",
                human(idled),
                EMPTY_IS_NOT_CLOSED.0
            ),
            format!(
                "execute entrou em pânico depois de o pool ficar {} sem nada para fazer: \
                 {why}. Um send só falha quando o Receiver já sumiu, ou seja, quando todos os \
                 workers saíram dos seus laços. Os workers saíram enquanto a fila estava \
                 vazia? {}",
                human(idled),
                EMPTY_IS_NOT_CLOSED.1
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "execute did not return within {} with a job that takes long: execute only \
                 queues the job (sends it down the channel), for a worker to run; it does not \
                 run the job itself, nor wait for it",
                human(QUICK_JOBS_TIME)
            ),
            format!(
                "execute não retornou em {} com uma tarefa demorada: execute só enfileira a \
                 tarefa (envia pelo canal) para um worker rodar; não roda a tarefa ele mesmo, \
                 nem espera por ela",
                human(QUICK_JOBS_TIME)
            ),
        ),
    };
    let started = busy_started.recv_timeout(QUICK_JOBS_TIME).is_ok();
    if started {
        for job in 0..quick {
            let done_tx = done_tx.clone();
            pool.execute(move || {
                let _ = done_tx.send(job);
            });
        }
    }
    drop(done_tx);
    let deadline = Instant::now() + QUICK_JOBS_TIME;
    let mut finished = Vec::new();
    while finished.len() < quick {
        match done.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            Ok(job) => finished.push(job),
            Err(_) => break,
        }
    }
    // Let the busy job go, and shut the pool down, whatever happened.
    let _ = release_tx.send(());
    let _ = call_within(PATIENCE, None, move || drop(pool));
    check(
        started,
        format!(
            "the pool had nothing to do for {}, then got a job, which did not start within \
             {}. Did the workers leave their loops while the queue was empty? {}",
            human(idled),
            human(QUICK_JOBS_TIME),
            EMPTY_IS_NOT_CLOSED.0
        ),
        format!(
            "o pool ficou {} sem nada para fazer, depois recebeu uma tarefa, que não começou \
             em {}. Os workers saíram dos seus laços enquanto a fila estava vazia? {}",
            human(idled),
            human(QUICK_JOBS_TIME),
            EMPTY_IS_NOT_CLOSED.1
        ),
    );
    // Where the system tells the CPU time: waiting workers use none.
    if let Some(used) = idle_cpu {
        check(
            used <= IDLE / 8,
            format!(
                "while the pool had nothing to do for {}, its threads used {} of CPU time: \
                 the workers keep asking the queue (try_recv in a loop) instead of waiting. \
                 recv() blocks, using no CPU at all, until a job comes or the Sender is gone.",
                human(idled),
                human(used)
            ),
            format!(
                "enquanto o pool ficou {} sem nada para fazer, as threads dele usaram {} de \
                 CPU: os workers ficam perguntando à fila (try_recv num laço) em vez de \
                 esperar. recv() bloqueia, sem usar CPU nenhuma, até chegar uma tarefa ou o \
                 Sender sumir.",
                human(idled),
                human(used)
            ),
        );
    }
    check(
        !finished.is_empty(),
        format!(
            "one worker was busy with a long job, and none of the {quick} quick jobs queued \
             after it ran within {}, although the pool has {WORKERS} workers. Does a worker \
             keep the Mutex locked while it runs its job, so that the others cannot take \
             the next one? Take the job out in a `let` of its own, so the lock is released \
             before `job()` runs.",
            human(QUICK_JOBS_TIME)
        ),
        format!(
            "um worker estava ocupado com uma tarefa longa, e nenhuma das {quick} tarefas \
             rápidas enfileiradas depois dela rodou em {}, embora o pool tenha {WORKERS} \
             workers. Algum worker segura o lock do Mutex enquanto roda a tarefa, e assim os \
             outros não conseguem pegar a próxima? Tire a tarefa da fila num `let` separado, \
             para o lock ser liberado antes de `job()` rodar.",
            human(QUICK_JOBS_TIME)
        ),
    );
    let waiting: Vec<usize> = (0..quick).filter(|j| !finished.contains(j)).collect();
    check(
        waiting.is_empty(),
        format!(
            "one worker was busy with a long job and the other {} were free, yet the quick \
             jobs {waiting:?} (of 0..{quick}) did not run within {}: they waited behind the \
             busy worker. Does execute deal the jobs out in turns, a channel per worker? A \
             pool has one queue that every worker takes from (Arc<Mutex<Receiver<Job>>>), so \
             that whichever worker is free takes the next job.",
            WORKERS - 1,
            human(QUICK_JOBS_TIME)
        ),
        format!(
            "um worker estava ocupado com uma tarefa longa e os outros {} estavam livres, mas \
             as tarefas rápidas {waiting:?} (de 0..{quick}) não rodaram em {}: ficaram \
             esperando atrás do worker ocupado. O execute distribui as tarefas em rodízio, um \
             canal por worker? Um pool tem uma fila só, de onde todos os workers pegam \
             (Arc<Mutex<Receiver<Job>>>), para que o worker que estiver livre pegue a \
             próxima tarefa.",
            WORKERS - 1,
            human(QUICK_JOBS_TIME)
        ),
    );
}

#[test]
fn new_starts_one_thread_per_worker() {
    let (workers, caller) = started(run());
    check(
        workers.len() == WORKERS,
        format!(
            "ThreadPool::new({WORKERS}) started {} worker thread(s); a pool of {WORKERS} \
             needs {WORKERS} workers, each on a thread of its own, all sharing the one \
             Receiver (Arc<Mutex<Receiver<Job>>>)",
            workers.len()
        ),
        format!(
            "ThreadPool::new({WORKERS}) criou {} thread(s) de worker; um pool de {WORKERS} \
             precisa de {WORKERS} workers, cada um na sua thread, todos compartilhando o mesmo \
             Receiver (Arc<Mutex<Receiver<Job>>>)",
            workers.len()
        ),
    );
    let distinct: HashSet<&ThreadId> = workers.iter().collect();
    check(
        distinct.len() == workers.len() && !distinct.contains(&caller),
        "two workers share a thread, or a worker is the caller's own thread: each worker needs a thread::spawn of its own",
        "dois workers compartilham uma thread, ou um worker é a própria thread de quem chamou: cada worker precisa do seu próprio thread::spawn",
    );
}

#[test]
fn jobs_run_on_the_workers_not_on_threads_of_their_own() {
    let run = run();
    let (workers, caller) = started(run);
    for ran in &run.ran {
        check(
            ran.thread != caller,
            format!(
                "job {} ran on the thread that called execute: execute should only queue \
                 the job (send it into the channel) for a worker to run",
                ran.job
            ),
            format!(
                "a tarefa {} rodou na thread que chamou execute: execute só deve enfileirar \
                 a tarefa (enviá-la pelo canal) para um worker rodar",
                ran.job
            ),
        );
        check(
            workers.contains(&ran.thread),
            format!(
                "job {} ran on thread {}, which is not one of the pool's workers {workers:?}. \
                 A pool reuses its workers: execute sends the boxed job down the channel, it \
                 does not start a thread per job.",
                ran.job,
                who(ran)
            ),
            format!(
                "a tarefa {} rodou na thread {}, que não é um dos workers do pool \
                 {workers:?}. Um pool reaproveita os seus workers: execute envia a tarefa \
                 (em uma Box) pelo canal, não cria uma thread por tarefa.",
                ran.job,
                who(ran)
            ),
        );
    }
}

#[test]
fn the_workers_run_jobs_at_the_same_time() {
    let run = run();
    let (workers, _) = started(run);
    let started = workers.len();
    check(
        started >= WORKERS || run.peak >= WORKERS,
        format!(
            "at most {} {} at the same moment: a pool with {started} {} cannot run \
             {WORKERS} jobs side by side. Start {WORKERS} workers that share the one \
             Receiver.",
            run.peak,
            plural(run.peak, "job ran", "jobs ran"),
            plural(started, "worker", "workers"),
        ),
        format!(
            "no máximo {} {} ao mesmo tempo: um pool com {started} {} não consegue rodar \
             {WORKERS} tarefas lado a lado. Crie {WORKERS} workers que compartilhem o mesmo \
             Receiver.",
            run.peak,
            plural(run.peak, "tarefa rodou", "tarefas rodaram"),
            plural(started, "worker", "workers"),
        ),
    );
    check(
        run.peak >= WORKERS,
        format!(
            "the first {WORKERS} jobs each waited up to {} for all {WORKERS} to be running \
             at once, but at most {} ran at the same moment. The workers take turns: does a \
             worker keep the Mutex locked while it runs its job? The lock guard lives until \
             the end of the statement that made it, and in `while let` or `match` until the \
             end of the whole block. Take the job out in a `let` of its own, so the lock is \
             released before `job()` runs.",
            human(GATHERING),
            run.peak
        ),
        format!(
            "cada uma das {WORKERS} primeiras tarefas esperou até {} para ver as {WORKERS} \
             rodando juntas, mas no máximo {} {} ao mesmo tempo. Os workers se revezam: \
             algum worker segura o lock do Mutex enquanto roda a tarefa? O guard do lock vive \
             até o fim da instrução que o criou, e em `while let` ou `match` até o fim do \
             bloco inteiro. Tire a tarefa da fila num `let` separado, para o lock ser \
             liberado antes de `job()` rodar.",
            human(GATHERING),
            run.peak,
            plural(run.peak, "rodou", "rodaram"),
        ),
    );
    let threads: HashSet<ThreadId> = run.ran.iter().map(|r| r.thread).collect();
    check(
        threads.len() >= 2,
        format!(
            "all {} jobs ran on a single thread; the {WORKERS} workers should share them",
            run.ran.len()
        ),
        format!(
            "todas as {} tarefas rodaram numa única thread; os {WORKERS} workers deveriam \
             reparti-las",
            run.ran.len()
        ),
    );
}

#[test]
fn every_job_runs_exactly_once() {
    let run = run();
    started(run);
    let mut times: BTreeMap<usize, usize> = BTreeMap::new();
    for ran in &run.ran {
        *times.entry(ran.job).or_default() += 1;
    }
    let twice: Vec<usize> = times
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|(j, _)| *j)
        .collect();
    let missing: Vec<usize> = (0..JOBS).filter(|j| !times.contains_key(j)).collect();
    check(
        twice.is_empty(),
        format!("jobs {twice:?} ran more than once; each job must run exactly once"),
        format!(
            "as tarefas {twice:?} rodaram mais de uma vez; cada tarefa roda exatamente uma vez"
        ),
    );
    check(
        missing.is_empty(),
        format!(
            "jobs {missing:?} of 0..{JOBS} never ran. Every queued job must run before the \
             pool is gone: after dropping the Sender, the workers still take what is queued, \
             and recv() returns Err only once the queue is empty."
        ),
        format!(
            "as tarefas {missing:?} de 0..{JOBS} nunca rodaram. Toda tarefa enfileirada \
             precisa rodar antes de o pool sumir: depois de descartar o Sender, os workers \
             ainda pegam o que está na fila, e recv() só devolve Err com a fila vazia."
        ),
    );
}

#[test]
fn drop_waits_for_the_queued_jobs_and_ends_every_worker() {
    let run = run();
    let (workers, _) = started(run);
    match &run.dropped {
        Outcome::Returned(()) => {}
        Outcome::Panicked(why) => fail(
            format!(
                "dropping the pool panicked: {why}. When the pool's Sender is dropped, each \
                 worker's recv() returns Err once the queue is empty: that is the signal to \
                 stop, not an error to unwrap."
            ),
            format!(
                "o drop do pool entrou em pânico: {why}. Quando o Sender do pool é \
                 descartado, o recv() de cada worker devolve Err assim que a fila esvazia: é \
                 o sinal para parar, não um erro para dar unwrap."
            ),
        ),
        Outcome::StillRunning => fail(
            format!(
                "drop(pool) did not return within {}. The workers wait in recv() as long as \
                 the pool's Sender lives, so joining them first waits forever. Drop the \
                 Sender first (self.sender.take()), then join every worker.",
                human(PATIENCE)
            ),
            format!(
                "drop(pool) não retornou em {}. Os workers esperam em recv() enquanto o \
                 Sender do pool existir, então fazer join neles antes espera para sempre. \
                 Descarte o Sender primeiro (self.sender.take()) e depois faça join em cada \
                 worker.",
                human(PATIENCE)
            ),
        ),
    }
    let panicked: Vec<(ThreadId, String)> = panicked_threads()
        .lock()
        .map(|p| p.clone())
        .unwrap_or_default();
    if let Some((thread, why)) = panicked.iter().find(|(t, _)| workers.contains(t)) {
        fail(
            format!(
                "worker {thread:?} panicked: {why}. When the Sender is dropped, recv() returns \
                 Err once the queue is empty: that is how a worker learns to stop. End its \
                 loop there (while let Ok(..), or match and break) instead of unwrap()."
            ),
            format!(
                "o worker {thread:?} entrou em pânico: {why}. Quando o Sender é descartado, \
                 recv() devolve Err assim que a fila esvazia: é assim que o worker fica \
                 sabendo que deve parar. Termine o laço ali (while let Ok(..), ou match e \
                 break) em vez de unwrap()."
            ),
        );
    }
    let done = run.done_by_drop;
    check(
        done == JOBS,
        format!(
            "drop(pool) returned when only {done} of the {JOBS} queued jobs had run. A \
             graceful shutdown waits for them: after dropping the Sender, join every \
             worker's JoinHandle."
        ),
        format!(
            "drop(pool) retornou quando só {done} das {JOBS} tarefas enfileiradas {} \
             rodado. Um encerramento elegante espera por elas: depois de descartar o Sender, \
             faça join no JoinHandle de cada worker.",
            plural(done, "tinha", "tinham"),
        ),
    );
    // The workers that ran a job carry a marker that reports their end.
    let busy: HashSet<ThreadId> = run.ran.iter().map(|r| r.thread).collect();
    let still_running: Vec<&ThreadId> = workers
        .iter()
        .filter(|w| busy.contains(w) && !run.ended_by_drop.contains(w))
        .collect();
    check(
        still_running.is_empty(),
        format!(
            "drop(pool) returned while workers {still_running:?} were still running: join \
             every worker, so that none outlives the pool"
        ),
        format!(
            "drop(pool) retornou com os workers {still_running:?} ainda rodando: faça join em \
             cada worker, para nenhum viver mais que o pool"
        ),
    );
}
