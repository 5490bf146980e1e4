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
    tokens: Vec<Token>,
}

impl RoloTokenizer {
    pub fn new(stemming: Stemming) -> Self {
        RoloTokenizer { stemming, tokens: Vec::new() }
    }
}

pub struct RoloTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl Tokenizer for RoloTokenizer {
    type TokenStream<'a> = RoloTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> RoloTokenStream<'a> {
        self.tokens = tokens(text, self.stemming);
        RoloTokenStream { tokens: &mut self.tokens, next: 0 }
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
    split(text, |from, to, word| {
        let text = match (stemming, word) {
            (_, Piece::Cjk(s)) | (Stemming::Off, Piece::Word(s)) => s,
            (Stemming::On, Piece::Word(s)) => stem(&s),
        };
        let position = out.len();
        out.push(Token { offset_from: from, offset_to: to, position, text, position_length: 1 });
    });
    out
}

/// A normalised piece of text: a word (not yet stemmed) or a CJK unigram/bigram.
enum Piece {
    Word(String),
    Cjk(String),
}

/// Walk `text`, calling `emit(from, to, piece)` for every token in order.
fn split(text: &str, mut emit: impl FnMut(usize, usize, Piece)) {
    let mut chars = text.char_indices().peekable();
    let mut push = |from: usize, to: usize, piece: Piece| emit(from, to, piece);
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
                let word = normalize_word(&text[start..end], Stemming::Off);
                if !word.is_empty() {
                    push(start, end, Piece::Word(word));
                }
            }
            Class::Cjk => {
                let mut run = vec![(start, c)];
                while let Some(&(i, n)) = chars.peek() {
                    if class(n) != Class::Cjk {
                        break;
                    }
                    run.push((i, n));
                    chars.next();
                }
                if run.len() == 1 {
                    push(start, start + c.len_utf8(), Piece::Cjk(c.to_string()));
                }
                for pair in run.windows(2) {
                    let (a, ca) = pair[0];
                    let (b, cb) = pair[1];
                    push(a, b + cb.len_utf8(), Piece::Cjk(format!("{ca}{cb}")));
                }
            }
        }
    }
}

/// One word, normalised for matching: NFKC, lowercase, Latin folded, ё → е, stemmed.
pub fn normalize_word(word: &str, stemming: Stemming) -> String {
    // Most words of most books are ASCII or already NFKC: skip the normaliser for them
    // (it was the largest cost of a rebuild).
    if word.is_ascii() {
        let out = word.to_ascii_lowercase();
        return match stemming {
            Stemming::Off => out,
            Stemming::On => stem(&out),
        };
    }
    let normalized: String = match unicode_normalization::is_nfkc_quick(word.chars()) {
        unicode_normalization::IsNormalized::Yes => word.to_string(),
        _ => word.nfkc().collect(),
    };
    let mut out = String::with_capacity(normalized.len());
    for c in normalized.chars().flat_map(char::to_lowercase) {
        match c {
            'ё' => out.push('е'),
            c if is_latin_with_mark(c) => {
                out.extend(any_ascii::any_ascii_char(c).chars().flat_map(char::to_lowercase));
            }
            c if is_mark(c) => {}
            c => out.push(c),
        }
    }
    match stemming {
        Stemming::Off => out,
        Stemming::On => stem(&out),
    }
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
}
