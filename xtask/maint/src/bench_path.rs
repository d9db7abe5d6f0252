//! The learner's path, measured: at step k, exercises before k are solved
//! and the rest are as shipped, which is where a learner almost always is.
//!
//! For each step, on a copy of the course, warm, each figure the median of
//! `--runs`:
//!
//! - `verify`: the whole command, as the learner runs it;
//! - `verify NN`: the failing exercise alone (here: as shipped);
//! - `edited`: `verify NN` right after a save of its file (a rebuild of
//!   that exercise, and its tests);
//! - `watch`: from a save of that file to the verdict on screen;
//! - `solved`: the exercise's own tests with its reference solution
//!   (`verify NN --solutions`, nothing remembered), as every save of a
//!   correct answer pays.
//!
//! Targets: `verify` ≤ 1.2 × `verify NN` + 50 ms (no later exercise holds
//! the answer back); `verify NN` ≤ 0.5 s (a failing verdict as soon as the
//! failure is known); `watch` ≤ `edited` + 0.3 s; `solved` ≤ 1 s.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use xtask::RunError;
use xtask::engine::course::{Course, Exercise};
use xtask::engine::shipped::{self, Record};

pub struct Step {
    pub exercise: String,
    pub verify: Duration,
    pub alone: Duration,
    pub edited: Duration,
    pub watch: Duration,
    pub solved: Duration,
}

impl Step {
    pub fn verify_met(&self) -> bool {
        self.verify <= self.alone.mul_f64(1.2) + Duration::from_millis(50)
    }
    pub fn alone_met(&self) -> bool {
        self.alone <= Duration::from_millis(500)
    }
    pub fn watch_met(&self) -> bool {
        self.watch <= self.edited + Duration::from_millis(300)
    }
    pub fn solved_met(&self) -> bool {
        self.solved <= Duration::from_secs(1)
    }
    pub fn met(&self) -> bool {
        self.verify_met() && self.alone_met() && self.watch_met() && self.solved_met()
    }
}

/// Times `cargo xtask ARGS` in a course folder, building into a target.
pub type Timed = dyn Fn(&Path, &Path, &[&str]) -> Result<Duration, RunError>;
/// Times `runs` saves of a file under `watch`, each to its verdict.
pub type Watched = dyn Fn(&Path, &Path, &Path, usize) -> Result<Vec<Duration>, RunError>;

/// How the path is measured: the bench's own ways to time a command.
pub struct Measure<'a> {
    pub course: &'a Course,
    pub runs: usize,
    /// Where the path's copy and its target folder go.
    pub dir: PathBuf,
    pub timed: &'a Timed,
    pub watch: &'a Watched,
    pub median: fn(&[Duration]) -> Duration,
    pub copy_tree: fn(&Path, &Path) -> std::io::Result<()>,
    /// Only the first and the last step (a smoke test of the benchmark).
    pub only_ends: bool,
}

