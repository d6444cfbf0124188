//! The items advice points to (organisations, warnings, letters, articles, glossary entries
//! and terms): each cites a source, and what it names exists.

use super::Checker;
use crate::model::QuestionType;

impl Checker<'_> {
    pub(super) fn items(&mut self) {
        let k = self.k;
        for o in &k.organisations {
            self.citation(&o.loc, &format!("organisation '{}'", o.id), &o.cite, true);
        }
        for w in &k.warnings {
            let what = format!("warning '{}'", w.id);
            self.citation(&w.loc, &what, &w.cite, true);
            self.placeholders(&w.loc, &what, &w.text);
        }
        for l in &k.letters {
            self.citation(&l.loc, &format!("letter '{}'", l.id), &l.cite, true);
            if let Some(t) = &l.template {
                self.letter_template(&l.id, t);
            }
            if let Some(f) = &l.follow_up {
                self.follow_up(l, f);
            }
        }
        for a in &k.articles {
            let what = format!("article '{}'", a.id);
            self.citation(&a.loc, &what, &a.cite, true);
            for target in article_links(&a.body) {
                if k.article(target).is_none() {
                    self.err(
                        &a.loc,
                        format!("{what} links to unknown article '{target}'"),
                    );
                }
            }
        }
        for g in &k.glossary {
            let what = format!("glossary entry '{}'", g.id);
            self.citation(&g.loc, &what, &g.cite, true);
            if let Some(a) = &g.article
                && k.article(a).is_none()
            {
                self.err(&g.loc, format!("{what}: unknown article '{a}'"));
            }
        }
        for t in &k.terms {
            let what = format!("term '{}'", t.id);
            self.citation(&t.loc, &what, &t.cite, true);
            if t.length == 0 {
                self.err(&t.loc, format!("{what}: length must be at least 1"));
            }
            if (t.unit == calendar::Unit::Months) != t.month_rounding.is_some() {
                self.err(&t.loc, format!("{what}: month-rounding (end-of-month or next-day) is required for months and only for months"));
            }
            let date_q = |id: &str| k.question(id).map(|q| q.kind) == Some(QuestionType::Date);
            if let Some(q) = &t.start
                && !date_q(q)
            {
                self.err(
                    &t.loc,
                    format!("{what}: start '{q}' is not a date question"),
                );
            }
            if let Some(s) = &t.suspended_by {
                for q in [&s.from, &s.to] {
                    if !date_q(q) {
                        self.err(
                            &t.loc,
                            format!(
                                "{what}: suspended-by names '{q}', which is not a date question"
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// Targets of `[text](artikel:id)` links in Markdown.
pub fn article_links(body: &str) -> Vec<&str> {
    body.match_indices("(artikel:")
        .filter_map(|(i, m)| {
            let rest = &body[i + m.len()..];
            rest.find(')').map(|end| &rest[..end])
        })
        .collect()
}
