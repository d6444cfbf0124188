//! The content model: what `content/` holds once it is parsed and checked.
//!
//! Every item keeps the file and line it came from, so that a later check can point a content
//! editor at the exact place. The engine works on these types only; it never sees TOML.

use std::collections::HashMap;
use std::fmt;
use std::path::PathBuf;

use calendar::{Confidence, SchoolCalendar};
use jiff::civil::Date;
use serde::Serialize;

use crate::condition::Condition;

/// Where an item was written: file and 1-based line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Loc {
    pub file: PathBuf,
    pub line: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.file.display(), self.line)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum SourceKind {
    Law,
    Ruling,
    OfficialPage,
    Parliament,
    Secondary,
    Seed,
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub kind: SourceKind,
    pub url: Option<String>,
    pub confidence: Confidence,
    pub checked: Date,
    pub note: Option<String>,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ClaimStatus {
    Ok,
    Corrected,
}

/// One statement of the seed text (S01-S34), in our own words.
#[derive(Debug, Clone, Serialize)]
pub struct Claim {
    pub id: String,
    pub summary: String,
    pub status: ClaimStatus,
    pub correction: Option<String>,
    pub sources: Vec<String>,
    #[serde(skip)]
    pub loc: Loc,
}

/// What every citable item shares: sources, seed claims and an optional own confidence.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Citation {
    pub sources: Vec<String>,
    pub claims: Vec<String>,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Organisation {
    pub id: String,
    /// The Dutch name: it stays Dutch in English too, as parents meet it under that name.
    pub name: String,
    /// A short English gloss of the name ("the government's education consultants").
    pub gloss: Option<String>,
    pub short: String,
    pub does: String,
    pub can_enforce: bool,
    pub enforce: String,
    pub cost: Option<String>,
    pub conditions: Vec<String>,
    pub url: Option<String>,
    pub phone: Option<String>,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuestionType {
    Yesno,
    Choice,
    Multi,
    Number,
    Date,
}

impl fmt::Display for QuestionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QuestionType::Yesno => "yesno",
            QuestionType::Choice => "choice",
            QuestionType::Multi => "multi",
            QuestionType::Number => "number",
            QuestionType::Date => "date",
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
    /// On a multi question: this option stands alone ("nobody yet") and cannot be chosen
    /// together with another.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alone: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionType,
    pub text: String,
    pub hint: Option<String>,
    pub options: Vec<Choice>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub unit: Option<String>,
    pub optional: bool,
    /// The answer of this question is the family's school-holiday region.
    pub sets_region: bool,
    pub ask_if: Option<Condition>,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

impl Question {
    pub fn has_option(&self, value: &str) -> bool {
        self.options.iter().any(|c| c.value == value)
    }

    /// The option that stands alone (`alone = true`) when `chosen` has it together with
    /// another value: a combination a multi answer may not have.
    pub fn alone_with_others(&self, chosen: &[String]) -> Option<&Choice> {
        if chosen.len() < 2 {
            return None;
        }
        self.options
            .iter()
            .find(|o| o.alone && chosen.contains(&o.value))
    }
}

/// How a derived value is computed.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Derivation {
    /// Whole weeks from a date answer until today.
    WeeksSince(String),
    /// Whole weeks from today until the summer holiday of the family's region.
    WeeksUntilSummer,
    /// The first day of the summer holiday of the family's region (the one running or next).
    SummerStart,
    /// The first of these values that is known.
    FirstOf(Vec<String>),
    /// A yes/no fact: true when the condition holds.
    When(Condition),
}

#[derive(Debug, Clone, Serialize)]
pub struct Derived {
    pub id: String,
    pub kind: QuestionType,
    pub how: Derivation,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Track {
    Main,
    Side,
}

/// The status of a route step in one family's advice, from strongest to weakest.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Status {
    Done,
    NotApplicable,
    Current,
    Next,
    Later,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::NotApplicable => "not-applicable",
            Status::Current => "current",
            Status::Next => "next",
            Status::Later => "later",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub title: String,
    pub track: Track,
    pub level: Option<u8>,
    pub who: Vec<String>,
    pub summary: String,
    pub prepare: Vec<String>,
    pub can: Vec<String>,
    pub cannot: Vec<String>,
    pub default_status: Status,
    pub default_because: Option<String>,
    pub fallback: bool,
    pub articles: Vec<String>,
    /// What a parent can record as the result of this step, and which intake answers each
    /// result gives (the route is then planned again from them).
    pub outcomes: Vec<Outcome>,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

/// One possible result of a step (`outcomes = [...]` in a step).
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub id: String,
    pub label: String,
    /// Intake answers that recording this result gives, as (question id, value in the
    /// situation-file JSON shape). A `multi` question gets these values added to its answer.
    pub sets: Vec<(String, serde_json::Value)>,
    /// A date question that the date recorded with this result answers.
    pub date: Option<String>,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    pub id: String,
    pub when: Condition,
    pub because: String,
    pub current: Option<String>,
    pub next: Vec<String>,
    pub later: Vec<String>,
    pub done: Vec<String>,
    pub not_applicable: Vec<String>,
    pub warnings: Vec<String>,
    pub terms: Vec<String>,
    pub letters: Vec<String>,
    pub articles: Vec<String>,
    pub overrides: Vec<String>,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

impl Rule {
    /// Every (step, status) this rule sets, in a fixed order.
    pub fn step_effects(&self) -> impl Iterator<Item = (&str, Status)> {
        let current = self.current.iter().map(|s| (s.as_str(), Status::Current));
        current
            .chain(self.next.iter().map(|s| (s.as_str(), Status::Next)))
            .chain(self.later.iter().map(|s| (s.as_str(), Status::Later)))
            .chain(self.done.iter().map(|s| (s.as_str(), Status::Done)))
            .chain(
                self.not_applicable
                    .iter()
                    .map(|s| (s.as_str(), Status::NotApplicable)),
            )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
/// How serious a warning is; the order is the order warnings are shown in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Severity {
    Danger,
    Caution,
    Info,
}

#[derive(Debug, Clone, Serialize)]
pub struct Warning {
    pub id: String,
    pub title: String,
    pub text: String,
    pub severity: Severity,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Suspension {
    pub from: String,
    pub to: String,
    pub because: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Term {
    pub id: String,
    pub title: String,
    pub length: u32,
    pub unit: calendar::Unit,
    pub month_rounding: Option<calendar::MonthRounding>,
    pub start_event: String,
    pub start: Option<String>,
    pub termijnenwet: bool,
    pub extension: Option<String>,
    pub suspended_by: Option<Suspension>,
    pub explain: String,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Letter {
    pub id: String,
    pub title: String,
    pub when: String,
    /// In English content: what the (Dutch) letter says and why it helps. `None` in Dutch,
    /// where the letter speaks for itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub says: Option<String>,
    #[serde(flatten)]
    pub cite: Citation,
    /// The term that follows sending this letter, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// The letter text from `content/letters/<id>.md`, when there is one.
    #[serde(skip)]
    pub template: Option<LetterTemplate>,
    #[serde(skip)]
    pub loc: Loc,
}

/// The term that follows a letter. With `date_question`, the date the parent sent the letter
/// answers that question and so starts the term (only where the law ties the start to sending:
/// the checker demands it is the term's own `start`); without, the term is shown in words.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct FollowUp {
    pub term: String,
    pub date_question: Option<String>,
}

/// How a letter field is asked for and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FieldKind {
    /// One line.
    Text,
    /// A date, written out in the letter ("3 maart 2027").
    Date,
    /// Several lines (an address, a description).
    Multiline,
}

/// One value a letter needs, filled from an answer when `from` names one, else asked for.
#[derive(Debug, Clone, Serialize)]
pub struct LetterField {
    pub id: String,
    pub label: String,
    pub hint: Option<String>,
    /// The question or derived value that fills this field.
    pub from: Option<String>,
    /// What of a stored case fills this field when the letter is written for a case: see
    /// [`crate::letter::CaseSource`].
    pub case: Option<String>,
    pub kind: FieldKind,
}

/// A letter text: the fields it needs and the text with `{{field-id}}` placeholders.
#[derive(Debug, Clone, Serialize)]
pub struct LetterTemplate {
    /// The subject line ("Betreft"), with placeholders.
    pub subject: String,
    pub fields: Vec<LetterField>,
    /// From the salutation to the closing ("Met vriendelijke groet,"), paragraphs separated by
    /// blank lines.
    pub body: String,
    /// The line of the file where the text starts.
    #[serde(skip)]
    pub body_line: usize,
    /// What comes under the space for the handwritten signature: the name, perhaps a list of
    /// attachments. The text marks where that space is with a line of only
    /// [`LetterTemplate::SIGNATURE_MARK`]; empty when the text has no such line (an error the
    /// check reports).
    pub signature: String,
    /// The line of the file where the signature text starts (the line after the mark).
    #[serde(skip)]
    pub signature_line: usize,
    /// The file and the line of the front matter.
    #[serde(skip)]
    pub loc: Loc,
}

impl LetterTemplate {
    /// The fields every letter has: sender, addressee, place and date.
    pub const REQUIRED_FIELDS: [&'static str; 4] = ["afzender", "geadresseerde", "plaats", "datum"];

    /// The line that marks the space for the signature in a letter text.
    pub const SIGNATURE_MARK: &'static str = "{{ondertekening}}";
    /// The name inside the mark, which no field may have.
    pub const SIGNATURE_ID: &'static str = "ondertekening";

    pub fn field(&self, id: &str) -> Option<&LetterField> {
        self.fields.iter().find(|f| f.id == id)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct GlossaryEntry {
    pub id: String,
    /// The Dutch term; it stays Dutch in English too.
    pub term: String,
    /// The English name of the term ("education consultant"), in both languages' content: the
    /// glossary looks terms up from English to Dutch as well.
    pub translation: Option<String>,
    pub abbreviation: Option<String>,
    pub meaning: String,
    pub article: Option<String>,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

#[derive(Debug, Clone, Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    pub summary: String,
    /// The Markdown body, as written.
    pub body: String,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

/// How to prepare a conversation of the route (a talk with the school, a hearing...): keyed by
/// the step it belongs to; a case page adds an agenda built from the case.
#[derive(Debug, Clone, Serialize)]
pub struct Conversation {
    /// The route step this conversation is part of.
    pub step: String,
    /// Whom the parent meets.
    pub with: String,
    /// What the conversation is for.
    pub purpose: String,
    /// Who may come along, each a short sentence.
    pub company: Vec<String>,
    /// The sources of `company`: whether someone may come along is sourced on its own, as
    /// it is the part a parent may have to stand up for.
    pub company_cite: Citation,
    /// What to bring.
    pub bring: Vec<String>,
    /// Questions the parent may ask.
    pub questions: Vec<String>,
    /// The reminder to ask for a written report (verslag).
    pub report: String,
    #[serde(flatten)]
    pub cite: Citation,
    #[serde(skip)]
    pub loc: Loc,
}

/// An id or option value written in the content, with where it was written.
#[derive(Debug, Clone, Serialize)]
pub struct Named {
    pub name: String,
    #[serde(skip)]
    pub loc: Loc,
}

/// Which answers the organisation's figures count (`[figures]`): the engine that counts knows
/// no question by name. Every part is optional; a table whose part is missing counts every
/// family as unknown or none.
#[derive(Debug, Clone, Serialize)]
pub struct Figures {
    /// Number values giving whole weeks at home; the first that is known counts.
    pub weeks_at_home: Vec<Named>,
    /// The choice question whose options are the school types.
    pub school_type: Option<Named>,
    pub exemption: Option<ExemptionFigures>,
    pub maatwerk: Option<MaatwerkFigure>,
    #[serde(skip)]
    pub loc: Loc,
}

/// The questions and options that tell an exemption and its kind (`[figures.exemption]`).
#[derive(Debug, Clone, Serialize)]
pub struct ExemptionFigures {
    /// The choice question of the exemption's stage, with its options for proposed and granted.
    pub status: Named,
    pub proposed: Named,
    pub granted: Named,
    /// The choice question of the exemption's kind, with its option per article of the law.
    pub kind: Named,
    pub art_5a: Named,
    pub art_11g: Named,
    pub art_11d: Named,
}

/// The answer that counts as maatwerk when there is no exemption (`[figures.maatwerk]`).
#[derive(Debug, Clone, Serialize)]
pub struct MaatwerkFigure {
    pub question: Named,
    pub is: Named,
}

/// Everything in `content/`, loaded and checked. Immutable; share it behind an `Arc`.
#[derive(Debug, Default)]
pub struct Knowledge {
    pub sources: Vec<Source>,
    pub claims: Vec<Claim>,
    pub organisations: Vec<Organisation>,
    pub questions: Vec<Question>,
    pub derived: Vec<Derived>,
    pub steps: Vec<Step>,
    pub rules: Vec<Rule>,
    pub warnings: Vec<Warning>,
    pub terms: Vec<Term>,
    pub letters: Vec<Letter>,
    pub glossary: Vec<GlossaryEntry>,
    pub articles: Vec<Article>,
    /// How to prepare the conversations of the route, at most one per step.
    pub conversations: Vec<Conversation>,
    /// What the organisation's figures count; `None` when the content has no `[figures]`.
    pub figures: Option<Figures>,
    pub calendar: SchoolCalendar,
    /// The language of the texts: content is loaded once per language, with the same ids.
    pub lang: calendar::Lang,
    /// How many texts there are per language, counted while parsing.
    pub coverage: Coverage,
    /// Which content this is: advice names it, so that advice given before a correction of the
    /// content can be told apart from advice after it.
    pub version: ContentVersion,
    pub(crate) index: Index,
}

/// How many texts each kind of content item has in each language: what `routewijzer check`
/// reports, like the claims coverage.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Coverage {
    /// Per kind ("step", "question", "article"...): (Dutch texts, English texts).
    pub kinds: std::collections::BTreeMap<&'static str, TextCount>,
}

/// Texts of one kind in each language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct TextCount {
    pub dutch: usize,
    pub english: usize,
}

impl Coverage {
    /// Dutch and English texts over all kinds.
    pub fn total(&self) -> TextCount {
        self.kinds
            .values()
            .fold(TextCount::default(), |a, c| TextCount {
                dutch: a.dutch + c.dutch,
                english: a.english + c.english,
            })
    }

    /// Dutch texts without an English twin.
    pub fn missing_english(&self) -> usize {
        let t = self.total();
        t.dutch.saturating_sub(t.english)
    }
}

/// The version of the content: the date of its most recently checked source and a hash of
/// every content file. Written `2025-06-30.1a2b3c4d5e6f7a8b`: sorts by the date, and any change
/// of any file changes the hash.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContentVersion {
    pub sources_checked: Option<Date>,
    pub hash: String,
}

impl std::fmt::Display for ContentVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.sources_checked {
            Some(d) => write!(f, "{d}.{}", self.hash),
            None => write!(f, "{}", self.hash),
        }
    }
}

/// Id → position, per kind. Built once by the loader.
#[derive(Debug, Default)]
pub(crate) struct Index {
    pub sources: HashMap<String, usize>,
    pub claims: HashMap<String, usize>,
    pub organisations: HashMap<String, usize>,
    pub questions: HashMap<String, usize>,
    pub derived: HashMap<String, usize>,
    pub steps: HashMap<String, usize>,
    pub rules: HashMap<String, usize>,
    /// Per rule (by position): the positions of the rules it overrides, sorted.
    pub beats: Vec<Vec<usize>>,
    pub warnings: HashMap<String, usize>,
    pub terms: HashMap<String, usize>,
    pub letters: HashMap<String, usize>,
    pub glossary: HashMap<String, usize>,
    pub articles: HashMap<String, usize>,
    /// By step id.
    pub conversations: HashMap<String, usize>,
}

macro_rules! lookup {
    ($name:ident, $field:ident, $ty:ty) => {
        pub fn $name(&self, id: &str) -> Option<&$ty> {
            self.index.$field.get(id).map(|&i| &self.$field[i])
        }
    };
}

impl Knowledge {
    lookup!(source, sources, Source);
    lookup!(claim, claims, Claim);
    lookup!(organisation, organisations, Organisation);
    lookup!(question, questions, Question);
    lookup!(derived_value, derived, Derived);
    lookup!(step, steps, Step);
    lookup!(rule, rules, Rule);
    lookup!(warning, warnings, Warning);
    lookup!(term, terms, Term);
    lookup!(letter, letters, Letter);
    lookup!(glossary_entry, glossary, GlossaryEntry);
    lookup!(article, articles, Article);
    lookup!(conversation, conversations, Conversation);

    /// The slot of a question or derived value: questions first, then derived values.
    pub fn slot(&self, id: &str) -> Option<usize> {
        self.index
            .questions
            .get(id)
            .copied()
            .or_else(|| self.index.derived.get(id).map(|d| self.questions.len() + d))
    }

    /// Whether the rule at position `a` overrides the rule at position `b`.
    pub fn overrides(&self, a: usize, b: usize) -> bool {
        self.index
            .beats
            .get(a)
            .is_some_and(|list| list.binary_search(&b).is_ok())
    }

    /// Position of a step in route order.
    pub fn step_position(&self, id: &str) -> Option<usize> {
        self.index.steps.get(id).copied()
    }

    /// The type of a question or derived value, which share one name space.
    pub fn value_type(&self, id: &str) -> Option<QuestionType> {
        self.question(id)
            .map(|q| q.kind)
            .or_else(|| self.derived_value(id).map(|d| d.kind))
    }

    /// The confidence of a citation: its own, or the weakest one that all its sources share.
    /// An item is uncertain only when none of its sources is certain.
    pub fn confidence_of(&self, cite: &Citation) -> Confidence {
        if let Some(c) = cite.confidence {
            return c;
        }
        let confidences: Vec<Confidence> = cite
            .sources
            .iter()
            .filter_map(|s| self.source(s).map(|s| s.confidence))
            .collect();
        if confidences.contains(&Confidence::V) {
            Confidence::V
        } else if confidences.contains(&Confidence::V2) {
            Confidence::V2
        } else if confidences.contains(&Confidence::C) {
            Confidence::C
        } else if confidences.is_empty() {
            Confidence::V
        } else {
            Confidence::M
        }
    }
}
