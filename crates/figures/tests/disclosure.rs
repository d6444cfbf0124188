//! The disclosure rules on random data: every shown figure is 0 or at least 5, subtracting the
//! figures of nested filters never gives 1 to 4, and hidden cells cannot be worked out from a
//! block's total.

use std::collections::BTreeMap;

use figures::{
    Catalog, Dimension, Exemption, ExemptionKind, ExemptionStage, Filter, MIN_GROUP, NONE, OTHER,
    Procedure, Record, Release, TableKind, View, WEEK_BANDS, exemption_key, week_band,
};
use proptest::prelude::*;

fn catalog() -> Catalog {
    Catalog {
        steps: vec!["a".into(), "b".into(), "c".into()],
        procedures: vec![
            Procedure {
                step: "b".into(),
                outcomes: vec!["x".into(), "y".into()],
            },
            Procedure {
                step: "c".into(),
                outcomes: vec!["z".into()],
            },
        ],
        regions: vec!["noord".into(), "midden".into(), "zuid".into()],
        school_types: vec!["po".into(), "vo".into()],
    }
}

fn ok(n: u64) -> bool {
    n == 0 || n >= MIN_GROUP
}

fn record() -> impl Strategy<Value = Record> {
    let region = prop::sample::select(vec![None, Some("noord"), Some("midden"), Some("zuid")]);
    // Skewed so that both small and large parts happen.
    let school = prop::sample::select(vec![Some("po"), Some("po"), Some("vo"), None, Some("xx")]);
    let step = prop::sample::select(vec!["a", "a", "b", "c", "onbekend"]);
    let weeks = prop::option::of(0u32..80);
    let exemption = prop::option::of((0usize..5, any::<bool>()));
    let outcomes = (
        prop::option::of(prop::sample::select(vec!["x", "y", "w"])),
        any::<bool>(),
    );
    (region, school, step, weeks, exemption, outcomes).prop_map(
        |(region, school, step, weeks, exemption, (b, c))| {
            let mut outcomes = Vec::new();
            if let Some(o) = b {
                outcomes.push(("b".to_string(), o.to_string()));
            }
            if c {
                outcomes.push(("c".to_string(), "z".to_string()));
            }
            Record {
                region: region.map(str::to_string),
                school_type: school.map(str::to_string),
                step: step.to_string(),
                weeks_at_home: weeks,
                exemption: exemption.map(|(k, granted)| Exemption {
                    kind: ExemptionKind::ALL[k],
                    stage: if granted {
                        ExemptionStage::Granted
                    } else {
                        ExemptionStage::Proposed
                    },
                }),
                outcomes,
            }
        },
    )
}

/// The true count of every cell, worked out here without the crate's own counting: keyed by
/// (table, block, cell).
fn true_counts(
    catalog: &Catalog,
    records: &[&Record],
) -> BTreeMap<(TableKind, String, String), u64> {
    let mut counts = BTreeMap::new();
    for r in records {
        let step = if catalog.steps.contains(&r.step) {
            r.step.clone()
        } else {
            OTHER.to_string()
        };
        *counts
            .entry((TableKind::Steps, String::new(), step))
            .or_default() += 1;
        *counts
            .entry((
                TableKind::WeeksAtHome,
                String::new(),
                WEEK_BANDS[week_band(r.weeks_at_home)].to_string(),
            ))
            .or_default() += 1;
        let exemption = match r.exemption {
            Some(e) => exemption_key(e.kind, e.stage),
            None => NONE.to_string(),
        };
        *counts
            .entry((TableKind::Exemptions, String::new(), exemption))
            .or_default() += 1;
        for p in &catalog.procedures {
            let cell = match r.outcomes.iter().find(|(s, _)| *s == p.step) {
                None => NONE.to_string(),
                Some((_, o)) if p.outcomes.contains(o) => o.clone(),
                Some(_) => OTHER.to_string(),
            };
            *counts
                .entry((TableKind::Outcomes, p.step.clone(), cell))
                .or_default() += 1;
        }
    }
    counts
}

/// Every cell of a view, keyed as in [`true_counts`], with its shown count.
fn cells(view: &View) -> BTreeMap<(TableKind, String, String), Option<u64>> {
    let mut out = BTreeMap::new();
    for t in &view.tables {
        for b in &t.blocks {
            for c in &b.cells {
                out.insert((t.kind, b.key.clone(), c.key.clone()), c.count);
            }
        }
    }
    out
}

fn in_view(r: &Record, filter: Option<&Filter>) -> bool {
    match filter {
        None => true,
        Some(f) => r.value(f.dimension) == Some(f.value.as_str()),
    }
}

