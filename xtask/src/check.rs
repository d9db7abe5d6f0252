//! `cargo xtask check` and `cargo xtask seal`: the course checks itself.
//!
//! `check` is the maintainer's proof that the course is sound, and the
//! project's own test suite runs it:
//! - every exercise's metadata, instructions and hints exist in both
//!   languages, and its tests fail only through bilingual messages;
//! - `shipped-files.txt` matches the files (else: run `seal`);
//! - every shipped exercise fails, and builds without warnings when it
//!   builds at all;
//! - every reference solution passes its exercise's tests, `--repeat` times,
//!   the later runs with every core kept busy, and builds without warnings;
//! - the solutions are clippy-clean and the whole course is rustfmt-formatted.

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::Failure;
use crate::compile::{self, Side};
use crate::course::{Course, Exercise};
use crate::flags;
use crate::process::{self, Ending, Limits};
use crate::shipped;
use crate::tr;
use crate::ui::Ui;
use crate::verify::{self, Scope, Verdict};

/// Calls that fail a test with an English-only message.
const MONOLINGUAL: &[&str] = &[
    "assert!(",
    "assert_eq!(",
    "assert_ne!(",
    "panic!(",
    "unreachable!(",
];

pub fn run(course: &Course, ui: &Ui, options: &flags::Check) -> Result<bool, Failure> {
    let lang = ui.lang;
    let mut problems: Vec<String> = Vec::new();
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let started = Instant::now();

    // 1. Texts, files and the shipped list. Each section's line is marked
    // by its own problems only.
    let mut section = 0;
    for exercise in &all {
        problems.extend(static_problems(course, ui, exercise));
    }
    say(
        ui,
        &tr!(
            lang,
            "texts and files checked",
            "textos e arquivos conferidos"
        ),
        &problems[section..],
    );

    section = problems.len();

    // 2. Every shipped exercise fails, and builds without warnings when it
    // builds at all.
    let shipped_build = compile::build(course, Side::Exercises, &all, ui, None)?;
    for exercise in &all {
        if let Some(c) = shipped_build.of(exercise).filter(|c| c.errors.is_empty()) {
            if !c.warnings.is_empty() {
                let label = exercise.label();
                problems.push(tr!(
                    lang,
                    "{label}: the shipped exercise builds with warnings:\n{}",
                    "{label}: o exercício original compila com avisos:\n{}",
                    c.warnings.join("\n")
                ));
            }
        }
    }
    for warning in &shipped_build.cargo_warnings {
        problems.push(tr!(
            lang,
            "cargo warns: {warning}",
            "o cargo avisa: {warning}"
        ));
    }
    let verdicts = verify::judge_all(
        course,
        Side::Exercises,
        &all,
        &shipped_build,
        Scope::All,
        ui,
        None,
    )?;
    for (exercise, verdict) in all.iter().zip(&verdicts) {
        if matches!(verdict, Verdict::Stopped) {
            return Err(Failure::Interrupted);
        }
        if verdict.passed() {
            let label = exercise.label();
            problems.push(tr!(
                lang,
                "{label}: the shipped exercise passes its tests; it must fail until solved",
                "{label}: o exercício original passa nos testes; ele precisa falhar até ser resolvido"
            ));
        }
    }
    say(
        ui,
        &tr!(
            lang,
            "every shipped exercise fails",
            "todo exercício original falha"
        ),
        &problems[section..],
    );

    section = problems.len();

    // 3. Every solution passes, again and again, also on a busy machine.
    let solved = compile::build(course, Side::Solutions, &all, ui, None)?;
    for warning in &solved.cargo_warnings {
        problems.push(tr!(
            lang,
            "cargo warns about the solutions: {warning}",
            "o cargo avisa sobre as soluções: {warning}"
        ));
    }
    if let Some(err) = &solved.cargo_error {
        problems.push(tr!(
            lang,
            "the solutions do not build:\n{err}",
            "as soluções não compilam:\n{err}"
        ));
    }
    for exercise in &all {
        let label = exercise.label();
        match solved.of(exercise) {
            Some(c) if !c.errors.is_empty() => problems.push(tr!(
                lang,
                "{label}: the solution does not compile:\n{}",
                "{label}: a solução não compila:\n{}",
                c.errors.join("\n")
            )),
            Some(c) if !c.warnings.is_empty() => problems.push(tr!(
                lang,
                "{label}: the solution builds with warnings:\n{}",
                "{label}: a solução compila com avisos:\n{}",
                c.warnings.join("\n")
            )),
            _ => {}
        }
    }
    for round in 1..=options.repeat {
        // Odd rounds run on a quiet machine, even ones with every core busy;
        // the tests run side by side, as `verify` runs them.
        let load = (round % 2 == 0).then(Load::start);
        let verdicts =
            verify::judge_all(course, Side::Solutions, &all, &solved, Scope::All, ui, None)?;
        drop(load);
        for (exercise, verdict) in all.iter().zip(&verdicts) {
            if matches!(verdict, Verdict::Stopped) {
                return Err(Failure::Interrupted);
            }
            let compiled = solved.of(exercise).is_some_and(|c| c.errors.is_empty());
            if compiled && !verdict.passed() {
                let busy = if round % 2 == 0 {
                    ui.t(" (machine loaded)", " (máquina carregada)")
                } else {
                    ""
                };
                problems.push(format!(
                    "{} {round}{busy}: {}",
                    ui.t("round", "rodada"),
                    verify::explain(course, ui, Side::Solutions, exercise, verdict).trim()
                ));
            }
        }
    }
    let rounds = options.repeat;
    say(
        ui,
        &tr!(
            lang,
            "every solution passes ({rounds} round(s), every other one under load)",
            "toda solução passa ({rounds} rodada(s), uma sim outra não com a máquina carregada)"
        ),
        &problems[section..],
    );

    section = problems.len();

    // 4. Lints and formatting.
    if !options.no_lints {
        let solutions = Side::Solutions.manifest(&course.root);
        let mut clippy = compile::cargo();
        clippy
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--quiet",
                "--manifest-path",
            ])
            .arg(&solutions)
            .arg("--target-dir")
            .arg(compile::solutions_target_dir(&course.root))
            .args(["--", "-D", "warnings"]);
        tool(ui, &mut clippy, "clippy", &mut problems)?;
        for manifest in [Side::Exercises.manifest(&course.root), solutions] {
            let mut fmt = compile::cargo();
            fmt.args(["fmt", "--all", "--check", "--manifest-path"])
                .arg(&manifest)
                .args(["--", "--color", "never"]);
            tool(ui, &mut fmt, "rustfmt", &mut problems)?;
        }
        say(
            ui,
            &tr!(lang, "clippy and rustfmt", "clippy e rustfmt"),
            &problems[section..],
        );
    }

    let secs = started.elapsed().as_secs_f64();
    if problems.is_empty() {
        let n = all.len();
        println!(
            "\n{}",
            ui.good(&tr!(
                lang,
                "check passed: {n} exercises sound ({secs:.1} s)",
                "check passou: {n} exercícios em ordem ({secs:.1} s)"
            ))
        );
        Ok(true)
    } else {
        let n = problems.len();
        println!(
            "\n{}",
            ui.bad(&tr!(
                lang,
                "check failed: {n} problem(s)",
                "check falhou: {n} problema(s)"
            ))
        );
        for p in &problems {
            println!("\n- {p}");
        }
        Ok(false)
    }
}

