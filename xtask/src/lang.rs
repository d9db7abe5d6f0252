//! The two languages the course speaks, and how the learner's is chosen.
//!
//! Every learner-facing text of the runner is written as a pair through
//! [`Lang::pick`] (or the `tr!` macro), so no message can exist in only one
//! language. The choice is `--lang`, else the locale variables (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`, the first that is set and non-empty, as POSIX
//! ranks them): a value starting with `pt` means Brazilian Portuguese.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
    PtBr,
}

impl Lang {
    pub fn detect(flag: Option<Lang>) -> Lang {
        flag.unwrap_or_else(|| Lang::from_locale(|name| std::env::var(name).ok()))
    }

    /// The locale rule, with the environment passed in so it can be tested.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()));
        match value {
            Some(v) if v.to_ascii_lowercase().starts_with("pt") => Lang::PtBr,
            _ => Lang::En,
        }
    }

    /// The code passed to the exercises' tests in `COURSE_LANG`, and the
    /// table name in `exercise.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::PtBr => "pt-BR",
        }
    }

    pub fn pick<T>(self, en: T, pt: T) -> T {
        match self {
            Lang::En => en,
            Lang::PtBr => pt,
        }
    }
}

/// `tr!(lang, "English {x}", "Português {x}")`: a `String` in the chosen
/// language, both texts formatted with the same arguments.
#[macro_export]
macro_rules! tr {
    ($lang:expr, $en:literal, $pt:literal $(, $arg:expr)* $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => format!($en $(, $arg)*),
            $crate::lang::Lang::PtBr => format!($pt $(, $arg)*),
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn portuguese_locales_pick_pt_br() {
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "pt_BR.UTF-8")])),
            Lang::PtBr
        );
        assert_eq!(Lang::from_locale(env(&[("LC_ALL", "pt_PT")])), Lang::PtBr);
    }

    #[test]
    fn lc_all_wins_over_lang_and_empty_values_are_skipped() {
        let e = [("LC_ALL", "en_US.UTF-8"), ("LANG", "pt_BR.UTF-8")];
        assert_eq!(Lang::from_locale(env(&e)), Lang::En);
        let e = [("LC_ALL", ""), ("LC_MESSAGES", "pt_BR"), ("LANG", "C")];
        assert_eq!(Lang::from_locale(env(&e)), Lang::PtBr);
    }

    #[test]
    fn anything_else_is_english() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::En);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::En);
    }

    #[test]
    fn tr_formats_the_chosen_text() {
        let n = 3;
        assert_eq!(tr!(Lang::En, "{n} left", "faltam {n}"), "3 left");
        assert_eq!(tr!(Lang::PtBr, "{n} left", "faltam {n}"), "faltam 3");
    }
}
