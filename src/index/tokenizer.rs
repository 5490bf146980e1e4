//! The multilingual tokenizer of the search index: what a word is, in any script, and how
//! it is normalised.
//!
//! - Runs of Han, Kana and Hangul become overlapping two-character tokens (Lucene's CJK
//!   bigrams), so any substring of two or more characters is found as a phrase: 小明 finds
//!   王小明 where a dictionary segmenter splits across word boundaries.
//! - Other runs of letters and digits are words: NFKC, lowercase, Latin diacritics folded
//!   (Jürgen = Jurgen, Größer = Grosser), Russian ё = е; Cyrillic is never transliterated.
//! - With [`Stemming::On`], Russian and English words are stemmed (Snowball), so Петровой
//!   finds Петрова and "meetings" finds "meeting". Kazakh words (ә ғ қ ң ө ұ ү һ і) are
//!   left as they are: no stemmer knows them, and Russian's would mangle them.
//!
//! The same code tokenizes documents and queries, so both sides always agree.

use frostem::{Algorithm, Stemmer};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stemming {
    On,
    Off,
}

/// A tantivy tokenizer over [`tokens`].
#[derive(Clone)]
pub struct RoloTokenizer {
    stemming: Stemming,
    /// The last text's tokens, their strings kept for the next text (an indexing thread
    /// tokenizes every record: no allocation per word).
    tokens: Vec<Token>,
    stems: Stems,
}

impl RoloTokenizer {
    pub fn new(stemming: Stemming) -> Self {
        RoloTokenizer { stemming, tokens: Vec::new(), stems: Stems::default() }
    }
}

pub struct RoloTokenStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for RoloTokenizer {
    type TokenStream<'a> = RoloTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RoloTokenStream<'a> {
        let len = fill(text, self.stemming, &mut self.tokens, &mut self.stems);
        RoloTokenStream { tokens: &mut self.tokens[..len], next: 0 }
    }
}

impl TokenStream for RoloTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Cjk,
    Word,
    Other,
}

fn class(c: char) -> Class {
    let u = c as u32;
    if c.is_ascii() {
        return if c.is_ascii_alphanumeric() { Class::Word } else { Class::Other };
    }
    // Cyrillic letters (all but U+0482 and the combining marks after it), without the
    // general Unicode look-up: Russian and Kazakh text is most of what is not ASCII.
    if matches!(u, 0x0400..=0x0481 | 0x048A..=0x052F) {
        return Class::Word;
    }
    let cjk = matches!(u,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x2FA1F  // CJK Extensions B–F and compatibility supplement
    );
    if cjk {
        Class::Cjk
    } else if c.is_alphanumeric() || is_mark(c) {
        Class::Word
    } else {
        Class::Other
    }
}

/// Combining marks belong to the word they decorate (a decomposed й is one letter).
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF)
}

/// Split `text` into normalised tokens with their byte offsets in `text`.
pub fn tokens(text: &str, stemming: Stemming) -> Vec<Token> {
    let mut out = Vec::new();
    let len = fill(text, stemming, &mut out, &mut Stems::default());
    out.truncate(len);
    out
}

/// Tokenize `text` into the first tokens of `out`, reusing their strings, and say how
/// many there are (tokens after them are left from an earlier text).
fn fill(text: &str, stemming: Stemming, out: &mut Vec<Token>, stems: &mut Stems) -> usize {
    let mut len = 0;
    split(text, |from, to, piece| {
        if len == out.len() {
            out.push(Token::default());
        }
        let token = &mut out[len];
        token.text.clear();
        match piece {
            Piece::Cjk(chars) => token.text.extend(chars),
            Piece::Word(word) => {
                normalize_into(word, &mut token.text);
                if token.text.is_empty() {
                    return;
                }
                if stemming == Stemming::On {
                    stems.stem_in_place(&mut token.text);
                }
            }
        }
        *token = Token {
            offset_from: from,
            offset_to: to,
            position: len,
            text: std::mem::take(&mut token.text),
            position_length: 1,
        };
        len += 1;
    });
    len
}

