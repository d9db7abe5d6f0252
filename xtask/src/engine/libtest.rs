//! Reads what a libtest executable printed, so the learner sees the failing
//! test's name and message instead of pages of harness output.
//!
//! The runner starts test executables with `--nocapture`, so that output
//! reaches it as it is written (an endless `println!` is cut within the
//! output limit instead of piling up in the test's memory). The price is that
//! panic messages arrive on stderr, one after another, each headed
//! `thread 'NAME' (ID) panicked at FILE:LINE:COL:`. libtest names each test's
//! thread after the test, so a panic belongs to the test of the same name; a
//! panic of any other thread (`<unnamed>` for a plain `thread::spawn`) comes
//! from a thread the learner's code started.

use crate::engine::judge::FailedTest;

#[derive(Debug, Default)]
pub struct Report {
    /// `(test name, passed)` for every test that finished.
    pub results: Vec<(String, bool)>,
    pub panics: Vec<Panic>,
    /// The closing `test result:` line was seen: the executable ran to its
    /// end on its own.
    pub completed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panic {
    pub thread: String,
    pub location: String,
    pub message: String,
}

pub fn parse(stdout: &str, stderr: &str) -> Report {
    let mut report = Report::default();
    for line in stdout.lines() {
        if let Some((name, passed)) = result_line(line) {
            report.results.push((name.to_owned(), passed));
        }
        // Output the test printed without a newline (`print!`) sticks to
        // the front of libtest's lines.
        if line.contains("test result: ") {
            report.completed = true;
        }
    }
    report.panics = parse_panics(stderr);
    report
}

/// `test NAME ... ok` (or `FAILED`), possibly after text a test printed
/// without a newline: `partial outputtest NAME ... FAILED`. Test names
/// never hold spaces.
fn result_line(line: &str) -> Option<(&str, bool)> {
    let (before, verdict) = line.rsplit_once(" ... ")?;
    let passed = match verdict.trim() {
        "ok" => true,
        "FAILED" => false,
        _ => return None,
    };
    let (front, name) = before.rsplit_once(' ')?;
    (front.ends_with("test") && !name.is_empty()).then_some((name, passed))
}

fn panic_header(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("thread '")?;
    let (name, rest) = rest.split_once('\'')?;
    let rest = rest.trim_start();
    // Newer toolchains print the thread id after the name: `'name' (12)`.
    let rest = match rest.strip_prefix('(') {
        Some(r) => r.split_once(')')?.1.trim_start(),
        None => rest,
    };
    let location = rest.strip_prefix("panicked at ")?.strip_suffix(':')?;
    Some((name.to_owned(), location.to_owned()))
}

fn parse_panics(stderr: &str) -> Vec<Panic> {
    let mut panics: Vec<Panic> = Vec::new();
    let mut open = false;
    for line in stderr.lines() {
        if let Some((thread, location)) = panic_header(line) {
            panics.push(Panic {
                thread,
                location,
                message: String::new(),
            });
            open = true;
        } else if line.starts_with("note: run with `RUST_BACKTRACE") {
            open = false;
        } else if open {
            let message = &mut panics.last_mut().expect("open implies one").message;
            message.push_str(line);
            message.push('\n');
        }
    }
    for p in &mut panics {
        let trimmed = p.message.trim_end().to_owned();
        p.message = trimmed;
    }
    panics
}

impl Report {
    pub fn passed(&self) -> usize {
        self.results.iter().filter(|(_, ok)| *ok).count()
    }

    /// The failed tests, by name. Each gets its thread's panics: the last
    /// one raised in a test file (`tests/…`: the test's own explanation)
    /// leads, and the others (a learner's `unwrap` in a thread the test
    /// named after itself, say) follow as evidence.
    pub fn failures(&self) -> Vec<FailedTest> {
        let mut failed: Vec<FailedTest> = self
            .results
            .iter()
            .filter(|(_, ok)| !ok)
            .map(|(name, _)| {
                let mut own: Vec<Panic> = self
                    .panics
                    .iter()
                    .filter(|p| &p.thread == name)
                    .cloned()
                    .collect();
                let lead = own.iter().rposition(|p| in_tests(&p.location)).unwrap_or(0);
                let panic = (!own.is_empty()).then(|| own.remove(lead));
                FailedTest {
                    name: name.clone(),
                    panic,
                    evidence: own,
                }
            })
            .collect();
        failed.sort_by(|a, b| a.name.cmp(&b.name));
        failed
    }

    /// Panics of threads that are not tests: threads the learner's code
    /// spawned (or the program a test ran, when it printed to the same
    /// stderr).
    pub fn stray_panics(&self) -> Vec<&Panic> {
        self.panics
            .iter()
            .filter(|p| !self.results.iter().any(|(name, _)| *name == p.thread))
            .collect()
    }

