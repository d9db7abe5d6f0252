//! Runs one child process under a time limit, an output limit and a memory
//! limit.
//!
//! This is where the runner keeps its promise never to hang: whatever the
//! learner's code does (wait on `recv` forever, print in an endless loop,
//! spawn a program that never ends), [`run`] returns within the time limit
//! plus a moment, having ended the child's whole tree of processes
//! ([`crate::platform::Tree`]).
//!
//! It is built the way the course teaches: two reader threads and a waiter
//! thread are producers on one bounded channel (`sync_channel`), and this
//! function is the single consumer that decides when to stop. The bound is
//! what keeps the runner's memory small while a child floods its output: a
//! reader blocks until the consumer has taken the previous chunks, and the
//! consumer keeps only the beginning and the end of each stream.
//!
//! Crossing the output limit is not yet a flood: a long panic message ends
//! soon after, an endless loop does not. Past the limit the consumer keeps
//! draining (and forgetting) for [`FLOOD_GRACE`] or [`FLOOD_BYTES`] more;
//! a child that ends within that is judged on its output, cut in the middle.

use std::collections::VecDeque;
use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, SyncSender, sync_channel};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use crate::platform::{self, Tree};

/// How often the consumer looks at the clock, the cancel flag and Ctrl-C
/// when nothing arrives.
const TICK: Duration = Duration::from_millis(25);
/// After the child exits, how long its pipes may stay open (held by a
/// process that escaped its tree) before the runner stops reading them.
const GRACE: Duration = Duration::from_millis(500);
/// After the orphans are swept, how long a pipe still held open may take
/// to close before it counts as leaked.
const LEAK_TIMEOUT: Duration = Duration::from_millis(100);

/// Reader threads still blocked on a pipe that something outside the
/// runner's reach holds open: a process that escaped its tree and every
/// sweep, and writes nothing.
static LEAKED_READERS: AtomicUsize = AtomicUsize::new(0);

/// How many reader threads are blocked on leaked pipes, over the runner's
/// life.
pub fn leaked_readers() -> usize {
    LEAKED_READERS.load(Ordering::SeqCst)
}
/// Past the output limit, how long the child has to end by itself.
pub const FLOOD_GRACE: Duration = Duration::from_millis(800);
/// Past the output limit, how many more bytes it may write meanwhile.
pub const FLOOD_BYTES: usize = 32 << 20;
const CHUNK: usize = 64 * 1024;
/// The end of each stream kept when its middle is cut.
const TAIL: usize = 64 * 1024;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub time: Duration,
    /// Bytes of stdout and stderr together that are kept.
    pub output: usize,
    /// Memory of each process of the tree, in MiB (None: no limit).
    pub memory_mib: Option<u64>,
}

