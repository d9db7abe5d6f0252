//! `cargo xtask reset EXERCISE`: brings an exercise back as it shipped.
//!
//! Every file that decides its verdict is restored (the files the learner
//! edits, its `Cargo.toml` and `exercise.toml`, its tests), so a broken
//! manifest or a deleted `lib.rs` is mended too. Nothing is lost: the shipped
//! content is fetched first (from git's object store, by the blob ids in
//! `shipped-files.txt`, so it works even after the learner committed their
//! own version); then the learner's versions of the files about to change
//! are copied to `.course-backups/<time>/`; only then is each file replaced,
//! by a write to a temporary file and a rename. A file the learner added in
//! `tests/` is moved to the backup. Errors name the path they are about, and
//! no temporary file is left behind.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::engine::course::{Course, Exercise};
use crate::engine::shipped::{self, Record};
use crate::texts::messages;
use crate::ui::Ui;
use crate::{Failure, RunError};

pub const BACKUPS: &str = ".course-backups";

/// One file to bring back: where, the shipped bytes (None: remove it, it
/// was not shipped), and the learner's bytes if the file exists.
struct Change {
    path: String,
    shipped: Option<Vec<u8>>,
    current: Option<Vec<u8>>,
}

pub fn run(course: &Course, ui: &Ui, name: &str) -> Result<bool, RunError> {
    let lang = ui.lang;
    let exercise = course.select(name)?;
    let label = exercise.label();
    if !exercise.present {
        let shown = course.relative(&exercise.dir);
        return Err(RunError::Usage(messages::reset_folder_missing(
            lang, &shown,
        )));
    }
    let record = Record::of_exercise(exercise);
    let listed = record
        .read()
        .ok_or_else(|| RunError::Usage(messages::reset_no_record(lang, &label)))?;
    let changes = changes(course, exercise, &record, &listed)
        .map_err(|(file, why)| RunError::Usage(messages::reset_not_found(lang, &file, &why)))?;
    if changes.is_empty() {
        println!("{}", messages::reset_nothing_to_do(lang, &label));
        return Ok(true);
    }
    let backup = backup_dir(&course.root, &exercise.dir_name);
    save_backup(&backup, &changes).map_err(|(path, e)| {
        let text = messages::reset_cannot_write(lang, &course.relative(&path), &e);
        RunError::Failed(Failure::Said(text))
    })?;
    if changes.iter().any(|c| c.current.is_some()) {
        println!("{}", messages::reset_saved(lang, &course.relative(&backup)));
    }
    for change in &changes {
        let target = exercise.dir.join(&change.path);
        let shown = course.relative(&target);
        let done = match &change.shipped {
            Some(bytes) => replace(&target, bytes),
            None => fs::remove_file(&target),
        };
        done.map_err(|e| {
            RunError::Failed(Failure::Said(messages::reset_cannot_write(
                lang, &shown, &e,
            )))
        })?;
        println!(
            "{}",
            messages::reset_restored(lang, &shown, change.shipped.is_some())
        );
    }
    Ok(true)
}

/// Everything that differs from the shipped list, fetched before anything
/// is written. Err: (the file, why its shipped version was not found).
fn changes(
    course: &Course,
    exercise: &Exercise,
    record: &Record,
    listed: &shipped::Entries,
) -> Result<Vec<Change>, (String, String)> {
    let now = record.current();
    let mut changes = Vec::new();
    for (path, id) in listed {
        if now.iter().any(|(p, i)| p == path && i == id) {
            continue;
        }
        let shipped = shipped::fetch(&course.root, id).map_err(|why| (path.clone(), why))?;
        let current = fs::read(exercise.dir.join(path)).ok();
        changes.push(Change {
            path: path.clone(),
            shipped: Some(shipped),
            current,
        });
    }
    for (path, _) in &now {
        let added_test = path.starts_with("tests/") && !listed.iter().any(|(p, _)| p == path);
        if added_test {
            changes.push(Change {
                path: path.clone(),
                shipped: None,
                current: fs::read(exercise.dir.join(path)).ok(),
            });
        }
    }
    Ok(changes)
}

/// Copies the learner's versions into `backup`. Err: the path that could
/// not be written, and why.
fn save_backup(backup: &Path, changes: &[Change]) -> Result<(), (PathBuf, io::Error)> {
    for change in changes {
        let Some(bytes) = &change.current else {
            continue;
        };
        let target = backup.join(&change.path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| (first_blocker(parent), e))?;
        }
        fs::write(&target, bytes).map_err(|e| (target.clone(), e))?;
    }
    Ok(())
}

/// The first component of `path` that exists but is not a folder (a file
/// called `.course-backups`, say): the real reason a folder cannot be made.
fn first_blocker(path: &Path) -> PathBuf {
    path.ancestors()
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .find(|p| p.exists() && !p.is_dir())
        .map_or_else(|| path.to_path_buf(), Path::to_path_buf)
}

/// Writes through a temporary file and a rename, so an interrupted reset
/// never leaves half a file; the temporary file is removed on failure.
fn replace(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    let temporary = target.with_extension("reset-tmp");
    let written = fs::write(&temporary, bytes).and_then(|()| fs::rename(&temporary, target));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// `.course-backups/2026-11-26T13-45-10/03_loop_send`, never one that
/// exists already.
fn backup_dir(root: &Path, dir_name: &str) -> PathBuf {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let stamp = timestamp(secs);
    let base = root.join(BACKUPS);
    let mut candidate = base.join(&stamp).join(dir_name);
    let mut n = 2;
    while candidate.exists() {
        candidate = base.join(format!("{stamp}-{n}")).join(dir_name);
        n += 1;
    }
    candidate
}

/// UTC `YYYY-MM-DDTHH-MM-SS` (no colons: they are not allowed in Windows
/// file names).
fn timestamp(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rest = secs % 86_400;
    // Days since 1970-01-01 to a civil date (proleptic Gregorian calendar).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}-{:02}-{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_civil_dates() {
        assert_eq!(timestamp(0), "1970-01-01T00-00-00");
        assert_eq!(timestamp(951_782_400), "2000-02-29T00-00-00");
        assert_eq!(timestamp(1_795_699_845), "2026-11-26T13-30-45");
    }
}
