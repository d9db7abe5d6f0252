//! What teachers read when a course is graded (`verify --all`,
//! `--pristine`, the reports, `grade`), both languages side by side.

use crate::engine::pristine::Unavailable;
use crate::texts::{Lang, count};
use crate::tr;

/// Why `--pristine` cannot grade, and what to do about it.
pub fn unavailable(lang: Lang, why: &Unavailable) -> String {
    let refuse = tr!(
        lang,
        "cannot grade with the shipped files (--pristine): ",
        "não é possível avaliar com os arquivos originais (--pristine): "
    );
    let reason = match why {
        Unavailable::NoHistory(git) => tr!(
            lang,
            "they are taken from the course's git history, and there is none here ({git}). \
             Grade a git clone of the student's repository, not a download.",
            "eles vêm do histórico git do curso, e aqui não há um ({git}). \
             Avalie um clone git do repositório do aluno, não um download."
        ),
        Unavailable::Shallow => tr!(
            lang,
            "this is a shallow clone, without the commits that hold them. On GitHub Actions \
             give actions/checkout `fetch-depth: 0`; elsewhere run `git fetch --unshallow`.",
            "este é um clone raso, sem os commits que os guardam. No GitHub Actions \
             passe `fetch-depth: 0` ao actions/checkout; em outros lugares rode \
             `git fetch --unshallow`."
        ),
        Unavailable::NoRecord(folder) => tr!(
            lang,
            "{folder} has no shipped-files.txt, neither now nor in the first commit, so \
             nothing says which files it shipped with.",
            "{folder} não tem shipped-files.txt, nem agora nem no primeiro commit, então \
             nada diz com quais arquivos ele foi entregue."
        ),
        Unavailable::Missing { file, why } => tr!(
            lang,
            "the shipped version of {file} is not in this repository's history ({why}). \
             Was the history rewritten, or cloned without it?",
            "a versão original de {file} não está no histórico deste repositório ({why}). \
             O histórico foi reescrito, ou clonado sem ele?"
        ),
        Unavailable::Io(e) => tr!(
            lang,
            "the copy of the course to grade could not be written: {e}",
            "a cópia do curso a avaliar não pôde ser gravada: {e}"
        ),
    };
    format!("{refuse}{reason}")
}

/// Said before a pristine run's results, when the learner's copies differ.
pub fn pristine_differs(lang: Lang, files: &str) -> String {
    tr!(
        lang,
        "note: judged with the shipped files (--pristine); these differ in this copy of the \
         course and were not used: {files}",
        "nota: julgado com os arquivos originais (--pristine); estes diferem nesta cópia do \
         curso e não foram usados: {files}"
    )
}

/// The closing line of `verify --all`.
pub fn summary(lang: Lang, passed: usize, total: usize) -> String {
    tr!(
        lang,
        "Passed: {passed} of {}.",
        "Aprovados: {passed} de {}.",
        count(
            lang,
            total,
            ("exercise", "exercises"),
            ("exercício", "exercícios")
        )
    )
}

/// A test that never started.
pub fn test_not_run(lang: Lang, exercise_judged: bool) -> String {
    if exercise_judged {
        tr!(
            lang,
            "not run: an earlier test program of this exercise did not pass",
            "não rodou: um programa de testes anterior deste exercício não passou"
        )
    } else {
        exercise_not_run(lang)
    }
}

/// An exercise that was not judged.
pub fn exercise_not_run(lang: Lang) -> String {
    tr!(
        lang,
        "not run: an earlier exercise does not pass (use --all to judge every exercise)",
        "não rodou: um exercício anterior não passa (use --all para julgar todos)"
    )
}

/// A test whose result was lost with its process.
pub fn test_lost(lang: Lang) -> String {
    tr!(
        lang,
        "no result: its test process was stopped before it said (see the exercise's message)",
        "sem resultado: o processo de testes foi interrompido antes (veja a mensagem do exercício)"
    )
}

/// A failing test without a message of its own.
pub fn test_failed(lang: Lang) -> String {
    tr!(lang, "failed", "falhou")
}

/// `grade`'s table heading: student, exercises passed, exercises with
/// edited tests, notes.
pub fn table_heading(lang: Lang) -> [String; 4] {
    [
        tr!(lang, "student", "aluno"),
        tr!(lang, "passed", "aprovados"),
        tr!(lang, "tests edited", "testes alterados"),
        tr!(lang, "note", "nota"),
    ]
}

/// `grade`'s progress, on stderr.
pub fn grading_folder(lang: Lang, folder: &str) -> String {
    tr!(lang, "grading {folder}…", "avaliando {folder}…")
}

/// `grade` could not grade this folder.
pub fn not_graded(lang: Lang) -> String {
    tr!(lang, "not graded", "não avaliado")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shallow_clone_is_explained_in_both_languages() {
        let en = unavailable(Lang::En, &Unavailable::Shallow);
        let pt = unavailable(Lang::PtBr, &Unavailable::Shallow);
        assert!(en.contains("shallow clone") && en.contains("fetch-depth: 0"));
        assert!(pt.contains("clone raso") && pt.contains("fetch-depth: 0"));
    }

    #[test]
    fn the_summary_counts_exercises() {
        assert_eq!(summary(Lang::En, 1, 8), "Passed: 1 of 8 exercises.");
        assert_eq!(summary(Lang::PtBr, 1, 1), "Aprovados: 1 de 1 exercício.");
    }
}
