//! Noticing that the learner saved a file under `exercises/`.
//!
//! On Linux the kernel tells us (inotify), which is immediate and costs
//! nothing while idle; folders created later are watched as they appear,
//! and an overflowed event queue counts as a change. On Windows
//! `ReadDirectoryChangesW` does the same for the whole tree in one call
//! (new folders included); a lost batch of events counts as a change. Some
//! file systems never deliver those events (network mounts, some container
//! and WSL setups), so `--poll`, or any failure to set up the events,
//! switches to looking at sizes and modification times every
//! [`POLL_EVERY`]. macOS polls: the dependency table in `main.rs` says what
//! was measured. Either way an editor's "write a temporary file, then rename
//! it over the original" counts as a save, and the caller is told only
//! "something changed": it re-verifies, which is what decides what changed.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, SystemTime};

pub const POLL_EVERY: Duration = Duration::from_millis(150);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Events,
    Polling,
}

/// Starts watching `dir` on a thread of its own; `changed` is called after
/// each save. Returns how it watches.
pub fn watch(dir: &Path, force_poll: bool, changed: impl Fn() + Send + 'static) -> Method {
    if !force_poll {
        #[cfg(target_os = "linux")]
        if let Some(watcher) = inotify::Watcher::new(dir) {
            thread::spawn(move || watcher.run(changed));
            return Method::Events;
        }
        #[cfg(windows)]
        if let Some(watcher) = directory_changes::Watcher::new(dir) {
            let dir = dir.to_path_buf();
            thread::spawn(move || {
                watcher.run(&changed);
                // The folder can no longer be watched (removed, or a network
                // share that went away): saves are still seen.
                let before = snapshot(&dir);
                poll(&dir, before, changed);
            });
            return Method::Events;
        }
    }
    // The first picture is taken before returning: a save made right
    // after `watch` returns is a change from it.
    let dir = dir.to_path_buf();
    let before = snapshot(&dir);
    thread::spawn(move || poll(&dir, before, changed));
    Method::Polling
}

/// Files whose change matters: sources and manifests, not editor debris.
pub fn interesting(name: &str) -> bool {
    let debris = name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name.ends_with(".reset-tmp");
    !debris && (name.ends_with(".rs") || name.ends_with(".toml"))
}

#[cfg(target_os = "linux")]
fn skip_dir(name: &str) -> bool {
    crate::files::is_noise(Path::new(name))
}

/// Whether a change Windows reports (a path relative to the watched
/// folder, `\`-separated) may change a verdict: an interesting file outside
/// `target/` and hidden folders, or a folder (one that arrives with files
/// in it, moved in whole, reports only itself).
#[cfg_attr(not(windows), allow(dead_code))]
fn matters(watched: &Path, relative: &str) -> bool {
    let mut parts: Vec<&str> = relative.split(['\\', '/']).collect();
    let Some(name) = parts.pop() else {
        return false;
    };
    if parts.iter().any(|p| crate::files::is_noise(Path::new(p))) {
        return false;
    }
    if interesting(name) {
        return true;
    }
    let folder: PathBuf = [watched]
        .into_iter()
        .chain(parts.iter().map(Path::new))
        .collect();
    !crate::files::is_noise(Path::new(name)) && folder.join(name).is_dir()
}

/// The file names in a buffer of `FILE_NOTIFY_INFORMATION` records (each:
/// offset of the next record, action, name length in bytes, the name in
/// UTF-16), as `ReadDirectoryChangesW` fills it. Read from bytes with
/// bounds checked, so that an odd buffer cannot make it read past its end.
#[cfg_attr(not(windows), allow(dead_code))]
fn notified_names(buffer: &[u8]) -> Vec<String> {
    let word = |at: usize| -> Option<usize> {
        let bytes = buffer.get(at..at + 4)?;
        Some(u32::from_ne_bytes(bytes.try_into().ok()?) as usize)
    };
    let mut names = Vec::new();
    let mut at = 0;
    while let (Some(next), Some(length)) = (word(at), word(at + 8)) {
        let Some(name) = buffer.get(at + 12..at + 12 + length) else {
            break;
        };
        let units: Vec<u16> = name
            .chunks_exact(2)
            .map(|pair| u16::from_ne_bytes([pair[0], pair[1]]))
            .collect();
        names.push(String::from_utf16_lossy(&units));
        if next == 0 {
            break;
        }
        at += next;
    }
    names
}

