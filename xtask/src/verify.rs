//! `cargo xtask verify [EXERCISE] [--solutions]`: where the learner stands.
//!
//! The course's state is what its code does now, so there is no progress
//! file: every command that needs to know which exercise is next asks
//! [`evaluate`], which builds what it needs in one cargo run and then runs
//! each exercise's test executables under the exercise's time limit and the
//! output limit, in course order.

use std::fmt::Write as _;
use std::io;
use std::path::Path;
use std::process::Command;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, channel};
use std::thread;
use std::time::Duration;

use crate::compile::{self, Side};
use crate::course::{Course, Exercise};
use crate::flags;
use crate::lang::Lang;
use crate::libtest::{self, Panic};
use crate::process::{self, Ending, Limits};
use crate::shipped;
use crate::tr;
use crate::ui::{Ui, strip_ansi};

/// Output a test executable may write before it is stopped. Far more than
/// any exercise prints when it works; an endless loop crosses it in moments.
pub const OUTPUT_LIMIT: usize = 1 << 20;

#[derive(Debug)]
pub enum Verdict {
    Pass {
        tests: usize,
    },
    DoesNotCompile {
        errors: Vec<String>,
    },
    TestsFail {
        failed: Vec<FailedTest>,
        strays: Vec<Panic>,
        passed: usize,
    },
    TimedOut {
        limit: Duration,
        running: Vec<String>,
    },
    Flooded {
        head: String,
    },
    Crashed {
        how: String,
        stderr_tail: String,
    },
    /// cargo failed for a reason no exercise's diagnostics explain.
    BuildFailed {
        cargo: String,
    },
    NoTests,
    /// Cancelled (watch mode) or interrupted (Ctrl-C).
    Stopped,
}

#[derive(Debug)]
pub struct FailedTest {
    pub name: String,
    pub panic: Option<Panic>,
}

