//! What the standard library does not offer, behind one small interface:
//! end a tree of processes, limit its memory, notice Ctrl-C, read a key
//! without Enter, watch a folder. One file per operating system; nothing
//! outside this module says `cfg`.
//!
//! - **Trees.** Every process the runner starts gets a [`Tree`]: on Unix a
//!   process group of its own (the test executable, the exercise's program it
//!   runs, any thread stuck in `recv`), on Windows a Job Object. Ending the
//!   tree ends them all. The group is ended before its leader is reaped, so a
//!   reused process id can never be hit.
//! - **Escapes.** A program that leaves its group (`setsid`,
//!   `process_group(0)`) is still caught on Linux: the runner is a child
//!   subreaper, so orphans come back to it, and [`sweep_orphans`] ends every
//!   child it did not start. If the runner itself dies (killed, or killed by an
//!   answer), a small sentinel process that holds the other end of a pipe
//!   ends every group still running, and puts the terminal back as `watch`
//!   found it. On Windows a job cannot be left, and the console's mode
//!   belongs to the console, which a killed runner leaves.
//! - **Memory.** A test process gets a data-segment limit (Unix) or a job
//!   memory limit (Windows); allocation beyond it fails, and the verdict says
//!   so.
//! - **Ctrl-C.** SIGINT, SIGTERM and SIGHUP (or the console's Ctrl-C and
//!   close events) only raise a flag ([`interrupted`]); the runner then ends
//!   what it started and restores the terminal.

mod watch;

#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as os;

#[cfg(windows)]
mod win32;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as os;

use std::io;
use std::process::{Child, Command, ExitStatus};
use std::sync::atomic::{AtomicBool, Ordering};

pub use watch::{Method, watch};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// True once Ctrl-C (or SIGTERM, SIGHUP, closing the console) has arrived.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// The flag [`interrupted`] reads, for the commands to hand to the engine
/// (which reads no global of its own).
pub fn interrupt_flag() -> &'static AtomicBool {
    &INTERRUPTED
}

/// Notes an interruption; what the signal handlers call.
fn note_interrupt() {
    INTERRUPTED.store(true, Ordering::SeqCst);
}

/// Installs the handlers and, on Linux, makes the runner a subreaper.
/// Called once, at the start of `main`.
pub fn init() {
    os::init();
}

/// The name of the environment variable that turns the runner binary into
/// the sentinel (see the module documentation).
pub const SENTINEL_ENV: &str = "XTASK_SENTINEL";

/// The sentinel's whole life: read group ids on stdin (`+ID` started,
/// `-ID` ended) until stdin closes, which happens when the runner ends in
/// any way, then end the groups still listed.
pub fn sentinel_main() {
    os::sentinel_main();
}

/// A child's whole tree of processes.
pub struct Tree {
    inner: os::Tree,
}

impl Tree {
    /// Spawns `command` so that what it starts can be ended as one tree,
    /// with at most `memory_mib` MiB of memory per process (no limit: None).
    pub fn spawn(command: &mut Command, memory_mib: Option<u64>) -> io::Result<(Child, Tree)> {
        let (child, inner) = os::Tree::spawn(command, memory_mib)?;
        Ok((child, Tree { inner }))
    }

    /// Ends every process of the tree. Safe to call more than once, and
    /// after the child has exited (but before it is reaped: see
    /// [`Tree::wait`]).
    pub fn end(&self) {
        self.inner.end();
    }

    /// Waits for the child to exit, ends what it left in its tree, then
    /// reaps it; the tree is released afterwards.
    pub fn wait(&self, child: &mut Child) -> io::Result<ExitStatus> {
        self.inner.wait_then_end(child)
    }
}

/// Ends every child process of the runner that it did not start itself:
/// escaped programs that came back to the runner as orphans (Linux).
pub fn sweep_orphans() {
    os::sweep_orphans();
}

/// True when the process ended because the memory limit made an allocation
/// fail (`stderr` is what it printed).
pub fn ran_out_of_memory(status: ExitStatus, stderr: &str) -> bool {
    let allocation_failed = stderr.contains("memory allocation of")
        && (stderr.contains("failed") || stderr.contains("exceeded"));
    allocation_failed || os::killed_for_memory(status)
}

/// The terminal in key-by-key mode (no Enter, no echo) while the value
/// lives; None when stdin is not a terminal.
pub struct RawKeys {
    inner: os::RawKeys,
}

impl RawKeys {
    pub fn enter() -> Option<RawKeys> {
        os::RawKeys::enter().map(|inner| RawKeys { inner })
    }
}

impl Drop for RawKeys {
    fn drop(&mut self) {
        self.inner.leave();
    }
}

/// The terminal's columns and rows, when stdout is a terminal.
pub fn terminal_size() -> Option<(usize, usize)> {
    os::terminal_size()
}

/// The local time of day as `14:03:12`.
pub fn clock() -> String {
    let (h, m, s) = os::local_time();
    format!("{h:02}:{m:02}:{s:02}")
}

/// Reads one key press from the terminal (blocking); None when input ends.
pub fn read_key() -> Option<u8> {
    os::read_key()
}

/// A path as the learner's system writes it, without the `\\?\` prefix
/// Windows puts on canonical paths.
pub fn display_path(path: &std::path::Path) -> String {
    let shown = path.display().to_string();
    match shown.strip_prefix(r"\\?\") {
        Some(rest) if !rest.starts_with("UNC\\") => rest.to_owned(),
        Some(rest) => format!(r"\\{}", &rest[4..]),
        None => shown,
    }
}

/// A `file://` URL for an absolute path, percent-encoded (spaces,
/// non-ASCII letters, `C:\` on Windows), for terminal hyperlinks.
pub fn file_url(path: &std::path::Path) -> String {
    let shown = display_path(path).replace('\\', "/");
    let mut url = String::from("file://");
    if !shown.starts_with('/') {
        // `C:/Users/...` becomes `file:///C:/Users/...`.
        url.push('/');
    }
    for byte in shown.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' | b':' => {
                url.push(byte as char);
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/home/ana/curso de canais/exercícios/a.rs")),
            "file:///home/ana/curso%20de%20canais/exerc%C3%ADcios/a.rs"
        );
    }

    #[test]
    fn windows_paths_lose_their_verbatim_prefix() {
        assert_eq!(
            display_path(Path::new(r"\\?\C:\Users\ana\course")),
            r"C:\Users\ana\course"
        );
        assert_eq!(
            display_path(Path::new(r"\\?\UNC\server\share\course")),
            r"\\server\share\course"
        );
        assert_eq!(
            file_url(Path::new(r"\\?\C:\Users\ana\my course\a.rs")),
            "file:///C:/Users/ana/my%20course/a.rs"
        );
    }
}
