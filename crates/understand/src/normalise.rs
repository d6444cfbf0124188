//! Normalising a parent's text before matching: lowercase, accents stripped, whitespace
//! collapsed, and chat spellings or common typos replaced by the word they stand for.
//!
//! Every byte of the normalised text remembers which bytes of the original it came from, so
//! that a match can be shown as the parent's own words, not as our rewrite of them.

use std::collections::HashMap;
use std::ops::Range;

/// The normalised text and, for each of its bytes, the range of original bytes it stands for.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    origin: Vec<Range<usize>>,
}

impl Normalised {
    /// The original byte range of a range of the normalised text.
    pub fn original(&self, span: Range<usize>) -> Range<usize> {
        if span.is_empty() || span.end > self.origin.len() {
            return 0..0;
        }
        self.origin[span.start].start..self.origin[span.end - 1].end
    }
}

/// Characters kept as they are besides letters and digits: they end a clause (`.,;!?:`) or
/// belong to dates and numbers (`-`, `/`). Everything else becomes a space.
fn kept(c: char) -> bool {
    matches!(c, '.' | ',' | ';' | '!' | '?' | ':' | '-' | '/')
}

/// A letter without its accent: parents type "één", "ideeën", "café"; patterns are written
/// without accents. Only the Latin letters Dutch uses; others stay as they are.
fn plain(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        other => other,
    }
}

/// Lowercases, strips accents, keeps letters, digits and [`kept`] marks, and collapses every
/// run of other characters to one space; then replaces whole words found in `spellings`.
pub fn normalise(original: &str, spellings: &HashMap<String, String>) -> Normalised {
    let mut text = String::with_capacity(original.len());
    let mut origin: Vec<Range<usize>> = Vec::with_capacity(original.len());
    let mut pending_space: Option<usize> = None;
    for (at, c) in original.char_indices() {
        let here = at..at + c.len_utf8();
        if c == '\n' {
            // A new line ends a clause as a full stop does: chat messages seldom have one.
            text.push('.');
            origin.push(here);
            pending_space = Some(at);
            continue;
        }
        let lower: Vec<char> = c.to_lowercase().map(plain).collect();
        let keep = lower.iter().all(|l| l.is_alphanumeric() || kept(*l));
        if !keep || c.is_whitespace() && c != '\n' {
            if !text.is_empty() {
                pending_space.get_or_insert(at);
            }
            continue;
        }
        if let Some(space_at) = pending_space.take() {
            text.push(' ');
            origin.push(space_at..space_at + 1);
        }
        for l in lower {
            let before = text.len();
            text.push(l);
            origin.extend(std::iter::repeat_n(here.clone(), text.len() - before));
        }
    }
    let n = Normalised { text, origin };
    if spellings.is_empty() {
        n
    } else {
        respell(n, spellings)
    }
}

/// Replaces whole words: every byte of a replacement stands for the whole original word.
fn respell(n: Normalised, spellings: &HashMap<String, String>) -> Normalised {
    let mut text = String::with_capacity(n.text.len());
    let mut origin = Vec::with_capacity(n.origin.len());
    let bytes = n.text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let is_word = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
        if !is_word(bytes[i]) {
            text.push(bytes[i] as char);
            origin.push(n.origin[i].clone());
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_word(bytes[i]) {
            i += 1;
        }
        let word = &n.text[start..i];
        match spellings.get(word) {
            Some(means) => {
                let whole = n.origin[start].start..n.origin[i - 1].end;
                text.push_str(means);
                origin.extend(std::iter::repeat_n(whole, means.len()));
            }
            None => {
                text.push_str(word);
                origin.extend_from_slice(&n.origin[start..i]);
            }
        }
    }
    Normalised { text, origin }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spellings() -> HashMap<String, String> {
        [("nie", "niet"), ("wk", "weken")]
            .into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn lowercases_strips_accents_and_collapses_spaces() {
        let n = normalise("  Hij zit   ÉÉN week\tthuis!! <b>", &HashMap::new());
        assert_eq!(n.text, "hij zit een week thuis!! b");
    }

    #[test]
    fn a_span_maps_back_to_the_original_words() {
        let original = "Mijn zoon  ZIT al 5 wk thuis";
        let n = normalise(original, &spellings());
        assert_eq!(n.text, "mijn zoon zit al 5 weken thuis");
        let at = n.text.find("zit al 5 weken").unwrap();
        let span = n.original(at..at + "zit al 5 weken".len());
        assert_eq!(&original[span], "ZIT al 5 wk");
    }

    #[test]
    fn chat_spellings_are_whole_words_only() {
        let n = normalise("nie niet nieuw", &spellings());
        assert_eq!(n.text, "niet niet nieuw");
    }

    #[test]
    fn new_lines_end_a_clause() {
        let n = normalise("zit thuis\nniet ziek", &HashMap::new());
        assert_eq!(n.text, "zit thuis. niet ziek");
    }
}
