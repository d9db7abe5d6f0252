//! The runner's other texts, by family: the command line, the course on
//! disk, the commands' own lines, and the maintainer check. Both languages
//! side by side.

use std::io;
use std::path::Path;
use std::time::Duration;

use crate::engine::{self, course, course::MetadataProblem};
use crate::flags::{self, Audience, Usage};
use crate::platform::display_path;
use crate::texts::Lang;
use crate::tr;

// ---------------------------------------------------------------- usage

pub fn usage(lang: Lang, usage: &Usage) -> String {
    match usage {
        Usage::NotUnicode => tr!(
            lang,
            "arguments must be valid UTF-8",
            "os argumentos precisam ser UTF-8 válido"
        ),
        Usage::NeedsValue(name) => tr!(lang, "{name} needs a value", "{name} precisa de um valor"),
        Usage::TakesNoValue(name) => tr!(lang, "{name} takes no value", "{name} não aceita valor"),
        Usage::BadLang(value) => tr!(
            lang,
            "--lang takes `en` or `pt-BR`, not `{value}`",
            "--lang aceita `en` ou `pt-BR`, não `{value}`"
        ),
        Usage::UnknownOption(name) => tr!(
            lang,
            "unknown option `{name}` here; run `cargo xtask help`",
            "opção desconhecida `{name}` aqui; rode `cargo xtask help`"
        ),
        Usage::UnknownCommand(word) => tr!(
            lang,
            "unknown command `{word}`; run `cargo xtask help` to see the commands",
            "comando desconhecido `{word}`; rode `cargo xtask help` para ver os comandos"
        ),
        Usage::AtMostOneExercise(command) => tr!(
            lang,
            "`{command}` takes at most one exercise",
            "`{command}` aceita no máximo um exercício"
        ),
        Usage::NoArgument(command, extra) => tr!(
            lang,
            "`{command}` takes no argument, but got `{extra}`",
            "`{command}` não aceita argumentos, mas recebeu `{extra}`"
        ),
        Usage::ResetNeedsExercise => tr!(
            lang,
            "reset needs the exercise to restore, e.g. `cargo xtask reset 03`",
            "reset precisa do exercício a restaurar, por exemplo `cargo xtask reset 03`"
        ),
        Usage::BadFormat(value) => tr!(
            lang,
            "--format takes `text` or `json`, not `{value}`",
            "--format aceita `text` ou `json`, não `{value}`"
        ),
        Usage::GradeNeedsFolders => tr!(
            lang,
            "grade needs the course folders to grade, e.g. `cargo xtask grade students/*/`",
            "grade precisa das pastas do curso a avaliar, por exemplo `cargo xtask grade alunos/*/`"
        ),
        Usage::Other(text) => tr!(
            lang,
            "cannot read the command line: {text}",
            "não foi possível ler a linha de comando: {text}"
        ),
    }
}

