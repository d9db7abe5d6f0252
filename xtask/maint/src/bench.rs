//! `cargo xtask bench`: the runner measured against the floor cargo sets.
//!
//! Everything happens on a throwaway copy of the course under
//! `target/bench/`, never on the learner's files. Each measurement runs the
//! runner and its floor alternately, `--runs` times each, and reports
//! medians and their ratio, so machine noise hits both sides alike:
//!
//! 1. cold: `cargo xtask verify` in a fresh target directory, against
//!    `cargo build` of the runner followed by building every exercise's tests;
//! 2. warm, nothing changed, course solved: `cargo xtask verify` against
//!    `cargo test` of the same packages;
//! 3. one exercise edited: `cargo xtask verify NN` against `cargo test -p`;
//!    and in watch mode, the time from a save to the new verdict;
//! 4. a hanging exercise (the fixture course's): time to the verdict against
//!    its time limit;
//! 5. an exercise that prints forever: time to the verdict and the runner's
//!    peak memory;
//! 6. the whole solution test suite, warm (`cargo xtask verify --solutions`
//!    and plain `cargo test` of the solutions workspace).
//!
//! 7. the learner's path: at every step, `verify` against `verify NN` of
//!    the exercise that decides, a save in watch mode, and the solved
//!    exercise's own tests ([`crate::bench_path`]).
//!
//! `--smoke` runs each warm measurement once, skips the cold one and
//! measures only the first and last steps of the path: it proves the
//! benchmark still works, quickly enough for the test suite.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::bench_path;
use crate::flags;
use xtask::RunError;
use xtask::engine::build as compile;
use xtask::engine::course::Course;
use xtask::engine::process::{self, Ending, Limits, Stops};
use xtask::ui::Ui;

/// The heading of the part of BENCHMARKS.md that `--write` keeps.
const KEPT_SECTION: &str = "## Measured once, by hand";

const LONG: Limits = Limits {
    time: Duration::from_secs(30 * 60),
    output: 64 << 20,
    memory_mib: None,
};

struct Row {
    what: &'static str,
    runner: Vec<Duration>,
    floor: Option<(String, Vec<Duration>)>,
    target: String,
    met: bool,
    note: String,
}

pub fn run(course: &Course, ui: &Ui, options: &flags::Bench) -> Result<bool, RunError> {
    let dir = course.root.join("target").join("bench");
    let copy = dir.join("course");
    let _ = fs::remove_dir_all(&copy);
    copy_tree(&course.root, &copy)?;
    solve(course, &copy)?;
    let bench = Bench {
        course,
        runs: options.runs as usize,
        warm_target: dir.join("target"),
        packages: course.exercises.iter().map(|e| e.name.clone()).collect(),
        dir,
        copy,
    };
    let mut rows: Vec<Row> = Vec::new();
    if !options.smoke {
        rows.extend(bench.cold()?);
        rows.push(bench.fresh_clone()?);
    }
    bench.warm_up()?;
    rows.push(bench.warm()?);
    rows.push(bench.one_edited()?);
    rows.push(bench.watch()?);
    rows.extend(bench.hang_and_flood()?);
    rows.push(bench.solutions()?);
    let steps = bench.path(options.smoke)?;

    let mut report = render(&rows, options);
    report.push_str(&crate::bench_path::render(&steps, bench.runs));
    print!("{report}");
    if let Some(path) = &options.write {
        // Comparisons made once, by hand (with another version of the
        // runner, say), are kept below the new figures.
        let kept = fs::read_to_string(path).unwrap_or_default();
        let kept = kept.find(KEPT_SECTION).map_or("", |at| &kept[at..]);
        let report = if kept.is_empty() {
            report
        } else {
            format!("{report}\n{kept}")
        };
        fs::write(path, &report)?;
        eprintln!(
            "bench: {} {}",
            xtask::tr!(ui.lang, "wrote", "escrito"),
            path.display()
        );
    }
    let _ = fs::remove_dir_all(&bench.copy);
    Ok(rows.iter().all(|r| r.met) && steps.iter().all(bench_path::Step::met))
}

