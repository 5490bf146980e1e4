//! Query text → [`Query`]. Never panics; every error names the column.

use super::{Atom, Clause, Query, SyntaxError, Value};

/// A lexeme: `-`? then a quoted phrase or a bare run, with the column it starts at.
#[derive(Debug)]
struct Lexeme {
    column: usize,
    negated: bool,
    field: Option<String>,
    value: Value,
    /// A bare `OR`.
    is_or: bool,
}

pub fn parse(text: &str) -> Result<Query, SyntaxError> {
    let lexemes = lex(text)?;
    let mut clauses: Vec<Clause> = Vec::new();
    let mut pending_or: Option<usize> = None;
    for lx in lexemes {
        if lx.is_or {
            let joinable = clauses.last().is_some_and(|c| !c.negated) && pending_or.is_none();
            if !joinable {
                return Err(err(lx.column, "OR needs a term on each side"));
            }
            pending_or = Some(lx.column);
            continue;
        }
        let atom = Atom { field: lx.field, value: lx.value };
        match pending_or.take() {
            Some(column) => {
                if lx.negated {
                    return Err(err(column, "OR cannot join an excluded term"));
                }
                if let Some(last) = clauses.last_mut() {
                    last.alternatives.push(atom);
                }
            }
            None => clauses.push(Clause { negated: lx.negated, alternatives: vec![atom] }),
        }
    }
    if let Some(column) = pending_or {
        return Err(err(column, "OR needs a term on each side"));
    }
    if clauses.is_empty() {
        return Err(err(1, "empty query"));
    }
    Ok(Query { clauses })
}

fn err(column: usize, message: &str) -> SyntaxError {
    SyntaxError { column, message: message.to_string() }
}

fn lex(text: &str) -> Result<Vec<Lexeme>, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let column = i + 1;
        let negated = chars[i] == '-' && i + 1 < chars.len() && !chars[i + 1].is_whitespace();
        if chars[i] == '-' && !negated {
            return Err(err(column, "'-' must be followed by the term to exclude"));
        }
        if negated {
            i += 1;
        }
        // An optional `field:` before the value.
        let mut field = None;
        if chars[i] != '"' {
            let start = i;
            let mut j = i;
            while j < chars.len()
                && (chars[j].is_alphanumeric() || chars[j] == '_' || chars[j] == '-')
            {
                j += 1;
            }
            if j > start && j < chars.len() && chars[j] == ':' {
                field = Some(chars[start..j].iter().collect::<String>().to_lowercase());
                i = j + 1;
                if i >= chars.len() || chars[i].is_whitespace() {
                    return Err(err(column, "a field needs a value after ':'"));
                }
            }
        }
        let value = if chars[i] == '"' {
            let start = i + 1;
            let Some(len) = chars[start..].iter().position(|&c| c == '"') else {
                return Err(err(i + 1, "unclosed quote"));
            };
            i = start + len + 1;
            Value::Phrase(chars[start..start + len].iter().collect())
        } else {
            let start = i;
            while i < chars.len() && !chars[i].is_whitespace() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if field.is_none() && !negated && word == "OR" {
                out.push(Lexeme { column, negated, field, value: Value::Word(word), is_or: true });
                continue;
            }
            match word.strip_suffix('*') {
                Some("") => return Err(err(column, "'*' must end a prefix, as in acme*")),
                Some(prefix) => Value::Prefix(prefix.to_string()),
                None => Value::Word(word),
            }
        };
        out.push(Lexeme { column, negated, field, value, is_or: false });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(field: Option<&str>, value: Value) -> Atom {
        Atom { field: field.map(String::from), value }
    }

    #[test]
    fn words_phrases_fields_prefixes() {
        let q = parse(r#"Анна "website redesign" tag:vip acme* -lost"#).unwrap();
        assert_eq!(q.clauses.len(), 5);
        assert_eq!(q.clauses[0].alternatives, [atom(None, Value::Word("Анна".into()))]);
        assert_eq!(
            q.clauses[1].alternatives,
            [atom(None, Value::Phrase("website redesign".into()))]
        );
        assert_eq!(q.clauses[2].alternatives, [atom(Some("tag"), Value::Word("vip".into()))]);
        assert_eq!(q.clauses[3].alternatives, [atom(None, Value::Prefix("acme".into()))]);
        assert!(q.clauses[4].negated);
    }

    #[test]
    fn or_joins_neighbours() {
        let q = parse("anna OR ivan petrov").unwrap();
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alternatives.len(), 2);
        let q = parse(r#"name:"Анна Петрова" OR email:anna@example.ru"#).unwrap();
        assert_eq!(
            q.clauses[0].alternatives[1],
            atom(Some("email"), Value::Word("anna@example.ru".into()))
        );
    }

    #[test]
    fn errors_name_the_column() {
        assert_eq!(parse(r#"anna "unclosed"#).unwrap_err().column, 6);
        assert_eq!(parse("OR anna").unwrap_err().column, 1);
        assert_eq!(parse("anna OR").unwrap_err().column, 6);
        assert!(parse("anna OR -ivan").is_err());
        assert!(parse("tag: vip").is_err());
        assert!(parse("- anna").is_err());
        assert!(parse("*").is_err());
        assert!(parse("   ").is_err());
        // A phone or a date with dashes is a word, not an exclusion.
        assert!(!parse("701-555-0101").unwrap().clauses[0].negated);
    }
}
