//! The intake flow: which question comes next.
//!
//! Questions are asked in content order. A question is asked when its `ask-if` holds and it has
//! no answer yet. Because answers are kept by id, going back and changing one answer never loses
//! another: answers to questions that are no longer relevant are kept but no longer used.

use crate::condition::Value;
use crate::model::{Knowledge, Question};
use crate::situation::{self, Situation};

/// Whether a question is relevant in this situation (its `ask-if` holds).
pub fn is_relevant(k: &Knowledge, s: &Situation, q: &Question) -> bool {
    let (values, _) = situation::values(k, s);
    relevant_in(&values, q)
}

fn relevant_in(values: &crate::condition::Values, q: &Question) -> bool {
    q.ask_if.as_ref().is_none_or(|c| c.eval(values))
}

/// The next question to ask, or `None` when the intake is complete.
pub fn next_question<'k>(k: &'k Knowledge, s: &Situation) -> Option<&'k Question> {
    let (values, _) = situation::values(k, s);
    k.questions
        .iter()
        .find(|q| !s.answers.contains_key(&q.id) && relevant_in(&values, q))
}

/// The questions that are relevant to this situation and answered, in intake order: what a
/// "check your answers" page lists.
pub fn answered<'k, 's>(k: &'k Knowledge, s: &'s Situation) -> Vec<(&'k Question, &'s Value)> {
    let (values, _) = situation::values(k, s);
    k.questions
        .iter()
        .filter(|q| relevant_in(&values, q))
        .filter_map(|q| s.answers.get(&q.id).map(|v| (q, v)))
        .collect()
}
