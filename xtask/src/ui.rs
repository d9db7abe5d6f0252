//! How the runner speaks: colours, links, bars and the transient status
//! line, for the learner's language.
//!
//! Colours, hyperlinks and the status line appear only when stdout is a
//! terminal and `NO_COLOR` is unset, so output piped to a file or read by a
//! test is plain text.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::engine::Event;
use crate::platform;
use crate::texts::{Lang, messages, wrap};

pub struct Ui {
    pub lang: Lang,
    /// stdout is a terminal: status lines and hyperlinks are welcome.
    pub tty: bool,
    pub color: bool,
    /// The columns prose is wrapped to: the terminal's, else `COLUMNS`,
    /// else 88.
    pub width: usize,
    /// The terminal's rows, when stdout is a terminal.
    pub rows: Option<usize>,
}

impl Ui {
    pub fn new(lang: Lang) -> Ui {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let size = if tty { platform::terminal_size() } else { None };
        let columns = std::env::var("COLUMNS").ok().and_then(|c| c.parse().ok());
        Ui {
            lang,
            tty,
            color: tty && !no_color,
            width: size
                .map(|(w, _)| w)
                .or(columns)
                .unwrap_or(wrap::DEFAULT_WIDTH),
            rows: size.map(|(_, h)| h),
        }
    }

    /// A plain interface, for tests and for text that goes to files.
    pub fn plain(lang: Lang) -> Ui {
        Ui {
            lang,
            tty: false,
            color: false,
            width: wrap::DEFAULT_WIDTH,
            rows: None,
        }
    }

    /// `text` with each line fitted to the width (see [`wrap::wrap`]).
    pub fn wrap(&self, text: &str) -> String {
        wrap::wrap(text, self.width)
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    pub fn good(&self, text: &str) -> String {
        self.paint("32", text)
    }

    pub fn bad(&self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn warn(&self, text: &str) -> String {
        self.paint("33", text)
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    /// A path the learner can click in terminals that understand OSC 8
    /// hyperlinks; the plain relative path elsewhere.
    pub fn link(&self, absolute: &Path, shown: &str) -> String {
        if self.tty {
            let url = platform::file_url(absolute);
            format!("\x1b]8;;{url}\x1b\\{shown}\x1b]8;;\x1b\\")
        } else {
            shown.to_owned()
        }
    }

    /// `Progress: [#####---------------] 5/20`
    pub fn progress(&self, done: usize, total: usize) -> String {
        let complete = done >= total && total > 0;
        let bar = bar(done, total);
        let bar = if complete { self.good(&bar) } else { bar };
        format!("{} {bar} {done}/{total}", messages::progress(self.lang))
    }

    /// A one-line status on stderr that the next status (or
    /// [`Ui::clear_status`]) replaces; nothing when not on a terminal.
    pub fn status(&self, text: &str) {
        if self.tty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K{text}");
            let _ = err.flush();
        }
    }

    pub fn clear_status(&self) {
        if self.tty {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    /// Shows what the engine is doing. Waiting for another cargo's lock is
    /// said even when not on a terminal: it can last long.
    pub fn observe(&self, event: Event) {
        match event {
            Event::Compiling { done, total, name } => self.status(&format!(
                "{} {} {done}/{total} {name}",
                messages::compiling(self.lang),
                bar(done, total)
            )),
            Event::Testing { done, total } => {
                self.status(&format!("{} {done}/{total}", messages::testing(self.lang)));
            }
            Event::SlowUnit { name, after } => {
                // A line that stays, unlike the status line.
                self.clear_status();
                eprintln!(
                    "{}",
                    self.wrap(&messages::slow_unit(self.lang, &name, after))
                );
            }
            Event::WaitingForLock => {
                let text = messages::waiting_for_lock(self.lang);
                if self.tty {
                    self.status(&text);
                } else {
                    eprintln!("{text}");
                }
            }
        }
    }
}

/// `[#####---------------]`: twenty cells, never more full than full.
pub fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done.min(total) * WIDTH).checked_div(total).unwrap_or(0);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(WIDTH - filled))
}

/// Strips ANSI escape sequences (for messages that came coloured but go to
/// a place without colour).
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_bar_in_both_languages() {
        assert_eq!(
            Ui::plain(Lang::En).progress(5, 20),
            "Progress: [#####---------------] 5/20"
        );
        assert_eq!(
            Ui::plain(Lang::PtBr).progress(0, 8),
            "Progresso: [--------------------] 0/8"
        );
    }

    #[test]
    fn bars_never_overflow_or_underflow() {
        assert_eq!(bar(30, 20), "[####################]");
        assert_eq!(bar(3, 0), "[--------------------]");
        assert!(Ui::plain(Lang::En).progress(9, 8).contains("9/8"));
    }

    #[test]
    fn plain_ui_has_no_escapes() {
        let ui = Ui::plain(Lang::En);
        assert_eq!(ui.bad("x"), "x");
        assert_eq!(ui.link(Path::new("/a/b"), "b"), "b");
    }

    #[test]
    fn ansi_is_stripped() {
        assert_eq!(strip_ansi("\x1b[1m\x1b[31merror\x1b[0m: x"), "error: x");
    }
}