/// The help, made from the declaration of the commands and their options
/// ([`flags::COMMANDS`]): what the parser accepts is what it lists.
pub fn help(lang: Lang) -> String {
    let pick = |help: &flags::Help| match lang {
        Lang::En => help[0],
        Lang::PtBr => help[1],
    };
    let option = |o: &flags::Opt| match &o.value {
        Some(value) => format!("{} {}", o.name, pick(value)),
        None => o.name.to_owned(),
    };
    let mut out = tr!(
        lang,
        "cargo xtask: the channels course runner\n\nCommands:\n",
        "cargo xtask: o corretor do curso de canais\n\nComandos:\n"
    );
    let mut teachers = String::new();
    for spec in flags::COMMANDS {
        let usage = format!("{} {}", spec.word, takes(lang, spec.takes));
        let (first, options): (&mut String, Vec<&flags::Opt>) = match spec.audience {
            Audience::Learner => (&mut out, spec.options.iter().collect()),
            Audience::Teacher => (&mut teachers, spec.options.iter().collect()),
        };
        help_line(first, 2, usage.trim_end(), pick(&spec.about));
        for o in options.iter().filter(|o| o.audience == spec.audience) {
            help_line(first, 4, &option(o), pick(&o.about));
        }
        // A learner's command with options for teachers: listed there,
        // the first beside the command's name.
        let for_teachers: Vec<&&flags::Opt> = options
            .iter()
            .filter(|o| o.audience == Audience::Teacher && spec.audience == Audience::Learner)
            .collect();
        if let Some((head, rest)) = for_teachers.split_first() {
            let usage = format!("{} {}", spec.word, option(head));
            help_line(&mut teachers, 2, &usage, pick(&head.about));
            for o in rest {
                help_line(&mut teachers, 4, &option(o), pick(&o.about));
            }
        }
    }
    let options: String = flags::GLOBAL.iter().fold(String::new(), |mut out, o| {
        help_line(&mut out, 2, &option(o), pick(&o.about));
        out
    });
    out + &tr!(
        lang,
        "\nFor teachers (see TEACHING.md):\n{teachers}\n\
         For course maintainers (`cargo xtask check --help`: their options):\n\
         \x20 check [EXERCISE]      every solution passes, every shipped exercise fails, every answer of\n\
         \x20                       the catalogue gets its verdict, texts in both languages\n\
         \x20 seal                  record the shipped files (shipped-files.txt) after changing an exercise\n\
         \x20 bench                 measure the runner against cargo\n\n\
         Options:\n{options}\n\
         EXERCISE is a number (3, 03), a folder name (03_loop_send) or a name (loop_send).\n\
         Exit codes: 0 all pass, 1 one does not, 2 usage or setup error, 3 the runner could not\n\
         work, 130 interrupted.\n",
        "\nPara professores (veja TEACHING.pt-BR.md):\n{teachers}\n\
         Para quem mantém o curso (`cargo xtask check --help`: as opções):\n\
         \x20 check [EXERCÍCIO]     toda solução passa, todo exercício original falha, toda resposta do\n\
         \x20                       catálogo recebe o seu veredito, textos nos dois idiomas\n\
         \x20 seal                  registra os arquivos originais (shipped-files.txt) depois de mudar um exercício\n\
         \x20 bench                 mede o corretor contra o cargo\n\n\
         Opções:\n{options}\n\
         EXERCÍCIO é um número (3, 03), um nome de pasta (03_loop_send) ou um nome (loop_send).\n\
         Códigos de saída: 0 tudo passa, 1 algum não passa, 2 erro de uso ou de configuração,\n\
         3 o corretor não conseguiu trabalhar, 130 interrompido.\n"
    )
}

/// `[EXERCISE]`, `FOLDER...`, in the help.
fn takes(lang: Lang, takes: flags::Takes) -> &'static str {
    match (takes, lang) {
        (flags::Takes::Nothing, _) => "",
        (flags::Takes::AnExercise, Lang::En) => "[EXERCISE]",
        (flags::Takes::AnExercise, Lang::PtBr) => "[EXERCÍCIO]",
        (flags::Takes::OneExercise, Lang::En) => "EXERCISE",
        (flags::Takes::OneExercise, Lang::PtBr) => "EXERCÍCIO",
        (flags::Takes::Folders, Lang::En) => "FOLDER...",
        (flags::Takes::Folders, Lang::PtBr) => "PASTA...",
    }
}

/// One entry of the help: `usage` indented, what it does from the 25th
/// column (on the next line when the usage is too wide), each further
/// line of `about` under it.
fn help_line(out: &mut String, indent: usize, usage: &str, about: &str) {
    const COLUMN: usize = 24;
    let left = format!("{:indent$}{usage}", "");
    let width = left.chars().count();
    let mut lines = about.lines();
    let first = lines.next().unwrap_or_default();
    if width < COLUMN {
        out.push_str(&format!("{left}{:pad$}{first}\n", "", pad = COLUMN - width));
    } else {
        out.push_str(&format!("{left}\n{:COLUMN$}{first}\n", ""));
    }
    for line in lines {
        out.push_str(&format!("{:COLUMN$}{}\n", "", line.trim_start()));
    }
}

/// The runner's own I/O failed (the system's words follow).
pub fn io_failure(lang: Lang, e: &io::Error) -> String {
    tr!(
        lang,
        "could not go on: {e}",
        "não foi possível continuar: {e}"
    )
}

pub fn engine_failure(lang: Lang, e: &engine::Error) -> String {
    match e {
        engine::Error::RootManifest { path, why } => {
            let path = display_path(path);
            tr!(
                lang,
                "cannot read the course's manifest {path}: {why}",
                "não foi possível ler o manifesto do curso, {path}: {why}"
            )
        }
        engine::Error::Write { path, error } => cannot_write(lang, path, error),
        engine::Error::Io(e) => tr!(
            lang,
            "could not run a command: {e}",
            "não foi possível rodar um comando: {e}"
        ),
    }
}

