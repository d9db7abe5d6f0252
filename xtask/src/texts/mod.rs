//! Everything the learner reads, in the two languages the course speaks.
//!
//! Texts live here, grouped by family, both languages side by side, so that
//! the code that decides (the engine, the commands) never holds a sentence
//! and adding a language or a verdict touches one place. There is one way to
//! write a text: [`tr!`], which formats the English or the Portuguese version
//! with the same arguments. Numbers go through [`count`] (real singular and
//! plural forms) and [`seconds`] (a decimal comma in Portuguese).
//!
//! The learner's language is `--lang`, else the locale variables (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, the first that is set and non-empty, as POSIX ranks
//! them): a value starting with `pt` means Brazilian Portuguese. The runner
//! passes its choice to the exercises' tests in `COURSE_LANG`.

pub mod compiler;
pub mod grading;
pub mod messages;
pub mod quote;
pub mod verdicts;
pub mod wrap;

use std::path::Path;
use std::time::Duration;

/// The course's two languages, chosen by the same rule as in the
/// exercises' tests (the support library owns it).
pub use course_support::Lang;

/// How a text is marked for the screen. The texts say which words stand
/// out (a failure, a title, a path to open) and which lines are prose that
/// may be wrapped; the terminal interface ([`crate::ui::Ui`]) decides what
/// that looks like: colours, hyperlinks and the width, or nothing at all
/// when the output is not a terminal.
pub trait Paint {
    fn lang(&self) -> Lang;
    /// Laid-out text that came with colours (rustc's, cargo's) keeps them.
    fn color(&self) -> bool;
    /// The columns prose is fitted to.
    fn width(&self) -> usize;
    /// `text` with each line fitted to the width (see [`wrap::wrap`]).
    fn wrap(&self, text: &str) -> String;
    fn bad(&self, text: &str) -> String;
    fn warn(&self, text: &str) -> String;
    fn bold(&self, text: &str) -> String;
    fn dim(&self, text: &str) -> String;
    /// `shown`, as a link to the file at `absolute` where links work.
    fn link(&self, absolute: &Path, shown: &str) -> String;
}

/// `--lang` when given, else the locale.
pub fn detect(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
}

/// `tr!(lang, "English {x}", "Português {x}")`: a `String` in the chosen
/// language, both texts formatted with the same arguments.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $pt:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::texts::Lang::En => format!($en $(, $arg)*),
            $crate::texts::Lang::PtBr => format!($pt $(, $arg)*),
        }
    };
}

/// `1 test`, `2 tests`, `0 tests`; the caller gives both forms of each
/// language: `count(lang, n, ("test", "tests"), ("teste", "testes"))`.
pub fn count(lang: Lang, n: usize, en: (&str, &str), pt: (&str, &str)) -> String {
    let (one, many) = match lang {
        Lang::En => en,
        Lang::PtBr => pt,
    };
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `2.5 s` in English, `2,5 s` in Portuguese; whole seconds without
/// decimals.
pub fn seconds(lang: Lang, d: Duration) -> String {
    let text = if d.subsec_millis() == 0 {
        format!("{} s", d.as_secs())
    } else {
        format!("{:.1} s", d.as_secs_f64())
    };
    match lang {
        Lang::En => text,
        Lang::PtBr => text.replace('.', ","),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tr_formats_the_chosen_text() {
        let n = 3;
        assert_eq!(tr!(Lang::En, "{n} left", "faltam {n}"), "3 left");
        assert_eq!(tr!(Lang::PtBr, "{n} left", "faltam {n}"), "faltam 3");
    }

    #[test]
    fn counts_have_singular_and_plural_forms() {
        let t = ("test", "tests");
        let p = ("teste", "testes");
        assert_eq!(count(Lang::En, 1, t, p), "1 test");
        assert_eq!(count(Lang::En, 0, t, p), "0 tests");
        assert_eq!(count(Lang::PtBr, 1, t, p), "1 teste");
        assert_eq!(count(Lang::PtBr, 2, t, p), "2 testes");
    }

    #[test]
    fn seconds_use_the_languages_decimal_mark() {
        assert_eq!(seconds(Lang::En, Duration::from_millis(2500)), "2.5 s");
        assert_eq!(seconds(Lang::PtBr, Duration::from_millis(2500)), "2,5 s");
        assert_eq!(seconds(Lang::PtBr, Duration::from_secs(15)), "15 s");
    }
}