fn say(ui: &Ui, what: &str, problems: &[String]) {
    let mark = if problems.is_empty() {
        ui.good("✓")
    } else {
        ui.bad("✗")
    };
    println!("{mark} {what}");
}

fn tool(
    ui: &Ui,
    cmd: &mut std::process::Command,
    name: &str,
    problems: &mut Vec<String>,
) -> Result<(), Failure> {
    let limits = Limits {
        time: Duration::from_secs(30 * 60),
        output: 16 << 20,
    };
    let outcome = process::run(cmd, limits, None, &mut |_, _| {})?;
    if matches!(outcome.ending, Ending::Interrupted) {
        return Err(Failure::Interrupted);
    }
    if !outcome.success() {
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&outcome.stdout),
            String::from_utf8_lossy(&outcome.stderr)
        );
        problems.push(tr!(
            ui.lang,
            "{name} is not satisfied:\n{said}",
            "o {name} reclamou:\n{said}"
        ));
    }
    Ok(())
}

/// Problems that can be seen without building anything.
fn static_problems(course: &Course, ui: &Ui, exercise: &Exercise) -> Vec<String> {
    let lang = ui.lang;
    let label = exercise.label();
    let mut problems = Vec::new();
    for readme in ["README.md", "README.pt-BR.md"] {
        let ok = fs::read_to_string(exercise.dir.join(readme)).is_ok_and(|t| !t.trim().is_empty());
        if !ok {
            problems.push(tr!(
                lang,
                "{label}: {readme} is missing or empty",
                "{label}: {readme} está faltando ou vazio"
            ));
        }
    }
    let solution = exercise.solution_dir(&course.root);
    for file in exercise
        .edit
        .iter()
        .map(String::as_str)
        .chain(["Cargo.toml"])
    {
        if !solution.join(file).is_file() {
            let shown = course.show(&solution.join(file));
            problems.push(tr!(
                lang,
                "{label}: the solution has no {shown}",
                "{label}: a solução não tem {shown}"
            ));
        }
    }
    for (dir, side) in [(&exercise.dir, "exercises"), (&solution, "solutions")] {
        let manifest = fs::read_to_string(dir.join("Cargo.toml")).unwrap_or_default();
        let name = format!("name = \"{}\"", exercise.name);
        if !manifest.lines().any(|l| l.trim() == name) {
            problems.push(tr!(
                lang,
                "{label}: {side}/{}/Cargo.toml must name its package `{}`",
                "{label}: {side}/{}/Cargo.toml precisa chamar o pacote de `{}`",
                exercise.dir_name,
                exercise.name
            ));
        }
    }
    let current = shipped::current(exercise);
    match shipped::read(exercise) {
        Some(listed) if listed == current => {}
        _ => problems.push(tr!(
            lang,
            "{label}: shipped-files.txt is missing or stale; run `cargo xtask seal` after changing an exercise",
            "{label}: shipped-files.txt falta ou está desatualizado; rode `cargo xtask seal` depois de mudar um exercício"
        )),
    }
    for (path, _) in current.iter().filter(|(p, _)| p.starts_with("tests/")) {
        let text = fs::read_to_string(exercise.dir.join(path)).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if let Some(call) = MONOLINGUAL.iter().find(|c| code.contains(*c)) {
                let at = n + 1;
                problems.push(tr!(
                    lang,
                    "{label}: {path}:{at} uses {call}..., whose message would be English only; use course_support::check or fail with both languages",
                    "{label}: {path}:{at} usa {call}..., cuja mensagem seria só em inglês; use course_support::check ou fail com os dois idiomas"
                ));
            }
        }
    }
    problems
}

