//! The organisation's figures (`/organisatie/cijfers` and the same as CSV): anonymous counts of
//! all cases, with small groups hidden by the rules of the `figures` crate. Coordinators and
//! admins only.
//!
//! Counting reads every case, which for a national organisation's tens of thousands takes
//! seconds: the counted release (only numbers, with small groups already hidden) is kept for
//! [`FRESH`] and then counted again in the background while the page shows the last count
//! with its time. A deleted case drops out at the next count: at most [`FRESH`] later on
//! another server, at once on the server that deleted it (see `cases` deletion).

use std::sync::Arc;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use figures::{
    Catalog, Dimension, Exemption, ExemptionKind, ExemptionStage, Filter, Procedure, Record,
    Release, TableKind, View,
};
use route::Knowledge;
use route::condition::Value;
use route::model::{Figures, Named};
use serde::Deserialize;
use store::OrgRole;

use super::charts::{ChartTable, charts};
use super::members::OrgUser;
use crate::http::auth::now;
use crate::http::error::PageError;
use crate::http::error::store_error;
use crate::http::i18n::{Lang, Tr};
use crate::http::layout::{Layout, render};
use crate::http::snapshot::Found;
use crate::http::state::AppState;

/// The rows of the tables, from the content: route steps, steps with outcomes, the regions and
/// the school types the intake offers.
fn catalog(k: &Knowledge) -> Catalog {
    Catalog {
        steps: k.steps.iter().map(|s| s.id.clone()).collect(),
        procedures: k
            .steps
            .iter()
            .filter(|s| !s.outcomes.is_empty())
            .map(|s| Procedure {
                step: s.id.clone(),
                outcomes: s.outcomes.iter().map(|o| o.id.clone()).collect(),
            })
            .collect(),
        regions: calendar::Region::ALL
            .iter()
            .map(|r| r.name().to_string())
            .collect(),
        school_types: school_type_question(k)
            .map(|q| q.options.iter().map(|o| o.value.clone()).collect())
            .unwrap_or_default(),
    }
}

/// The question whose options are the school types, as `[figures]` in the content names it.
fn school_type_question(k: &Knowledge) -> Option<&route::model::Question> {
    let id = &k.figures.as_ref()?.school_type.as_ref()?.name;
    k.question(id)
}

/// The value of a question or derived value (they share one name space).
fn value<'a>(advice: &'a route::Advice, id: &Named) -> Option<&'a Value> {
    advice
        .derived
        .get(&id.name)
        .or_else(|| advice.answers.get(&id.name))
}

fn text<'a>(advice: &'a route::Advice, id: &Named) -> Option<&'a str> {
    match value(advice, id) {
        Some(Value::Text(s)) => Some(s),
        _ => None,
    }
}

fn number(advice: &route::Advice, id: &Named) -> Option<f64> {
    match value(advice, id) {
        Some(Value::Number(n)) => Some(*n),
        _ => None,
    }
}

/// Whether the answer to `question` is the option `option`.
fn is(advice: &route::Advice, question: &Named, option: &Named) -> bool {
    text(advice, question) == Some(option.name.as_str())
}

/// The exemption of a case, or maatwerk when it has none, read from the answers `[figures]`
/// names.
fn exemption(f: &Figures, advice: &route::Advice) -> Option<Exemption> {
    let exemption = f.exemption.as_ref().and_then(|e| {
        let stage = if is(advice, &e.status, &e.proposed) {
            ExemptionStage::Proposed
        } else if is(advice, &e.status, &e.granted) {
            ExemptionStage::Granted
        } else {
            return None;
        };
        let kind = if is(advice, &e.kind, &e.art_5a) {
            ExemptionKind::Art5a
        } else if is(advice, &e.kind, &e.art_11g) {
            ExemptionKind::Art11g
        } else if is(advice, &e.kind, &e.art_11d) {
            ExemptionKind::Art11d
        } else {
            ExemptionKind::Unknown
        };
        Some(Exemption { kind, stage })
    });
    exemption.or_else(|| {
        let m = f.maatwerk.as_ref()?;
        is(advice, &m.question, &m.is).then_some(Exemption {
            kind: ExemptionKind::Maatwerk,
            stage: ExemptionStage::Granted,
        })
    })
}

