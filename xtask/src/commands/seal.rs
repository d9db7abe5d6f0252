//! `cargo xtask seal`: records the shipped files of every exercise and of
//! the support library, after a maintainer changed them.

use crate::RunError;
use crate::engine::course::Course;
use crate::engine::shipped::Record;
use crate::texts::messages;
use crate::ui::Ui;

pub fn run(course: &Course, ui: &Ui) -> Result<bool, RunError> {
    let mut records: Vec<(String, Record)> = course
        .exercises
        .iter()
        .filter(|e| e.present)
        .map(|e| (e.label(), Record::of_exercise(e)))
        .collect();
    let support = Record::of_support(&course.root);
    if support.dir.is_dir() {
        records.push(("support".to_owned(), support));
    }
    for (label, record) in records {
        let before = record.read();
        record.write()?;
        let changed = before.as_ref() != Some(&record.current());
        println!("{label}: {}", messages::sealed(ui.lang, changed));
    }
    Ok(true)
}
