//! Record ids: made from a name by transliteration (docs/format.md: "Record files").
//!
//! An id is lowercase `[a-z0-9]` words joined by `-`, at most 64 characters, so it can
//! never name a path outside its directory, whatever the name it came from.

pub const MAX_LEN: usize = 64;

/// "Анна Петрова" → `anna-petrova`, "王小明" → `wang-xiao-ming`, "Айгүл Сейітқызы" →
/// `aygul-seyitqyzy`. Empty when the name has nothing to transliterate.
pub fn slug(name: &str) -> String {
    let mut ascii = String::with_capacity(name.len());
    for c in name.chars() {
        if is_apostrophe(c) {
            continue;
        }
        let t = any_ascii::any_ascii_char(c);
        // Han characters are syllables: separate them so 王小明 reads wang-xiao-ming.
        if is_han(c) {
            ascii.push(' ');
            ascii.push_str(t);
            ascii.push(' ');
        } else {
            // Marks such as ь and ъ transliterate to an apostrophe: drop them, never split.
            ascii.extend(t.chars().filter(|&a| !is_apostrophe(a)));
        }
    }
    let mut id = String::with_capacity(ascii.len());
    for word in ascii.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        let word = word.to_ascii_lowercase();
        let sep = usize::from(!id.is_empty());
        if id.len() + sep + word.len() > MAX_LEN {
            if id.is_empty() {
                id.push_str(&word[..MAX_LEN]);
            }
            break;
        }
        if sep == 1 {
            id.push('-');
        }
        id.push_str(&word);
    }
    id
}

/// The id `base` with clash suffix `n` (`anna-petrova-2`), cut to stay within [`MAX_LEN`].
pub fn with_suffix(base: &str, n: usize) -> String {
    if n <= 1 {
        return base.to_string();
    }
    let suffix = format!("-{n}");
    let keep = MAX_LEN - suffix.len();
    let mut stem = if base.len() > keep { &base[..keep] } else { base };
    stem = stem.trim_end_matches('-');
    format!("{stem}{suffix}")
}

/// Whether a string may be used as an id (`rename`, hand-made files).
pub fn is_valid(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_LEN
        && id.split('-').all(|w| {
            !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | '"' | 'ʹ' | 'ʺ')
}

fn is_han(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_examples() {
        assert_eq!(slug("Анна Петрова"), "anna-petrova");
        assert_eq!(slug("王小明"), "wang-xiao-ming");
        assert_eq!(slug("Айгүл Сейітқызы"), "aygul-seyitqyzy");
    }

    #[test]
    fn marks_and_apostrophes_are_dropped_not_split() {
        assert_eq!(slug("Дарья Ильина"), "darya-ilina");
        assert_eq!(slug("Подъезд"), "podezd");
        assert_eq!(slug("O'Brien"), "obrien");
        assert_eq!(slug("Jürgen Größer"), "jurgen-grosser");
        assert_eq!(slug("ТОО «Алтын Мебель»"), "too-altyn-mebel");
        assert_eq!(slug("Müller & Söhne GmbH"), "muller-sohne-gmbh");
        assert_eq!(slug("北京 Trade 2026"), "bei-jing-trade-2026");
    }

    #[test]
    fn hostile_names_stay_inside_the_book() {
        for name in ["../x", "/abs/path", "a\0b", "..", ".", "~", "C:\\win", "a/../../b"] {
            let id = slug(name);
            assert!(id.is_empty() || is_valid(&id), "{name:?} → {id:?}");
        }
        assert_eq!(slug("../x"), "x");
        assert_eq!(slug("!!! ... ???"), "");
        let long = "слово ".repeat(2000);
        let id = slug(&long);
        assert!(id.len() <= MAX_LEN && is_valid(&id), "{id}");
        let one_word = "a".repeat(10_000);
        assert_eq!(slug(&one_word).len(), MAX_LEN);
    }

    #[test]
    fn suffixes_stay_within_the_limit() {
        assert_eq!(with_suffix("anna-petrova", 2), "anna-petrova-2");
        assert_eq!(with_suffix("anna-petrova", 1), "anna-petrova");
        let long = "a".repeat(64);
        let s = with_suffix(&long, 12);
        assert_eq!(s.len(), 64);
        assert!(s.ends_with("-12") && is_valid(&s));
    }

    #[test]
    fn validity() {
        assert!(is_valid("anna-petrova-2"));
        for bad in ["", "-a", "a-", "a--b", "A", "a/b", "../x", "a b", &"a".repeat(65)] {
            assert!(!is_valid(bad), "{bad}");
        }
    }
}
