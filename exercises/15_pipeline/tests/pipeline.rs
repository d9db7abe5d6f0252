//! The specification of exercise 15. Read it: each test says what your
//! `run_pipeline` must do, and fails with a message that says why.
//!
//! All the tests look at one run of the pipeline, made once and shared. The
//! source is twelve lines of text; `parse` turns a line into a number,
//! `transform` squares it, and `collect` hands the result to the test. Each
//! of the three notes which thread called it, and notes when it is dropped,
//! which happens when the stage's thread ends.
//!
//! Two things in the run are there on purpose:
//! - from the third line on, `parse` first waits (up to a couple of seconds
//!   in all) until the first result has reached `collect`: in a pipeline the stages
//!   run at the same time, so it gets there at once. The wait ends sooner
//!   when nothing else is running that could bring it there (Linux tells);
//! - halfway, the source is slow for a moment, as real sources are: a stage
//!   that gives up when nothing arrives for a while stops too early.
//!
//! The first item takes a little longer in `transform`, and the last one in
//! `collect`.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::channel;
use std::sync::{Arc, Mutex, OnceLock};
use std::thread::{self, ThreadId};
use std::time::{Duration, Instant};

use course_support::{
    Census, InnerWaits, Outcome, PATIENCE, check, drain_within, fail, human, plural, start_call,
};
use pipeline::run_pipeline;

/// How many lines the source has.
const LINES: i64 = 12;
/// How long `parse` waits, from the third line on, for the first result to
/// reach `collect`. A real pipeline gets there in microseconds.
const FIRST_THROUGH: Duration = Duration::from_secs(2);
/// The slow moment of the source, halfway.
const SLOW_SOURCE: Duration = Duration::from_millis(40);

/// The three stages, as the test names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Stage {
    Parse,
    Transform,
    Collect,
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Stage::Parse => "parse",
            Stage::Transform => "transform",
            Stage::Collect => "collect",
        })
    }
}

/// One result, as `collect` received it, with the threads it went through.
#[derive(Clone, Debug)]
struct Record {
    value: i64,
    parse: ThreadId,
    transform: ThreadId,
    collect: ThreadId,
}

/// What one run of the pipeline left behind.
struct Run {
    /// How the call to `run_pipeline` went.
    outcome: Outcome<()>,
    /// The thread that called `run_pipeline`.
    caller: ThreadId,
    /// Every result `collect` received, in order (also those after
    /// `run_pipeline` returned, from a version that did not wait).
    records: Vec<Record>,
    /// How many results `collect` had received when `run_pipeline` returned.
    collected_by_return: usize,
    /// The stages whose threads had ended when `run_pipeline` returned.
    ended_by_return: BTreeSet<Stage>,
    /// Whether the first result reached `collect` while `parse` was still
    /// busy with the source.
    overlapped: bool,
}

fn run() -> &'static Run {
    static RUN: OnceLock<Run> = OnceLock::new();
    RUN.get_or_init(run_pipeline_once)
}

