//! A reader for the small subset of TOML used by exercise metadata files
//! (`edit = [...]`, `time_limit_secs = 15`, per-language `[en]` tables of
//! strings).
//!
//! Supported: comments; bare (`A-Za-z0-9_-`) and quoted keys; `[table]` headers
//! naming one key; basic, literal, multi-line basic and multi-line literal
//! strings with the TOML escape and line-ending-backslash rules; integers
//! (optional sign, `_` separators); booleans; arrays of these, which may span
//! lines and contain comments and a trailing comma.
//!
//! Everything outside that subset is rejected rather than misread: floats,
//! dates and times, inline tables, dotted keys, nested tables, arrays of
//! tables, duplicate keys and tables, and malformed or unterminated strings
//! all produce a [`TomlError`] carrying the 1-based line of the problem. A file
//! this module accepts therefore means the same thing to any TOML parser.
//! Keys and tables keep their source order.

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    String(String),
    Integer(i64),
    Bool(bool),
    Array(Vec<Value>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Value::Integer(i) => Some(*i),
            _ => None,
        }
    }

    #[cfg(test)]
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Value]> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The strings of an array whose items are all strings; `None` if this is
    /// not an array or any item is not a string.
    pub fn string_list(&self) -> Option<Vec<&str>> {
        self.as_array()?.iter().map(Value::as_str).collect()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    entries: Vec<(String, Value)>,
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| k.as_str())
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    root: Table,
    tables: Vec<(String, Table)>,
}

impl Document {
    pub fn parse(text: &str) -> Result<Document, TomlError> {
        Parser { text, pos: 0 }.document()
    }