pub fn leaked(lang: Lang, readers: usize) -> String {
    tr!(
        lang,
        "note: a program the tests started could not be ended and still holds their output \
         open ({readers} of the runner's readers wait on it); it ends with your session, or \
         end it yourself",
        "nota: um programa iniciado pelos testes não pôde ser encerrado e ainda mantém a saída \
         deles aberta ({readers} leitores do corretor esperam por ele); ele termina com a sua \
         sessão, ou encerre-o você mesmo"
    )
}

pub fn interrupted(lang: Lang) -> String {
    tr!(
        lang,
        "interrupted; everything it started was stopped",
        "interrompido; tudo o que foi iniciado foi encerrado"
    )
}

// ---------------------------------------------------------------- the course on disk

/// Why the course cannot be found or an exercise cannot be named.
pub fn course_error(lang: Lang, e: &course::Error) -> String {
    match e {
        course::Error::NotACourse(root) => {
            let root = display_path(root);
            tr!(
                lang,
                "`{root}` is not a course: it needs a Cargo.toml and an exercises/ folder",
                "`{root}` não é um curso: falta um Cargo.toml e uma pasta exercises/"
            )
        }
        course::Error::PathNotUnicode(root) => {
            let root = display_path(root);
            tr!(
                lang,
                "the course's folder, {root}, has a name that is not valid Unicode (UTF-8), and cargo \
                 cannot build in it: move or rename the course to a folder whose path is plain text",
                "o caminho da pasta do curso, {root}, não é Unicode (UTF-8) válido, e o cargo não \
                 consegue compilar ali: mova ou renomeie o curso para uma pasta com um caminho em texto comum"
            )
        }
        course::Error::NoCourseHere => tr!(
            lang,
            "run this inside the course repository (no folder with Cargo.toml and exercises/ found here or above)",
            "rode isto dentro do repositório do curso (nenhuma pasta com Cargo.toml e exercises/ aqui ou acima)"
        ),
        course::Error::CannotRead { path, error } => cannot_read(lang, path, error),
        course::Error::NoExercises(dir) => {
            let dir = display_path(dir);
            tr!(
                lang,
                "no exercises found in {dir}",
                "nenhum exercício encontrado em {dir}"
            )
        }
        course::Error::NoSuchExercise { wanted, labels } => {
            let list = labels.join(", ");
            tr!(
                lang,
                "no exercise called `{wanted}`. The exercises are: {list}",
                "não existe exercício chamado `{wanted}`. Os exercícios são: {list}"
            )
        }
    }
}

pub fn cannot_write(lang: Lang, path: &Path, e: &io::Error) -> String {
    let path = display_path(path);
    tr!(
        lang,
        "cannot write {path}: {e}",
        "não foi possível escrever {path}: {e}"
    )
}

pub fn cannot_read(lang: Lang, path: &Path, e: &io::Error) -> String {
    let path = display_path(path);
    tr!(
        lang,
        "cannot read {path}: {e}",
        "não foi possível ler {path}: {e}"
    )
}

/// Why an exercise's `exercise.toml` cannot be used.
pub fn metadata_problem(lang: Lang, problem: &MetadataProblem) -> String {
    use MetadataProblem as P;
    match problem {
        P::Unreadable(e) => tr!(lang, "cannot read it ({e})", "não foi possível lê-lo ({e})"),
        P::Toml(why) => why.clone(),
        P::UnknownKey { key, table: None } => tr!(
            lang,
            "unknown key `{key}` (the languages are the tables [en] and [pt-BR])",
            "chave desconhecida `{key}` (os idiomas são as tabelas [en] e [pt-BR])"
        ),
        P::UnknownKey {
            key,
            table: Some(table),
        } => tr!(
            lang,
            "unknown key `{key}` in [{table}]",
            "chave desconhecida `{key}` em [{table}]"
        ),
        P::BadEdit { path: None } => tr!(
            lang,
            "`edit` must be a non-empty list of paths",
            "`edit` precisa ser uma lista não vazia de caminhos"
        ),
        P::BadEdit { path: Some(path) } => tr!(
            lang,
            "edit path `{path}` must be relative and stay inside the exercise",
            "o caminho `{path}` em edit precisa ser relativo e ficar dentro do exercício"
        ),
        P::BadNumber { key, min, max } => tr!(
            lang,
            "`{key}` must be a whole number from {min} to {max}",
            "`{key}` precisa ser um inteiro de {min} a {max}"
        ),
        P::MissingTable { code } => tr!(
            lang,
            "the [{code}] table is missing",
            "falta a tabela [{code}]"
        ),
        P::MissingText { code, key } => tr!(
            lang,
            "[{code}] needs a non-empty `{key}`",
            "[{code}] precisa de `{key}` não vazio"
        ),
        P::UnevenHints { en, pt } => tr!(
            lang,
            "[en] has {en} hints but [pt-BR] has {pt}: both languages must say the same",
            "[en] tem {en} dicas, mas [pt-BR] tem {pt}: os dois idiomas precisam dizer o mesmo"
        ),
        P::BadErrors { code } => tr!(
            lang,
            "[{code}.errors] maps error codes such as E0382 to a non-empty note",
            "[{code}.errors] associa códigos de erro como E0382 a uma nota não vazia"
        ),
        P::UnevenErrors => tr!(
            lang,
            "[en.errors] and [pt-BR.errors] must note the same error codes",
            "[en.errors] e [pt-BR.errors] precisam ter notas para os mesmos códigos de erro"
        ),
    }
}

