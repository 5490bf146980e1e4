//! Reading git's index file (`.git/index`, versions 2 to 4) far enough to answer one
//! question in-process: does it hold exactly HEAD's tree? Its cache-tree extension
//! (`TREE`) says so without a git process: when the root entry is valid, git has
//! computed the tree of every entry, and every later change to an entry invalidated it.
//!
//! And far enough to stage rolo's few files in a copy of it ([`with_entries`]), as `git
//! update-index --index-info` would, without a git process reading and writing all of it
//! once more.
//!
//! Anything unexpected (another hash, a split index, a sparse index, version 4's
//! compressed names, a conflict) answers `None`, and the caller asks git instead.

const SHA1_LEN: usize = 20;

/// The tree id (hex) git cached for the whole index, when it is valid.
pub fn cached_root_tree(bytes: &[u8]) -> Option<String> {
    let extensions = extensions(bytes)?;
    let mut tree = None;
    for (sig, data) in extensions {
        match sig {
            // A split index keeps its entries elsewhere; not read here.
            b"link" => return None,
            b"TREE" => tree = Some(data),
            _ => {}
        }
    }
    root_of(tree?)
}

/// The extensions after the entries: signature and data.
fn extensions(bytes: &[u8]) -> Option<Vec<(&[u8], &[u8])>> {
    let (_, entries_end) = entries(bytes, |_, _| {})?;
    extensions_from(bytes, entries_end)
}

/// Walk the entries, handing each one's start and end to `each`; the version and where
/// the entries end.
fn entries(bytes: &[u8], mut each: impl FnMut(usize, usize)) -> Option<(u32, usize)> {
    if bytes.len() < 12 + SHA1_LEN || &bytes[..4] != b"DIRC" {
        return None;
    }
    let version = u32::from_be_bytes(bytes[4..8].try_into().ok()?);
    let count = u32::from_be_bytes(bytes[8..12].try_into().ok()?);
    if !(2..=4).contains(&version) {
        return None;
    }
    let end = bytes.len() - SHA1_LEN;
    let mut at = 12;
    for _ in 0..count {
        let next = entry_end(bytes, at, version, end)?;
        each(at, next);
        at = next;
    }
    Some((version, at))
}

fn extensions_from(bytes: &[u8], mut at: usize) -> Option<Vec<(&[u8], &[u8])>> {
    let end = bytes.len() - SHA1_LEN;
    let mut out = Vec::new();
    while at < end {
        let sig = bytes.get(at..at + 4)?;
        let size = u32::from_be_bytes(bytes.get(at + 4..at + 8)?.try_into().ok()?) as usize;
        let data = bytes.get(at + 8..(at + 8).checked_add(size)?)?;
        if at + 8 + size > end {
            return None;
        }
        out.push((sig, data));
        at += 8 + size;
    }
    (at == end).then_some(out)
}

/// Where the entry starting at `at` ends.
fn entry_end(bytes: &[u8], at: usize, version: u32, end: usize) -> Option<usize> {
    // ctime, mtime (8 bytes each), dev, ino, mode, uid, gid, size (4 each), the id.
    let flags_at = at + 40 + SHA1_LEN;
    let flags = u16::from_be_bytes(bytes.get(flags_at..flags_at + 2)?.try_into().ok()?);
    let extended = flags & 0x4000 != 0;
    if extended && version < 3 {
        return None;
    }
    let name_at = flags_at + 2 + if extended { 2 } else { 0 };
    let next = if version == 4 {
        // A varint (how much of the previous name to drop), then the rest, NUL-ended.
        let mut p = name_at;
        loop {
            let byte = *bytes.get(p)?;
            p += 1;
            if byte & 0x80 == 0 {
                break;
            }
        }
        let nul = bytes.get(p..end)?.iter().position(|&b| b == 0)?;
        p + nul + 1
    } else {
        let len = match usize::from(flags & 0x0fff) {
            0x0fff => bytes.get(name_at..end)?.iter().position(|&b| b == 0)?,
            n => n,
        };
        // Padded with 1 to 8 NULs to a multiple of 8 bytes.
        at + ((name_at - at + len + 8) & !7)
    };
    (next <= end).then_some(next)
}

