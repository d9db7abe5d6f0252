//! A line diff for showing a learner how their file differs from the reference
//! solution.
//!
//! [`diff_lines`] returns a minimal edit script (fewest removed plus added
//! lines) computed from a longest-common-subsequence table, after trimming the
//! common prefix and suffix. The table costs O(n·m) time and memory, so when
//! the differing middles are both longer than [`MAX_TABLE_SIDE`] lines the diff
//! falls back to removing the whole middle and adding the new one: still a
//! correct diff, just not minimal. [`unified`] renders the script in the
//! unified format of `diff -u` / `git diff`.
//!
//! Lines are split like [`str::lines`], so a missing final newline or `\r\n`
//! versus `\n` is not reported as a difference; the runner compares exact
//! bytes elsewhere and only uses this to display changes.

use std::fmt::Write as _;

/// Beyond this many lines on either side the LCS table (up to 4 million
/// 2-byte cells, 8 MB) is not built.
pub const MAX_TABLE_SIDE: usize = 2000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

pub fn diff_lines<'a>(old: &'a str, new: &'a str) -> Vec<Line<'a>> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();

    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let a_mid = &a[prefix..a.len() - suffix];
    let b_mid = &b[prefix..b.len() - suffix];

    let mut out = Vec::with_capacity(a.len().max(b.len()));
    out.extend(a[..prefix].iter().map(|l| Line::Same(l)));
    if a_mid.len() <= MAX_TABLE_SIDE && b_mid.len() <= MAX_TABLE_SIDE {
        lcs_diff(a_mid, b_mid, &mut out);
    } else {
        out.extend(a_mid.iter().map(|l| Line::Removed(l)));
        out.extend(b_mid.iter().map(|l| Line::Added(l)));
    }
    out.extend(a[a.len() - suffix..].iter().map(|l| Line::Same(l)));
    out
}

/// Appends a minimal script turning `a` into `b`. Both sides are at most
/// `MAX_TABLE_SIDE` long, so every LCS length fits in a `u16`.
fn lcs_diff<'a>(a: &[&'a str], b: &[&'a str], out: &mut Vec<Line<'a>>) {
    let (n, m) = (a.len(), b.len());
    let width = m + 1;
    // lcs[i * width + j] = length of the LCS of a[i..] and b[j..]; working
    // from the back lets the walk below go forwards and prefer removals
    // before additions, which is how `diff` orders a changed block.
    let mut lcs = vec![0u16; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * width + j] = if a[i] == b[j] {
                lcs[(i + 1) * width + j + 1] + 1
            } else {
                lcs[(i + 1) * width + j].max(lcs[i * width + j + 1])
            };
        }
    }

    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(Line::Same(a[i]));
            i += 1;
            j += 1;
        } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
            out.push(Line::Removed(a[i]));
            i += 1;
        } else {
            out.push(Line::Added(b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| Line::Removed(l)));
    out.extend(b[j..].iter().map(|l| Line::Added(l)));
}

/// A unified diff with `context` unchanged lines around each change, or an
/// empty string when there is nothing to show. Changes separated by at most
/// `2 * context` unchanged lines share a hunk, and hunk headers follow
/// `diff -u`: a count of 1 is omitted, and an empty side names the line
/// before the gap.
pub fn unified(old_name: &str, new_name: &str, old: &str, new: &str, context: usize) -> String {
    let lines = diff_lines(old, new);
    let changes: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| !matches!(l, Line::Same(_)))
        .map(|(i, _)| i)
        .collect();
    if changes.is_empty() {
        return String::new();
    }

    // Group changes into hunks as [first, last] index ranges into `lines`.
    let mut groups: Vec<(usize, usize)> = Vec::new();
    for &c in &changes {
        match groups.last_mut() {
            Some((_, last)) if c - *last - 1 <= 2 * context => *last = c,
            _ => groups.push((c, c)),
        }
    }

    // Line numbers (0-based) in old and new at the start of each entry.
    let mut old_at = Vec::with_capacity(lines.len() + 1);
    let mut new_at = Vec::with_capacity(lines.len() + 1);
    let (mut o, mut n) = (0usize, 0usize);
    for line in &lines {
        old_at.push(o);
        new_at.push(n);
        match line {
            Line::Same(_) => {
                o += 1;
                n += 1;
            }
            Line::Removed(_) => o += 1,
            Line::Added(_) => n += 1,
        }
    }
    old_at.push(o);
    new_at.push(n);

    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for (first, last) in groups {
        let start = first.saturating_sub(context);
        let end = (last + context + 1).min(lines.len());
        let old_len = old_at[end] - old_at[start];
        let new_len = new_at[end] - new_at[start];
        let _ = writeln!(
            out,
            "@@ -{} +{} @@",
            range(old_at[start], old_len),
            range(new_at[start], new_len)
        );
        for line in &lines[start..end] {
            let (prefix, text) = match line {
                Line::Same(t) => (' ', t),
                Line::Removed(t) => ('-', t),
                Line::Added(t) => ('+', t),
            };
            out.push(prefix);
            out.push_str(text);
            out.push('\n');
        }
    }
    out
}

