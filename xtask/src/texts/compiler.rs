//! The compiler's errors, explained in the learner's language and in the
//! words of channels.
//!
//! rustc's diagnostics are shown as it printed them (the verdict does
//! that); what follows them comes from here. For each distinct error code,
//! first error first: the exercise's own note on it (`[en.errors]` and
//! `[pt-BR.errors]` in its `exercise.toml`), then a general explanation
//! (what the error means, why channel and thread code meets it, what
//! usually fixes it), then where the whole story is: `rustc --explain CODE`
//! and the error index. A code with no explanation here gets the pointer
//! alone. Warnings get the same for the lints this course meets; other
//! lints get nothing, rustc's own words suffice.
//!
//! The codes are the ones the course's exercises produce when a learner
//! makes the usual mistakes (each was found by trying them); facts come
//! from rustc's error index, the sentences are the course's own.

use std::fmt::Write as _;

use crate::engine::build::Diagnostic;
use crate::engine::course::Exercise;
use crate::texts::{Lang, Paint};
use crate::tr;

/// Explanations of the error codes and known lints in `diagnostics`, in
/// the order they first appear.
pub fn explain(ui: &dyn Paint, exercise: &Exercise, diagnostics: &[&Diagnostic]) -> String {
    let mut out = String::new();
    let mut seen: Vec<&str> = Vec::new();
    // General texts already given: codes that share one (E0596, E0594,
    // E0384) are told once.
    let mut told: Vec<String> = Vec::new();
    for diagnostic in diagnostics {
        let Some(key) = diagnostic.code.as_deref().or(diagnostic.lint.as_deref()) else {
            continue;
        };
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        if diagnostic.code.is_some() {
            out.push_str(&error_code(ui, exercise, key, &mut told));
        } else if let Some(text) = lint_text(ui, key) {
            out.push_str(&text);
        }
    }
    out
}

/// One code: its title, the exercise's note, the general text (unless
/// `told` has it already), the pointer.
fn error_code(ui: &dyn Paint, exercise: &Exercise, code: &str, told: &mut Vec<String>) -> String {
    let lang = ui.lang();
    let general = general(lang, code);
    let again = general.as_ref().is_some_and(|text| told.contains(text));
    let mut out = String::new();
    let title = match &general {
        Some(_) if again => format!(
            "{code} · {} {}",
            title_of(general.as_deref()),
            tr!(lang, "(see above)", "(veja acima)")
        ),
        Some(_) => format!("{code} · {}", title_of(general.as_deref())),
        None => code.to_owned(),
    };
    let _ = writeln!(out, "{}", ui.warn(&title));
    let note = exercise.texts(lang).errors.get(code);
    if let Some(note) = note {
        let intro = tr!(lang, "In this exercise:", "Neste exercício:");
        let _ = writeln!(out, "{}", indented(&ui.bold(&intro)));
        let _ = writeln!(out, "{}", block(ui, note));
    }
    match general {
        Some(text) if !again => {
            if note.is_some() {
                out.push('\n');
            }
            let body: Vec<&str> = text.lines().skip(1).collect();
            let _ = writeln!(out, "{}", block(ui, &body.join("\n")));
            told.push(text);
        }
        _ => {}
    }
    let more = tr!(
        lang,
        "More: `rustc --explain {code}` · https://doc.rust-lang.org/error_codes/{code}.html",
        "Mais: `rustc --explain {code}` · https://doc.rust-lang.org/error_codes/{code}.html"
    );
    let _ = writeln!(out, "{}\n", indented(&ui.dim(&more)));
    out
}

/// The first line of a general text.
fn title_of(text: Option<&str>) -> &str {
    text.and_then(|t| t.lines().next()).unwrap_or_default()
}

fn lint_general(lang: Lang, lint: &str) -> Option<String> {
    match lint {
        "unused_must_use" => Some(unused_must_use(lang)),
        "dropping_references" => Some(dropping_references(lang)),
        "unused_variables" => Some(unused_variables(lang)),
        _ => None,
    }
}

/// A lint this course explains, with its place in rustc's lint listing.
fn lint_text(ui: &dyn Paint, lint: &str) -> Option<String> {
    let lang = ui.lang();
    let text = lint_general(lang, lint)?;
    let mut lines = text.lines();
    let title = format!("{lint} · {}", lines.next().unwrap_or_default());
    let body: Vec<&str> = lines.collect();
    let anchor = lint.replace('_', "-");
    let more = tr!(
        lang,
        "More: https://doc.rust-lang.org/rustc/lints/listing/warn-by-default.html#{anchor}",
        "Mais: https://doc.rust-lang.org/rustc/lints/listing/warn-by-default.html#{anchor}"
    );
    Some(format!(
        "{}\n{}\n{}\n\n",
        ui.warn(&title),
        block(ui, &body.join("\n")),
        indented(&ui.dim(&more))
    ))
}

