//! Cuts a plain-text snippet of about [`SNIPPET_LEN`] bytes out of a document body, around the
//! place where the query's words are densest, and reports where the matched words are.
//!
//! A word matches when its analyzed form (main or loose analyzer, see [`crate::analyzer`]) is
//! one of the query's analyzed terms, so "scholen" in the body is marked for the query
//! "school". The snippet is plain text; the caller escapes it and wraps the highlight ranges.

use std::collections::HashSet;

use crate::analyzer;

/// The target snippet length in bytes (about as many characters for Dutch text).
pub const SNIPPET_LEN: usize = 160;
/// How much text to show before the first matched word of the snippet.
const LEAD: usize = 40;
/// Put before or after a snippet that does not start or end with the body.
const ELLIPSIS: &str = "…";

/// A snippet and the byte ranges of the matched words inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// Plain text, with "…" at an end where the body was cut.
    pub text: String,
    /// Byte ranges of the matched words in `text`, sorted.
    pub highlights: Vec<(usize, usize)>,
}

/// The analyzed query terms a snippet should mark.
pub struct QueryTerms {
    /// Terms from the main analyzer.
    pub main: HashSet<String>,
    /// Terms from the loose analyzer.
    pub loose: HashSet<String>,
    /// The language whose analyzers made the terms; the body is analyzed the same way.
    pub language: analyzer::Language,
}

/// Returns the best snippet of `body` for `terms`; the start of `body` when nothing matches.
pub fn make(body: &str, terms: &QueryTerms) -> Snippet {
    let matches = matched_ranges(body, terms);
    let anchor = best_anchor(&matches);

    let mut start = anchor.map_or(0, |(from, _)| from.saturating_sub(LEAD));
    let mut end = (start + SNIPPET_LEN).min(body.len());
    if end == body.len() {
        start = body.len().saturating_sub(SNIPPET_LEN);
    }
    start = ceil_char_boundary(body, start);
    end = floor_char_boundary(body, end);

    // Do not cut words in half: move inward to the nearest space, unless that would drop the
    // matched word the snippet is built around.
    if start > 0 {
        let limit = anchor.map_or(end, |(from, _)| from);
        if let Some(space) = body[start..limit].find(' ') {
            start += space + 1;
        }
    }
    if end < body.len() {
        let limit = anchor.map_or(start, |(_, to)| to).max(start);
        if limit < end
            && let Some(space) = body[limit..end].rfind(' ')
        {
            end = limit + space;
        }
    }

    let mut text = String::with_capacity(end - start + 2 * ELLIPSIS.len());
    if start > 0 {
        text.push_str(ELLIPSIS);
    }
    let shift = text.len();
    text.push_str(&body[start..end]);
    if end < body.len() {
        text.push_str(ELLIPSIS);
    }
    let highlights = matches
        .iter()
        .filter(|&&(from, to)| from >= start && to <= end)
        .map(|&(from, to)| (from - start + shift, to - start + shift))
        .collect();
    Snippet { text, highlights }
}

/// Byte ranges of the words in `body` that match `terms`, sorted and without duplicates.
fn matched_ranges(body: &str, terms: &QueryTerms) -> Vec<(usize, usize)> {
    let main = analyzer::tokens(&mut terms.language.main(), body)
        .into_iter()
        .filter(|t| terms.main.contains(&t.text));
    let loose = analyzer::tokens(&mut terms.language.loose(), body)
        .into_iter()
        .filter(|t| terms.loose.contains(&t.text));
    let mut ranges: Vec<(usize, usize)> = main
        .chain(loose)
        .map(|t| (t.offset_from, t.offset_to))
        .collect();
    ranges.sort_unstable();
    ranges.dedup();
    ranges
}

/// The matched word that starts the window with the most matches (the earliest on a tie).
fn best_anchor(matches: &[(usize, usize)]) -> Option<(usize, usize)> {
    let window = SNIPPET_LEN - LEAD;
    let mut best: Option<((usize, usize), usize)> = None;
    for (i, &(from, _)) in matches.iter().enumerate() {
        let count = matches[i..]
            .iter()
            .take_while(|&&(_, to)| to <= from + window)
            .count();
        if best.is_none_or(|(_, best_count)| count > best_count) {
            best = Some((matches[i], count));
        }
    }
    best.map(|(anchor, _)| anchor)
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn ceil_char_boundary(text: &str, mut index: usize) -> usize {
    while !text.is_char_boundary(index) {
        index += 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(query: &str) -> QueryTerms {
        let set = |mut a| {
            analyzer::tokens(&mut a, query)
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        QueryTerms {
            main: set(analyzer::dutch()),
            loose: set(analyzer::dutch_loose()),
            language: analyzer::Language::Dutch,
        }
    }

    fn marked(snippet: &Snippet) -> Vec<&str> {
        snippet
            .highlights
            .iter()
            .map(|&(a, b)| &snippet.text[a..b])
            .collect()
    }

    #[test]
    fn short_body_is_returned_whole_with_marks() {
        let s = make(
            "Scholen mogen een leerling schorsen.",
            &terms("school geschorst"),
        );
        assert_eq!(s.text, "Scholen mogen een leerling schorsen.");
        assert_eq!(marked(&s), ["Scholen", "schorsen"]);
    }

    #[test]
    fn long_body_is_cut_around_the_match() {
        let body = format!(
            "{} Een vrijstelling van de leerplicht vraagt u aan bij de gemeente. {}",
            "Inleiding zonder het zoekwoord. ".repeat(20),
            "Slot zonder het zoekwoord. ".repeat(20)
        );
        let s = make(&body, &terms("vrijstellingen"));
        assert!(
            s.text.starts_with(ELLIPSIS) && s.text.ends_with(ELLIPSIS),
            "{}",
            s.text
        );
        assert!(s.text.len() <= SNIPPET_LEN + 2 * ELLIPSIS.len());
        assert_eq!(marked(&s), ["vrijstelling"]);
    }

    #[test]
    fn no_match_gives_the_start_of_the_body() {
        let body = "Eerste woorden. ".repeat(30);
        let s = make(&body, &terms("thuiszitter"));
        assert!(s.text.starts_with("Eerste woorden."));
        assert!(s.highlights.is_empty());
    }

    #[test]
    fn multibyte_text_is_cut_on_char_boundaries() {
        let body = "ë".repeat(200);
        let s = make(&body, &terms("x"));
        assert!(s.text.len() <= SNIPPET_LEN + ELLIPSIS.len());
    }
}