    pub fn finished(&self, test: &str) -> bool {
        self.results.iter().any(|(name, _)| name == test)
    }
}

/// A panic location in a test file (`tests/loop_send.rs:12:5`, or the
/// same under an absolute path).
pub fn in_tests(location: &str) -> bool {
    let location = location.replace('\\', "/");
    location.starts_with("tests/") || location.contains("/tests/")
}

/// Test names from `<executable> --list`.
pub fn parse_list(stdout: &str) -> Vec<String> {
    stdout
        .lines()
        .filter_map(|l| l.strip_suffix(": test"))
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STDOUT: &str = "
running 3 tests
test sends_in_order ... ok
test drops_the_sender ... FAILED
test crosses_threads ... FAILED

failures:

failures:
    crosses_threads
    drops_the_sender

test result: FAILED. 1 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s
";

    const STDERR: &str = "
thread '<unnamed>' (391) panicked at src/lib.rs:14:5:
not yet implemented
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

thread 'drops_the_sender' (393) panicked at tests/t.rs:20:5:
the channel was still open
after 5.0 s

thread 'crosses_threads' panicked at tests/t.rs:30:9:
expected \"a\"
";

    #[test]
    fn results_and_completion() {
        let r = parse(STDOUT, STDERR);
        assert!(r.completed);
        assert_eq!(r.passed(), 1);
        assert!(r.finished("crosses_threads"));
        assert!(!r.finished("another"));
    }

    #[test]
    fn each_failure_gets_its_own_message() {
        let r = parse(STDOUT, STDERR);
        let f = r.failures();
        assert_eq!(f.len(), 2);
        // In name order, whatever order they finished in.
        assert_eq!(f[0].name, "crosses_threads");
        assert_eq!(f[0].panic.as_ref().unwrap().message, "expected \"a\"");
        assert_eq!(f[1].name, "drops_the_sender");
        let p = f[1].panic.as_ref().unwrap();
        assert_eq!(p.message, "the channel was still open\nafter 5.0 s");
        assert_eq!(p.location, "tests/t.rs:20:5");
    }

    #[test]
    fn panics_of_other_threads_are_strays() {
        let r = parse(STDOUT, STDERR);
        let strays = r.stray_panics();
        assert_eq!(strays.len(), 1);
        assert_eq!(strays[0].thread, "<unnamed>");
        assert_eq!(strays[0].message, "not yet implemented");
    }

    #[test]
    fn an_executable_cut_short_is_not_completed() {
        let r = parse("\nrunning 2 tests\ntest a ... ok\n", "");
        assert!(!r.completed);
        assert!(r.failures().is_empty());
    }

    #[test]
    fn quoted_program_output_is_not_a_panic_header() {
        let r = parse(
            "",
            "thread 'x' panicked at a.rs:1:1:\nthe program said:\n    | thread 'main' (9) panicked at src/main.rs:3:5:\n",
        );
        assert_eq!(r.panics.len(), 1);
        assert!(r.panics[0].message.contains("| thread 'main'"));
    }

    #[test]
    fn output_printed_without_a_newline_does_not_hide_a_result() {
        let r = parse(
            "running 2 tests\npartial outputtest a ... FAILED\nmore texttest b ... ok\n\
             test result: FAILED. 1 passed; 1 failed\n",
            "",
        );
        assert_eq!(r.results, [("a".to_owned(), false), ("b".to_owned(), true)]);
        assert!(r.completed);
        let r = parse(
            "running 1 test\ntest a ... ok\nno newlinetest result: ok.\n",
            "",
        );
        assert!(r.completed);
    }

    #[test]
    fn the_tests_explanation_leads_and_the_learners_panic_is_evidence() {
        let stderr = "
thread 'sends' (7) panicked at src/lib.rs:9:30:
called `Result::unwrap()` on an `Err` value: SendError { .. }

thread 'sends' (5) panicked at /course/exercises/08/tests/t.rs:40:5:
the consumer had left, and send said so: take the message back out of the SendError
";
        let r = parse("test sends ... FAILED\n", stderr);
        let f = r.failures();
        let lead = f[0].panic.as_ref().unwrap();
        assert!(lead.message.starts_with("the consumer had left"));
        assert_eq!(f[0].evidence.len(), 1);
        assert!(f[0].evidence[0].message.contains("SendError"));
    }

    #[test]
    fn list_output() {
        let names = parse_list("a: test\nmod::b: test\n\n2 tests, 0 benchmarks\n");
        assert_eq!(names, ["a", "mod::b"]);
    }
}