/// Prose of this module (written broken at about 88 columns) joined into
/// paragraphs, fitted to the screen, two spaces in.
fn block(ui: &dyn Paint, text: &str) -> String {
    indented(&crate::texts::wrap::reflow(
        text,
        ui.width().saturating_sub(2),
    ))
}

/// Every line two spaces in.
fn indented(text: &str) -> String {
    text.lines()
        .map(|l| format!("  {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The general explanation of `code`: a title line, then what it means,
/// why channel and thread code meets it, and what usually fixes it.
fn general(lang: Lang, code: &str) -> Option<String> {
    let text = match code {
        "E0382" => e0382_moved(lang),
        "E0373" => e0373_closure_may_outlive(lang),
        "E0277" => e0277_trait_missing(lang),
        "E0599" => e0599_no_method(lang),
        "E0308" => e0308_mismatched_types(lang),
        "E0521" => e0521_borrow_escapes(lang),
        "E0597" => e0597_does_not_live_long_enough(lang),
        "E0432" => e0432_unresolved_import(lang),
        "E0425" => e0425_unresolved_name(lang),
        "E0433" => e0433_undeclared_path(lang),
        "E0061" => e0061_argument_count(lang),
        "E0107" => e0107_generic_count(lang),
        "E0310" => e0310_parameter_not_static(lang),
        "E0282" => e0282_type_needed(lang),
        "E0596" | "E0594" | "E0384" => e0596_not_mutable(lang),
        "E0507" => e0507_move_out_of_borrow(lang),
        "E0505" => e0505_moved_while_borrowed(lang),
        "E0004" => e0004_match_misses_cases(lang),
        "E0531" => e0531_pattern_name_not_found(lang),
        "E0063" => e0063_missing_field(lang),
        _ => return None,
    };
    Some(text)
}

fn e0382_moved(lang: Lang) -> String {
    tr!(
        lang,
        "use of a moved value\n\
         A value that is not `Copy` has one owner. Passing it to a function, into a `move`\n\
         closure or to a `for` loop moves it there, and the old name can no longer be used.\n\
         Channel code meets it all the time: a `Sender` moved into the first thread's closure\n\
         is gone for the second one, and a `Receiver` consumed by `for msg in rx` is gone after\n\
         the loop. Give each thread its own Sender (`let tx1 = tx.clone();` before the closure,\n\
         and move the clone); to keep the Receiver, loop over `rx.iter()` or `&rx` instead.",
        "uso de um valor movido\n\
         Um valor que não é `Copy` tem um único dono. Passá-lo a uma função, a uma closure\n\
         `move` ou a um laço `for` o transfere para lá, e o nome antigo deixa de valer.\n\
         Em código com canais isso é comum: o `Sender` que foi para a closure da primeira\n\
         thread não existe mais para a segunda, e o `Receiver` consumido por `for msg in rx`\n\
         acaba junto com o laço. Cada thread precisa do seu Sender (`let tx1 = tx.clone();`\n\
         antes da closure, e mova o clone); para manter o Receiver, percorra `rx.iter()` ou `&rx`."
    )
}

fn e0373_closure_may_outlive(lang: Lang) -> String {
    tr!(
        lang,
        "a closure that borrows may outlive the function\n\
         The closure only borrows a local variable, yet it may still run after the function\n\
         has returned and the variable is gone.\n\
         A thread can outlive the function that started it, so `thread::spawn` wants a\n\
         closure that owns everything it uses: it cannot borrow `tx` or a counter from there.\n\
         Write `move ||` so the closure takes its variables along (clone first what you\n\
         still need outside: `let tx = tx.clone();`). In `thread::scope`, `move` fixes it too.",
        "uma closure que pega emprestado pode viver mais que a função\n\
         A closure só pega emprestada uma variável local, mas pode continuar rodando depois\n\
         que a função terminou e a variável deixou de existir.\n\
         Uma thread pode durar mais que a função que a criou, por isso `thread::spawn` quer\n\
         uma closure dona de tudo o que usa: ela não pode pegar emprestado dali o `tx` ou um contador.\n\
         Escreva `move ||` para a closure levar as variáveis consigo (clone antes o que ainda\n\
         for usar do lado de fora: `let tx = tx.clone();`). Em `thread::scope`, `move` também resolve."
    )
}

fn e0277_trait_missing(lang: Lang) -> String {
    tr!(
        lang,
        "a type lacks a trait the code needs\n\
         With threads the trait is nearly always `Send` (the value may move to another thread)\n\
         or `Sync` (it may be shared between threads, through `&` or an `Arc`).\n\
         `Rc` and `RefCell` are neither: use `Arc` and `Mutex`. A `Receiver` is `Send` but not\n\
         `Sync`: one thread may own it, two cannot share it, so `Arc<Receiver<_>>` fails too;\n\
         several consumers share `Arc<Mutex<Receiver<_>>>`. A generic `T` sent to a thread needs\n\
         `T: Send + 'static`. (E0277 is also `?` in a function that does not return `Result`.)",
        "falta a um tipo um trait que o código exige\n\
         Com threads, quase sempre é `Send` (o valor pode ir para outra thread) ou `Sync` (pode\n\
         ser compartilhado entre threads, por `&` ou por um `Arc`).\n\
         `Rc` e `RefCell` não são nenhum dos dois: use `Arc` e `Mutex`. Um `Receiver` é `Send`, mas\n\
         não `Sync`: uma thread pode ser dona dele, duas não podem compartilhá-lo, e `Arc<Receiver<_>>`\n\
         falha; vários consumidores compartilham `Arc<Mutex<Receiver<_>>>`. Um `T` enviado a uma thread\n\
         precisa de `T: Send + 'static`. (E0277 também é o `?` numa função que não devolve `Result`.)"
    )
}

fn e0599_no_method(lang: Lang) -> String {
    tr!(
        lang,
        "this type has no such method\n\
         Nothing of that name exists for the type: a typo, a method of another type, or a\n\
         method whose trait is not imported. Two usual ones here:\n\
         `rx.clone()`: `mpsc` is multiple producer, single consumer, so a `Sender` clones and a\n\
         `Receiver` does not. Several consumers share one as `Arc<Mutex<Receiver<_>>>` and take\n\
         turns (crossbeam-channel's receivers do clone). And a method called on a `Result`: `lock()`\n\
         and `recv()` return one, so `m.lock().recv()` needs an `.expect(\"…\")` in between.",
        "esse tipo não tem esse método\n\
         Não há nada com esse nome no tipo: erro de digitação, método de outro tipo, ou método\n\
         de um trait que não foi importado. Dois casos comuns aqui:\n\
         `rx.clone()`: `mpsc` quer dizer vários produtores, um consumidor, então o `Sender` tem\n\
         clone e o `Receiver` não. Vários consumidores compartilham um como `Arc<Mutex<Receiver<_>>>` e\n\
         se revezam (no crossbeam-channel o receptor tem clone). E um método chamado num `Result`:\n\
         `lock()` e `recv()` devolvem um, então `m.lock().recv()` precisa de um `.expect(\"…\")` no meio."
    )
}

fn e0308_mismatched_types(lang: Lang) -> String {
    tr!(
        lang,
        "mismatched types\n\
         A value's type is not the one its place expects: an argument, a return value, an\n\
         annotated variable. The labels say which type was expected and which was found.\n\
         A `Sender<String>` takes `String`s, so `tx.send(\"hi\")` (a `&str`) does not fit, and\n\
         `send`, `recv` and `join` give back a `Result`, not the message itself.\n\
         Convert the value (`\"hi\".to_string()`, `format!(...)`); take the message out of the\n\
         `Result` with `while let Ok(msg) = rx.recv()`, `if let`, `match` or `.expect(\"why\")`.",
        "tipos incompatíveis\n\
         O tipo de um valor não é o que o lugar espera: um argumento, um retorno, uma variável\n\
         anotada. As marcações dizem qual tipo era esperado e qual veio.\n\
         Um `Sender<String>` aceita `String`s, então `tx.send(\"oi\")` (um `&str`) não serve; e\n\
         `send`, `recv` e `join` devolvem um `Result`, não a própria mensagem.\n\
         Converta o valor (`\"oi\".to_string()`, `format!(...)`); tire a mensagem do `Result`\n\
         com `while let Ok(msg) = rx.recv()`, `if let`, `match` ou `.expect(\"por quê\")`."
    )
}

fn e0521_borrow_escapes(lang: Lang) -> String {
    tr!(
        lang,
        "borrowed data escapes the function\n\
         A reference the function received goes somewhere that may outlive the call.\n\
         `thread::spawn` takes only data that can live as long as the program (`'static`): a\n\
         thread given a `&str` or `&[T]` argument could still read it after the caller freed it.\n\
         Give the thread owned data (`to_owned()`, `to_vec()`, an `Arc`), or start the threads\n\
         in `thread::scope(|s| ...)`: they end before the scope does, so they may borrow.",
        "dados emprestados escapam da função\n\
         Uma referência que a função recebeu vai para um lugar que pode durar mais que a chamada.\n\
         `thread::spawn` só aceita dados que podem viver tanto quanto o programa (`'static`):\n\
         uma thread com um argumento `&str` ou `&[T]` poderia lê-lo depois de quem chamou o liberar.\n\
         Dê à thread dados próprios (`to_owned()`, `to_vec()`, um `Arc`), ou crie as threads em\n\
         `thread::scope(|s| ...)`: elas terminam antes do escopo, então podem pegar emprestado."
    )
}

fn e0597_does_not_live_long_enough(lang: Lang) -> String {
    tr!(
        lang,
        "a value does not live long enough\n\
         A borrow outlives the value it points to: the value is dropped at the end of its\n\
         block while something still holds a reference to it.\n\
         A spawned thread may run after the function returns, so what it borrows must be\n\
         `'static`, which a local variable never is; a `&str` sent on a channel is the same.\n\
         Move owned values into the thread (`move`, clones, `Arc`), send owned messages\n\
         (`String`, not `&str`), or borrow inside `thread::scope`, which joins its threads first.",
        "um valor não vive o suficiente\n\
         Um empréstimo dura mais que o valor para o qual aponta: o valor é descartado no fim\n\
         do bloco enquanto algo ainda guarda uma referência a ele.\n\
         Uma thread criada pode rodar depois que a função retorna, então o que ela pega\n\
         emprestado precisa ser `'static`, e uma variável local nunca é; um `&str` enviado num canal também.\n\
         Mova valores próprios para a thread (`move`, clones, `Arc`), envie mensagens próprias\n\
         (`String`, não `&str`), ou pegue emprestado dentro de `thread::scope`, que espera as threads antes."
    )
}

fn e0432_unresolved_import(lang: Lang) -> String {
    tr!(
        lang,
        "a `use` names something that does not exist\n\
         The path is misspelled, points to the wrong module, or names a crate the exercise\n\
         does not depend on.\n\
         Channels live in `std::sync::mpsc` (`use std::sync::mpsc::{{channel, Receiver, Sender}};`),\n\
         threads in `std::thread`, `Arc` and `Mutex` in `std::sync`.\n\
         Check the spelling and the path; rustc's `help:` line often has the right one.",
        "um `use` cita algo que não existe\n\
         O caminho está escrito errado, aponta para o módulo errado, ou cita um crate do qual\n\
         o exercício não depende.\n\
         Os canais ficam em `std::sync::mpsc` (`use std::sync::mpsc::{{channel, Receiver, Sender}};`),\n\
         as threads em `std::thread`, `Arc` e `Mutex` em `std::sync`.\n\
         Confira a grafia e o caminho; a linha `help:` do rustc muitas vezes traz o certo."
    )
}

fn e0425_unresolved_name(lang: Lang) -> String {
    tr!(
        lang,
        "a name that is not defined here\n\
         The name is not declared, not imported, out of scope, or misspelled.\n\
         Typical here: `channel()` with no `use std::sync::mpsc::channel;`, or a clone such as\n\
         `tx1` used outside the block or closure that declared it.\n\
         Import it (or write the path, `mpsc::channel()`), declare it before its use, and check\n\
         that it is still in scope where you use it.",
        "um nome que não existe aqui\n\
         O nome não foi declarado nem importado, está fora de escopo, ou foi escrito errado.\n\
         O típico aqui: `channel()` sem `use std::sync::mpsc::channel;`, ou um clone como `tx1`\n\
         usado fora do bloco ou da closure que o declarou.\n\
         Importe-o (ou escreva o caminho, `mpsc::channel()`), declare-o antes de usar, e confira\n\
         se ele ainda está no escopo onde é usado."
    )
}

fn e0433_undeclared_path(lang: Lang) -> String {
    tr!(
        lang,
        "a path starts with a module or type that is not in scope\n\
         `mpsc::channel()` or `thread::spawn` need their module imported first: channels and\n\
         threads are not in the prelude, so every file names them.\n\
         Add `use std::sync::mpsc;` or `use std::thread;` at the top of the file, or write the\n\
         full path: `std::sync::mpsc::channel()`, `std::thread::spawn(...)`.",
        "um caminho começa por um módulo ou tipo que não está no escopo\n\
         `mpsc::channel()` ou `thread::spawn` precisam do módulo importado antes: canais e\n\
         threads não estão no prelúdio, então cada arquivo os importa.\n\
         Acrescente `use std::sync::mpsc;` ou `use std::thread;` no topo do arquivo, ou escreva o\n\
         caminho completo: `std::sync::mpsc::channel()`, `std::thread::spawn(...)`."
    )
}

fn e0061_argument_count(lang: Lang) -> String {
    tr!(
        lang,
        "a function called with the wrong number of arguments\n\
         The call passes more or fewer arguments than the function takes; the label shows which.\n\
         `sync_channel(bound)` needs its capacity and `channel()` takes none; `send` takes one\n\
         message, so more than one value travels as a tuple or a struct.\n\
         Match the call to the signature. If you changed the exercise's own function, the\n\
         tests still call it the shipped way: put the signature back.",
        "uma função chamada com o número errado de argumentos\n\
         A chamada passa mais ou menos argumentos do que a função recebe; a marcação mostra qual.\n\
         `sync_channel(limite)` precisa da capacidade e `channel()` não recebe nada; `send` leva\n\
         uma mensagem, então mais de um valor viaja numa tupla ou numa struct.\n\
         Ajuste a chamada à assinatura. Se você mudou a função do próprio exercício, os testes\n\
         ainda a chamam do jeito original: devolva a assinatura."
    )
}

fn e0107_generic_count(lang: Lang) -> String {
    tr!(
        lang,
        "a generic type with the wrong number of type arguments\n\
         The type declares a number of generic parameters and got more or fewer.\n\
         `Sender<T>`, `Receiver<T>` and `SyncSender<T>` carry one type, the message's: to send two\n\
         things at once, make the message a tuple, `Sender<(u32, String)>`, or an enum.\n\
         Write exactly one type between the angle brackets.",
        "um tipo genérico com o número errado de argumentos de tipo\n\
         O tipo declara um certo número de parâmetros genéricos e recebeu mais ou menos.\n\
         `Sender<T>`, `Receiver<T>` e `SyncSender<T>` levam um tipo, o da mensagem: para enviar\n\
         duas coisas de uma vez, faça da mensagem uma tupla, `Sender<(u32, String)>`, ou um enum.\n\
         Escreva exatamente um tipo entre os sinais de menor e maior."
    )
}

fn e0310_parameter_not_static(lang: Lang) -> String {
    tr!(
        lang,
        "a generic type may not live long enough\n\
         A type parameter `T` is used where only data that can live forever (`'static`) fits,\n\
         and a `T` might hold short-lived references.\n\
         `thread::spawn` asks that of everything its closure owns: a `T` moved into a thread,\n\
         or into a channel whose Receiver is on one, must be `T: Send + 'static`.\n\
         Add the bound rustc suggests (`T: Send + 'static`), or use `thread::scope` when the\n\
         threads only need to borrow.",
        "um tipo genérico pode não viver o suficiente\n\
         Um parâmetro de tipo `T` é usado onde só cabem dados que podem viver para sempre\n\
         (`'static`), e um `T` pode conter referências de vida curta.\n\
         `thread::spawn` exige isso de tudo o que a closure possui: um `T` movido para uma\n\
         thread, ou para um canal cujo Receiver está em uma, precisa de `T: Send + 'static`.\n\
         Acrescente o limite que o rustc sugere (`T: Send + 'static`), ou use `thread::scope`\n\
         quando as threads só precisam pegar emprestado."
    )
}

fn e0282_type_needed(lang: Lang) -> String {
    tr!(
        lang,
        "type annotations needed\n\
         Nothing in the code tells the compiler which type a value has, so it asks you.\n\
         `channel()` makes a channel for any type of message; until something is sent or\n\
         received with a known type, nothing says which one.\n\
         Name it: `channel::<String>()`, or\n\
         `let (tx, rx): (Sender<String>, Receiver<String>) = channel();`.",
        "é preciso anotar o tipo\n\
         Nada no código diz ao compilador de que tipo é um valor, então ele pergunta a você.\n\
         `channel()` cria um canal para qualquer tipo de mensagem; enquanto nada de tipo\n\
         conhecido for enviado ou recebido, nada diz qual é.\n\
         Diga qual é: `channel::<String>()`, ou\n\
         `let (tx, rx): (Sender<String>, Receiver<String>) = channel();`."
    )
}

fn e0596_not_mutable(lang: Lang) -> String {
    tr!(
        lang,
        "cannot change it: it is not mutable\n\
         Something is changed (assigned, pushed to, counted) through a name declared without\n\
         `mut`, or through a `&` reference.\n\
         A consumer that collects or counts what it receives needs it (`let mut received = Vec::new();`,\n\
         `let mut missed = 0;`). A `Mutex` is different: `lock()` changes what it guards, no `mut`\n\
         needed. Add `mut` where rustc points, or take `&mut` instead of `&`.",
        "não dá para mudar: não é mutável\n\
         Algo é alterado (atribuído, acrescentado, contado) por um nome declarado sem `mut`, ou\n\
         por uma referência `&`.\n\
         Um consumidor que junta ou conta o que recebe precisa dele (`let mut received = Vec::new();`,\n\
         `let mut missed = 0;`). Um `Mutex` é diferente: `lock()` muda o que ele guarda sem `mut`.\n\
         Acrescente `mut` onde o rustc aponta, ou use `&mut` em vez de `&`."
    )
}

fn e0507_move_out_of_borrow(lang: Lang) -> String {
    tr!(
        lang,
        "cannot move out of something only borrowed\n\
         A value would be moved out of a borrow (`&self`, a `&T`, a `MutexGuard`), leaving a hole.\n\
         `for msg in self.rx` or `self.rx.into_iter()` consumes the `Receiver`, but through `&self`\n\
         it is only borrowed; taking a `Sender` out of a field is the same.\n\
         Borrow instead: `for msg in &self.rx` or `self.rx.iter()`. To give up an owned field\n\
         (a pool dropping its Sender), keep it in an `Option` and `take()` it.",
        "não dá para mover algo que só está emprestado\n\
         Um valor seria movido para fora de um empréstimo (`&self`, um `&T`, um `MutexGuard`),\n\
         deixando um buraco.\n\
         `for msg in self.rx` ou `self.rx.into_iter()` consome o `Receiver`, mas por `&self` ele\n\
         só está emprestado; tirar um `Sender` de um campo é a mesma coisa.\n\
         Pegue emprestado: `for msg in &self.rx` ou `self.rx.iter()`. Para abrir mão de um campo\n\
         (um pool que descarta o seu Sender), guarde-o num `Option` e use `take()`."
    )
}

fn e0505_moved_while_borrowed(lang: Lang) -> String {
    tr!(
        lang,
        "a value moved while it is still borrowed\n\
         Something still holds a reference to the value, so it cannot move yet (into a\n\
         closure, a function, a `drop`).\n\
         Typical here: one thread is given `&tx` while `tx` itself moves into another thread's\n\
         `move` closure, or a Receiver is moved while `rx.iter()` still borrows it.\n\
         Give each thread an owned value (`tx.clone()`, not `&tx`), or let the borrow end\n\
         before the move; threads that only borrow belong in `thread::scope`.",
        "um valor movido enquanto ainda está emprestado\n\
         Alguma coisa ainda guarda uma referência ao valor, então ele não pode ser movido\n\
         agora (para uma closure, uma função, um `drop`).\n\
         O típico aqui: uma thread recebe `&tx` enquanto o próprio `tx` vai para a closure `move`\n\
         de outra thread, ou um Receiver é movido enquanto `rx.iter()` ainda o tem emprestado.\n\
         Dê a cada thread um valor próprio (`tx.clone()`, não `&tx`), ou deixe o empréstimo\n\
         acabar antes de mover; threads que só pegam emprestado ficam em `thread::scope`."
    )
}

fn e0004_match_misses_cases(lang: Lang) -> String {
    tr!(
        lang,
        "a `match` leaves cases out\n\
         A `match` must handle every value its input can have; rustc names the ones left out.\n\
         Channel results come in kinds: `try_recv` gives `Ok`, `Err(TryRecvError::Empty)` and\n\
         `Err(TryRecvError::Disconnected)`, `recv_timeout` has `Timeout` and `Disconnected`, and\n\
         a message enum has a variant for each thing. A consumer reacts to each differently.\n\
         Add an arm for each missing case and decide what it means (wait, stop, count). A `_`\n\
         compiles too, but it also swallows the case that says every Sender is gone.",
        "um `match` deixa casos de fora\n\
         Um `match` precisa tratar todo valor que a entrada pode ter; o rustc diz quais faltam.\n\
         Os resultados de um canal são de vários tipos: `try_recv` dá `Ok`, `Err(TryRecvError::Empty)`\n\
         e `Err(TryRecvError::Disconnected)`, `recv_timeout` tem `Timeout` e `Disconnected`, e um\n\
         enum de mensagens tem uma variante por assunto. O consumidor reage a cada um de um jeito.\n\
         Acrescente um braço para cada caso que falta e decida o que ele quer dizer (esperar,\n\
         parar, contar). Um `_` também compila, mas engole o aviso de que os Senders acabaram."
    )
}

fn e0531_pattern_name_not_found(lang: Lang) -> String {
    tr!(
        lang,
        "a pattern names a tuple struct or variant that is not in scope\n\
         The pattern takes apart something like `SendError(msg)` that the compiler cannot find.\n\
         The channels' error types must be imported before a pattern can open them:\n\
         `use std::sync::mpsc::SendError;` (and `TryRecvError`, `RecvTimeoutError`).\n\
         Import it (rustc's `help:` shows the line), or write its path in the pattern:\n\
         `Err(mpsc::SendError(msg))`.",
        "um padrão cita uma struct ou variante de tupla que não está no escopo\n\
         O padrão desmonta algo como `SendError(msg)` que o compilador não encontra.\n\
         Os tipos de erro dos canais precisam ser importados antes que um padrão os abra:\n\
         `use std::sync::mpsc::SendError;` (e `TryRecvError`, `RecvTimeoutError`).\n\
         Importe-o (a linha `help:` do rustc mostra como), ou escreva o caminho no padrão:\n\
         `Err(mpsc::SendError(msg))`."
    )
}

fn e0063_missing_field(lang: Lang) -> String {
    tr!(
        lang,
        "a struct or variant built without one of its fields\n\
         A struct, or an enum variant with named fields, needs a value for every field.\n\
         Requests usually carry their reply channel: a request built without its `reply`\n\
         Sender leaves the service no way to answer.\n\
         Add the field rustc names; the name alone is enough when a variable of that name\n\
         holds the value: `Request::Get {{ name, reply }}`.",
        "uma struct ou variante criada sem um dos campos\n\
         Uma struct, ou uma variante de enum com campos nomeados, precisa de valor em todo campo.\n\
         Pedidos costumam levar o canal da resposta: um pedido criado sem o Sender `reply`\n\
         deixa o serviço sem ter como responder.\n\
         Acrescente o campo que o rustc cita; basta o nome quando uma variável com esse nome\n\
         guarda o valor: `Request::Get {{ name, reply }}`."
    )
}

fn unused_must_use(lang: Lang) -> String {
    tr!(
        lang,
        "a `Result` left unused\n\
         `send`, `recv` and `join` return a `Result`, and ignoring one is a warning: the error\n\
         is the channel telling you something.\n\
         `send` fails only when the Receiver is gone, so a producer that ignores it keeps\n\
         producing for nobody; `join` fails when the thread panicked.\n\
         Act on it: `if tx.send(msg).is_err() {{ break; }}`, or `.expect(\"why it cannot fail\")`;\n\
         `let _ = tx.send(msg);` says that losing the message is fine. The course asks for no warnings.",
        "um `Result` ignorado\n\
         `send`, `recv` e `join` devolvem um `Result`, e ignorá-lo gera um aviso: o erro é o\n\
         canal contando alguma coisa.\n\
         `send` só falha quando o Receiver deixou de existir, então o produtor que ignora isso\n\
         continua produzindo para ninguém; `join` falha quando a thread entrou em pânico.\n\
         Trate-o: `if tx.send(msg).is_err() {{ break; }}`, ou `.expect(\"por que não falha\")`;\n\
         `let _ = tx.send(msg);` diz que perder a mensagem não importa. O curso pede código sem avisos."
    )
}

fn unused_variables(lang: Lang) -> String {
    tr!(
        lang,
        "a variable that is never used\n\
         A name was given a value that nothing reads afterwards.\n\
         Next to an error about a moved or borrowed value it is often the clue: a clone made\n\
         for a thread (`let tx1 = tx.clone();`) that the thread never uses, because its\n\
         closure still says `tx`. Use the new name inside the closure, or remove the line.",
        "uma variável que nunca é usada\n\
         Um nome recebeu um valor que nada lê depois.\n\
         Ao lado de um erro sobre um valor movido ou emprestado, costuma ser a pista: um clone\n\
         feito para uma thread (`let tx1 = tx.clone();`) que a thread nunca usa, porque a\n\
         closure dela ainda diz `tx`. Use o novo nome dentro da closure, ou apague a linha."
    )
}

fn dropping_references(lang: Lang) -> String {
    tr!(
        lang,
        "`drop` of a reference does nothing\n\
         `drop(&tx)` drops only the reference: the Sender itself lives on to the end of its scope.\n\
         While any Sender lives, the channel stays open and the consumer's `recv` (or\n\
         `for msg in rx`) keeps waiting, so the program never ends.\n\
         Drop the Sender itself: `drop(tx);` (it moves, so nothing after may use `tx`). The\n\
         `let _ = &tx;` that rustc offers silences the warning but closes nothing either.",
        "`drop` de uma referência não faz nada\n\
         `drop(&tx)` descarta só a referência: o Sender continua vivo até o fim do seu escopo.\n\
         Enquanto existir um Sender, o canal fica aberto e o `recv` do consumidor (ou o\n\
         `for msg in rx`) continua esperando, e o programa nunca termina.\n\
         Descarte o próprio Sender: `drop(tx);` (ele é movido, então nada depois pode usar `tx`).\n\
         O `let _ = &tx;` que o rustc oferece cala o aviso, mas também não fecha nada."
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::course::Texts;
    use crate::ui::Ui;
    use std::collections::BTreeMap;

    /// Exercise 02 with notes `(code, English, Portuguese)`.
    fn exercise(notes: &[(&str, &str, &str)]) -> Exercise {
        let texts = |lang: Lang| Texts {
            errors: notes
                .iter()
                .map(|&(code, en, pt)| {
                    let note = if lang == Lang::En { en } else { pt };
                    (code.to_owned(), note.to_owned())
                })
                .collect::<BTreeMap<_, _>>(),
            ..Texts::default()
        };
        Exercise {
            index: 0,
            number: 2,
            dir_name: "02_clone_tx".into(),
            name: "clone_tx".into(),
            dir: "exercises/02_clone_tx".into(),
            present: true,
            edit: vec!["src/lib.rs".into()],
            time_limit: std::time::Duration::from_secs(15),
            memory_limit_mib: 1024,
            en: texts(Lang::En),
            pt: texts(Lang::PtBr),
            metadata_problem: None,
        }
    }

    fn error(code: &str) -> Diagnostic {
        Diagnostic {
            code: Some(code.into()),
            lint: None,
            rendered: format!("error[{code}]: …"),
            message: "…".into(),
            place: None,
        }
    }

    fn warning(lint: &str) -> Diagnostic {
        Diagnostic {
            code: None,
            lint: Some(lint.into()),
            rendered: "warning: …".into(),
            message: "…".into(),
            place: None,
        }
    }

    #[test]
    fn every_lint_the_course_explains_has_a_text() {
        for lint in crate::findings::EXPLAINED_LINTS {
            for lang in Lang::ALL {
                assert!(lint_general(lang, lint).is_some(), "{lint}");
            }
        }
    }

    #[test]
    fn every_explanation_has_a_title_and_three_to_six_lines_in_each_language() {
        let codes = [
            "E0382", "E0373", "E0277", "E0599", "E0308", "E0521", "E0597", "E0432", "E0425",
            "E0433", "E0061", "E0107", "E0310", "E0282", "E0596", "E0507", "E0505", "E0004",
            "E0531", "E0063", "E0594", "E0384",
        ];
        for lang in Lang::ALL {
            let texts = codes.iter().map(|c| general(lang, c).unwrap()).chain([
                unused_must_use(lang),
                dropping_references(lang),
                unused_variables(lang),
            ]);
            for text in texts {
                let lines = text.lines().count() - 1;
                assert!((3..=6).contains(&lines), "{lines} lines: {text}");
                assert!(text.lines().all(|l| l.chars().count() <= 100), "{text}");
            }
        }
        assert_ne!(general(Lang::En, "E0382"), general(Lang::PtBr, "E0382"));
    }

    #[test]
    fn each_code_is_told_once_first_error_first_with_the_exercises_note_before_it() {
        let ex = exercise(&[("E0382", "two producers", "dois produtores")]);
        let ui = Ui::plain(Lang::PtBr);
        let all = [
            error("E0599"),
            error("E0382"),
            error("E0599"),
            error("E0382"),
        ];
        let all: Vec<&Diagnostic> = all.iter().collect();
        let out = explain(&ui, &ex, &all);
        assert_eq!(out.matches("rustc --explain E0382").count(), 1);
        let at = |needle: &str| {
            out.find(needle)
                .unwrap_or_else(|| panic!("{needle}: {out}"))
        };
        assert!(at("E0599 · esse tipo não tem esse método") < at("E0382 · uso de um valor movido"));
        assert!(at("Neste exercício:\n  dois produtores\n\n") < at("Um valor que não é `Copy`"));
        assert!(out.contains("https://doc.rust-lang.org/error_codes/E0382.html"));
        assert!(!out.contains("two producers"));
    }

    #[test]
    fn codes_that_share_a_text_tell_it_once() {
        let ui = Ui::plain(Lang::En);
        let out = explain(&ui, &exercise(&[]), &[&error("E0596"), &error("E0594")]);
        let words = out.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            words.matches("Add `mut` where rustc points").count(),
            1,
            "{out}"
        );
        assert!(out.contains("E0594 · cannot change it: it is not mutable (see above)\n"));
        assert!(out.contains("rustc --explain E0594"));
    }

    #[test]
    fn unknown_codes_get_only_the_pointer_and_unknown_lints_nothing() {
        let ui = Ui::plain(Lang::En);
        let out = explain(
            &ui,
            &exercise(&[]),
            &[&error("E0614"), &warning("dead_code")],
        );
        assert_eq!(
            out,
            "E0614\n  More: `rustc --explain E0614` · \
             https://doc.rust-lang.org/error_codes/E0614.html\n\n"
        );
    }

    #[test]
    fn the_unused_result_of_send_is_explained_with_its_lint_page() {
        let ui = Ui::plain(Lang::En);
        let out = explain(&ui, &exercise(&[]), &[&warning("unused_must_use")]);
        assert!(
            out.starts_with("unused_must_use · a `Result` left unused\n"),
            "{out}"
        );
        assert!(
            out.contains("warn-by-default.html#unused-must-use"),
            "{out}"
        );
    }
}