impl Verdict {
    pub fn passed(&self) -> bool {
        matches!(self, Verdict::Pass { .. })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Stop at the first exercise that does not pass.
    UntilFirstFailure,
    All,
}

/// Verdicts for `exercises`, in their order; with
/// [`Scope::UntilFirstFailure`] the list ends at the first one that fails.
///
/// After one cargo build, the exercises' tests run on a small pool of
/// threads (the worker-pool pattern: indices on a channel behind a mutex,
/// verdicts back on another channel). Most tests spend their time waiting
/// on channels and sleeps, so two exercises per core run side by side
/// (at most eight), which shortens the wait without crowding the machine. With `UntilFirstFailure`, as soon
/// as every exercise before the first failure has passed, the runs still
/// going are cancelled and their processes ended.
pub fn evaluate(
    course: &Course,
    side: Side,
    exercises: &[&Exercise],
    scope: Scope,
    ui: &Ui,
    cancel: Option<&AtomicBool>,
) -> io::Result<Vec<Verdict>> {
    let build = compile::build(course, side, exercises, ui, cancel)?;
    judge_all(course, side, exercises, &build, scope, ui, cancel)
}

/// [`evaluate`] after the build: the verdicts from `build` and the tests.
pub fn judge_all(
    course: &Course,
    side: Side,
    exercises: &[&Exercise],
    build: &compile::Build,
    scope: Scope,
    ui: &Ui,
    cancel: Option<&AtomicBool>,
) -> io::Result<Vec<Verdict>> {
    if matches!(build.ending, Ending::Cancelled | Ending::Interrupted) {
        return Ok(vec![Verdict::Stopped]);
    }
    let total = exercises.len();
    let jobs = thread::available_parallelism()
        .map_or(2, |n| 2 * n.get())
        .clamp(2, 8);
    // Raised to cancel the runs still going: the caller cancelled, or their
    // verdicts are no longer needed.
    let stop = AtomicBool::new(false);
    let mut results: Vec<Option<Verdict>> = (0..total).map(|_| None).collect();
    let (work_tx, work_rx) = channel::<usize>();
    for i in 0..total {
        let _ = work_tx.send(i);
    }
    drop(work_tx);
    let work_rx = Mutex::new(work_rx);

    thread::scope(|scope_| -> io::Result<()> {
        let (done_tx, done_rx) = channel::<(usize, io::Result<Verdict>)>();
        for _ in 0..jobs.min(total) {
            let done_tx = done_tx.clone();
            let (work_rx, stop) = (&work_rx, &stop);
            scope_.spawn(move || {
                loop {
                    // The lock is held only while taking the next index.
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(i)) = next else { return };
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    let verdict = judge(course, side, exercises[i], build, ui.lang, stop);
                    if done_tx.send((i, verdict)).is_err() {
                        return;
                    }
                }
            });
        }
        drop(done_tx);

        let mut finished = 0;
        loop {
            match done_rx.recv_timeout(Duration::from_millis(25)) {
                Ok((i, verdict)) => {
                    let verdict = match verdict {
                        Ok(v) => v,
                        Err(e) => {
                            stop.store(true, Ordering::SeqCst);
                            return Err(e);
                        }
                    };
                    results[i] = Some(verdict);
                    finished += 1;
                    ui.status(&format!(
                        "{} {finished}/{total}",
                        ui.t("Testing", "Testando")
                    ));
                    if scope == Scope::UntilFirstFailure && settled(&results) {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    if cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
                        stop.store(true, Ordering::SeqCst);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            }
        }
    })?;
    ui.clear_status();

    let mut verdicts = Vec::new();
    for result in results {
        // Missing: cancelled before it ran, or after the answer was known.
        let verdict = result.unwrap_or(Verdict::Stopped);
        let last = !verdict.passed() && scope == Scope::UntilFirstFailure
            || matches!(verdict, Verdict::Stopped);
        verdicts.push(verdict);
        if last {
            break;
        }
    }
    Ok(verdicts)
}

/// True when the verdicts in course order, up to the first failure, are all
/// known: later ones cannot change the answer.
fn settled(results: &[Option<Verdict>]) -> bool {
    match results
        .iter()
        .position(|r| !r.as_ref().is_some_and(Verdict::passed))
    {
        Some(i) => results[i].is_some(),
        None => true,
    }
}

/// The verdict of one exercise, from the build and its tests.
fn judge(
    course: &Course,
    side: Side,
    exercise: &Exercise,
    build: &compile::Build,
    lang: Lang,
    stop: &AtomicBool,
) -> io::Result<Verdict> {
    Ok(match (build.of(exercise), &build.cargo_error) {
        (Some(c), _) if !c.errors.is_empty() => Verdict::DoesNotCompile {
            errors: c.errors.clone(),
        },
        (Some(c), _) if !c.tests.is_empty() => {
            let dir = match side {
                Side::Exercises => exercise.dir.clone(),
                Side::Solutions => exercise.solution_dir(&course.root),
            };
            run_tests(exercise, &c.tests, &dir, lang, Some(stop))?
        }
        (_, Some(cargo)) => Verdict::BuildFailed {
            cargo: cargo.clone(),
        },
        _ => Verdict::NoTests,
    })
}

/// Runs an exercise's test executables one after another; the first that
/// does not pass decides.
pub fn run_tests(
    exercise: &Exercise,
    executables: &[std::path::PathBuf],
    dir: &Path,
    lang: Lang,
    cancel: Option<&AtomicBool>,
) -> io::Result<Verdict> {
    let mut tests = 0;
    for exe in executables {
        let verdict = run_one(exercise, exe, dir, lang, cancel)?;
        match verdict {
            Verdict::Pass { tests: n } => tests += n,
            other => return Ok(other),
        }
    }
    Ok(Verdict::Pass { tests })
}

fn test_command(exe: &Path, dir: &Path, lang: Lang) -> Command {
    let mut cmd = Command::new(exe);
    cmd.current_dir(dir)
        .env("COURSE_LANG", lang.code())
        // Backtraces would bury the message the test wrote for the learner.
        .env("RUST_BACKTRACE", "0")
        .env_remove("RUST_TEST_NOCAPTURE");
    cmd
}

fn run_one(
    exercise: &Exercise,
    exe: &Path,
    dir: &Path,
    lang: Lang,
    cancel: Option<&AtomicBool>,
) -> io::Result<Verdict> {
    let mut cmd = test_command(exe, dir, lang);
    cmd.args(["--nocapture", "--color", "never"]);
    let limits = Limits {
        time: exercise.time_limit,
        output: OUTPUT_LIMIT,
    };
    let outcome = process::run(&mut cmd, limits, cancel, &mut |_, _| {})?;
    let stdout = String::from_utf8_lossy(&outcome.stdout);
    let stderr = String::from_utf8_lossy(&outcome.stderr);
    let report = libtest::parse(&stdout, &stderr);
    Ok(match outcome.ending {
        Ending::Cancelled | Ending::Interrupted => Verdict::Stopped,
        Ending::TimedOut => {
            let all = list_tests(exe, dir, lang);
            Verdict::TimedOut {
                limit: exercise.time_limit,
                running: all.into_iter().filter(|t| !report.finished(t)).collect(),
            }
        }
        Ending::Flooded => Verdict::Flooded {
            head: head_of(&stdout, &stderr),
        },
        Ending::Exited(status) => {
            let failures = report.failures();
            if !failures.is_empty() {
                Verdict::TestsFail {
                    failed: failures
                        .iter()
                        .map(|f| FailedTest {
                            name: f.test.to_owned(),
                            panic: f.panic.cloned(),
                        })
                        .collect(),
                    strays: report.stray_panics().into_iter().cloned().collect(),
                    passed: report.passed(),
                }
            } else if report.completed && status.success() {
                Verdict::Pass {
                    tests: report.passed(),
                }
            } else {
                Verdict::Crashed {
                    how: describe_status(status, lang),
                    stderr_tail: tail_of(&stderr, 15),
                }
            }
        }
    })
}

/// The names of the tests in an executable (to say which ones hung).
fn list_tests(exe: &Path, dir: &Path, lang: Lang) -> Vec<String> {
    let mut cmd = test_command(exe, dir, lang);
    cmd.arg("--list");
    let limits = Limits {
        time: Duration::from_secs(5),
        output: OUTPUT_LIMIT,
    };
    match process::run(&mut cmd, limits, None, &mut |_, _| {}) {
        Ok(o) if o.success() => libtest::parse_list(&String::from_utf8_lossy(&o.stdout)),
        _ => Vec::new(),
    }
}

fn describe_status(status: std::process::ExitStatus, lang: Lang) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            let name = match signal {
                6 => "SIGABRT",
                9 => "SIGKILL",
                11 => "SIGSEGV",
                _ => "",
            };
            return tr!(lang, "signal {signal} {name}", "sinal {signal} {name}")
                .trim_end()
                .to_owned();
        }
    }
    match status.code() {
        Some(code) => tr!(lang, "exit code {code}", "código de saída {code}"),
        None => status.to_string(),
    }
}

