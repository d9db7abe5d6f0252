//! What a verdict says: its headline, why the exercise does not pass, and
//! what to do next, in the words of a [`Finding`] (what to show was decided
//! there). Both languages side by side.

use std::fmt::Write as _;

use crate::engine::build::Diagnostic;
use crate::engine::course::{Course, Exercise};
use crate::engine::judge::Verdict;
use crate::engine::process::Stream;
use crate::engine::stage::{Problem, ProblemKind};
use crate::findings::{
    self, CompileErrors, Ending, FailureGroup, Finding, PanicKind, Status, TestFailures, Told,
    Warnings, Why,
};
use crate::texts::quote::{self, quote};
use crate::texts::wrap::strip_ansi;
use crate::texts::{Lang, Paint, compiler, count, seconds};
use crate::tr;

/// `1 test failed, 2 passed`, `does not compile`, …
pub fn headline(lang: Lang, verdict: &Verdict) -> String {
    match verdict {
        Verdict::Pass { tests, .. } => tr!(
            lang,
            "passes ({})",
            "passou ({})",
            count(lang, *tests, ("test", "tests"), ("teste", "testes"))
        ),
        Verdict::Broken(_) => tr!(lang, "cannot be built", "não pode ser compilado"),
        Verdict::DoesNotCompile { .. } => tr!(lang, "does not compile", "não compila"),
        Verdict::TestsFail { failed, passed, .. } => tests_failed(lang, failed.len(), *passed),
        Verdict::TimedOut { limit, .. } => tr!(
            lang,
            "stopped: still running after {}",
            "interrompido: ainda rodando depois de {}",
            seconds(lang, *limit)
        ),
        Verdict::Flooded { .. } => tr!(
            lang,
            "stopped: it printed without end",
            "interrompido: imprimiu sem parar"
        ),
        Verdict::OutOfMemory { limit_mib, .. } => tr!(
            lang,
            "stopped: it used more than {limit_mib} MiB of memory",
            "interrompido: usou mais de {limit_mib} MiB de memória"
        ),
        Verdict::Crashed { how, .. } => tr!(
            lang,
            "the tests crashed ({})",
            "os testes quebraram ({})",
            ending(lang, &findings::ending(how))
        ),
        Verdict::BuildFailed { .. } => tr!(
            lang,
            "cargo could not build it",
            "o cargo não conseguiu compilá-lo"
        ),
        Verdict::NoTests => tr!(lang, "has no tests to run", "não tem testes para rodar"),
        Verdict::Cancelled => tr!(lang, "cancelled", "cancelado"),
        Verdict::Interrupted => tr!(lang, "interrupted", "interrompido"),
    }
}

fn tests_failed(lang: Lang, failed: usize, passed: usize) -> String {
    match (lang, failed == 1) {
        (Lang::En, true) => format!("1 test failed, {passed} passed"),
        (Lang::En, false) => format!("{failed} tests failed, {passed} passed"),
        (Lang::PtBr, one) => {
            let failed = if one {
                "1 teste falhou".to_owned()
            } else {
                format!("{failed} testes falharam")
            };
            let passed = if passed == 1 {
                "1 passou".to_owned()
            } else {
                format!("{passed} passaram")
            };
            format!("{failed}, {passed}")
        }
    }
}

fn ending(lang: Lang, how: &Ending) -> String {
    match how {
        Ending::Status { status, known } => {
            let name = known
                .map(|known| format!(", {}", status_name(lang, known)))
                .unwrap_or_default();
            tr!(
                lang,
                "exit code {status:#010X}{name}",
                "código de saída {status:#010X}{name}"
            )
        }
        Ending::Code(code) => tr!(lang, "exit code {code}", "código de saída {code}"),
        Ending::Signal { number, name } => {
            let name = name.map(|n| format!(" {n}")).unwrap_or_default();
            tr!(lang, "signal {number}{name}", "sinal {number}{name}")
        }
        Ending::Unknown(text) => text.clone(),
    }
}

/// What a Windows exit status means.
fn status_name(lang: Lang, status: Status) -> String {
    match status {
        Status::AccessViolation => tr!(lang, "invalid memory access", "acesso inválido à memória"),
        Status::OutOfMemory => tr!(lang, "out of memory", "sem memória"),
        Status::StackOverflow => tr!(lang, "stack overflow", "estouro de pilha"),
        Status::CtrlC => tr!(lang, "Ctrl-C", "Ctrl-C"),
        Status::Aborted => tr!(lang, "aborted", "abortado"),
    }
}

