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
//! `--smoke` runs each warm measurement once and skips the cold one: it
//! proves the benchmark still works, quickly enough for the test suite.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::Failure;
use crate::compile;
use crate::course::Course;
use crate::flags;
use crate::process::{self, Ending, Limits};
use crate::ui::Ui;

const LONG: Limits = Limits {
    time: Duration::from_secs(30 * 60),
    output: 64 << 20,
};

struct Row {
    what: &'static str,
    runner: Vec<Duration>,
    floor: Option<(String, Vec<Duration>)>,
    target: String,
    met: bool,
    note: String,
}

pub fn run(course: &Course, ui: &Ui, options: &flags::Bench) -> Result<bool, Failure> {
    let runs = options.runs as usize;
    let bench = course.root.join("target").join("bench");
    let copy = bench.join("course");
    let _ = fs::remove_dir_all(&copy);
    copy_tree(&course.root, &copy)?;
    solve(course, &copy)?;
    let warm_target = bench.join("target");
    let packages: Vec<String> = course.exercises.iter().map(|e| e.name.clone()).collect();
    let say = |text: &str| eprintln!("bench: {text}");
    let mut rows: Vec<Row> = Vec::new();

    // 1. Cold.
    if !options.smoke {
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        for i in 0..runs {
            say(&format!("cold, run {} of {runs}", i + 1));
            let target = bench.join("cold");
            let _ = fs::remove_dir_all(&target);
            runner.push(timed(xtask(&copy, &target, &["verify"]))?);
            let _ = fs::remove_dir_all(&target);
            let mut build_runner = compile::cargo();
            build_runner.args(["build", "--manifest-path", "xtask/Cargo.toml"]);
            let mut build_tests = compile::cargo();
            build_tests.args(["build", "--tests", "--keep-going"]);
            for p in &packages {
                build_tests.arg("-p").arg(p);
            }
            let a = timed(in_dir(build_runner, &copy, &target))?;
            let b = timed(in_dir(build_tests, &copy, &target))?;
            floor.push(a + b);
            let _ = fs::remove_dir_all(&target);
        }
        let ratio = ratio(&runner, &floor);
        rows.push(Row {
            what: "1. cold: fresh copy to the first complete `cargo xtask verify`",
            runner,
            floor: Some((
                "`cargo build` of the runner + `cargo build --tests` of every exercise".into(),
                floor,
            )),
            target: "≤ 1.15 × floor".into(),
            met: ratio <= 1.15,
            note: String::new(),
        });
    }

    // Warm up the shared target directory once (not measured).
    say("warming up");
    timed(xtask(&copy, &warm_target, &["verify"]))?;
    let mut test_all = compile::cargo();
    test_all.arg("test");
    for p in &packages {
        test_all.arg("-p").arg(p);
    }
    timed(in_dir(clone_command(&test_all), &copy, &warm_target))?;

    // 2. Warm, nothing changed.
    {
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        for i in 0..runs {
            say(&format!("warm, run {} of {runs}", i + 1));
            runner.push(timed(xtask(&copy, &warm_target, &["verify"]))?);
            floor.push(timed(in_dir(
                clone_command(&test_all),
                &copy,
                &warm_target,
            ))?);
        }
        // What cargo alone spends finding that nothing needs building: the
        // part of both sides that no runner can remove.
        let mut noop = Vec::new();
        for _ in 0..runs {
            let mut build_tests = compile::cargo();
            build_tests.args(["build", "--tests", "--keep-going"]);
            for p in &packages {
                build_tests.arg("-p").arg(p);
            }
            noop.push(timed(in_dir(build_tests, &copy, &warm_target))?);
        }
        let ratio = ratio(&runner, &floor);
        let noop_note = format!(
            "of which cargo's no-op `cargo build --tests`: {}",
            secs(median(&noop))
        );
        rows.push(Row {
            what: "2. warm, nothing changed, course solved: `cargo xtask verify`",
            runner,
            floor: Some(("`cargo test` of every exercise".into(), floor)),
            target: "≤ 1.5 × floor".into(),
            met: ratio <= 1.5,
            note: noop_note,
        });
    }

    // 3. One exercise edited.
    {
        let exercise = &course.exercises[course.exercises.len() / 2];
        let file = copy
            .join("exercises")
            .join(&exercise.dir_name)
            .join(&exercise.edit[0]);
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
            runner.push(timed(xtask(&copy, &warm_target, &["verify", &number]))?);
            edit()?;
            let mut test_one = compile::cargo();
            test_one.args(["test", "-p", &exercise.name]);
            floor.push(timed(in_dir(test_one, &copy, &warm_target))?);
        }
        fs::write(&file, &original)?;
        let ratio = ratio(&runner, &floor);
        rows.push(Row {
            what: "3. one exercise edited: `cargo xtask verify NN`",
            runner,
            floor: Some((format!("`cargo test -p {}`", exercise.name), floor)),
            target: "≤ 1.2 × floor".into(),
            met: ratio <= 1.2,
            note: format!("exercise {}", exercise.label()),
        });
    }

    // 3b. Watch mode: from a save to the new verdict on screen.
    {
        let exercise = &course.exercises[course.exercises.len() / 2];
        let file = copy
            .join("exercises")
            .join(&exercise.dir_name)
            .join(&exercise.edit[0]);
        say("watch mode");
        let runner = watch_latency(&copy, &warm_target, &file, runs)?;
        let met = median(&runner) <= Duration::from_secs(1);
        rows.push(Row {
            what: "3b. watch mode: a save to the new verdict on screen",
            runner,
            floor: None,
            target: "≤ 1 s".into(),
            met,
            note: format!("exercise {} edited", exercise.label()),
        });
    }

    // 4 and 5: the fixture course's hanging and flooding exercises.
    let fixture = bench.join("fixture");
    let _ = fs::remove_dir_all(&fixture);
    copy_tree(&course.root.join("xtask/tests/fixtures/course"), &fixture)?;
    let fixture_target = bench.join("fixture-target");
    let hang = Course::load(fixture.clone())?;
    let limit = hang.select("04")?.time_limit;
    // The runner is the copy's, pointed at the fixture with --root.
    let root_arg = fixture.display().to_string();
    let on_fixture = |args: &[&str]| -> Vec<String> {
        ["--root", root_arg.as_str()]
            .iter()
            .chain(args)
            .map(|s| s.to_string())
            .collect()
    };
    timed(xtask(
        &copy,
        &fixture_target,
        &as_strs(&on_fixture(&["verify", "01"])),
    ))?;
    {
        let mut runner = Vec::new();
        for i in 0..runs {
            say(&format!("hang, run {} of {runs}", i + 1));
            runner.push(timed(xtask(
                &copy,
                &fixture_target,
                &as_strs(&on_fixture(&["verify", "04"])),
            ))?);
        }
        let bound = limit + Duration::from_secs(1);
        let met = median(&runner) <= bound;
        rows.push(Row {
            what: "4. a hanging exercise: time to the verdict",
            runner,
            floor: None,
            target: format!("≤ time limit + 1 s = {}", secs(bound)),
            met,
            note: format!("fixture exercise 04, time limit {}", secs(limit)),
        });
    }
    {
        let mut runner = Vec::new();
        let mut peaks = Vec::new();
        for i in 0..runs {
            say(&format!("flood, run {} of {runs}", i + 1));
            let args = on_fixture(&["verify", "05"]);
            let (took, peak) = with_peak_memory(&copy, &fixture_target, &as_strs(&args))?;
            runner.push(took);
            peaks.push(peak);
        }
        let peak = peaks.iter().copied().max().unwrap_or(0);
        let met = median(&runner) <= Duration::from_secs(2) && peak < 64 << 20;
        rows.push(Row {
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
        });
    }

    // 6. The whole solution test suite, warm.
    {
        let solutions_target = bench.join("solutions-target");
        timed(xtask(&copy, &solutions_target, &["verify", "--solutions"]))?;
        let mut plain = compile::cargo();
        plain
            .args(["test", "--manifest-path"])
            .arg(copy.join("solutions/Cargo.toml"));
        timed(in_dir(clone_command(&plain), &copy, &solutions_target))?;
        let mut runner = Vec::new();
        let mut floor = Vec::new();
        for i in 0..runs {
            say(&format!("solutions, run {} of {runs}", i + 1));
            runner.push(timed(xtask(
                &copy,
                &solutions_target,
                &["verify", "--solutions"],
            ))?);
            floor.push(timed(in_dir(
                clone_command(&plain),
                &copy,
                &solutions_target,
            ))?);
        }
        let met = median(&runner) <= Duration::from_secs(5);
        rows.push(Row {
            what: "6. the whole solution test suite, warm: `cargo xtask verify --solutions`",
            runner,
            floor: Some(("`cargo test` of the solutions workspace".into(), floor)),
            target: "a few seconds (≤ 5 s)".into(),
            met,
            note: String::new(),
        });
    }

    let report = render(&rows, options);
    print!("{report}");
    if let Some(path) = &options.write {
        fs::write(path, &report)?;
        eprintln!("bench: {} {}", ui.t("wrote", "escrito"), path.display());
    }
    let _ = fs::remove_dir_all(&copy);
    Ok(rows.iter().all(|r| r.met))
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