// ---------------------------------------------------------------- warnings

pub fn edited_exercise(lang: Lang, label: &str, files: &str) -> String {
    tr!(
        lang,
        "warning: {label}: files that decide its verdict were changed from the shipped \
         version ({files}); the result below comes from your changed files \
         (`cargo xtask reset {}` restores them, saving yours first)",
        "aviso: {label}: arquivos que decidem o veredito foram alterados em relação à \
         versão original ({files}); o resultado abaixo vem dos arquivos alterados \
         (`cargo xtask reset {}` os restaura, salvando os seus antes)",
        &label[..2]
    )
}

pub fn edited_support(lang: Lang, files: &str) -> String {
    tr!(
        lang,
        "warning: the tests' support library was changed from the shipped version \
         ({files}); every verdict below depends on it (`git checkout -- support` restores it)",
        "aviso: a biblioteca de apoio dos testes foi alterada em relação à versão original \
         ({files}); todos os vereditos abaixo dependem dela (`git checkout -- support` a restaura)"
    )
}

pub fn stray(lang: Lang, folder: &str, copy_of: Option<&str>) -> String {
    match copy_of {
        Some(real) => tr!(
            lang,
            "{folder} is a second copy of exercise {real}. cargo's course workspace takes \
             every folder in exercises/ as a package, and two with one name stop \
             `cargo test` and your editor: move the copy out of exercises/.",
            "{folder} é uma segunda cópia do exercício {real}. O workspace do curso pega \
             cada pasta de exercises/ como um pacote, e dois com o mesmo nome param o \
             `cargo test` e o seu editor: tire a cópia de exercises/."
        ),
        None => tr!(
            lang,
            "{folder} is not one of the course's exercises. cargo's course workspace takes \
             every folder in exercises/ as a package, so a stray one stops `cargo test` \
             and your editor: move it out of exercises/.",
            "{folder} não é um dos exercícios do curso. O workspace do curso pega cada \
             pasta de exercises/ como um pacote, então uma pasta estranha para o \
             `cargo test` e o seu editor: tire-a de exercises/."
        ),
    }
}

// ---------------------------------------------------------------- status line

pub fn progress(lang: Lang) -> String {
    tr!(lang, "Progress:", "Progresso:")
}

pub fn compiling(lang: Lang) -> String {
    tr!(lang, "Compiling", "Compilando")
}

pub fn testing(lang: Lang) -> String {
    tr!(lang, "Testing", "Testando")
}

pub fn checking(lang: Lang) -> String {
    tr!(lang, "Checking…", "Conferindo…")
}

pub fn slow_unit(lang: Lang, name: &str, after: Duration) -> String {
    let after = crate::texts::seconds(lang, after);
    tr!(
        lang,
        "`{name}` has been compiling for {after}. A compile that does not end is usually a \
         `const` whose evaluation never finishes, or a build script that waits; Ctrl-C stops it.",
        "`{name}` está compilando há {after}. Uma compilação que não termina costuma ser uma \
         `const` cuja avaliação nunca acaba, ou um build script que fica esperando; Ctrl-C a \
         interrompe."
    )
}

pub fn waiting_for_lock(lang: Lang) -> String {
    tr!(
        lang,
        "Waiting for another cargo (your editor's?) to release its lock…",
        "Esperando outro cargo (o do seu editor?) liberar o lock dele…"
    )
}

// ---------------------------------------------------------------- verify, list, hint, solution

