//! Reads what a libtest executable says about one test, run alone.
//!
//! The runner asks each test executable for its tests
//! (`--list --format terse`), then runs each test in a process of its own
//! with `--exact NAME --logfile FILE`. Three things decide, none of which the
//! learner's code can write by accident:
//!
//! - the list: one `NAME: test` line per test, nothing else (the
//!   learner's code does not run while libtest lists);
//! - the log file, where libtest alone writes `ok NAME` or `failed NAME`
//!   once the test has finished;
//! - the process's exit status.
//!
//! Tests run with `--nocapture`, so that output reaches the runner as it is
//! written (an endless `println!` is cut within the output limit instead of
//! piling up in the test's memory). Panic messages arrive on stderr, each
//! headed `thread 'NAME' (ID) panicked at FILE:LINE:COL:`; since the process
//! runs one test, every panic in it belongs to that test: libtest names the
//! test's thread after the test, and any other name is a thread the code
//! started.

use crate::engine::judge::FailedTest;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Panic {
    pub thread: String,
    pub location: String,
    pub message: String,
}

/// The names in `--list --format terse` output, or None when a line is not
/// a test's (`NAME: test`); benchmarks are not run.
pub fn parse_terse_list(stdout: &str) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for line in stdout.lines() {
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_suffix(": test") {
            if name.is_empty() || name.contains(char::is_whitespace) {
                return None;
            }
            names.push(name.to_owned());
        } else if !line.ends_with(": benchmark") {
            return None;
        }
    }
    Some(names)
}

/// What libtest's log file says of `name`: `Some(true)` for `ok NAME`,
/// `Some(false)` for `failed NAME`, None when it said nothing of it (the
/// process ended before the test did).
pub fn logged_result(log: &str, name: &str) -> Option<bool> {
    log.lines().find_map(|line| match line.split_once(' ') {
        Some(("ok", n)) if n == name => Some(true),
        Some(("failed", n)) if n == name => Some(false),
        _ => None,
    })
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

/// The panics in a test's stderr. A message runs to the note std prints
/// after the first panic, to the next panic, or to a blank line.
pub fn parse_panics(stderr: &str) -> Vec<Panic> {
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
        } else if line.starts_with("note: run with `RUST_BACKTRACE") || line.trim().is_empty() {
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

/// The failed test `name`, from its own process's stderr: the last panic
/// raised in a test file (`tests/…`: the test's own explanation) leads;
/// the test thread's other panics (a learner's `unwrap` in code the test
/// called) follow as evidence; panics of other threads (threads the code
/// started) come back apart. Identical panics are kept once.
pub fn failure(name: &str, stderr: &str) -> (FailedTest, Vec<Panic>) {
    let mut panics = parse_panics(stderr);
    let lead = panics
        .iter()
        .rposition(|p| p.thread == name && in_tests(&p.location))
        .or_else(|| panics.iter().rposition(|p| in_tests(&p.location)))
        .or_else(|| panics.iter().position(|p| p.thread == name))
        .or_else(|| (!panics.is_empty()).then_some(0));
    let panic = lead.map(|i| panics.remove(i));
    let same = |a: &Panic, b: &Panic| a.message == b.message && a.location == b.location;
    let mut evidence: Vec<Panic> = Vec::new();
    let mut strays = Vec::new();
    for p in panics {
        if panic.as_ref().is_some_and(|lead| same(lead, &p)) {
            continue;
        }
        if p.thread == name {
            if !evidence.iter().any(|e| same(e, &p)) {
                evidence.push(p);
            }
        } else {
            strays.push(p);
        }
    }
    let test = FailedTest {
        name: name.to_owned(),
        panic,
        evidence,
    };
    (test, strays)
}

/// A panic location in a test file (`tests/loop_send.rs:12:5`, or the
/// same under an absolute path).
pub fn in_tests(location: &str) -> bool {
    let location = location.replace('\\', "/");
    location.starts_with("tests/") || location.contains("/tests/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_read_strictly() {
        let names = parse_terse_list("a: test\nmod::b: test\nbench_x: benchmark\n").unwrap();
        assert_eq!(names, ["a", "mod::b"]);
        assert_eq!(parse_terse_list("").unwrap(), Vec::<String>::new());
        // Anything else is not the harness's listing.
        assert_eq!(parse_terse_list("a: test\nhello\n"), None);
        assert_eq!(parse_terse_list("2 tests, 0 benchmarks\n"), None);
        assert_eq!(parse_terse_list("a b: test\n"), None);
    }

    #[test]
    fn only_libtests_record_of_the_test_counts() {
        assert_eq!(logged_result("ok sends\n", "sends"), Some(true));
        assert_eq!(logged_result("failed sends\n", "sends"), Some(false));
        assert_eq!(logged_result("ok sends_more\n", "sends"), None);
        assert_eq!(logged_result("", "sends"), None);
    }

    const STDERR: &str = "
thread '<unnamed>' (391) panicked at src/lib.rs:14:5:
not yet implemented
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace

thread '<unnamed>' (392) panicked at src/lib.rs:14:5:
not yet implemented

thread 'drops_the_sender' (393) panicked at src/lib.rs:20:30:
called `Result::unwrap()` on an `Err` value: RecvError

thread 'drops_the_sender' (393) panicked at tests/t.rs:20:5:
the channel was still open
after 5.0 s
";

    #[test]
    fn the_tests_explanation_leads_and_the_rest_is_evidence_or_strays() {
        let (test, strays) = failure("drops_the_sender", STDERR);
        let lead = test.panic.unwrap();
        assert_eq!(lead.message, "the channel was still open\nafter 5.0 s");
        assert_eq!(lead.location, "tests/t.rs:20:5");
        assert_eq!(test.evidence.len(), 1);
        assert!(test.evidence[0].message.contains("RecvError"));
        // Two threads the code started, both kept (the report counts them).
        assert_eq!(strays.len(), 2);
        assert_eq!(strays[0].message, "not yet implemented");
    }

    #[test]
    fn without_an_explanation_the_test_threads_panic_leads() {
        let (test, strays) = failure(
            "a",
            "thread 'a' (1) panicked at src/lib.rs:3:5:\nnot yet implemented\n",
        );
        assert_eq!(test.panic.unwrap().message, "not yet implemented");
        assert!(test.evidence.is_empty() && strays.is_empty());
        let (test, _) = failure("a", "");
        assert!(test.panic.is_none());
    }

    #[test]
    fn output_after_a_panic_is_not_part_of_its_message() {
        let panics = parse_panics(
            "thread 'a' (1) panicked at tests/t.rs:1:1:\nfirst\nnote: run with `RUST_BACKTRACE=1`\n\
             thread 'b' (2) panicked at src/lib.rs:2:2:\nsecond\n\nproducer sent 79\n",
        );
        assert_eq!(panics.len(), 2);
        assert_eq!(panics[1].message, "second");
    }

    #[test]
    fn quoted_program_output_is_not_a_panic_header() {
        let panics = parse_panics(
            "thread 'x' panicked at a.rs:1:1:\nthe program said:\n    | thread 'main' (9) panicked at src/main.rs:3:5:\n",
        );
        assert_eq!(panics.len(), 1);
        assert!(panics[0].message.contains("| thread 'main'"));
    }
}