/// A run of a word's characters as written, or one or two CJK characters.
enum Piece<'t> {
    Word(&'t str),
    Cjk(&'t [char]),
}

/// Walk `text`, calling `emit(from, to, piece)` for every token in order.
fn split(text: &str, mut emit: impl FnMut(usize, usize, Piece)) {
    let mut chars = text.char_indices().peekable();
    let mut run: Vec<(usize, char)> = Vec::new();
    while let Some((start, c)) = chars.next() {
        match class(c) {
            Class::Other => {}
            Class::Word => {
                let mut end = start + c.len_utf8();
                while let Some(&(i, n)) = chars.peek() {
                    if class(n) != Class::Word {
                        break;
                    }
                    end = i + n.len_utf8();
                    chars.next();
                }
                emit(start, end, Piece::Word(&text[start..end]));
            }
            Class::Cjk => {
                run.clear();
                run.push((start, c));
                while let Some(&(i, n)) = chars.peek() {
                    if class(n) != Class::Cjk {
                        break;
                    }
                    run.push((i, n));
                    chars.next();
                }
                if run.len() == 1 {
                    emit(start, start + c.len_utf8(), Piece::Cjk(&[c]));
                }
                for pair in run.windows(2) {
                    let (a, ca) = pair[0];
                    let (b, cb) = pair[1];
                    emit(a, b + cb.len_utf8(), Piece::Cjk(&[ca, cb]));
                }
            }
        }
    }
}

/// One word, normalised for matching: NFKC, lowercase, Latin folded, ё → е, stemmed.
pub fn normalize_word(word: &str, stemming: Stemming) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    match stemming {
        Stemming::Off => out,
        Stemming::On => stem(&out),
    }
}

/// `word` normalised (NFKC, lowercase, Latin diacritics folded, ё as е) onto `out`.
fn normalize_into(word: &str, out: &mut String) {
    // Most words of most books are ASCII, Russian or already NFKC: skip the normaliser
    // for them (it was the largest cost of a rebuild).
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    if russian_into(word, out) {
        return;
    }
    let mut push = |c: char| match c {
        'ё' => out.push('е'),
        c if is_latin_with_mark(c) => {
            out.extend(any_ascii::any_ascii_char(c).chars().flat_map(char::to_lowercase));
        }
        c if is_mark(c) => {}
        c => out.push(c),
    };
    if unicode_normalization::is_nfkc_quick(word.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        word.chars().flat_map(char::to_lowercase).for_each(&mut push);
    } else {
        word.nfkc().flat_map(char::to_lowercase).for_each(&mut push);
    }
}

/// [`normalize_into`] of a word of Russian letters (U+0400–U+045F) and ASCII alone,
/// without the Unicode tables: such a word is normalised already, and its case is an
/// offset. False, with `out` as it was, for any other word.
fn russian_into(word: &str, out: &mut String) -> bool {
    let start = out.len();
    for c in word.chars() {
        let lower = match c as u32 {
            0x0401 | 0x0451 => 'е', // ё as е
            0x0400..=0x040F => char::from_u32(c as u32 + 0x50).unwrap_or(c),
            0x0410..=0x042F => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            0x0430..=0x045F => c,
            _ if c.is_ascii() => c.to_ascii_lowercase(),
            _ => {
                out.truncate(start);
                return false;
            }
        };
        out.push(lower);
    }
    true
}

fn is_latin_with_mark(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x024F | 0x1E00..=0x1EFF)
}

/// Stem a normalised word: Russian or English by its script, others unchanged.
pub fn stem(word: &str) -> String {
    let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    let kazakh = word.chars().any(|c| "әғқңөұүһі".contains(c));
    let latin = word.chars().all(|c| c.is_ascii_alphanumeric());
    let algorithm = if cyrillic && !kazakh {
        Algorithm::Russian
    } else if latin && word.chars().any(|c| c.is_ascii_alphabetic()) {
        Algorithm::English
    } else {
        return word.to_string();
    };
    Stemmer::new(algorithm).stem(word).into_owned()
}

/// Stems already found by one tokenizer: a book says the same words again and again,
/// and a Snowball stemmer costs several times a look-up. Bounded: cleared when full.
#[derive(Clone, Default)]
struct Stems(hashbrown::HashMap<Box<str>, Box<str>, foldhash::fast::FixedState>);

impl Stems {
    /// Words kept at most (a few MB).
    const MAX: usize = 50_000;

