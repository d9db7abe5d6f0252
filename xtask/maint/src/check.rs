//! `cargo xtask check [EXERCISE]`: the course checks itself.
//!
//! The maintainer's proof that the course is sound; the project's own test
//! suite runs it. Each section prints one line, marked by its own problems:
//! 1. texts and files: every exercise's metadata, instructions and hints
//!    exist in both languages, its tests fail only through bilingual
//!    messages, its shipped-files list is current, nothing stray lies in
//!    `exercises/`, and no Portuguese text uses a rendering the glossary
//!    bans;
//! 2. every shipped exercise fails, and builds without warnings when it
//!    builds at all;
//! 3. every reference solution passes, `--repeat` times, every other round
//!    with every core kept busy, and builds without warnings;
//! 4. the catalogue: every correct answer passes, every wrong one fails with
//!    a report that names the concept in each language, and again (in
//!    English) in each of `--repeat` rounds, every other one under load;
//! 5. the solutions are clippy-clean and the course is rustfmt-formatted.

use std::fs;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use crate::catalogue::{self, Answer, Expect};
use crate::flags;
use crate::glossary::{self, Banned};
use crate::messages::{self, Section};
use xtask::RunError;
use xtask::engine::build::{Compiled, cargo};
use xtask::engine::course::{Course, Exercise};
use xtask::engine::process::{self, Ending, Limits, Stops};
use xtask::engine::shipped::Record;
use xtask::engine::stage::{self, Files};
use xtask::engine::{self, Built, Options, Scope, Verdict};
use xtask::texts::Lang;
use xtask::ui::Ui;

/// Calls that fail a test with an English-only message.
const MONOLINGUAL: &[&str] = &[
    "assert!(",
    "assert_eq!(",
    "assert_ne!(",
    "panic!(",
    "unreachable!(",
];

/// At least this many answers of each kind per exercise.
const MIN_PASSING: usize = 2;
const MIN_FAILING: usize = 4;

pub fn run(course: &Course, ui: &Ui, options: &flags::Check) -> Result<bool, RunError> {
    let started = Instant::now();
    let exercises: Vec<&Exercise> = match &options.exercise {
        Some(name) => vec![course.select(name)?],
        None => course.exercises.iter().collect(),
    };
    let check = Check { course, ui };
    let mut problems: Vec<String> = Vec::new();
    let mut section = |which: Section, found: Vec<String>| {
        let mark = if found.is_empty() {
            ui.good("✓")
        } else {
            ui.bad("✗")
        };
        println!(
            "{mark} {}",
            messages::check_section(ui.lang, which, options.repeat)
        );
        problems.extend(found);
    };
    section(Section::Texts, check.texts_and_files(&exercises));
    section(
        Section::ShippedFail,
        check.shipped_exercises_fail(&exercises)?,
    );
    section(
        Section::SolutionsPass,
        check.solutions_pass(&exercises, options.repeat)?,
    );
    if !options.no_catalogue {
        section(
            Section::Catalogue,
            check.catalogue(&exercises, options.repeat)?,
        );
    }
    if !options.no_lints {
        section(Section::Lints, check.lints(&exercises)?);
    }
    let secs = started.elapsed().as_secs_f64();
    if problems.is_empty() {
        let text = messages::check_passed(ui.lang, exercises.len(), secs);
        println!("\n{}", ui.good(&text));
        Ok(true)
    } else {
        println!(
            "\n{}",
            ui.bad(&messages::check_failed(ui.lang, problems.len()))
        );
        for p in &problems {
            println!("\n- {p}");
        }
        Ok(false)
    }
}

struct Check<'a> {
    course: &'a Course,
    ui: &'a Ui,
}

