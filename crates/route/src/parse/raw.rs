//! The TOML shapes of a knowledge file, as written; [`super::knowledge`] turns them into the
//! model. `deny_unknown_fields` cannot be combined with `flatten`, so each kind lists its
//! citation fields itself.

use calendar::Confidence;
use jiff::civil::Date;
use serde::Deserialize;
use toml::Spanned;

use crate::condition::RawCondition;
use crate::model::{ClaimStatus, QuestionType, Severity, SourceKind, Status, Track};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) source: Vec<Spanned<RawSource>>,
    #[serde(default)]
    pub(super) claim: Vec<Spanned<RawClaim>>,
    #[serde(default)]
    pub(super) organisation: Vec<Spanned<RawOrganisation>>,
    #[serde(default)]
    pub(super) question: Vec<Spanned<RawQuestion>>,
    #[serde(default)]
    pub(super) derived: Vec<Spanned<RawDerived>>,
    #[serde(default)]
    pub(super) step: Vec<Spanned<RawStep>>,
    #[serde(default)]
    pub(super) rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub(super) warning: Vec<Spanned<RawWarning>>,
    #[serde(default)]
    pub(super) term: Vec<Spanned<RawTerm>>,
    #[serde(default)]
    pub(super) letter: Vec<Spanned<RawLetter>>,
    #[serde(default)]
    pub(super) entry: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    pub(super) conversation: Vec<Spanned<RawConversation>>,
    pub(super) figures: Option<Spanned<RawFigures>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawFigures {
    #[serde(default)]
    pub(super) weeks_at_home: Vec<Spanned<String>>,
    pub(super) school_type: Option<Spanned<String>>,
    pub(super) exemption: Option<RawExemptionFigures>,
    pub(super) maatwerk: Option<RawMaatwerkFigure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawExemptionFigures {
    pub(super) status: Spanned<String>,
    pub(super) proposed: Spanned<String>,
    pub(super) granted: Spanned<String>,
    pub(super) kind: Spanned<String>,
    pub(super) art_5a: Spanned<String>,
    pub(super) art_11g: Spanned<String>,
    pub(super) art_11d: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawMaatwerkFigure {
    pub(super) question: Spanned<String>,
    pub(super) is: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawSource {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) kind: SourceKind,
    pub(super) url: Option<String>,
    pub(super) confidence: Confidence,
    #[serde(deserialize_with = "calendar::serde_date::deserialize")]
    pub(super) checked: Date,
    pub(super) note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawClaim {
    pub(super) id: String,
    pub(super) summary: String,
    pub(super) status: ClaimStatus,
    pub(super) correction: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawOrganisation {
    pub(super) id: String,
    pub(super) name: String,
    pub(super) gloss_en: Option<String>,
    pub(super) short: String,
    pub(super) short_en: Option<String>,
    pub(super) does: String,
    pub(super) does_en: Option<String>,
    pub(super) can_enforce: bool,
    pub(super) enforce: String,
    pub(super) enforce_en: Option<String>,
    pub(super) cost: Option<String>,
    pub(super) cost_en: Option<String>,
    #[serde(default)]
    pub(super) conditions: Vec<String>,
    pub(super) conditions_en: Option<Vec<String>>,
    pub(super) url: Option<String>,
    pub(super) phone: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawQuestion {
    pub(super) id: String,
    #[serde(rename = "type")]
    pub(super) kind: QuestionType,
    pub(super) text: String,
    pub(super) text_en: Option<String>,
    pub(super) hint: Option<String>,
    pub(super) hint_en: Option<String>,
    #[serde(default)]
    pub(super) options: Vec<RawChoice>,
    pub(super) min: Option<f64>,
    pub(super) max: Option<f64>,
    pub(super) unit: Option<String>,
    pub(super) unit_en: Option<String>,
    #[serde(default)]
    pub(super) optional: bool,
    #[serde(default)]
    pub(super) sets_region: bool,
    pub(super) ask_if: Option<RawCondition>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawDerived {
    pub(super) id: String,
    #[serde(rename = "type")]
    pub(super) kind: QuestionType,
    pub(super) weeks_since: Option<String>,
    #[serde(default)]
    pub(super) weeks_until_summer: bool,
    #[serde(default)]
    pub(super) summer_start: bool,
    pub(super) first_of: Option<Vec<String>>,
    pub(super) when: Option<RawCondition>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawStep {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) track: Track,
    pub(super) level: Option<u8>,
    #[serde(default)]
    pub(super) who: Vec<String>,
    pub(super) summary: String,
    pub(super) summary_en: Option<String>,
    #[serde(default)]
    pub(super) prepare: Vec<String>,
    pub(super) prepare_en: Option<Vec<String>>,
    #[serde(default)]
    pub(super) can: Vec<String>,
    pub(super) can_en: Option<Vec<String>>,
    #[serde(default)]
    pub(super) cannot: Vec<String>,
    pub(super) cannot_en: Option<Vec<String>>,
    pub(super) default_status: Status,
    pub(super) default_because: Option<String>,
    pub(super) default_because_en: Option<String>,
    #[serde(default)]
    pub(super) fallback: bool,
    #[serde(default)]
    pub(super) articles: Vec<String>,
    #[serde(default)]
    pub(super) outcomes: Vec<Spanned<RawOutcome>>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawOutcome {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) label_en: Option<String>,
    #[serde(default)]
    pub(super) sets: std::collections::BTreeMap<String, toml::Value>,
    pub(super) date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawRule {
    pub(super) id: String,
    pub(super) when: RawCondition,
    pub(super) because: String,
    pub(super) because_en: Option<String>,
    pub(super) current: Option<String>,
    #[serde(default)]
    pub(super) next: Vec<String>,
    #[serde(default)]
    pub(super) later: Vec<String>,
    #[serde(default)]
    pub(super) done: Vec<String>,
    #[serde(default)]
    pub(super) not_applicable: Vec<String>,
    #[serde(default)]
    pub(super) warnings: Vec<String>,
    #[serde(default)]
    pub(super) terms: Vec<String>,
    #[serde(default)]
    pub(super) letters: Vec<String>,
    #[serde(default)]
    pub(super) articles: Vec<String>,
    #[serde(default)]
    pub(super) overrides: Vec<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawWarning {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) text: String,
    pub(super) text_en: Option<String>,
    pub(super) severity: Severity,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawSuspension {
    pub(super) from: String,
    pub(super) to: String,
    pub(super) because: String,
    pub(super) because_en: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawTerm {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) length: u32,
    pub(super) unit: calendar::Unit,
    pub(super) month_rounding: Option<calendar::MonthRounding>,
    pub(super) start_event: String,
    pub(super) start_event_en: Option<String>,
    pub(super) start: Option<String>,
    #[serde(default)]
    pub(super) termijnenwet: bool,
    pub(super) extension: Option<String>,
    pub(super) extension_en: Option<String>,
    pub(super) suspended_by: Option<RawSuspension>,
    pub(super) explain: String,
    pub(super) explain_en: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawLetter {
    pub(super) id: String,
    pub(super) title: String,
    pub(super) title_en: Option<String>,
    pub(super) when: String,
    pub(super) when_en: Option<String>,
    pub(super) says_en: Option<String>,
    pub(super) follow_up: Option<RawFollowUp>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawEntry {
    pub(super) id: String,
    pub(super) term: String,
    pub(super) term_en: Option<String>,
    pub(super) abbreviation: Option<String>,
    pub(super) meaning: String,
    pub(super) meaning_en: Option<String>,
    pub(super) article: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawFollowUp {
    pub(super) term: String,
    pub(super) date_question: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawConversation {
    pub(super) step: String,
    pub(super) with: String,
    pub(super) with_en: Option<String>,
    pub(super) purpose: String,
    pub(super) purpose_en: Option<String>,
    #[serde(default)]
    pub(super) company: Vec<String>,
    pub(super) company_en: Option<Vec<String>>,
    #[serde(default)]
    pub(super) company_sources: Vec<String>,
    #[serde(default)]
    pub(super) bring: Vec<String>,
    pub(super) bring_en: Option<Vec<String>>,
    #[serde(default)]
    pub(super) questions: Vec<String>,
    pub(super) questions_en: Option<Vec<String>>,
    pub(super) report: String,
    pub(super) report_en: Option<String>,
    #[serde(default)]
    pub(super) sources: Vec<String>,
    #[serde(default)]
    pub(super) claims: Vec<String>,
    pub(super) confidence: Option<Confidence>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawChoice {
    pub(super) value: String,
    pub(super) label: String,
    pub(super) label_en: Option<String>,
    #[serde(default)]
    pub(super) alone: bool,
}