/// Formats a hunk range from a 0-based start the way `diff -u` does.
fn range(start: usize, len: usize) -> String {
    match len {
        // An empty range names the line after which the change happens.
        0 => format!("{start},0"),
        1 => format!("{}", start + 1),
        _ => format!("{},{}", start + 1, len),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Line::{Added, Removed, Same};

    fn count_changes(lines: &[Line<'_>]) -> usize {
        lines.iter().filter(|l| !matches!(l, Same(_))).count()
    }

    /// Rebuilds both inputs from the script, which every diff must allow.
    fn sides(lines: &[Line<'_>]) -> (Vec<String>, Vec<String>) {
        let mut old = Vec::new();
        let mut new = Vec::new();
        for line in lines {
            match *line {
                Same(t) => {
                    old.push(t.to_string());
                    new.push(t.to_string());
                }
                Removed(t) => old.push(t.to_string()),
                Added(t) => new.push(t.to_string()),
            }
        }
        (old, new)
    }

    #[test]
    fn equal_inputs() {
        let text = "a\nb\nc\n";
        assert_eq!(
            diff_lines(text, text),
            vec![Same("a"), Same("b"), Same("c")]
        );
        assert_eq!(unified("x", "y", text, text, 3), "");
        assert_eq!(unified("x", "y", "", "", 3), "");
    }

    #[test]
    fn change_in_the_middle_orders_removal_first() {
        let d = diff_lines("a\nb\nc\n", "a\nB\nc\n");
        assert_eq!(d, vec![Same("a"), Removed("b"), Added("B"), Same("c")]);
    }

    #[test]
    fn minimal_script() {
        // LCS of these is "b c e" (3), so 2 removals + 2 additions.
        let old = "a\nb\nc\nd\ne\n";
        let new = "b\nc\nx\ne\ny\n";
        let d = diff_lines(old, new);
        assert_eq!(count_changes(&d), 4);
        let (o, n) = sides(&d);
        assert_eq!(o, old.lines().collect::<Vec<_>>());
        assert_eq!(n, new.lines().collect::<Vec<_>>());
    }

    #[test]
    fn empty_sides() {
        assert_eq!(diff_lines("", "a\nb"), vec![Added("a"), Added("b")]);
        assert_eq!(diff_lines("a\n", ""), vec![Removed("a")]);
    }

    #[test]
    fn large_inputs_fall_back_but_stay_correct() {
        let old: String = (0..3000).map(|i| format!("line {i}\n")).collect();
        let new: String = (0..3000)
            .map(|i| {
                if i % 2 == 0 {
                    format!("line {i}\n")
                } else {
                    format!("LINE {i}\n")
                }
            })
            .collect();
        let d = diff_lines(&old, &new);
        // Prefix "line 0" and nothing else is shared; the middle is replaced.
        assert_eq!(d[0], Same("line 0"));
        assert_eq!(count_changes(&d), 2 * 2999);
        let (o, n) = sides(&d);
        assert_eq!(o, old.lines().collect::<Vec<_>>());
        assert_eq!(n, new.lines().collect::<Vec<_>>());
        // A small change inside a big file is still found exactly.
        let edited = old.replace("line 1500\n", "changed\n");
        let d = diff_lines(&old, &edited);
        assert_eq!(count_changes(&d), 2);
        assert_eq!(d[1500], Removed("line 1500"));
    }

    #[test]
    fn unified_one_change_in_the_middle() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
        let expected = "\
--- src/lib.rs
+++ solution/src/lib.rs
@@ -2,7 +2,7 @@
 2
 3
 4
-5
+five
 6
 7
 8
";
        assert_eq!(
            unified("src/lib.rs", "solution/src/lib.rs", old, new, 3),
            expected
        );
    }

    #[test]
    fn unified_additions_at_end() {
        let old = "a\nb\nc\nd\n";
        let new = "a\nb\nc\nd\ne\nf\n";
        let expected = "\
--- old
+++ new
@@ -3,2 +3,4 @@
 c
 d
+e
+f
";
        assert_eq!(unified("old", "new", old, new, 2), expected);
    }

    #[test]
    fn unified_empty_side_and_single_line_ranges() {
        assert_eq!(
            unified("o", "n", "", "x\n", 3),
            "--- o\n+++ n\n@@ -0,0 +1 @@\n+x\n"
        );
        assert_eq!(
            unified("o", "n", "a\nb\n", "a\n", 0),
            "--- o\n+++ n\n@@ -2 +1,0 @@\n-b\n"
        );
    }

    #[test]
    fn unified_close_changes_merge_far_changes_split() {
        let numbered = |edits: &[(usize, &str)]| -> String {
            (1..=20)
                .map(|i| match edits.iter().find(|(at, _)| *at == i) {
                    Some((_, text)) => format!("{text}\n"),
                    None => format!("{i}\n"),
                })
                .collect()
        };
        let old = numbered(&[]);
        // Changes at lines 3 and 8: 4 unchanged lines between, <= 2 * 2.
        let close = numbered(&[(3, "x"), (8, "y")]);
        let expected = "\
--- a
+++ b
@@ -1,10 +1,10 @@
 1
 2
-3
+x
 4
 5
 6
 7
-8
+y
 9
 10
";
        assert_eq!(unified("a", "b", &old, &close, 2), expected);

        // Changes at lines 3 and 9: 5 unchanged lines between, > 2 * 2.
        let far = numbered(&[(3, "x"), (9, "y")]);
        let expected = "\
--- a
+++ b
@@ -1,5 +1,5 @@
 1
 2
-3
+x
 4
 5
@@ -7,5 +7,5 @@
 7
 8
-9
+y
 10
 11
";
        assert_eq!(unified("a", "b", &old, &far, 2), expected);
    }
}
