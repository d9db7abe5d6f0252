//! Linux and macOS: process groups, resource limits, signals, `stty`.
//!
//! The handful of C functions used here are declared by hand (each is one
//! line, and the `libc` crate would add its build to every learner's first
//! run for them).

use std::collections::{BTreeSet, HashSet};
use std::io::{self, BufRead, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::{Mutex, MutexGuard, Once};

const SIGHUP: i32 = 1;
const SIGINT: i32 = 2;
const SIGKILL: i32 = 9;
const SIGPIPE: i32 = 13;
const SIGTERM: i32 = 15;
/// The same number on Linux and macOS.
const SIGTTOU: i32 = 22;
const SIG_DFL: usize = 0;
const SIG_IGN: usize = 1;
const RLIMIT_DATA: i32 = 2;
const P_PID: i32 = 1;
const WEXITED: i32 = 4;
#[cfg(target_os = "linux")]
const WNOWAIT: i32 = 0x0100_0000;
#[cfg(not(target_os = "linux"))]
const WNOWAIT: i32 = 0x20;

#[repr(C)]
struct Rlimit {
    current: u64,
    max: u64,
}

/// `struct winsize`.
#[repr(C)]
#[derive(Default)]
struct WinSize {
    rows: u16,
    columns: u16,
    x_pixels: u16,
    y_pixels: u16,
}

#[cfg(target_os = "linux")]
const TIOCGWINSZ: std::ffi::c_ulong = 0x5413;
#[cfg(not(target_os = "linux"))]
const TIOCGWINSZ: std::ffi::c_ulong = 0x4008_7468;

/// `struct tm`: nine `int`s, then fields the runner does not read
/// (`tm_gmtoff`, `tm_zone`), given room here.
#[repr(C)]
#[derive(Default)]
struct Tm {
    ints: [i32; 9],
    rest: [u64; 4],
}

unsafe extern "C" {
    fn ioctl(fd: i32, request: std::ffi::c_ulong, ...) -> i32;
    fn localtime_r(time: *const std::ffi::c_long, result: *mut Tm) -> *mut Tm;
    fn kill(pid: i32, sig: i32) -> i32;
    fn signal(signum: i32, handler: usize) -> usize;
    fn setrlimit(resource: i32, limit: *const Rlimit) -> i32;
    fn waitid(idtype: i32, id: u32, info: *mut u8, options: i32) -> i32;
}

extern "C" fn on_signal(_: i32) {
    // Only an atomic store: the one kind of work that is safe inside a
    // signal handler.
    super::note_interrupt();
}

pub fn init() {
    // SAFETY: signal(2) with SIG_DFL or a handler that only stores to an
    // atomic, which is async-signal-safe. Output piped into `head` that
    // closes early ends the runner quietly, as any command-line tool.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
        let handler = on_signal as extern "C" fn(i32) as usize;
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig, handler);
        }
    }
    linux::become_subreaper();
}

/// Process ids the runner started itself and has not reaped yet. Spawning
/// happens with the lock held, so [`sweep_orphans`] never mistakes a child
/// that is being started for an orphan.
fn started() -> MutexGuard<'static, BTreeSet<u32>> {
    static STARTED: Mutex<BTreeSet<u32>> = Mutex::new(BTreeSet::new());
    STARTED.lock().unwrap_or_else(|e| e.into_inner())
}

pub struct Tree {
    pgid: u32,
}

impl Tree {
    fn prepare(command: &mut Command, memory_mib: Option<u64>) {
        command.process_group(0);
        if let Some(mib) = memory_mib {
            let bytes = mib.saturating_mul(1 << 20);
            // SAFETY: setrlimit(2) is async-signal-safe and touches only the
            // struct on this stack frame; it runs in the child before exec.
            unsafe {
                command.pre_exec(move || {
                    let limit = Rlimit {
                        current: bytes,
                        max: bytes,
                    };
                    setrlimit(RLIMIT_DATA, &limit);
                    Ok(())
                });
            }
        }
    }

    pub fn spawn(command: &mut Command, memory_mib: Option<u64>) -> io::Result<(Child, Tree)> {
        Tree::prepare(command, memory_mib);
        let mut started = started();
        let child = command.spawn()?;
        started.insert(child.id());
        drop(started);
        sentinel::tell(&format!("+{}", child.id()));
        reaper::ensure_running();
        let pgid = child.id();
        Ok((child, Tree { pgid }))
    }

    pub fn end(&self) {
        // SAFETY: kill(2) with a negative pid signals the process group; it
        // touches no memory of ours. The group's leader is not reaped until
        // `wait_then_end` has ended the group, so its id cannot have been
        // reused. An error (the group is already gone) is the outcome we
        // wanted anyway.
        unsafe {
            kill(-(self.pgid as i32), SIGKILL);
        }
    }