type Snapshot = HashMap<PathBuf, (u64, Option<SystemTime>)>;

fn snapshot(dir: &Path) -> Snapshot {
    crate::files::walk(dir, &|p| !crate::files::is_noise(p))
        .into_iter()
        .filter(|e| !e.is_dir)
        .filter(|e| {
            e.path
                .file_name()
                .is_some_and(|n| interesting(&n.to_string_lossy()))
        })
        .map(|e| (e.path, (e.metadata.len(), e.metadata.modified().ok())))
        .collect()
}

fn poll(dir: &Path, mut before: Snapshot, changed: impl Fn()) {
    loop {
        thread::sleep(POLL_EVERY);
        let now = snapshot(dir);
        if now != before {
            changed();
            before = now;
        }
    }
}

#[cfg(target_os = "linux")]
mod inotify {
    //! The three inotify calls, declared by hand (three lines; a crate
    //! would add its build to every learner's first run).

    use std::collections::HashMap;
    use std::ffi::CString;
    use std::fs::File;
    use std::io::Read;
    use std::os::fd::FromRawFd;
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};

    use super::{interesting, skip_dir};

    const IN_CLOEXEC: i32 = 0o2_000_000;
    const IN_CLOSE_WRITE: u32 = 0x8;
    const IN_MOVED_FROM: u32 = 0x40;
    const IN_MOVED_TO: u32 = 0x80;
    const IN_CREATE: u32 = 0x100;
    const IN_DELETE: u32 = 0x200;
    const IN_Q_OVERFLOW: u32 = 0x4000;
    const IN_ISDIR: u32 = 0x4000_0000;
    const MASK: u32 = IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE;

    unsafe extern "C" {
        fn inotify_init1(flags: i32) -> i32;
        fn inotify_add_watch(fd: i32, path: *const std::ffi::c_char, mask: u32) -> i32;
    }

    pub struct Watcher {
        fd: i32,
        file: File,
        folders: HashMap<i32, PathBuf>,
    }

    impl Watcher {
        pub fn new(dir: &Path) -> Option<Watcher> {
            // SAFETY: plain system call with no pointers.
            let fd = unsafe { inotify_init1(IN_CLOEXEC) };
            if fd < 0 {
                return None;
            }
            // SAFETY: `fd` is a new descriptor that nothing else owns.
            let file = unsafe { File::from_raw_fd(fd) };
            let mut watcher = Watcher {
                fd,
                file,
                folders: HashMap::new(),
            };
            watcher.add_tree(dir).then_some(watcher)
        }

        fn add(&mut self, dir: &Path) -> bool {
            let Ok(path) = CString::new(dir.as_os_str().as_bytes()) else {
                return false;
            };
            // SAFETY: `path` is a valid NUL-terminated string for the call.
            let wd = unsafe { inotify_add_watch(self.fd, path.as_ptr(), MASK) };
            if wd >= 0 {
                self.folders.insert(wd, dir.to_path_buf());
            }
            wd >= 0
        }

        fn add_tree(&mut self, dir: &Path) -> bool {
            if !self.add(dir) {
                return false;
            }
            for entry in crate::files::walk(dir, &|p| !crate::files::is_noise(p)) {
                if entry.is_dir && !crate::files::is_noise(&entry.path) {
                    self.add(&entry.path);
                }
            }
            true
        }

        pub fn run(mut self, changed: impl Fn()) {
            let mut buf = vec![0u8; 64 * 1024];
            // Which folder each watch descriptor stands for, to follow new
            // folders inside it.
            loop {
                let n = match self.file.read(&mut buf) {
                    Ok(n) if n > 0 => n,
                    _ => return,
                };
                let mut any = false;
                let mut at = 0;
                // struct inotify_event { int wd; u32 mask, cookie, len; char name[len]; }
                while at + 16 <= n {
                    let field = |i: usize| {
                        u32::from_ne_bytes(buf[at + i..at + i + 4].try_into().expect("4 bytes"))
                    };
                    let wd = field(0) as i32;
                    let mask = field(4);
                    let len = field(12) as usize;
                    let name_bytes = &buf[at + 16..(at + 16 + len).min(n)];
                    let name = String::from_utf8_lossy(name_bytes);
                    let name = name.trim_end_matches('\0');
                    if mask & IN_Q_OVERFLOW != 0 {
                        // Events were lost: something changed, surely.
                        any = true;
                    } else if mask & IN_ISDIR != 0 {
                        if mask & (IN_CREATE | IN_MOVED_TO) != 0 && !skip_dir(name) {
                            if let Some(parent) = self.folders.get(&wd) {
                                let created = parent.join(name);
                                self.add_tree(&created);
                                // Files may have landed before the watch did.
                                any = true;
                            }
                        }
                    } else if interesting(name) {
                        any = true;
                    }
                    at += 16 + len;
                }
                if any {
                    changed();
                }
            }
        }
    }
}

