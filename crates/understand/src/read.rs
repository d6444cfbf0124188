//! Reading one text: find every pattern's matches, drop those in a negated clause, turn them
//! into values, and keep only what is unambiguous. A wrong proposal is worse than none, so
//! when two patterns disagree about a single-answer question, that question gets nothing.
//!
//! Places come first: the one region the places of the text agree on is the text's region.
//! It resolves holiday words ("sinds de herfstvakantie") when the caller knows no region (an
//! answer the parent chose wins over a place read from the text), and each place is a
//! proposal for the region question. Two places in different regions give neither.

use std::collections::BTreeMap;
use std::ops::Range;

use calendar::Region;
use jiff::civil::Date;
use route::model::{Knowledge, QuestionType};
use serde::Serialize;

use crate::content::{Pattern, Proposes, Understanding};
use crate::dates;
use crate::normalise::{Normalised, normalise};
use crate::places::{self, PlaceMatch};

/// Longer texts are refused: a story of a few pages is about 5,000 characters, and matching
/// stays fast and predictable below that.
pub const MAX_CHARS: usize = 5_000;

/// Why a text was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// Nothing but spaces.
    Empty,
    /// More than [`MAX_CHARS`] characters.
    TooLong { chars: usize },
}

/// Words of the parent's text that led to a proposal.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// Byte offsets in the text as the parent wrote it.
    pub start: usize,
    pub end: usize,
    /// The parent's own words there.
    pub words: String,
    /// The pattern (or group of places) that matched them.
    pub pattern: String,
    /// The value it proposed; for the place a holiday date was resolved with, its region.
    pub value: String,
}

/// A proposed answer to one question: values as a form sends them (option values, `ja` or
/// `nee`, a number, an ISO date), with the words each came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub question: String,
    pub values: Vec<String>,
    pub spans: Vec<Span>,
}

/// One match that survived the negation check, before conflicts are settled.
struct Candidate<'a> {
    question: &'a str,
    kind: QuestionType,
    /// The id of the pattern or the group of places.
    pattern: &'a str,
    span: Range<usize>,
    value: String,
    /// The places whose region the value rests on (a holiday date), shown with it.
    places: Vec<PlaceWords<'a>>,
}

/// A place a value rests on: where it stands, its group of places and its region.
struct PlaceWords<'a> {
    span: Range<usize>,
    group: &'a str,
    region: &'static str,
}

/// The places of one text and the region they agree on.
struct TextPlaces {
    found: Vec<PlaceMatch>,
    region: Option<Region>,
}

impl Understanding {
    /// The proposed answers for `text`, in intake order. `today` and `region` resolve date
    /// words; the region may be unknown.
    pub fn read(
        &self,
        k: &Knowledge,
        text: &str,
        today: Date,
        region: Option<Region>,
    ) -> Result<Vec<Proposal>, Refused> {
        let chars = text.chars().count();
        if chars > MAX_CHARS {
            return Err(Refused::TooLong { chars });
        }
        if text.trim().is_empty() {
            return Err(Refused::Empty);
        }
        let n = normalise(text, &self.spellings);
        let clauses = self.clause_starts(&n.text);
        let text_places = self.places_in(&n.text, &clauses);
        let mut found = self.region_candidates(&text_places);
        for p in &self.patterns {
            for caps in p.regex.captures_iter(&n.text) {
                let whole = caps.get(0).expect("group 0 is the match");
                if whole.is_empty()
                    || !p.topic && self.negated(&n.text, &clauses, whole.range(), p.negated)
                {
                    continue;
                }
                let mut places = Vec::new();
                let value = match &p.proposes {
                    Proposes::Date => self.date(k, &caps, today, region).or_else(|| {
                        // Unclear without a region: the region the text's places agree on.
                        let r = text_places.region.filter(|_| region.is_none())?;
                        let value = self.date(k, &caps, today, Some(r))?;
                        places = self.place_words(&text_places, r);
                        Some(value)
                    }),
                    _ => self.value(k, p, &caps),
                };
                let Some(value) = value else {
                    continue;
                };
                found.push(Candidate {
                    question: &p.question,
                    kind: p.kind,
                    pattern: &p.id,
                    span: whole.range(),
                    value,
                    places,
                });
            }
        }
        Ok(self.settle(k, text, &n, found))
    }

    /// The places named in the text outside a negated clause ("we wonen niet meer in
    /// Utrecht"), and the one region they agree on.
    fn places_in(&self, text: &str, clauses: &[usize]) -> TextPlaces {
        let found: Vec<PlaceMatch> = places::find(&self.places, text)
            .into_iter()
            .filter(|m| !self.negated(text, clauses, m.span.clone(), false))
            .collect();
        let mut regions: Vec<Region> = found.iter().filter_map(|m| m.region).collect();
        regions.sort_by_key(|r| r.name());
        regions.dedup();
        let region = match regions.as_slice() {
            [one] => Some(*one),
            _ => None,
        };
        TextPlaces { found, region }
    }