pub fn done_range(lang: Lang, range: &str) -> String {
    tr!(lang, "Done: {range}", "Concluídos: {range}")
}

/// `✓ 02 passes`, on its own line after the list of what is done.
pub fn passes(lang: Lang, number: u32) -> String {
    tr!(lang, "{number:02} passes", "{number:02} passou")
}

pub fn compare_with_solution(lang: Lang, number: u32) -> String {
    tr!(
        lang,
        "Compare your code with the reference solution: `cargo xtask solution {number:02}`",
        "Compare o seu código com a solução de referência: `cargo xtask solution {number:02}`"
    )
}

/// In `watch`, when a save gives the result shown already.
pub fn same_result(lang: Lang, clock: &str) -> String {
    tr!(
        lang,
        "Same result, checked again at {clock}.",
        "Mesmo resultado, conferido de novo às {clock}."
    )
}

/// In `watch`, when the result does not fit the screen.
pub fn more_below(lang: Lang, lines: usize, number: u32) -> String {
    tr!(
        lang,
        "… {lines} more lines: press v to see them all, or run `cargo xtask verify {number:02}`.",
        "… mais {lines} linhas: aperte v para ver tudo, ou rode `cargo xtask verify {number:02}`."
    )
}

pub fn all_pass(lang: Lang, n: usize) -> String {
    tr!(
        lang,
        "All {n} exercises pass. Well done!",
        "Todos os {n} exercícios passam. Muito bem!"
    )
}

pub fn compare_with_solutions(lang: Lang) -> String {
    tr!(
        lang,
        "Compare your code with the reference solutions: cargo xtask solution NN",
        "Compare seu código com as soluções de referência: cargo xtask solution NN"
    )
}

pub enum State {
    Done,
    Next,
    Pending,
}

/// Padded to one width per language, for the list's column.
pub fn state(lang: Lang, state: State) -> String {
    match state {
        State::Done => tr!(lang, "done   ", "feito   "),
        State::Next => tr!(lang, "next   ", "próximo "),
        State::Pending => tr!(lang, "pending", "pendente"),
    }
}

pub fn no_hint_needed(lang: Lang) -> String {
    tr!(
        lang,
        "Every exercise passes: no hint needed. Name one to read its hints: cargo xtask hint 03",
        "Todos os exercícios passam: nenhuma dica necessária. Para ler as dicas de um, diga qual: cargo xtask hint 03"
    )
}

pub fn hints_title(lang: Lang, label: &str, title: &str) -> String {
    tr!(
        lang,
        "Hints for {label} · {title}",
        "Dicas para {label} · {title}"
    )
}

pub fn hint_number(lang: Lang, n: usize) -> String {
    tr!(lang, "Hint {n}:", "Dica {n}:")
}

/// `Hint 2 of 3:`
pub fn hint_of(lang: Lang, n: usize, total: usize) -> String {
    tr!(lang, "Hint {n} of {total}:", "Dica {n} de {total}:")
}

/// After a hint shown on its own: what comes next.
pub fn more_hints(lang: Lang, number: u32, n: usize, total: usize) -> String {
    if n < total {
        tr!(
            lang,
            "Still stuck? `cargo xtask hint {number:02}` again shows the next one; \
             `cargo xtask hint {number:02} --all` shows them all.",
            "Ainda travado? `cargo xtask hint {number:02}` de novo mostra a próxima; \
             `cargo xtask hint {number:02} --all` mostra todas."
        )
    } else {
        tr!(
            lang,
            "That was the last hint. `cargo xtask hint {number:02} --all` shows them all again.",
            "Essa foi a última dica. `cargo xtask hint {number:02} --all` mostra todas de novo."
        )
    }
}

/// The same, after a hint shown by `watch`'s `h` key, where `h` is what
/// shows the next one.
pub fn more_hints_in_watch(lang: Lang, number: u32, n: usize, total: usize) -> String {
    if n < total {
        tr!(
            lang,
            "Still stuck? Press h again for the next one; \
             `cargo xtask hint {number:02} --all` shows them all.",
            "Ainda travado? Aperte h de novo para ver a próxima; \
             `cargo xtask hint {number:02} --all` mostra todas."
        )
    } else {
        tr!(
            lang,
            "That was the last hint. Press h again to see them all.",
            "Essa foi a última dica. Aperte h de novo para ver todas."
        )
    }
}

