//! The addresses of the app's pages, in one place, so that an area can link to another
//! area's page without knowing its internals; and the small views of a link that several
//! pages show (a source, an organisation).

use route::situation::Situation;

use crate::http::state::AppState;

/// A source as a page cites it.
pub struct SourceLink {
    pub title: String,
    pub url: Option<String>,
    /// "niet gecontroleerd" / "bronnen spreken elkaar tegen" for M and C sources.
    pub marker: Option<String>,
}

/// An organisation as a step names it.
pub struct WhoLink {
    pub name: String,
    pub short: String,
    pub href: String,
}

/// The knowledge page of a route step.
pub fn step_url(id: &str) -> String {
    format!("/kennis/stappen/{id}")
}

/// The knowledge page of an organisation.
pub fn organisation_url(id: &str) -> String {
    format!("/kennis/organisaties/{id}")
}

/// A term on the glossary page.
pub fn glossary_url(id: &str) -> String {
    format!("/begrippen#{id}")
}

/// The page of an article.
pub fn article_url(id: &str) -> String {
    format!("/kennis/artikelen/{id}")
}

/// The page of a letter.
pub fn letter_url(id: &str) -> String {
    format!("/brieven/{id}")
}

/// A letter filled from a case.
pub fn case_letter_url(case_id: &str, letter_id: &str) -> String {
    format!("/dossiers/{case_id}/brieven/{letter_id}")
}

/// The intake's check page, where it ends.
pub const CHECK_PAGE: &str = "/controle";

/// Where the intake goes next: the first unanswered question, the region, or the check page.
pub fn next_location(state: &AppState, s: &Situation) -> String {
    let k = &state.lib.k;
    if let Some(q) = route::intake::next_question(k, s) {
        return format!("/vragen/{}", q.id);
    }
    if !state.lib.asks_region && s.region.is_none() {
        return "/regio".into();
    }
    CHECK_PAGE.to_string()
}
