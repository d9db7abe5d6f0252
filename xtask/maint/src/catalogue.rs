//! The catalogue of learner answers: proof that the tests teach.
//!
//! `catalogue/NN_name/<answer>.rs` is a whole replacement for the file a
//! learner edits in exercise NN (its first `edit` file), written as a
//! learner would: a correct variant that must pass (so a test never demands
//! one way of writing it), or a usual mistake or shortcut that must fail
//! with a message naming the concept, in each language (so a test proves
//! the concept, not the output). Its first comment lines say which:
//!
//! ```text
//! // expect: fail
//! // why: the consumer counts the messages instead of waiting for the channel to close
//! // en: every Sender
//! // pt-BR: todos os Senders
//! ```
//!
//! `en:` and `pt-BR:` lines (any number) are texts the report in that
//! language must contain. `cargo xtask check` applies every answer and
//! judges it.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use xtask::engine::course::Exercise;
use xtask::texts::Lang;

pub const FOLDER: &str = "catalogue";

#[derive(Debug, Clone)]
pub struct Answer {
    /// The exercise's folder name.
    pub exercise: String,
    /// The file's name without `.rs`.
    pub name: String,
    pub file: PathBuf,
    pub expect: Expect,
    pub why: String,
    /// Texts the report must contain, by language.
    pub mentions: Vec<(Lang, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Pass,
    Fail,
}

impl Answer {
    /// `03_loop_send/sleeps_outside_the_loop`
    pub fn label(&self) -> String {
        format!("{}/{}", self.exercise, self.name)
    }

    pub fn mentions(&self, lang: Lang) -> impl Iterator<Item = &str> {
        self.mentions
            .iter()
            .filter(move |(l, _)| *l == lang)
            .map(|(_, text)| text.as_str())
    }
}

/// The answers of `exercise`, sorted by name; Err: the files whose header
/// is wrong, with why.
pub fn answers(root: &Path, exercise: &Exercise) -> (Vec<Answer>, Vec<(PathBuf, String)>) {
    let dir = root.join(FOLDER).join(&exercise.dir_name);
    let Ok(entries) = fs::read_dir(&dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut answers = Vec::new();
    let mut wrong = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        match header(&text) {
            Ok((expect, why, mentions)) => answers.push(Answer {
                exercise: exercise.dir_name.clone(),
                name: file
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                file,
                expect,
                why,
                mentions,
            }),
            Err(why) => wrong.push((file, why)),
        }
    }
    (answers, wrong)
}

/// Rounds of answers: round k holds the k-th answer of each exercise, so
/// one build judges one answer of every exercise.
pub fn rounds(answers: &[Answer]) -> Vec<BTreeMap<String, Answer>> {
    let mut by_exercise: BTreeMap<&str, Vec<&Answer>> = BTreeMap::new();
    for answer in answers {
        by_exercise
            .entry(&answer.exercise)
            .or_default()
            .push(answer);
    }
    let depth = by_exercise.values().map(Vec::len).max().unwrap_or(0);
    (0..depth)
        .map(|k| {
            by_exercise
                .iter()
                .filter_map(|(exercise, list)| {
                    Some((exercise.to_string(), (*list.get(k)?).clone()))
                })
                .collect()
        })
        .collect()
}

type Header = (Expect, String, Vec<(Lang, String)>);

/// Reads the leading `// key: value` lines.
fn header(text: &str) -> Result<Header, String> {
    let mut expect = None;
    let mut why = String::new();
    let mut mentions = Vec::new();
    for line in text.lines() {
        let Some(comment) = line.strip_prefix("//") else {
            break;
        };
        if comment.starts_with('!') || comment.starts_with('/') {
            break;
        }
        let Some((key, value)) = comment.split_once(':') else {
            continue;
        };
        let value = value.trim().to_owned();
        match key.trim() {
            "expect" => {
                expect = Some(match value.as_str() {
                    "pass" => Expect::Pass,
                    "fail" => Expect::Fail,
                    other => return Err(format!("`expect: {other}` must be `pass` or `fail`")),
                });
            }
            "why" => why = value,
            "en" if !value.is_empty() => mentions.push((Lang::En, value)),
            "pt-BR" if !value.is_empty() => mentions.push((Lang::PtBr, value)),
            _ => {}
        }
    }
    let expect = expect.ok_or("no `// expect: pass` or `// expect: fail` line at the top")?;
    if why.is_empty() {
        return Err("no `// why: …` line saying what the answer does".into());
    }
    if expect == Expect::Fail {
        for lang in Lang::ALL {
            if !mentions.iter().any(|(l, _)| *l == lang) {
                return Err(format!(
                    "a failing answer needs a `// {}: …` line: what the report must say",
                    lang.code()
                ));
            }
        }
    }
    Ok((expect, why, mentions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_until_the_code() {
        let (expect, why, mentions) = header(
            "// expect: fail\n// why: counts instead\n// en: every Sender\n// pt-BR: todo Sender\n\
             //! Exercise 06\n// en: not a header line\nfn main() {}\n",
        )
        .unwrap();
        assert_eq!(expect, Expect::Fail);
        assert_eq!(why, "counts instead");
        assert_eq!(
            mentions,
            [
                (Lang::En, "every Sender".to_owned()),
                (Lang::PtBr, "todo Sender".to_owned())
            ]
        );
    }

    #[test]
    fn a_wrong_header_says_what_is_missing() {
        assert!(header("fn main() {}").unwrap_err().contains("expect"));
        assert!(header("// expect: maybe\n").unwrap_err().contains("maybe"));
        assert!(header("// expect: pass\n").unwrap_err().contains("why"));
        let no_pt = header("// expect: fail\n// why: x\n// en: y\n").unwrap_err();
        assert!(no_pt.contains("pt-BR"), "{no_pt}");
        assert!(header("// expect: pass\n// why: another way\n").is_ok());
    }

    #[test]
    fn rounds_take_one_answer_of_each_exercise() {
        let answer = |exercise: &str, name: &str| Answer {
            exercise: exercise.into(),
            name: name.into(),
            file: PathBuf::new(),
            expect: Expect::Pass,
            why: String::new(),
            mentions: Vec::new(),
        };
        let all = [answer("01", "a"), answer("01", "b"), answer("02", "c")];
        let rounds = rounds(&all);
        assert_eq!(rounds.len(), 2);
        assert_eq!(rounds[0].len(), 2);
        assert_eq!(rounds[1]["01"].name, "b");
    }
}
