//! What a learner sees: `cargo xtask watch` in a terminal 80 columns wide
//! and 40 rows high (a pseudo-terminal made by util-linux's `script`, sized
//! with `stty`), on a copy of the real course broken the usual ways. After
//! each result, the screen must show the headline and the first error, not
//! scroll them away.
//!
//! Linux only: `script`'s options differ on macOS, and Windows has neither.

#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread;
use std::time::Instant;

use common::LIMIT;

const ROWS: usize = 40;
const COLUMNS: usize = 80;
const CLEAR: &str = "\x1b[2J\x1b[3J\x1b[H";

/// A copy of the real course (what a learner clones, without build
/// output), exercise 01 solved.
fn course_copy(name: &str) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dest = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("scratch")
        .join(format!("{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dest);
    fs::create_dir_all(&dest).unwrap();
    fs::create_dir_all(dest.join("xtask")).unwrap();
    // The support library takes its edition from the runner's workspace.
    for file in ["Cargo.toml", "Cargo.lock", "xtask/Cargo.toml"] {
        fs::copy(repo.join(file), dest.join(file)).unwrap();
    }
    for dir in ["exercises", "solutions", "support", "xtask/src"] {
        copy_dir(&repo.join(dir), &dest.join(dir));
    }
    let solved = "01_create_channel/src/lib.rs";
    fs::copy(
        repo.join("solutions").join(solved),
        dest.join("exercises").join(solved),
    )
    .unwrap();
    dest
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "target" {
            continue;
        }
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// `watch` in a pseudo-terminal of [`ROWS`] × [`COLUMNS`].
struct Screen {
    child: Child,
    bytes: Receiver<Vec<u8>>,
    seen: String,
}

impl Screen {
    fn start(root: &Path) -> Screen {
        let runner = env!("CARGO_BIN_EXE_xtask");
        Screen::start_shell(
            root,
            &format!(
                "stty rows {ROWS} cols {COLUMNS}; exec '{runner}' --root '{}' --lang pt-BR watch",
                root.display()
            ),
        )
    }

    /// `inner`, a shell command line, in the pseudo-terminal.
    fn start_shell(root: &Path, inner: &str) -> Screen {
        let mut child = Command::new("script")
            .args(["-q", "-f", "-e", "-c", inner, "/dev/null"])
            .env("CARGO_TARGET_DIR", root.join("target"))
            .env("TERM", "xterm-256color")
            .env_remove("COLUMNS")
            .env_remove("LINES")
            .env_remove("NO_COLOR")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("util-linux's `script` runs watch in a pseudo-terminal");
        let mut stdout = child.stdout.take().unwrap();
        let (tx, bytes) = channel();
        thread::spawn(move || {
            let mut buffer = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buffer) {
                if n == 0 || tx.send(buffer[..n].to_vec()).is_err() {
                    return;
                }
            }
        });
        Screen {
            child,
            bytes,
            seen: String::new(),
        }
    }

    /// The last screen drawn once it holds `needle` (and the keys line
    /// that ends every screen), as plain text.
    fn wait_for(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + LIMIT;
        loop {
            if let Some(at) = self.seen.rfind(CLEAR) {
                let screen = plain(&self.seen[at + CLEAR.len()..]);
                if screen.contains(needle) && screen.contains("q sair") {
                    self.seen.clear();
                    return screen;
                }
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.bytes.recv_timeout(left) {
                Ok(bytes) => self.seen.push_str(&String::from_utf8_lossy(&bytes)),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                    panic!(
                        "no screen with {needle:?}; watch printed:\n{}",
                        plain(&self.seen)
                    )
                }
            }
        }
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Text without colour escapes and hyperlinks, with `\r\n` as `\n`.
fn plain(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => match chars.next() {
                Some('[') => {
                    for c in chars.by_ref() {
                        if c.is_ascii_alphabetic() {
                            break;
                        }
                    }
                }
                Some(']') => {
                    while let Some(c) = chars.next() {
                        if c == '\x1b' && chars.peek() == Some(&'\\') {
                            chars.next();
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// The rows `screen` takes in a terminal [`COLUMNS`] wide.
fn rows(screen: &str) -> usize {
    screen
        .trim_end_matches('\n')
        .split('\n')
        .map(|line| line.chars().count().div_ceil(COLUMNS).max(1))
        .sum()
}

fn assert_fits(screen: &str, headline: &str, first_error: &str) {
    assert!(rows(screen) <= ROWS, "{} rows:\n{screen}", rows(screen));
    let headline_at = screen.find(headline);
    let error_at = screen.find(first_error);
    assert!(
        headline_at.is_some() && error_at.is_some() && headline_at < error_at,
        "the headline {headline:?}, then {first_error:?}, expected on the screen:\n{screen}"
    );
}

#[test]
fn a_40_row_terminal_shows_the_headline_and_the_first_error() {
    let root = course_copy("screen");
    let mut screen = Screen::start(&root);

    // 02 as shipped: E0382, 50 lines of report and more.
    let shown = screen.wait_for("✗ 02 clone_tx");
    assert_fits(
        &shown,
        "✗ 02 clone_tx",
        "error[E0382]: use of moved value: `tx`",
    );
    assert!(shown.contains("aperte v para ver tudo"), "{shown}");

    // 02 solved, 03 without `move`: three E0373, one shown.
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let solved = "02_clone_tx/src/lib.rs";
    let solution = fs::read_to_string(repo.join("solutions").join(solved)).unwrap();
    fs::write(root.join("exercises").join(solved), solution).unwrap();
    let no_move = "use std::sync::mpsc::Sender;\n\
                   use std::thread::{self, JoinHandle};\n\
                   use std::time::Duration;\n\n\
                   pub fn spawn_producer(tx: Sender<String>, count: usize, interval: Duration) -> JoinHandle<()> {\n    \
                       thread::spawn(|| {\n        \
                           for i in 0..count {\n            \
                               tx.send(format!(\"message {i}\")).unwrap();\n            \
                               thread::sleep(interval);\n        \
                           }\n    \
                       })\n\
                   }\n";
    fs::write(root.join("exercises/03_loop_send/src/lib.rs"), no_move).unwrap();
    let shown = screen.wait_for("✗ 03 loop_send");
    assert_fits(&shown, "✗ 03 loop_send", "error[E0373]");
    assert_eq!(shown.matches("error[E0373]").count(), 1, "{shown}");
    assert!(shown.contains("✓ 02 passou"), "{shown}");

    drop(screen);
    let _ = fs::remove_dir_all(&root);
}

#[test]
fn a_killed_watch_leaves_the_terminal_as_it_found_it() {
    let root = course_copy("killed");
    let runner = env!("CARGO_BIN_EXE_xtask");
    let state = root.join("terminal-after.txt");
    // watch, killed below; then, once the sentinel had time to act, what
    // the terminal's modes are.
    let inner = format!(
        "stty rows {ROWS} cols {COLUMNS}; '{runner}' --root '{root}' --lang pt-BR watch; \
         sleep 2; stty -a > '{state}'; echo 'terminal read'",
        root = root.display(),
        state = state.display()
    );
    let mut screen = Screen::start_shell(&root, &inner);
    screen.wait_for("✗ 02 clone_tx");
    // As an answer that kills its parent would, or `kill -9`.
    let needle = format!("--root {} --lang pt-BR watch", root.display());
    let watchers = common::processes_matching(&needle);
    let pid = watchers
        .iter()
        .filter(|p| !p.contains("script") && !p.contains("sh -c"))
        .find_map(|p| p.split('"').nth(1)?.parse::<u32>().ok())
        .unwrap_or_else(|| panic!("watch's process among {watchers:?}"));
    let killed = Command::new("kill")
        .args(["-KILL", &pid.to_string()])
        .status();
    assert!(killed.is_ok_and(|s| s.success()));
    let deadline = Instant::now() + LIMIT;
    while !state.exists() || fs::read_to_string(&state).unwrap_or_default().is_empty() {
        assert!(
            Instant::now() < deadline,
            "the shell never read the terminal"
        );
        thread::sleep(std::time::Duration::from_millis(100));
    }
    thread::sleep(std::time::Duration::from_millis(200));
    let modes = fs::read_to_string(&state).unwrap();
    let words: Vec<&str> = modes.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "line editing and echo back expected:\n{modes}"
    );
    drop(screen);
    let _ = fs::remove_dir_all(&root);
}