impl Limits {
    /// For the runner's own tools (cargo, git, rustfmt): generous, no
    /// memory limit.
    pub fn tool(time: Duration) -> Limits {
        Limits {
            time,
            output: 64 << 20,
            memory_mib: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Exited(ExitStatus),
    TimedOut,
    Flooded(Stream),
    /// The caller's cancel flag was raised (watch mode: a newer save).
    Cancelled,
    /// Ctrl-C reached the runner.
    Interrupted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

#[derive(Debug)]
pub struct Outcome {
    pub ending: Ending,
    /// Each stream as kept: all of it, or its beginning and its end around
    /// a line that says how much was left out.
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Outcome {
    pub fn success(&self) -> bool {
        matches!(self.ending, Ending::Exited(s) if s.success())
    }
}

enum Event {
    Chunk(Stream, Vec<u8>),
    Closed(Stream),
    Exited(io::Result<ExitStatus>),
}

/// One stream as the consumer keeps it.
#[derive(Default)]
struct Kept {
    head: Vec<u8>,
    tail: VecDeque<u8>,
    written: usize,
    /// The incomplete last line, for `on_line`.
    partial: Vec<u8>,
}

impl Kept {
    fn into_bytes(self) -> Vec<u8> {
        let left_out = self.written - self.head.len() - self.tail.len();
        let mut bytes = self.head;
        if left_out > 0 {
            bytes.extend_from_slice(format!("\n[… {left_out} bytes left out …]\n").as_bytes());
        }
        bytes.extend(self.tail);
        bytes
    }
}

/// What ends a run early besides its limits, raised by someone else: the
/// caller's cancel flag (a newer save, an answer already known) and the
/// interrupt flag (Ctrl-C, which the platform notes and the commands pass
/// down: nothing here reads a global).
#[derive(Clone, Copy, Default)]
pub struct Stops<'a> {
    pub cancel: Option<&'a AtomicBool>,
    pub interrupt: Option<&'a AtomicBool>,
}

impl Stops<'_> {
    fn raised(flag: Option<&AtomicBool>) -> bool {
        flag.is_some_and(|f| f.load(Ordering::SeqCst))
    }
}

/// Runs `command` to its end or to a limit, calling `on_line` with every
/// complete line within the output limit, as it arrives.
pub fn run(
    command: &mut Command,
    limits: Limits,
    stops: Stops,
    on_line: &mut dyn FnMut(Stream, &[u8]),
) -> io::Result<Outcome> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let start = Instant::now();
    let (mut child, tree) = Tree::spawn(command, limits.memory_mib)?;
    let tree = Arc::new(tree);

    // Small bound: at most a few chunks wait in the channel at any time.
    let (tx, rx) = sync_channel::<Event>(4);
    let readers = [
        spawn_reader(child.stdout.take(), Stream::Stdout, tx.clone()),
        spawn_reader(child.stderr.take(), Stream::Stderr, tx.clone()),
    ];
    spawn_waiter(child, Arc::clone(&tree), tx);

    let deadline = start + limits.time;
    let mut ending: Option<Ending> = None;
    let mut exit: Option<ExitStatus> = None;
    let mut exited_at: Option<Instant> = None;
    let mut over_limit: Option<(Instant, Stream)> = None;
    let mut open = [true, true];
    let mut kept = [Kept::default(), Kept::default()];

    let stop = |why: Ending, ending: &mut Option<Ending>| {
        if ending.is_none() {
            *ending = Some(why);
            tree.end();
        }
    };

    loop {
        if exit.is_some() && !open[0] && !open[1] {
            break;
        }
        let now = Instant::now();
        if ending.is_none() && exit.is_none() {
            if now >= deadline {
                stop(Ending::TimedOut, &mut ending);
            } else if Stops::raised(stops.cancel) {
                stop(Ending::Cancelled, &mut ending);
            } else if Stops::raised(stops.interrupt) {
                stop(Ending::Interrupted, &mut ending);
            } else if let Some((since, stream)) = over_limit {
                let excess = kept[0].written + kept[1].written - limits.output;
                if now.duration_since(since) >= FLOOD_GRACE || excess > FLOOD_BYTES {
                    stop(Ending::Flooded(stream), &mut ending);
                }
            }
        }
        let wait = deadline
            .saturating_duration_since(now)
            .clamp(Duration::from_millis(1), TICK);
        match rx.recv_timeout(wait) {
            Ok(Event::Chunk(stream, data)) => {
                let room = limits
                    .output
                    .saturating_sub(kept[0].head.len() + kept[1].head.len() + 2 * TAIL);
                keep(&mut kept[stream as usize], &data, room, stream, on_line);
                if over_limit.is_none() && kept[0].written + kept[1].written > limits.output {
                    over_limit = Some((Instant::now(), stream));
                }
            }
            Ok(Event::Closed(stream)) => {
                let k = &mut kept[stream as usize];
                open[stream as usize] = false;
                if !k.partial.is_empty() {
                    on_line(stream, &k.partial);
                    k.partial.clear();
                }
            }
            Ok(Event::Exited(status)) => {
                exit = Some(status?);
                exited_at = Some(Instant::now());
            }
            Err(RecvTimeoutError::Timeout) => {
                if exited_at.is_some_and(|t| t.elapsed() > GRACE) {
                    break;
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }
    // Programs that escaped the tree and came back to the runner end here.
    platform::sweep_orphans();
    close_or_leak(&rx, open, readers);

    let status = exit.ok_or_else(|| io::Error::other("the child's exit status was lost"))?;
    let [out, err] = kept;
    Ok(Outcome {
        ending: ending.unwrap_or(Ending::Exited(status)),
        stdout: out.into_bytes(),
        stderr: err.into_bytes(),
    })
}

/// Waits a moment for the pipes still `open` to close, as nextest waits
/// its leak time-out, then joins the readers that ended. A pipe still open
/// then is held by a process the runner cannot end: its reader stays
/// blocked until that process ends, and is counted ([`leaked_readers`]).
fn close_or_leak(rx: &Receiver<Event>, mut open: [bool; 2], readers: [Option<JoinHandle<()>>; 2]) {
    let leak_deadline = Instant::now() + LEAK_TIMEOUT;
    while open.iter().any(|&o| o) {
        let left = leak_deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        match rx.recv_timeout(left) {
            Ok(Event::Closed(stream)) => open[stream as usize] = false,
            Ok(_) => {}
            Err(_) => break,
        }
    }
    for (reader, open) in readers.into_iter().zip(open) {
        match reader {
            // Ended (it said so before it returned): nothing left behind.
            Some(handle) if !open => {
                let _ = handle.join();
            }
            Some(_) => {
                LEAKED_READERS.fetch_add(1, Ordering::SeqCst);
            }
            None => {}
        }
    }
}

/// Adds `data` to a stream: to its head while there is `room`, then to its
/// tail, which keeps only the last [`TAIL`] bytes. Complete lines within
/// the head go to `on_line`.
fn keep(
    kept: &mut Kept,
    data: &[u8],
    room: usize,
    stream: Stream,
    on_line: &mut dyn FnMut(Stream, &[u8]),
) {
    kept.written += data.len();
    let to_head = if kept.tail.is_empty() {
        data.len().min(room)
    } else {
        0
    };
    kept.head.extend_from_slice(&data[..to_head]);
    kept.partial.extend_from_slice(&data[..to_head]);
    emit_lines(&mut kept.partial, stream, on_line);
    kept.tail.extend(&data[to_head..]);
    let extra = kept.tail.len().saturating_sub(TAIL);
    kept.tail.drain(..extra);
}

fn emit_lines(buffer: &mut Vec<u8>, stream: Stream, on_line: &mut dyn FnMut(Stream, &[u8])) {
    let mut start = 0;
    while let Some(end) = buffer[start..].iter().position(|&b| b == b'\n') {
        let line = &buffer[start..start + end];
        on_line(stream, line.strip_suffix(b"\r").unwrap_or(line));
        start += end + 1;
    }
    buffer.drain(..start);
}

/// Reads `pipe` on a thread of its own until it closes.
fn spawn_reader(
    pipe: Option<impl Read + Send + 'static>,
    stream: Stream,
    tx: SyncSender<Event>,
) -> Option<JoinHandle<()>> {
    let Some(mut pipe) = pipe else {
        let _ = tx.send(Event::Closed(stream));
        return None;
    };
    Some(thread::spawn(move || {
        let mut buf = vec![0; CHUNK];
        loop {
            match pipe.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => {
                    // The consumer is gone only if it gave up on us: stop.
                    if tx.send(Event::Chunk(stream, buf[..n].to_vec())).is_err() {
                        return;
                    }
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let _ = tx.send(Event::Closed(stream));
    }))
}

fn spawn_waiter(mut child: Child, tree: Arc<Tree>, tx: SyncSender<Event>) {
    thread::spawn(move || {
        let status = tree.wait(&mut child);
        let _ = tx.send(Event::Exited(status));
    });
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn sh(script: &str, limits: Limits) -> Outcome {
        run(
            Command::new("sh").args(["-c", script]),
            limits,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap()
    }

    const GENEROUS: Limits = Limits {
        time: Duration::from_secs(20),
        output: 1 << 20,
        memory_mib: None,
    };

    #[test]
    fn a_quick_command_exits_with_its_output() {
        let o = sh("echo out; echo err >&2; exit 3", GENEROUS);
        assert!(matches!(o.ending, Ending::Exited(s) if s.code() == Some(3)));
        assert_eq!(o.stdout, b"out\n");
        assert_eq!(o.stderr, b"err\n");
    }

    #[test]
    fn a_hang_is_cut_at_the_time_limit_with_its_children() {
        let limits = Limits {
            time: Duration::from_millis(300),
            ..GENEROUS
        };
        // The grandchild `sleep` holds stdout open: only ending the whole
        // tree lets this return.
        let started = Instant::now();
        let o = sh("sleep 30 & sleep 30", limits);
        assert_eq!(o.ending, Ending::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(300));
    }

    #[test]
    fn a_flood_is_cut_and_only_the_limit_is_kept() {
        let limits = Limits {
            output: 200_000,
            ..GENEROUS
        };
        let o = sh("yes flood", limits);
        assert_eq!(o.ending, Ending::Flooded(Stream::Stdout));
        assert!(o.stdout.len() <= 200_000 + 200, "{}", o.stdout.len());
        assert!(String::from_utf8_lossy(&o.stdout).contains("bytes left out"));
    }

    #[test]
    fn a_long_output_that_ends_is_not_a_flood_and_keeps_its_end() {
        let limits = Limits {
            output: 200_000,
            ..GENEROUS
        };
        // 600 KB on one line, then a last word: long, but it ends.
        let o = sh(
            "head -c 600000 /dev/zero | tr '\\0' x; echo; echo the end >&2; echo last",
            limits,
        );
        assert!(matches!(o.ending, Ending::Exited(_)), "{:?}", o.ending);
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.ends_with("last\n"), "{}", &out[out.len() - 50..]);
        assert!(out.contains("bytes left out"));
        assert_eq!(o.stderr, b"the end\n");
    }

    #[test]
    fn lines_are_delivered_whole() {
        let mut lines = Vec::new();
        run(
            Command::new("sh").args(["-c", "printf 'a\\nbb\\nccc'"]),
            GENEROUS,
            Stops::default(),
            &mut |s, l| lines.push((s, String::from_utf8_lossy(l).into_owned())),
        )
        .unwrap();
        let texts: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(texts, ["a", "bb", "ccc"]);
    }

    #[test]
    #[cfg(target_os = "linux")]
    fn a_pipe_held_open_by_an_escaped_program_is_a_reported_leak() {
        // Without the runner's subreaper (set up by `main`), a program in a
        // session of its own is out of reach, and keeps stdout open.
        let before = leaked_readers();
        let start = Instant::now();
        let o = run(
            // The pause lets it leave the group before the group is ended.
            Command::new("sh").args(["-c", "setsid sleep 3 & sleep 0.3; echo started"]),
            GENEROUS,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "started");
        // Its stdout and stderr (other tests may add theirs meanwhile).
        assert!(leaked_readers() >= before + 2);
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "{:?}",
            start.elapsed()
        );
    }

    #[test]
    fn a_raised_cancel_flag_stops_the_child() {
        let flag = AtomicBool::new(true);
        let o = run(
            Command::new("sleep").arg("30"),
            GENEROUS,
            Stops {
                cancel: Some(&flag),
                interrupt: None,
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(o.ending, Ending::Cancelled);
    }

    #[test]
    fn the_memory_limit_makes_a_big_allocation_fail() {
        let limits = Limits {
            memory_mib: Some(64),
            ..GENEROUS
        };
        // A shell asking for 200 MB of data segment cannot get it.
        let o = sh(
            "x=$(head -c 200000000 /dev/zero | tr '\\0' x); echo ${#x}",
            limits,
        );
        assert!(
            !o.success(),
            "{:?} {}",
            o.ending,
            String::from_utf8_lossy(&o.stdout)
        );
    }
}

/// The same promises on Windows, where the tree is a Job Object. The
/// children are this test executable itself, started again to run
/// [`windows_tests::child`] in the role an environment variable gives it:
/// that works the same on Windows and under Wine, where the shells' own
/// commands differ.
#[cfg(all(test, windows))]
mod windows_tests {
    use super::*;
    use std::io::{BufRead, BufReader, Write};
    use std::path::{Path, PathBuf};
    use std::sync::mpsc::channel;

    const ROLE: &str = "XTASK_TEST_CHILD";

    const GENEROUS: Limits = Limits {
        time: Duration::from_secs(30),
        output: 1 << 20,
        memory_mib: None,
    };

    /// This executable, set to play `role`.
    fn playing(role: &str) -> Command {
        let mut command = Command::new(std::env::current_exe().expect("the test executable"));
        command
            .args([
                "--exact",
                "engine::process::windows_tests::child",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
                "--quiet",
            ])
            .env(ROLE, role);
        command
    }

    /// Not a test: the children's part. Without the variable (a plain
    /// `--ignored` run) it does nothing.
    #[test]
    #[ignore = "a child process of the tests below"]
    fn child() {
        let Ok(role) = std::env::var(ROLE) else {
            return;
        };
        let (name, argument) = role.split_once(':').unwrap_or((&role, ""));
        let mut out = std::io::stdout();
        match name {
            "sleep" => thread::sleep(Duration::from_secs(60)),
            // Starts a grandchild that proves it lives, then hangs.
            "tree" => {
                let mut grandchild = playing(&format!("alive:{argument}"))
                    .stdout(Stdio::null())
                    .spawn()
                    .expect("start the grandchild");
                assert!(
                    wait_for_file(Path::new(argument), Duration::from_secs(30)),
                    "the grandchild never wrote its marker"
                );
                writeln!(out, "started").unwrap();
                out.flush().unwrap();
                thread::sleep(Duration::from_secs(60));
                // Only reached if nobody ended the tree.
                let _ = grandchild.kill();
                let _ = grandchild.wait();
            }
            // Rewrites the marker file while it lives (a minute at most).
            "alive" => {
                for beat in 0..1200 {
                    let _ = std::fs::write(argument, beat.to_string());
                    thread::sleep(Duration::from_millis(50));
                }
            }
            "flood" => loop {
                if out.write_all(b"flood flood flood flood\n").is_err() {
                    return;
                }
            },
            "allocate" => {
                let mib: usize = argument.parse().unwrap();
                let block = vec![1u8; mib << 20];
                writeln!(out, "allocated {}", std::hint::black_box(block).len()).unwrap();
            }
            // A runner of its own: a tree under `run`, its lines passed on.
            "runner" => {
                let mut on_line = |_: Stream, line: &[u8]| {
                    let mut out = std::io::stdout();
                    out.write_all(line).unwrap();
                    out.write_all(b"\n").unwrap();
                    out.flush().unwrap();
                };
                let tree = format!("tree:{argument}");
                run(
                    &mut playing(&tree),
                    GENEROUS,
                    Stops::default(),
                    &mut on_line,
                )
                .unwrap();
            }
            other => panic!("unknown role {other}"),
        }
    }

    fn marker(test: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("xtask-{test}-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        path
    }

    /// Whether a process still rewrites `marker`: it has 1.5 s to show it.
    /// (A slow machine can only make a live process look dead, never the
    /// reverse, so a failure here is real.)
    fn still_beating(marker: &Path) -> bool {
        let before = std::fs::read_to_string(marker).ok();
        thread::sleep(Duration::from_millis(1500));
        std::fs::read_to_string(marker).ok() != before
    }

    /// Waits up to `limit` for `marker` to appear.
    fn wait_for_file(marker: &Path, limit: Duration) -> bool {
        let start = Instant::now();
        while start.elapsed() < limit {
            if marker.exists() {
                return true;
            }
            thread::sleep(Duration::from_millis(50));
        }
        false
    }

    #[test]
    fn a_quick_command_exits_with_its_output() {
        let o = run(
            Command::new("cmd").args(["/c", "echo out& echo err 1>&2& exit 3"]),
            GENEROUS,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        assert!(
            matches!(o.ending, Ending::Exited(s) if s.code() == Some(3)),
            "{:?}",
            o.ending
        );
        assert_eq!(String::from_utf8_lossy(&o.stdout).trim(), "out");
        assert_eq!(String::from_utf8_lossy(&o.stderr).trim(), "err");
    }

    #[test]
    fn a_hang_is_cut_at_the_time_limit() {
        let limits = Limits {
            time: Duration::from_millis(300),
            ..GENEROUS
        };
        let started = Instant::now();
        let o = run(
            &mut playing("sleep"),
            limits,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(o.ending, Ending::TimedOut);
        assert!(started.elapsed() >= limits.time);
    }

    /// The child says "started" once its grandchild is alive; the tree is
    /// ended right then (the cancel flag: the same ending as a time-out,
    /// without betting on how long starting two processes takes).
    #[test]
    fn ending_a_tree_ends_the_grandchild_too() {
        let marker = marker("tree");
        let flag = AtomicBool::new(false);
        let mut said = String::new();
        let o = run(
            &mut playing(&format!("tree:{}", marker.display())),
            GENEROUS,
            Stops {
                cancel: Some(&flag),
                interrupt: None,
            },
            &mut |_, line| {
                said.push_str(&String::from_utf8_lossy(line));
                if line == b"started" {
                    flag.store(true, Ordering::SeqCst);
                }
            },
        )
        .unwrap();
        assert_eq!(o.ending, Ending::Cancelled, "{said}");
        assert!(!still_beating(&marker), "the grandchild outlived its tree");
        let _ = std::fs::remove_file(&marker);
    }

    #[test]
    fn a_flood_is_cut_and_only_the_limit_is_kept() {
        let limits = Limits {
            output: 200_000,
            ..GENEROUS
        };
        let o = run(
            &mut playing("flood"),
            limits,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(o.ending, Ending::Flooded(Stream::Stdout));
        assert!(o.stdout.len() <= 200_000 + 200, "{}", o.stdout.len());
        assert!(String::from_utf8_lossy(&o.stdout).contains("bytes left out"));
    }

    #[test]
    fn a_raised_cancel_flag_stops_the_child() {
        let flag = AtomicBool::new(true);
        let o = run(
            &mut playing("sleep"),
            GENEROUS,
            Stops {
                cancel: Some(&flag),
                interrupt: None,
            },
            &mut |_, _| {},
        )
        .unwrap();
        assert_eq!(o.ending, Ending::Cancelled);
    }

    #[test]
    fn the_memory_limit_makes_a_big_allocation_fail() {
        let limits = Limits {
            memory_mib: Some(64),
            ..GENEROUS
        };
        let o = run(
            &mut playing("allocate:200"),
            limits,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        let stderr = String::from_utf8_lossy(&o.stderr);
        let Ending::Exited(status) = o.ending else {
            panic!("{:?}", o.ending);
        };
        assert!(
            !status.success() && platform::ran_out_of_memory(status, &stderr),
            "{status:?}\n{}\n{stderr}",
            String::from_utf8_lossy(&o.stdout)
        );
        // Below the limit the same child is fine.
        let o = run(
            &mut playing("allocate:16"),
            limits,
            Stops::default(),
            &mut |_, _| {},
        )
        .unwrap();
        assert!(o.success(), "{:?}", o.ending);
    }

    /// The runner killed outright (no chance to clean up) takes its trees
    /// with it: the kernel closes its job handles, and the jobs end.
    #[test]
    fn the_runners_death_ends_its_trees() {
        let marker = marker("orphan");
        let mut runner = playing(&format!("runner:{}", marker.display()))
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let (tx, rx) = channel();
        let stdout = runner.stdout.take().unwrap();
        thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if line.contains("started") {
                    let _ = tx.send(());
                }
            }
        });
        // "started" comes once the grandchild writes its marker.
        let started = rx.recv_timeout(Duration::from_secs(40)).is_ok();
        runner.kill().unwrap();
        runner.wait().unwrap();
        assert!(started, "the runner's tree never started");
        assert!(
            !still_beating(&marker),
            "the grandchild outlived the runner"
        );
        let _ = std::fs::remove_file(&marker);
    }
}