impl Measure<'_> {
    pub fn steps(&self) -> Result<Vec<Step>, RunError> {
        let copy = self.dir.join("path-course");
        let target = self.dir.join("path-target");
        let _ = fs::remove_dir_all(&copy);
        (self.copy_tree)(&self.course.root, &copy)?;
        let mut steps = Vec::new();
        let last = self.course.exercises.len().saturating_sub(1);
        for (k, exercise) in self.course.exercises.iter().enumerate() {
            if self.only_ends && k != 0 && k != last {
                continue;
            }
            eprintln!("bench: the path, step {:02}", exercise.number);
            self.lay_out(&copy, k)?;
            steps.push(self.step(&copy, &target, exercise)?);
        }
        let _ = fs::remove_dir_all(&copy);
        Ok(steps)
    }

    /// Exercises before `k` solved, the others as shipped.
    fn lay_out(&self, copy: &Path, k: usize) -> Result<(), RunError> {
        for (i, exercise) in self.course.exercises.iter().enumerate() {
            for file in &exercise.edit {
                let to = copy.join("exercises").join(&exercise.dir_name).join(file);
                let content = if i < k {
                    fs::read(exercise.solution_dir(&self.course.root).join(file))?
                } else {
                    as_shipped(self.course, exercise, file)?
                };
                if fs::read(&to).ok().as_deref() != Some(content.as_slice()) {
                    fs::write(&to, content)?;
                }
            }
        }
        Ok(())
    }

    fn step(&self, copy: &Path, target: &Path, exercise: &Exercise) -> Result<Step, RunError> {
        let number = format!("{:02}", exercise.number);
        let file = copy
            .join("exercises")
            .join(&exercise.dir_name)
            .join(&exercise.edit[0]);
        let original = fs::read_to_string(&file)?;
        // Warm: built, and the passes before it remembered.
        (self.timed)(copy, target, &["verify"])?;
        (self.timed)(copy, target, &["verify", &number, "--solutions"])?;
        let (mut verify, mut alone, mut edited, mut solved) = (vec![], vec![], vec![], vec![]);
        for i in 0..self.runs {
            verify.push((self.timed)(copy, target, &["verify"])?);
            alone.push((self.timed)(copy, target, &["verify", &number])?);
            fs::write(&file, format!("{original}\n// edit {i}\n"))?;
            edited.push((self.timed)(copy, target, &["verify", &number])?);
            forget_solution_passes(target);
            solved.push((self.timed)(
                copy,
                target,
                &["verify", &number, "--solutions"],
            )?);
        }
        fs::write(&file, &original)?;
        (self.timed)(copy, target, &["verify"])?;
        let watch = (self.watch)(copy, target, &file, self.runs)?;
        let median = self.median;
        Ok(Step {
            exercise: exercise.label(),
            verify: median(&verify),
            alone: median(&alone),
            edited: median(&edited),
            watch: median(&watch),
            solved: median(&solved),
        })
    }
}

/// A file as the course shipped it: from git, by the id its exercise's
/// shipped-files list records; else the file as it is.
pub fn as_shipped(course: &Course, exercise: &Exercise, file: &str) -> Result<Vec<u8>, RunError> {
    let recorded = Record::of_exercise(exercise)
        .read()
        .unwrap_or_default()
        .into_iter()
        .find(|(path, _)| path == file);
    if let Some((_, blob)) = recorded {
        if let Ok(bytes) = shipped::fetch(&course.root, &blob) {
            return Ok(bytes);
        }
    }
    Ok(fs::read(exercise.dir.join(file))?)
}

/// Removes the passes remembered for the reference solutions under
/// `target`, so their tests run again; the learner's stay, as they would
/// for a learner.
fn forget_solution_passes(target: &Path) {
    for entry in xtask::files::walk(target, &|p| !p.ends_with("deps")) {
        let solutions = entry
            .path
            .parent()
            .and_then(Path::file_name)
            .is_some_and(|d| d == "solutions");
        if solutions && entry.path.file_name().is_some_and(|n| n == "passes.txt") {
            let _ = fs::remove_file(&entry.path);
        }
    }
}

/// The path as a Markdown table.
pub fn render(steps: &[Step], runs: usize) -> String {
    let secs = |d: Duration| format!("{:.2} s", d.as_secs_f64());
    let mark = |met: bool| if met { "" } else { " ✗" };
    let mut out = format!(
        "\n## The learner's path\n\nAt step k, exercises before k solved and the rest as \
         shipped, warm, median of {runs} runs. Targets: `verify` ≤ 1.2 × `verify NN` + 50 ms; \
         `verify NN` ≤ 0.5 s; watch ≤ edited + 0.3 s; solved ≤ 1 s. ✗ marks a missed target.\n\n\
         | next exercise | `verify` | `verify NN` | edited | watch save | solved |\n\
         |---|---|---|---|---|---|\n"
    );
    for s in steps {
        let _ = writeln!(
            out,
            "| {} | {}{} | {}{} | {} | {}{} | {}{} |",
            s.exercise,
            secs(s.verify),
            mark(s.verify_met()),
            secs(s.alone),
            mark(s.alone_met()),
            secs(s.edited),
            secs(s.watch),
            mark(s.watch_met()),
            secs(s.solved),
            mark(s.solved_met()),
        );
    }
    let met = steps.iter().filter(|s| s.met()).count();
    let _ = writeln!(out, "\n{met} of {} steps meet every target.", steps.len());
    out
}