impl Check<'_> {
    fn options<'o>(
        &self,
        files: Files,
        lang: Lang,
        observer: &'o engine::Observer<'o>,
    ) -> Options<'o> {
        Options {
            files,
            scope: Scope::All,
            color: false,
            lang,
            observer,
            cancel: None,
            interrupt: xtask::platform::interrupt_flag(),
            remember: false,
        }
    }

    /// Problems that can be seen without building anything.
    fn texts_and_files(&self, exercises: &[&Exercise]) -> Vec<String> {
        let lang = self.ui.lang;
        let mut problems: Vec<String> = exercises
            .iter()
            .flat_map(|e| self.exercise_files(e))
            .collect();
        for stray in &self.course.strays {
            let shown = self.course.relative(&stray.dir);
            problems.push(xtask::texts::messages::stray(
                lang,
                &shown,
                stray.copy_of.as_deref(),
            ));
        }
        let support = Record::of_support(&self.course.root);
        if support.dir.is_dir() && support.read().as_ref() != Some(&support.current()) {
            problems.push(messages::check_stale_record(lang, "support"));
        }
        problems.extend(self.banned_renderings(exercises));
        problems
    }

    /// The Portuguese texts of the course that use a rendering the
    /// glossary bans: the READMEs, the exercises' hints and advice, their
    /// tests' messages, the support library's and the runner's texts.
    /// Rust files are searched whole: their Portuguese sits beside the
    /// English in the same calls, and no banned rendering is English.
    fn banned_renderings(&self, exercises: &[&Exercise]) -> Vec<String> {
        let lang = self.ui.lang;
        let root = &self.course.root;
        let banned = match glossary::load(root) {
            None => return Vec::new(),
            Some(Err(why)) => return vec![messages::check_glossary_unreadable(lang, &why)],
            Some(Ok(banned)) => banned,
        };
        let mut files = vec![
            root.join("README.pt-BR.md"),
            root.join("support/src/lib.rs"),
        ];
        // The teachers' and maintainers' guides, where the course has them.
        files.extend(
            ["TEACHING.pt-BR.md", "MAINTAINING.pt-BR.md"]
                .map(|name| root.join(name))
                .into_iter()
                .filter(|p| p.is_file()),
        );
        files.extend(
            xtask::files::walk(&root.join("xtask/src/texts"), &|_| true)
                .into_iter()
                .map(|e| e.path),
        );
        // The help's words (declared with the options) and the maintainers'.
        files.extend(
            ["xtask/src/flags.rs", "xtask/maint/src/messages.rs"]
                .map(|name| root.join(name))
                .into_iter()
                .filter(|p| p.is_file()),
        );
        let mut texts: Vec<(String, String)> = Vec::new();
        for exercise in exercises.iter().filter(|e| e.present) {
            files.push(exercise.instructions(Lang::PtBr));
            for (path, _) in Record::of_exercise(exercise).current().iter() {
                if path.starts_with("tests/") && path.ends_with(".rs") {
                    files.push(exercise.dir.join(path));
                }
            }
            let pt = &exercise.pt;
            let toml = format!("{}/exercise.toml [pt-BR]", exercise.label());
            let metadata = [&pt.title, &pt.on_timeout]
                .into_iter()
                .chain(&pt.hints)
                .chain(pt.errors.values());
            texts.extend(metadata.map(|text| (toml.clone(), text.clone())));
        }
        for path in &files {
            if let Ok(text) = fs::read_to_string(path) {
                texts.push((self.course.relative(path), text));
            }
        }
        texts
            .iter()
            .flat_map(|(place, text)| banned_in(&banned, place, text, lang))
            .collect()
    }

    fn exercise_files(&self, exercise: &Exercise) -> Vec<String> {
        let lang = self.ui.lang;
        let label = exercise.label();
        if !exercise.present {
            return vec![messages::check_folder_missing(lang, &label)];
        }
        if let Some(why) = &exercise.metadata_problem {
            return vec![messages::check_bad_metadata(lang, &label, why)];
        }
        let mut problems = Vec::new();
        for readme in ["README.md", "README.pt-BR.md"] {
            let ok =
                fs::read_to_string(exercise.dir.join(readme)).is_ok_and(|t| !t.trim().is_empty());
            if !ok {
                problems.push(messages::check_readme_missing(lang, &label, readme));
            }
        }
        let solution = exercise.solution_dir(&self.course.root);
        for file in &exercise.edit {
            if !solution.join(file).is_file() {
                let shown = self.course.relative(&solution.join(file));
                problems.push(messages::check_solution_missing(lang, &label, &shown));
            }
        }
        let record = Record::of_exercise(exercise);
        if record.read().as_ref() != Some(&record.current()) {
            problems.push(messages::check_stale_record(lang, &label));
        }
        problems.extend(self.monolingual_calls(exercise));
        problems
    }

    fn monolingual_calls(&self, exercise: &Exercise) -> Vec<String> {
        let label = exercise.label();
        let mut problems = Vec::new();
        let record = Record::of_exercise(exercise);
        for (path, _) in record
            .current()
            .iter()
            .filter(|(p, _)| p.starts_with("tests/"))
        {
            let text = fs::read_to_string(exercise.dir.join(path)).unwrap_or_default();
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if let Some(call) = MONOLINGUAL.iter().find(|c| code.contains(*c)) {
                    let place = format!("{path}:{}", n + 1);
                    problems.push(messages::check_monolingual(
                        self.ui.lang,
                        &label,
                        &place,
                        call,
                    ));
                }
            }
        }
        problems
    }

    fn built(&self, files: Files, exercises: &[&Exercise]) -> Result<Built, RunError> {
        let observer = |event| xtask::views::observe(self.ui, event);
        let options = self.options(files, self.ui.lang, &observer);
        let built = engine::build(self.course, exercises, &options);
        self.ui.clear_status();
        Ok(built?)
    }

    fn judged(
        &self,
        built: &Built,
        files: Files,
        exercises: &[&Exercise],
        lang: Lang,
    ) -> Result<Vec<Verdict>, RunError> {
        let observer = |event| xtask::views::observe(self.ui, event);
        let options = self.options(files, lang, &observer);
        let verdicts = engine::judge(exercises, built, &options);
        self.ui.clear_status();
        let verdicts = verdicts?;
        if verdicts.iter().any(Verdict::stopped) {
            return Err(RunError::Interrupted);
        }
        Ok(verdicts)
    }

    fn shipped_exercises_fail(&self, exercises: &[&Exercise]) -> Result<Vec<String>, RunError> {
        let lang = self.ui.lang;
        let built = self.built(Files::Learner, exercises)?;
        let mut problems = self.build_warnings(&built, exercises, false);
        let verdicts = self.judged(&built, Files::Learner, exercises, lang)?;
        for (exercise, verdict) in exercises.iter().zip(&verdicts) {
            if verdict.passed() {
                problems.push(messages::check_shipped_passes(lang, &exercise.label()));
            }
        }
        Ok(problems)
    }

    /// Compiler warnings of code that compiles, and cargo's own warnings.
    fn build_warnings(
        &self,
        built: &Built,
        exercises: &[&Exercise],
        solutions: bool,
    ) -> Vec<String> {
        let lang = self.ui.lang;
        let mut problems = Vec::new();
        for exercise in exercises {
            let label = exercise.label();
            let compiled: Option<&Compiled> = built.build.of(exercise.index);
            if let Some(c) = compiled.filter(|c| c.errors.is_empty() && !c.warnings.is_empty()) {
                let said: Vec<&str> = c.warnings.iter().map(|w| w.rendered.as_str()).collect();
                problems.push(messages::check_warnings(
                    lang,
                    &label,
                    solutions,
                    &said.join("\n"),
                ));
            }
            if let (true, Some(c)) = (solutions, compiled.filter(|c| !c.errors.is_empty())) {
                let said: Vec<&str> = c.errors.iter().map(|w| w.rendered.as_str()).collect();
                problems.push(messages::check_solution_does_not_compile(
                    lang,
                    &label,
                    &said.join("\n"),
                ));
            }
            if let (true, Some(problem)) = (solutions, built.staged.problems.get(&exercise.index)) {
                problems.push(messages::check_solution_broken(
                    lang,
                    &label,
                    &format!("{problem:?}"),
                ));
            }
        }
        for warning in &built.build.cargo_warnings {
            problems.push(messages::check_cargo_warns(lang, warning));
        }
        if let (true, Some(err)) = (solutions, &built.build.cargo_error) {
            problems.push(messages::check_solutions_do_not_build(lang, err));
        }
        problems
    }

    /// Every solution passes, again and again, also on a busy machine.
    fn solutions_pass(
        &self,
        exercises: &[&Exercise],
        repeat: u32,
    ) -> Result<Vec<String>, RunError> {
        let built = self.built(Files::Solutions, exercises)?;
        let mut problems = self.build_warnings(&built, exercises, true);
        for round in 1..=repeat {
            // Odd rounds run on a quiet machine, even ones with every core
            // busy; the tests run side by side, as `verify` runs them.
            let loaded = round % 2 == 0;
            let load = loaded.then(Load::start);
            let verdicts = self.judged(&built, Files::Solutions, exercises, self.ui.lang)?;
            drop(load);
            for (exercise, verdict) in exercises.iter().zip(&verdicts) {
                let compiled = built
                    .build
                    .of(exercise.index)
                    .is_some_and(|c| c.errors.is_empty());
                if compiled && !verdict.passed() {
                    let why = xtask::views::verdicts::explain(
                        self.course,
                        self.ui,
                        exercise,
                        verdict,
                        false,
                    );
                    problems.push(messages::check_round(
                        self.ui.lang,
                        round,
                        loaded,
                        why.trim(),
                    ));
                }
            }
        }
        Ok(problems)
    }

    /// Every answer of the catalogue gets the verdict its header expects,
    /// in both languages, and again in English in each further round (every
    /// other one under load): many verdicts depend on time.
    fn catalogue(&self, exercises: &[&Exercise], repeat: u32) -> Result<Vec<String>, RunError> {
        let lang = self.ui.lang;
        let mut problems = Vec::new();
        let mut all: Vec<Answer> = Vec::new();
        for exercise in exercises.iter().filter(|e| e.present) {
            let (answers, wrong) = catalogue::answers(&self.course.root, exercise);
            for (file, why) in wrong {
                problems.push(messages::check_bad_answer(
                    lang,
                    &self.course.relative(&file),
                    &why,
                ));
            }
            let passing = answers.iter().filter(|a| a.expect == Expect::Pass).count();
            let failing = answers.len() - passing;
            if passing < MIN_PASSING || failing < MIN_FAILING {
                let label = exercise.label();
                problems.push(messages::check_thin_catalogue(
                    lang, &label, passing, failing,
                ));
            }
            all.extend(answers);
        }
        for round in catalogue::rounds(&all) {
            problems.extend(self.catalogue_round(exercises, &round, repeat)?);
        }
        Ok(problems)
    }

    fn catalogue_round(
        &self,
        exercises: &[&Exercise],
        round: &std::collections::BTreeMap<String, Answer>,
        repeat: u32,
    ) -> Result<Vec<String>, RunError> {
        let in_round: Vec<&Exercise> = exercises
            .iter()
            .copied()
            .filter(|e| round.contains_key(&e.dir_name))
            .collect();
        let files = Files::Answers(
            in_round
                .iter()
                .map(|e| (e.index, round[&e.dir_name].file.clone()))
                .collect(),
        );
        let built = self.built(files.clone(), &in_round)?;
        let mut problems = Vec::new();
        let mut verdicts_by_lang = Vec::new();
        for lang in Lang::ALL {
            // A correct answer needs one language; a wrong one both.
            let needed: Vec<&Exercise> = in_round
                .iter()
                .copied()
                .filter(|e| lang == Lang::En || round[&e.dir_name].expect == Expect::Fail)
                .collect();
            verdicts_by_lang.push((
                lang,
                needed.clone(),
                self.judged(&built, files.clone(), &needed, lang)?,
            ));
        }
        for (lang, judged, verdicts) in &verdicts_by_lang {
            problems.extend(self.judge_answers(round, judged, verdicts, *lang));
        }
        for again in 2..=repeat {
            let loaded = again % 2 == 0;
            let load = loaded.then(Load::start);
            let verdicts = self.judged(&built, files.clone(), &in_round, Lang::En)?;
            drop(load);
            for problem in self.judge_answers(round, &in_round, &verdicts, Lang::En) {
                problems.push(messages::check_round(self.ui.lang, again, loaded, &problem));
            }
        }
        Ok(problems)
    }

    /// What is wrong with the verdicts of `judged`, each an answer of
    /// `round`, in `lang`.
    fn judge_answers(
        &self,
        round: &std::collections::BTreeMap<String, Answer>,
        judged: &[&Exercise],
        verdicts: &[Verdict],
        lang: Lang,
    ) -> Vec<String> {
        // Lines unbroken: a mention is looked for whole.
        let ui = Ui {
            width: usize::MAX / 4,
            ..Ui::plain(lang)
        };
        let mut problems = Vec::new();
        for (exercise, verdict) in judged.iter().zip(verdicts) {
            let answer = &round[&exercise.dir_name];
            let report = xtask::views::verdicts::explain(self.course, &ui, exercise, verdict, true);
            if let Some(problem) = self.judge_answer(answer, verdict, &report, lang) {
                problems.push(problem);
            }
        }
        problems
    }

    /// None when the answer got the verdict it expects.
    fn judge_answer(
        &self,
        answer: &Answer,
        verdict: &Verdict,
        report: &str,
        lang: Lang,
    ) -> Option<String> {
        let me = self.ui.lang;
        let label = answer.label();
        match answer.expect {
            Expect::Pass if !verdict.passed() => Some(messages::check_answer_should_pass(
                me,
                &label,
                report.trim(),
            )),
            Expect::Pass => None,
            Expect::Fail if verdict.passed() => {
                Some(messages::check_answer_should_fail(me, &label, &answer.why))
            }
            Expect::Fail => {
                let missing: Vec<&str> = answer
                    .mentions(lang)
                    .filter(|m| !report.contains(m))
                    .collect();
                (!missing.is_empty()).then(|| {
                    messages::check_answer_unsaid(
                        me,
                        &label,
                        lang.code(),
                        &missing.join("\", \""),
                        report.trim(),
                    )
                })
            }
        }
    }

    /// clippy on the solutions, rustfmt on the course's files.
    fn lints(&self, exercises: &[&Exercise]) -> Result<Vec<String>, RunError> {
        let mut problems = Vec::new();
        // The solutions' workspace as the runner builds it: its manifest,
        // its target folder and the packages' names.
        let staged = stage::prepare(self.course, &Files::Solutions, exercises)?;
        let mut clippy = cargo();
        clippy
            .args(["clippy", "--all-targets", "--quiet", "--manifest-path"])
            .arg(&staged.manifest)
            .arg("--target-dir")
            .arg(&staged.target);
        for package in staged.packages.values() {
            clippy.arg("-p").arg(&package.name);
        }
        clippy.args(["--", "-D", "warnings"]);
        problems.extend(self.tool(&mut clippy, "clippy")?);
        let mut fmt = std::process::Command::new("rustfmt");
        fmt.args(["--check", "--edition", "2024", "--color", "never"]);
        for exercise in exercises.iter().filter(|e| e.present) {
            for dir in [
                exercise.dir.join("src"),
                exercise.dir.join("tests"),
                exercise.solution_dir(&self.course.root),
            ] {
                for entry in xtask::files::walk(&dir, &|_| true) {
                    if entry.path.extension().is_some_and(|x| x == "rs") {
                        fmt.arg(&entry.path);
                    }
                }
            }
        }
        problems.extend(self.tool(&mut fmt, "rustfmt")?);
        Ok(problems)
    }

    fn tool(
        &self,
        cmd: &mut std::process::Command,
        name: &str,
    ) -> Result<Option<String>, RunError> {
        let outcome = process::run(
            cmd,
            Limits::tool(Duration::from_secs(30 * 60)),
            Stops {
                cancel: None,
                interrupt: Some(xtask::platform::interrupt_flag()),
            },
            &mut |_, _| {},
        )?;
        if matches!(outcome.ending, Ending::Interrupted) {
            return Err(RunError::Interrupted);
        }
        if outcome.success() {
            return Ok(None);
        }
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&outcome.stdout),
            String::from_utf8_lossy(&outcome.stderr)
        );
        Ok(Some(messages::check_tool_unhappy(
            self.ui.lang,
            name,
            &self.course.strip_root(&said),
        )))
    }
}

