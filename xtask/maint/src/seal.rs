//! `cargo xtask seal`: records the shipped files of every exercise and of
//! the support library, after a maintainer changed them.

use xtask::RunError;
use xtask::engine::course::Course;
use xtask::engine::shipped;
use xtask::ui::Ui;

use crate::messages;

pub fn run(course: &Course, ui: &Ui) -> Result<bool, RunError> {
    for (label, changed) in shipped::seal(course)? {
        println!("{label}: {}", messages::sealed(ui.lang, changed));
    }
    Ok(true)
}