/// The anonymous record of one case: no title, no names, no dates; only what the tables count.
/// Without `[figures]` in the content only the step and the outcomes are known.
fn record(
    figures: Option<&Figures>,
    advice: &route::Advice,
    outcomes: Vec<store::StepOutcome>,
) -> Record {
    let weeks = figures.and_then(|f| {
        f.weeks_at_home
            .iter()
            .find_map(|id| number(advice, id))
            .filter(|w| w.is_finite() && *w >= 0.0)
            .map(|w| w.floor() as u32)
    });
    Record {
        region: advice.region.map(|r| r.name().to_string()),
        school_type: figures
            .and_then(|f| f.school_type.as_ref())
            .and_then(|q| text(advice, q))
            .map(str::to_string),
        step: advice.current.clone(),
        weeks_at_home: weeks,
        exemption: figures.and_then(|f| exemption(f, advice)),
        outcomes: outcomes
            .into_iter()
            .map(|o| (o.step_id, o.outcome))
            .collect(),
    }
}

/// One record per case with saved answers. A case without answers has no route yet, so it has
/// no step to count and is left out.
async fn records(state: &AppState) -> Result<Vec<Record>, PageError> {
    let store = &state.store;
    let mut out = Vec::new();
    for id in store.all_case_ids().await.map_err(store_error)? {
        let Some(ca) = state.case_advice(&id).await? else {
            continue;
        };
        let outcomes = store.step_outcomes(&id).await.map_err(store_error)?;
        out.push(record(state.lib.k.figures.as_ref(), &ca.advice, outcomes));
    }
    Ok(out)
}

/// How long a count is shown before it is counted again.
pub const FRESH: std::time::Duration = std::time::Duration::from_secs(10 * 60);

async fn count(state: &AppState) -> Result<Release, PageError> {
    let records = records(state).await?;
    Ok(Release::new(&catalog(&state.lib.k), &records))
}

/// The last count and when it was made (seconds since 1970); counted now only when there is
/// none yet, else again in the background once it is older than [`FRESH`].
async fn release(state: &AppState) -> Result<(Arc<Release>, i64), PageError> {
    match state.figures.get(FRESH) {
        Found::Fresh(r, at) | Found::Stale(r, at) => Ok((r, at)),
        Found::StaleRefreshHere(r, at) => {
            let state = state.clone();
            tokio::spawn(async move {
                match count(&state).await {
                    Ok(next) => state.figures.put(Arc::new(next), now()),
                    Err(e) => {
                        tracing::error!(error = ?e, "counting the figures failed");
                        state.figures.give_up();
                    }
                }
            });
            Ok((r, at))
        }
        Found::Missing => {
            let made_at = now();
            let r = Arc::new(count(state).await?);
            state.figures.put(r.clone(), made_at);
            Ok((r, made_at))
        }
    }
}

/// The release for `org`, or the page that says no: counting reads every case, so only
/// coordinators and admins may see it.
async fn release_for(
    state: &AppState,
    lang: Lang,
    org: &OrgUser,
) -> Result<(Arc<Release>, i64), Response> {
    org.require(OrgRole::Coordinator)
        .map_err(|d| d.page(lang))?;
    release(state).await.map_err(|e| e.page(lang))
}

#[derive(Deserialize, Default)]
pub struct FilterQuery {
    /// `dimension:value`, for example `regio:noord`; empty for all families. One select field,
    /// so that only one dimension can be chosen at a time.
    #[serde(default)]
    filter: String,
}

impl FilterQuery {
    /// `Ok(None)`: all families; `Err(())`: a filter that is not well formed.
    fn parse(&self) -> Result<Option<Filter>, ()> {
        let f = self.filter.trim();
        if f.is_empty() {
            return Ok(None);
        }
        let (d, v) = f.split_once(':').ok_or(())?;
        let dimension = Dimension::parse(d).ok_or(())?;
        Ok(Some(Filter {
            dimension,
            value: v.to_string(),
        }))
    }
}

/// The labels of rows, blocks and filters, in the page's language where the interface has them
/// and from the (Dutch) content for steps and outcomes.
pub(super) struct Labels<'a> {
    k: &'a Knowledge,
    pub(super) i: Tr,
}