/// One problem for each banned rendering found in `text`, which comes from
/// `place`.
fn banned_in(banned: &[Banned], place: &str, text: &str, lang: Lang) -> Vec<String> {
    glossary::find(banned, text)
        .into_iter()
        .map(|found| {
            let at = format!("{place}:{}", found.line);
            messages::check_banned(lang, &at, &found.banned.words, &found.banned.instead)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_banned_rendering_in_a_portuguese_text_is_a_problem() {
        let banned = glossary::parse("```text banned-pt-BR\ncompasso → batida\n```\n").unwrap();
        let text = "Os testes usam uma batida de 20 ms.\nUm compasso perdido não é o fim.\n";
        let problems = banned_in(&banned, "10/README.pt-BR.md", text, Lang::En);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("10/README.pt-BR.md:2"), "{problems:?}");
        assert!(problems[0].contains("compasso"), "{problems:?}");
        assert!(problems[0].contains("batida"), "{problems:?}");
        let fixed = text.replace("Um compasso", "Uma batida");
        assert!(banned_in(&banned, "10/README.pt-BR.md", &fixed, Lang::En).is_empty());
    }

    #[test]
    fn the_course_glossary_can_be_read() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let banned = glossary::load(&root).expect("GLOSSARY.md at the course's root");
        assert!(!banned.expect("its banned-pt-BR block").is_empty());
    }
}
