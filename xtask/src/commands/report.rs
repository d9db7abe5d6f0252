//! The reports of a graded run: JSON for programs, JUnit XML for CI tools,
//! and the one-line-per-exercise table of `verify --all`.
//!
//! The JSON follows Exercism's test-runner `results.json` (version 3:
//! `version`, `status`, `message`, `tests[]` with `name`, `status`,
//! `message`, `output`, `task_id`), so tools that read that format read
//! this one; `task_id` is the exercise's number. The course's own facts
//! come after, in `course` and `exercises[]`: the shape is documented in
//! TEACHING.md. The JUnit file has one `testsuite` per exercise and one
//! `testcase` per test, the verdict's text in `failure`. Both writers are
//! hand-written (see the table in `main.rs`: `quick-junit` would cost the
//! runner's first build about 3.8 s).

use std::fmt::Write as _;

use crate::engine::course::{Course, Exercise};
use crate::engine::grading::{Graded, Grading, TestStatus};
use crate::engine::judge::Verdict;
use crate::texts::{Lang, grading, verdicts};
use crate::ui::Ui;

/// An exercise's standing, as the reports name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pass,
    /// Its tests ran and did not pass (a failing test, a flood, a crash).
    Fail,
    /// It could not be built: the tests never ran.
    Error,
    Timeout,
    NotRun,
}

impl Status {
    pub fn of(verdict: Option<&Verdict>) -> Status {
        match verdict {
            None | Some(Verdict::Cancelled | Verdict::Interrupted) => Status::NotRun,
            Some(Verdict::Pass { .. }) => Status::Pass,
            Some(
                Verdict::Broken(_)
                | Verdict::DoesNotCompile { .. }
                | Verdict::BuildFailed { .. }
                | Verdict::NoTests,
            ) => Status::Error,
            Some(Verdict::TimedOut { .. }) => Status::Timeout,
            Some(_) => Status::Fail,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Error => "error",
            Status::Timeout => "timeout",
            Status::NotRun => "not-run",
        }
    }
}

/// Everything the reports say, in the learner's language.
pub struct Report {
    pub lang: Lang,
    pub pristine: bool,
    pub build_seconds: f64,
    pub exercises: Vec<ExerciseReport>,
    /// Files of the support library changed from the shipped ones
    /// (relative to the course's root): every verdict depends on them.
    pub support_edited: Vec<String>,
}

pub struct ExerciseReport {
    pub number: u32,
    pub folder: String,
    pub name: String,
    pub title: String,
    pub status: Status,
    /// The verdict's headline (`1 test failed, 1 passed`).
    pub message: String,
    /// Why it does not pass, as `verify` explains it (None for a pass).
    pub output: Option<String>,
    pub seconds: f64,
    /// Its own files that decide the verdict and were changed from the
    /// shipped ones (relative to the course's root).
    pub edited: Vec<String>,
    pub tests: Vec<TestReport>,
}

pub struct TestReport {
    pub name: String,
    /// `pass`, `fail`, `timeout`, `error` (no result) or `not-run`.
    pub status: &'static str,
    pub message: Option<String>,
}

impl Report {
    /// The report of `grading`, run on `exercises` of `course` (the course
    /// judged: the pristine copy under `--pristine`). `edited` gives each
    /// exercise's changed files.
    pub fn new(
        course: &Course,
        exercises: &[&Exercise],
        grading: &Grading,
        lang: Lang,
        edited: &dyn Fn(&Exercise) -> Vec<String>,
    ) -> Report {
        let ui = Ui::plain(lang);
        let exercises = exercises
            .iter()
            .zip(&grading.exercises)
            .map(|(exercise, graded)| {
                let mut report = exercise_report(course, &ui, exercise, graded);
                report.edited = edited(exercise);
                report
            })
            .collect();
        Report {
            lang,
            pristine: false,
            build_seconds: grading.build_time.as_secs_f64(),
            exercises,
            support_edited: Vec::new(),
        }
    }

    pub fn passed(&self) -> usize {
        self.exercises
            .iter()
            .filter(|e| e.status == Status::Pass)
            .count()
    }

    pub fn all_pass(&self) -> bool {
        self.passed() == self.exercises.len()
    }
}