/// Why one exercise does not pass, and (with `next_steps`: the learner's
/// own files) what to do next.
pub fn explain(
    course: &Course,
    ui: &dyn Paint,
    exercise: &Exercise,
    verdict: &Verdict,
    finding: &Finding,
    next_steps: bool,
) -> String {
    let lang = ui.lang();
    let mut out = String::new();
    let title = format!(
        "{} · {}: {}",
        exercise.label(),
        exercise.texts(lang).title,
        headline(lang, verdict)
    );
    let _ = writeln!(
        out,
        "\n{}\n",
        ui.wrap(&format!("{} {}", ui.bad("✗"), ui.bold(&title)))
    );
    let body = match &finding.why {
        Why::Nothing => String::new(),
        Why::Broken(problem) => broken(course, lang, exercise, problem),
        Why::DoesNotCompile(errors) => does_not_compile(ui, exercise, errors),
        Why::TestsFail(failures) => tests_fail(course, ui, failures),
        Why::TimedOut { running } => timed_out(lang, exercise, running),
        Why::Flooded {
            head,
            stream,
            limit_mib,
        } => flooded(lang, head, *stream, *limit_mib),
        Why::OutOfMemory { stderr_tail } => out_of_memory(lang, stderr_tail),
        Why::Crashed { stderr_tail } => crashed(lang, stderr_tail),
        Why::BuildFailed { cargo } => {
            let cargo = if ui.color() {
                (*cargo).to_owned()
            } else {
                strip_ansi(cargo)
            };
            format!("{}\n", cargo.trim_end())
        }
        Why::NoTests => tr!(
            lang,
            "No test executable was built for it: does its tests/ folder exist? \
             `cargo xtask reset {:02}` brings back the shipped tests.\n",
            "Nenhum executável de teste foi gerado: a pasta tests/ existe? \
             `cargo xtask reset {:02}` traz de volta os testes originais.\n",
            exercise.number
        ),
    };
    // rustc's and cargo's own text is laid out already: the rest is prose.
    match &finding.why {
        Why::DoesNotCompile(_) | Why::BuildFailed { .. } => out.push_str(&body),
        _ => out.push_str(&ui.wrap(&body)),
    }
    out.push_str(&warnings(ui, exercise, &finding.warnings));
    if next_steps {
        out.push_str(&ui.wrap(&what_next(course, ui, exercise)));
    }
    out
}

fn what_next(course: &Course, ui: &dyn Paint, exercise: &Exercise) -> String {
    let lang = ui.lang();
    let mut out = String::from("\n");
    let readme = exercise.instructions(lang);
    let _ = writeln!(
        out,
        "  {} {}",
        tr!(lang, "Instructions:", "Instruções:"),
        ui.link(&readme, &course.relative(&readme))
    );
    for file in &exercise.edit {
        let path = exercise.dir.join(file);
        let _ = writeln!(
            out,
            "  {} {}",
            tr!(lang, "Edit:        ", "Edite:      "),
            ui.link(&path, &course.relative(&path))
        );
    }
    let _ = writeln!(
        out,
        "  {}",
        tr!(
            lang,
            "Stuck? Run `cargo xtask hint {:02}`.",
            "Travou? Rode `cargo xtask hint {:02}`.",
            exercise.number
        )
    );
    out
}