fn run_pipeline_once() -> Run {
    let (record_tx, records) = channel::<Record>();
    let collected = Arc::new(AtomicUsize::new(0));
    let first_through = Arc::new(AtomicBool::new(false));
    let waited_in_vain = Arc::new(AtomicBool::new(false));
    let ended: Arc<Mutex<BTreeSet<Stage>>> = Arc::default();
    let source: Vec<String> = (1..=LINES).map(|n| n.to_string()).collect();
    // One deadline for all the waits, so that a version whose stages take
    // turns waits once, not once per line.
    let give_up = Instant::now() + FIRST_THROUGH;
    // The wait also ends once waiting cannot help: parse waits there, and
    // every other thread run_pipeline started waits for something only
    // parse can end (an item, a join), or there is none.
    let waits = Arc::new(InnerWaits::since(Census::take()));

    let parse = {
        let (first_through, waited_in_vain, waits) = (
            Arc::clone(&first_through),
            Arc::clone(&waited_in_vain),
            Arc::clone(&waits),
        );
        let end = EndOf(Stage::Parse, Arc::clone(&ended));
        let calls = AtomicUsize::new(0);
        move |line: String| {
            let _ = end.stage();
            let call = calls.fetch_add(1, Ordering::SeqCst) + 1;
            let value: i64 = line.parse().unwrap_or(-1);
            if call >= 3 && !waits.until(give_up, || first_through.load(Ordering::SeqCst)) {
                waited_in_vain.store(true, Ordering::SeqCst);
            }
            if value == LINES / 2 {
                thread::sleep(SLOW_SOURCE);
            }
            (value, thread::current().id())
        }
    };
    let transform = {
        let end = EndOf(Stage::Transform, Arc::clone(&ended));
        move |(value, parse): (i64, ThreadId)| {
            let _ = end.stage();
            if value == 1 {
                // The first one takes a little longer.
                thread::sleep(Duration::from_millis(5));
            }
            (value * value, parse, thread::current().id())
        }
    };
    let collect = {
        let (collected, first_through) = (Arc::clone(&collected), Arc::clone(&first_through));
        let end = EndOf(Stage::Collect, Arc::clone(&ended));
        move |(value, parse, transform): (i64, ThreadId, ThreadId)| {
            let _ = end.stage();
            if value == LINES * LINES {
                // The last one takes a little longer too.
                thread::sleep(Duration::from_millis(10));
            }
            let _ = record_tx.send(Record {
                value,
                parse,
                transform,
                collect: thread::current().id(),
            });
            collected.fetch_add(1, Ordering::SeqCst);
            first_through.store(true, Ordering::SeqCst);
        }
    };

    let call = {
        let (collected, ended) = (Arc::clone(&collected), Arc::clone(&ended));
        start_call(None, move || {
            run_pipeline(source, parse, transform, collect);
            // What was done the moment `run_pipeline` returned.
            (
                collected.load(Ordering::SeqCst),
                ended.lock().map(|e| e.clone()).unwrap_or_default(),
            )
        })
    };
    let caller = call.thread().id();
    let (outcome, collected_by_return, ended_by_return) = match call.outcome_within(PATIENCE) {
        Outcome::Returned((collected, ended)) => (Outcome::Returned(()), collected, ended),
        Outcome::Panicked(why) => (Outcome::Panicked(why), 0, BTreeSet::new()),
        Outcome::StillRunning => (Outcome::StillRunning, 0, BTreeSet::new()),
    };
    Run {
        outcome,
        caller,
        // Every record, until `collect` is gone or a short while has passed.
        records: drain_within(&records, Duration::from_secs(1)),
        collected_by_return,
        ended_by_return,
        overlapped: !waited_in_vain.load(Ordering::SeqCst),
    }
}

/// Moves into a stage's function, and notes the stage in `ended` when the
/// function is dropped: that happens when the thread that owns it ends (or
/// when `run_pipeline` returns, if it kept the function for itself).
struct EndOf(Stage, Arc<Mutex<BTreeSet<Stage>>>);

impl EndOf {
    /// Used by each function, so that the function owns it.
    fn stage(&self) -> Stage {
        self.0
    }
}

impl Drop for EndOf {
    fn drop(&mut self) {
        if let Ok(mut ended) = self.1.lock() {
            ended.insert(self.0);
        }
    }
}

