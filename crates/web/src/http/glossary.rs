//! "Linked at first use": the first time a glossary term or abbreviation appears in the text of a
//! page, it becomes a link to its entry on the glossary page. Only text nodes are touched, and
//! never inside links, headings, summaries, form controls or the page chrome.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use route::Knowledge;

use crate::http::markdown::escape;

/// Elements whose text is never linked: links themselves, headings and labels (a link there
/// would change what a screen reader announces), and the header, navigation and footer.
const SKIP: &[&str] = &[
    "a", "abbr", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "button", "label", "legend",
    "title", "script", "style", "head", "header", "nav", "footer", "option", "select", "textarea",
    "dt", "th", "code", "pre",
];

/// Plural endings a word may have after a term and still count ("thuiszitters"); any other
/// letters make it another word ("leerplichtwet" is not "leerplicht").
const SUFFIXES: &[&str] = &["s", "en", "n", "e"];

struct Entry {
    id: String,
    /// The full term, for the `title` of an abbreviation.
    term: String,
}

struct Pattern {
    entry: usize,
    /// Abbreviations match only with the exact case ("OPP", not "opp").
    exact: Option<String>,
    is_abbreviation: bool,
}

/// Links glossary terms in HTML.
pub struct Linker {
    matcher: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    entries: Vec<Entry>,
}

/// "schoolbestuur (bevoegd gezag)" -> "schoolbestuur"; "(v)so" -> "vso".
fn plain(text: &str) -> String {
    match text.find(" (") {
        Some(i) => text[..i].trim().to_string(),
        None => text.replace(['(', ')'], "").trim().to_string(),
    }
}

impl Linker {
    pub fn new(k: &Knowledge) -> Self {
        let mut entries = Vec::new();
        let mut patterns = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        for g in &k.glossary {
            let entry = entries.len();
            entries.push(Entry {
                id: g.id.clone(),
                term: plain(&g.term),
            });
            let term = plain(&g.term);
            if term.chars().count() >= 3 {
                texts.push(term.to_lowercase());
                patterns.push(Pattern {
                    entry,
                    exact: None,
                    is_abbreviation: false,
                });
            }
            if let Some(abbr) = &g.abbreviation {
                let abbr = plain(abbr);
                if abbr.chars().count() >= 2 {
                    texts.push(abbr.to_lowercase());
                    patterns.push(Pattern {
                        entry,
                        exact: Some(abbr),
                        is_abbreviation: true,
                    });
                }
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&texts)
            .ok();
        Linker {
            matcher,
            patterns,
            entries,
        }
    }

    /// Links the first use of every term in `html`.
    pub fn link(&self, html: &str) -> String {
        let Some(matcher) = &self.matcher else {
            return html.to_string();
        };
        let mut used = vec![false; self.entries.len()];
        let mut out = String::with_capacity(html.len() + 2048);
        let mut skip_depth = 0usize;
        let mut rest = html;
        while !rest.is_empty() {
            if rest.starts_with('<') {
                let end = rest.find('>').map(|i| i + 1).unwrap_or(rest.len());
                let tag = &rest[..end];
                if let Some((name, closing)) = tag_name(tag)
                    && SKIP.contains(&name.as_str())
                    && !tag.ends_with("/>")
                {
                    if closing {
                        skip_depth = skip_depth.saturating_sub(1);
                    } else {
                        skip_depth += 1;
                    }
                }
                out.push_str(tag);
                rest = &rest[end..];
            } else {
                let end = rest.find('<').unwrap_or(rest.len());
                let text = &rest[..end];
                if skip_depth == 0 && used.iter().any(|u| !u) {
                    self.link_text(matcher, text, &mut used, &mut out);
                } else {
                    out.push_str(text);
                }
                rest = &rest[end..];
            }
        }
        out
    }

    fn link_text(&self, matcher: &AhoCorasick, text: &str, used: &mut [bool], out: &mut String) {
        let mut last = 0;
        for m in matcher.find_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            if used[p.entry] || m.start() < last {
                continue;
            }
            if let Some(exact) = &p.exact
                && &text[m.start()..m.end()] != exact
            {
                continue;
            }
            let starts_word = text[..m.start()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let suffix: String = text[m.end()..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            let ends_word = suffix.is_empty()
                || (!p.is_abbreviation && SUFFIXES.contains(&suffix.to_lowercase().as_str()));
            if !starts_word || !ends_word {
                continue;
            }
            let end = m.end() + suffix.len();
            let entry = &self.entries[p.entry];
            out.push_str(&text[last..m.start()]);
            let word = &text[m.start()..end];
            if p.is_abbreviation {
                out.push_str(&format!(
                    r#"<a class="term" href="/begrippen#{}"><abbr title="{}">{}</abbr></a>"#,
                    entry.id,
                    escape(&entry.term),
                    word
                ));
            } else {
                out.push_str(&format!(
                    r#"<a class="term" href="/begrippen#{}">{}</a>"#,
                    entry.id, word
                ));
            }
            used[p.entry] = true;
            last = end;
        }
        out.push_str(&text[last..]);
    }
}

/// The lowercase name of a tag and whether it closes: `<a href=..>` -> ("a", false).
fn tag_name(tag: &str) -> Option<(String, bool)> {
    let inner = tag.strip_prefix('<')?;
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(rest) => (true, rest),
        None => (false, inner),
    };
    let name: String = inner
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name.is_empty() {
        None
    } else {
        Some((name.to_ascii_lowercase(), closing))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linker() -> Linker {
        let k = route::load::load_files(&[]).unwrap_or_default();
        let mut l = Linker::new(&k);
        // Build by hand: the loader needs complete content.
        l.entries = vec![
            Entry {
                id: "swv".into(),
                term: "samenwerkingsverband".into(),
            },
            Entry {
                id: "thuiszitter".into(),
                term: "thuiszitter".into(),
            },
        ];
        l.patterns = vec![
            Pattern {
                entry: 0,
                exact: None,
                is_abbreviation: false,
            },
            Pattern {
                entry: 0,
                exact: Some("SWV".into()),
                is_abbreviation: true,
            },
            Pattern {
                entry: 1,
                exact: None,
                is_abbreviation: false,
            },
        ];
        l.matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(["samenwerkingsverband", "swv", "thuiszitter"])
            .ok();
        l
    }

    #[test]
    fn links_the_first_use_only() {
        let html = linker().link("<p>Het SWV helpt. Het SWV weer.</p>");
        assert_eq!(html.matches("<a ").count(), 1, "{html}");
        assert!(
            html.contains(r#"<abbr title="samenwerkingsverband">SWV</abbr>"#),
            "{html}"
        );
    }

    #[test]
    fn never_inside_links_headings_or_tags() {
        let html = linker()
            .link(r#"<h2>SWV</h2><a href="/swv">SWV</a><p title="SWV">swv</p><p>Thuiszitters</p>"#);
        assert!(
            html.starts_with(r#"<h2>SWV</h2><a href="/swv">SWV</a><p title="SWV">swv</p>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a class="term" href="/begrippen#thuiszitter">Thuiszitters</a>"#),
            "{html}"
        );
    }

    #[test]
    fn words_that_only_contain_a_term_are_left_alone() {
        let html = linker().link("<p>SWVs en thuiszittersproblematiek en thuiszitterwet</p>");
        assert!(!html.contains("<a "), "{html}");
    }
}