    pub fn wait_then_end(&self, child: &mut Child) -> io::Result<ExitStatus> {
        let mut info = [0u8; 256];
        loop {
            // SAFETY: `info` is larger than any siginfo_t; WNOWAIT leaves
            // the child a zombie, keeping its process group id reserved.
            let r = unsafe { waitid(P_PID, self.pgid, info.as_mut_ptr(), WEXITED | WNOWAIT) };
            if r == 0 {
                break;
            }
            let error = io::Error::last_os_error();
            if error.kind() != io::ErrorKind::Interrupted {
                // Not our child any more (already reaped): nothing to guard.
                break;
            }
        }
        // Anything the child left behind in its group goes too.
        self.end();
        let status = child.wait();
        started().remove(&self.pgid);
        sentinel::tell(&format!("-{}", self.pgid));
        status
    }
}

pub fn sweep_orphans() {
    linux::sweep_orphans(&started());
}

pub fn killed_for_memory(_status: ExitStatus) -> bool {
    // An allocation beyond RLIMIT_DATA fails inside the process, which then
    // aborts with its own message: nothing kills it from outside.
    false
}

/// The pipe to the sentinel, which ends every group still listed when the
/// runner ends in any way (its end of the pipe closes then).
mod sentinel {
    use super::*;

    static PIPE: Mutex<Option<ChildStdin>> = Mutex::new(None);
    static START: Once = Once::new();

    pub fn tell(line: &str) {
        // The unit tests' binary is not the runner: no sentinel there.
        if cfg!(test) {
            return;
        }
        START.call_once(start);
        let mut pipe = PIPE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(stdin) = pipe.as_mut() {
            if writeln!(stdin, "{line}")
                .and_then(|()| stdin.flush())
                .is_err()
            {
                *pipe = None;
            }
        }
    }