fn clone_command(cmd: &Command) -> Command {
    let mut copy = Command::new(cmd.get_program());
    copy.args(cmd.get_args());
    copy
}

/// Wall time of a command run to its end (its exit status does not matter:
/// a verify that reports a failing exercise is still a complete answer).
fn timed(mut cmd: Command) -> io::Result<Duration> {
    let start = Instant::now();
    let outcome = process::run(&mut cmd, LONG, None, &mut |_, _| {})?;
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
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let target = to.join(entry.file_name());
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if !matches!(name.as_ref(), "target" | ".git" | ".course-backups") {
                copy_tree(&entry.path(), &target)?;
            }
        } else if kind.is_file() {
            fs::copy(entry.path(), &target)?;
            let modified = entry.metadata()?.modified()?;
            fs::File::options()
                .write(true)
                .open(&target)?
                .set_modified(modified)?;
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
            secs(median(&row.runner)),
            row.target,
            if row.met { "yes" } else { "**no**" }
        );
    }
    let _ = writeln!(
        out,
        "\nHow to read it:\n\n\
         - Cold and one-exercise-edited: both sides compile the same crates, so cargo \
         (rustc) is the floor; the runner's share is the difference between the medians.\n\
         - Warm and the solution suite: the runner starts the exercises' test executables \
         side by side (two per core, most of a test's time is spent waiting on channels \
         and sleeps), where `cargo test` runs them one after another; that is why the \
         ratio can be below 1.\n\
         - Hang: the verdict comes at the exercise's time limit plus the time to end the \
         process group and report. Flood: the output limit (1 MiB) is crossed in \
         milliseconds; peak memory is the runner's own resident high-water mark \
         (`VmHWM`), sampled while it runs.\n\
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
