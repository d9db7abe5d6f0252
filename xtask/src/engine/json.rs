//! A small JSON reader for the lines cargo prints with `--message-format=json`.
//!
//! The runner only needs to read cargo's messages (artifact paths, compiler
//! diagnostics, build results), so this is a reader, not a serializer. It
//! accepts exactly RFC 8259 JSON: every string escape including `\uXXXX` and
//! UTF-16 surrogate pairs, numbers as `f64`, optional whitespace around the
//! value. Anything after the value other than whitespace is an error, and
//! nesting deeper than [`MAX_DEPTH`] is rejected instead of overflowing the
//! stack. Object members keep their source order; duplicate keys are kept and
//! [`Json::get`] returns the first one.

use std::fmt;

/// Arrays and objects nested deeper than this are rejected, so a hostile or
/// corrupt line cannot exhaust the stack of the recursive parser.
pub const MAX_DEPTH: usize = 512;

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    pub message: String,
    /// Byte offset into the input where the problem was detected.
    pub offset: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid JSON at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for JsonError {}

pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    parser.skip_ws();
    let value = parser.value(0)?;
    parser.skip_ws();
    if parser.pos != parser.bytes.len() {
        return Err(parser.error("unexpected data after the JSON value"));
    }
    Ok(value)
}

impl Json {
    /// The first member called `key`, if this is an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Walks nested objects, one key per level.
    pub fn path(&self, keys: &[&str]) -> Option<&Json> {
        keys.iter().try_fold(self, |value, key| value.get(key))
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    #[cfg(test)]
    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> JsonError {
        self.error_at(self.pos, message)
    }

    fn error_at(&self, offset: usize, message: impl Into<String>) -> JsonError {
        JsonError {
            message: message.into(),
            offset,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect_literal(&mut self, literal: &str, value: Json) -> Result<Json, JsonError> {
        if self.bytes[self.pos..].starts_with(literal.as_bytes()) {
            self.pos += literal.len();
            Ok(value)
        } else {
            Err(self.error("invalid literal"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            None => Err(self.error("unexpected end of input")),
            Some(b'n') => self.expect_literal("null", Json::Null),
            Some(b't') => self.expect_literal("true", Json::Bool(true)),
            Some(b'f') => self.expect_literal("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::String),
            Some(b'[') => self.array(depth + 1),
            Some(b'{') => self.object(depth + 1),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("unexpected character")),
        }
    }

    fn check_depth(&self, depth: usize) -> Result<(), JsonError> {
        if depth > MAX_DEPTH {
            Err(self.error(format!("nesting deeper than {MAX_DEPTH} levels")))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.check_depth(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("unterminated array")),
                Some(_) => return Err(self.error("expected ',' or ']' in array")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.check_depth(depth)?;
        self.pos += 1; // '{'
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a string key in object"));
            }
            let key = self.string()?;
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.error("expected ':' after object key"));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth)?;
            members.push((key, value));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("unterminated object")),
                Some(_) => return Err(self.error("expected ',' or '}' in object")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        // JSON forbids leading zeros ("012"), which `f64::from_str` would accept.
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.error("expected a digit after '.'"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("expected a digit in exponent"));
            }
        }
        self.text[start..self.pos]
            .parse::<f64>()
            .map(Json::Number)
            .map_err(|_| self.error_at(start, "invalid number"))
    }

    fn hex4(&mut self) -> Result<u16, JsonError> {
        let digits = self
            .bytes
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.error("truncated \\u escape"))?;
        let mut value = 0u16;
        for &d in digits {
            let nibble = (d as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid hex digit in \\u escape"))?;
            value = value * 16 + nibble as u16;
        }
        self.pos += 4;
        Ok(value)
    }

    /// Reads the code point after a `\u`, combining a surrogate pair if present.
    fn unicode_escape(&mut self, escape_start: usize) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if !self.bytes[self.pos..].starts_with(b"\\u") {
                    return Err(self.error_at(escape_start, "unpaired high surrogate"));
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error_at(escape_start, "invalid low surrogate"));
                }
                0x10000 + ((u32::from(first) - 0xD800) << 10) + (u32::from(second) - 0xDC00)
            }
            0xDC00..=0xDFFF => {
                return Err(self.error_at(escape_start, "unpaired low surrogate"));
            }
            _ => u32::from(first),
        };
        char::from_u32(code).ok_or_else(|| self.error_at(escape_start, "invalid code point"))
    }

    fn string(&mut self) -> Result<String, JsonError> {
        let open = self.pos;
        self.pos += 1; // '"'
        let mut out = String::new();
        loop {
            // Copy the run of ordinary characters in one go; the input is a
            // `&str`, and '"' and '\\' are ASCII, so the slice is on char
            // boundaries.
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                None => return Err(self.error_at(open, "unterminated string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    let escape_start = self.pos;
                    self.pos += 1;
                    let Some(kind) = self.peek() else {
                        return Err(self.error_at(open, "unterminated string"));
                    };
                    self.pos += 1;
                    let c = match kind {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape(escape_start)?,
                        _ => return Err(self.error_at(escape_start, "invalid escape")),
                    };
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in string")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars() {
        assert_eq!(parse("null").unwrap(), Json::Null);
        assert_eq!(parse(" true ").unwrap(), Json::Bool(true));
        assert_eq!(parse("false").unwrap().as_bool(), Some(false));
        assert_eq!(parse("0").unwrap().as_f64(), Some(0.0));
        assert_eq!(parse("-12.5e2").unwrap().as_f64(), Some(-1250.0));
        assert_eq!(parse("1E-2").unwrap().as_f64(), Some(0.01));
        assert_eq!(parse("\"hi\"").unwrap().as_str(), Some("hi"));
    }

    #[test]
    fn containers_and_accessors() {
        let v = parse(r#" { "a" : [1, {"b": null}, []], "c": {}, "a": 2 } "#).unwrap();
        let a = v.get("a").unwrap().as_array().unwrap();
        assert_eq!(a.len(), 3);
        assert!(a[1].get("b").unwrap().is_null());
        assert_eq!(a[2], Json::Array(vec![]));
        assert_eq!(v.get("c"), Some(&Json::Object(vec![])));
        assert_eq!(v.get("missing"), None);
        assert_eq!(a[0].get("x"), None);
        assert_eq!(v.as_str(), None);
    }

    #[test]
    fn escapes() {
        let v = parse(r#""q\" b\\ s\/ \b\f\n\r\t \u00e9 \u001b[0m \ud83d\ude00""#).unwrap();
        assert_eq!(
            v.as_str(),
            Some("q\" b\\ s/ \u{8}\u{c}\n\r\t é \u{1b}[0m 😀")
        );
        // Non-ASCII passes through unchanged.
        assert_eq!(parse("\"ação 😀\"").unwrap().as_str(), Some("ação 😀"));
    }

    #[test]
    fn bad_surrogates_are_errors() {
        assert!(parse(r#""\ud83d""#).is_err());
        assert!(parse(r#""\ud83dx""#).is_err());
        assert!(parse(r#""\ud83d\u0041""#).is_err());
        assert!(parse(r#""\ude00""#).is_err());
        assert!(parse(r#""\u12g4""#).is_err());
        assert!(parse(r#""\u12""#).is_err());
    }

    #[test]
    fn cargo_artifact_message() {
        let line = r#"{"reason":"compiler-artifact","package_id":"path+file:///x/exercises/01_a#a@0.1.0","manifest_path":"/x/Cargo.toml","target":{"kind":["test"],"name":"t","test":true},"profile":{"test":true},"executable":"/x/target/debug/deps/t-abc","fresh":false}"#;
        let v = parse(line).unwrap();
        assert_eq!(
            v.get("reason").and_then(Json::as_str),
            Some("compiler-artifact")
        );
        assert_eq!(
            v.get("package_id").and_then(Json::as_str),
            Some("path+file:///x/exercises/01_a#a@0.1.0")
        );
        assert_eq!(
            v.path(&["target", "name"]).and_then(Json::as_str),
            Some("t")
        );
        assert_eq!(
            v.path(&["profile", "test"]).and_then(Json::as_bool),
            Some(true)
        );
        let kinds = v
            .path(&["target", "kind"])
            .and_then(Json::as_array)
            .unwrap();
        assert_eq!(kinds, &[Json::String("test".into())]);
        assert_eq!(
            v.get("executable").and_then(Json::as_str),
            Some("/x/target/debug/deps/t-abc")
        );
        assert_eq!(v.get("fresh").and_then(Json::as_bool), Some(false));
        assert_eq!(v.path(&["target", "nope"]), None);
        assert_eq!(v.path(&["fresh", "x"]), None);
        assert_eq!(v.path(&[]), Some(&v));
    }

    #[test]
    fn cargo_compiler_message_with_ansi() {
        let line = r#"{"reason":"compiler-message","package_id":"a 0.1.0","message":{"rendered":"\u001b[0m\u001b[1m\u001b[38;5;9merror[E0308]\u001b[0m: mismatched types\n --> src/lib.rs:1:1\n","level":"error","code":{"code":"E0308","explanation":null},"spans":[{"line_start":1,"is_primary":true}]}}"#;
        let v = parse(line).unwrap();
        let rendered = v
            .path(&["message", "rendered"])
            .and_then(Json::as_str)
            .unwrap();
        assert!(rendered.starts_with("\u{1b}[0m\u{1b}[1m\u{1b}[38;5;9merror[E0308]"));
        assert!(rendered.contains("mismatched types\n --> src/lib.rs:1:1\n"));
        assert_eq!(
            v.path(&["message", "code", "code"]).and_then(Json::as_str),
            Some("E0308")
        );
        assert!(
            v.path(&["message", "code", "explanation"])
                .unwrap()
                .is_null()
        );
        let spans = v
            .path(&["message", "spans"])
            .and_then(Json::as_array)
            .unwrap();
        assert_eq!(spans[0].get("line_start").and_then(Json::as_f64), Some(1.0));
    }

    #[test]
    fn trailing_whitespace_ok_trailing_garbage_not() {
        assert!(parse("{\"a\":1}  \r\n\t").is_ok());
        let err = parse("{\"a\":1} x").unwrap_err();
        assert_eq!(err.offset, 8);
        assert!(parse("1 2").is_err());
        assert!(parse("").is_err());
        assert!(parse("   ").is_err());
    }

    #[test]
    fn malformed_inputs() {
        for bad in [
            "[1,]",
            "{\"a\":1,}",
            "{a:1}",
            "[1 2]",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "tru",
            "nul",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "[",
            "{\"a\"",
            "{\"a\":",
            "{\"a\" 1}",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn error_offset_and_display() {
        let err = parse("[1, @]").unwrap_err();
        assert_eq!(err.offset, 4);
        assert_eq!(
            err.to_string(),
            "invalid JSON at byte 4: unexpected character"
        );
        let err = parse("[\"abc").unwrap_err();
        assert_eq!(err.offset, 1);
        assert!(err.message.contains("unterminated"));
    }

    #[test]
    fn depth_limit() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        let too_deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let err = parse(&too_deep).unwrap_err();
        assert!(err.message.contains("nesting"), "{err}");
        assert_eq!(err.offset, MAX_DEPTH);
        let objects = format!(
            "{}1{}",
            "{\"k\":".repeat(MAX_DEPTH + 1),
            "}".repeat(MAX_DEPTH + 1)
        );
        assert!(parse(&objects).is_err());
        // Deep hostile input fails cleanly instead of overflowing the stack.
        assert!(parse(&"[".repeat(100_000)).is_err());
    }
}
