//! The few operating-system calls the standard library does not offer:
//! ending a whole process group, and noticing Ctrl-C.
//!
//! Every process the runner starts leads a process group of its own, so that
//! a test executable and anything it started (the exercise's program under
//! `assert_cmd`, threads stuck in `recv`) end together. Because those groups
//! are not the terminal's foreground group, Ctrl-C reaches only the runner:
//! the runner notes it ([`interrupted`]) and ends the groups itself, so a
//! learner who gives up on a hang leaves nothing running.

use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// True once Ctrl-C (SIGINT), SIGTERM or SIGHUP has arrived.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

#[cfg(unix)]
mod imp {
    use super::{INTERRUPTED, Ordering};

    const SIGHUP: i32 = 1;
    const SIGINT: i32 = 2;
    const SIGKILL: i32 = 9;
    const SIGPIPE: i32 = 13;
    const SIGTERM: i32 = 15;
    const SIG_DFL: usize = 0;

    unsafe extern "C" {
        fn kill(pid: i32, sig: i32) -> i32;
        fn signal(signum: i32, handler: usize) -> usize;
    }

    extern "C" fn on_signal(_: i32) {
        // Only an atomic store: the one kind of work that is safe inside a
        // signal handler.
        INTERRUPTED.store(true, Ordering::SeqCst);
    }

    pub fn kill_group(leader: u32) {
        // SAFETY: kill(2) with a negative pid signals the process group; it
        // touches no memory of ours. An error (the group is already gone) is
        // the outcome we wanted anyway.
        unsafe {
            kill(-(leader as i32), SIGKILL);
        }
    }

    pub fn watch_interrupts() {
        // Output piped into `head` that closes early ends the runner quietly,
        // as it would any command-line tool, instead of a panic in println!.
        // SAFETY: restoring the default disposition of a signal.
        unsafe {
            signal(SIGPIPE, SIG_DFL);
        }
        let handler = on_signal as extern "C" fn(i32) as usize;
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            // SAFETY: the handler only stores to an atomic, which is
            // async-signal-safe.
            unsafe {
                signal(sig, handler);
            }
        }
    }
}

#[cfg(not(unix))]
mod imp {
    pub fn kill_group(leader: u32) {
        // Without process groups, end the tree rooted at the child.
        let _ = std::process::Command::new("taskkill")
            .args(["/T", "/F", "/PID", &leader.to_string()])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status();
    }

    pub fn watch_interrupts() {}
}

pub use imp::{kill_group, watch_interrupts};

/// Puts the child in a new process group led by itself (Unix only).
pub fn own_group(command: &mut std::process::Command) {
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    #[cfg(not(unix))]
    let _ = command;
}