impl Labels<'_> {
    fn step(&self, id: &str) -> String {
        self.k
            .step(id)
            .map(|s| s.title.clone())
            .unwrap_or_else(|| self.i.t("figures-other"))
    }

    fn dimension(&self, d: Dimension) -> String {
        self.i.t(&format!("figures-dimension-{}", d.id()))
    }

    fn value(&self, d: Dimension, v: &str) -> String {
        match d {
            Dimension::Region => self.i.t(&format!("figures-region-{v}")),
            Dimension::SchoolType => school_type_question(self.k)
                .and_then(|q| q.options.iter().find(|o| o.value == v))
                .map(|o| o.label.clone())
                .unwrap_or_else(|| v.to_string()),
        }
    }

    pub(super) fn table(&self, kind: TableKind) -> String {
        self.i.t(&format!("figures-table-{}", kind.id()))
    }

    pub(super) fn block(&self, kind: TableKind, key: &str) -> String {
        match kind {
            TableKind::Outcomes => self.step(key),
            _ => String::new(),
        }
    }

    pub(super) fn cell(&self, kind: TableKind, block: &str, key: &str) -> String {
        match (kind, key) {
            (_, figures::OTHER) => self.i.t("figures-other"),
            (TableKind::Steps, _) => self.step(key),
            (TableKind::WeeksAtHome, _) => self.i.t(&format!("figures-weeks-{key}")),
            (TableKind::Exemptions, figures::NONE) => self.i.t("figures-exemption-none"),
            (TableKind::Exemptions, _) => {
                let (kind, stage) = key.split_once('.').unwrap_or((key, ""));
                format!(
                    "{}, {}",
                    self.i.t(&format!("figures-exemption-{kind}")),
                    self.i.t(&format!("figures-stage-{stage}"))
                )
            }
            (TableKind::Outcomes, figures::NONE) => self.i.t("figures-outcome-none"),
            (TableKind::Outcomes, _) => self
                .k
                .step(block)
                .and_then(|s| s.outcomes.iter().find(|o| o.id == key))
                .map(|o| o.label.clone())
                .unwrap_or_else(|| key.to_string()),
        }
    }
}

struct FilterOption {
    value: String,
    label: String,
    selected: bool,
}

struct FilterGroup {
    label: String,
    options: Vec<FilterOption>,
}

#[derive(Template)]
#[template(path = "figures.html")]
struct FiguresPage {
    layout: Layout,
    groups: Vec<FilterGroup>,
    all_selected: bool,
    /// What the figures are about, for example "Alle gezinnen" or "Regio: Noord".
    about: String,
    total: Option<u64>,
    /// Why there are no figures, when there are none.
    notice: Option<String>,
    tables: Vec<ChartTable>,
    csv_href: String,
    /// "Geteld op ...": the figures are a count of a moment, made again now and then.
    counted: String,
}

fn filter_groups(release: &Release, chosen: Option<&Filter>, labels: &Labels) -> Vec<FilterGroup> {
    Dimension::ALL
        .into_iter()
        .filter_map(|d| {
            let values = release.offered(d);
            if values.is_empty() {
                return None;
            }
            Some(FilterGroup {
                label: labels.dimension(d),
                options: values
                    .into_iter()
                    .map(|v| FilterOption {
                        value: format!("{}:{v}", d.id()),
                        label: labels.value(d, v),
                        selected: chosen.is_some_and(|f| f.dimension == d && f.value == v),
                    })
                    .collect(),
            })
        })
        .collect()
}