/// Busy threads, one per core, for as long as the value lives.
struct Load {
    stop: Arc<AtomicBool>,
    threads: Vec<thread::JoinHandle<()>>,
}

impl Load {
    fn start() -> Load {
        let stop = Arc::new(AtomicBool::new(false));
        let cores = thread::available_parallelism().map_or(2, |n| n.get());
        let threads = (0..cores)
            .map(|_| {
                let stop = Arc::clone(&stop);
                thread::spawn(move || {
                    let mut x = 0u64;
                    while !stop.load(Ordering::Relaxed) {
                        x = std::hint::black_box(
                            x.wrapping_mul(6364136223846793005).wrapping_add(1),
                        );
                    }
                })
            })
            .collect();
        Load { stop, threads }
    }
}

impl Drop for Load {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// `cargo xtask seal`: records the shipped files of every exercise.
pub fn seal(course: &Course, ui: &Ui) -> Result<bool, Failure> {
    for exercise in &course.exercises {
        let before = shipped::read(exercise);
        shipped::write(exercise)?;
        let changed = before.as_ref() != Some(&shipped::current(exercise));
        let label = exercise.label();
        let state = if changed {
            ui.t("updated", "atualizado")
        } else {
            ui.t("unchanged", "sem mudança")
        };
        println!("{label}: {state}");
    }
    Ok(true)
}
