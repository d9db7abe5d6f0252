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
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, sync_channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::platform::{self, Tree};

/// How often the consumer looks at the clock, the cancel flag and Ctrl-C
/// when nothing arrives.
const TICK: Duration = Duration::from_millis(25);
/// After the child exits, how long its pipes may stay open (held by a
/// process that escaped its tree) before the runner stops reading them.
const GRACE: Duration = Duration::from_millis(500);
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

/// Runs `command` to its end or to a limit, calling `on_line` with every
/// complete line within the output limit, as it arrives.
pub fn run(
    command: &mut Command,
    limits: Limits,
    cancel: Option<&AtomicBool>,
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
    spawn_reader(child.stdout.take(), Stream::Stdout, tx.clone());
    spawn_reader(child.stderr.take(), Stream::Stderr, tx.clone());
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
            } else if cancel.is_some_and(|c| c.load(Ordering::SeqCst)) {
                stop(Ending::Cancelled, &mut ending);
            } else if platform::interrupted() {
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

    let status = exit.ok_or_else(|| io::Error::other("the child's exit status was lost"))?;
    let [out, err] = kept;
    Ok(Outcome {
        ending: ending.unwrap_or(Ending::Exited(status)),
        stdout: out.into_bytes(),
        stderr: err.into_bytes(),
    })
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

fn spawn_reader(pipe: Option<impl Read + Send + 'static>, stream: Stream, tx: SyncSender<Event>) {
    let Some(mut pipe) = pipe else {
        let _ = tx.send(Event::Closed(stream));
        return;
    };
    thread::spawn(move || {
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
    });
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
            None,
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
            None,
            &mut |s, l| lines.push((s, String::from_utf8_lossy(l).into_owned())),
        )
        .unwrap();
        let texts: Vec<&str> = lines.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(texts, ["a", "bb", "ccc"]);
    }

    #[test]
    fn a_raised_cancel_flag_stops_the_child() {
        let flag = AtomicBool::new(true);
        let o = run(
            Command::new("sleep").arg("30"),
            GENEROUS,
            Some(&flag),
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
