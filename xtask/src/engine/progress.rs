//! Where the learner stands: how many exercises are solved in course order,
//! and which one is next. Every command that asks goes through [`Progress`],
//! so that `verify`, `list`, `hint`, `solution` and `watch` cannot disagree.
//!
//! There is no progress file: the answer comes from verdicts
//! ([`Progress::of`]), or, when the course was checked before, from what
//! that check remembered about the builds that are there now
//! ([`remembered`]): a pass or a failure noted for the very same build
//! answers without running a test. The build itself is cargo's: when
//! nothing changed it is cargo's no-op check.

use crate::engine::cache::{self, Passes};
use crate::engine::course::{Course, Exercise};
use crate::engine::process::Ending;
use crate::engine::stage::Files;
use crate::engine::{self, Error, Options, Verdict};

/// The learner's place in the course.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Exercises solved in course order before the first that is not.
    pub solved: usize,
    /// The index of the first exercise that does not pass (None: all do).
    pub next: Option<usize>,
}

impl Progress {
    /// From verdicts in course order, of a course of `total` exercises: an
    /// exercise past the end of `verdicts` was not checked, so it is next
    /// when all before it pass.
    pub fn of(verdicts: &[Verdict], total: usize) -> Progress {
        let solved = verdicts.iter().take_while(|v| v.passed()).count();
        Progress {
            solved,
            next: (solved < total).then_some(solved),
        }
    }

    /// The last exercise solved before the next: the one to compare with
    /// its solution.
    pub fn last_solved(&self) -> Option<usize> {
        self.solved.checked_sub(1)
    }
}

/// The learner's progress as the last check left it, if the builds there
/// now are the ones it judged: None when some exercise up to the next one
/// was not judged in this state (a file was edited since), and only
/// running its tests can tell. `options.files` must be the learner's.
pub fn remembered(course: &Course, options: &Options) -> Result<Option<Progress>, Error> {
    debug_assert!(matches!(options.files, Files::Learner));
    let all: Vec<&Exercise> = course.exercises.iter().collect();
    let target = engine::stage::target_dir(course, &options.files);
    // Never checked: the full build this needs would only delay the
    // check that has to run anyway.
    if !target.join(cache::FILE).is_file() {
        return Ok(None);
    }
    let built = engine::build(course, &all, options)?;
    // Stopped (Ctrl-C): the check that follows says so.
    if !matches!(built.build.ending, Ending::Exited(_)) {
        return Ok(None);
    }
    let passes = Passes::load(&built.staged.target);
    for (i, exercise) in all.iter().enumerate() {
        let dir_name = &exercise.dir_name;
        if built.staged.problems.contains_key(&exercise.index) {
            return Ok(Some(Progress::stopped_at(i)));
        }
        let Some(compiled) = built.build.of(exercise.index) else {
            return Ok(None);
        };
        if !compiled.errors.is_empty() {
            return Ok(Some(Progress::stopped_at(i)));
        }
        let Some(key) = cache::key(exercise, compiled, options.lang) else {
            return Ok(None);
        };
        if passes.failed(dir_name, &key) {
            return Ok(Some(Progress::stopped_at(i)));
        }
        if passes.get(dir_name, &key).is_none() {
            return Ok(None);
        }
    }
    Ok(Some(Progress {
        solved: all.len(),
        next: None,
    }))
}

impl Progress {
    fn stopped_at(i: usize) -> Progress {
        Progress {
            solved: i,
            next: Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pass() -> Verdict {
        Verdict::Pass {
            tests: 1,
            warnings: Vec::new(),
        }
    }

    #[test]
    fn the_next_exercise_is_the_first_that_does_not_pass() {
        let p = Progress::of(&[pass(), pass(), Verdict::NoTests], 5);
        assert_eq!((p.solved, p.next, p.last_solved()), (2, Some(2), Some(1)));
        let p = Progress::of(&[pass(), pass()], 2);
        assert_eq!((p.solved, p.next), (2, None));
        // Not checked yet: next once all before it pass.
        let p = Progress::of(&[pass()], 3);
        assert_eq!((p.solved, p.next), (1, Some(1)));
        let p = Progress::of(&[], 3);
        assert_eq!((p.solved, p.next, p.last_solved()), (0, Some(0), None));
    }
}
