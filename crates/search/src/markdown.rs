//! Turns knowledge-base Markdown into plain text before it is indexed and used for snippets.
//!
//! This is a deliberately small pass, not a Markdown parser: it drops the markup characters
//! `#`, `*`, `_` and backticks, turns links `[text](target)` (and images `![alt](src)`) into
//! just their text, and collapses all whitespace (line breaks included) into single spaces so
//! that snippets read as one line of prose.

/// Returns `markdown` as plain text (see the module documentation for what is removed).
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    push_plain(markdown, &mut out);
    collapse_whitespace(&out)
}

/// Appends the plain-text form of `text` to `out`, without collapsing whitespace.
fn push_plain(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        match c {
            '#' | '*' | '_' | '`' => rest = &rest[1..],
            '!' if rest[1..].starts_with('[') => {
                if let Some((link_text, after)) = split_link(&rest[1..]) {
                    push_plain(link_text, out);
                    rest = after;
                } else {
                    out.push('!');
                    rest = &rest[1..];
                }
            }
            '[' => {
                if let Some((link_text, after)) = split_link(rest) {
                    push_plain(link_text, out);
                    rest = after;
                } else {
                    out.push('[');
                    rest = &rest[1..];
                }
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// If `text` starts with a link `[link text](target)`, returns the link text and what follows
/// the closing parenthesis. Parentheses inside the target may nest, as in
/// `(https://nl.wikipedia.org/wiki/Wet_(recht))`.
fn split_link(text: &str) -> Option<(&str, &str)> {
    let close = text.find(']')?;
    let after_bracket = &text[close + 1..];
    if !after_bracket.starts_with('(') {
        return None;
    }
    let mut depth = 0usize;
    for (i, b) in after_bracket.bytes().enumerate() {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return Some((&text[1..close], &after_bracket[i + 1..]));
                }
            }
            _ => {}
        }
    }
    None
}

/// Replaces every run of whitespace with one space and trims both ends.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::to_plain_text;

    #[test]
    fn drops_markup_characters() {
        assert_eq!(
            to_plain_text("# Kop\n\nDit is **vet**, _schuin_ en `code`."),
            "Kop Dit is vet, schuin en code."
        );
    }

    #[test]
    fn keeps_link_text_and_drops_target() {
        assert_eq!(
            to_plain_text("Zie [de wet](https://wetten.overheid.nl/x_(y)) en ![logo](a.png)."),
            "Zie de wet en logo."
        );
    }

    #[test]
    fn leaves_brackets_that_are_not_links() {
        assert_eq!(
            to_plain_text("Artikel [1] en a ! b"),
            "Artikel [1] en a ! b"
        );
    }

    #[test]
    fn keeps_diacritics() {
        assert_eq!(to_plain_text("*financiële* steun"), "financiële steun");
    }
}
