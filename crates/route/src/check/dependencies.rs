//! Which questions a value depends on, for the order checks and for the intake walk.

use std::collections::BTreeSet;

use crate::model::{Derivation, Knowledge};

/// The questions a value depends on: itself, or what a derived value is computed from.
pub(super) fn deps_of(k: &Knowledge, id: &str, out: &mut BTreeSet<String>, depth: usize) {
    // Derived values may only use earlier ones (checked), so depth is bounded; stay safe anyway.
    if depth > 32 {
        return;
    }
    if k.question(id).is_some() {
        out.insert(id.to_string());
    } else if let Some(d) = k.derived_value(id) {
        match &d.how {
            Derivation::WeeksSince(q) => deps_of(k, q, out, depth + 1),
            Derivation::WeeksUntilSummer | Derivation::SummerStart => {
                for q in k.questions.iter().filter(|q| q.sets_region) {
                    out.insert(q.id.clone());
                }
            }
            Derivation::FirstOf(list) => list.iter().for_each(|x| deps_of(k, x, out, depth + 1)),
            Derivation::When(c) => c
                .names()
                .into_iter()
                .for_each(|x| deps_of(k, x, out, depth + 1)),
        }
    }
}