#[cfg(windows)]
mod directory_changes {
    //! `ReadDirectoryChangesW` on the watched folder, the whole tree at
    //! once. The first read is started before [`super::watch`] returns: the
    //! system records changes only from the first read on, and a folder
    //! whose file system cannot report them fails right there, so that the
    //! caller polls instead (and says so).

    use std::os::windows::ffi::OsStrExt;
    use std::os::windows::io::{AsRawHandle, FromRawHandle, OwnedHandle};
    use std::path::{Path, PathBuf};

    use crate::platform::win32::{
        CancelIoEx, CreateEventW, CreateFileW, FILE_FLAG_BACKUP_SEMANTICS, FILE_FLAG_OVERLAPPED,
        FILE_LIST_DIRECTORY, FILE_NOTIFY_CHANGE_DIR_NAME, FILE_NOTIFY_CHANGE_FILE_NAME,
        FILE_NOTIFY_CHANGE_LAST_WRITE, FILE_NOTIFY_CHANGE_SIZE, FILE_SHARE_DELETE, FILE_SHARE_READ,
        FILE_SHARE_WRITE, GetOverlappedResult, INVALID_HANDLE_VALUE, OPEN_EXISTING, Overlapped,
        ReadDirectoryChangesW,
    };

    use super::{matters, notified_names};

    /// 64 KiB, the most a read can return over a network share.
    const WORDS: usize = 16 * 1024;

    pub struct Watcher {
        dir: PathBuf,
        folder: OwnedHandle,
        _event: OwnedHandle,
        // On the heap, so that their addresses stay put while a read is
        // pending, however the watcher itself moves. DWORD-aligned, as the
        // call requires.
        buffer: Box<[u32; WORDS]>,
        overlapped: Box<Overlapped>,
        pending: bool,
    }

    // SAFETY: the raw pointer inside `Overlapped` is the event's handle
    // value and fields the system writes; only the thread that owns the
    // watcher touches them.
    unsafe impl Send for Watcher {}

    impl Watcher {
        pub fn new(dir: &Path) -> Option<Watcher> {
            let wide: Vec<u16> = dir.as_os_str().encode_wide().chain([0]).collect();
            // SAFETY: `wide` is a NUL-terminated UTF-16 path; the rest are
            // flags. Sharing everything: the learner's editor must stay
            // free to write, rename and delete.
            let folder = unsafe {
                CreateFileW(
                    wide.as_ptr(),
                    FILE_LIST_DIRECTORY,
                    FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                    std::ptr::null(),
                    OPEN_EXISTING,
                    FILE_FLAG_BACKUP_SEMANTICS | FILE_FLAG_OVERLAPPED,
                    std::ptr::null_mut(),
                )
            };
            if folder == INVALID_HANDLE_VALUE {
                return None;
            }
            // SAFETY: a fresh handle that nothing else owns.
            let folder = unsafe { OwnedHandle::from_raw_handle(folder) };
            // SAFETY: an unnamed manual-reset event, no security attributes.
            let event = unsafe { CreateEventW(std::ptr::null(), 1, 0, std::ptr::null()) };
            if event.is_null() {
                return None;
            }
            // SAFETY: as above.
            let event = unsafe { OwnedHandle::from_raw_handle(event) };
            let overlapped = Box::new(Overlapped {
                event: event.as_raw_handle(),
                ..Overlapped::default()
            });
            let mut watcher = Watcher {
                dir: dir.to_path_buf(),
                folder,
                _event: event,
                buffer: Box::new([0; WORDS]),
                overlapped,
                pending: false,
            };
            watcher.start_read().then_some(watcher)
        }

