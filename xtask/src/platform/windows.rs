//! Windows: a Job Object per tree, the console's control handler, the
//! console's input mode.
//!
//! - **Trees.** Each child is put in a Job Object of its own right after it
//!   starts; whatever it starts later is born inside the job and cannot
//!   leave it (the job does not allow breakaway). Ending the tree is
//!   `TerminateJobObject` on the job's handle, never a process id, so a
//!   reused id cannot be hit. The job is created with
//!   `JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE`: when the runner dies in any way
//!   the kernel closes its handles, and every job ends with it. That is the
//!   sentinel of Unix, for free.
//! - **Memory.** `JOB_OBJECT_LIMIT_PROCESS_MEMORY` caps the memory each
//!   process of the job may commit; an allocation past it fails inside the
//!   process (Rust prints "memory allocation of … failed" and aborts).
//! - **Ctrl-C.** A console control handler raises the flag for Ctrl-C,
//!   Ctrl-Break and the console's closing. Children start in a process group
//!   of their own, where Ctrl-C is ignored, as on Unix: the runner alone
//!   decides to end them, and says so, instead of reporting a crash.
//! - **Keys.** The console's input mode without line editing and echo,
//!   restored when [`RawKeys`] is dropped.

use std::io::{self, IsTerminal, Read};
use std::os::windows::io::{AsHandle, AsRawHandle, FromRawHandle, OwnedHandle};
use std::os::windows::process::CommandExt;
use std::process::{Child, Command, ExitStatus};

use super::win32::{
    AssignProcessToJobObject, Bool, CREATE_NEW_PROCESS_GROUP, CTRL_BREAK_EVENT, CTRL_C_EVENT,
    CTRL_CLOSE_EVENT, CreateJobObjectW, ENABLE_ECHO_INPUT, ENABLE_LINE_INPUT,
    ENABLE_VIRTUAL_TERMINAL_PROCESSING, ExtendedLimits, GetConsoleMode, GetConsoleScreenBufferInfo,
    GetLocalTime, GetStdHandle, Handle, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION,
    JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION, JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE,
    JOB_OBJECT_LIMIT_PROCESS_MEMORY, STATUS_COMMITMENT_LIMIT, STATUS_NO_MEMORY, STD_ERROR_HANDLE,
    STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, ScreenBufferInfo, SetConsoleCtrlHandler, SetConsoleMode,
    SetInformationJobObject, SystemTime, TerminateJobObject, TerminateProcess,
};

/// The exit code of a process the runner ended. Any value would do (the
/// runner knows why it ended the tree); this one is recognisable in a
/// debugger: "ended".
const ENDED_BY_RUNNER: u32 = 0xE0DE;

pub fn init() {
    // SAFETY: registers a function that only stores to an atomic; the
    // system calls it on a thread of its own.
    unsafe {
        SetConsoleCtrlHandler(Some(on_console_event), 1);
    }
    // Colours and the watch screen are ANSI sequences; Windows Terminal
    // understands them already, the classic console only once asked.
    for which in [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE] {
        // SAFETY: console calls on the process's own standard handles; a
        // handle that is not a console makes GetConsoleMode fail, and then
        // nothing is changed.
        unsafe {
            let handle = GetStdHandle(which);
            let mut mode = 0;
            if GetConsoleMode(handle, &mut mode) != 0 {
                SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING);
            }
        }
    }
}

/// The console events that mean "stop": raising the flag is all the
/// handler does.
fn means_stop(event: u32) -> bool {
    matches!(event, CTRL_C_EVENT | CTRL_BREAK_EVENT | CTRL_CLOSE_EVENT)
}

unsafe extern "system" fn on_console_event(event: u32) -> Bool {
    if means_stop(event) {
        // For CTRL_CLOSE_EVENT the system ends the runner once this
        // returns; the jobs end with it (KILL_ON_JOB_CLOSE), and the
        // console whose mode `RawKeys` changed is gone anyway.
        super::note_interrupt();
        1
    } else {
        0
    }
}

/// Nothing to do: the kernel ends every job when the runner dies.
pub fn sentinel_main() {}

/// A job cannot be left, so there are no orphans to look for.
pub fn sweep_orphans() {}

pub struct Tree {
    holder: Holder,
}

enum Holder {
    /// The usual case: the child and everything it starts.
    Job(OwnedHandle),
    /// The job could not be made or joined (see [`Tree::spawn`]): the child
    /// alone, still by handle.
    Process(OwnedHandle),
}

impl Tree {
    pub fn spawn(command: &mut Command, memory_mib: Option<u64>) -> io::Result<(Child, Tree)> {
        // Out of the console's Ctrl-C, as `process_group(0)` on Unix.
        command.creation_flags(CREATE_NEW_PROCESS_GROUP);
        let job = new_job(memory_mib);
        let mut child = command.spawn()?;
        // Assigned right after the spawn, not before the child runs: std
        // offers no way to start it suspended. What that leaves open is the
        // moment between the two calls: a process the child starts in that
        // moment is outside the job, and its memory is not limited. A test
        // executable spends far longer loading than that before it could run
        // any code of the learner's. Starting the child suspended would close
        // the gap, at the price of spawning by hand (CreateProcessW, pipes,
        // quoting) instead of through std.
        let holder = match job {
            // SAFETY: both handles are valid and owned for the call.
            Some(job) if unsafe { AssignProcessToJobObject(raw(&job), raw_child(&child)) } != 0 => {
                Holder::Job(job)
            }
            // Only on old or locked-down systems (a job that forbids nested
            // jobs). The child's own handle still ends it without any
            // process-id race; what it starts is not followed.
            _ => match child.as_handle().try_clone_to_owned() {
                Ok(process) => Holder::Process(process),
                Err(e) => {
                    // Never leave a child the runner cannot end.
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(e);
                }
            },
        };
        Ok((child, Tree { holder }))
    }

