//! Sources, claims and citations: every source has a url, every claim and every cited id
//! resolves, and an item's own confidence is not higher than its sources allow.

use super::Checker;
use crate::model::{Citation, ClaimStatus, Loc, SourceKind};

impl Checker<'_> {
    /// Sources resolve, at least one is cited, claims resolve, and a certain-looking item does
    /// not rest only on uncertain sources.
    pub(super) fn citation(&mut self, loc: &Loc, what: &str, cite: &Citation, needs_source: bool) {
        let k = self.k;
        if needs_source && cite.sources.is_empty() {
            self.err(
                loc,
                format!("{what} cites no source; add sources = [\"...\"]"),
            );
        }
        self.refs(loc, what, "source", &cite.sources, |id| {
            k.source(id).is_some()
        });
        self.refs(loc, what, "claim", &cite.claims, |id| k.claim(id).is_some());
        if let Some(own) = cite.confidence
            && own.is_certain()
            && !cite.sources.is_empty()
            && cite
                .sources
                .iter()
                .filter_map(|s| k.source(s))
                .all(|s| !s.confidence.is_certain())
        {
            self.err(
                loc,
                format!("{what} says confidence {own}, but every source it cites is unverified (M) or disputed (C)"),
            );
        }
    }

    pub(super) fn sources_and_claims(&mut self) {
        let k = self.k;
        for s in &k.sources {
            if s.url.is_none() && s.kind != SourceKind::Seed {
                self.err(&s.loc, format!("source '{}' has no url", s.id));
            }
        }
        for c in &k.claims {
            let what = format!("claim '{}'", c.id);
            if c.status == ClaimStatus::Corrected && c.correction.is_none() {
                self.err(
                    &c.loc,
                    format!("{what} is corrected but has no correction text"),
                );
            }
            if c.sources.is_empty() {
                self.err(&c.loc, format!("{what} cites no source"));
            }
            self.refs(&c.loc, &what, "source", &c.sources, |id| {
                k.source(id).is_some()
            });
        }
        for h in k.calendar.holidays() {
            let loc = Loc {
                file: h.file.clone(),
                line: h.line,
            };
            self.refs(&loc, "holiday", "source", &h.sources, |id| {
                k.source(id).is_some()
            });
        }
    }
}
