//! What a verdict says: its headline, why the exercise does not pass, and
//! what to do next. Both languages side by side.

use std::fmt::Write as _;

use crate::engine::build::Diagnostic;
use crate::engine::course::{Course, Exercise};
use crate::engine::judge::{Exit, FailedTest, OUTPUT_LIMIT, Verdict};
use crate::engine::libtest::Panic;
use crate::engine::process::Stream;
use crate::engine::stage::{Problem, ProblemKind};
use crate::texts::quote::{self, quote};
use crate::texts::{Lang, compiler, count, seconds};
use crate::tr;
use crate::ui::{Ui, strip_ansi};

/// Diagnostics shown in full; the rest are counted.
const SHOWN_ERRORS: usize = 4;
/// Compiler warnings shown in full; the rest are counted.
const SHOWN_WARNINGS: usize = 2;
/// Groups of failing tests shown in full.
const SHOWN_GROUPS: usize = 3;
/// Lines of one panic message shown (a message with a timeline is about
/// twenty): a report should fit a screen.
const SHOWN_MESSAGE_LINES: usize = 24;

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
            exit(lang, how)
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

fn exit(lang: Lang, how: &Exit) -> String {
    match how {
        // Windows reports a crash as an NTSTATUS exit code (negative as an
        // i32): shown in hex, as Windows' own tools and documentation do.
        Exit::Code(code) if *code < 0 => {
            let status = *code as u32;
            let name = windows_status(lang, status)
                .map(|name| format!(", {name}"))
                .unwrap_or_default();
            tr!(
                lang,
                "exit code {status:#010X}{name}",
                "código de saída {status:#010X}{name}"
            )
        }
        Exit::Code(code) => tr!(lang, "exit code {code}", "código de saída {code}"),
        Exit::Signal(signal) => {
            let name = match signal {
                6 => " SIGABRT",
                9 => " SIGKILL",
                11 => " SIGSEGV",
                _ => "",
            };
            tr!(lang, "signal {signal}{name}", "sinal {signal}{name}")
        }
        Exit::Unknown(text) => text.clone(),
    }
}

/// What the Windows exit statuses a test process can end with mean.
fn windows_status(lang: Lang, status: u32) -> Option<String> {
    Some(match status {
        0xC000_0005 => tr!(lang, "invalid memory access", "acesso inválido à memória"),
        0xC000_0017 => tr!(lang, "out of memory", "sem memória"),
        0xC000_00FD => tr!(lang, "stack overflow", "estouro de pilha"),
        0xC000_013A => tr!(lang, "Ctrl-C", "Ctrl-C"),
        // Rust's `abort` (a panic during a panic, a failed allocation).
        0xC000_0409 => tr!(lang, "aborted", "abortado"),
        _ => return None,
    })
}

/// Why one exercise does not pass, and (for the learner's own files) what
/// to do next.
pub fn explain(
    course: &Course,
    ui: &Ui,
    exercise: &Exercise,
    verdict: &Verdict,
    learner: bool,
) -> String {
    let lang = ui.lang;
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
    let body = match verdict {
        Verdict::Pass { .. } | Verdict::Cancelled | Verdict::Interrupted => String::new(),
        Verdict::Broken(problem) => broken(course, lang, exercise, problem),
        Verdict::DoesNotCompile { errors, warnings } => {
            does_not_compile(ui, exercise, errors, warnings)
        }
        Verdict::TestsFail { failed, strays, .. } => tests_fail(course, ui, failed, strays),
        Verdict::TimedOut { running, .. } => timed_out(lang, exercise, running),
        Verdict::Flooded { head, stream } => flooded(lang, head, *stream),
        Verdict::OutOfMemory { stderr_tail, .. } => out_of_memory(lang, stderr_tail),
        Verdict::Crashed { stderr_tail, .. } => crashed(lang, stderr_tail),
        Verdict::BuildFailed { cargo } => {
            let cargo = if ui.color {
                cargo.clone()
            } else {
                strip_ansi(cargo)
            };
            format!("{}\n", cargo.trim_end())
        }
        Verdict::NoTests => tr!(
            lang,
            "No test executable was built for it: does its tests/ folder exist? \
             `cargo xtask reset {:02}` brings back the shipped tests.\n",
            "Nenhum executável de teste foi gerado: a pasta tests/ existe? \
             `cargo xtask reset {:02}` traz de volta os testes originais.\n",
            exercise.number
        ),
    };
    // rustc's and cargo's own text is laid out already: the rest is prose.
    match verdict {
        Verdict::DoesNotCompile { .. } | Verdict::BuildFailed { .. } => out.push_str(&body),
        _ => out.push_str(&ui.wrap(&body)),
    }
    if !matches!(verdict, Verdict::DoesNotCompile { .. }) {
        out.push_str(&warnings(ui, exercise, verdict.warnings()));
    }
    if learner && !verdict.stopped() {
        out.push_str(&ui.wrap(&next_steps(course, ui, exercise)));
    }
    out
}

