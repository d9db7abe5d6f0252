//! One walk over a folder tree, for everything that needs one (the file
//! watcher's snapshots, the shipped-files list, copies of the course).

use std::fs;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct Entry {
    pub path: PathBuf,
    pub is_dir: bool,
    pub metadata: fs::Metadata,
}

/// Every entry under `dir`, depth first, each folder before its content.
/// A folder for which `enter` returns false is listed but not entered.
/// Symbolic links are not followed; unreadable entries are left out.
pub fn walk(dir: &Path, enter: &dyn Fn(&Path) -> bool) -> Vec<Entry> {
    let mut found = Vec::new();
    walk_into(dir, enter, &mut found);
    found
}

fn walk_into(dir: &Path, enter: &dyn Fn(&Path) -> bool, found: &mut Vec<Entry>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<fs::DirEntry> = entries.flatten().collect();
    entries.sort_by_key(fs::DirEntry::file_name);
    for entry in entries {
        let Ok(metadata) = entry.metadata() else {
            continue;
        };
        let path = entry.path();
        let is_dir = metadata.is_dir();
        let go_in = is_dir && !metadata.is_symlink() && enter(&path);
        found.push(Entry {
            path: path.clone(),
            is_dir,
            metadata,
        });
        if go_in {
            walk_into(&path, enter, found);
        }
    }
}

/// Build output, version control and editor folders: never part of the
/// course's content.
pub fn is_noise(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    name.starts_with('.') || name == "target"
}

/// `path` relative to `base`, with `/` separators.
pub fn relative(path: &Path, base: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_depth_first_and_skips_what_it_is_told() {
        let dir = std::env::temp_dir().join(format!("xtask-walk-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("a/b")).unwrap();
        fs::create_dir_all(dir.join("target/debug")).unwrap();
        fs::write(dir.join("a/b/c.rs"), "").unwrap();
        fs::write(dir.join("a/d.rs"), "").unwrap();
        fs::write(dir.join("target/debug/x"), "").unwrap();
        let seen: Vec<String> = walk(&dir, &|p| !is_noise(p))
            .iter()
            .map(|e| relative(&e.path, &dir))
            .collect();
        fs::remove_dir_all(&dir).unwrap();
        assert_eq!(seen, ["a", "a/b", "a/b/c.rs", "a/d.rs", "target"]);
    }
}