/// Every view the page can show: all families, and each offered filter.
fn views(release: &Release) -> Vec<&View> {
    let mut out: Vec<&View> = release.all().into_iter().collect();
    out.extend(release.filtered_views());
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn shown_figures_are_zero_or_at_least_five(records in prop::collection::vec(record(), 0..60)) {
        let release = Release::new(&catalog(), &records);
        if records.len() < MIN_GROUP as usize {
            prop_assert!(release.all().is_none());
        }
        for view in views(&release) {
            prop_assert!(view.total >= MIN_GROUP);
            for (key, count) in cells(view) {
                if let Some(n) = count {
                    prop_assert!(ok(n), "{key:?} shows {n}");
                }
            }
        }
    }

    #[test]
    fn shown_figures_are_true(records in prop::collection::vec(record(), 0..60)) {
        let catalog = catalog();
        let release = Release::new(&catalog, &records);
        for view in views(&release) {
            let members: Vec<&Record> =
                records.iter().filter(|r| in_view(r, view.filter.as_ref())).collect();
            prop_assert_eq!(view.total, members.len() as u64);
            let truth = true_counts(&catalog, &members);
            for (key, count) in cells(view) {
                if let Some(n) = count {
                    prop_assert_eq!(n, truth.get(&key).copied().unwrap_or(0), "{:?}", key);
                }
            }
        }
    }

    #[test]
    fn hidden_cells_cannot_be_worked_out_from_a_block_total(
        records in prop::collection::vec(record(), 0..60),
    ) {
        let catalog = catalog();
        let release = Release::new(&catalog, &records);
        for view in views(&release) {
            let members: Vec<&Record> =
                records.iter().filter(|r| in_view(r, view.filter.as_ref())).collect();
            let truth = true_counts(&catalog, &members);
            for t in &view.tables {
                for b in &t.blocks {
                    let shown: u64 = b.cells.iter().filter_map(|c| c.count).sum();
                    let remainder = view.total - shown;
                    prop_assert!(ok(remainder), "{:?}/{} leaves {remainder}", t.kind, b.key);
                    let hidden: Vec<u64> = b
                        .cells
                        .iter()
                        .filter(|c| c.count.is_none())
                        .map(|c| truth.get(&(t.kind, b.key.clone(), c.key.clone())).copied().unwrap_or(0))
                        .collect();
                    if hidden.iter().any(|&n| !ok(n)) {
                        let non_zero = hidden.iter().filter(|&&n| n > 0).count();
                        prop_assert!(non_zero >= 2, "{:?}/{}: one small hidden cell is the remainder", t.kind, b.key);
                    }
                }
            }
        }
    }

    /// All families minus any set of shown views of one dimension (one filter is the common
    /// case) never gives a group of 1 to 4, for totals, for shown cells, and for the hidden
    /// remainder of a block.
    #[test]
    fn differences_of_nested_filters_are_zero_or_at_least_five(
        records in prop::collection::vec(record(), 0..60),
    ) {
        let release = Release::new(&catalog(), &records);
        let Some(all) = release.all() else { return Ok(()); };
        let all_cells = cells(all);
        for d in Dimension::ALL {
            let offered: Vec<&View> = release
                .offered(d)
                .into_iter()
                .map(|v| {
                    release
                        .view(Some(&Filter { dimension: d, value: v.to_string() }))
                        .expect("an offered filter has a view")
                })
                .collect();
            for mask in 1u32..(1 << offered.len()) {
                let subset: Vec<&View> = offered
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| mask & (1 << i) != 0)
                    .map(|(_, v)| *v)
                    .collect();
                let total_rest = all.total - subset.iter().map(|v| v.total).sum::<u64>();
                prop_assert!(ok(total_rest), "{d:?}: totals differ by {total_rest}");
                let subset_cells: Vec<_> = subset.iter().map(|v| cells(v)).collect();
                let mut block_rest: BTreeMap<(TableKind, String), u64> = BTreeMap::new();
                for (key, count) in &all_cells {
                    let Some(n_all) = count else { continue };
                    let parts: Option<Vec<u64>> =
                        subset_cells.iter().map(|c| c[key]).collect();
                    let Some(parts) = parts else { continue };
                    let rest = n_all - parts.iter().sum::<u64>();
                    prop_assert!(ok(rest), "{d:?} {key:?}: cells differ by {rest}");
                    *block_rest.entry((key.0, key.1.clone())).or_default() += rest;
                }
                // What is left of the rest's families after the cells that are shown everywhere.
                for (block, shown_rest) in block_rest {
                    let hidden_rest = total_rest - shown_rest;
                    prop_assert!(ok(hidden_rest), "{d:?} {block:?}: hidden rest {hidden_rest}");
                }
            }
        }
    }
}

/// A hand-made set: 12 families in one region and 3 in another.
#[test]
fn twelve_and_three_offers_no_region_and_hides_nothing_wrong() {
    let mut records = Vec::new();
    for i in 0..15 {
        records.push(Record {
            region: Some(if i < 12 { "noord" } else { "zuid" }.into()),
            school_type: Some(if i % 2 == 0 { "po" } else { "vo" }.into()),
            step: if i < 10 { "a" } else { "b" }.into(),
            weeks_at_home: Some(i * 3),
            ..Record::default()
        });
    }
    let release = Release::new(&catalog(), &records);
    let all = release.all().unwrap();
    assert_eq!(all.total, 15);
    assert!(release.offered(Dimension::Region).is_empty());
    // 8 po and 7 vo: both offered.
    assert_eq!(release.offered(Dimension::SchoolType), vec!["po", "vo"]);
    let steps = &all.table(TableKind::Steps).unwrap().blocks[0];
    let a = steps.cells.iter().find(|c| c.key == "a").unwrap();
    let b = steps.cells.iter().find(|c| c.key == "b").unwrap();
    assert_eq!((a.count, b.count), (Some(10), Some(5)));
}