/// `GET /organisatie/cijfers`
pub async fn page(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    Query(q): Query<FilterQuery>,
) -> Result<Response, Response> {
    let (release, counted_at) = release_for(&state, lang, &org).await?;
    let labels = Labels {
        k: &state.lib.k,
        i: Tr { lang },
    };
    let chosen = q.parse().ok().flatten();
    let view = match q.parse() {
        Ok(f) => release.view(f.as_ref()),
        Err(()) => None,
    };
    let about = match &chosen {
        None => labels.i.t("figures-about-all"),
        Some(f) => format!(
            "{}: {}",
            labels.dimension(f.dimension),
            labels.value(f.dimension, &f.value)
        ),
    };
    let notice = match (view, release.all(), &chosen) {
        (Some(_), _, _) => None,
        (None, None, _) => Some(labels.i.t("figures-too-few")),
        (None, Some(_), _) => Some(labels.i.t("figures-filter-unavailable")),
    };
    let csv_href = match &chosen {
        Some(f) if view.is_some() => format!(
            "/organisatie/cijfers.csv?filter={}:{}",
            f.dimension.id(),
            f.value
        ),
        _ => "/organisatie/cijfers.csv".to_string(),
    };
    let page = FiguresPage {
        groups: filter_groups(&release, chosen.as_ref(), &labels),
        all_selected: chosen.is_none(),
        about,
        total: view.map(|v| v.total),
        notice,
        tables: view.map(|v| charts(v, &labels)).unwrap_or_default(),
        csv_href,
        counted: labels.i.t1(
            "figures-counted",
            "when",
            crate::http::i18n::saved_at(counted_at),
        ),
        layout: Layout::new(lang, "figures-title", "/organisatie/cijfers"),
    };
    Ok(render(&page))
}

/// A CSV field, quoted when it needs to be.
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The figures of one view as CSV: the same cells as the page, hidden ones empty.
fn csv(view: &View, labels: &Labels) -> String {
    let i = &labels.i;
    let mut out = String::new();
    let header = [
        i.t("figures-csv-table"),
        i.t("figures-csv-block"),
        i.t("figures-csv-row"),
        i.t("figures-csv-count"),
    ];
    out.push_str(
        &header
            .iter()
            .map(|h| field(h))
            .collect::<Vec<_>>()
            .join(","),
    );
    out.push_str("\r\n");
    let about = match &view.filter {
        None => i.t("figures-about-all"),
        Some(f) => format!(
            "{}: {}",
            labels.dimension(f.dimension),
            labels.value(f.dimension, &f.value)
        ),
    };
    out.push_str(&format!(
        "{},,{},{}\r\n",
        field(&i.t("figures-csv-total")),
        field(&about),
        view.total
    ));
    for t in &view.tables {
        for b in &t.blocks {
            for c in &b.cells {
                out.push_str(&format!(
                    "{},{},{},{}\r\n",
                    field(&labels.table(t.kind)),
                    field(&labels.block(t.kind, &b.key)),
                    field(&labels.cell(t.kind, &b.key, &c.key)),
                    c.count.map(|n| n.to_string()).unwrap_or_default()
                ));
            }
        }
    }
    out
}

