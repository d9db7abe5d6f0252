//! The maintainers' texts: the check's and seal's lines. Both languages,
//! as the learner's runner writes them, since the check runs in either.

use xtask::engine::course::MetadataProblem;
use xtask::texts::{Lang, count, messages};
use xtask::tr;

pub fn sealed(lang: Lang, changed: bool) -> String {
    if changed {
        tr!(lang, "updated", "atualizado")
    } else {
        tr!(lang, "unchanged", "sem mudança")
    }
}

#[derive(Clone, Copy)]
pub enum Section {
    Texts,
    ShippedFail,
    SolutionsPass,
    Catalogue,
    Lints,
}

pub fn check_section(lang: Lang, section: Section, rounds: u32) -> String {
    match section {
        Section::Texts => tr!(
            lang,
            "texts and files checked",
            "textos e arquivos conferidos"
        ),
        Section::ShippedFail => tr!(
            lang,
            "every shipped exercise fails",
            "todo exercício original falha"
        ),
        Section::SolutionsPass => tr!(
            lang,
            "every solution passes ({})",
            "toda solução passa ({})",
            rounds_said(lang, rounds)
        ),
        Section::Catalogue => tr!(
            lang,
            "every answer of the catalogue gets its verdict ({})",
            "toda resposta do catálogo recebe o seu veredito ({})",
            rounds_said(lang, rounds)
        ),
        Section::Lints => tr!(lang, "clippy and rustfmt", "clippy e rustfmt"),
    }
}

/// "3 rounds, every other one under load"; one round is never loaded.
fn rounds_said(lang: Lang, rounds: u32) -> String {
    let n = count(
        lang,
        rounds as usize,
        ("round", "rounds"),
        ("rodada", "rodadas"),
    );
    if rounds < 2 {
        n
    } else {
        tr!(
            lang,
            "{n}, every other one under load",
            "{n}, uma sim outra não com a máquina carregada"
        )
    }
}

pub fn check_passed(lang: Lang, n: usize, secs: f64) -> String {
    let secs = xtask::texts::seconds(
        lang,
        std::time::Duration::from_secs_f64((secs * 10.0).round() / 10.0),
    );
    tr!(
        lang,
        "check passed: {} sound ({secs})",
        "check passou: {} em ordem ({secs})",
        count(
            lang,
            n,
            ("exercise", "exercises"),
            ("exercício", "exercícios")
        )
    )
}

pub fn check_failed(lang: Lang, n: usize) -> String {
    tr!(
        lang,
        "check failed: {}",
        "check falhou: {}",
        count(lang, n, ("problem", "problems"), ("problema", "problemas"))
    )
}

pub fn check_folder_missing(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label}: the exercise's folder is missing (its solution exists)",
        "{label}: a pasta do exercício não existe (a solução existe)"
    )
}

pub fn check_bad_metadata(lang: Lang, label: &str, why: &MetadataProblem) -> String {
    let why = messages::metadata_problem(lang, why);
    tr!(
        lang,
        "{label}: exercise.toml is malformed: {why}",
        "{label}: exercise.toml malformado: {why}"
    )
}

pub fn check_readme_missing(lang: Lang, label: &str, readme: &str) -> String {
    tr!(
        lang,
        "{label}: {readme} is missing or empty",
        "{label}: {readme} está faltando ou vazio"
    )
}

pub fn check_solution_missing(lang: Lang, label: &str, shown: &str) -> String {
    tr!(
        lang,
        "{label}: the solution has no {shown}",
        "{label}: a solução não tem {shown}"
    )
}

pub fn check_stale_record(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label}: shipped-files.txt is missing or stale; run `cargo xtask seal` after changing an exercise",
        "{label}: shipped-files.txt falta ou está desatualizado; rode `cargo xtask seal` depois de mudar um exercício"
    )
}

pub fn check_monolingual(lang: Lang, label: &str, place: &str, call: &str) -> String {
    tr!(
        lang,
        "{label}: {place} uses {call}..., whose message would be English only; use course_support::check or fail with both languages",
        "{label}: {place} usa {call}..., cuja mensagem seria só em inglês; use course_support::check ou fail com os dois idiomas"
    )
}