fn broken(course: &Course, lang: Lang, exercise: &Exercise, problem: &Problem) -> String {
    let file = course.relative(&problem.file);
    let n = exercise.number;
    match &problem.kind {
        ProblemKind::FolderMissing => tr!(
            lang,
            "The folder {file} is missing. If you renamed or moved it, give it back its \
             name and place; `git checkout -- {file}` brings it back as shipped.\n",
            "A pasta {file} não existe. Se você a renomeou ou moveu, devolva o nome e o \
             lugar dela; `git checkout -- {file}` a traz de volta como veio.\n"
        ),
        ProblemKind::FileMissing => tr!(
            lang,
            "{file} is missing. `cargo xtask reset {n:02}` brings back the shipped version \
             (it saves your other files first).\n",
            "{file} não existe. `cargo xtask reset {n:02}` traz de volta a versão original \
             (antes, salva os seus outros arquivos).\n"
        ),
        ProblemKind::Manifest(why) => {
            format!(
                "{}\n{}",
                tr!(
                    lang,
                    "cargo cannot use {file}:",
                    "o cargo não consegue usar {file}:"
                ),
                quote(lang, why, "    | ")
            ) + &tr!(
                lang,
                "Undo your change to it, or run `cargo xtask reset {n:02}` to restore the \
             shipped version (yours is saved first).\n",
                "Desfaça a sua mudança nele, ou rode `cargo xtask reset {n:02}` para restaurar \
             a versão original (a sua é salva antes).\n"
            )
        }
        ProblemKind::Metadata(why) => {
            let why = crate::texts::messages::metadata_problem(lang, why);
            tr!(
                lang,
                "{file}, which describes the exercise to the runner, cannot be used: {why}\n\
             `cargo xtask reset {n:02}` restores it.\n",
                "{file}, que descreve o exercício para o corretor, não pode ser usado: {why}\n\
             `cargo xtask reset {n:02}` o restaura.\n"
            )
        }
    }
}

fn does_not_compile(ui: &dyn Paint, exercise: &Exercise, found: &CompileErrors) -> String {
    let lang = ui.lang();
    let mut out = String::new();
    for (first, others) in &found.groups {
        let _ = writeln!(out, "{}\n", as_printed(ui, first));
        if !others.is_empty() {
            out.push_str(&more_like_it(ui, first, others));
        }
    }
    if found.more_errors > 0 {
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "… and {} more.\n",
                "… e mais {}.\n",
                count(
                    lang,
                    found.more_errors,
                    ("error", "errors"),
                    ("erro", "erros")
                )
            )
        );
    }
    for w in &found.warnings {
        let _ = writeln!(out, "{}\n", as_printed(ui, w));
    }
    out.push_str(&compiler::explain(ui, exercise, &found.explained));
    if found.other_warnings > 0 {
        let text = tr!(
            lang,
            "The compiler also warned ({}); warnings can wait until the errors are fixed.",
            "O compilador também avisou ({}); avisos podem esperar até os erros serem \
             corrigidos.",
            count(
                lang,
                found.other_warnings,
                ("warning", "warnings"),
                ("aviso", "avisos")
            )
        );
        let _ = writeln!(out, "{}\n", ui.wrap(&text));
    }
    let _ = writeln!(
        out,
        "{}",
        ui.wrap(&tr!(
            lang,
            "Read the first error first: the later ones often follow from it.",
            "Leia o primeiro erro antes: os seguintes costumam ser consequência dele."
        ))
    );
    out
}

/// Diagnostics of the same code as the one just shown: one line each (at
/// most three), rustc's message and its place.
fn more_like_it(ui: &dyn Paint, first: &Diagnostic, others: &[&Diagnostic]) -> String {
    let lang = ui.lang();
    let code = first.code.as_deref().unwrap_or_default();
    let n = others.len();
    let mut out = format!(
        "{}\n",
        ui.wrap(&tr!(
            lang,
            "… and {n} more like it ({code}), with the same cause:",
            "… e mais {n} como este ({code}), com a mesma causa:"
        ))
    );
    for d in others.iter().take(3) {
        let place = d
            .place
            .as_ref()
            .map(|(file, line)| format!(" ({file}:{line})"))
            .unwrap_or_default();
        let _ = writeln!(out, "{}", ui.wrap(&format!("  - {}{place}", d.message)));
    }
    if n > 3 {
        let _ = writeln!(out, "  - …");
    }
    out.push('\n');
    out
}

/// A diagnostic as rustc printed it: in colour on a terminal, plain
/// elsewhere.
fn as_printed(ui: &dyn Paint, diagnostic: &Diagnostic) -> String {
    let rendered = if ui.color() {
        diagnostic.rendered.clone()
    } else {
        strip_ansi(&diagnostic.rendered)
    };
    rendered.trim_end().to_owned()
}

