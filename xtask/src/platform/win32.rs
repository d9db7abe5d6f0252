//! The Win32 calls the runner makes, declared by hand: sixteen functions
//! of `kernel32.dll` (which every Rust program on Windows links already),
//! their constants, and four structures.
//!
//! The `windows-sys` crate declares the same; it was used first and
//! measured (the table in `main.rs` has the figures): about 2 s of CPU more
//! for a cold build of the runner, which held the runner's own compile back
//! by about a second on two cores. That is well past the half second the
//! design allows a dependency that small, tested code can replace. The
//! values below are those of `windows-sys` 0.61 and of the Windows headers
//! (MinGW's were checked with static assertions); the layouts are checked
//! here at compile time against the headers' sizes and offsets, for 64-bit
//! and 32-bit Windows.

use std::ffi::c_void;

pub type Handle = *mut c_void;
pub type Bool = i32;

pub const INVALID_HANDLE_VALUE: Handle = -1isize as Handle;

// Console.
pub const CTRL_C_EVENT: u32 = 0;
pub const CTRL_BREAK_EVENT: u32 = 1;
pub const CTRL_CLOSE_EVENT: u32 = 2;
pub const ENABLE_LINE_INPUT: u32 = 0x2;
pub const ENABLE_ECHO_INPUT: u32 = 0x4;
pub const ENABLE_VIRTUAL_TERMINAL_PROCESSING: u32 = 0x4;
pub const STD_INPUT_HANDLE: u32 = -10i32 as u32;
pub const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
pub const STD_ERROR_HANDLE: u32 = -12i32 as u32;

// Processes and jobs.
pub const CREATE_NEW_PROCESS_GROUP: u32 = 0x200;
pub const JOB_OBJECT_LIMIT_PROCESS_MEMORY: u32 = 0x100;
pub const JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION: u32 = 0x400;
pub const JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: u32 = 0x2000;
pub const JOB_OBJECT_EXTENDED_LIMIT_INFORMATION: i32 = 9;
pub const STATUS_NO_MEMORY: i32 = 0xC000_0017_u32 as i32;
pub const STATUS_COMMITMENT_LIMIT: i32 = 0xC000_012D_u32 as i32;

// Files and change notifications.
pub const FILE_LIST_DIRECTORY: u32 = 0x1;
pub const FILE_SHARE_READ: u32 = 0x1;
pub const FILE_SHARE_WRITE: u32 = 0x2;
pub const FILE_SHARE_DELETE: u32 = 0x4;
pub const OPEN_EXISTING: u32 = 3;
pub const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000;
pub const FILE_FLAG_OVERLAPPED: u32 = 0x4000_0000;
pub const FILE_NOTIFY_CHANGE_FILE_NAME: u32 = 0x1;
pub const FILE_NOTIFY_CHANGE_DIR_NAME: u32 = 0x2;
pub const FILE_NOTIFY_CHANGE_SIZE: u32 = 0x8;
pub const FILE_NOTIFY_CHANGE_LAST_WRITE: u32 = 0x10;

/// `JOBOBJECT_BASIC_LIMIT_INFORMATION`.
#[repr(C)]
#[derive(Default)]
pub struct BasicLimits {
    pub per_process_user_time_limit: i64,
    pub per_job_user_time_limit: i64,
    pub limit_flags: u32,
    pub minimum_working_set_size: usize,
    pub maximum_working_set_size: usize,
    pub active_process_limit: u32,
    pub affinity: usize,
    pub priority_class: u32,
    pub scheduling_class: u32,
}

/// `JOBOBJECT_EXTENDED_LIMIT_INFORMATION`; all zeroes means no limit.
#[repr(C)]
#[derive(Default)]
pub struct ExtendedLimits {
    pub basic: BasicLimits,
    /// `IO_COUNTERS`: six counters the runner never reads.
    pub io_counters: [u64; 6],
    pub process_memory_limit: usize,
    pub job_memory_limit: usize,
    pub peak_process_memory_used: usize,
    pub peak_job_memory_used: usize,
}

/// `OVERLAPPED`: the state of one asynchronous read.
#[repr(C)]
pub struct Overlapped {
    pub internal: usize,
    pub internal_high: usize,
    /// A union of a file offset (two `u32`) and a pointer; unused for
    /// change notifications.
    pub offset: [u32; 2],
    pub event: Handle,
}