/// One change to stage: `Some(blob id)` for a file (mode 100644), `None` to remove it.
pub struct Staged<'a> {
    pub path: &'a str,
    pub blob: Option<&'a str>,
}

/// The index `bytes` with `changes` staged, as `git update-index --index-info` stages
/// them: entries with no stat data (git hashes the file on its next look and keeps it),
/// the cached trees above each path invalidated, caches that name entries by position
/// dropped (git rebuilds them). No trailing checksum, as with `index.skipHash` (git's
/// next write of this file, by write-tree, adds what its configuration asks for).
///
/// `None` when this index is not one rolo edits (version 4, split or sparse, an unknown
/// required extension) or a path is in conflict or would turn a file into a directory.
pub fn with_entries(bytes: &[u8], changes: &[Staged]) -> Option<Vec<u8>> {
    let mut spans = Vec::new();
    let (version, entries_end) = entries(bytes, |start, end| spans.push((start, end)))?;
    if version == 4 {
        return None;
    }
    let name_of = |&(start, end): &(usize, usize)| -> &[u8] {
        let flags_at = start + 40 + SHA1_LEN;
        let flags = u16::from_be_bytes([bytes[flags_at], bytes[flags_at + 1]]);
        let name_at = flags_at + 2 + if flags & 0x4000 != 0 { 2 } else { 0 };
        let name = &bytes[name_at..end];
        let len = name.iter().position(|&b| b == 0).unwrap_or(name.len());
        &name[..len]
    };
    let stage_of = |&(start, _): &(usize, usize)| {
        let flags_at = start + 40 + SHA1_LEN;
        (bytes[flags_at] >> 4) & 3
    };

    // Entries are sorted by name, byte by byte (then by stage).
    let mut removed = vec![false; spans.len()];
    let mut added: Vec<(usize, Vec<u8>)> = Vec::new();
    for change in changes {
        let path = change.path.as_bytes();
        if path.is_empty() || path.contains(&0) {
            return None;
        }
        let at = spans.partition_point(|s| name_of(s) < path);
        let existing = spans.get(at).filter(|s| name_of(s) == path);
        if let Some(s) = existing {
            let same = spans[at..].iter().take_while(|s| name_of(s) == path).count();
            if same != 1 || stage_of(s) != 0 {
                return None; // a conflict: git's business
            }
            removed[at] = true;
        }
        if let Some(blob) = change.blob {
            // A directory of that name, or a file where one of its directories would be.
            let mut dir = path.to_vec();
            dir.push(b'/');
            let below = spans.partition_point(|s| name_of(s) < &dir[..]);
            if spans.get(below).is_some_and(|s| name_of(s).starts_with(&dir)) {
                return None;
            }
            for (i, &b) in path.iter().enumerate() {
                if b == b'/' && spans.binary_search_by(|s| name_of(s).cmp(&path[..i])).is_ok() {
                    return None;
                }
            }
            added.push((at, entry(path, blob)?));
        }
    }
    // New entries in the same gap between old ones go in by name.
    added.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| entry_name(&a.1).cmp(entry_name(&b.1))));
    let mut names: Vec<&str> = changes.iter().map(|c| c.path).collect();
    names.sort_unstable();
    if names.windows(2).any(|w| w[0] == w[1]) {
        return None; // one path staged twice
    }

    let mut out = Vec::with_capacity(bytes.len() + added.len() * 128);
    out.extend_from_slice(&bytes[..12]);
    let mut count: u32 = 0;
    let mut new = added.iter().peekable();
    for (i, span) in spans.iter().enumerate() {
        while let Some((_, e)) = new.next_if(|(at, _)| *at == i) {
            out.extend_from_slice(e);
            count += 1;
        }
        if !removed[i] {
            out.extend_from_slice(&bytes[span.0..span.1]);
            count += 1;
        }
    }
    for (_, e) in new {
        out.extend_from_slice(e);
        count += 1;
    }
    out[8..12].copy_from_slice(&count.to_be_bytes());

    for (sig, data) in extensions_from(bytes, entries_end)? {
        let kept = match sig {
            b"TREE" => {
                let paths: Vec<&str> = changes.iter().map(|c| c.path).collect();
                invalidated(data, &paths)?
            }
            // Resolve-undo names paths, not positions.
            b"REUC" => data.to_vec(),
            // Split and sparse indexes are left to git.
            b"link" | b"sdir" => return None,
            // Optional caches (untracked files, fsmonitor, entry offsets): dropped.
            [b'A'..=b'Z', ..] => continue,
            _ => return None,
        };
        out.extend_from_slice(sig);
        out.extend_from_slice(&u32::try_from(kept.len()).ok()?.to_be_bytes());
        out.extend_from_slice(&kept);
    }
    out.extend_from_slice(&[0u8; SHA1_LEN]);
    Some(out)
}