/// The compiler's warnings about code that compiles, as rustc printed
/// them, then what the known ones mean; empty when there are none.
pub fn warnings(ui: &dyn Paint, exercise: &Exercise, warnings: &Warnings) -> String {
    let lang = ui.lang();
    if warnings.shown.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} {}\n\n",
        ui.warn("!"),
        tr!(
            lang,
            "The compiler also warns (the course asks for code without warnings):",
            "O compilador também avisa (o curso pede código sem avisos):"
        )
    );
    for w in &warnings.shown {
        let _ = writeln!(out, "{}\n", as_printed(ui, w));
    }
    if warnings.more > 0 {
        let more = warnings.more;
        let _ = writeln!(
            out,
            "{}\n",
            tr!(
                lang,
                "… and {} more.",
                "… e mais {}.",
                count(lang, more, ("warning", "warnings"), ("aviso", "avisos"))
            )
        );
    }
    out.push_str(&compiler::explain(ui, exercise, &warnings.shown));
    format!("{}\n", out.trim_end())
}

/// One line for an exercise that passes with warnings, where the report
/// does not show them.
pub fn passes_with_warnings(lang: Lang, exercise: &Exercise, warnings: usize) -> String {
    tr!(
        lang,
        "{} passes, but the compiler warns ({}): `cargo xtask verify {:02}` shows why.",
        "{} passou, mas o compilador avisa ({}): `cargo xtask verify {:02}` mostra por quê.",
        exercise.label(),
        count(lang, warnings, ("warning", "warnings"), ("aviso", "avisos")),
        exercise.number
    )
}

fn tests_fail(course: &Course, ui: &dyn Paint, failures: &TestFailures) -> String {
    let mut told = Telling {
        course,
        ui,
        out: String::new(),
    };
    for group in &failures.groups {
        told.failed_test(group);
    }
    if failures.more > 0 {
        told.more_tests(failures.more);
    }
    for stray in &failures.strays {
        told.stray(&stray.panic, stray.count);
    }
    told.out
}

/// The failures told so far.
struct Telling<'a> {
    course: &'a Course,
    ui: &'a dyn Paint,
    out: String,
}

impl Telling<'_> {
    fn failed_test(&mut self, group: &FailureGroup) {
        let (ui, lang) = (self.ui, self.ui.lang());
        let names = &group.names;
        let _ = writeln!(self.out, "  {} {}", ui.bad("✗"), ui.bold(names[0]));
        if names.len() > 1 {
            let others = names[1..].join(", ");
            let same = tr!(
                lang,
                "(and, for the same reason: {others})",
                "(e, pelo mesmo motivo: {others})"
            );
            let _ = writeln!(self.out, "{}", ui.dim(&ui.wrap(&format!("    {same}"))));
        }
        match &group.panic {
            Some(p) => self.panic(p),
            None => {
                let none = tr!(
                    lang,
                    "(it failed without a message)",
                    "(falhou sem mensagem)"
                );
                let _ = writeln!(self.out, "    {none}");
            }
        }
        for p in &group.evidence {
            let before = tr!(
                lang,
                "Before that, your code panicked here:",
                "Antes disso, o seu código entrou em pânico aqui:"
            );
            let _ = writeln!(self.out, "    {}", ui.dim(&before));
            self.panic(p);
        }
    }

    fn more_tests(&mut self, more: usize) {
        let lang = self.ui.lang();
        let tests = count(
            lang,
            more,
            ("failing test", "failing tests"),
            ("teste falhando", "testes falhando"),
        );
        let _ = writeln!(
            self.out,
            "  {}",
            tr!(lang, "… and {tests} more.", "… e mais {tests}.")
        );
    }

    /// A panic of a thread that is not a test (`n` panicked alike).
    fn stray(&mut self, p: &Told, n: usize) {
        let lang = self.ui.lang();
        let thread = crate::texts::quote::visible(&p.panic.thread);
        // Who started the thread is not known: the test may have.
        let said = match n {
            1 => tr!(
                lang,
                "another thread (`{thread}`) panicked:",
                "outra thread (`{thread}`) entrou em pânico:"
            ),
            _ => tr!(
                lang,
                "{n} other threads (`{thread}`) panicked the same way:",
                "outras {n} threads (`{thread}`) entraram em pânico do mesmo jeito:"
            ),
        };
        let said = format!("  {} {said}", self.ui.warn("!"));
        let _ = writeln!(self.out, "\n{}", self.ui.wrap(&said));
        self.panic(p);
    }

    /// A panic's note when one is due, its message (quoted safely) and its
    /// place in the course.
    fn panic(&mut self, told: &Told) {
        let ui = self.ui;
        if let Some(kind) = told.note {
            let note = panic_note(ui.lang(), kind);
            let _ = writeln!(self.out, "{}", ui.warn(&ui.wrap(&format!("    {note}"))));
        }
        let panic = told.panic;
        // Paths inside the course, as the learner sees them.
        let message = self.course.strip_root(&panic.message);
        let message = untranslated(ui.lang(), &message);
        let quoted =
            quote::quote_at_most(ui.lang(), &message, "    ", findings::SHOWN_MESSAGE_LINES);
        self.out.push_str(&ui.wrap(&quoted));
        let place = self.course.strip_root(&panic.location);
        let _ = writeln!(self.out, "    {}", self.ui.dim(&format!("({place})")));
    }
}

