//! How the runner's output looks: colours, links, bars and the transient
//! status line. It words nothing: the texts do, and mark what stands out
//! through [`Paint`], which this implements.
//!
//! Colours, hyperlinks and the status line appear only when stdout is a
//! terminal and `NO_COLOR` is unset, so output piped to a file or read by a
//! test is plain text.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::platform;
use crate::texts::{Lang, Paint, wrap};

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
}

impl Paint for Ui {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn color(&self) -> bool {
        self.color
    }
    fn width(&self) -> usize {
        self.width
    }
    fn wrap(&self, text: &str) -> String {
        Ui::wrap(self, text)
    }
    fn bad(&self, text: &str) -> String {
        Ui::bad(self, text)
    }
    fn warn(&self, text: &str) -> String {
        Ui::warn(self, text)
    }
    fn bold(&self, text: &str) -> String {
        Ui::bold(self, text)
    }
    fn dim(&self, text: &str) -> String {
        Ui::dim(self, text)
    }
    fn link(&self, absolute: &Path, shown: &str) -> String {
        Ui::link(self, absolute, shown)
    }
}

/// `[#####---------------]`: twenty cells, never more full than full.
pub fn bar(done: usize, total: usize) -> String {
    const WIDTH: usize = 20;
    let filled = (done.min(total) * WIDTH).checked_div(total).unwrap_or(0);
    format!("[{}{}]", "#".repeat(filled), "-".repeat(WIDTH - filled))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_never_overflow_or_underflow() {
        assert_eq!(bar(30, 20), "[####################]");
        assert_eq!(bar(3, 0), "[--------------------]");
    }

    #[test]
    fn plain_ui_has_no_escapes() {
        let ui = Ui::plain(Lang::En);
        assert_eq!(ui.bad("x"), "x");
        assert_eq!(ui.link(Path::new("/a/b"), "b"), "b");
    }
}
