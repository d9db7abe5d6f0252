//! Quoting what an answer printed, safely.
//!
//! A panic message, the end of a crashed program's stderr, the beginning of
//! a flood: all come from the learner's code, so they may hold escape
//! sequences (clear the screen, set the window title), text-direction
//! overrides, or megabytes on one line. Every quote in a report goes
//! through [`quote`]: control characters become visible, harmless text, and
//! the quote is bounded in lines and in characters, saying how much was left
//! out.

use crate::texts::Lang;
use crate::tr;

/// Lines kept from one quote.
pub const MAX_LINES: usize = 40;
/// Characters kept from one line.
pub const MAX_LINE: usize = 1000;

/// `text` made harmless and bounded, each line behind `prefix`.
pub fn quote(lang: Lang, text: &str, prefix: &str) -> String {
    quote_at_most(lang, text, prefix, MAX_LINES)
}

/// [`quote`] keeping at most `max_lines` lines (and no more than
/// [`MAX_LINES`]).
pub fn quote_at_most(lang: Lang, text: &str, prefix: &str, max_lines: usize) -> String {
    let max_lines = max_lines.min(MAX_LINES);
    let lines: Vec<&str> = text.lines().collect();
    let mut out = String::new();
    for line in lines.iter().take(max_lines) {
        out.push_str(prefix);
        out.push_str(&line_of(lang, line));
        out.push('\n');
    }
    if lines.len() > max_lines {
        let more = lines.len() - max_lines;
        out.push_str(prefix);
        out.push_str(&tr!(
            lang,
            "[… {more} more lines left out]",
            "[… mais {more} linhas omitidas]"
        ));
        out.push('\n');
    }
    out
}

/// One line, made visible and cut at [`MAX_LINE`] characters.
fn line_of(lang: Lang, line: &str) -> String {
    let visible = visible(line);
    let count = visible.chars().count();
    if count <= MAX_LINE {
        return visible;
    }
    let kept: String = visible.chars().take(MAX_LINE).collect();
    let more = count - MAX_LINE;
    kept + &tr!(
        lang,
        " [… {more} more characters left out]",
        " [… mais {more} caracteres omitidos]"
    )
}

/// Control characters as visible text: ESC as `␛`, other C0 characters as
/// their control pictures (`␇`), DEL, C1 characters and direction
/// overrides as `\u{…}`. Tabs stay.
pub fn visible(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => out.push(c),
            '\u{1b}' => out.push('␛'),
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
            '\u{7f}' => out.push('␡'),
            '\u{80}'..='\u{9f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let hostile = "\u{1b}]0;owned\u{7}\u{1b}[2Jtext\u{202e}dne\r";
        let shown = visible(hostile);
        assert!(!shown.chars().any(|c| c.is_control()), "{shown:?}");
        assert_eq!(shown, "␛]0;owned␇␛[2Jtext\\u{202e}dne␍");
    }

    #[test]
    fn a_huge_line_is_cut_and_says_so() {
        let line = "x".repeat(150_000);
        let q = quote(Lang::En, &line, "  | ");
        assert!(q.len() < 1200, "{}", q.len());
        assert!(q.contains("149000 more characters left out"));
        let q = quote(Lang::PtBr, &line, "");
        assert!(q.contains("mais 149000 caracteres omitidos"));
    }

    #[test]
    fn many_lines_are_cut_and_say_so() {
        let text = "line\n".repeat(12_000);
        let q = quote(Lang::En, &text, "| ");
        assert_eq!(q.lines().count(), MAX_LINES + 1);
        assert!(q.ends_with("| [… 11960 more lines left out]\n"));
    }
}