    /// The keys before the first `[table]` header.
    pub fn root(&self) -> &Table {
        &self.root
    }

    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|(n, _)| n == name).map(|(_, t)| t)
    }

    pub fn table_names(&self) -> impl Iterator<Item = &str> {
        self.tables.iter().map(|(n, _)| n.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlError {
    /// 1-based line of the problem; for an unterminated string, the line where
    /// it starts.
    pub line: usize,
    pub message: String,
}

impl fmt::Display for TomlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl std::error::Error for TomlError {}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

fn is_bare_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

impl Parser<'_> {
    /// Errors carry a byte offset internally and are turned into a line number
    /// here, which keeps line counting out of every scanning loop.
    fn error_at(&self, offset: usize, message: impl Into<String>) -> TomlError {
        let line = 1 + self.text.as_bytes()[..offset.min(self.text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        TomlError {
            line,
            message: message.into(),
        }
    }

    fn error(&self, message: impl Into<String>) -> TomlError {
        self.error_at(self.pos, message)
    }

    fn rest(&self) -> &str {
        &self.text[self.pos..]
    }

    fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    fn skip_spaces(&mut self) {
        while let Some(' ' | '\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn eat_newline(&mut self) -> bool {
        self.eat("\n") || self.eat("\r\n")
    }

    fn skip_comment(&mut self) -> Result<(), TomlError> {
        if self.peek() != Some('#') {
            return Ok(());
        }
        while let Some(c) = self.peek() {
            if c == '\n' || self.rest().starts_with("\r\n") {
                break;
            }
            if c != '\t' && c.is_control() {
                return Err(self.error("control character in comment"));
            }
            self.pos += c.len_utf8();
        }
        Ok(())
    }

    /// Skips spaces, comments and newlines, as allowed between lines and
    /// between array items.
    fn skip_blank(&mut self) -> Result<(), TomlError> {
        loop {
            self.skip_spaces();
            self.skip_comment()?;
            if !self.eat_newline() {
                return Ok(());
            }
        }
    }

    /// After a key/value pair or a header only a comment may follow on the line.
    fn end_of_line(&mut self) -> Result<(), TomlError> {
        self.skip_spaces();
        self.skip_comment()?;
        if self.pos == self.text.len() || self.eat_newline() {
            Ok(())
        } else {
            Err(self.error("expected a newline after the value"))
        }
    }

    fn document(mut self) -> Result<Document, TomlError> {
        let mut doc = Document::default();
        loop {
            self.skip_blank()?;
            let line_start = self.pos;
            match self.peek() {
                None => return Ok(doc),
                Some('[') => {
                    let name = self.table_header()?;
                    if doc.table(&name).is_some() {
                        return Err(self.error_at(line_start, format!("duplicate table [{name}]")));
                    }
                    if doc.root.get(&name).is_some() {
                        return Err(self.error_at(
                            line_start,
                            format!("table [{name}] conflicts with the key {name}"),
                        ));
                    }
                    doc.tables.push((name, Table::default()));
                }
                Some(_) => {
                    let (key, value) = self.key_value()?;
                    let table = match doc.tables.last_mut() {
                        Some((_, table)) => table,
                        None => &mut doc.root,
                    };
                    if table.get(&key).is_some() {
                        return Err(self.error_at(line_start, format!("duplicate key {key}")));
                    }
                    table.entries.push((key, value));
                }
            }
            self.end_of_line()?;
        }
    }

    fn table_header(&mut self) -> Result<String, TomlError> {
        self.pos += 1; // '['
        if self.peek() == Some('[') {
            return Err(self.error("arrays of tables ([[...]]) are not supported"));
        }
        self.skip_spaces();
        let name = self.key()?;
        self.skip_spaces();
        if !self.eat("]") {
            return Err(self.error("expected ']' to close the table header"));
        }
        Ok(name)
    }

    fn key_value(&mut self) -> Result<(String, Value), TomlError> {
        let key = self.key()?;
        self.skip_spaces();
        if !self.eat("=") {
            return Err(self.error("expected '=' after the key"));
        }
        self.skip_spaces();
        let value = self.value()?;
        Ok((key, value))
    }

    fn key(&mut self) -> Result<String, TomlError> {
        let key = match self.peek() {
            Some('"') => {
                if self.rest().starts_with("\"\"\"") {
                    return Err(self.error("multi-line strings cannot be keys"));
                }
                self.basic_string()?
            }
            Some('\'') => {
                if self.rest().starts_with("'''") {
                    return Err(self.error("multi-line strings cannot be keys"));
                }
                self.literal_string()?
            }
            _ => {
                let start = self.pos;
                while self.peek().is_some_and(is_bare_key_char) {
                    self.pos += 1;
                }
                if start == self.pos {
                    return Err(self.error("expected a key"));
                }
                self.text[start..self.pos].to_string()
            }
        };
        self.skip_spaces();
        if self.peek() == Some('.') {
            return Err(self.error("dotted keys are not supported"));
        }
        Ok(key)
    }

    fn value(&mut self) -> Result<Value, TomlError> {
        let rest = self.rest();
        match self.peek() {
            None => Err(self.error("expected a value")),
            Some('"') if rest.starts_with("\"\"\"") => self.multiline('"').map(Value::String),
            Some('"') => self.basic_string().map(Value::String),
            Some('\'') if rest.starts_with("'''") => self.multiline('\'').map(Value::String),
            Some('\'') => self.literal_string().map(Value::String),
            Some('[') => self.array(),
            Some('{') => Err(self.error("inline tables are not supported")),
            Some('t' | 'f' | 'i' | 'n' | '+' | '-' | '0'..='9') => self.scalar(),
            Some(_) => Err(self.error("expected a value")),
        }
    }

    fn array(&mut self) -> Result<Value, TomlError> {
        let start = self.pos;
        self.pos += 1; // '['
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if self.peek().is_none() {
                return Err(self.error_at(start, "unterminated array"));
            }
            items.push(self.value()?);
            self.skip_blank()?;
            if self.eat("]") {
                return Ok(Value::Array(items));
            }
            if self.peek().is_none() {
                return Err(self.error_at(start, "unterminated array"));
            }
            if !self.eat(",") {
                return Err(self.error("expected ',' or ']' in array"));
            }
        }
    }

    /// Booleans and integers. The whole token is taken first so that floats,
    /// dates and special floats get a precise error instead of being split
    /// into a number and trailing garbage.
    fn scalar(&mut self) -> Result<Value, TomlError> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '+' | '-' | '.' | ':'))
        {
            self.pos += 1;
        }
        let token = &self.text[start..self.pos];
        let fail = |message: &str| Err(self.error_at(start, message));
        match token {
            "true" => return Ok(Value::Bool(true)),
            "false" => return Ok(Value::Bool(false)),
            _ => {}
        }
        let unsigned = token.strip_prefix(['+', '-']).unwrap_or(token);
        if matches!(unsigned, "inf" | "nan") {
            return fail("floats are not supported");
        }
        if !unsigned.starts_with(|c: char| c.is_ascii_digit()) {
            return fail("expected a value");
        }
        if unsigned.contains(':') || unsigned.contains('-') || unsigned.contains('T') {
            return fail("dates and times are not supported");
        }
        if unsigned.contains(['.', 'e', 'E']) && !unsigned.starts_with("0x") {
            return fail("floats are not supported");
        }
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return fail("leading zeros, hex, octal and binary integers are not supported");
        }
        let bytes = unsigned.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let ok = match b {
                b'0'..=b'9' => true,
                // An underscore must sit between two digits.
                b'_' => {
                    i > 0
                        && bytes[i - 1].is_ascii_digit()
                        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                }
                _ => false,
            };
            if !ok {
                return fail("invalid integer");
            }
        }
        let digits: String = token.chars().filter(|&c| c != '_').collect();
        match digits.parse::<i64>() {
            Ok(n) => Ok(Value::Integer(n)),
            Err(_) => fail("integer out of range"),
        }
    }

    fn push_escape(&mut self, out: &mut String, string_start: usize) -> Result<(), TomlError> {
        let escape_start = self.pos;
        self.pos += 1; // '\\'
        let Some(kind) = self.peek() else {
            return Err(self.error_at(string_start, "unterminated string"));
        };
        self.pos += kind.len_utf8();
        let c = match kind {
            'b' => '\u{8}',
            't' => '\t',
            'n' => '\n',
            'f' => '\u{c}',
            'r' => '\r',
            '"' => '"',
            '\\' => '\\',
            'u' | 'U' => {
                let len = if kind == 'u' { 4 } else { 8 };
                let code = self
                    .rest()
                    .get(..len)
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .ok_or_else(|| self.error_at(escape_start, "invalid unicode escape"))?;
                self.pos += len;
                char::from_u32(code).ok_or_else(|| {
                    self.error_at(escape_start, "unicode escape is not a scalar value")
                })?
            }
            _ => return Err(self.error_at(escape_start, format!("invalid escape \\{kind}"))),
        };
        out.push(c);
        Ok(())
    }

    fn basic_string(&mut self) -> Result<String, TomlError> {
        let start = self.pos;
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            match self.peek() {
                None | Some('\n') => return Err(self.error_at(start, "unterminated string")),
                Some('"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some('\\') => self.push_escape(&mut out, start)?,
                Some(c) if c != '\t' && c.is_control() => {
                    return Err(self.error("control character in string"));
                }
                Some(c) => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn literal_string(&mut self) -> Result<String, TomlError> {
        let start = self.pos;
        self.pos += 1; // '\''
        let content_start = self.pos;
        loop {
            match self.peek() {
                None | Some('\n') => return Err(self.error_at(start, "unterminated string")),
                Some('\'') => {
                    let content = self.text[content_start..self.pos].to_string();
                    self.pos += 1;
                    return Ok(content);
                }
                Some(c) if c != '\t' && c.is_control() => {
                    return Err(self.error("control character in string"));
                }
                Some(c) => self.pos += c.len_utf8(),
            }
        }
    }

    /// At a run of `quote` characters inside a multi-line string: if it closes
    /// the string, consumes it and returns how many quotes belong to the
    /// content. TOML lets up to two quotes sit right before the closing
    /// delimiter (`""""` ends with one `"` of content).
    fn multiline_close(&mut self, quote: char) -> Result<Option<usize>, TomlError> {
        let run = self.rest().chars().take_while(|&c| c == quote).count();
        match run {
            0..=2 => Ok(None),
            3..=5 => {
                self.pos += run;
                Ok(Some(run - 3))
            }
            _ => Err(self.error("too many quotes in a row in a multi-line string")),
        }
    }

    /// A multi-line string opened by three `quote`s: basic (`"""`, with
    /// escapes and line-ending backslashes) or literal (`'''`, taken as is).
    fn multiline(&mut self, quote: char) -> Result<String, TomlError> {
        let escapes = quote == '"';
        let start = self.pos;
        self.pos += 3;
        self.eat_newline();
        let mut out = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error_at(start, "unterminated string")),
                Some(c) if c == quote => match self.multiline_close(quote)? {
                    Some(extra) => {
                        out.extend(std::iter::repeat_n(quote, extra));
                        return Ok(out);
                    }
                    None => {
                        out.push(quote);
                        self.pos += 1;
                    }
                },
                Some('\\') if escapes => {
                    // A backslash that is the last non-blank character on its
                    // line removes the line break and all blank space after it.
                    let after = self.rest()[1..].trim_start_matches([' ', '\t']);
                    if after.starts_with('\n') || after.starts_with("\r\n") {
                        self.pos = self.text.len() - after.len();
                        while self.eat_newline() || self.eat(" ") || self.eat("\t") {}
                    } else {
                        self.push_escape(&mut out, start)?;
                    }
                }
                Some('\n') => {
                    out.push('\n');
                    self.pos += 1;
                }
                Some('\r') if self.eat("\r\n") => out.push('\n'),
                Some(c) if c != '\t' && c.is_control() => {
                    return Err(self.error("control character in string"));
                }
                Some(c) => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Document {
        Document::parse(text).unwrap_or_else(|e| panic!("{e}\n--- input ---\n{text}"))
    }

    fn root_value(text: &str) -> Value {
        parse(text).root().get("v").cloned().expect("key v")
    }

    fn err(text: &str) -> TomlError {
        match Document::parse(text) {
            Ok(doc) => panic!("expected an error, got {doc:?}\n--- input ---\n{text}"),
            Err(e) => e,
        }
    }

    fn assert_err(text: &str, line: usize, fragment: &str) {
        let e = err(text);
        assert_eq!(e.line, line, "wrong line for {e} in {text:?}");
        assert!(
            e.message.contains(fragment),
            "{e:?} should mention {fragment:?}"
        );
    }

    const EXAMPLE: &str = r#"# comment
edit = ["src/lib.rs", "src/main.rs"]   # trailing comment
time_limit_secs = 15

[en]
title = "Create the channel"
hints = [
    "First hint with \"quotes\" and a \\ backslash",
    """
A multi-line
hint.""",
]
on_timeout = '''literal 'string' with \no escapes'''

[pt-BR]
title = 'Crie o canal'
"#;

    #[test]
    fn example_document() {
        let doc = parse(EXAMPLE);
        let root = doc.root();
        assert_eq!(root.keys().collect::<Vec<_>>(), ["edit", "time_limit_secs"]);
        assert_eq!(
            root.get("edit").and_then(Value::string_list),
            Some(vec!["src/lib.rs", "src/main.rs"])
        );
        assert_eq!(
            root.get("time_limit_secs").and_then(Value::as_integer),
            Some(15)
        );
        assert_eq!(doc.table_names().collect::<Vec<_>>(), ["en", "pt-BR"]);

        let en = doc.table("en").unwrap();
        assert_eq!(
            en.keys().collect::<Vec<_>>(),
            ["title", "hints", "on_timeout"]
        );
        assert_eq!(
            en.get("title").and_then(Value::as_str),
            Some("Create the channel")
        );
        assert_eq!(
            en.get("hints").and_then(Value::string_list),
            Some(vec![
                "First hint with \"quotes\" and a \\ backslash",
                "A multi-line\nhint."
            ])
        );
        assert_eq!(
            en.get("on_timeout").and_then(Value::as_str),
            Some("literal 'string' with \\no escapes")
        );
        let pt = doc.table("pt-BR").unwrap();
        assert_eq!(
            pt.get("title").and_then(Value::as_str),
            Some("Crie o canal")
        );
        assert_eq!(pt.len(), 1);
        assert!(doc.table("fr").is_none());
        assert!(en.get("missing").is_none());
    }

    #[test]
    fn crlf_line_endings() {
        let doc = parse(&EXAMPLE.replace('\n', "\r\n"));
        let hints = doc.table("en").unwrap().get("hints").unwrap();
        assert_eq!(hints.string_list().unwrap()[1], "A multi-line\nhint.");
    }

    #[test]
    fn empty_and_comment_only_documents() {
        let doc = parse("");
        assert!(doc.root().is_empty());
        assert_eq!(doc.table_names().count(), 0);
        let doc = parse("# just a comment\n\n   \t\n# another");
        assert!(doc.root().is_empty());
        let doc = parse("a = 1"); // no final newline
        assert_eq!(doc.root().get("a"), Some(&Value::Integer(1)));
    }

    #[test]
    fn keys() {
        let doc = parse("bare_Key-9 = 1\n\"quoted key\" = 2\n'lit key' = 3\n\"\" = 4\n1234 = 5\n");
        assert_eq!(
            doc.root().keys().collect::<Vec<_>>(),
            ["bare_Key-9", "quoted key", "lit key", "", "1234"]
        );
        let doc = parse("[\"a b\"]\nx=true\n[ c ]\n");
        assert_eq!(doc.table_names().collect::<Vec<_>>(), ["a b", "c"]);
        assert_eq!(doc.table("a b").unwrap().get("x"), Some(&Value::Bool(true)));
        assert!(doc.table("c").unwrap().is_empty());
    }

    #[test]
    fn basic_string_escapes() {
        assert_eq!(
            root_value(r#"v = "q\" b\\ \n\t\r\b\f \u00e9 \U0001F600 #not a comment""#),
            Value::String("q\" b\\ \n\t\r\u{8}\u{c} é 😀 #not a comment".into())
        );
        assert_eq!(
            root_value("v = \"tab\there ação\""),
            Value::String("tab\there ação".into())
        );
    }

    #[test]
    fn literal_strings_keep_backslashes() {
        assert_eq!(
            root_value(r"v = 'C:\path\n'"),
            Value::String(r"C:\path\n".into())
        );
        assert_eq!(root_value("v = ''"), Value::String(String::new()));
    }

    #[test]
    fn multiline_basic_strings() {
        // First newline trimmed, later ones kept.
        assert_eq!(
            root_value("v = \"\"\"\nab\n  c\n\"\"\""),
            Value::String("ab\n  c\n".into())
        );
        // No newline after the opener: nothing trimmed.
        assert_eq!(root_value("v = \"\"\"ab\"\"\""), Value::String("ab".into()));
        // Line-ending backslash eats the newline and following blank space,
        // across several lines, and may have trailing spaces before the newline.
        assert_eq!(
            root_value("v = \"\"\"\nThe quick \\\n\n    brown \\   \n  fox.\"\"\""),
            Value::String("The quick brown fox.".into())
        );
        // Escapes still work, a lone or double quote is content, and up to two
        // quotes may precede the closing delimiter.
        assert_eq!(
            root_value("v = \"\"\"a \\\"\"\" \\u0041 \"x\" \"\"y\"\" \"\"\"\"\""),
            Value::String("a \"\"\" A \"x\" \"\"y\"\" \"\"".into())
        );
        assert_eq!(
            root_value("v = \"\"\"\r\nwin \\\r\n\r\n  dows\r\nline\"\"\""),
            Value::String("win dows\nline".into())
        );
    }

    #[test]
    fn multiline_literal_strings() {
        assert_eq!(
            root_value("v = '''\nraw \\n 'quoted' ''two''\nline 2'''"),
            Value::String("raw \\n 'quoted' ''two''\nline 2".into())
        );
        assert_eq!(root_value("v = '''x'''''"), Value::String("x''".into()));
    }

    #[test]
    fn integers() {
        assert_eq!(root_value("v = 0"), Value::Integer(0));
        assert_eq!(root_value("v = +42"), Value::Integer(42));
        assert_eq!(root_value("v = -17"), Value::Integer(-17));
        assert_eq!(root_value("v = 1_000_000"), Value::Integer(1_000_000));
        assert_eq!(root_value("v = -0"), Value::Integer(0));
        assert_eq!(
            root_value("v = 9223372036854775807"),
            Value::Integer(i64::MAX)
        );
        assert_eq!(
            root_value("v = -9223372036854775808"),
            Value::Integer(i64::MIN)
        );
    }

    #[test]
    fn booleans() {
        assert_eq!(root_value("v = true").as_bool(), Some(true));
        assert_eq!(root_value("v = false # no").as_bool(), Some(false));
    }

    #[test]
    fn arrays() {
        let v = root_value("v = [ 1, -2 , true, 'x', [\"y\", []], ]");
        assert_eq!(
            v,
            Value::Array(vec![
                Value::Integer(1),
                Value::Integer(-2),
                Value::Bool(true),
                Value::String("x".into()),
                Value::Array(vec![Value::String("y".into()), Value::Array(vec![])]),
            ])
        );
        assert_eq!(v.string_list(), None, "mixed array is not a string list");
        assert_eq!(root_value("v = []").string_list(), Some(vec![]));
        let v = root_value("v = [ # open\n  'a', # first\n\n  # between\n  'b' # last\n] # done");
        assert_eq!(v.string_list(), Some(vec!["a", "b"]));
        assert_eq!(root_value("v = 3").string_list(), None);
    }

    #[test]
    fn value_accessors_reject_other_types() {
        let s = Value::String("1".into());
        assert_eq!(s.as_integer(), None);
        assert_eq!(s.as_bool(), None);
        assert_eq!(s.as_array(), None);
        assert_eq!(Value::Integer(1).as_str(), None);
    }

    #[test]
    fn unsupported_values_are_errors() {
        assert_err("a = 1\nv = 3.14\n", 2, "floats");
        assert_err("v = 1e5", 1, "floats");
        assert_err("v = inf", 1, "floats");
        assert_err("v = -nan", 1, "floats");
        assert_err("\n\nv = 1979-05-27\n", 3, "dates");
        assert_err("v = 07:32:00", 1, "dates");
        assert_err("v = 1979-05-27T07:32:00Z", 1, "dates");
        assert_err("x = 1\nv = { a = 1 }", 2, "inline tables");
        assert_err("v = 0x1F", 1, "hex");
        assert_err("v = 012", 1, "leading zeros");
        assert_err("v = 1__0", 1, "invalid integer");
        assert_err("v = _1", 1, "expected a value");
        assert_err("v = 1_", 1, "invalid integer");
        assert_err("v = 9223372036854775808", 1, "out of range");
        assert_err("v = True", 1, "expected a value");
        assert_err("v = trueish", 1, "expected a value");
        assert_err("v = ", 1, "expected a value");
        assert_err("v =\n1", 1, "expected a value");
    }

    #[test]
    fn unsupported_structure_is_an_error() {
        assert_err("a.b = 1", 1, "dotted keys");
        assert_err("x = 1\n\"a\" . b = 1", 2, "dotted keys");
        assert_err("[a.b]", 1, "dotted keys");
        assert_err("x = 1\n[[bin]]\n", 2, "arrays of tables");
        assert_err("[a]\nx = 1\n[b]\n[a]\n", 4, "duplicate table [a]");
        assert_err("a = 1\n[a]\n", 2, "conflicts");
        assert_err("x = 1\ny = 2\nx = 3\n", 3, "duplicate key x");
        assert_err("[t]\nx = 1\n'x' = 2\n", 3, "duplicate key x");
        assert_err("x = 1 y = 2", 1, "expected a newline");
        assert_err("[t] x = 1", 1, "expected a newline");
        assert_err("[t", 1, "expected ']'");
        assert_err("[]", 1, "expected a key");
        assert_err("= 1", 1, "expected a key");
        assert_err("x 1", 1, "expected '='");
        assert_err("x\n= 1", 1, "expected '='");
        assert_err("\"\"\"k\"\"\" = 1", 1, "cannot be keys");
    }

    #[test]
    fn same_key_in_different_tables_is_fine() {
        let doc = parse("title = 'root'\n[en]\ntitle = 'en'\n[pt]\ntitle = 'pt'\n");
        assert_eq!(
            doc.root().get("title").and_then(Value::as_str),
            Some("root")
        );
        assert_eq!(
            doc.table("pt")
                .unwrap()
                .get("title")
                .and_then(Value::as_str),
            Some("pt")
        );
    }

    #[test]
    fn string_errors() {
        assert_err("a = 1\nv = \"abc\n", 2, "unterminated string");
        assert_err("v = 'abc\nw = 1", 1, "unterminated string");
        assert_err("a = 1\nv = \"\"\"\nabc\n\n", 2, "unterminated string");
        assert_err("\nv = '''abc''", 2, "unterminated string");
        assert_err("v = \"abc\\", 1, "unterminated string");
        assert_err("v = \"a\\qb\"", 1, "invalid escape \\q");
        assert_err("x = 1\nv = \"\\u12\"", 2, "invalid unicode escape");
        assert_err("v = \"\\uD800\"", 1, "scalar value");
        assert_err("v = \"\\U00110000\"", 1, "scalar value");
        assert_err("v = \"a\u{7}b\"", 1, "control character");
        assert_err("v = '''a\n\u{0}'''", 2, "control character");
        assert_err("v = \"\"\"a\"\"\"\"\"\"", 1, "too many quotes");
        assert_err("v = \"\"\"\nok\n\\x\"\"\"", 3, "invalid escape");
        // A backslash followed by blanks but no newline is not a line-ending backslash.
        assert_err("v = \"\"\"a\\  b\"\"\"", 1, "invalid escape");
    }

    #[test]
    fn array_errors() {
        assert_err("v = [1, 2", 1, "unterminated array");
        assert_err("x = 1\nv = [\n  1,\n  2\n", 2, "unterminated array");
        assert_err("v = [\n  1,\n", 1, "unterminated array");
        assert_err("v = [1 2]", 1, "expected ','");
        assert_err("v = [,]", 1, "expected a value");
        assert_err("v = [\n'a',\n'b' 'c']", 3, "expected ','");
    }

    #[test]
    fn error_display() {
        let e = err("a = 1\nb = 2\nc = 3\nd = 4\ne = 5\nf = 6\ng = \"oops\n");
        assert_eq!(e.to_string(), "line 7: unterminated string");
    }
}