fn exercise_report(
    course: &Course,
    ui: &Ui,
    exercise: &Exercise,
    graded: &Graded,
) -> ExerciseReport {
    let lang = ui.lang;
    let verdict = graded.verdict.as_ref();
    let status = Status::of(verdict);
    let (message, output) = match verdict {
        None => (grading::exercise_not_run(lang), None),
        Some(v) if v.passed() => (verdicts::headline(lang, v), None),
        Some(v) => {
            let why = crate::views::verdicts::explain(course, ui, exercise, v, false);
            (verdicts::headline(lang, v), Some(why.trim().to_owned()))
        }
    };
    let tests = graded
        .tests
        .iter()
        .map(|t| {
            let (status, message) = match &t.status {
                TestStatus::Pass => ("pass", None),
                TestStatus::Fail(failed) => {
                    let said = failed.panic.as_ref().map(|p| p.message.clone());
                    (
                        "fail",
                        Some(said.unwrap_or_else(|| grading::test_failed(lang))),
                    )
                }
                TestStatus::TimedOut => ("timeout", Some(message.clone())),
                TestStatus::Lost => ("error", Some(grading::test_lost(lang))),
                TestStatus::NotRun => (
                    "not-run",
                    Some(grading::test_not_run(lang, verdict.is_some())),
                ),
            };
            TestReport {
                name: t.name.clone(),
                status,
                message,
            }
        })
        .collect();
    ExerciseReport {
        number: exercise.number,
        folder: exercise.dir_name.clone(),
        name: exercise.name.clone(),
        title: exercise.texts(lang).title.clone(),
        status,
        message,
        output,
        seconds: graded.time.as_secs_f64(),
        edited: Vec::new(),
        tests,
    }
}

// ------------------------------------------------------------------ text

/// `verify --all`: one line per exercise, then the count.
pub fn table(ui: &Ui, report: &Report) -> String {
    let mut out = String::new();
    for e in &report.exercises {
        let mark = match e.status {
            Status::Pass => ui.good("✓"),
            Status::NotRun => ui.dim("·"),
            _ => ui.bad("✗"),
        };
        let edited = if e.edited.is_empty() { "" } else { " (!)" };
        let _ = writeln!(
            out,
            "{mark} {:02} {} · {}: {}{edited}",
            e.number, e.name, e.title, e.message
        );
    }
    let summary = grading::summary(ui.lang, report.passed(), report.exercises.len());
    let _ = writeln!(out, "\n{summary}");
    out
}

// ------------------------------------------------------------------ JSON

/// A JSON value to write; objects keep their keys in order.
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(&'static str, J)>),
}

impl J {
    fn opt(text: Option<&String>) -> J {
        text.map_or(J::Null, |t| J::Str(t.clone()))
    }