/// One benchmark run: a solved copy of the course and where it builds.
struct Bench<'a> {
    course: &'a Course,
    runs: usize,
    /// `target/bench/`
    dir: PathBuf,
    /// The solved copy.
    copy: PathBuf,
    /// The target folder the warm measurements share.
    warm_target: PathBuf,
    packages: Vec<String>,
}

fn say(text: &str) {
    eprintln!("bench: {text}");
}

impl Bench<'_> {
    /// `cargo build --tests` of every exercise, in the copy's own workspace.
    fn build_exercises(&self) -> Command {
        let mut build = compile::cargo();
        build.args(["build", "--tests", "--keep-going"]);
        for p in &self.packages {
            build.arg("-p").arg(p);
        }
        build
    }

    fn test_exercises(&self) -> Command {
        let mut test = compile::cargo();
        test.arg("test");
        for p in &self.packages {
            test.arg("-p").arg(p);
        }
        test
    }

    /// Row 1, cold: a fresh target folder to the first complete verify,
    /// against cargo building the runner and every exercise's tests; with
    /// the size of what the verify left in the target folder.
    fn cold(&self) -> Result<Vec<Row>, RunError> {
        let (runs, copy) = (self.runs, &self.copy);
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        let mut sizes = Vec::new();
        let target = self.dir.join("cold");
        for i in 0..runs {
            say(&format!("cold, run {} of {runs}", i + 1));
            let _ = fs::remove_dir_all(&target);
            runner.push(timed(xtask(copy, &target, &["verify"]))?);
            sizes.push(folder_size(&target));
            let _ = fs::remove_dir_all(&target);
            let mut build_runner = compile::cargo();
            build_runner.args(["build", "--manifest-path", "xtask/Cargo.toml"]);
            let a = timed(in_dir(build_runner, copy, &target))?;
            let b = timed(in_dir(self.build_exercises(), copy, &target))?;
            floor.push(a + b);
            let _ = fs::remove_dir_all(&target);
        }
        Ok(cold_rows(runner, floor, &sizes, self.packages.len()))
    }

    /// Row 1d, a fresh clone (nothing solved, nothing built): the first
    /// verify, which stops at exercise 01, against cargo building the
    /// runner and that one exercise's tests.
    fn fresh_clone(&self) -> Result<Row, RunError> {
        let copy = self.dir.join("fresh");
        let _ = fs::remove_dir_all(&copy);
        copy_tree(&self.course.root, &copy)?;
        for exercise in &self.course.exercises {
            for file in &exercise.edit {
                let shipped = bench_path::as_shipped(self.course, exercise, file)?;
                let to = copy.join("exercises").join(&exercise.dir_name).join(file);
                fs::write(to, shipped)?;
            }
        }
        let first = self.packages.first().cloned().unwrap_or_default();
        let target = self.dir.join("fresh-target");
        let (mut runner, mut floor) = (Vec::new(), Vec::new());
        for i in 0..self.runs {
            say(&format!("fresh clone, run {} of {}", i + 1, self.runs));
            let _ = fs::remove_dir_all(&target);
            runner.push(timed(xtask(&copy, &target, &["verify"]))?);
            let _ = fs::remove_dir_all(&target);
            let mut build_runner = compile::cargo();
            build_runner.args(["build", "--manifest-path", "xtask/Cargo.toml"]);
            let a = timed(in_dir(build_runner, &copy, &target))?;
            let mut build_first = compile::cargo();
            build_first.args(["build", "--tests", "-p", &first]);
            let b = timed(in_dir(build_first, &copy, &target))?;
            floor.push(a + b);
        }
        let _ = fs::remove_dir_all(&target);
        let _ = fs::remove_dir_all(&copy);
        let ratio = ratio(&runner, &floor);
        Ok(Row {
            what: "1d. a fresh clone, nothing solved: the first `cargo xtask verify` (it stops \
                   at 01)",
            runner,
            floor: Some((
                format!("`cargo build` of the runner + `cargo build --tests -p {first}`"),
                floor,
            )),
            target: "≤ 1.2 × floor".into(),
            met: ratio <= 1.2,
            note: String::new(),
        })
    }

    /// Warms the shared target folder once (not measured).
    fn warm_up(&self) -> Result<(), RunError> {
        say("warming up");
        timed(xtask(&self.copy, &self.warm_target, &["verify"]))?;
        timed(in_dir(self.test_exercises(), &self.copy, &self.warm_target))?;
        Ok(())
    }

    /// Row 2, warm: nothing changed, course solved.
    fn warm(&self) -> Result<Row, RunError> {
        let (runs, copy, target) = (self.runs, &self.copy, &self.warm_target);
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        let mut noop = Vec::new();
        for i in 0..runs {
            say(&format!("warm, run {} of {runs}", i + 1));
            runner.push(timed(xtask(copy, target, &["verify"]))?);
            floor.push(timed(in_dir(self.test_exercises(), copy, target))?);
            // What cargo alone spends finding that nothing needs building:
            // the part of both sides that no runner can remove.
            noop.push(timed(in_dir(self.build_exercises(), copy, target))?);
        }
        let ratio = ratio(&runner, &floor);
        Ok(Row {
            what: "2. warm, nothing changed, course solved: `cargo xtask verify`",
            runner,
            floor: Some(("`cargo test` of every exercise".into(), floor)),
            target: "≤ 1.5 × floor".into(),
            met: ratio <= 1.5,
            note: format!(
                "of which cargo's no-op `cargo build --tests`: {}",
                secs(median(&noop))
            ),
        })
    }

    /// The exercise the edit measurements change, and its file in the copy.
    fn edited_exercise(&self) -> (&xtask::engine::course::Exercise, PathBuf) {
        let exercise = &self.course.exercises[self.course.exercises.len() / 2];
        let file = self
            .copy
            .join("exercises")
            .join(&exercise.dir_name)
            .join(&exercise.edit[0]);
        (exercise, file)
    }

    /// Row 3, one exercise edited: `verify NN` against `cargo test -p`.
    fn one_edited(&self) -> Result<Row, RunError> {
        let (runs, copy, target) = (self.runs, &self.copy, &self.warm_target);
        let (exercise, file) = self.edited_exercise();
        let original = fs::read_to_string(&file)?;
        let number = format!("{:02}", exercise.number);
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        let mut edits = 0;
        let mut edit = || -> io::Result<()> {
            edits += 1;
            fs::write(&file, format!("{original}\n// edit {edits}\n"))
        };
        for i in 0..runs {
            say(&format!("one exercise edited, run {} of {runs}", i + 1));
            edit()?;
            runner.push(timed(xtask(copy, target, &["verify", &number]))?);
            edit()?;
            let mut test_one = compile::cargo();
            test_one.args(["test", "-p", &exercise.name]);
            floor.push(timed(in_dir(test_one, copy, target))?);
        }
        fs::write(&file, &original)?;
        let ratio = ratio(&runner, &floor);
        Ok(Row {
            what: "3. one exercise edited: `cargo xtask verify NN`",
            runner,
            floor: Some((format!("`cargo test -p {}`", exercise.name), floor)),
            target: "≤ 1.2 × floor".into(),
            met: ratio <= 1.2,
            note: format!("exercise {}", exercise.label()),
        })
    }

    /// Row 3b, watch mode: from a save to the new verdict on screen.
    fn watch(&self) -> Result<Row, RunError> {
        let (exercise, file) = self.edited_exercise();
        say("watch mode");
        let runner = watch_latency(&self.copy, &self.warm_target, &file, self.runs)?;
        let met = median(&runner) <= Duration::from_secs(1);
        Ok(Row {
            what: "3b. watch mode: a save to the new verdict on screen",
            runner,
            floor: None,
            target: "≤ 1 s".into(),
            met,
            note: format!("exercise {} edited", exercise.label()),
        })
    }

    /// Rows 4 and 5: the fixture course's hanging and flooding exercises,
    /// with the copy's runner pointed at the fixture by `--root`.
    fn hang_and_flood(&self) -> Result<Vec<Row>, RunError> {
        let fixture = self.dir.join("fixture");
        let _ = fs::remove_dir_all(&fixture);
        copy_tree(
            &self.course.root.join("xtask/tests/fixtures/course"),
            &fixture,
        )?;
        let target = self.dir.join("fixture-target");
        let hang = Course::load(fixture.clone())?;
        let limit = hang.select("04")?.time_limit;
        let root = fixture.display().to_string();
        let on_fixture = |exercise: &str| -> Vec<String> {
            ["--root", root.as_str(), "verify", exercise]
                .map(str::to_owned)
                .to_vec()
        };
        timed(xtask(&self.copy, &target, &as_strs(&on_fixture("01"))))?;
        let mut hangs = Vec::new();
        for i in 0..self.runs {
            say(&format!("hang, run {} of {}", i + 1, self.runs));
            hangs.push(timed(xtask(
                &self.copy,
                &target,
                &as_strs(&on_fixture("04")),
            ))?);
        }
        let mut floods = Vec::new();
        let mut peaks = Vec::new();
        for i in 0..self.runs {
            say(&format!("flood, run {} of {}", i + 1, self.runs));
            let (took, peak) = with_peak_memory(&self.copy, &target, &as_strs(&on_fixture("05")))?;
            floods.push(took);
            peaks.push(peak);
        }
        Ok(vec![hang_row(hangs, limit), flood_row(floods, &peaks)])
    }

    /// The learner's path (7): every step, or the first and last.
    fn path(&self, smoke: bool) -> Result<Vec<bench_path::Step>, RunError> {
        let timed_run = |dir: &Path, target: &Path, args: &[&str]| -> Result<Duration, RunError> {
            Ok(timed(xtask(dir, target, args))?)
        };
        let watched = |dir: &Path, target: &Path, file: &Path, runs: usize| {
            watch_latency(dir, target, file, runs).map_err(RunError::from)
        };
        let measure = bench_path::Measure {
            course: self.course,
            runs: self.runs,
            dir: self.dir.clone(),
            timed: &timed_run,
            watch: &watched,
            median,
            copy_tree,
            only_ends: smoke,
        };
        measure.steps()
    }

    /// Row 6, the whole solution test suite, warm: the runner's
    /// `--solutions` against `cargo test` of the copy, whose files are the
    /// solutions.
    fn solutions(&self) -> Result<Row, RunError> {
        let (runs, copy) = (self.runs, &self.copy);
        let target = self.dir.join("solutions-target");
        let plain = || {
            let mut test = compile::cargo();
            test.arg("test");
            test
        };
        timed(xtask(copy, &target, &["verify", "--solutions"]))?;
        timed(in_dir(plain(), copy, &target))?;
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        for i in 0..runs {
            say(&format!("solutions, run {} of {runs}", i + 1));
            runner.push(timed(xtask(copy, &target, &["verify", "--solutions"]))?);
            floor.push(timed(in_dir(plain(), copy, &target))?);
        }
        let ratio = ratio(&runner, &floor);
        Ok(Row {
            what: "6. the whole solution test suite, warm: `cargo xtask verify --solutions`",
            runner,
            floor: Some(("`cargo test` of the solved course".into(), floor)),
            target: "< 2 × floor".into(),
            met: ratio < 2.0,
            note: String::new(),
        })
    }
}

