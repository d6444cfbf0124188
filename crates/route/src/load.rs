//! Reading `content/`: TOML knowledge files, Markdown articles and holiday tables.
//!
//! Parsing is pure (`load_files` takes path and text pairs); `load_dir` only reads the files.
//! Every problem becomes a [`ContentError`] with file and line; loading goes on after an error so
//! that an editor sees all problems at once.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use calendar::{Confidence, SchoolCalendar};
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::condition::RawCondition;
use crate::model::*;

/// One problem in the content, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

impl std::error::Error for ContentError {}

impl ContentError {
    pub fn at(loc: &Loc, message: impl Into<String>) -> Self {
        ContentError {
            file: loc.file.clone(),
            line: loc.line,
            message: message.into(),
        }
    }
}

/// Reads every content file under `dir` and loads it. Paths in errors are as found under `dir`.
pub fn load_dir(dir: &Path) -> Result<Knowledge, Vec<ContentError>> {
    load_files(&read_dir(dir)?)
}

/// Like [`load_dir`], but checks with [`crate::check::check_without_walk`]: for a server that
/// already saw this content pass the full check.
pub fn load_dir_without_walk(dir: &Path) -> Result<Knowledge, Vec<ContentError>> {
    load_files_checked(&read_dir(dir)?, false)
}

/// The content files under `dir` as (path, text) pairs, in the order the loader uses.
pub fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, String)>, Vec<ContentError>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    collect_files(dir, &mut files, &mut errors);
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn collect_files(dir: &Path, out: &mut Vec<(PathBuf, String)>, errors: &mut Vec<ContentError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(ContentError {
                file: dir.to_path_buf(),
                line: 0,
                message: format!("cannot read the content folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect_files(&path, out, errors);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("toml" | "md")
        ) {
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push((path, text)),
                Err(e) => errors.push(ContentError {
                    file: path,
                    line: 0,
                    message: format!("cannot read the file: {e}"),
                }),
            }
        }
    }
}

/// What kind of content file a path is.
enum FileKind {
    Knowledge,
    Article,
    Holidays,
    LetterTemplate,
    /// Not content the engine reads (for example a README or a letter template).
    Other,
}

fn file_kind(path: &Path) -> FileKind {
    let in_dir = |name: &str| path.components().any(|c| c.as_os_str() == name);
    let ext = path.extension().and_then(|e| e.to_str());
    if in_dir("holidays") && ext == Some("toml") {
        FileKind::Holidays
    } else if in_dir("articles") && ext == Some("md") {
        FileKind::Article
    } else if in_dir("letters") && ext == Some("md") {
        FileKind::LetterTemplate
    } else if ext == Some("toml") {
        FileKind::Knowledge
    } else {
        FileKind::Other
    }
}

/// Loads content from (path, text) pairs, in the order given (sort them for route order).
/// Checks the content fully (see [`crate::check`]) before returning it.
pub fn load_files(files: &[(PathBuf, String)]) -> Result<Knowledge, Vec<ContentError>> {
    load_files_checked(files, true)
}

/// [`load_files`], with or without the intake walk (see [`load_dir_without_walk`]).
pub fn load_files_checked(
    files: &[(PathBuf, String)],
    walk: bool,
) -> Result<Knowledge, Vec<ContentError>> {
    let mut k = Knowledge::default();
    let mut errors = Vec::new();
    let mut holiday_files = Vec::new();
    let mut templates = Vec::new();
    for (path, text) in files {
        match file_kind(path) {
            FileKind::Knowledge => load_knowledge_file(path, text, &mut k, &mut errors),
            FileKind::Article => load_article(path, text, &mut k, &mut errors),
            FileKind::Holidays => holiday_files.push((path.clone(), text.clone())),
            FileKind::LetterTemplate => {
                if let Some(t) = load_letter_template(path, text, &mut errors) {
                    templates.push(t);
                }
            }
            FileKind::Other => {}
        }
    }
    match SchoolCalendar::from_files(&holiday_files) {
        Ok(cal) => k.calendar = cal,
        Err(errs) => errors.extend(errs.into_iter().map(|e| ContentError {
            file: e.file,
            line: e.line,
            message: e.message,
        })),
    }
    build_index(&mut k, &mut errors);
    resolve_slots(&mut k);
    attach_letter_templates(&mut k, templates, &mut errors);
    if errors.is_empty() {
        errors = if walk {
            crate::check::check(&k)
        } else {
            crate::check::check_without_walk(&k)
        };
    }
    if errors.is_empty() {
        Ok(k)
    } else {
        errors.sort();
        errors.dedup();
        Err(errors)
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        + 1
}

fn toml_error(path: &Path, text: &str, e: toml::de::Error, line_offset: usize) -> ContentError {
    let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1) + line_offset;
    ContentError {
        file: path.to_path_buf(),
        line,
        message: e.message().trim().to_string(),
    }
}