    fn write(&self, out: &mut String, indent: usize) {
        let pad = |n: usize| "  ".repeat(n);
        match self {
            J::Null => out.push_str("null"),
            J::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            J::Num(n) => out.push_str(n),
            J::Str(s) => out.push_str(&json_string(s)),
            J::Arr(items) if items.is_empty() => out.push_str("[]"),
            J::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    out.push_str(&pad(indent + 1));
                    item.write(out, indent + 1);
                    out.push_str(if i + 1 < items.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push(']');
            }
            J::Obj(fields) => {
                out.push_str("{\n");
                for (i, (key, value)) in fields.iter().enumerate() {
                    let _ = write!(out, "{}{}: ", pad(indent + 1), json_string(key));
                    value.write(out, indent + 1);
                    out.push_str(if i + 1 < fields.len() { ",\n" } else { "\n" });
                }
                out.push_str(&pad(indent));
                out.push('}');
            }
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn seconds(s: f64) -> J {
    J::Num(format!("{s:.3}"))
}

/// Exercism's `tests[]`: every test of every exercise, named
/// `NN_name::test`, with `pass`, `fail` or `error` (a time-out, no result,
/// not run); an exercise whose tests were never built is one entry.
fn exercism_tests(report: &Report) -> Vec<J> {
    let mut tests = Vec::new();
    for e in &report.exercises {
        let task = J::Num(e.number.to_string());
        if e.tests.is_empty() {
            let status = if e.status == Status::Pass {
                "pass"
            } else {
                "error"
            };
            tests.push(J::Obj(vec![
                ("name", J::Str(e.folder.clone())),
                ("status", J::Str(status.to_owned())),
                ("message", J::Str(e.message.clone())),
                ("output", J::opt(e.output.as_ref())),
                ("task_id", task),
            ]));
            continue;
        }
        for t in &e.tests {
            let status = match t.status {
                "pass" | "fail" => t.status,
                _ => "error",
            };
            tests.push(J::Obj(vec![
                ("name", J::Str(format!("{}::{}", e.folder, t.name))),
                ("status", J::Str(status.to_owned())),
                ("message", J::opt(t.message.as_ref())),
                ("output", J::Null),
                ("task_id", J::Num(e.number.to_string())),
            ]));
        }
    }
    tests
}

fn strings(items: &[String]) -> J {
    J::Arr(items.iter().map(|s| J::Str(s.clone())).collect())
}

fn exercise_json(e: &ExerciseReport) -> J {
    let tests = e
        .tests
        .iter()
        .map(|t| {
            J::Obj(vec![
                ("name", J::Str(t.name.clone())),
                ("status", J::Str(t.status.to_owned())),
                ("message", J::opt(t.message.as_ref())),
            ])
        })
        .collect();
    J::Obj(vec![
        ("number", J::Num(e.number.to_string())),
        ("name", J::Str(e.name.clone())),
        ("folder", J::Str(e.folder.clone())),
        ("title", J::Str(e.title.clone())),
        ("status", J::Str(e.status.name().to_owned())),
        ("message", J::Str(e.message.clone())),
        ("output", J::opt(e.output.as_ref())),
        ("seconds", seconds(e.seconds)),
        ("edited", J::Bool(!e.edited.is_empty())),
        ("edited_files", strings(&e.edited)),
        ("tests", J::Arr(tests)),
    ])
}

/// The JSON document of `verify --format json`.
pub fn json(report: &Report) -> String {
    let all_pass = report.all_pass();
    let summary = grading::summary(report.lang, report.passed(), report.exercises.len());
    let doc = J::Obj(vec![
        ("version", J::Num("3".into())),
        (
            "status",
            J::Str(if all_pass { "pass" } else { "fail" }.into()),
        ),
        ("message", if all_pass { J::Null } else { J::Str(summary) }),
        ("tests", J::Arr(exercism_tests(report))),
        (
            "course",
            J::Obj(vec![
                ("lang", J::Str(report.lang.code().to_owned())),
                ("pristine", J::Bool(report.pristine)),
                ("passed", J::Num(report.passed().to_string())),
                ("total", J::Num(report.exercises.len().to_string())),
                ("build_seconds", seconds(report.build_seconds)),
                ("support_edited", strings(&report.support_edited)),
            ]),
        ),
        (
            "exercises",
            J::Arr(report.exercises.iter().map(exercise_json).collect()),
        ),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

/// The document for a run that could not grade at all (Exercism's
/// `error` status).
pub fn json_error(message: &str) -> String {
    let doc = J::Obj(vec![
        ("version", J::Num("3".into())),
        ("status", J::Str("error".into())),
        ("message", J::Str(message.to_owned())),
        ("tests", J::Arr(Vec::new())),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

// ----------------------------------------------------------------- JUnit

/// Text for XML: markup characters escaped, and the characters XML 1.0
/// cannot hold (terminal escapes, other control characters) left out.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' => out.push(c),
            '\r' => out.push_str("&#13;"),
            c if (c as u32) < 0x20 || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

/// The JUnit XML file of `verify --junit PATH`.
pub fn junit(report: &Report) -> String {
    let count = |status: &str| -> usize {
        let of = |e: &ExerciseReport| e.tests.iter().filter(|t| t.status == status).count();
        report.exercises.iter().map(of).sum()
    };
    let cases = |e: &ExerciseReport| e.tests.len().max(1);
    let total: usize = report.exercises.iter().map(cases).sum();
    let skipped = count("not-run");
    let total_time: f64 =
        report.build_seconds + report.exercises.iter().map(|e| e.seconds).sum::<f64>();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"channels course\" tests=\"{total}\" failures=\"{}\" errors=\"0\" \
         skipped=\"{skipped}\" time=\"{total_time:.3}\">",
        total - skipped - count("pass")
    );
    for e in &report.exercises {
        suite(&mut out, e);
    }
    out.push_str("</testsuites>\n");
    out
}

fn suite(out: &mut String, e: &ExerciseReport) {
    let passed = e.tests.iter().filter(|t| t.status == "pass").count();
    let skipped = e.tests.iter().filter(|t| t.status == "not-run").count();
    let failures = e.tests.len().max(1) - passed - skipped;
    let failures = if e.tests.is_empty() && e.status == Status::Pass {
        0
    } else {
        failures
    };
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" \
         skipped=\"{skipped}\" time=\"{:.3}\">",
        xml(&e.folder),
        e.tests.len().max(1),
        e.seconds
    );
    let _ = writeln!(out, "    <properties>");
    for (name, value) in [
        ("title", e.title.clone()),
        ("status", e.status.name().to_owned()),
        ("verdict", e.message.clone()),
        ("edited", e.edited.join(", ")),
    ] {
        let _ = writeln!(
            out,
            "      <property name=\"{name}\" value=\"{}\"/>",
            xml(&value)
        );
    }
    let _ = writeln!(out, "    </properties>");
    let verdict_text = e.output.clone().unwrap_or_else(|| e.message.clone());
    if e.tests.is_empty() {
        // Never built: the exercise is the one case.
        let body = (e.status != Status::Pass)
            .then(|| (e.status.name(), e.message.as_str(), verdict_text.as_str()));
        case(out, &e.folder, &e.folder, body);
    }
    for t in &e.tests {
        let message = t.message.as_deref().unwrap_or_default();
        // The test's own message, then the exercise's verdict.
        let body = (t.status != "pass").then_some((t.status, message, verdict_text.as_str()));
        case(out, &e.folder, &t.name, body);
    }
    out.push_str("  </testsuite>\n");
}

/// One `testcase`; `body` is (status, message, text) for one that did not
/// pass.
fn case(out: &mut String, class: &str, name: &str, body: Option<(&str, &str, &str)>) {
    let head = format!(
        "    <testcase name=\"{}\" classname=\"{}\"",
        xml(name),
        xml(class)
    );
    match body {
        None => {
            let _ = writeln!(out, "{head}/>");
        }
        Some(("not-run", message, _)) => {
            let _ = writeln!(
                out,
                "{head}>\n      <skipped message=\"{}\"/>\n    </testcase>",
                xml(message)
            );
        }
        Some((status, message, text)) => {
            let _ = writeln!(
                out,
                "{head}>\n      <failure type=\"{status}\" message=\"{}\">{}\n\n{}</failure>\n    </testcase>",
                xml(message),
                xml(message),
                xml(text)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::json;

    fn report() -> Report {
        Report {
            lang: Lang::En,
            pristine: true,
            build_seconds: 1.5,
            exercises: vec![ExerciseReport {
                number: 2,
                folder: "02_fails".into(),
                name: "fails".into(),
                title: "Fixture <fails> & \"quotes\"".into(),
                status: Status::Fail,
                message: "1 test failed, 1 passed".into(),
                output: Some("\u{1b}[31mexpected 42\u{1b}[0m\ttab\u{7}".into()),
                seconds: 0.25,
                edited: vec!["exercises/02_fails/tests/fails.rs".into()],
                tests: vec![
                    TestReport {
                        name: "a".into(),
                        status: "pass",
                        message: None,
                    },
                    TestReport {
                        name: "b".into(),
                        status: "fail",
                        message: Some("expected 42, got 41".into()),
                    },
                ],
            }],
            support_edited: Vec::new(),
        }
    }

    #[test]
    fn the_json_reads_back_with_a_strict_reader() {
        let doc = json::parse(&json(&report())).expect("valid JSON");
        assert_eq!(doc.get("version").and_then(json::Json::as_f64), Some(3.0));
        assert_eq!(doc.get("status").and_then(json::Json::as_str), Some("fail"));
        let tests = doc.get("tests").and_then(json::Json::as_array).unwrap();
        assert_eq!(
            tests[1].get("name").and_then(json::Json::as_str),
            Some("02_fails::b")
        );
        let output = doc
            .path(&["exercises"])
            .and_then(json::Json::as_array)
            .unwrap()[0]
            .get("output")
            .and_then(json::Json::as_str)
            .unwrap()
            .to_owned();
        assert!(output.contains('\u{1b}') && output.contains('\u{7}'));
    }

    #[test]
    fn the_junit_file_escapes_markup_and_drops_what_xml_cannot_hold() {
        let xml = junit(&report());
        assert!(xml.contains("Fixture &lt;fails&gt; &amp; &quot;quotes&quot;"));
        assert!(!xml.contains('\u{1b}') && !xml.contains('\u{7}'));
        assert!(xml.contains("<testcase name=\"a\" classname=\"02_fails\"/>"));
        assert!(xml.contains("<failure type=\"fail\" message=\"expected 42, got 41\">"));
        assert!(xml.contains("tests=\"2\" failures=\"1\""));
    }
}
