//! The advice for a stored case: its latest answers, with the dates its events set, run through
//! the route engine on the app's today. Pages that show a case (caseload, reminders, figures,
//! summaries) start here so that they all agree with the case page.

use route::{Advice, Situation};

use crate::account::store_error;
use crate::app::AppState;
use crate::case_page::situation_with_events;
use crate::error::PageError;

/// The situation a case's answers make and the advice for it.
pub struct CaseAdvice {
    pub situation: Situation,
    pub advice: Advice,
}

/// The advice for the case with this id, or `None` when it has no saved answers yet.
pub async fn case_advice(state: &AppState, case_id: &str) -> Result<Option<CaseAdvice>, PageError> {
    let store = &state.store;
    let Some(latest) = store.latest_answers(case_id).await.map_err(store_error)? else {
        return Ok(None);
    };
    let events = store.events(case_id).await.map_err(store_error)?;
    let (_, situation) = situation_with_events(state, &latest.answers, &events);
    let advice = route::advise(&state.lib.k, &situation);
    Ok(Some(CaseAdvice { situation, advice }))
}
