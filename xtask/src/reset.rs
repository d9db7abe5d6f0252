//! `cargo xtask reset EXERCISE`: brings back the shipped version of the
//! files the learner edits.
//!
//! Nothing is lost: the shipped content is fetched first (from git's object
//! store, by the blob ids in `shipped-files.txt`, so it works even after the
//! learner committed their own version), then the learner's files are copied
//! to `.course-backups/<time>/`, and only then are they replaced, each by a
//! write to a temporary file and a rename.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::Failure;
use crate::course::Course;
use crate::flags::UsageError;
use crate::shipped;
use crate::tr;
use crate::ui::Ui;

pub const BACKUPS: &str = ".course-backups";

type Change<'a> = (&'a str, Vec<u8>, Option<Vec<u8>>);

pub fn run(course: &Course, ui: &Ui, name: &str) -> Result<bool, Failure> {
    let exercise = course.select(name)?;
    let label = exercise.label();
    let manifest = shipped::read(exercise).ok_or_else(|| UsageError {
        en: format!("{label} has no shipped-files.txt, so its shipped version is unknown"),
        pt: format!("{label} não tem shipped-files.txt, então a versão original é desconhecida"),
    })?;

    // Everything is fetched before anything is written: for each file that
    // differs, (path, shipped content, the learner's content if any).
    let mut changes: Vec<Change> = Vec::new();
    for file in &exercise.edit {
        let id = manifest
            .iter()
            .find(|(p, _)| p == file)
            .map(|(_, id)| id.as_str())
            .ok_or_else(|| UsageError {
                en: format!("shipped-files.txt of {label} does not list {file}"),
                pt: format!("o shipped-files.txt de {label} não lista {file}"),
            })?;
        let shipped = shipped::fetch(&course.root, id).map_err(|why| UsageError {
            en: format!(
                "the shipped version of {file} was not found in git's history ({why}); \
                 reset needs the course's git clone. Nothing was changed."
            ),
            pt: format!(
                "a versão original de {file} não foi encontrada no histórico do git ({why}); \
                 o reset precisa do clone git do curso. Nada foi alterado."
            ),
        })?;
        let current = fs::read(exercise.dir.join(file)).ok();
        if current.as_deref() != Some(&shipped[..]) {
            changes.push((file, shipped, current));
        }
    }

    if changes.is_empty() {
        println!(
            "{}",
            tr!(
                ui.lang,
                "{label} is already as shipped: nothing to do.",
                "{label} já está como original: nada a fazer."
            )
        );
        return Ok(true);
    }

    let backup = backup_dir(&course.root, &exercise.dir_name);
    for (file, _, current) in &changes {
        if let Some(bytes) = current {
            let target = backup.join(file);
            if let Some(parent) = target.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::write(&target, bytes)?;
        }
    }
    if changes.iter().any(|(_, _, c)| c.is_some()) {
        let shown = course.show(&backup);
        println!(
            "{}",
            tr!(
                ui.lang,
                "Your version was saved in {shown}",
                "Sua versão foi salva em {shown}"
            )
        );
    }
    for (file, shipped, _) in &changes {
        let target = exercise.dir.join(file);
        replace(&target, shipped)?;
        let shown = course.show(&target);
        println!("{}", tr!(ui.lang, "Restored {shown}", "Restaurado {shown}"));
    }
    Ok(true)
}

/// Writes through a temporary file and a rename, so an interrupted reset
/// never leaves half a file.
fn replace(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    let temporary = target.with_extension("reset-tmp");
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, target)
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
