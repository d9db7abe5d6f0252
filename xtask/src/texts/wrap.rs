//! Prose fitted to the screen: test messages, hints and notes broken into
//! lines no wider than the terminal (88 columns when the output is not a
//! terminal), only at spaces, never inside a word or a `code span`.
//!
//! Written by hand rather than with `textwrap`, although that crate costs
//! the runner's first build nothing measurable: the course's prose needs
//! three rules of its own (continuation lines keep the line's indent, a
//! quote's `| ` and a list marker's width; backticked spans stay whole;
//! colour and hyperlink escapes take no room), which would stay ours with
//! the crate too (see the table in `main.rs`).
//!
//! Widths count characters: the course's texts are Latin letters, box
//! drawing and a few symbols, all one column wide.

/// The width used when the output is not a terminal.
pub const DEFAULT_WIDTH: usize = 88;
/// Narrower than this, lines are not broken at all: a text broken into
/// one-word lines is worse than one the terminal breaks.
const NARROWEST: usize = 30;

/// Every line of `text` no wider than `width` where it can be: a line too
/// wide is broken at spaces, and the pieces after the first keep the
/// line's indent (and the `| ` of a quote, and the width of a list
/// marker).
pub fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        wrap_line(line, width, &mut out);
    }
    out
}

/// Joins the lines of each paragraph (lines that follow one another
/// without a blank line, a list marker or a deeper indent), then wraps:
/// for texts written already broken at some other width.
pub fn reflow(text: &str, width: usize) -> String {
    let mut joined: Vec<String> = Vec::new();
    for line in text.split('\n') {
        let continues = joined.last().is_some_and(|previous: &String| {
            !previous.trim().is_empty()
                && !line.trim().is_empty()
                && indent_of(line) == indent_of(previous)
                && marker_of(line.trim_start()) == 0
        });
        match joined.last_mut() {
            Some(previous) if continues => {
                previous.push(' ');
                previous.push_str(line.trim_start());
            }
            _ => joined.push(line.to_owned()),
        }
    }
    wrap(&joined.join("\n"), width)
}

fn wrap_line(line: &str, width: usize, out: &mut String) {
    let width = width.max(NARROWEST);
    if columns(line) <= width {
        out.push_str(line);
        return;
    }
    let prefix = prefix_of(line);
    let body = &line[prefix.len()..];
    let hanging = format!("{prefix}{}", " ".repeat(marker_of(body)));
    let mut used = 0;
    let mut first = true;
    for word in words(body) {
        let w = columns(word);
        if first {
            out.push_str(prefix);
            used = columns(prefix);
        } else if used + 1 + w > width {
            out.push('\n');
            out.push_str(&hanging);
            used = columns(&hanging);
        } else {
            out.push(' ');
            used += 1;
        }
        out.push_str(word);
        used += w;
        first = false;
    }
}

/// The start a line's continuations repeat: its indent, and a quote's
/// `| ` after it.
fn prefix_of(line: &str) -> &str {
    let indent = indent_of(line);
    let rest = &line[indent..];
    if rest.starts_with("| ") {
        &line[..indent + 2]
    } else {
        &line[..indent]
    }
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The width of a list marker (`- `, `* `, `1. `, and the report's `! `,
/// `✓ `, `✗ `) at the start of `body`.
fn marker_of(body: &str) -> usize {
    let body = strip_ansi(body);
    if ["- ", "* ", "• ", "! ", "✓ ", "✗ "]
        .iter()
        .any(|m| body.starts_with(m))
    {
        return 2;
    }
    let digits = body.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && body[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    }
}

/// The words of `text`, split at spaces outside backticks: a `code span`
/// with spaces in it is one word.
fn words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut in_code = false;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c == '`' {
            in_code = !in_code;
        }
        if c == ' ' && !in_code {
            if let Some(s) = start.take() {
                words.push(&text[s..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push(&text[s..]);
    }
    words
}

/// The columns `text` takes: characters, not counting colour escapes
/// (`ESC [ … letter`) or hyperlinks (`ESC ] … ESC \`).
pub fn columns(text: &str) -> usize {
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\x1b' {
            n += 1;
            continue;
        }
        match chars.next() {
            Some('[') => {
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            }
            Some(']') => {
                while let Some(c) = chars.next() {
                    if c == '\x1b' && chars.peek() == Some(&'\\') {
                        chars.next();
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    n
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
    fn ansi_is_stripped() {
        assert_eq!(strip_ansi("\x1b[1m\x1b[31merror\x1b[0m: x"), "error: x");
    }

    /// No line wider than `width` unless it is one word; no word split.
    fn assert_fits(text: &str, wrapped: &str, width: usize) {
        for line in wrapped.lines() {
            assert!(
                columns(line) <= width || words(line.trim()).len() == 1,
                "too wide: {line:?}"
            );
        }
        let before: Vec<&str> = text.split_whitespace().collect();
        let after: Vec<&str> = wrapped.split_whitespace().collect();
        assert_eq!(before, after, "words changed");
    }

    #[test]
    fn long_lines_break_at_spaces_and_keep_their_indent() {
        let text = "    the receiver got 3 messages, but the producer sent 4: the last one was \
                    lost when the Sender was dropped before it was read";
        let wrapped = wrap(text, 40);
        assert_fits(text, &wrapped, 40);
        assert!(wrapped.lines().count() > 2);
        assert!(wrapped.lines().all(|l| l.starts_with("    ")));
    }

    #[test]
    fn code_spans_stay_whole() {
        let text = "replace it with `while let Ok(msg) = rx.recv()` so the loop ends";
        let wrapped = wrap(text, 32);
        assert!(
            wrapped
                .lines()
                .any(|l| l.contains("`while let Ok(msg) = rx.recv()`")),
            "{wrapped}"
        );
        assert_fits(text, &wrapped, 32);
    }

    #[test]
    fn short_lines_and_structure_are_untouched() {
        let text = "  a\n\n    | b c\n- d";
        assert_eq!(wrap(text, 80), text);
    }

    #[test]
    fn quotes_and_list_items_continue_under_their_text() {
        let wrapped = wrap("    | one two three four five six seven eight nine ten", 30);
        assert!(
            wrapped.lines().all(|l| l.starts_with("    | ")),
            "{wrapped}"
        );
        let wrapped = wrap("  - one two three four five six seven eight nine ten", 30);
        let mut lines = wrapped.lines();
        assert!(lines.next().unwrap().starts_with("  - one"));
        assert!(lines.all(|l| l.starts_with("    ") && !l.starts_with("     ")));
    }

    #[test]
    fn colour_escapes_take_no_room() {
        let red = "\x1b[31mword\x1b[0m";
        assert_eq!(columns(red), 4);
        assert_eq!(columns("\x1b]8;;file:///a\x1b\\a.rs\x1b]8;;\x1b\\"), 4);
        let text = format!("{red} {red} {red} {red} {red} {red} {red}");
        assert_eq!(wrap(&text, 34), text);
    }

    #[test]
    fn reflow_joins_a_paragraph_broken_elsewhere() {
        let text = "Both producers use the one `tx`\nthe function was given.\n\nA second one\n- a list\n- stays";
        let wrapped = reflow(text, 80);
        assert_eq!(
            wrapped,
            "Both producers use the one `tx` the function was given.\n\nA second one\n- a list\n- stays"
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_left_whole() {
        let long = "x".repeat(50);
        let wrapped = wrap(&format!("a {long} b"), 40);
        assert_eq!(wrapped, format!("a\n{long}\nb"));
    }
}