impl Default for Overlapped {
    fn default() -> Overlapped {
        Overlapped {
            internal: 0,
            internal_high: 0,
            offset: [0; 2],
            event: std::ptr::null_mut(),
        }
    }
}

// The SDK's sizes and offsets, so that a slip in a field fails the build
// instead of handing the kernel a wrong structure.
#[cfg(target_pointer_width = "64")]
const _: () = {
    assert!(size_of::<BasicLimits>() == 64);
    assert!(size_of::<ExtendedLimits>() == 144);
    assert!(std::mem::offset_of!(ExtendedLimits, process_memory_limit) == 112);
    assert!(size_of::<Overlapped>() == 32);
    assert!(std::mem::offset_of!(Overlapped, event) == 24);
};
#[cfg(target_pointer_width = "32")]
const _: () = {
    assert!(size_of::<BasicLimits>() == 48);
    assert!(size_of::<ExtendedLimits>() == 112);
    assert!(std::mem::offset_of!(ExtendedLimits, process_memory_limit) == 96);
    assert!(size_of::<Overlapped>() == 20);
    assert!(std::mem::offset_of!(Overlapped, event) == 16);
};

/// `CONSOLE_SCREEN_BUFFER_INFO`: the console's size and its visible window.
#[repr(C)]
#[derive(Default)]
pub struct ScreenBufferInfo {
    pub size: [i16; 2],
    pub cursor: [i16; 2],
    pub attributes: u16,
    /// `srWindow`: left, top, right, bottom.
    pub window: [i16; 4],
    pub maximum_window: [i16; 2],
}

/// `SYSTEMTIME`: year, month, day of week, day, hour, minute, second,
/// milliseconds.
#[repr(C)]
#[derive(Default)]
pub struct SystemTime {
    pub fields: [u16; 8],
}

const _: () = {
    assert!(size_of::<ScreenBufferInfo>() == 22);
    assert!(std::mem::offset_of!(ScreenBufferInfo, window) == 10);
    assert!(size_of::<SystemTime>() == 16);
};

pub type ConsoleHandler = unsafe extern "system" fn(event: u32) -> Bool;

#[link(name = "kernel32")]
unsafe extern "system" {
    pub fn GetStdHandle(which: u32) -> Handle;
    pub fn GetConsoleMode(console: Handle, mode: *mut u32) -> Bool;
    pub fn SetConsoleMode(console: Handle, mode: u32) -> Bool;
    pub fn SetConsoleCtrlHandler(handler: Option<ConsoleHandler>, add: Bool) -> Bool;
    pub fn GetConsoleScreenBufferInfo(console: Handle, info: *mut ScreenBufferInfo) -> Bool;
    pub fn GetLocalTime(time: *mut SystemTime);

    pub fn CreateJobObjectW(attributes: *const c_void, name: *const u16) -> Handle;
    pub fn SetInformationJobObject(
        job: Handle,
        class: i32,
        information: *const c_void,
        length: u32,
    ) -> Bool;
    pub fn AssignProcessToJobObject(job: Handle, process: Handle) -> Bool;
    pub fn TerminateJobObject(job: Handle, exit_code: u32) -> Bool;
    pub fn TerminateProcess(process: Handle, exit_code: u32) -> Bool;

    pub fn CreateFileW(
        name: *const u16,
        access: u32,
        share: u32,
        attributes: *const c_void,
        disposition: u32,
        flags: u32,
        template: Handle,
    ) -> Handle;
    pub fn CreateEventW(
        attributes: *const c_void,
        manual_reset: Bool,
        initial_state: Bool,
        name: *const u16,
    ) -> Handle;
    /// `completion` is a routine pointer; always null here.
    pub fn ReadDirectoryChangesW(
        folder: Handle,
        buffer: *mut c_void,
        length: u32,
        subtree: Bool,
        filter: u32,
        returned: *mut u32,
        overlapped: *mut Overlapped,
        completion: *const c_void,
    ) -> Bool;
    pub fn GetOverlappedResult(
        file: Handle,
        overlapped: *const Overlapped,
        transferred: *mut u32,
        wait: Bool,
    ) -> Bool;
    pub fn CancelIoEx(file: Handle, overlapped: *const Overlapped) -> Bool;
}