pub fn check_banned(lang: Lang, place: &str, banned: &str, instead: &str) -> String {
    tr!(
        lang,
        "{place}: \"{banned}\" is a rendering GLOSSARY.md bans from the Portuguese texts; write \"{instead}\"",
        "{place}: \"{banned}\" é uma tradução que o GLOSSARY.md proíbe nos textos em português; escreva \"{instead}\""
    )
}

pub fn check_glossary_unreadable(lang: Lang, why: &str) -> String {
    tr!(
        lang,
        "GLOSSARY.md: its list of banned Portuguese renderings cannot be read: {why}",
        "GLOSSARY.md: a lista de traduções proibidas em português não pode ser lida: {why}"
    )
}

pub fn check_shipped_passes(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label}: the shipped exercise passes its tests; it must fail until solved",
        "{label}: o exercício original passa nos testes; ele precisa falhar até ser resolvido"
    )
}

pub fn check_warnings(lang: Lang, label: &str, solution: bool, said: &str) -> String {
    if solution {
        tr!(
            lang,
            "{label}: the solution builds with warnings:\n{said}",
            "{label}: a solução compila com avisos:\n{said}"
        )
    } else {
        tr!(
            lang,
            "{label}: the shipped exercise builds with warnings:\n{said}",
            "{label}: o exercício original compila com avisos:\n{said}"
        )
    }
}

pub fn check_solution_does_not_compile(lang: Lang, label: &str, said: &str) -> String {
    tr!(
        lang,
        "{label}: the solution does not compile:\n{said}",
        "{label}: a solução não compila:\n{said}"
    )
}

pub fn check_solution_broken(lang: Lang, label: &str, why: &str) -> String {
    tr!(
        lang,
        "{label}: the solution cannot be built: {why}",
        "{label}: a solução não pode ser compilada: {why}"
    )
}

pub fn check_cargo_warns(lang: Lang, warning: &str) -> String {
    tr!(lang, "cargo warns: {warning}", "o cargo avisa: {warning}")
}

pub fn check_solutions_do_not_build(lang: Lang, err: &str) -> String {
    tr!(
        lang,
        "the solutions do not build:\n{err}",
        "as soluções não compilam:\n{err}"
    )
}

pub fn check_round(lang: Lang, round: u32, loaded: bool, why: &str) -> String {
    let busy = if loaded {
        tr!(lang, " (machine loaded)", " (máquina carregada)")
    } else {
        String::new()
    };
    tr!(
        lang,
        "round {round}{busy}: {why}",
        "rodada {round}{busy}: {why}"
    )
}

pub fn check_bad_answer(lang: Lang, file: &str, why: &str) -> String {
    tr!(
        lang,
        "{file}: the catalogue answer's header is wrong: {why}",
        "{file}: o cabeçalho da resposta do catálogo está errado: {why}"
    )
}

pub fn check_thin_catalogue(lang: Lang, label: &str, passing: usize, failing: usize) -> String {
    tr!(
        lang,
        "{label}: the catalogue needs at least 2 correct answers and 4 wrong ones; it has {passing} and {failing}",
        "{label}: o catálogo precisa de pelo menos 2 respostas corretas e 4 erradas; tem {passing} e {failing}"
    )
}

pub fn check_answer_should_pass(lang: Lang, label: &str, report: &str) -> String {
    tr!(
        lang,
        "catalogue {label}: a correct answer fails (do the tests demand one way of writing it?):\n{report}",
        "catálogo {label}: uma resposta correta falha (os testes exigem um só jeito de escrever?):\n{report}"
    )
}

pub fn check_answer_should_fail(lang: Lang, label: &str, why: &str) -> String {
    tr!(
        lang,
        "catalogue {label}: a wrong answer passes ({why}); the tests must catch it",
        "catálogo {label}: uma resposta errada passa ({why}); os testes precisam pegá-la"
    )
}

pub fn check_answer_unsaid(
    lang: Lang,
    label: &str,
    code: &str,
    missing: &str,
    report: &str,
) -> String {
    tr!(
        lang,
        "catalogue {label}: the [{code}] report does not say \"{missing}\":\n{report}",
        "catálogo {label}: o relato em [{code}] não diz \"{missing}\":\n{report}"
    )
}

pub fn check_tool_unhappy(lang: Lang, name: &str, said: &str) -> String {
    tr!(
        lang,
        "{name} is not satisfied:\n{said}",
        "o {name} reclamou:\n{said}"
    )
}