fn head_of(stdout: &str, stderr: &str) -> String {
    let source = if stdout.trim().is_empty() {
        stderr
    } else {
        stdout
    };
    source
        .lines()
        .filter(|l| !l.starts_with("running ") && !l.trim().is_empty())
        .take(8)
        .map(|l| l.chars().take(160).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn tail_of(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// `cargo xtask verify`
pub fn run(course: &Course, ui: &Ui, options: &flags::Verify) -> Result<bool, crate::Failure> {
    let side = if options.solutions {
        Side::Solutions
    } else {
        Side::Exercises
    };
    let (exercises, scope): (Vec<&Exercise>, Scope) = match &options.exercise {
        Some(name) => (vec![course.select(name)?], Scope::All),
        None => (course.exercises.iter().collect(), Scope::UntilFirstFailure),
    };
    let edited: Vec<(&Exercise, Vec<String>)> = exercises
        .iter()
        .map(|e| (*e, shipped::edited_tests(e)))
        .filter(|(_, files)| !files.is_empty())
        .collect();
    for (exercise, files) in &edited {
        let files = files.join(", ");
        let label = exercise.label();
        println!(
            "{}",
            ui.warn(&tr!(
                ui.lang,
                "warning: {label}: the tests were changed from the shipped version ({files}); \
                 the results below come from your edited tests",
                "aviso: {label}: os testes foram alterados em relação à versão original ({files}); \
                 os resultados abaixo vêm dos testes editados"
            ))
        );
    }

    let verdicts = evaluate(course, side, &exercises, scope, ui, None)?;
    let all_pass = verdicts.len() == exercises.len() && verdicts.iter().all(Verdict::passed);
    print!(
        "{}",
        report(
            course,
            ui,
            side,
            &exercises,
            &verdicts,
            options.exercise.is_some()
        )
    );
    if verdicts.iter().any(|v| matches!(v, Verdict::Stopped)) {
        return Err(crate::Failure::Interrupted);
    }
    Ok(all_pass)
}

/// The text `verify` prints for a list of verdicts.
pub fn report(
    course: &Course,
    ui: &Ui,
    side: Side,
    exercises: &[&Exercise],
    verdicts: &[Verdict],
    single: bool,
) -> String {
    let lang = ui.lang;
    let mut out = String::new();
    let passed = verdicts.iter().take_while(|v| v.passed()).count();
    if !single && passed > 0 {
        let first = exercises[0].number;
        let last = exercises[passed - 1].number;
        let range = if first == last {
            format!("{first:02}")
        } else {
            format!("{first:02}–{last:02}")
        };
        let _ = writeln!(
            out,
            "{} {}",
            ui.good("✓"),
            tr!(lang, "Done: {range}", "Concluídos: {range}")
        );
    }
    match verdicts.iter().position(|v| !v.passed()) {
        Some(i) => {
            let exercise = exercises[i];
            out.push_str(&explain(course, ui, side, exercise, &verdicts[i]));
        }
        None if single => {
            let ex = exercises[0];
            let title = &ex.texts(lang).title;
            let label = ex.label();
            let n = match verdicts.first() {
                Some(Verdict::Pass { tests }) => *tests,
                _ => 0,
            };
            let _ = writeln!(
                out,
                "{} {}",
                ui.good("✓"),
                if n == 1 {
                    tr!(
                        lang,
                        "{label} · {title}: passes (1 test).",
                        "{label} · {title}: passou (1 teste)."
                    )
                } else {
                    tr!(
                        lang,
                        "{label} · {title}: passes ({n} tests).",
                        "{label} · {title}: passou ({n} testes)."
                    )
                }
            );
        }
        None => {
            let n = exercises.len();
            let _ = writeln!(
                out,
                "\n{}",
                ui.good(&tr!(
                    lang,
                    "All {n} exercises pass. Well done!",
                    "Todos os {n} exercícios passam. Muito bem!"
                ))
            );
            if side == Side::Exercises {
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(
                        lang,
                        "Compare your code with the reference solutions: cargo xtask solution NN",
                        "Compare seu código com as soluções de referência: cargo xtask solution NN"
                    )
                );
            }
        }
    }
    if !single {
        let _ = writeln!(out, "\n{}", ui.progress(passed, course.exercises.len()));
    }
    out
}

/// Why one exercise does not pass, and what to do next.
pub fn explain(
    course: &Course,
    ui: &Ui,
    side: Side,
    exercise: &Exercise,
    verdict: &Verdict,
) -> String {
    let lang = ui.lang;
    let mut out = String::new();
    let label = exercise.label();
    let title = &exercise.texts(lang).title;
    let headline = match verdict {
        Verdict::Pass { .. } => unreachable!("only failures are explained"),
        Verdict::DoesNotCompile { .. } => tr!(lang, "does not compile", "não compila"),
        Verdict::TestsFail { failed, passed, .. } => {
            let n = failed.len();
            tr!(
                lang,
                "{n} test(s) failed, {passed} passed",
                "{n} teste(s) falharam, {passed} passaram"
            )
        }
        Verdict::TimedOut { limit, .. } => {
            let secs = limit.as_secs();
            tr!(
                lang,
                "stopped: still running after {secs} s",
                "interrompido: ainda rodando depois de {secs} s"
            )
        }
        Verdict::Flooded { .. } => tr!(
            lang,
            "stopped: it printed without end",
            "interrompido: imprimiu sem parar"
        ),
        Verdict::Crashed { how, .. } => tr!(
            lang,
            "the tests crashed ({how})",
            "os testes quebraram ({how})"
        ),
        Verdict::BuildFailed { .. } => tr!(
            lang,
            "cargo could not build it",
            "o cargo não conseguiu compilá-lo"
        ),
        Verdict::NoTests => tr!(lang, "has no tests to run", "não tem testes para rodar"),
        Verdict::Stopped => tr!(lang, "interrupted", "interrompido"),
    };
    let _ = writeln!(
        out,
        "\n{} {}",
        ui.bad("✗"),
        ui.bold(&format!("{label} · {title}: {headline}"))
    );
    let _ = writeln!(out);

    let clean = |s: &str| {
        if ui.color {
            s.to_owned()
        } else {
            strip_ansi(s)
        }
    };
    match verdict {
        Verdict::Pass { .. } | Verdict::Stopped => {}
        Verdict::DoesNotCompile { errors } => {
            for e in errors.iter().take(4) {
                let _ = writeln!(out, "{}", clean(e).trim_end());
                let _ = writeln!(out);
            }
            if errors.len() > 4 {
                let more = errors.len() - 4;
                let _ = writeln!(
                    out,
                    "{}",
                    tr!(
                        lang,
                        "… and {more} more error(s).",
                        "… e mais {more} erro(s)."
                    )
                );
            }
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "Read the first error first: the later ones often follow from it.",
                    "Leia o primeiro erro antes: os seguintes costumam ser consequência dele."
                )
            );
        }
        Verdict::TestsFail { failed, strays, .. } => {
            // Tests that fail with the same message at the same place (a
            // `todo!()` reached by every test, say) are told once.
            let mut groups: Vec<(&Option<Panic>, Vec<&str>)> = Vec::new();
            for test in failed {
                let same = |p: &Option<Panic>| match (p, &test.panic) {
                    (Some(a), Some(b)) => a.message == b.message && a.location == b.location,
                    _ => false,
                };
                match groups.iter_mut().find(|(p, _)| same(p)) {
                    Some((_, names)) => names.push(&test.name),
                    None => groups.push((&test.panic, vec![&test.name])),
                }
            }
            for (panic, names) in groups.iter().take(3) {
                let _ = writeln!(out, "  {} {}", ui.bad("✗"), ui.bold(names[0]));
                if names.len() > 1 {
                    let others = names[1..].join(", ");
                    let _ = writeln!(
                        out,
                        "    {}",
                        ui.dim(&tr!(
                            lang,
                            "(and, for the same reason: {others})",
                            "(e, pelo mesmo motivo: {others})"
                        ))
                    );
                }
                match panic {
                    Some(p) => {
                        if let Some(note) = todo_note(lang, &p.message) {
                            let _ = writeln!(out, "    {note}");
                        }
                        for line in p.message.lines() {
                            let _ = writeln!(out, "    {line}");
                        }
                        let _ = writeln!(out, "    {}", ui.dim(&format!("({})", p.location)));
                    }
                    None => {
                        let _ = writeln!(
                            out,
                            "    {}",
                            tr!(
                                lang,
                                "(it failed without a message)",
                                "(falhou sem mensagem)"
                            )
                        );
                    }
                }
            }
            if groups.len() > 3 {
                let more: usize = groups[3..].iter().map(|(_, n)| n.len()).sum();
                let _ = writeln!(
                    out,
                    "  {}",
                    tr!(
                        lang,
                        "… and {more} more failing test(s).",
                        "… e mais {more} teste(s) falhando."
                    )
                );
            }
            for p in strays.iter().take(2) {
                let thread = &p.thread;
                let _ = writeln!(
                    out,
                    "\n  {} {}",
                    ui.warn("!"),
                    tr!(
                        lang,
                        "a thread started by the code (`{thread}`) panicked:",
                        "uma thread criada pelo código (`{thread}`) entrou em pânico:"
                    )
                );
                if let Some(note) = todo_note(lang, &p.message) {
                    let _ = writeln!(out, "    {note}");
                }
                for line in p.message.lines() {
                    let _ = writeln!(out, "    {line}");
                }
                let _ = writeln!(out, "    {}", ui.dim(&format!("({})", p.location)));
            }
        }
        Verdict::TimedOut { running, .. } => {
            if !running.is_empty() {
                let names = running.join(", ");
                let _ = writeln!(
                    out,
                    "{}\n",
                    tr!(lang, "Still running: {names}", "Ainda rodando: {names}")
                );
            }
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "The tests were stopped, together with every thread and program they started. \
                     A receiver's recv() waits for as long as any Sender of its channel is alive, \
                     and a loop with no way out never ends.",
                    "Os testes foram interrompidos, junto com todas as threads e programas que \
                     iniciaram. O recv() de um receptor espera enquanto existir qualquer Sender do \
                     canal, e um laço sem saída nunca termina."
                )
            );
            let _ = writeln!(out, "\n{}", exercise.texts(lang).on_timeout);
        }
        Verdict::Flooded { head } => {
            let limit = OUTPUT_LIMIT >> 20;
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "The tests wrote more than {limit} MiB of output, so they were stopped. \
                     Usually a loop that never ends is printing: a producer that ignores send's \
                     error, or a consumer that keeps polling an empty channel.",
                    "Os testes escreveram mais de {limit} MiB de saída e foram interrompidos. \
                     Quase sempre é um laço sem fim imprimindo: um produtor que ignora o erro do \
                     send, ou um consumidor que consulta sem parar um canal vazio."
                )
            );
            if !head.is_empty() {
                let _ = writeln!(out, "\n{}", tr!(lang, "It began with:", "Começou com:"));
                for line in head.lines() {
                    let _ = writeln!(out, "    | {line}");
                }
            }
        }
        Verdict::Crashed { stderr_tail, .. } => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "The test program ended before it could report its results: the code may \
                     have called std::process::exit, overflowed its stack, or aborted.",
                    "O programa de testes terminou antes de relatar os resultados: o código pode \
                     ter chamado std::process::exit, estourado a pilha ou abortado."
                )
            );
            for line in stderr_tail.lines() {
                let _ = writeln!(out, "    | {line}");
            }
        }
        Verdict::BuildFailed { cargo } => {
            let _ = writeln!(out, "{}", clean(cargo).trim_end());
        }
        Verdict::NoTests => {
            let _ = writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "No test executable was built for it: does its tests/ folder exist?",
                    "Nenhum executável de teste foi gerado: a pasta tests/ existe?"
                )
            );
        }
    }

    if side == Side::Exercises && !matches!(verdict, Verdict::Stopped) {
        let _ = writeln!(out);
        let readme = exercise.instructions(lang);
        let _ = writeln!(
            out,
            "  {} {}",
            ui.t("Instructions:", "Instruções:"),
            ui.link(&readme, &course.show(&readme))
        );
        for file in &exercise.edit {
            let path = exercise.dir.join(file);
            let _ = writeln!(
                out,
                "  {} {}",
                ui.t("Edit:        ", "Edite:      "),
                ui.link(&path, &course.show(&path))
            );
        }
        let n = format!("{:02}", exercise.number);
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "Stuck? Run `cargo xtask hint {n}`.",
                "Travou? Rode `cargo xtask hint {n}`."
            )
        );
    }
    out
}

/// A `todo!()` still in place panics with "not yet implemented".
fn todo_note(lang: Lang, message: &str) -> Option<String> {
    message.starts_with("not yet implemented").then(|| {
        tr!(
            lang,
            "`todo!()` is still where your code goes: replace it.",
            "o `todo!()` ainda está onde vai o seu código: substitua-o."
        )
    })
}

/// The index of the first exercise that does not pass (None: all pass).
pub fn next_exercise(course: &Course, ui: &Ui) -> Result<Option<usize>, crate::Failure> {
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let verdicts = evaluate(
        course,
        Side::Exercises,
        &all,
        Scope::UntilFirstFailure,
        ui,
        None,
    )?;
    if verdicts.iter().any(|v| matches!(v, Verdict::Stopped)) {
        return Err(crate::Failure::Interrupted);
    }
    Ok(verdicts.iter().position(|v| !v.passed()))
}
