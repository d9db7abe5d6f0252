//! The course's glossary, as far as a program can hold it: the Portuguese
//! renderings it bans.
//!
//! `GLOSSARY.md`, at the course's root, gives each word of the course in
//! English and Brazilian Portuguese. A fenced block of it, opened with
//! ```` ```text banned-pt-BR ````, lists renderings that must not come back
//! (a word that says the wrong thing, or one of two words for one idea), one
//! a line: `banned → what to write instead`. The maintainer check reads the
//! block and looks for each banned rendering, as a whole word or phrase and
//! whatever its case, in the course's Portuguese texts. A phrase may run over
//! a line break, or over a Rust string's `\` continuation.

use std::path::Path;

/// The glossary's file, at the course's root.
pub const FILE: &str = "GLOSSARY.md";

/// The tag that opens the block of banned renderings.
const TAG: &str = "banned-pt-BR";

/// One banned rendering and what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Banned {
    pub words: String,
    pub instead: String,
}

/// One place where a banned rendering was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found<'a> {
    pub banned: &'a Banned,
    /// Line number (from 1) in the text that was searched.
    pub line: usize,
}

/// The banned renderings of the course at `root`: `None` when the course
/// has no glossary (a fixture course), `Some(Err)` when the glossary has no
/// block of banned renderings, or a line of it cannot be read.
pub fn load(root: &Path) -> Option<Result<Vec<Banned>, String>> {
    let text = std::fs::read_to_string(root.join(FILE)).ok()?;
    Some(parse(&text))
}

/// The block of banned renderings in the glossary's text.
pub fn parse(glossary: &str) -> Result<Vec<Banned>, String> {
    let mut lines = glossary.lines().enumerate();
    lines
        .by_ref()
        .find(|(_, l)| l.trim_start().starts_with("```") && l.contains(TAG))
        .ok_or_else(|| format!("no ```text {TAG} block"))?;
    let mut banned = Vec::new();
    for (n, line) in lines {
        let line = line.trim();
        if line.starts_with("```") {
            return Ok(banned);
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (words, instead) = line
            .split_once('→')
            .ok_or_else(|| format!("line {}: `banned → instead` expected", n + 1))?;
        let words = words.trim().to_lowercase();
        if words.is_empty() {
            return Err(format!("line {}: nothing banned", n + 1));
        }
        banned.push(Banned {
            words,
            instead: instead.trim().to_string(),
        });
    }
    Err(format!("the {TAG} block is not closed"))
}

/// Every place in `text` where a banned rendering appears.
pub fn find<'a>(banned: &'a [Banned], text: &str) -> Vec<Found<'a>> {
    let (chars, lines) = flatten(text);
    let mut found = Vec::new();
    for b in banned {
        let wanted: Vec<char> = b.words.chars().collect();
        let mut at = 0;
        while at + wanted.len() <= chars.len() {
            let whole = chars[at..at + wanted.len()] == wanted[..]
                && !at
                    .checked_sub(1)
                    .is_some_and(|before| is_word(chars[before]))
                && !chars.get(at + wanted.len()).is_some_and(|c| is_word(*c));
            if whole {
                found.push(Found {
                    banned: b,
                    line: lines[at],
                });
                at += wanted.len();
            } else {
                at += 1;
            }
        }
    }
    found.sort_by_key(|f| f.line);
    found
}

/// A letter or digit, or a hyphen inside a word (`dividi-lo`).
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The text in lower case with every run of blanks (a Rust string's `\`
/// continuation included) made one space, and the line each char came from.
fn flatten(text: &str) -> (Vec<char>, Vec<usize>) {
    let mut chars = Vec::with_capacity(text.len());
    let mut lines = Vec::with_capacity(text.len());
    let mut line = 1;
    let mut input = text.chars().peekable();
    while let Some(c) = input.next() {
        let blank = c.is_whitespace() || (c == '\\' && input.peek() == Some(&'\n'));
        if blank {
            if chars.last() != Some(&' ') {
                chars.push(' ');
                lines.push(line);
            }
        } else {
            for lower in c.to_lowercase() {
                chars.push(lower);
                lines.push(line);
            }
        }
        if c == '\n' {
            line += 1;
        }
    }
    (chars, lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLOSSARY: &str = "\
# Glossary

| en | pt-BR |
|---|---|
| beat | batida |

```text banned-pt-BR
# a comment
compasso → batida
nem se quer → nem é desejável
dividi-lo → compartilhá-lo
```
";

    fn banned() -> Vec<Banned> {
        parse(GLOSSARY).unwrap()
    }

    #[test]
    fn reads_the_block_of_banned_renderings() {
        let b = banned();
        assert_eq!(b.len(), 3);
        assert_eq!(b[0].words, "compasso");
        assert_eq!(b[0].instead, "batida");
        assert_eq!(b[1].words, "nem se quer");
    }

    #[test]
    fn a_glossary_without_the_block_or_with_a_bad_line_is_refused() {
        assert!(parse("# Glossary\n").is_err());
        assert!(parse("```text banned-pt-BR\ncompasso\n```\n").is_err());
        assert!(parse("```text banned-pt-BR\ncompasso → batida\n").is_err());
    }

    #[test]
    fn finds_whole_words_whatever_their_case() {
        let b = banned();
        let text = "uma linha\nUm Compasso perdido.\ncompassos não contam\n";
        let found = find(&b, text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].banned.words, "compasso");
        assert_eq!(found[0].line, 2);
    }

    #[test]
    fn finds_a_phrase_cut_by_a_line_break_or_a_string_continuation() {
        let b = banned();
        let markdown = "Não é preciso `Clone`, nem se\nquer.";
        assert_eq!(find(&b, markdown)[0].line, 1);
        let rust = "\"Não é preciso Clone, nem \\\n             se quer.\"";
        assert_eq!(find(&b, rust).len(), 1);
    }

    #[test]
    fn a_hyphenated_word_is_one_word() {
        let b = banned();
        assert_eq!(find(&b, "os workers vão dividi-lo").len(), 1);
        assert!(find(&b, "dividi-los").is_empty());
    }

    #[test]
    fn a_clean_text_has_nothing_to_report() {
        let b = banned();
        let text = "Um vigia conta as batidas perdidas; travar quer dizer não sair do lugar.";
        assert!(find(&b, text).is_empty());
    }
}