    pub fn end(&self) {
        // SAFETY: the handle is owned by `self` and valid until it drops.
        // Ending a job whose processes have all exited, or a process that
        // already exited, fails harmlessly.
        unsafe {
            match &self.holder {
                Holder::Job(job) => TerminateJobObject(raw(job), ENDED_BY_RUNNER),
                Holder::Process(process) => TerminateProcess(raw(process), ENDED_BY_RUNNER),
            };
        }
    }

    pub fn wait_then_end(&self, child: &mut Child) -> io::Result<ExitStatus> {
        let status = child.wait();
        // What the child left running in its job goes too. Its exit status
        // is kept: the child had ended before this.
        self.end();
        status
    }
}

/// A new job that ends its processes when its last handle closes, with the
/// memory limit; None when the system refuses.
fn new_job(memory_mib: Option<u64>) -> Option<OwnedHandle> {
    // SAFETY: no security attributes and no name: a private job.
    let handle = unsafe { CreateJobObjectW(std::ptr::null(), std::ptr::null()) };
    if handle.is_null() {
        return None;
    }
    // SAFETY: a fresh, valid handle that nothing else owns.
    let job = unsafe { OwnedHandle::from_raw_handle(handle) };
    let mut limits = ExtendedLimits::default();
    // A crash ends the process at once, instead of waiting on an error
    // dialog until the time limit.
    limits.basic.limit_flags =
        JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION;
    if let Some(mib) = memory_mib {
        limits.basic.limit_flags |= JOB_OBJECT_LIMIT_PROCESS_MEMORY;
        limits.process_memory_limit =
            usize::try_from(mib.saturating_mul(1 << 20)).unwrap_or(usize::MAX);
    }
    // SAFETY: the struct and its size match the information class.
    let set = unsafe {
        SetInformationJobObject(
            raw(&job),
            JOB_OBJECT_EXTENDED_LIMIT_INFORMATION,
            (&raw const limits).cast(),
            std::mem::size_of_val(&limits) as u32,
        )
    };
    // A job that would not end with the runner is no better than none.
    (set != 0).then_some(job)
}

fn raw(handle: &OwnedHandle) -> Handle {
    handle.as_raw_handle()
}

fn raw_child(child: &Child) -> Handle {
    child.as_raw_handle()
}

/// True when Windows itself ended the process for want of memory: what a
/// program that does not report a failed allocation shows when it passes
/// the job's limit. (Rust's own message is recognised from stderr.)
pub fn killed_for_memory(status: ExitStatus) -> bool {
    status
        .code()
        .is_some_and(|code| code == STATUS_NO_MEMORY || code == STATUS_COMMITMENT_LIMIT)
}

/// The console's input mode without line editing and echo, so a key
/// arrives when it is pressed; Enter arrives as `\r`. Ctrl-C is still
/// processed by the console (and reaches the handler above).
pub struct RawKeys {
    input: Handle,
    saved: u32,
}

impl RawKeys {
    pub fn enter() -> Option<RawKeys> {
        if !io::stdin().is_terminal() {
            return None;
        }
        // SAFETY: console calls on the process's own stdin handle; they
        // fail, and nothing changes, when it is not a console.
        unsafe {
            let input = GetStdHandle(STD_INPUT_HANDLE);
            let mut saved = 0;
            if GetConsoleMode(input, &mut saved) == 0 {
                return None;
            }
            let raw = saved & !(ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT);
            if SetConsoleMode(input, raw) == 0 {
                return None;
            }
            Some(RawKeys { input, saved })
        }
    }

    pub fn leave(&self) {
        // SAFETY: the same handle, the mode it had before.
        unsafe {
            SetConsoleMode(self.input, self.saved);
        }
    }
}

/// The console window's columns and rows, when stdout is a console.
pub fn terminal_size() -> Option<(usize, usize)> {
    let mut info = ScreenBufferInfo::default();
    // SAFETY: the process's own stdout handle and a structure of the size
    // the call writes; it fails when stdout is not a console.
    let ok = unsafe { GetConsoleScreenBufferInfo(GetStdHandle(STD_OUTPUT_HANDLE), &mut info) };
    if ok == 0 {
        return None;
    }
    let [left, top, right, bottom] = info.window;
    let columns = usize::try_from(right - left + 1).ok()?;
    let rows = usize::try_from(bottom - top + 1).ok()?;
    Some((columns, rows))
}

/// The local time of day: hours, minutes, seconds.
pub fn local_time() -> (u32, u32, u32) {
    let mut now = SystemTime::default();
    // SAFETY: the call fills the structure it is given.
    unsafe { GetLocalTime(&mut now) };
    let [.., hour, minute, second, _] = now.fields;
    (u32::from(hour), u32::from(minute), u32::from(second))
}

/// One byte of stdin. In the console's raw mode that is one key press (std
/// turns the console's UTF-16 into UTF-8); from a pipe, one byte.
pub fn read_key() -> Option<u8> {
    let mut byte = [0u8; 1];
    match io::stdin().read(&mut byte) {
        Ok(1) => Some(byte[0]),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ctrl_c_ctrl_break_and_closing_mean_stop() {
        assert!(means_stop(CTRL_C_EVENT));
        assert!(means_stop(CTRL_BREAK_EVENT));
        assert!(means_stop(CTRL_CLOSE_EVENT));
        // Log-off and shut-down reach services, not console programs.
        assert!(!means_stop(5));
        assert!(!means_stop(6));
    }

    #[test]
    fn a_job_is_made_with_and_without_a_memory_limit() {
        assert!(new_job(None).is_some());
        assert!(new_job(Some(64)).is_some());
    }
}