fn cold_rows(
    runner: Vec<Duration>,
    floor: Vec<Duration>,
    sizes: &[u64],
    exercises: usize,
) -> Vec<Row> {
    let ratio = ratio(&runner, &floor);
    let per_exercise = median(&runner) / exercises.max(1) as u32;
    let size = median_u64(sizes);
    let mib = |bytes: u64| bytes as f64 / f64::from(1 << 20);
    vec![
        Row {
            what: "1. cold: fresh copy to the first complete `cargo xtask verify`",
            runner: runner.clone(),
            floor: Some((
                "`cargo build` of the runner + `cargo build --tests` of every exercise".into(),
                floor,
            )),
            target: "≤ 1.15 × floor".into(),
            met: ratio <= 1.15,
            note: String::new(),
        },
        Row {
            what: "1b. cold, per exercise: row 1 divided by the number of exercises",
            runner: vec![per_exercise],
            floor: None,
            target: "≤ 1.0 s".into(),
            met: per_exercise <= Duration::from_secs(1),
            note: format!("{exercises} exercises"),
        },
        Row {
            what: "1c. the target folder after that verify, per exercise",
            runner: Vec::new(),
            floor: None,
            target: "≤ 25 MiB".into(),
            met: mib(size) / exercises.max(1) as f64 <= 25.0,
            note: format!(
                "{:.0} MiB in all (runner and course builds), {:.1} MiB per exercise",
                mib(size),
                mib(size) / exercises.max(1) as f64
            ),
        },
    ]
}

