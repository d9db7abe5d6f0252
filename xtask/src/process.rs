//! Runs one child process under a time limit and an output limit.
//!
//! This is where the runner keeps its promise never to hang: whatever the
//! learner's code does (wait on `recv` forever, print in an endless loop,
//! spawn a program that never ends), [`run`] returns within the time limit
//! plus a moment, having ended the child's whole process group.
//!
//! It is built the way the course teaches: two reader threads and a waiter
//! thread are producers on one bounded channel (`sync_channel`), and this
//! function is the single consumer that decides when to stop. The bound is
//! what keeps the runner's memory small while a child floods its output: a
//! reader blocks until the consumer has taken the previous chunks, and the
//! consumer keeps only the first `output` bytes.

use std::io::{self, Read};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{RecvTimeoutError, SyncSender, sync_channel};
use std::thread;
use std::time::{Duration, Instant};

use crate::sys;

/// How often the consumer looks at the clock, the cancel flag and Ctrl-C
/// when nothing arrives.
const TICK: Duration = Duration::from_millis(25);
/// After the child exits, how long its pipes may stay open (held by a
/// process that escaped the group) before the runner stops reading them.
const GRACE: Duration = Duration::from_millis(500);
const CHUNK: usize = 64 * 1024;

#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub time: Duration,
    /// Bytes of stdout and stderr together.
    pub output: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Exited(ExitStatus),
    TimedOut,
    Flooded,
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
    /// The first bytes of each stream, within the output limit.
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

/// Runs `command` to its end or to a limit, calling `on_line` with every
/// complete line as it arrives (within the output limit).
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
    sys::own_group(command);
    let start = Instant::now();
    let mut child = command.spawn()?;
    let leader = child.id();

    // Small bound: at most a few chunks wait in the channel at any time.
    let (tx, rx) = sync_channel::<Event>(4);
    spawn_reader(child.stdout.take(), Stream::Stdout, tx.clone());
    spawn_reader(child.stderr.take(), Stream::Stderr, tx.clone());
    spawn_waiter(child, tx);

    let deadline = start + limits.time;
    let mut ending: Option<Ending> = None;
    let mut exit: Option<ExitStatus> = None;
    let mut exited_at: Option<Instant> = None;
    let mut open = [true, true];
    let mut kept = [Vec::new(), Vec::new()];
    let mut partial = [Vec::new(), Vec::new()];
    let mut written = 0usize;

    let stop = |why: Ending, ending: &mut Option<Ending>| {
        if ending.is_none() {
            *ending = Some(why);
            sys::kill_group(leader);
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
            } else if sys::interrupted() {
                stop(Ending::Interrupted, &mut ending);
            }
        }
        let wait = deadline
            .saturating_duration_since(now)
            .clamp(Duration::from_millis(1), TICK);
        match rx.recv_timeout(wait) {
            Ok(Event::Chunk(stream, data)) => {
                written += data.len();
                let i = stream as usize;
                let room = limits.output.saturating_sub(kept[0].len() + kept[1].len());
                let take = data.len().min(room);
                kept[i].extend_from_slice(&data[..take]);
                partial[i].extend_from_slice(&data[..take]);
                emit_lines(&mut partial[i], stream, on_line);
                if written > limits.output {
                    stop(Ending::Flooded, &mut ending);
                }
            }
            Ok(Event::Closed(stream)) => {
                let i = stream as usize;
                open[i] = false;
                if !partial[i].is_empty() {
                    on_line(stream, &partial[i]);
                    partial[i].clear();
                }
            }
            Ok(Event::Exited(status)) => {
                exit = Some(status?);
                exited_at = Some(Instant::now());
                // Anything the child left behind in its group goes too.
                sys::kill_group(leader);
            }
            Err(RecvTimeoutError::Timeout) => {
                if exited_at.is_some_and(|t| t.elapsed() > GRACE) {
                    break;
                }
            }
            Err(RecvTimeoutError::Disconnected) => break,
        }
    }

    let status = exit.ok_or_else(|| io::Error::other("the child's exit status was lost"))?;
    let [stdout, stderr] = kept;
    Ok(Outcome {
        ending: ending.unwrap_or(Ending::Exited(status)),
        stdout,
        stderr,
    })
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

fn spawn_waiter(mut child: Child, tx: SyncSender<Event>) {
    thread::spawn(move || {
        let status = child.wait();
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
            output: 1 << 20,
        };
        // The grandchild `sleep` holds stdout open: only killing the whole
        // group lets this return.
        let started = Instant::now();
        let o = sh("sleep 30 & sleep 30", limits);
        assert_eq!(o.ending, Ending::TimedOut);
        assert!(started.elapsed() >= Duration::from_millis(300));
    }

    #[test]
    fn a_flood_is_cut_and_only_the_limit_is_kept() {
        let limits = Limits {
            time: Duration::from_secs(20),
            output: 10_000,
        };
        let o = sh("yes flood", limits);
        assert_eq!(o.ending, Ending::Flooded);
        assert!(o.stdout.len() <= 10_000);
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
}