/// The run, once sure `run_pipeline` returned by itself.
fn returned() -> &'static Run {
    let run = run();
    match &run.outcome {
        Outcome::Returned(()) => run,
        Outcome::Panicked(why) => {
            let got = run.records.len();
            fail(
                format!(
                    "run_pipeline panicked: {why} ({got} of {LINES} items reached collect). \
                     A send fails only when the next stage has already ended and dropped \
                     its Receiver: does a stage stop before its input channel is closed \
                     (on a time-out, an empty try_recv, a count)? Let each stage loop with \
                     `for value in rx` until every Sender before it is gone."
                ),
                format!(
                    "run_pipeline entrou em pânico: {why} ({got} de {LINES} itens chegaram \
                     ao collect). Um send só falha quando o estágio seguinte já terminou e \
                     descartou o seu Receiver: algum estágio para antes de o canal de \
                     entrada fechar (num time-out, num try_recv vazio, numa contagem)? Deixe \
                     cada estágio repetir com `for value in rx` até todos os Senders antes \
                     dele sumirem."
                ),
            )
        }
        Outcome::StillRunning => {
            let got = run.records.len();
            let (all_en, all_pt) = if got == LINES as usize {
                (
                    " Every item had reached collect, so the stages were done with \
                     the data, yet one of them was still waiting for more.",
                    " Todos os itens tinham chegado ao collect, então os estágios já \
                     tinham terminado com os dados, mas um deles continuava esperando mais.",
                )
            } else {
                ("", "")
            };
            fail(
                format!(
                    "run_pipeline did not return within {} ({got} of {LINES} items reached \
                     collect).{all_en} The shutdown cascades: a stage's loop ends only when \
                     every Sender of its input channel is gone, and its own Sender goes \
                     when the stage ends. Does a stage (or run_pipeline itself) keep an \
                     extra Sender, a clone or the original, alive?",
                    human(PATIENCE)
                ),
                format!(
                    "run_pipeline não retornou em {} ({got} de {LINES} itens chegaram ao \
                     collect).{all_pt} O encerramento desce em cascata: o laço de um \
                     estágio só acaba quando todos os Senders do canal de entrada somem, e \
                     o Sender do próprio estágio some quando ele termina. Algum estágio (ou \
                     a própria run_pipeline) mantém vivo um Sender a mais, um clone ou o \
                     original?",
                    human(PATIENCE)
                ),
            )
        }
    }
}

#[test]
fn every_item_comes_out_once_and_in_order() {
    let run = returned();
    let got: Vec<i64> = run.records.iter().map(|r| r.value).collect();
    let expected: Vec<i64> = (1..=LINES).map(|n| n * n).collect();
    if got.len() != expected.len() {
        let missing: Vec<i64> = expected
            .iter()
            .filter(|v| !got.contains(v))
            .copied()
            .collect();
        fail(
            format!(
                "collect received {} {}, expected {} (the squares of 1..={LINES}); \
                 missing: {missing:?}. A stage that stops early loses what is still on \
                 its way: loop until recv() reports the channel closed (`for item in rx`), \
                 not until the channel is empty for a moment or a count is reached.",
                got.len(),
                plural(got.len(), "result", "results"),
                expected.len()
            ),
            format!(
                "o collect recebeu {} {}, o esperado era {} (os quadrados de \
                 1..={LINES}); faltaram: {missing:?}. Um estágio que para cedo perde o que \
                 ainda está a caminho: repita até recv() dizer que o canal fechou \
                 (`for item in rx`), não até o canal ficar vazio por um instante ou até \
                 chegar a uma contagem.",
                got.len(),
                plural(got.len(), "resultado", "resultados"),
                expected.len()
            ),
        );
    }
    check(
        got == expected,
        format!(
            "the results came out as {got:?}, expected {expected:?}: a pipeline keeps the \
             order, because each stage is one thread that takes its items one by one from \
             one channel. Handing items to several threads inside a stage mixes them up."
        ),
        format!(
            "os resultados saíram como {got:?}, o esperado era {expected:?}: um pipeline \
             mantém a ordem, porque cada estágio é uma thread só, que pega os itens um a um \
             de um canal. Repassar itens para várias threads dentro de um estágio os \
             embaralha."
        ),
    );
}