        fn start_read(&mut self) -> bool {
            let filter = FILE_NOTIFY_CHANGE_FILE_NAME
                | FILE_NOTIFY_CHANGE_DIR_NAME
                | FILE_NOTIFY_CHANGE_LAST_WRITE
                | FILE_NOTIFY_CHANGE_SIZE;
            // SAFETY: the buffer and the OVERLAPPED live on the heap, owned
            // by `self`, and `Drop` waits for a pending read to end before
            // they are freed.
            let started = unsafe {
                ReadDirectoryChangesW(
                    self.folder.as_raw_handle(),
                    self.buffer.as_mut_ptr().cast(),
                    (WORDS * 4) as u32,
                    1,
                    filter,
                    std::ptr::null_mut(),
                    &mut *self.overlapped,
                    std::ptr::null(),
                )
            };
            self.pending = started != 0;
            self.pending
        }

        /// Calls `changed` after each batch of changes that matters;
        /// returns only when the folder can no longer be watched.
        pub fn run(mut self, changed: &impl Fn()) {
            loop {
                let mut filled = 0u32;
                // SAFETY: waits for the read started on this OVERLAPPED.
                let done = unsafe {
                    GetOverlappedResult(
                        self.folder.as_raw_handle(),
                        &*self.overlapped,
                        &mut filled,
                        1,
                    )
                };
                self.pending = false;
                if done == 0 {
                    return;
                }
                let bytes: Vec<u8> = self.buffer[..(filled as usize).div_ceil(4)]
                    .iter()
                    .flat_map(|word| word.to_ne_bytes())
                    .collect();
                // Nothing filled in: more changed than the buffer could
                // tell, so surely something that matters.
                let names = notified_names(&bytes[..filled as usize]);
                let any = filled == 0 || names.iter().any(|name| matters(&self.dir, name));
                // Read again before re-verifying; changes meanwhile are kept
                // by the system for this read.
                let again = self.start_read();
                if any {
                    changed();
                }
                if !again {
                    return;
                }
            }
        }
    }