/// `GET /organisatie/cijfers.csv`: the same filter and the same hidden cells as the page.
pub async fn download(
    State(state): State<AppState>,
    lang: Lang,
    org: OrgUser,
    Query(q): Query<FilterQuery>,
) -> Result<Response, Response> {
    let (release, _) = release_for(&state, lang, &org).await?;
    let filter = q.parse().map_err(|()| PageError::NotFound.page(lang))?;
    let Some(view) = release.view(filter.as_ref()) else {
        return Err(PageError::NotFound.page(lang));
    };
    let labels = Labels {
        k: &state.lib.k,
        i: Tr { lang },
    };
    let mut response = csv(view, &labels).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"cijfers.csv\""),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn advice(answers: &[(&str, Value)], derived: &[(&str, Value)]) -> route::Advice {
        let map = |pairs: &[(&str, Value)]| -> BTreeMap<String, Value> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.clone()))
                .collect()
        };
        route::Advice {
            today: jiff::civil::date(2027, 1, 11),
            region: Some(calendar::Region::Zuid),
            current: "gpo".into(),
            steps: Vec::new(),
            warnings: Vec::new(),
            terms: Vec::new(),
            letters: Vec::new(),
            articles: Vec::new(),
            rules: Vec::new(),
            answers: map(answers),
            derived: map(derived),
            notes: Vec::new(),
            content_version: String::new(),
        }
    }

    fn t(s: &str) -> Value {
        Value::Text(s.into())
    }

    fn n(name: &str) -> Named {
        Named {
            name: name.into(),
            loc: route::model::Loc {
                file: "figures.toml".into(),
                line: 1,
            },
        }
    }

    /// The figures of the real content (content/figures.toml), written out.
    fn figures() -> Figures {
        Figures {
            weeks_at_home: vec![
                n("weken-thuis-bekend"),
                n("weken-sinds-thuis"),
                n("weken-thuis"),
            ],
            school_type: Some(n("schooltype")),
            exemption: Some(route::model::ExemptionFigures {
                status: n("vrijstelling-status"),
                proposed: n("aangeboden"),
                granted: n("heeft"),
                kind: n("vrijstelling-soort"),
                art_5a: n("5a"),
                art_11g: n("11g"),
                art_11d: n("11d"),
            }),
            maatwerk: Some(route::model::MaatwerkFigure {
                question: n("reden-thuis"),
                is: n("plan"),
            }),
            loc: n("").loc,
        }
    }

    #[test]
    fn a_record_keeps_only_what_the_tables_count() {
        let a = advice(
            &[
                ("vrijstelling-status", t("aangeboden")),
                ("vrijstelling-soort", t("5a")),
                ("schooltype", t("vo")),
                ("weken-thuis", Value::Number(3.0)),
            ],
            &[("weken-thuis-bekend", Value::Number(14.6))],
        );
        let outcome = store::StepOutcome {
            case_id: "c".into(),
            step_id: "gpo".into(),
            outcome: "gegrond".into(),
            date: Some("2027-01-02".into()),
            updated_at: 1,
        };
        let r = record(Some(&figures()), &a, vec![outcome.clone()]);
        assert_eq!(r.region.as_deref(), Some("zuid"));
        assert_eq!(r.school_type.as_deref(), Some("vo"));
        assert_eq!(r.step, "gpo");
        assert_eq!(
            r.weeks_at_home,
            Some(14),
            "the known weeks win over the estimate"
        );
        assert_eq!(
            r.exemption,
            Some(Exemption {
                kind: ExemptionKind::Art5a,
                stage: ExemptionStage::Proposed
            })
        );
        assert_eq!(r.outcomes, [("gpo".to_string(), "gegrond".to_string())]);

        let bare = record(None, &a, vec![outcome]);
        assert_eq!(
            (bare.school_type, bare.weeks_at_home, bare.exemption),
            (None, None, None),
            "without [figures] only the step, region and outcomes are known"
        );
        assert_eq!(bare.step, "gpo");
        assert_eq!(bare.outcomes, r.outcomes);
    }

    #[test]
    fn the_weeks_come_from_the_first_known_value() {
        let estimate = advice(&[("weken-thuis", Value::Number(3.0))], &[]);
        assert_eq!(
            record(Some(&figures()), &estimate, Vec::new()).weeks_at_home,
            Some(3)
        );
        let since = advice(
            &[("weken-thuis", Value::Number(3.0))],
            &[("weken-sinds-thuis", Value::Number(7.9))],
        );
        assert_eq!(
            record(Some(&figures()), &since, Vec::new()).weeks_at_home,
            Some(7)
        );
    }

    #[test]
    fn a_plan_with_fewer_hours_is_maatwerk_and_an_exemption_wins_over_it() {
        let plan = advice(&[("reden-thuis", t("plan"))], &[]);
        assert_eq!(
            record(Some(&figures()), &plan, Vec::new()).exemption,
            Some(Exemption {
                kind: ExemptionKind::Maatwerk,
                stage: ExemptionStage::Granted
            })
        );
        let both = advice(
            &[
                ("reden-thuis", t("plan")),
                ("vrijstelling-status", t("heeft")),
                ("vrijstelling-soort", t("11g")),
            ],
            &[],
        );
        assert_eq!(
            record(Some(&figures()), &both, Vec::new()).exemption,
            Some(Exemption {
                kind: ExemptionKind::Art11g,
                stage: ExemptionStage::Granted
            })
        );
        let none = advice(&[("vrijstelling-status", t("geen"))], &[]);
        let r = record(Some(&figures()), &none, Vec::new());
        assert_eq!(r.exemption, None);
        assert_eq!(r.weeks_at_home, None);
    }

    #[test]
    fn csv_fields_are_quoted_when_needed() {
        assert_eq!(field("Praat met de school"), "Praat met de school");
        assert_eq!(field("5a, voorgesteld"), "\"5a, voorgesteld\"");
        assert_eq!(field("zo \"genoemd\""), "\"zo \"\"genoemd\"\"\"");
    }
}
