//! `cargo xtask grade FOLDER...`: a folder of student clones, graded on one
//! machine with the shipped files, as one table.
//!
//! Each folder is a course (a clone of one student's repository). Each is
//! judged as `verify --all --pristine` judges it, by this runner, not the
//! one in the student's folder (which the student could have changed); a
//! row says the student (the folder's name), the exercises passed, the
//! exercises whose deciding files differ from the shipped ones, and why a
//! folder could not be graded. Exit 0 when every folder was graded.

use std::path::Path;

use crate::RunError;
use crate::commands::report::Report;
use crate::commands::verify;
use crate::engine::course::{Course, Exercise};
use crate::engine::stage::Files;
use crate::flags;
use crate::texts::grading as texts;
use crate::ui::Ui;

/// One student's row.
struct Row {
    student: String,
    passed: String,
    edited: String,
    note: String,
}

pub fn run(ui: &Ui, options: &flags::Grade) -> Result<bool, RunError> {
    let mut rows = Vec::new();
    let mut all_graded = true;
    for folder in &options.folders {
        let student = student_name(folder);
        ui.status(&texts::grading_folder(ui.lang, &student));
        let row = match grade_one(ui, folder) {
            Ok(report) => {
                let edited: Vec<String> = report
                    .exercises
                    .iter()
                    .filter(|e| !e.edited.is_empty())
                    .map(|e| format!("{:02}", e.number))
                    .collect();
                Row {
                    student,
                    passed: format!("{}/{}", report.passed(), report.exercises.len()),
                    edited: if edited.is_empty() {
                        "-".to_owned()
                    } else {
                        edited.join(" ")
                    },
                    note: String::new(),
                }
            }
            Err(RunError::Interrupted) => return Err(RunError::Interrupted),
            Err(why) => {
                all_graded = false;
                let note = why.words(ui.lang);
                Row {
                    student,
                    passed: "-".to_owned(),
                    edited: "-".to_owned(),
                    note: format!("{}: {note}", texts::not_graded(ui.lang)),
                }
            }
        };
        rows.push(row);
    }
    ui.clear_status();
    print!("{}", table(ui, &rows));
    Ok(all_graded)
}

/// The folder's own name: `alice` for `students/alice/`.
fn student_name(folder: &Path) -> String {
    let absolute = std::path::absolute(folder).unwrap_or_else(|_| folder.to_path_buf());
    absolute
        .components()
        .next_back()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// One folder judged as `verify --all --pristine` judges it.
fn grade_one(ui: &Ui, folder: &Path) -> Result<Report, RunError> {
    let root = Course::locate(Some(folder))?;
    let course = Course::load(root)?;
    let (copy, judged) = verify::pristine_copy(&course, ui.lang)?;
    let exercises: Vec<&Exercise> = judged.exercises.iter().collect();
    let graded = verify::judge_in_order(&judged, &exercises, ui, Files::Learner, true, false)?;
    let copy = Some((&copy, &judged));
    Ok(verify::report_of(
        &course, copy, &exercises, &graded, ui.lang,
    ))
}

/// The rows in aligned columns (a note, when there is one, last).
fn table(ui: &Ui, rows: &[Row]) -> String {
    let heading = texts::table_heading(ui.lang);
    let width = |i: usize, cell: &dyn Fn(&Row) -> &str| {
        rows.iter()
            .map(|r| cell(r).chars().count())
            .chain([heading[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths = [
        width(0, &|r| &r.student),
        width(1, &|r| &r.passed),
        width(2, &|r| &r.edited),
    ];
    let line = |cells: [&str; 4]| {
        let mut out = String::new();
        for (cell, w) in cells.iter().zip(widths) {
            out.push_str(cell);
            out.push_str(&" ".repeat(w - cell.chars().count() + 2));
        }
        out.push_str(cells[3]);
        format!("{}\n", out.trim_end())
    };
    let mut out = line([&heading[0], &heading[1], &heading[2], &heading[3]]);
    for r in rows {
        out.push_str(&line([&r.student, &r.passed, &r.edited, &r.note]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::texts::Lang;

    #[test]
    fn the_table_lines_up_its_columns() {
        let rows = [
            Row {
                student: "alice".into(),
                passed: "3/3".into(),
                edited: "-".into(),
                note: String::new(),
            },
            Row {
                student: "bo".into(),
                passed: "2/3".into(),
                edited: "02 07".into(),
                note: "x".into(),
            },
        ];
        let text = table(&Ui::plain(Lang::En), &rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "student  passed  tests edited  note");
        assert_eq!(lines[1], "alice    3/3     -");
        assert_eq!(lines[2], "bo       2/3     02 07         x");
    }
}