/// The learner's language for the few English words of the standard
/// library a panic message can be (`todo!()`'s).
fn untranslated(lang: Lang, message: &str) -> String {
    match (lang, message.strip_prefix(findings::TODO_MESSAGE)) {
        (Lang::PtBr, Some(rest)) => format!("ainda não implementado{rest}"),
        _ => message.to_owned(),
    }
}

/// What a well-known panic means, in words about channels.
fn panic_note(lang: Lang, kind: PanicKind) -> String {
    match kind {
        PanicKind::Todo => tr!(
            lang,
            "`todo!()` is still where your code goes: replace it.",
            "o `todo!()` ainda está onde vai o seu código: substitua-o."
        ),
        PanicKind::RecvError => tr!(
            lang,
            "recv() returned Err(RecvError): every Sender of the channel is gone, so no \
             message can ever come. That is the normal end of a consumer, not a crash: \
             `while let Ok(msg) = rx.recv()` (or `for msg in rx`) ends the loop there \
             instead of unwrapping.",
            "recv() devolveu Err(RecvError): todos os Senders do canal deixaram de existir, \
             então nenhuma mensagem pode chegar. Esse é o fim normal de um consumidor, não \
             uma falha: `while let Ok(msg) = rx.recv()` (ou `for msg in rx`) termina o laço \
             aí, em vez de usar unwrap."
        ),
        PanicKind::SendError => tr!(
            lang,
            "send() returned Err(SendError): the Receiver is gone, so nobody will read this \
             message. The error gives the message back (`err.0`); a producer should stop \
             there instead of unwrapping.",
            "send() devolveu Err(SendError): o Receiver deixou de existir, então ninguém vai \
             ler essa mensagem. O erro devolve a mensagem (`err.0`); o produtor deve parar \
             aí, em vez de usar unwrap."
        ),
        PanicKind::Poisoned => tr!(
            lang,
            "The Mutex is poisoned: another thread panicked while it held the lock, so \
             every later lock() returns Err(PoisonError). Release the lock before running \
             work that may panic; to go on anyway, `lock().unwrap_or_else(PoisonError::into_inner)` \
             hands you the guard.",
            "O Mutex está envenenado: outra thread entrou em pânico enquanto segurava o lock, \
             e todo lock() depois disso devolve Err(PoisonError). Libere o lock antes de rodar \
             um trabalho que pode entrar em pânico; para seguir mesmo assim, \
             `lock().unwrap_or_else(PoisonError::into_inner)` entrega o guard."
        ),
    }
}

fn timed_out(lang: Lang, exercise: &Exercise, running: &[String]) -> String {
    let mut out = String::new();
    if !running.is_empty() {
        let names = running.join(", ");
        let _ = writeln!(
            out,
            "{}\n",
            tr!(lang, "Still running: {names}", "Ainda rodando: {names}")
        );
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "The tests were stopped, together with every thread and program they started. \
             A receiver's recv() waits for as long as any Sender of its channel is alive, \
             and a loop with no way out never ends.",
            "Os testes foram interrompidos, junto com todas as threads e programas que \
             iniciaram. O recv() de um receptor espera enquanto existir qualquer Sender do \
             canal, e um laço sem saída nunca termina."
        )
    );
    let _ = writeln!(out, "\n{}", exercise.texts(lang).on_timeout);
    let _ = writeln!(
        out,
        "\n{}",
        tr!(
            lang,
            "The five usual ways a channel program hangs: README.md, \"How channel programs hang\".",
            "As cinco formas comuns de um programa com canais travar: README.pt-BR.md, \
             \"Como um programa com canais trava\"."
        )
    );
    out
}

