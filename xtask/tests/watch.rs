//! `cargo xtask watch`, driven as a learner drives it: started on a copy of
//! the fixture course, files saved the way editors save them (a temporary
//! file renamed over the original), keys sent on stdin, Ctrl-C sent as
//! SIGINT. Every wait is bounded; a watch process still alive at the end of a
//! test is killed.

mod common;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::{Duration, Instant};

use common::{LIMIT, copy_of_fixture, processes_matching, still_running_after};

struct Watch {
    child: Child,
    stdin: ChildStdin,
    lines: Receiver<String>,
    /// Output since the last [`Watch::mark`].
    seen: String,
}

impl Watch {
    fn start(root: &Path, extra: &[&str], env: &[(&str, &str)]) -> Watch {
        let mut child = Command::new(env!("CARGO_BIN_EXE_xtask"))
            .arg("--root")
            .arg(root)
            .args(["--lang", "en", "watch"])
            .args(extra)
            // Prose on one line (tests may set their own width).
            .env("COLUMNS", "100000")
            .envs(env.iter().copied())
            // A target directory of its own: cargo names a path package's
            // artifacts without its location, so copies must not share one.
            .env("CARGO_TARGET_DIR", root.join("target"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start watch");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = channel();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if tx.send(line).is_err() {
                    return;
                }
            }
        });
        Watch {
            child,
            stdin,
            lines,
            seen: String::new(),
        }
    }

    /// Waits until the output since the last mark contains `needle`.
    fn wait_for(&mut self, needle: &str, limit: Duration) {
        let deadline = Instant::now() + limit;
        while !self.seen.contains(needle) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.seen.push_str(&line);
                    self.seen.push('\n');
                }
                Err(RecvTimeoutError::Timeout) => {
                    panic!(
                        "watch did not print {needle:?} within {limit:?}; it printed:\n{}",
                        self.seen
                    )
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!(
                        "watch ended before printing {needle:?}; it printed:\n{}",
                        self.seen
                    )
                }
            }
        }
    }

    fn mark(&mut self) {
        self.seen.clear();
    }

    fn key(&mut self, key: &str) {
        self.stdin.write_all(key.as_bytes()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn wait_exit(&mut self, limit: Duration) -> ExitStatus {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "watch did not exit within {limit:?}"
            );
            thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Saves like many editors do: write a temporary file, rename it over.
fn save(path: &Path, content: &str) {
    let temporary = path.with_extension("rs.tmp");
    fs::write(&temporary, content).unwrap();
    fs::rename(&temporary, path).unwrap();
}

const FORTY_TWO: &str = "pub fn answer() -> u32 {\n    42\n}\n";

#[test]
fn a_save_brings_a_new_verdict_keys_work_and_q_quits() {
    let root = copy_of_fixture("watch-save");
    let mut watch = Watch::start(&root, &[], &[]);
    watch.wait_for("Progress: [##------------------] 1/8", LIMIT);
    watch.wait_for("q quit", LIMIT);
    watch.mark();

    save(&root.join("exercises/02_fails/src/lib.rs"), FORTY_TWO);
    watch.wait_for("Done: 01–02", LIMIT);
    watch.wait_for(
        "03 does_not_compile · Fixture does_not_compile: does not compile",
        LIMIT,
    );
    watch.wait_for("q quit", LIMIT);

    watch.mark();
    watch.key("h");
    watch.wait_for("Hints for 03 does_not_compile", LIMIT);
    watch.key("l");
    watch.wait_for("03  does_not_compile  next", LIMIT);
    // The solution of the last exercise finished, 02, which now matches.
    watch.key("s");
    watch.wait_for(
        "exercises/02_fails/src/lib.rs is the same as the reference solution",
        LIMIT,
    );

    watch.key("q");
    watch.wait_for("Bye!", LIMIT);
    assert!(watch.wait_exit(LIMIT).success());
    drop(watch);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn watch_stays_on_a_named_exercise_says_when_a_result_is_the_same_and_gives_hints_one_by_one() {
    let root = copy_of_fixture("watch-one");
    // 03 is next in order (01 passes, 02 fails): the learner skipped ahead.
    let mut watch = Watch::start(&root, &["03"], &[]);
    watch.wait_for("03 does_not_compile · Fixture does_not_compile", LIMIT);
    watch.wait_for("q quit", LIMIT);
    assert!(!watch.seen.contains("02 fails"), "{}", watch.seen);
    watch.mark();

    // Enter checks again; nothing changed, and the screen says it ran.
    watch.key("\n");
    watch.wait_for("Same result, checked again at ", LIMIT);
    watch.wait_for("q quit", LIMIT);
    let stamp = watch
        .seen
        .lines()
        .find_map(|l| l.strip_prefix("Same result, checked again at "))
        .unwrap()
        .to_owned();
    assert!(
        stamp.len() == 9 && stamp.as_bytes()[2] == b':' && stamp.ends_with('.'),
        "HH:MM:SS. expected, got {stamp:?}"
    );
    assert!(!watch.seen.contains("02 fails"), "{}", watch.seen);

    // `h` shows the next hint of the exercise watched, one at a time.
    watch.mark();
    watch.key("h");
    watch.wait_for("Hint 1 of 2:", LIMIT);
    // Inside watch the next hint is one key away, not a command.
    watch.wait_for("Still stuck? Press h again for the next one;", LIMIT);
    assert!(!watch.seen.contains("Second hint"), "{}", watch.seen);
    assert!(!watch.seen.contains("hint 03` again"), "{}", watch.seen);
    watch.key("h");
    watch.wait_for("Hint 2 of 2:", LIMIT);
    watch.wait_for("Second hint of does_not_compile.", LIMIT);
    watch.wait_for(
        "That was the last hint. Press h again to see them all.",
        LIMIT,
    );

    // A save that changes the result is not "the same".
    watch.mark();
    save(
        &root.join("exercises/03_does_not_compile/src/lib.rs"),
        FORTY_TWO,
    );
    watch.wait_for("q quit", LIMIT);
    assert!(!watch.seen.contains("Same result"), "{}", watch.seen);

    watch.key("q");
    assert!(watch.wait_exit(LIMIT).success());
    drop(watch);
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_hanging_exercise_never_freezes_watch_and_ctrl_c_leaves_nothing_running() {
    let root = copy_of_fixture("watch-hang");
    // Solve 02 and 03 so that the next exercise is the one that hangs.
    fs::write(root.join("exercises/02_fails/src/lib.rs"), FORTY_TWO).unwrap();
    fs::write(
        root.join("exercises/03_does_not_compile/src/lib.rs"),
        "pub fn answer() -> u32 {\n    10\n}\n",
    )
    .unwrap();
    let marker = format!("4343.{}", std::process::id());
    let mut watch = Watch::start(&root, &["--poll"], &[("FIXTURE_SLEEP", &marker)]);
    watch.wait_for(
        "04 hangs · Fixture hangs: stopped: still running after 2 s",
        LIMIT,
    );
    watch.wait_for("(polling)", LIMIT);
    watch.mark();

    // A save starts a run that hangs again; a second save during that run
    // cancels it, and the verdict is the one of the newest files.
    let lib = root.join("exercises/04_hangs/src/lib.rs");
    let hanging = fs::read_to_string(&lib).unwrap();
    save(&lib, &format!("{hanging}\n// touched\n"));
    // Once the new run hangs (its program is there), the second save.
    let needle = format!("sleep {marker}");
    let hanging_since = Instant::now();
    while processes_matching(&needle).is_empty() {
        assert!(hanging_since.elapsed() < LIMIT, "the new run never started");
        thread::sleep(Duration::from_millis(20));
    }
    save(
        &lib,
        "pub fn wait_forever() -> String {\n    \"no more waiting\".to_owned()\n}\n",
    );
    // Cancelled, the hanging run ends at once; left alone, it would run to
    // its time limit, 2 s after it started.
    let left = still_running_after(&needle, Duration::from_millis(1500));
    assert_eq!(
        left,
        Vec::<String>::new(),
        "the second save did not cancel the run"
    );
    watch.wait_for("Done: 01–04", LIMIT);
    watch.wait_for("05 floods", LIMIT);

    // Ctrl-C: watch ends, and so does everything it started.
    let pid = watch.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let status = watch.wait_exit(LIMIT);
    assert!(status.success(), "watch ended with {status:?}");
    let left = still_running_after(&format!("sleep {marker}"), Duration::from_secs(10));
    assert_eq!(left, Vec::<String>::new());
    drop(watch);
    fs::remove_dir_all(&root).unwrap();
}
