//! The compiler's errors, explained after rustc's own diagnostics, in the
//! learner's language: driven through the real command line against the
//! fixture course in `tests/fixtures/compiler_errors`, whose exercises are
//! each one usual mistake in channel code and the code (or lint) it makes
//! rustc give; and against the real course's exercise 02, which ships with
//! E0382 and a note of its own on it.
//!
//! The fixture is only read (each run builds into a target directory of the
//! tests' own); every command runs with a time-out.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/compiler_errors")
}

fn xtask_in(root: &Path, lang: &str, args: &[&str]) -> Command {
    common::runner(root, lang, args)
}

fn xtask(lang: &str, args: &[&str]) -> Command {
    let mut cmd = xtask_in(&fixture(), lang, args);
    cmd.env(
        "CARGO_TARGET_DIR",
        Path::new(env!("CARGO_TARGET_TMPDIR")).join("compiler-errors-course"),
    );
    cmd
}

/// Each usual mistake of the fixture: its exercise, the code rustc gives,
/// and the title of the course's explanation in each language.
#[rustfmt::skip]
const EXPLAINED: [(&str, &str, &str, &str); 21] = [
    // use of a moved sender
    ("03", "E0382", "use of a moved value",
        "uso de um valor movido"),
    // a thread closure without move
    ("04", "E0373", "a closure that borrows may outlive the function",
        "uma closure que pega emprestado pode viver mais que a função"),
    // an rc sent to threads
    ("05", "E0277", "a type lacks a trait the code needs",
        "falta a um tipo um trait que o código exige"),
    // a cloned receiver
    ("06", "E0599", "this type has no such method",
        "esse tipo não tem esse método"),
    // a str on a string channel
    ("07", "E0308", "mismatched types",
        "tipos incompatíveis"),
    // a borrowed argument given to spawn
    ("08", "E0521", "borrowed data escapes the function",
        "dados emprestados escapam da função"),
    // a local borrowed by a thread
    ("09", "E0597", "a value does not live long enough",
        "um valor não vive o suficiente"),
    // a misspelled import
    ("10", "E0432", "a `use` names something that does not exist",
        "um `use` cita algo que não existe"),
    // channel not imported
    ("11", "E0425", "a name that is not defined here",
        "um nome que não existe aqui"),
    // mpsc not imported
    ("12", "E0433", "a path starts with a module or type that is not in scope",
        "um caminho começa por um módulo ou tipo que não está no escopo"),
    // sync channel without its bound
    ("13", "E0061", "a function called with the wrong number of arguments",
        "uma função chamada com o número errado de argumentos"),
    // a sender of two types
    ("14", "E0107", "a generic type with the wrong number of type arguments",
        "um tipo genérico com o número errado de argumentos de tipo"),
    // a generic message without static
    ("15", "E0310", "a generic type may not live long enough",
        "um tipo genérico pode não viver o suficiente"),
    // a channel of no known type
    ("16", "E0282", "type annotations needed",
        "é preciso anotar o tipo"),
    // a consumer vec without mut
    ("17", "E0596", "cannot change it: it is not mutable",
        "não dá para mudar: não é mutável"),
    // a receiver moved out of self
    ("18", "E0507", "cannot move out of something only borrowed",
        "não dá para mover algo que só está emprestado"),
    // a receiver moved while iterated
    ("19", "E0505", "a value moved while it is still borrowed",
        "um valor movido enquanto ainda está emprestado"),
    // a match without disconnected
    ("20", "E0004", "a `match` leaves cases out",
        "um `match` deixa casos de fora"),
    // send error not imported
    ("21", "E0531", "a pattern names a tuple struct or variant that is not in scope",
        "um padrão cita uma struct ou variante de tupla que não está no escopo"),
    // a request without its reply
    ("22", "E0063", "a struct or variant built without one of its fields",
        "uma struct ou variante criada sem um dos campos"),
    // a counter without mut
    ("23", "E0384", "cannot change it: it is not mutable",
        "não dá para mudar: não é mutável"),
];