fn hang_row(runner: Vec<Duration>, limit: Duration) -> Row {
    let bound = limit + Duration::from_secs(1);
    let met = median(&runner) <= bound;
    Row {
        what: "4. a hanging exercise: time to the verdict",
        runner,
        floor: None,
        target: format!("≤ time limit + 1 s = {}", secs(bound)),
        met,
        note: format!("fixture exercise 04, time limit {}", secs(limit)),
    }
}

fn flood_row(runner: Vec<Duration>, peaks: &[u64]) -> Row {
    let peak = peaks.iter().copied().max().unwrap_or(0);
    let met = median(&runner) <= Duration::from_secs(2) && peak < 64 << 20;
    Row {
        what: "5. an exercise that prints forever: time to the verdict",
        runner,
        floor: None,
        target: "≤ 2 s, runner < 64 MiB".into(),
        met,
        note: if peak > 0 {
            format!(
                "runner peak memory {:.1} MiB",
                peak as f64 / f64::from(1 << 20)
            )
        } else {
            "peak memory not measured on this system".into()
        },
    }
}

/// Bytes of every file under `dir`.
fn folder_size(dir: &Path) -> u64 {
    xtask::files::walk(dir, &|_| true)
        .iter()
        .filter(|e| !e.is_dir)
        .map(|e| e.metadata.len())
        .sum()
}

