//! The rules: every reference resolves, each rule has an effect and says why, and overrides
//! order rules without a cycle.

use std::collections::HashSet;

use super::Checker;

impl Checker<'_> {
    pub(super) fn rules(&mut self) {
        let k = self.k;
        for r in &k.rules {
            let what = format!("rule '{}'", r.id);
            self.condition(&r.loc, &what, &r.when);
            let steps: Vec<String> = r.step_effects().map(|(s, _)| s.to_string()).collect();
            self.refs(&r.loc, &what, "step", &steps, |id| k.step(id).is_some());
            let mut seen = HashSet::new();
            for s in &steps {
                if !seen.insert(s) {
                    self.err(&r.loc, format!("{what} gives step '{s}' two statuses"));
                }
            }
            self.refs(&r.loc, &what, "warning", &r.warnings, |id| {
                k.warning(id).is_some()
            });
            self.refs(&r.loc, &what, "term", &r.terms, |id| k.term(id).is_some());
            self.refs(&r.loc, &what, "letter", &r.letters, |id| {
                k.letter(id).is_some()
            });
            self.refs(&r.loc, &what, "article", &r.articles, |id| {
                k.article(id).is_some()
            });
            self.refs(&r.loc, &what, "rule", &r.overrides, |id| {
                k.rule(id).is_some()
            });
            if r.overrides.contains(&r.id) {
                self.err(&r.loc, format!("{what} overrides itself"));
            }
            if steps.is_empty()
                && r.warnings.is_empty()
                && r.terms.is_empty()
                && r.letters.is_empty()
                && r.articles.is_empty()
            {
                self.err(
                    &r.loc,
                    format!(
                        "{what} has no effect: name steps, warnings, terms, letters or articles"
                    ),
                );
            }
            self.placeholders(&r.loc, &what, &r.because);
            if r.because.trim().is_empty() {
                self.err(
                    &r.loc,
                    format!("{what}: because is empty; say why in words a parent understands"),
                );
            }
            self.citation(&r.loc, &what, &r.cite, true);
        }
        // Overrides must not form a cycle: "A beats B beats A" orders nothing.
        for r in &k.rules {
            if self.reaches(&r.id, &r.id, &mut HashSet::new(), true) {
                self.err(
                    &r.loc,
                    format!("rule '{}' is part of an overrides cycle", r.id),
                );
            }
        }
    }

    fn reaches(&self, from: &str, target: &str, seen: &mut HashSet<String>, first: bool) -> bool {
        if !first && from == target {
            return true;
        }
        if !seen.insert(from.to_string()) {
            return false;
        }
        self.k.rule(from).is_some_and(|r| {
            r.overrides
                .iter()
                .any(|o| self.reaches(o, target, seen, false))
        })
    }
}