#[test]
fn each_stage_runs_on_a_thread_of_its_own() {
    let run = returned();
    if run.records.is_empty() {
        // Nothing came out to tell the threads by: the test of the items
        // says why.
        return;
    }
    let mut threads: BTreeMap<Stage, BTreeSet<String>> = BTreeMap::new();
    for record in &run.records {
        for (stage, thread) in [
            (Stage::Parse, record.parse),
            (Stage::Transform, record.transform),
            (Stage::Collect, record.collect),
        ] {
            threads
                .entry(stage)
                .or_default()
                .insert(format!("{thread:?}"));
        }
    }
    let caller = format!("{:?}", run.caller);
    for (stage, used) in &threads {
        check(
            used.len() == 1,
            format!(
                "{stage} ran on {} different threads ({used:?}): each stage is one thread \
                 that handles every item, one after the other",
                used.len()
            ),
            format!(
                "{stage} rodou em {} threads diferentes ({used:?}): cada estágio é uma \
                 thread só, que cuida de todos os itens, um depois do outro",
                used.len()
            ),
        );
        check(
            !used.contains(&caller),
            format!(
                "{stage} ran on the thread that called run_pipeline: start each stage \
                 with a thread::spawn of its own; the caller only waits for them"
            ),
            format!(
                "{stage} rodou na thread que chamou run_pipeline: crie cada estágio com o \
                 seu próprio thread::spawn; quem chama só espera por eles"
            ),
        );
    }
    let all: BTreeSet<&String> = threads.values().flatten().collect();
    check(
        all.len() >= 3,
        format!(
            "the three stages shared {} thread(s): parse, transform and collect each need a \
             thread of their own, connected by two channels",
            all.len()
        ),
        format!(
            "os três estágios compartilharam {} thread(s): parse, transform e collect precisam \
             cada um da sua thread, ligadas por dois canais",
            all.len()
        ),
    );
}

#[test]
fn the_stages_work_at_the_same_time() {
    let run = returned();
    if run.records.is_empty() {
        // No result ever reached collect, so none could reach it early: the
        // test of the items says why.
        return;
    }
    check(
        run.overlapped,
        format!(
            "parse waited (up to {}) for the first result to reach collect, and it never did \
             while the source was still being read. In a pipeline the stages run side by side: \
             start all three threads first, then let the items flow; do not finish (or \
             join) one stage before starting the next, and let each stage send every item \
             on as soon as it is done, instead of gathering them (in a Vec) to send at the \
             end.",
            human(FIRST_THROUGH)
        ),
        format!(
            "o parse esperou (até {}) pelo primeiro resultado chegar ao collect, e ele não \
             chegou enquanto a fonte ainda era lida. Num pipeline os estágios rodam lado a lado: \
             crie as três threads primeiro e depois deixe os itens fluírem; não termine \
             (nem faça join de) um estágio antes de começar o próximo, e faça cada estágio \
             mandar cada item adiante assim que ele fica pronto, em vez de juntá-los (num \
             Vec) para enviar no fim.",
            human(FIRST_THROUGH)
        ),
    );
}

#[test]
fn run_pipeline_returns_after_every_stage_has_ended() {
    let run = returned();
    // Results that never came at all are another test's business (a stage
    // that stops early); here only those that came after the return count.
    let collected = run.collected_by_return;
    let came = run.records.len();
    check(
        collected >= came,
        format!(
            "run_pipeline returned when only {collected} of the {came} results collect got \
             had reached it: the last items were still on their way. Join every stage's \
             thread, the last one too, before returning."
        ),
        format!(
            "run_pipeline retornou quando só {collected} dos {came} resultados que o collect \
             recebeu {} chegado a ele: os últimos itens ainda estavam a caminho. Faça join \
             na thread de cada estágio, inclusive a última, antes de retornar.",
            plural(collected, "tinha", "tinham"),
        ),
    );
    // Stages that ran on the caller's own thread are another test's business.
    let on_caller = |stage: &Stage| {
        run.records.iter().any(|r| {
            let thread = match stage {
                Stage::Parse => r.parse,
                Stage::Transform => r.transform,
                Stage::Collect => r.collect,
            };
            thread == run.caller
        })
    };
    let running: Vec<String> = [Stage::Parse, Stage::Transform, Stage::Collect]
        .into_iter()
        .filter(|s| !run.ended_by_return.contains(s) && !on_caller(s))
        .map(|s| s.to_string())
        .collect();
    check(
        running.is_empty(),
        format!(
            "run_pipeline returned while the threads of {running:?} were still running: \
             join every stage before returning"
        ),
        format!(
            "run_pipeline retornou com as threads de {running:?} ainda rodando: faça join \
             em cada estágio antes de retornar"
        ),
    );
}