fn median_u64(values: &[u64]) -> u64 {
    let mut sorted = values.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied().unwrap_or(0)
}

fn as_strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// `cargo xtask ARGS` in `dir`, building into `target`.
fn xtask(dir: &Path, target: &Path, args: &[&str]) -> Command {
    let mut cmd = compile::cargo();
    cmd.arg("xtask").args(args).args(["--lang", "en"]);
    in_dir(cmd, dir, target)
}

fn in_dir(mut cmd: Command, dir: &Path, target: &Path) -> Command {
    cmd.current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env("NO_COLOR", "1");
    cmd
}

/// Wall time of a command run to its end (its exit status does not matter:
/// a verify that reports a failing exercise is still a complete answer).
fn timed(mut cmd: Command) -> io::Result<Duration> {
    let start = Instant::now();
    let stops = Stops {
        cancel: None,
        interrupt: Some(xtask::platform::interrupt_flag()),
    };
    let outcome = process::run(&mut cmd, LONG, stops, &mut |_, _| {})?;
    match outcome.ending {
        Ending::Exited(_) => Ok(start.elapsed()),
        Ending::Interrupted => Err(io::Error::other("interrupted")),
        other => Err(io::Error::other(format!(
            "{:?} went wrong: {other:?}\n{}",
            cmd.get_args().collect::<Vec<_>>(),
            String::from_utf8_lossy(&outcome.stderr)
        ))),
    }
}

