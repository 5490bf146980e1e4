//! Line merge, as `git merge-file` does it (diffy's diff3): the Markdown body of a
//! record, and whole files that do not parse as records.
//!
//! diffy names its sides "ours" and "theirs"; the markers are relabelled with the names
//! git gives, and written with the file's own line ending.

use diffy::{ConflictStyle, IncompleteHunkStyle, MergeOptions};

use super::Labels;

/// The merged text; `clean` is false when it holds conflict markers.
pub(super) struct LineMerge {
    pub text: String,
    pub clean: bool,
}

pub(super) fn merge(base: &str, ours: &str, theirs: &str, labels: &Labels, nl: &str) -> LineMerge {
    if ours == theirs || theirs == base {
        return LineMerge { text: ours.to_string(), clean: true };
    }
    if ours == base {
        return LineMerge { text: theirs.to_string(), clean: true };
    }
    let size = marker_size(&[base, ours, theirs]);
    let mut options = MergeOptions::new();
    options
        .set_conflict_style(ConflictStyle::Merge)
        .set_conflict_marker_length(size)
        .set_incomplete_hunk_style(IncompleteHunkStyle::Git);
    match options.merge(base, ours, theirs) {
        Ok(text) => LineMerge { text, clean: true },
        Err(text) => LineMerge { text: relabel(&text, size, labels, nl), clean: false },
    }
}

/// diffy's marker lines for a marker size: the lines that cannot be anything else once
/// no input has them.
fn markers(size: usize) -> [String; 3] {
    [format!("{} ours", "<".repeat(size)), "=".repeat(size), format!("{} theirs", ">".repeat(size))]
}

/// git's size (7), or longer when an input already holds such a line (a Markdown
/// `=======` underline, a file with markers from an earlier merge), so that the markers
/// of this merge are known for sure.
fn marker_size(texts: &[&str]) -> usize {
    let mut size = 7;
    loop {
        let markers = markers(size);
        let clash = texts.iter().flat_map(|t| t.lines()).any(|line| {
            let line = line.strip_suffix('\r').unwrap_or(line);
            markers.iter().any(|m| m == line)
        });
        if !clash {
            return size;
        }
        size += 1;
    }
}

fn relabel(text: &str, size: usize, labels: &Labels, nl: &str) -> String {
    let [open, middle, close] = markers(size);
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let bare = line.strip_suffix('\n').unwrap_or(line);
        let marker = if bare == open {
            super::marker('<', size, labels.ours)
        } else if bare == middle {
            super::marker('=', size, "")
        } else if bare == close {
            super::marker('>', size, labels.theirs)
        } else {
            out.push_str(line);
            continue;
        };
        out.push_str(marker.strip_suffix('\n').unwrap_or(&marker));
        out.push_str(nl);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABELS: Labels = Labels { base: "base", ours: "HEAD", theirs: "origin/main" };

    #[test]
    fn clean_merge_of_separate_edits() {
        let base = "Встреча в Алматы.\n\nЗвонил 王小明.\n";
        let ours = "Встреча в Алматы, офис.\n\nЗвонил 王小明.\n";
        let theirs = "Встреча в Алматы.\n\nЗвонил 王小明 дважды.\n";
        let m = merge(base, ours, theirs, &LABELS, "\n");
        assert!(m.clean);
        assert_eq!(m.text, "Встреча в Алматы, офис.\n\nЗвонил 王小明 дважды.\n");
    }

    #[test]
    fn conflicts_carry_git_labels_and_the_file_line_ending() {
        let m = merge("a\r\nb\r\n", "a\r\nБ\r\n", "a\r\n乙\r\n", &LABELS, "\r\n");
        assert!(!m.clean);
        assert_eq!(m.text, "a\r\n<<<<<<< HEAD\r\nБ\r\n=======\r\n乙\r\n>>>>>>> origin/main\r\n");
    }

    #[test]
    fn markers_grow_past_lines_the_text_already_has() {
        let base = "Title\n=======\nold\n";
        let m = merge(base, "Title\n=======\nours\n", "Title\n=======\ntheirs\n", &LABELS, "\n");
        assert!(!m.clean);
        assert_eq!(
            m.text,
            "Title\n=======\n<<<<<<<< HEAD\nours\n========\ntheirs\n>>>>>>>> origin/main\n"
        );
    }
}