/// An index entry (versions 2 and 3) for a regular file, without stat data.
fn entry(path: &[u8], blob: &str) -> Option<Vec<u8>> {
    if blob.len() != 2 * SHA1_LEN {
        return None;
    }
    let mut e = vec![0u8; 40];
    e[24..28].copy_from_slice(&0o100_644u32.to_be_bytes());
    for pair in blob.as_bytes().chunks(2) {
        e.push(u8::from_str_radix(std::str::from_utf8(pair).ok()?, 16).ok()?);
    }
    let flags = u16::try_from(path.len().min(0x0fff)).ok()?;
    e.extend_from_slice(&flags.to_be_bytes());
    e.extend_from_slice(path);
    let padded = (e.len() + 8) & !7;
    e.resize(padded, 0);
    Some(e)
}

fn entry_name(e: &[u8]) -> &[u8] {
    let name = &e[40 + SHA1_LEN + 2..];
    &name[..name.iter().position(|&b| b == 0).unwrap_or(name.len())]
}

/// The cache-tree `data` with every directory above each of `paths` (the root included)
/// marked invalid, as git marks them when it changes an entry.
fn invalidated(data: &[u8], paths: &[&str]) -> Option<Vec<u8>> {
    let dirs: Vec<Vec<&[u8]>> = paths
        .iter()
        .map(|p| {
            let mut parts: Vec<&[u8]> = p.as_bytes().split(|&b| b == b'/').collect();
            parts.pop();
            parts
        })
        .collect();
    let below: Vec<&[&[u8]]> = dirs.iter().map(Vec::as_slice).collect();
    let mut out = Vec::with_capacity(data.len());
    let mut at = 0;
    tree_node(data, &mut at, &mut out, &below, true)?;
    (at == data.len()).then_some(out)
}

/// Copy the cache-tree node at `at` and its subtrees to `out`, invalidated when `hit`;
/// `below` holds, for each changed path under this node, its directories further down.
fn tree_node(
    data: &[u8],
    at: &mut usize,
    out: &mut Vec<u8>,
    below: &[&[&[u8]]],
    hit: bool,
) -> Option<()> {
    let start = *at;
    let nul = start + data.get(start..)?.iter().position(|&b| b == 0)?;
    let newline = nul + data[nul..].iter().position(|&b| b == b'\n')?;
    let counts = std::str::from_utf8(&data[nul + 1..newline]).ok()?;
    let (entries, subtrees) = counts.split_once(' ')?;
    let (entries, subtrees) = (entries.parse::<i64>().ok()?, subtrees.parse::<usize>().ok()?);
    *at = newline + 1;
    if entries >= 0 {
        data.get(*at..*at + SHA1_LEN)?;
        *at += SHA1_LEN;
    }
    if hit {
        out.extend_from_slice(&data[start..=nul]);
        out.extend_from_slice(format!("-1 {subtrees}\n").as_bytes());
    } else {
        out.extend_from_slice(&data[start..*at]);
    }
    for _ in 0..subtrees {
        let name_end = *at + data.get(*at..)?.iter().position(|&b| b == 0)?;
        let name = &data[*at..name_end];
        let further: Vec<&[&[u8]]> =
            below.iter().filter(|d| d.first() == Some(&name)).map(|d| &d[1..]).collect();
        tree_node(data, at, out, &further, !further.is_empty())?;
    }
    Some(())
}