fn flooded(lang: Lang, head: &str, stream: Stream, limit: usize) -> String {
    let mut out = tr!(
        lang,
        "The tests wrote more than {limit} MiB of output and did not stop, so they were \
         stopped. Usually a loop that never ends is printing: a producer that ignores \
         send's error, or a consumer that keeps polling an empty channel.\n",
        "Os testes escreveram mais de {limit} MiB de saída sem parar e foram \
         interrompidos. Quase sempre é um laço sem fim imprimindo: um produtor que ignora \
         o erro do send, ou um consumidor que consulta sem parar um canal vazio.\n"
    );
    if !head.is_empty() {
        let on = match stream {
            Stream::Stdout => "stdout",
            Stream::Stderr => "stderr",
        };
        let _ = writeln!(
            out,
            "\n{}",
            tr!(lang, "It began with ({on}):", "Começou com ({on}):")
        );
        out.push_str(&quote(lang, head, "    | "));
    }
    out
}

fn out_of_memory(lang: Lang, stderr_tail: &str) -> String {
    let mut out = tr!(
        lang,
        "The tests ran out of the memory they are allowed, so an allocation failed. \
         In channel code that is nearly always an unbounded channel that nobody drains \
         (a producer much faster than its consumer, or a consumer that stopped), or a \
         Vec that only grows. A bounded `sync_channel` makes a fast producer wait.\n",
        "Os testes esgotaram a memória permitida, e uma alocação falhou. Em código com \
         canais isso quase sempre é um canal sem limite que ninguém esvazia (um produtor \
         muito mais rápido que o consumidor, ou um consumidor que parou), ou um Vec que \
         só cresce. Um `sync_channel` com limite faz o produtor rápido esperar.\n"
    );
    out.push_str(&quote(lang, stderr_tail, "    | "));
    out
}

fn crashed(lang: Lang, stderr_tail: &str) -> String {
    let mut out = tr!(
        lang,
        "The test program ended before it could report its results: the code may have \
         called std::process::exit, overflowed its stack, or aborted.\n",
        "O programa de testes terminou antes de relatar os resultados: o código pode ter \
         chamado std::process::exit, estourado a pilha ou abortado.\n"
    );
    out.push_str(&quote(lang, stderr_tail, "    | "));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::judge::{Exit, FailedTest};

    #[test]
    fn headlines_count_in_each_language() {
        let v = |failed: usize, passed: usize| Verdict::TestsFail {
            failed: (0..failed)
                .map(|i| FailedTest {
                    name: i.to_string(),
                    panic: None,
                    evidence: Vec::new(),
                })
                .collect(),
            strays: Vec::new(),
            passed,
            warnings: Vec::new(),
        };
        assert_eq!(headline(Lang::En, &v(1, 1)), "1 test failed, 1 passed");
        assert_eq!(headline(Lang::En, &v(2, 0)), "2 tests failed, 0 passed");
        assert_eq!(headline(Lang::PtBr, &v(1, 1)), "1 teste falhou, 1 passou");
        assert_eq!(
            headline(Lang::PtBr, &v(3, 2)),
            "3 testes falharam, 2 passaram"
        );
        assert_eq!(
            headline(
                Lang::PtBr,
                &Verdict::Pass {
                    tests: 1,
                    warnings: Vec::new()
                }
            ),
            "passou (1 teste)"
        );
    }

    #[test]
    fn windows_crash_statuses_are_named_in_hex() {
        let overflow = findings::ending(&Exit::Code(0xC000_00FD_u32 as i32));
        assert_eq!(
            ending(Lang::En, &overflow),
            "exit code 0xC00000FD, stack overflow"
        );
        assert_eq!(
            ending(Lang::PtBr, &overflow),
            "código de saída 0xC00000FD, estouro de pilha"
        );
        let unknown = findings::ending(&Exit::Code(0xC000_0135_u32 as i32));
        assert_eq!(ending(Lang::En, &unknown), "exit code 0xC0000135");
        assert_eq!(
            ending(Lang::En, &findings::ending(&Exit::Code(101))),
            "exit code 101"
        );
    }

    #[test]
    fn well_known_panics_get_a_note_in_both_languages() {
        for lang in Lang::ALL {
            assert!(panic_note(lang, PanicKind::RecvError).contains("Sender"));
        }
    }
}