fn next_steps(course: &Course, ui: &Ui, exercise: &Exercise) -> String {
    let lang = ui.lang;
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

fn does_not_compile(
    ui: &Ui,
    exercise: &Exercise,
    errors: &[Diagnostic],
    warnings: &[Diagnostic],
) -> String {
    let lang = ui.lang;
    let mut out = String::new();
    // Errors of one code usually have one cause (`move` missing, and each
    // variable the closure borrows gets its own E0373): the first is shown
    // in full, the others in one line each.
    let groups = alike(errors);
    for (first, others) in groups.iter().take(SHOWN_ERRORS) {
        let _ = writeln!(out, "{}\n", as_printed(ui, first));
        if !others.is_empty() {
            out.push_str(&more_like_it(ui, first, others));
        }
    }
    if groups.len() > SHOWN_ERRORS {
        let more: usize = groups[SHOWN_ERRORS..]
            .iter()
            .map(|(_, o)| 1 + o.len())
            .sum();
        let _ = writeln!(
            out,
            "{}",
            tr!(
                lang,
                "… and {} more.\n",
                "… e mais {}.\n",
                count(lang, more, ("error", "errors"), ("erro", "erros"))
            )
        );
    }
    // Next to errors, most warnings are their echo (an import the broken
    // line no longer uses): only those the course explains, on lines of the
    // learner's own files, are shown (an unused clone of `tx` is the clue
    // to a moved `tx`); the others are counted. rustc leaves out its later
    // lints, the ignored `send` result among them, while a crate has errors.
    let (explained, others): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        warnings.iter().partition(|w| {
            w.lint.as_deref().is_some_and(compiler::explains_lint) && in_edited(exercise, w)
        });
    for w in explained.iter().take(SHOWN_WARNINGS) {
        let _ = writeln!(out, "{}\n", as_printed(ui, w));
    }
    let shown: Vec<Diagnostic> = groups
        .iter()
        .take(SHOWN_ERRORS)
        .map(|(first, _)| *first)
        .chain(explained.into_iter().take(SHOWN_WARNINGS))
        .cloned()
        .collect();
    out.push_str(&compiler::explain(ui, exercise, &shown));
    if !others.is_empty() {
        let text = tr!(
            lang,
            "The compiler also warned ({}); warnings can wait until the errors are fixed.",
            "O compilador também avisou ({}); avisos podem esperar até os erros serem \
             corrigidos.",
            count(
                lang,
                others.len(),
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

/// Errors grouped by code, in the order each code first came: the first
/// of each, and the others like it. Errors without a code stand alone.
fn alike(errors: &[Diagnostic]) -> Vec<(&Diagnostic, Vec<&Diagnostic>)> {
    let mut groups: Vec<(&Diagnostic, Vec<&Diagnostic>)> = Vec::new();
    for e in errors {
        match groups
            .iter_mut()
            .find(|(first, _)| e.code.is_some() && first.code == e.code)
        {
            Some((_, others)) => others.push(e),
            None => groups.push((e, Vec::new())),
        }
    }
    groups
}

/// Diagnostics of the same code as the one just shown: one line each (at
/// most three), rustc's message and its place.
fn more_like_it(ui: &Ui, first: &Diagnostic, others: &[&Diagnostic]) -> String {
    let lang = ui.lang;
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

/// Whether a diagnostic points into one of the files the learner edits
/// (or points nowhere in particular).
fn in_edited(exercise: &Exercise, diagnostic: &Diagnostic) -> bool {
    let Some((file, _)) = &diagnostic.place else {
        return true;
    };
    let file = file.replace('\\', "/");
    exercise
        .edit
        .iter()
        .any(|edited| file.ends_with(&format!("{}/{edited}", exercise.dir_name)))
}

/// A diagnostic as rustc printed it: in colour on a terminal, plain
/// elsewhere.
fn as_printed(ui: &Ui, diagnostic: &Diagnostic) -> String {
    let rendered = if ui.color {
        diagnostic.rendered.clone()
    } else {
        strip_ansi(&diagnostic.rendered)
    };
    rendered.trim_end().to_owned()
}

/// The compiler's warnings about code that compiles, as rustc printed
/// them, then what the known ones mean; empty when there are none.
pub fn warnings(ui: &Ui, exercise: &Exercise, warnings: &[Diagnostic]) -> String {
    let lang = ui.lang;
    if warnings.is_empty() {
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
    for w in warnings.iter().take(SHOWN_WARNINGS) {
        let _ = writeln!(out, "{}\n", as_printed(ui, w));
    }
    if warnings.len() > SHOWN_WARNINGS {
        let more = warnings.len() - SHOWN_WARNINGS;
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
    let shown = &warnings[..warnings.len().min(SHOWN_WARNINGS)];
    out.push_str(&compiler::explain(ui, exercise, shown));
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

fn tests_fail(course: &Course, ui: &Ui, failed: &[FailedTest], strays: &[Panic]) -> String {
    let mut told = Told {
        course,
        ui,
        notes: Vec::new(),
        messages: Vec::new(),
        out: String::new(),
    };
    // Tests that fail with the same message at the same place (a `todo!()`
    // reached by every test, say) are told once.
    let mut groups: Vec<(&FailedTest, Vec<&str>)> = Vec::new();
    for test in failed {
        let same = |other: &FailedTest| match (&other.panic, &test.panic) {
            (Some(a), Some(b)) => a.message == b.message && a.location == b.location,
            _ => false,
        };
        match groups.iter_mut().find(|(t, _)| same(t)) {
            Some((_, names)) => names.push(&test.name),
            None => groups.push((test, vec![&test.name])),
        }
    }
    for (test, names) in groups.iter().take(SHOWN_GROUPS) {
        told.failed_test(test, names);
    }
    if groups.len() > SHOWN_GROUPS {
        let more: usize = groups[SHOWN_GROUPS..].iter().map(|(_, n)| n.len()).sum();
        told.more_tests(more);
    }
    told.strays(strays);
    told.out
}

/// The failures told so far, and the notes already given (each well-known
/// panic is explained once per report).
struct Told<'a> {
    course: &'a Course,
    ui: &'a Ui,
    notes: Vec<String>,
    /// The panic messages quoted so far.
    messages: Vec<String>,
    out: String,
}

impl Told<'_> {
    fn failed_test(&mut self, test: &FailedTest, names: &[&str]) {
        let (ui, lang) = (self.ui, self.ui.lang);
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
        match &test.panic {
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
        for p in test.evidence.iter().take(2) {
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
        let lang = self.ui.lang;
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

    /// Panics of threads that are not tests, each different one once;
    /// none whose message a test's message already quoted (the test
    /// explained it: telling it again would teach the same lesson twice).
    fn strays(&mut self, strays: &[Panic]) {
        let lang = self.ui.lang;
        let mut seen: Vec<(&Panic, usize)> = Vec::new();
        let told = |p: &Panic| {
            let message = p.message.trim();
            !message.is_empty() && self.messages.iter().any(|m| m.contains(message))
        };
        let strays: Vec<&Panic> = strays.iter().filter(|p| !told(p)).collect();
        for p in strays {
            match seen
                .iter_mut()
                .find(|(q, _)| q.message == p.message && q.location == p.location)
            {
                Some((_, n)) => *n += 1,
                None => seen.push((p, 1)),
            }
        }
        for (p, n) in seen.into_iter().take(2) {
            let thread = crate::texts::quote::visible(&p.thread);
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
    }

    /// A panic's message (quoted safely), its place in the course, and a
    /// note when it is a well-known one raised by the learner's code (a
    /// test's own explanation needs none).
    fn panic(&mut self, panic: &Panic) {
        let ui = self.ui;
        let note = panic_note(ui.lang, &panic.message);
        if crate::engine::libtest::in_tests(&panic.location) {
            // The test's own message tells the lesson already.
            self.notes.extend(note);
        } else if let Some(note) = note {
            if !self.notes.contains(&note) {
                let _ = writeln!(self.out, "{}", ui.warn(&ui.wrap(&format!("    {note}"))));
                self.notes.push(note);
            }
        }
        self.messages.push(panic.message.clone());
        // Paths inside the course, as the learner sees them.
        let message = self.course.strip_root(&panic.message);
        let message = untranslated(ui.lang, &message);
        let quoted = quote::quote_at_most(ui.lang, &message, "    ", SHOWN_MESSAGE_LINES);
        self.out.push_str(&ui.wrap(&quoted));
        let place = self.course.strip_root(&panic.location);
        let _ = writeln!(self.out, "    {}", self.ui.dim(&format!("({place})")));
    }
}

/// The learner's language for the few English words of the standard
/// library a panic message can be (`todo!()`'s).
fn untranslated(lang: Lang, message: &str) -> String {
    match (lang, message.strip_prefix("not yet implemented")) {
        (Lang::PtBr, Some(rest)) => format!("ainda não implementado{rest}"),
        _ => message.to_owned(),
    }
}

/// What a well-known panic means, in words about channels.
fn panic_note(lang: Lang, message: &str) -> Option<String> {
    if message.starts_with("not yet implemented") {
        Some(tr!(
            lang,
            "`todo!()` is still where your code goes: replace it.",
            "o `todo!()` ainda está onde vai o seu código: substitua-o."
        ))
    } else if message.contains("RecvError") {
        Some(tr!(
            lang,
            "recv() returned Err(RecvError): every Sender of the channel is gone, so no \
             message can ever come. That is the normal end of a consumer, not a crash: \
             `while let Ok(msg) = rx.recv()` (or `for msg in rx`) ends the loop there \
             instead of unwrapping.",
            "recv() devolveu Err(RecvError): todos os Senders do canal deixaram de existir, \
             então nenhuma mensagem pode chegar. Esse é o fim normal de um consumidor, não \
             uma falha: `while let Ok(msg) = rx.recv()` (ou `for msg in rx`) termina o laço \
             aí, em vez de usar unwrap."
        ))
    } else if message.contains("SendError") {
        Some(tr!(
            lang,
            "send() returned Err(SendError): the Receiver is gone, so nobody will read this \
             message. The error gives the message back (`err.0`); a producer should stop \
             there instead of unwrapping.",
            "send() devolveu Err(SendError): o Receiver deixou de existir, então ninguém vai \
             ler essa mensagem. O erro devolve a mensagem (`err.0`); o produtor deve parar \
             aí, em vez de usar unwrap."
        ))
    } else if message.contains("PoisonError") {
        Some(tr!(
            lang,
            "The Mutex is poisoned: another thread panicked while it held the lock, so \
             every later lock() returns Err(PoisonError). Release the lock before running \
             work that may panic; to go on anyway, `lock().unwrap_or_else(PoisonError::into_inner)` \
             hands you the guard.",
            "O Mutex está envenenado: outra thread entrou em pânico enquanto segurava o lock, \
             e todo lock() depois disso devolve Err(PoisonError). Libere o lock antes de rodar \
             um trabalho que pode entrar em pânico; para seguir mesmo assim, \
             `lock().unwrap_or_else(PoisonError::into_inner)` entrega o guard."
        ))
    } else {
        None
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

fn flooded(lang: Lang, head: &str, stream: Stream) -> String {
    let limit = OUTPUT_LIMIT >> 20;
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
        let overflow = Exit::Code(0xC000_00FD_u32 as i32);
        assert_eq!(
            exit(Lang::En, &overflow),
            "exit code 0xC00000FD, stack overflow"
        );
        assert_eq!(
            exit(Lang::PtBr, &overflow),
            "código de saída 0xC00000FD, estouro de pilha"
        );
        assert_eq!(
            exit(Lang::En, &Exit::Code(0xC000_0135_u32 as i32)),
            "exit code 0xC0000135"
        );
        assert_eq!(exit(Lang::En, &Exit::Code(101)), "exit code 101");
    }

    #[test]
    fn well_known_panics_get_a_note_in_both_languages() {
        let recv = "called `Result::unwrap()` on an `Err` value: RecvError";
        for lang in Lang::ALL {
            assert!(panic_note(lang, recv).is_some_and(|n| n.contains("Sender")));
        }
        assert!(panic_note(Lang::En, "expected 42").is_none());
    }
}