    /// `word` as [`stem`] gives it.
    fn stem_in_place(&mut self, word: &mut String) {
        if !self.0.contains_key(word.as_str()) {
            if self.0.len() >= Self::MAX {
                self.0.clear();
            }
            let stemmed = stem(word).into_boxed_str();
            self.0.insert(word.as_str().into(), stemmed);
        }
        if let Some(stemmed) = self.0.get(word.as_str()) {
            word.clear();
            word.push_str(stemmed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str, stemming: Stemming) -> Vec<String> {
        tokens(s, stemming).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn cjk_bigrams_and_single_characters() {
        assert_eq!(texts("王小明 负责", Stemming::On), ["王小", "小明", "负责"]);
        assert_eq!(texts("王", Stemming::On), ["王"]);
        let t = tokens("a 王小明", Stemming::On);
        assert_eq!((t[1].offset_from, t[1].offset_to), (2, 8));
        assert_eq!(t[2].position, t[1].position + 1, "bigrams are consecutive for phrases");
    }

    #[test]
    fn folding_and_case() {
        assert_eq!(texts("Jürgen Größer Éclair", Stemming::Off), ["jurgen", "grosser", "eclair"]);
        assert_eq!(texts("Ёлка", Stemming::Off), ["елка"]);
        assert_eq!(texts("АЙГҮЛ Сейітқызы", Stemming::Off), ["айгүл", "сейітқызы"]);
        // A decomposed й stays one letter (NFC/NFKC first).
        assert_eq!(texts("Серге\u{0438}\u{0306}", Stemming::Off), ["сергей"]);
    }

    #[test]
    fn stemming_russian_and_english_only() {
        assert_eq!(texts("Петровой", Stemming::On), texts("Петрова", Stemming::On));
        assert_eq!(texts("meetings", Stemming::On), texts("meeting", Stemming::On));
        assert_eq!(texts("Айгүлге", Stemming::On), ["айгүлге"]);
        assert_eq!(texts("Петровой", Stemming::Off), ["петровой"]);
    }

    #[test]
    fn russian_letters_take_the_short_way_to_the_same_word() {
        // Every letter of the short way, alone and beside others, as the general way
        // (NFKC, Unicode lowercase, ё as е) gives it.
        let general = |word: &str| -> String {
            let lower: String = word.nfkc().flat_map(char::to_lowercase).collect();
            lower.replace('ё', "е")
        };
        for c in ('\u{0400}'..='\u{045F}').chain((0u8..128).map(char::from)) {
            for word in [c.to_string(), format!("Ан{c}Я9")] {
                let mut out = String::new();
                if russian_into(&word, &mut out) {
                    assert_eq!(out, general(&word), "{word:?}");
                }
            }
        }
        let mut out = String::from("kept ");
        assert!(!russian_into("Айгүл", &mut out), "ү is Kazakh: the general way");
        assert_eq!(out, "kept ");
    }

    #[test]
    fn cyrillic_letters_are_words_and_its_signs_are_not() {
        // The Cyrillic block's fast path agrees with Unicode: ҂ (U+0482) is a symbol, the
        // combining marks after it belong to the word before them.
        for c in ('\u{0400}'..='\u{052F}').filter(|c| !is_mark(*c)) {
            assert_eq!(class(c) == Class::Word, c.is_alphanumeric(), "{c:?}");
        }
        assert_eq!(texts("ҚАЗАҚСТАН ҂ Ӂ", Stemming::Off), ["қазақстан", "ӂ"]);
    }

    /// What a reused tokenizer (the index's, with its strings and stems kept from one
    /// text to the next) gives for `texts`, in turn.
    fn through_one_tokenizer(texts: &[String], stemming: Stemming) -> Vec<Vec<Token>> {
        let mut tokenizer = RoloTokenizer::new(stemming);
        texts
            .iter()
            .map(|text| {
                let mut stream = tokenizer.token_stream(text);
                let mut out = Vec::new();
                while stream.advance() {
                    out.push(stream.token().clone());
                }
                out
            })
            .collect()
    }

    #[test]
    fn a_reused_tokenizer_gives_what_a_fresh_one_does() {
        // A long text, then shorter ones: nothing of an earlier text's tokens shows.
        let texts: Vec<String> = [
            "Встреча с Анной Петровой: meetings about the discount, 王小明 负责 北京",
            "Айгүлге",
            "",
            "Jürgen Größer ÉCLAIR Петровой Петрова meetings",
            "— … ҂",
            "王",
        ]
        .map(String::from)
        .to_vec();
        for stemming in [Stemming::On, Stemming::Off] {
            let fresh: Vec<Vec<Token>> = texts.iter().map(|t| tokens(t, stemming)).collect();
            assert_eq!(through_one_tokenizer(&texts, stemming), fresh);
        }
    }

    mod properties {
        use proptest::prelude::*;

        use super::*;

        const PIECES: [&str; 16] = [
            "Анна",
            "ПЕТРОВОЙ",
            "ёлка",
            "王小明",
            "负",
            "Айгүл",
            "Jürgen",
            "Größer",
            "meetings",
            "e\u{301}",
            "И\u{306}",
            " ",
            "-",
            "\n",
            "1990",
            "ﬁ",
        ];

        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..12)
                .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #[test]
            fn texts_in_turn_tokenize_as_each_alone(texts in prop::collection::vec(text(), 1..8)) {
                for stemming in [Stemming::On, Stemming::Off] {
                    let fresh: Vec<Vec<Token>> = texts.iter().map(|t| tokens(t, stemming)).collect();
                    prop_assert_eq!(through_one_tokenizer(&texts, stemming), fresh);
                }
            }
        }
    }
}
