//! Noticing that the learner saved a file under `exercises/`.
//!
//! On Linux the kernel tells us (inotify), which is immediate and costs
//! nothing while idle; folders created later are watched as they appear,
//! and an overflowed event queue counts as a change. Some file systems never deliver those events (network
//! mounts, some container and WSL setups), so `--poll`, or any failure to
//! set up inotify, switches to looking at sizes and modification times
//! every [`POLL_EVERY`]. Either way an editor's "write a temporary file, then
//! rename it over the original" counts as a save, and the caller is told only
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
    }
    let dir = dir.to_path_buf();
    thread::spawn(move || poll(&dir, changed));
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

fn poll(dir: &Path, changed: impl Fn()) {
    let mut before = snapshot(dir);
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;
    use std::sync::mpsc::channel;

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

    #[test]
    fn events_see_a_rename_over_a_file() {
        sees_a_rename_over_a_file(false);
    }

    #[test]
    fn polling_sees_a_rename_over_a_file() {
        sees_a_rename_over_a_file(true);
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