pub fn instructions(lang: Lang) -> String {
    tr!(lang, "Instructions:", "Instruções:")
}

pub fn nothing_finished_yet(lang: Lang) -> String {
    tr!(
        lang,
        "You have not finished an exercise yet. To see a solution anyway, name it: cargo xtask solution 01",
        "Você ainda não concluiu nenhum exercício. Para ver uma solução mesmo assim, diga qual: cargo xtask solution 01"
    )
}

pub fn solution_title(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label}: your code (-) against the reference solution (+)",
        "{label}: seu código (-) comparado com a solução de referência (+)"
    )
}

pub fn solution_unreadable(lang: Lang, shown: &str, e: &io::Error) -> String {
    tr!(
        lang,
        "the reference solution {shown} cannot be read: {e}",
        "não foi possível ler a solução de referência {shown}: {e}"
    )
}

pub fn same_as_solution(lang: Lang, shown: &str) -> String {
    tr!(
        lang,
        "{shown} is the same as the reference solution.",
        "{shown} é igual à solução de referência."
    )
}

// ---------------------------------------------------------------- reset, seal

pub fn reset_folder_missing(lang: Lang, shown: &str) -> String {
    tr!(
        lang,
        "{shown} is missing, so there is nothing to reset; `git checkout -- {shown}` brings it back",
        "{shown} não existe, então não há o que restaurar; `git checkout -- {shown}` a traz de volta"
    )
}

pub fn reset_no_record(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label} has no shipped-files.txt, so its shipped version is unknown",
        "{label} não tem shipped-files.txt, então a versão original é desconhecida"
    )
}

pub fn reset_not_found(lang: Lang, file: &str, why: &str) -> String {
    tr!(
        lang,
        "the shipped version of {file} was not found in git's history ({why}); \
         reset needs the course's git clone. Nothing was changed.",
        "a versão original de {file} não foi encontrada no histórico do git ({why}); \
         o reset precisa do clone git do curso. Nada foi alterado."
    )
}

pub fn reset_nothing_to_do(lang: Lang, label: &str) -> String {
    tr!(
        lang,
        "{label} is already as shipped: nothing to do.",
        "{label} já está como original: nada a fazer."
    )
}

pub fn reset_saved(lang: Lang, shown: &str) -> String {
    tr!(
        lang,
        "Your version was saved in {shown}",
        "Sua versão foi salva em {shown}"
    )
}

pub fn reset_restored(lang: Lang, shown: &str, restored: bool) -> String {
    if restored {
        tr!(lang, "Restored {shown}", "Restaurado {shown}")
    } else {
        tr!(
            lang,
            "Removed {shown} (it was not shipped; your copy is in the backup)",
            "Removido {shown} (não veio com o curso; a sua cópia está no backup)"
        )
    }
}

pub fn reset_cannot_write(lang: Lang, shown: &str, e: &io::Error) -> String {
    tr!(
        lang,
        "cannot write {shown}: {e}. Check that it is a writable file (not read-only, not a folder).",
        "não foi possível escrever {shown}: {e}. Confira se é um arquivo que pode ser escrito (não somente leitura, não uma pasta)."
    )
}

// ---------------------------------------------------------------- watch

pub fn watching(lang: Lang, polling: bool) -> String {
    let how = if polling {
        tr!(lang, " (polling)", " (por consulta periódica)")
    } else {
        String::new()
    };
    tr!(
        lang,
        "Watching for saves: edit and save, the result updates here.{how}",
        "Observando salvamentos: edite e salve, o resultado aparece aqui.{how}"
    )
}

pub fn watch_keys(lang: Lang) -> String {
    tr!(
        lang,
        "h hint · v all · l list · s solution · Enter again · q quit",
        "h dica · v tudo · l lista · s solução · Enter de novo · q sair"
    )
}

pub fn finish_one_first(lang: Lang) -> String {
    tr!(
        lang,
        "Finish an exercise first; its solution is shown here then.\n",
        "Conclua um exercício primeiro; a solução dele aparece aqui depois.\n"
    )
}

pub fn nothing_yet(lang: Lang, have_results: bool) -> String {
    if have_results {
        tr!(
            lang,
            "Every exercise passes.\n",
            "Todos os exercícios passam.\n"
        )
    } else {
        tr!(
            lang,
            "Wait for the first result.\n",
            "Aguarde o primeiro resultado.\n"
        )
    }
}

pub fn bye(lang: Lang) -> String {
    tr!(lang, "Bye!", "Até mais!")
}