    fn start() {
        let Ok(me) = std::env::current_exe() else {
            return;
        };
        let mut command = Command::new(me);
        command
            .env(crate::platform::SENTINEL_ENV, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Out of the terminal's reach: Ctrl-C must not end it first.
            .process_group(0);
        let mut started = started();
        if let Ok(mut child) = command.spawn() {
            started.insert(child.id());
            *PIPE.lock().unwrap_or_else(|e| e.into_inner()) = child.stdin.take();
            // Never waited for: it outlives the runner by design.
            std::mem::forget(child);
        }
    }
}

/// What the sentinel hears: `+ID` a group started, `-ID` it ended, `=STATE`
/// the terminal was put in key-by-key mode and `STATE` (from `stty -g`)
/// puts it back, `=` alone it was put back.
pub fn sentinel_main() {
    // SAFETY: ignoring signals; nothing else happens in this process.
    // SIGTTOU ignored (and so in `stty`, which inherits it): the sentinel
    // is in a process group of its own, in the terminal's background, where
    // changing the terminal would otherwise stop it.
    unsafe {
        signal(SIGINT, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        signal(SIGTTOU, SIG_IGN);
    }
    let mut live: HashSet<i32> = HashSet::new();
    let mut terminal: Option<String> = None;
    for line in io::stdin().lock().lines() {
        let Ok(line) = line else { break };
        if let Some(state) = line.strip_prefix('=') {
            terminal = (!state.is_empty()).then(|| state.to_owned());
            continue;
        }
        let Ok(id) = line.get(1..).unwrap_or_default().parse::<i32>() else {
            continue;
        };
        if line.starts_with('+') {
            live.insert(id);
        } else {
            live.remove(&id);
        }
    }
    for group in live {
        // SAFETY: see `Tree::end`.
        unsafe {
            kill(-group, SIGKILL);
        }
    }
    // The runner ended without putting the terminal back (it was killed):
    // do it for it, or the learner's shell is left without echo.
    if let Some(state) = terminal {
        if let Ok(tty) = std::fs::File::open("/dev/tty") {
            let _ = Command::new("stty")
                .arg(state)
                .stdin(tty)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// A thread that sweeps orphans while the runner runs, so an escaped
/// program holding a test's pipes open is ended at once (instead of turning
/// a correct answer into a time-out).
mod reaper {
    use super::*;
    use std::time::Duration;

    pub fn ensure_running() {
        static START: Once = Once::new();
        if cfg!(target_os = "linux") {
            START.call_once(|| {
                std::thread::spawn(|| {
                    loop {
                        std::thread::sleep(Duration::from_millis(50));
                        super::sweep_orphans();
                    }
                });
            });
        }
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use super::*;
    use std::fs;

    const PR_SET_CHILD_SUBREAPER: i32 = 36;

    unsafe extern "C" {
        fn prctl(option: i32, arg2: u64, arg3: u64, arg4: u64, arg5: u64) -> i32;
        fn waitpid(pid: i32, status: *mut i32, options: i32) -> i32;
        fn getpgid(pid: i32) -> i32;
        fn getpid() -> i32;
    }

    pub fn become_subreaper() {
        // SAFETY: prctl(2) with integer arguments only.
        unsafe {
            prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
        }
    }

    /// Children of the runner it did not start: they came back as orphans.
    /// Children in the runner's own process group (`stty`, `git`, started
    /// without a tree of their own) are never orphans of a test, and are
    /// left alone.
    pub fn sweep_orphans(started: &BTreeSet<u32>) {
        // SAFETY: plain system calls without pointers.
        let (me, my_group) = unsafe { (getpid(), getpgid(0)) };
        // Ending an orphan can orphan its own children: sweep until quiet.
        for _ in 0..8 {
            let orphans: Vec<i32> = children_of(me)
                .into_iter()
                .filter(|pid| !started.contains(&(*pid as u32)))
                // SAFETY: getpgid(2) on a pid; no memory is touched.
                .filter(|pid| unsafe { getpgid(*pid) } != my_group)
                .collect();
            if orphans.is_empty() {
                return;
            }
            for pid in orphans {
                let mut status = 0;
                // SAFETY: signalling and reaping a child of ours by pid.
                unsafe {
                    kill(pid, SIGKILL);
                    waitpid(pid, &mut status, 0);
                }
            }
        }
    }

    fn children_of(parent: i32) -> Vec<i32> {
        let Ok(entries) = fs::read_dir("/proc") else {
            return Vec::new();
        };
        entries
            .flatten()
            .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
            .filter(|pid| parent_of(*pid) == Some(parent))
            .collect()
    }

    fn parent_of(pid: i32) -> Option<i32> {
        let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        // `pid (comm) state ppid ...`; comm may hold spaces and parentheses.
        let after = &stat[stat.rfind(')')? + 1..];
        after.split_whitespace().nth(1)?.parse().ok()
    }
}

#[cfg(not(target_os = "linux"))]
mod linux {
    //! macOS has no subreaper: a program that leaves its process group is
    //! not followed (the README says so).
    use super::BTreeSet;

    pub fn become_subreaper() {}

    pub fn sweep_orphans(_started: &BTreeSet<u32>) {}
}

/// The terminal in non-canonical, no-echo mode, set and restored with
/// `stty` (ISIG stays on: Ctrl-C still raises SIGINT, which the runner
/// handles).
pub struct RawKeys {
    saved: String,
}

impl RawKeys {
    pub fn enter() -> Option<RawKeys> {
        use std::io::IsTerminal;
        if !io::stdin().is_terminal() {
            return None;
        }
        let saved = String::from_utf8(stty(&["-g"])?).ok()?.trim().to_owned();
        // The sentinel outlives a runner that is killed: it puts the
        // terminal back then.
        sentinel::tell(&format!("={saved}"));
        stty(&["-icanon", "-echo", "min", "1"])?;
        Some(RawKeys { saved })
    }

    pub fn leave(&self) {
        let _ = stty(&[&self.saved]);
        sentinel::tell("=");
    }
}

fn stty(args: &[&str]) -> Option<Vec<u8>> {
    Command::new("stty")
        .args(args)
        .stdin(Stdio::inherit())
        .stderr(Stdio::null())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| o.stdout)
}

/// The terminal's columns and rows, when stdout is one.
pub fn terminal_size() -> Option<(usize, usize)> {
    let mut size = WinSize::default();
    // SAFETY: TIOCGWINSZ writes one `struct winsize`, which `size` is; it
    // fails, writing nothing, when stdout is not a terminal.
    let ok = unsafe { ioctl(1, TIOCGWINSZ, &mut size as *mut WinSize) } == 0;
    (ok && size.columns > 0 && size.rows > 0)
        .then(|| (usize::from(size.columns), usize::from(size.rows)))
}

/// The local time of day: hours, minutes, seconds.
pub fn local_time() -> (u32, u32, u32) {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // `time_t` is a `long` on Linux and macOS.
    let now = since_epoch as std::ffi::c_long;
    let mut tm = Tm::default();
    // SAFETY: localtime_r reads one time_t and fills the `struct tm` it is
    // given, which is at least as large as the C library's.
    let filled = unsafe { !localtime_r(&now, &mut tm).is_null() };
    if !filled {
        let of_day = since_epoch % 86_400;
        return (
            (of_day / 3600) as u32,
            (of_day / 60 % 60) as u32,
            (of_day % 60) as u32,
        );
    }
    let [second, minute, hour, ..] = tm.ints;
    (hour as u32, minute as u32, second as u32)
}

pub fn read_key() -> Option<u8> {
    let mut byte = [0u8; 1];
    match io::stdin().read(&mut byte) {
        Ok(1) => Some(byte[0]),
        _ => None,
    }
}