/// Starts `watch` (the runner binary itself), then saves `file` `runs`
/// times, each time measuring from the save to the end of the new verdict.
fn watch_latency(dir: &Path, target: &Path, file: &Path, runs: usize) -> io::Result<Vec<Duration>> {
    use std::io::BufRead;
    let binary = target
        .join("debug")
        .join(if cfg!(windows) { "xtask.exe" } else { "xtask" });
    let mut child = in_dir(Command::new(binary), dir, target)
        .args(["watch", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = child.stdout.take().expect("piped");
    let (tx, lines) = std::sync::mpsc::channel::<String>();
    std::thread::spawn(move || {
        for line in io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { return };
            if tx.send(line).is_err() {
                return;
            }
        }
    });
    // The footer ends every verdict.
    let verdict_end = |lines: &std::sync::mpsc::Receiver<String>| -> io::Result<()> {
        loop {
            match lines.recv_timeout(Duration::from_secs(300)) {
                Ok(line) if line.contains("q quit") => return Ok(()),
                Ok(_) => {}
                Err(_) => return Err(io::Error::other("watch printed no verdict")),
            }
        }
    };
    let original = fs::read_to_string(file)?;
    let measured = (|| -> io::Result<Vec<Duration>> {
        verdict_end(&lines)?;
        let mut took = Vec::new();
        for i in 0..runs {
            // Let the file watcher settle, so each save is its own run.
            std::thread::sleep(Duration::from_millis(300));
            let start = Instant::now();
            fs::write(file, format!("{original}\n// watch edit {i}\n"))?;
            verdict_end(&lines)?;
            took.push(start.elapsed());
        }
        Ok(took)
    })();
    let _ = child.kill();
    let _ = child.wait();
    fs::write(file, &original)?;
    measured
}

/// Runs the runner binary itself (not through cargo, so the process we
/// watch is the runner) and samples its peak resident memory (`VmHWM`).
fn with_peak_memory(dir: &Path, target: &Path, args: &[&str]) -> io::Result<(Duration, u64)> {
    let binary = target
        .join("debug")
        .join(if cfg!(windows) { "xtask.exe" } else { "xtask" });
    let start = Instant::now();
    let mut child = in_dir(Command::new(binary), dir, target)
        .args(args)
        .args(["--lang", "en"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()?;
    let status_file = PathBuf::from(format!("/proc/{}/status", child.id()));
    let mut peak = 0u64;
    loop {
        if let Ok(status) = fs::read_to_string(&status_file) {
            if let Some(kib) = status
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            {
                peak = peak.max(kib * 1024);
            }
        }
        if child.try_wait()?.is_some() {
            return Ok((start.elapsed(), peak));
        }
        if start.elapsed() > LONG.time {
            let _ = child.kill();
            let _ = child.wait();
            return Err(io::Error::other("the runner did not finish"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Copies a course, leaving out build output and version control, and
/// keeping modification times (so cargo's fingerprints stay valid).
fn copy_tree(from: &Path, to: &Path) -> io::Result<()> {
    let keep = |p: &Path| {
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default();
        !matches!(name.as_ref(), "target" | ".git" | ".course-backups")
    };
    fs::create_dir_all(to)?;
    for entry in xtask::files::walk(from, &keep) {
        let inside = entry.path.strip_prefix(from).unwrap_or(&entry.path);
        let target = to.join(inside);
        if entry.is_dir {
            if keep(&entry.path) {
                fs::create_dir_all(&target)?;
            }
        } else if entry.metadata.is_file() && inside.components().all(|c| keep(Path::new(&c))) {
            fs::copy(&entry.path, &target)?;
            fs::File::options()
                .write(true)
                .open(&target)?
                .set_modified(entry.metadata.modified()?)?;
        }
    }
    Ok(())
}

/// Puts every reference solution in place of the learner's files.
fn solve(course: &Course, copy: &Path) -> io::Result<()> {
    for exercise in &course.exercises {
        for file in &exercise.edit {
            let from = exercise.solution_dir(&course.root).join(file);
            let to = copy.join("exercises").join(&exercise.dir_name).join(file);
            fs::copy(&from, &to)?;
            let modified = fs::metadata(&from)?.modified()?;
            fs::File::options()
                .write(true)
                .open(&to)?
                .set_modified(modified)?;
        }
    }
    Ok(())
}

fn median(values: &[Duration]) -> Duration {
    let mut sorted = values.to_vec();
    sorted.sort();
    match sorted.len() {
        0 => Duration::ZERO,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2,
    }
}

fn ratio(runner: &[Duration], floor: &[Duration]) -> f64 {
    median(runner).as_secs_f64() / median(floor).as_secs_f64().max(1e-9)
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn render(rows: &[Row], options: &flags::Bench) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Benchmarks\n");
    let _ = writeln!(
        out,
        "Produced by `cargo xtask bench --runs {}{}`{}, on a throwaway copy of the \
         course under `target/bench/`. Medians of {} run(s) per side, the runner \
         and its floor taken alternately in the same run.\n",
        options.runs,
        if options.smoke { " --smoke" } else { "" },
        options
            .write
            .as_ref()
            .map(|p| format!(" (written to `{}`)", p.display()))
            .unwrap_or_default(),
        options.runs
    );
    let _ = writeln!(out, "Machine: {}\n", machine());
    let _ = writeln!(
        out,
        "| measurement | runner (median) | floor (median) | ratio | target | met |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|");
    for row in rows {
        let (floor, ratio) = match &row.floor {
            Some((what, values)) => (
                format!("{} ({what})", secs(median(values))),
                format!("{:.2}", ratio(&row.runner, values)),
            ),
            None => ("—".to_owned(), "—".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {}{} | {} | {floor} | {ratio} | {} | {} |",
            row.what,
            if row.note.is_empty() {
                String::new()
            } else {
                format!(" ({})", row.note)
            },
            if row.runner.is_empty() {
                "—".to_owned()
            } else {
                secs(median(&row.runner))
            },
            row.target,
            if row.met { "yes" } else { "**no**" }
        );
    }
    let _ = writeln!(
        out,
        "\nHow to read it:\n\n\
         - Cold: both sides compile the same crates, so cargo (rustc) is the floor. The \
         runner also runs every exercise's tests, in course order, each exercise once \
         every earlier one has passed, and builds in course order too (01, then 02, \
         then the next two, four, …, each group's tests running while cargo builds the \
         next), so that a learner's first verdict waits only for the exercises up to the \
         one that decides; what it adds is cargo's start for each group, the cores left \
         idle at each group's end, and the tests of the last group. Row 1b divides row 1 \
         by the number of \
         exercises; row 1c is everything the runner and cargo wrote in the target folder \
         (the runner's own build included), per exercise. Row 1d is a learner's first \
         minute: nothing solved, so the verdict is 01's, and only 01 needs building.\n\
         - Warm, nothing changed: the runner remembers passes under a key that covers the \
         build, the language, the limits and the runner itself, so it asks cargo whether \
         anything changed and runs no test; `cargo test` runs them all.\n\
         - One exercise edited: both sides rebuild it and run its tests.\n\
         - The solution suite: nothing is remembered for the solutions; the runner runs \
         each test in a process of its own (two per core: most of a test's time is spent \
         waiting on channels and sleeps), one exercise after another, and lists each \
         test executable first; `cargo test` runs each executable's tests in one process.\n\
         - The path: what a learner at step k waits for. `verify` should cost no more than \
         the deciding exercise alone: the exercises before it are remembered passes, and \
         nothing after it runs.\n\
         - Hang: the verdict comes at the exercise's time limit plus the time to end the \
         process group and report. Flood: the output limit (1 MiB) is crossed in \
         milliseconds, then the test gets a moment to end by itself (a long message ends, \
         an endless loop does not); peak memory is the runner's own resident high-water \
         mark (`VmHWM`), sampled while it runs.\n\
         - Watch: from the write of the file to the end of the new verdict on stdout, \
         including the short pause that gathers a burst of saves into one run."
    );
    let _ = writeln!(out, "\nEvery run, in seconds:\n");
    for row in rows {
        let list = |v: &[Duration]| {
            v.iter()
                .map(|d| format!("{:.2}", d.as_secs_f64()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let floor = row
            .floor
            .as_ref()
            .map(|(_, v)| format!("; floor: {}", list(v)))
            .unwrap_or_default();
        let _ = writeln!(out, "- {}: runner: {}{floor}", row.what, list(&row.runner));
    }
    out
}

/// Cores, processor, memory and toolchain, as far as they can be read.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let cpu = fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown processor".into());
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find_map(|l| l.strip_prefix("MemTotal:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map(|kib| format!("{:.0} GiB", kib as f64 / 1024.0 / 1024.0))
        .unwrap_or_else(|| "unknown memory".into());
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {memory}, {} {}, {rustc}",
        std::env::consts::OS,
        std::env::consts::ARCH
    )
}
