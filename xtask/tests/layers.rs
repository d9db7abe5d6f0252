//! The runner's layers, checked as rust-analyzer's `tidy` checks its own:
//! the engine returns data and never words it, so nothing in `engine/`
//! names the texts or the terminal; the texts only word what `findings.rs`
//! decided, so none of its decisions shows up in `texts/`; and only `ui.rs`
//! paints, without wording anything.

use std::fs;
use std::path::Path;

/// Lines of the code (not the comments or the unit tests) of the modules
/// in `folder` that contain one of `names`.
fn uses(folder: &str, names: &[&str]) -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src")
        .join(folder);
    let mut found = Vec::new();
    for entry in fs::read_dir(&dir).unwrap().flatten() {
        let text = fs::read_to_string(entry.path()).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if names.iter().any(|name| code.contains(name)) {
                found.push(format!("{}:{}: {line}", entry.path().display(), n + 1));
            }
        }
    }
    found
}

#[test]
fn the_engine_imports_neither_texts_nor_ui() {
    let found = uses("engine", &["crate::texts", "crate::ui", "tr!("]);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_texts_decide_nothing() {
    let decisions = [
        "contains(\"",
        "OUTPUT_LIMIT",
        "in_tests",
        "Exit::",
        "SHOWN_GROUPS",
        "SHOWN_ERRORS",
    ];
    let found = uses("texts", &decisions);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_texts_word_and_the_ui_paints() {
    // The texts mark what stands out through their own `Paint`; only the
    // terminal interface turns it into colours and links, and it words
    // nothing itself.
    let found = uses("texts", &["crate::ui", "&Ui"]);
    assert!(found.is_empty(), "{}", found.join("\n"));
    let ui = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui.rs")).unwrap();
    assert!(!ui.contains("messages"), "ui.rs words a text");
}