// ---- Raw TOML shapes. `deny_unknown_fields` cannot be combined with `flatten`, so each kind
// ---- lists its citation fields itself.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    organisation: Vec<Spanned<RawOrganisation>>,
    #[serde(default)]
    question: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    derived: Vec<Spanned<RawDerived>>,
    #[serde(default)]
    step: Vec<Spanned<RawStep>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    warning: Vec<Spanned<RawWarning>>,
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    letter: Vec<Spanned<RawLetter>>,
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
    figures: Option<Spanned<RawFigures>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFigures {
    #[serde(default)]
    weeks_at_home: Vec<Spanned<String>>,
    school_type: Option<Spanned<String>>,
    exemption: Option<RawExemptionFigures>,
    maatwerk: Option<RawMaatwerkFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawExemptionFigures {
    status: Spanned<String>,
    proposed: Spanned<String>,
    granted: Spanned<String>,
    kind: Spanned<String>,
    art_5a: Spanned<String>,
    art_11g: Spanned<String>,
    art_11d: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawMaatwerkFigure {
    question: Spanned<String>,
    is: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSource {
    id: String,
    title: String,
    kind: SourceKind,
    url: Option<String>,
    confidence: Confidence,
    #[serde(deserialize_with = "calendar::serde_date::deserialize")]
    checked: Date,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawClaim {
    id: String,
    summary: String,
    status: ClaimStatus,
    correction: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOrganisation {
    id: String,
    name: String,
    short: String,
    does: String,
    can_enforce: bool,
    enforce: String,
    cost: Option<String>,
    #[serde(default)]
    conditions: Vec<String>,
    url: Option<String>,
    phone: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawQuestion {
    id: String,
    #[serde(rename = "type")]
    kind: QuestionType,
    text: String,
    hint: Option<String>,
    #[serde(default)]
    options: Vec<Choice>,
    min: Option<f64>,
    max: Option<f64>,
    unit: Option<String>,
    #[serde(default)]
    optional: bool,
    #[serde(default)]
    sets_region: bool,
    ask_if: Option<RawCondition>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDerived {
    id: String,
    #[serde(rename = "type")]
    kind: QuestionType,
    weeks_since: Option<String>,
    #[serde(default)]
    weeks_until_summer: bool,
    #[serde(default)]
    summer_start: bool,
    first_of: Option<Vec<String>>,
    when: Option<RawCondition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawStep {
    id: String,
    title: String,
    track: Track,
    level: Option<u8>,
    #[serde(default)]
    who: Vec<String>,
    summary: String,
    #[serde(default)]
    prepare: Vec<String>,
    #[serde(default)]
    can: Vec<String>,
    #[serde(default)]
    cannot: Vec<String>,
    default_status: Status,
    default_because: Option<String>,
    #[serde(default)]
    fallback: bool,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    outcomes: Vec<Spanned<RawOutcome>>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOutcome {
    id: String,
    label: String,
    #[serde(default)]
    sets: std::collections::BTreeMap<String, toml::Value>,
    date: Option<String>,
}

/// A TOML value in the situation-file JSON shape (dates as `YYYY-MM-DD` text).
fn toml_to_json(v: &toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match v {
        toml::Value::String(s) => J::String(s.clone()),
        toml::Value::Integer(i) => J::from(*i),
        toml::Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        toml::Value::Boolean(b) => J::Bool(*b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => J::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRule {
    id: String,
    when: RawCondition,
    because: String,
    current: Option<String>,
    #[serde(default)]
    next: Vec<String>,
    #[serde(default)]
    later: Vec<String>,
    #[serde(default)]
    done: Vec<String>,
    #[serde(default)]
    not_applicable: Vec<String>,
    #[serde(default)]
    warnings: Vec<String>,
    #[serde(default)]
    terms: Vec<String>,
    #[serde(default)]
    letters: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    overrides: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawWarning {
    id: String,
    title: String,
    text: String,
    severity: Severity,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSuspension {
    from: String,
    to: String,
    because: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTerm {
    id: String,
    title: String,
    length: u32,
    unit: calendar::Unit,
    month_rounding: Option<calendar::MonthRounding>,
    start_event: String,
    start: Option<String>,
    #[serde(default)]
    termijnenwet: bool,
    extension: Option<String>,
    suspended_by: Option<RawSuspension>,
    explain: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetter {
    id: String,
    title: String,
    when: String,
    follow_up: Option<RawFollowUp>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEntry {
    id: String,
    term: String,
    abbreviation: Option<String>,
    meaning: String,
    article: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFrontMatter {
    id: String,
    title: String,
    summary: String,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    claims: Vec<String>,
    confidence: Option<Confidence>,
}

fn cite(sources: Vec<String>, claims: Vec<String>, confidence: Option<Confidence>) -> Citation {
    Citation {
        sources,
        claims,
        confidence,
    }
}

fn load_knowledge_file(path: &Path, text: &str, k: &mut Knowledge, errors: &mut Vec<ContentError>) {
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            errors.push(toml_error(path, text, e, 0));
            return;
        }
    };
    let loc = |span: std::ops::Range<usize>| Loc {
        file: path.to_path_buf(),
        line: line_of(text, span.start),
    };
    fn condition(
        raw: RawCondition,
        loc: &Loc,
        what: &str,
        errors: &mut Vec<ContentError>,
    ) -> Option<crate::condition::Condition> {
        match raw.build() {
            Ok(c) => Some(c),
            Err(msg) => {
                errors.push(ContentError::at(loc, format!("{what}: {msg}")));
                None
            }
        }
    }

    for s in raw.source {
        let l = loc(s.span());
        let s = s.into_inner();
        k.sources.push(Source {
            id: s.id,
            title: s.title,
            kind: s.kind,
            url: s.url,
            confidence: s.confidence,
            checked: s.checked,
            note: s.note,
            loc: l,
        });
    }
    for c in raw.claim {
        let l = loc(c.span());
        let c = c.into_inner();
        k.claims.push(Claim {
            id: c.id,
            summary: c.summary,
            status: c.status,
            correction: c.correction,
            sources: c.sources,
            loc: l,
        });
    }
    for o in raw.organisation {
        let l = loc(o.span());
        let o = o.into_inner();
        k.organisations.push(Organisation {
            id: o.id,
            name: o.name,
            short: o.short,
            does: o.does,
            can_enforce: o.can_enforce,
            enforce: o.enforce,
            cost: o.cost,
            conditions: o.conditions,
            url: o.url,
            phone: o.phone,
            cite: cite(o.sources, o.claims, o.confidence),
            loc: l,
        });
    }
    for q in raw.question {
        let l = loc(q.span());
        let q = q.into_inner();
        let ask_if = match q.ask_if {
            Some(raw) => match condition(raw, &l, &format!("question '{}' ask-if", q.id), errors) {
                Some(c) => Some(c),
                None => continue,
            },
            None => None,
        };
        k.questions.push(Question {
            id: q.id,
            kind: q.kind,
            text: q.text,
            hint: q.hint,
            options: q.options,
            min: q.min,
            max: q.max,
            unit: q.unit,
            optional: q.optional,
            sets_region: q.sets_region,
            ask_if,
            cite: cite(q.sources, q.claims, None),
            loc: l,
        });
    }
    for d in raw.derived {
        let l = loc(d.span());
        let d = d.into_inner();
        let mut ways = Vec::new();
        if let Some(q) = d.weeks_since {
            ways.push(Derivation::WeeksSince(q));
        }
        if d.weeks_until_summer {
            ways.push(Derivation::WeeksUntilSummer);
        }
        if d.summer_start {
            ways.push(Derivation::SummerStart);
        }
        if let Some(list) = d.first_of {
            ways.push(Derivation::FirstOf(list));
        }
        if let Some(raw) = d.when {
            match condition(raw, &l, &format!("derived '{}' when", d.id), errors) {
                Some(c) => ways.push(Derivation::When(c)),
                None => continue,
            }
        }
        if ways.len() != 1 {
            errors.push(ContentError::at(
                &l,
                format!(
                    "derived '{}' needs exactly one of weeks-since, weeks-until-summer, summer-start, first-of, when (found {})",
                    d.id,
                    ways.len()
                ),
            ));
            continue;
        }
        k.derived.push(Derived {
            id: d.id,
            kind: d.kind,
            how: ways.pop().unwrap(),
            loc: l,
        });
    }
    for s in raw.step {
        let l = loc(s.span());
        let s = s.into_inner();
        k.steps.push(Step {
            id: s.id,
            title: s.title,
            track: s.track,
            level: s.level,
            who: s.who,
            summary: s.summary,
            prepare: s.prepare,
            can: s.can,
            cannot: s.cannot,
            default_status: s.default_status,
            default_because: s.default_because,
            fallback: s.fallback,
            articles: s.articles,
            outcomes: s
                .outcomes
                .into_iter()
                .map(|o| {
                    let l = loc(o.span());
                    let o = o.into_inner();
                    Outcome {
                        id: o.id,
                        label: o.label,
                        sets: o
                            .sets
                            .iter()
                            .map(|(q, v)| (q.clone(), toml_to_json(v)))
                            .collect(),
                        date: o.date,
                        loc: l,
                    }
                })
                .collect(),
            cite: cite(s.sources, s.claims, s.confidence),
            loc: l,
        });
    }
    for r in raw.rule {
        let l = loc(r.span());
        let r = r.into_inner();
        let Some(when) = condition(r.when, &l, &format!("rule '{}' when", r.id), errors) else {
            continue;
        };
        k.rules.push(Rule {
            id: r.id,
            when,
            because: r.because,
            current: r.current,
            next: r.next,
            later: r.later,
            done: r.done,
            not_applicable: r.not_applicable,
            warnings: r.warnings,
            terms: r.terms,
            letters: r.letters,
            articles: r.articles,
            overrides: r.overrides,
            cite: cite(r.sources, r.claims, r.confidence),
            loc: l,
        });
    }
    for w in raw.warning {
        let l = loc(w.span());
        let w = w.into_inner();
        k.warnings.push(Warning {
            id: w.id,
            title: w.title,
            text: w.text,
            severity: w.severity,
            cite: cite(w.sources, w.claims, w.confidence),
            loc: l,
        });
    }
    for t in raw.term {
        let l = loc(t.span());
        let t = t.into_inner();
        k.terms.push(Term {
            id: t.id,
            title: t.title,
            length: t.length,
            unit: t.unit,
            month_rounding: t.month_rounding,
            start_event: t.start_event,
            start: t.start,
            termijnenwet: t.termijnenwet,
            extension: t.extension,
            suspended_by: t.suspended_by.map(|s| Suspension {
                from: s.from,
                to: s.to,
                because: s.because,
            }),
            explain: t.explain,
            cite: cite(t.sources, t.claims, t.confidence),
            loc: l,
        });
    }
    for x in raw.letter {
        let l = loc(x.span());
        let x = x.into_inner();
        k.letters.push(Letter {
            id: x.id,
            title: x.title,
            when: x.when,
            follow_up: x.follow_up.map(|f| crate::model::FollowUp {
                term: f.term,
                date_question: f.date_question,
            }),
            cite: cite(x.sources, x.claims, x.confidence),
            template: None,
            loc: l,
        });
    }
    if let Some(f) = raw.figures {
        let l = loc(f.span());
        let f = f.into_inner();
        let named = |n: Spanned<String>| Named {
            loc: loc(n.span()),
            name: n.into_inner(),
        };
        match &k.figures {
            Some(first) => errors.push(ContentError::at(
                &l,
                format!(
                    "[figures] is already given at {}; keep one [figures] in the content",
                    first.loc
                ),
            )),
            None => {
                k.figures = Some(Figures {
                    weeks_at_home: f.weeks_at_home.into_iter().map(named).collect(),
                    school_type: f.school_type.map(named),
                    exemption: f.exemption.map(|e| ExemptionFigures {
                        status: named(e.status),
                        proposed: named(e.proposed),
                        granted: named(e.granted),
                        kind: named(e.kind),
                        art_5a: named(e.art_5a),
                        art_11g: named(e.art_11g),
                        art_11d: named(e.art_11d),
                    }),
                    maatwerk: f.maatwerk.map(|m| MaatwerkFigure {
                        question: named(m.question),
                        is: named(m.is),
                    }),
                    loc: l,
                })
            }
        }
    }
    for e in raw.entry {
        let l = loc(e.span());
        let e = e.into_inner();
        k.glossary.push(GlossaryEntry {
            id: e.id,
            term: e.term,
            abbreviation: e.abbreviation,
            meaning: e.meaning,
            article: e.article,
            cite: cite(e.sources, e.claims, e.confidence),
            loc: l,
        });
    }
}

/// An article is `+++`, TOML front matter, `+++`, then Markdown.
fn load_article(path: &Path, text: &str, k: &mut Knowledge, errors: &mut Vec<ContentError>) {
    let err = |line: usize, message: &str| ContentError {
        file: path.to_path_buf(),
        line,
        message: message.to_string(),
    };
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        errors.push(err(1, "an article starts with a line '+++', then its front matter (id, title, summary, sources, claims), then '+++'"));
        return;
    };
    let Some(end) = rest.find("\n+++") else {
        errors.push(err(1, "the front matter has no closing '+++' line"));
        return;
    };
    let front = &rest[..end + 1];
    let body = rest[end + 4..].trim_start_matches(['\r', '\n']).to_string();
    let fm: RawFrontMatter = match toml::from_str(front) {
        Ok(fm) => fm,
        Err(e) => {
            errors.push(toml_error(path, front, e, 1));
            return;
        }
    };
    let loc = Loc {
        file: path.to_path_buf(),
        line: 2,
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if fm.id != stem {
        errors.push(ContentError::at(
            &loc,
            format!(
                "article id '{}' differs from its file name '{stem}.md'",
                fm.id
            ),
        ));
    }
    k.articles.push(Article {
        id: fm.id,
        title: fm.title,
        summary: fm.summary,
        body,
        cite: cite(fm.sources, fm.claims, fm.confidence),
        loc,
    });
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetterFront {
    id: String,
    subject: String,
    #[serde(default)]
    fields: Vec<RawLetterField>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLetterField {
    id: String,
    label: String,
    hint: Option<String>,
    from: Option<String>,
    case: Option<String>,
    kind: FieldKind,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFollowUp {
    term: String,
    date_question: Option<String>,
}

/// A letter template is `+++`, TOML front matter (id, subject, fields), `+++`, then the text.
/// Returns the letter id and the template.
fn load_letter_template(
    path: &Path,
    text: &str,
    errors: &mut Vec<ContentError>,
) -> Option<(String, LetterTemplate)> {
    let err = |line: usize, message: &str| ContentError {
        file: path.to_path_buf(),
        line,
        message: message.to_string(),
    };
    let Some(rest) = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))
    else {
        errors.push(err(1, "a letter template starts with a line '+++', then its front matter (id, subject, fields), then '+++'"));
        return None;
    };
    let Some(end) = rest.find("\n+++") else {
        errors.push(err(1, "the front matter has no closing '+++' line"));
        return None;
    };
    let front = &rest[..end + 1];
    let after = &rest[end + 4..];
    let body = after.trim_start_matches(['\r', '\n']);
    let body_line = line_of(text, text.len() - body.len());
    let (body, signature, signature_line) = split_signature(body, body_line);
    let fm: RawLetterFront = match toml::from_str(front) {
        Ok(fm) => fm,
        Err(e) => {
            errors.push(toml_error(path, front, e, 1));
            return None;
        }
    };
    let loc = Loc {
        file: path.to_path_buf(),
        line: 2,
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if fm.id != stem {
        errors.push(ContentError::at(
            &loc,
            format!(
                "letter id '{}' differs from its file name '{stem}.md'",
                fm.id
            ),
        ));
    }
    let fields = fm
        .fields
        .into_iter()
        .map(|f| LetterField {
            id: f.id,
            label: f.label,
            hint: f.hint,
            from: f.from,
            case: f.case,
            kind: f.kind,
        })
        .collect();
    Some((
        fm.id,
        LetterTemplate {
            subject: fm.subject,
            fields,
            body,
            body_line,
            signature,
            signature_line,
            loc,
        },
    ))
}

/// Splits a letter text at its first line of only `{{ondertekening}}`: the text before it, the
/// text after it and the line where that starts. Without the line, all is text and the check
/// reports the missing mark.
fn split_signature(body: &str, body_line: usize) -> (String, String, usize) {
    let mut offset = 0;
    for (n, line) in body.split_inclusive('\n').enumerate() {
        if line.trim() == LetterTemplate::SIGNATURE_MARK {
            let before = body[..offset].trim_end().to_string();
            let after = &body[offset + line.len()..];
            let skipped = after.len() - after.trim_start_matches(['\r', '\n']).len();
            let blank_lines = after[..skipped].matches('\n').count();
            let after = after.trim().to_string();
            return (before, after, body_line + n + 1 + blank_lines);
        }
        offset += line.len();
    }
    (body.trim_end().to_string(), String::new(), body_line)
}

/// Gives each `[[letter]]` its template; a template for no `[[letter]]` is an error.
fn attach_letter_templates(
    k: &mut Knowledge,
    templates: Vec<(String, LetterTemplate)>,
    errors: &mut Vec<ContentError>,
) {
    for (id, t) in templates {
        match k.index.letters.get(&id).copied() {
            Some(i) if k.letters[i].template.is_some() => errors.push(ContentError::at(
                &t.loc,
                format!("letter '{id}' has a second template"),
            )),
            Some(i) => k.letters[i].template = Some(t),
            None => errors.push(ContentError::at(
                &t.loc,
                format!("letter template '{id}' has no [[letter]] with that id in letters.toml"),
            )),
        }
    }
}

fn build_index(k: &mut Knowledge, errors: &mut Vec<ContentError>) {
    fn index<T>(
        kind: &str,
        items: &[T],
        id: impl Fn(&T) -> (&str, &Loc),
        errors: &mut Vec<ContentError>,
    ) -> HashMap<String, usize> {
        let mut map: HashMap<String, usize> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            let (key, loc) = id(item);
            if let Some(&first) = map.get(key) {
                let (_, first_loc) = id(&items[first]);
                errors.push(ContentError::at(
                    loc,
                    format!("{kind} id '{key}' is already used at {first_loc}"),
                ));
            } else {
                if !valid_id(key, kind == "claim") {
                    errors.push(ContentError::at(
                        loc,
                        format!(
                            "{kind} id '{key}' is not a valid id: use lowercase letters, digits and '-'"
                        ),
                    ));
                }
                map.insert(key.to_string(), i);
            }
        }
        map
    }
    k.index.sources = index("source", &k.sources, |x| (&x.id, &x.loc), errors);
    k.index.claims = index("claim", &k.claims, |x| (&x.id, &x.loc), errors);
    k.index.organisations = index(
        "organisation",
        &k.organisations,
        |x| (&x.id, &x.loc),
        errors,
    );
    k.index.questions = index("question", &k.questions, |x| (&x.id, &x.loc), errors);
    k.index.derived = index("derived", &k.derived, |x| (&x.id, &x.loc), errors);
    k.index.steps = index("step", &k.steps, |x| (&x.id, &x.loc), errors);
    k.index.rules = index("rule", &k.rules, |x| (&x.id, &x.loc), errors);
    k.index.beats = k
        .rules
        .iter()
        .map(|r| {
            let mut list: Vec<usize> = r
                .overrides
                .iter()
                .filter_map(|o| k.index.rules.get(o).copied())
                .collect();
            list.sort_unstable();
            list
        })
        .collect();
    k.index.warnings = index("warning", &k.warnings, |x| (&x.id, &x.loc), errors);
    k.index.terms = index("term", &k.terms, |x| (&x.id, &x.loc), errors);
    k.index.letters = index("letter", &k.letters, |x| (&x.id, &x.loc), errors);
    k.index.glossary = index("glossary entry", &k.glossary, |x| (&x.id, &x.loc), errors);
    k.index.articles = index("article", &k.articles, |x| (&x.id, &x.loc), errors);
    for d in &k.derived {
        if let Some(q) = k.question(&d.id) {
            errors.push(ContentError::at(
                &d.loc,
                format!("derived id '{}' is already a question at {}", d.id, q.loc),
            ));
        }
    }
}

/// Gives every condition test the slot of the value it names (see `Knowledge::slot`).
fn resolve_slots(k: &mut Knowledge) {
    let slots: HashMap<String, usize> = k
        .questions
        .iter()
        .map(|q| q.id.clone())
        .chain(k.derived.iter().map(|d| d.id.clone()))
        .enumerate()
        .map(|(i, id)| (id, i))
        .collect();
    let slot_of = |id: &str| slots.get(id).copied();
    for r in &mut k.rules {
        r.when.resolve(&slot_of);
    }
    for q in &mut k.questions {
        if let Some(c) = &mut q.ask_if {
            c.resolve(&slot_of);
        }
    }
    for d in &mut k.derived {
        if let Derivation::When(c) = &mut d.how {
            c.resolve(&slot_of);
        }
    }
}

fn valid_id(id: &str, claim: bool) -> bool {
    if claim {
        return id.len() == 3 && id.starts_with('S') && id[1..].bytes().all(|b| b.is_ascii_digit());
    }
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
