//! The hints of `hint` (and of `watch`'s `h`): one at a time, each shown
//! once before the next, or all of them.
//!
//! How many of an exercise's hints were seen is kept in a small file in the
//! runner's build folder (`target/course/hints-seen.txt`): it decides
//! nothing but which hint comes next, so it cannot make a verdict stale,
//! and deleting it only starts the hints over.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use crate::engine::course::{Course, Exercise};
use crate::engine::stage;
use crate::texts::messages;
use crate::ui::Ui;

/// Every hint of one exercise, as text.
pub fn all(course: &Course, ui: &Ui, exercise: &Exercise) -> String {
    let texts = exercise.texts(ui.lang);
    let shown: Vec<usize> = (1..=texts.hints.len()).collect();
    hints(course, ui, exercise, &shown, None)
}

/// Where the learner asked for a hint, which is where they ask for the next.
#[derive(Clone, Copy)]
pub enum Asked {
    /// `cargo xtask hint`.
    Command,
    /// The `h` key of `watch`.
    WatchKey,
}

/// The first hint of `exercise` not yet seen, which is then remembered as
/// seen; once all were seen, all of them.
pub fn next(course: &Course, ui: &Ui, exercise: &Exercise, asked: Asked) -> String {
    let total = exercise.texts(ui.lang).hints.len();
    let mut seen = Seen::load(course);
    let before = seen.of(exercise);
    if before >= total {
        return all(course, ui, exercise);
    }
    let n = before + 1;
    seen.set(exercise, n);
    seen.save();
    hints(course, ui, exercise, &[n], Some((n, total, asked)))
}

/// The hints numbered `numbers` (from 1); `progress` is (this one, how
/// many there are, where it was asked for) when one is shown at a time.
fn hints(
    course: &Course,
    ui: &Ui,
    exercise: &Exercise,
    numbers: &[usize],
    progress: Option<(usize, usize, Asked)>,
) -> String {
    let lang = ui.lang;
    let mut out = String::new();
    let texts = exercise.texts(lang);
    let title = messages::hints_title(lang, &exercise.label(), &texts.title);
    let _ = writeln!(out, "{}\n", ui.wrap(&ui.bold(&title)));
    for &i in numbers {
        let Some(hint) = texts.hints.get(i - 1) else {
            continue;
        };
        let heading = match progress {
            Some((n, total, _)) => messages::hint_of(lang, n, total),
            None => messages::hint_number(lang, i),
        };
        let _ = writeln!(out, "{}", ui.bold(&heading));
        for line in hint.lines() {
            let _ = writeln!(out, "{}", ui.wrap(&format!("  {line}")));
        }
        let _ = writeln!(out);
    }
    if let Some((n, total, asked)) = progress {
        let more = match asked {
            Asked::Command => messages::more_hints(lang, exercise.number, n, total),
            Asked::WatchKey => messages::more_hints_in_watch(lang, exercise.number, n, total),
        };
        let _ = writeln!(out, "{}", ui.wrap(&more));
    }
    let readme = exercise.instructions(lang);
    let _ = writeln!(
        out,
        "{} {}",
        messages::instructions(lang),
        ui.link(&readme, &course.relative(&readme))
    );
    out
}

/// How many hints of each exercise were seen, by folder name.
struct Seen {
    file: PathBuf,
    counts: BTreeMap<String, usize>,
}

impl Seen {
    fn load(course: &Course) -> Seen {
        let file = stage::base_dir(course).join("hints-seen.txt");
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        let counts = text
            .lines()
            .filter_map(|line| {
                let (dir, n) = line.split_once(' ')?;
                Some((dir.to_owned(), n.trim().parse().ok()?))
            })
            .collect();
        Seen { file, counts }
    }

    fn of(&self, exercise: &Exercise) -> usize {
        self.counts.get(&exercise.dir_name).copied().unwrap_or(0)
    }

    fn set(&mut self, exercise: &Exercise, n: usize) {
        self.counts.insert(exercise.dir_name.clone(), n);
    }

    /// Written when it can be; a hint shown again is the worst that a
    /// failure to write can do.
    fn save(&self) {
        let text: String = self
            .counts
            .iter()
            .map(|(dir, n)| format!("{dir} {n}\n"))
            .collect();
        if let Some(parent) = self.file.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(&self.file, text);
    }
}