    impl Drop for Watcher {
        fn drop(&mut self) {
            if self.pending {
                let mut filled = 0;
                // SAFETY: cancels the read on our OVERLAPPED, then waits
                // until the system is done with the buffer.
                unsafe {
                    CancelIoEx(self.folder.as_raw_handle(), &*self.overlapped);
                    GetOverlappedResult(
                        self.folder.as_raw_handle(),
                        &*self.overlapped,
                        &mut filled,
                        1,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::mpsc::channel;

    /// Records as `ReadDirectoryChangesW` writes them.
    fn records(names: &[&str]) -> Vec<u8> {
        let mut buffer = Vec::new();
        for (i, name) in names.iter().enumerate() {
            let units: Vec<u16> = name.encode_utf16().collect();
            let length = units.len() * 2;
            // Each record starts on a 4-byte boundary.
            let size = (12 + length).next_multiple_of(4);
            let next = if i + 1 == names.len() { 0 } else { size };
            buffer.extend((next as u32).to_ne_bytes());
            buffer.extend(1u32.to_ne_bytes());
            buffer.extend((length as u32).to_ne_bytes());
            buffer.extend(units.iter().flat_map(|u| u.to_ne_bytes()));
            buffer.resize(buffer.len() + size - 12 - length, 0);
        }
        buffer
    }

    #[test]
    fn notified_names_are_read_from_their_records() {
        let names = [r"01_x\src\lib.rs", "exercícios", r"02_y\tests\t.rs"];
        let buffer = records(&names);
        assert_eq!(notified_names(&buffer), names);
        // A buffer cut short yields what it holds, and nothing past its end.
        assert_eq!(notified_names(&buffer[..20]), Vec::<String>::new());
        assert_eq!(notified_names(&[]), Vec::<String>::new());
    }

    #[test]
    fn what_windows_reports_matters_only_for_sources_and_folders() {
        let dir = std::env::temp_dir().join(format!("xtask-matters-{}", std::process::id()));
        fs::create_dir_all(dir.join("01_x").join("tests")).unwrap();
        assert!(matters(&dir, r"01_x\src\lib.rs"));
        assert!(matters(&dir, r"01_x\tests"));
        assert!(!matters(&dir, r"01_x\src\.lib.rs.swp"));
        assert!(!matters(&dir, r"01_x\target\debug\build.rs"));
        assert!(!matters(&dir, r".git\x.rs"));
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn editor_debris_is_not_interesting() {
        assert!(interesting("lib.rs"));
        assert!(interesting("exercise.toml"));
        assert!(!interesting(".lib.rs.swp"));
        assert!(!interesting("lib.rs~"));
        assert!(!interesting("4913"));
        assert!(!interesting("#lib.rs#"));
    }

    fn sees_a_rename_over_a_file(force_poll: bool) {
        let dir =
            std::env::temp_dir().join(format!("xtask-changes-{force_poll}-{}", std::process::id()));
        let src = dir.join("01_x/src");
        fs::create_dir_all(&src).unwrap();
        fs::write(src.join("lib.rs"), "old").unwrap();
        let (tx, rx) = channel();
        watch(&dir, force_poll, move || {
            let _ = tx.send(());
        });
        thread::sleep(Duration::from_millis(50));
        // What editors do: write elsewhere, then rename over the original.
        fs::write(src.join("lib.rs.tmp"), "new content").unwrap();
        fs::rename(src.join("lib.rs.tmp"), src.join("lib.rs")).unwrap();
        assert!(rx.recv_timeout(Duration::from_secs(10)).is_ok());
        fs::remove_dir_all(&dir).unwrap();
    }

    /// A save right in the watched folder: the plainest event there is,
    /// and one that Wine reports too (see `.ci/windows-under-wine`).
    #[test]
    fn events_see_a_save_in_the_watched_folder_itself() {
        let dir = std::env::temp_dir().join(format!("xtask-changes-top-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let (tx, rx) = channel();
        assert_eq!(
            watch(&dir, false, move || {
                let _ = tx.send(());
            }),
            if cfg!(any(target_os = "linux", windows)) {
                Method::Events
            } else {
                Method::Polling
            }
        );
        fs::write(dir.join("lib.rs"), "saved").unwrap();
        let seen = rx.recv_timeout(Duration::from_secs(10)).is_ok();
        fs::remove_dir_all(&dir).unwrap();
        assert!(seen, "a save was missed");
    }

    #[test]
    fn events_see_a_rename_over_a_file() {
        sees_a_rename_over_a_file(false);
    }

    #[test]
    fn polling_sees_a_rename_over_a_file() {
        sees_a_rename_over_a_file(true);
    }

    /// The polling watcher's first picture is taken before `watch`
    /// returns: a save made at once is a change.
    #[test]
    fn polling_sees_a_save_made_right_after_watch_returns() {
        let dir =
            std::env::temp_dir().join(format!("xtask-changes-at-once-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("lib.rs"), "old").unwrap();
        let (tx, rx) = channel();
        watch(&dir, true, move || {
            let _ = tx.send(());
        });
        fs::write(dir.join("lib.rs"), "new content").unwrap();
        let seen = rx.recv_timeout(Duration::from_secs(10)).is_ok();
        fs::remove_dir_all(&dir).unwrap();
        assert!(seen, "a save right after watch returned was missed");
    }

    /// A folder created after the watch started (a new exercise, a new
    /// `tests/`) is watched too.
    fn sees_a_file_in_a_new_folder(force_poll: bool) {
        let dir = std::env::temp_dir().join(format!(
            "xtask-changes-new-{force_poll}-{}",
            std::process::id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("01_x")).unwrap();
        let (tx, rx) = channel();
        watch(&dir, force_poll, move || {
            let _ = tx.send(());
        });
        thread::sleep(Duration::from_millis(50));
        let tests = dir.join("01_x/tests");
        fs::create_dir_all(&tests).unwrap();
        // The folder's own creation may count as a change; drain it, then
        // save a file inside it, later, and that must be seen too.
        thread::sleep(Duration::from_millis(400));
        while rx.try_recv().is_ok() {}
        fs::write(tests.join("new_test.rs"), "// new").unwrap();
        let seen = rx.recv_timeout(Duration::from_secs(10)).is_ok();
        fs::remove_dir_all(&dir).unwrap();
        assert!(
            seen,
            "a save in a folder created after the watch started was missed"
        );
    }

    #[test]
    fn events_see_a_file_in_a_new_folder() {
        sees_a_file_in_a_new_folder(false);
    }

    #[test]
    fn polling_sees_a_file_in_a_new_folder() {
        sees_a_file_in_a_new_folder(true);
    }
}