    /// The places of the text in region `r`, for the spans of a date resolved with it.
    fn place_words<'a>(&'a self, text_places: &TextPlaces, r: Region) -> Vec<PlaceWords<'a>> {
        text_places
            .found
            .iter()
            .filter(|m| m.region == Some(r))
            .map(|m| PlaceWords {
                span: m.span.clone(),
                group: &self.places[m.group].id,
                region: r.name(),
            })
            .collect()
    }

    /// Each place with a region proposes it for the question that sets the region.
    fn region_candidates<'a>(&'a self, text_places: &TextPlaces) -> Vec<Candidate<'a>> {
        let Some(question) = self.region_question.as_deref() else {
            return Vec::new();
        };
        text_places
            .found
            .iter()
            .filter_map(|m| {
                Some(Candidate {
                    question,
                    kind: QuestionType::Choice,
                    pattern: &self.places[m.group].id,
                    span: m.span.clone(),
                    value: m.region?.name().to_string(),
                    places: Vec::new(),
                })
            })
            .collect()
    }

    /// Where each clause of the normalised text starts: after a punctuation mark and at a
    /// word such as "maar" or "en".
    fn clause_starts(&self, text: &str) -> Vec<usize> {
        let mut starts = vec![0];
        for (i, c) in text.char_indices() {
            if matches!(c, '.' | ',' | ';' | '!' | '?' | ':') {
                starts.push(i + 1);
            }
        }
        for (at, word) in words(text) {
            if self.clause_breaks.contains(word) {
                starts.push(at);
            }
        }
        starts.sort_unstable();
        starts
    }

    /// Whether a negation word stands in the match's clause before it (or inside the match,
    /// unless the pattern holds its negation itself).
    fn negated(&self, text: &str, clauses: &[usize], span: Range<usize>, inside_ok: bool) -> bool {
        let clause = clauses
            .iter()
            .copied()
            .take_while(|&s| s <= span.start)
            .last()
            .unwrap_or(0);
        let end = if inside_ok { span.start } else { span.end };
        words(&text[clause..end]).any(|(_, w)| self.negations.contains(w))
    }

    /// The value of a fixed or number pattern's match (dates: [`Self::date`]).
    fn value(&self, k: &Knowledge, p: &Pattern, caps: &regex::Captures) -> Option<String> {
        match &p.proposes {
            Proposes::Fixed(v) => Some(v.clone()),
            Proposes::Number { times } => {
                let words = caps.name("number")?.as_str();
                let n = match words.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => *self.numbers.get(words)?,
                };
                let n = (f64::from(n) * times).round();
                let q = k.question(&p.question)?;
                let fits = q.min.is_none_or(|m| n >= m) && q.max.is_none_or(|m| n <= m);
                fits.then(|| format!("{n}"))
            }
            Proposes::Date => None,
        }
    }

    /// The ISO date of a date pattern's match, resolved against today and the region.
    fn date(
        &self,
        k: &Knowledge,
        caps: &regex::Captures,
        today: Date,
        region: Option<Region>,
    ) -> Option<String> {
        let words = caps.name("date")?.as_str();
        let bare = words.trim_start_matches("de ").trim_start_matches("het ");
        let holiday = self.holidays.get(bare).copied();
        dates::resolve(words, holiday, today, region, &k.calendar).map(|d| d.to_string())
    }

    /// Settles the candidates into proposals: of overlapping matches for one question the
    /// longer wins; a single-answer question with two different values gets nothing, and so
    /// does a multiple-choice question where an option that stands alone meets another one.
    fn settle(
        &self,
        k: &Knowledge,
        original: &str,
        n: &Normalised,
        found: Vec<Candidate>,
    ) -> Vec<Proposal> {
        let mut by_question: BTreeMap<&str, Vec<Candidate>> = BTreeMap::new();
        for c in found {
            by_question.entry(c.question).or_default().push(c);
        }
        let mut proposals = Vec::new();
        for (question, mut list) in by_question {
            // Longest first, so that a kept match is never shorter than one it overlaps.
            list.sort_by_key(|c| (std::cmp::Reverse(c.span.len()), c.span.start));
            let mut kept: Vec<Candidate> = Vec::new();
            for c in list {
                let overlaps_longer = kept.iter().any(|k| {
                    k.span.start < c.span.end
                        && c.span.start < k.span.end
                        && k.span.len() > c.span.len()
                });
                if !overlaps_longer {
                    kept.push(c);
                }
            }
            kept.sort_by_key(|c| c.span.start);
            let mut values: Vec<String> = Vec::new();
            for c in &kept {
                if !values.contains(&c.value) {
                    values.push(c.value.clone());
                }
            }
            let kind = kept[0].kind;
            let clear = match kind {
                QuestionType::Multi => {
                    values.len() == 1
                        || !values
                            .iter()
                            .any(|v| self.alone.contains(&(question.to_string(), v.clone())))
                }
                _ => values.len() == 1,
            };
            if !clear {
                continue;
            }
            let span = |range: &Range<usize>, pattern: &str, value: &str| {
                let at = n.original(range.clone());
                Span {
                    start: at.start,
                    end: at.end,
                    words: original[at].to_string(),
                    pattern: pattern.to_string(),
                    value: value.to_string(),
                }
            };
            let mut spans: Vec<Span> = Vec::new();
            for c in &kept {
                spans.push(span(&c.span, c.pattern, &c.value));
                for place in &c.places {
                    let s = span(&place.span, place.group, place.region);
                    if !spans.iter().any(|x| x.start == s.start && x.end == s.end) {
                        spans.push(s);
                    }
                }
            }
            spans.sort_by_key(|s| s.start);
            proposals.push(Proposal {
                question: question.to_string(),
                values,
                spans,
            });
        }
        let order = |id: &str| k.questions.iter().position(|q| q.id == id);
        proposals.sort_by_key(|p| order(&p.question));
        proposals
    }
}

/// The words of a normalised text with their byte offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(|c: char| !c.is_alphanumeric())
        .scan(0usize, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
}
