//! The runner's layers, checked as rust-analyzer's `tidy` checks its own:
//! the engine returns data and never words it, so nothing in `engine/`
//! names the texts or the terminal.

use std::fs;
use std::path::Path;

#[test]
fn the_engine_imports_neither_texts_nor_ui() {
    let engine = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine");
    let mut found = Vec::new();
    for entry in fs::read_dir(&engine).unwrap().flatten() {
        let text = fs::read_to_string(entry.path()).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if ["crate::texts", "crate::ui", "tr!("]
                .iter()
                .any(|name| code.contains(name))
            {
                found.push(format!("{}:{}: {line}", entry.path().display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