/// The root entry of a cache-tree: `""`, NUL, entry count (-1 when invalid), space,
/// subtree count, newline, then the tree id when valid.
fn root_of(data: &[u8]) -> Option<String> {
    let (&0, rest) = data.split_first()? else { return None };
    let newline = rest.iter().position(|&b| b == b'\n')?;
    let counts = std::str::from_utf8(&rest[..newline]).ok()?;
    let (entries, _subtrees) = counts.split_once(' ')?;
    if entries.parse::<i64>().ok()? < 0 {
        return None;
    }
    let id = rest.get(newline + 1..newline + 1 + SHA1_LEN)?;
    Some(id.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .current_dir(dir)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@e")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@e")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    }

    fn root(dir: &Path) -> Option<String> {
        cached_root_tree(&std::fs::read(dir.join(".git/index")).unwrap())
    }

    #[test]
    fn the_cached_tree_is_heads_until_something_is_staged() {
        for version in ["2", "3", "4"] {
            let dir = repo(version);
            let d = dir.path();
            let head = git(d, &["rev-parse", "HEAD^{tree}"]);
            assert_eq!(root(d), Some(head.clone()), "version {version}");

            std::fs::write(d.join("contacts/anna-petrova.md"), "changed\n").unwrap();
            git(d, &["add", "contacts/anna-petrova.md"]);
            assert_eq!(root(d), None, "version {version}: a staged change");
            git(d, &["reset", "-q"]);
            git(d, &["write-tree"]);
            assert_eq!(root(d), Some(head), "version {version}: back to HEAD");
        }
    }

    /// A repository of index `version` with files at the top, in directories and nested
    /// ones, committed, and its index's cached trees valid.
    fn repo(version: &str) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        git(d, &["init", "-q"]);
        git(d, &["config", "index.version", version]);
        for (name, text) in [
            ("contacts/anna-petrova.md", "Анна\n"),
            ("contacts/wang.md", "王小明\n"),
            ("contacts/zz.md", "zz\n"),
            ("crm/notes/2026/a.md", "a\n"),
            ("crm/notes/2026/c.md", "c\n"),
            ("crm/rolo.toml", "[git]\n"),
            ("contacts.txt", "a file beside a directory of the same stem\n"),
            ("README", "readme\n"),
        ] {
            std::fs::create_dir_all(d.join(name).parent().unwrap()).unwrap();
            std::fs::write(d.join(name), text).unwrap();
        }
        git(d, &["add", "-A"]);
        git(d, &["commit", "-qm", "init"]);
        if version == "3" {
            git(d, &["update-index", "--skip-worktree", "README"]);
            git(d, &["write-tree"]);
        }
        dir
    }

    fn blob(d: &Path, text: &str) -> String {
        std::fs::write(d.join("blob.tmp"), text).unwrap();
        git(d, &["hash-object", "-w", "blob.tmp"])
    }

    /// Staged in-process and by `git update-index --index-info` from the same index:
    /// the same entries and the same tree.
    #[test]
    fn entries_staged_here_are_what_git_stages() {
        for version in ["2", "3"] {
            let dir = repo(version);
            let d = dir.path();
            let (a, b, c) = (blob(d, "new Анна\n"), blob(d, "b\n"), blob(d, "deep\n"));
            let changes = [
                Staged { path: "contacts/anna-petrova.md", blob: Some(&a) },
                Staged { path: "contacts/wang.md", blob: None },
                Staged { path: "crm/notes/2026/b.md", blob: Some(&b) },
                Staged { path: "crm/notes/2027/x/y.md", blob: Some(&c) },
                Staged { path: "crm/notes/2026/gone.md", blob: None },
                Staged { path: "0-first.md", blob: Some(&b) },
                Staged { path: "zzz/last.md", blob: Some(&b) },
            ];
            let user = std::fs::read(d.join(".git/index")).unwrap();
            let ours = with_entries(&user, &changes).expect("staged in-process");
            std::fs::write(d.join(".git/ours"), ours).unwrap();
            std::fs::write(d.join(".git/theirs"), &user).unwrap();
            let info: String = changes
                .iter()
                .map(|c| match c.blob {
                    Some(b) => format!("100644 {b}\t{}\n", c.path),
                    None => format!("0 {}\t{}\n", "0".repeat(40), c.path),
                })
                .collect();
            let with = |index: &str, args: &[&str], input: Option<&str>| {
                let mut cmd = std::process::Command::new("git");
                cmd.current_dir(d).env("GIT_INDEX_FILE", d.join(".git").join(index)).args(args);
                cmd.stdin(std::process::Stdio::piped()).stdout(std::process::Stdio::piped());
                let mut child = cmd.spawn().unwrap();
                let mut stdin = child.stdin.take().unwrap();
                std::io::Write::write_all(&mut stdin, input.unwrap_or("").as_bytes()).unwrap();
                drop(stdin);
                let out = child.wait_with_output().unwrap();
                assert!(out.status.success(), "{index} {args:?}");
                String::from_utf8(out.stdout).unwrap()
            };
            with("theirs", &["update-index", "--index-info"], Some(&info));
            let listing = ["ls-files", "-s", "--debug"];
            assert_eq!(with("ours", &listing, None), with("theirs", &listing, None), "v{version}");
            let tree = with("ours", &["write-tree"], None);
            assert_eq!(tree, with("theirs", &["write-tree"], None), "version {version}");
            // Written back by git with every cached tree valid again.
            let again = std::fs::read(d.join(".git/ours")).unwrap();
            assert_eq!(cached_root_tree(&again).as_deref(), Some(tree.trim()));
            with("ours", &["fsck", "--no-dangling"], None);
        }
    }

    #[test]
    fn what_git_must_stage_itself_is_left_to_it() {
        let dir = repo("2");
        let d = dir.path();
        let b = blob(d, "b\n");
        let index = |d: &Path| std::fs::read(d.join(".git/index")).unwrap();
        let stage = |d: &Path, path: &str| {
            with_entries(&index(d), &[Staged { path, blob: Some(&b) }]).is_some()
        };
        assert!(stage(d, "contacts/new.md"));
        assert!(!stage(d, "contacts"), "a file where a directory is");
        assert!(!stage(d, "README/x.md"), "a directory where a file is");
        let twice = [Staged { path: "a.md", blob: Some(&b) }, Staged { path: "a.md", blob: None }];
        assert!(with_entries(&index(d), &twice).is_none());

        let v4 = repo("4");
        assert!(!stage(v4.path(), "contacts/new.md"), "version 4 is git's");
        let split = repo("2");
        git(split.path(), &["update-index", "--split-index"]);
        assert!(!stage(split.path(), "contacts/new.md"), "a split index is git's");
    }

    #[test]
    fn what_is_not_an_index_answers_nothing() {
        assert_eq!(cached_root_tree(b""), None);
        assert_eq!(cached_root_tree(&[0u8; 64]), None);
        let mut short = b"DIRC\0\0\0\x02\0\0\0\x05".to_vec();
        short.extend_from_slice(&[0u8; 20]);
        assert_eq!(cached_root_tree(&short), None);
    }
}