/// Every exercise of [`EXPLAINED`] does not compile with its code, and
/// each language explains it under its own title after rustc's diagnostic,
/// with the pointer to the full text. All are run; the failures are told
/// together.
#[test]
fn each_usual_mistake_is_explained_after_rustcs_diagnostic_in_both_languages() {
    let mut wrong = Vec::new();
    for (number, code, en_title, pt_title) in EXPLAINED {
        let pointer =
            format!("`rustc --explain {code}` · https://doc.rust-lang.org/error_codes/{code}.html");
        for (lang, title, more) in [("en", en_title, "More:"), ("pt-BR", pt_title, "Mais:")] {
            let output = xtask(lang, &["verify", number]).output().unwrap();
            let stdout = String::from_utf8_lossy(&output.stdout);
            let diagnostic = stdout.find(&format!("error[{code}]"));
            let explanation = stdout.find(&format!("\n{code} · {title}\n"));
            if output.status.code() != Some(1) {
                wrong.push(format!("{number} {lang}: exit {:?}", output.status.code()));
            }
            if !(diagnostic.is_some() && explanation.is_some() && diagnostic < explanation) {
                wrong.push(format!(
                    "{number} {lang}: rustc's {code}, then \"{code} · {title}\", expected in:\n{stdout}"
                ));
            }
            if !stdout.contains(&format!("  {more} {pointer}")) {
                wrong.push(format!("{number} {lang}: the pointer for {code} expected"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
}

#[test]
fn an_unknown_code_gets_only_the_pointer() {
    xtask("en", &["verify", "24"])
        .assert()
        .code(1)
        .stdout(contains("error[E0614]"))
        .stdout(contains(
            "\nE0614\n  More: `rustc --explain E0614` · \
             https://doc.rust-lang.org/error_codes/E0614.html\n",
        ));
}

#[test]
fn errors_of_one_code_are_shown_once_and_the_others_in_a_line_each() {
    // The closure borrows `tx` and `count`: two E0373 with one cause.
    for (lang, more) in [
        ("en", "… and 1 more like it (E0373), with the same cause:"),
        ("pt-BR", "… e mais 1 como este (E0373), com a mesma causa:"),
    ] {
        let output = xtask(lang, &["verify", "04"]).assert().code(1);
        let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
        assert_eq!(stdout.matches("error[E0373]").count(), 1, "{stdout}");
        let first = stdout.find("error[E0373]").unwrap();
        let others = stdout.find(more);
        assert!(
            others.is_some_and(|at| at > first),
            "{more:?} expected in:\n{stdout}"
        );
        let line = stdout
            .lines()
            .find(|l| l.starts_with("  - "))
            .unwrap_or_default();
        assert!(
            line.contains("it borrows `") && line.contains("src/lib.rs:5)"),
            "one line naming the other borrow and its place expected in:\n{stdout}"
        );
    }
}

#[test]
fn an_unused_clone_in_the_learners_file_is_shown_next_to_the_error() {
    // `let tx1 = tx.clone();` while both closures still use `tx`: the
    // warning is the clue to the E0382, so it does not wait.
    xtask("en", &["verify", "03"])
        .assert()
        .code(1)
        .stdout(contains("warning: unused variable: `tx1`"))
        .stdout(contains("unused_variables · a variable that is never used"))
        .stdout(contains("warnings can wait").not());
    xtask("pt-BR", &["verify", "03"])
        .assert()
        .code(1)
        .stdout(contains(
            "unused_variables · uma variável que nunca é usada",
        ));
}

#[test]
fn the_exercises_own_note_comes_before_the_general_text() {
    for (lang, note, general) in [
        (
            "en",
            "  In this exercise:\n  Fixture note: the two producers share one tx.\n\n",
            "  A value that is not `Copy` has one owner.",
        ),
        (
            "pt-BR",
            "  Neste exercício:\n  Nota do fixture: os dois produtores dividem um tx.\n\n",
            "  Um valor que não é `Copy` tem um único dono.",
        ),
    ] {
        let output = xtask(lang, &["verify", "03"]).assert().code(1);
        let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
        let (note_at, general_at) = (stdout.find(note), stdout.find(general));
        assert!(
            note_at.is_some() && general_at.is_some() && note_at < general_at,
            "{lang}: the note, then the general text, expected in:\n{stdout}"
        );
    }
}

#[test]
fn an_ignored_send_result_is_shown_and_explained_after_a_pass() {
    xtask("en", &["verify", "01"])
        .assert()
        .success()
        .stdout(contains(
            "01 ignored_send · Fixture ignored_send: passes (1 test).",
        ))
        .stdout(contains(
            "The compiler also warns (the course asks for code without warnings):",
        ))
        .stdout(contains("warning: unused `Result` that must be used"))
        .stdout(contains("unused_must_use · a `Result` left unused"))
        .stdout(contains("warn-by-default.html#unused-must-use"));
    xtask("pt-BR", &["verify", "01"])
        .assert()
        .success()
        .stdout(contains("O compilador também avisa"))
        .stdout(contains("unused_must_use · um `Result` ignorado"))
        .stdout(contains(
            "`send` só falha quando o Receiver deixou de existir",
        ));
}

#[test]
fn drop_of_a_reference_is_explained_in_both_languages() {
    xtask("en", &["verify", "02"])
        .assert()
        .success()
        .stdout(contains(
            "dropping_references · `drop` of a reference does nothing",
        ));
    xtask("pt-BR", &["verify", "02"])
        .assert()
        .success()
        .stdout(contains(
            "dropping_references · `drop` de uma referência não faz nada",
        ));
}

#[test]
fn the_course_view_notes_passes_with_warnings_in_one_line() {
    xtask("pt-BR", &["verify"])
        .assert()
        .code(1)
        .stdout(contains("✓ Concluídos: 01–02"))
        .stdout(contains(
            "! 01 ignored_send passou, mas o compilador avisa (1 aviso): \
             `cargo xtask verify 01` mostra por quê.",
        ))
        // The warning itself waits for `verify 01`.
        .stdout(contains("unused_must_use ·").not())
        .stdout(contains("✗ 03 moved_sender"));
}

/// Exercise 02 of the course, as shipped: rustc's E0382, then the
/// exercise's own note on its two producers, then the general text.
#[test]
fn exercise_02_as_shipped_shows_its_own_note_on_e0382_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    for (lang, note, general) in [
        (
            "en",
            "Both producers use the one `tx` the function was given.",
            "A value that is not `Copy` has one owner.",
        ),
        (
            "pt-BR",
            "Os dois produtores usam o único `tx` que a função recebeu.",
            "Um valor que não é `Copy` tem um único dono.",
        ),
    ] {
        let output = xtask_in(root, lang, &["verify", "02"])
            // A cold build of the exercise and the support library.
            .timeout(Duration::from_secs(600))
            .assert()
            .code(1);
        let stdout = String::from_utf8_lossy(&output.get_output().stdout).into_owned();
        let order = [
            stdout.find("error[E0382]: use of moved value: `tx`"),
            stdout.find("E0382 · "),
            stdout.find(note),
            stdout.find(general),
            stdout.find("rustc --explain E0382"),
        ];
        assert!(
            order.iter().all(Option::is_some) && order.is_sorted(),
            "{lang}: diagnostic, title, note, general text, pointer expected in order:\n{stdout}"
        );
    }
}
