//! Anonymous figures for the parents' organisation: how many families are at which route step,
//! how long children have been at home, which exemptions were proposed or granted, and how
//! procedures ended. Pure: plain records in, tables of counts out, with small groups hidden.
//!
//! # Input and output
//!
//! Each family (case) is one [`Record`] without names or ids. [`Release::new`] counts them into
//! four tables ([`TableKind`]). Every table is made of blocks; every block is a *partition* of
//! the families in view: each family is counted in exactly one cell of every block (a "none" or
//! "other" cell makes that true), so the cells of a block add up to the view's total. A view is
//! "all families" or the families with one value of one [`Dimension`] (a region, a school type).
//!
//! # Disclosure control
//!
//! `MIN_GROUP` is 5. The rules below make sure that nothing on the page or in the CSV points at
//! a group of 1 to 4 families, also not by subtracting one shown figure from another.
//!
//! 1. **Zero is shown.** A cell of 0 names nobody, and hiding zeros as well would hide most of a
//!    small organisation's tables. A view itself always has at least 5 families (rule 4), so a
//!    0 never says something about fewer than 5 families.
//! 2. **Primary suppression.** A cell with 1 to 4 families is hidden.
//! 3. **Secondary suppression.** Per block, the hidden cells together hold the block total minus
//!    the shown cells, so anyone can work that out. The hidden cells of a block must therefore
//!    together hold 0 or at least 5 families, and when a cell of 1 to 4 is hidden, at least two
//!    hidden cells must hold families (so the remainder is not that one cell). While this does
//!    not hold, the smallest non-zero shown cell of the block is hidden too.
//! 4. **Filters (differencing).** The values of a dimension split all families into parts, plus
//!    the *rest* (no or an unknown value). A value is offered as a filter only when its part has
//!    at least 5 families, and the families outside the offered values together are 0 or at least
//!    5; while they are 1 to 4, the smallest offered value is dropped into the rest. With fewer
//!    than 5 families in total nothing is shown at all.
//! 5. **Cells across filters.** For one dimension, a cell is hidden in *every* offered view of
//!    that dimension, or shown in every one. It is shown only when it is shown in the all view,
//!    and its count is 0 or at least 5 in every offered part and in the rest. Rule 3 is then
//!    applied to every offered part and to the rest with this one shared set of hidden cells,
//!    until nothing changes.
//!
//! Why this is enough: for a cell shown in the all view and in a set T of offered views, the all
//! figure minus the figures of T is the sum of the other parts and the rest, each 0 or at least
//! 5, so the difference is 0 or at least 5. The same holds for totals (rule 4) and for the
//! hidden remainder of a block (rule 3 is kept in every part and in the rest). Two views of
//! different values do not nest, and views of two dimensions are never combined, so there is no
//! intersection to subtract. The property tests check these claims on random data.
//!
//! The rules protect one release. Two releases made at different times (before and after a family
//! moved on a step) can differ by fewer than 5; the figures are therefore for the organisation's
//! coordinators, not for publication.

use std::collections::BTreeSet;

/// The smallest group of families a figure may be about.
pub const MIN_GROUP: u64 = 5;

/// The key of the "other" cell: a value the catalog does not know.
pub const OTHER: &str = "anders";
/// The key of the "none" cell: no exemption, or no outcome recorded for a procedure.
pub const NONE: &str = "geen";
/// The weeks-at-home bands, as cell keys; the first is "not at home, or not known".
pub const WEEK_BANDS: [&str; 6] = [
    "niet-thuis-of-onbekend",
    "0-4",
    "5-12",
    "13-26",
    "27-52",
    "53-meer",
];

/// A way to split the families for a filter. One at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Dimension {
    Region,
    SchoolType,
}

impl Dimension {
    pub const ALL: [Dimension; 2] = [Dimension::Region, Dimension::SchoolType];

    /// The id used in URLs and CSV files.
    pub fn id(self) -> &'static str {
        match self {
            Dimension::Region => "regio",
            Dimension::SchoolType => "schooltype",
        }
    }

    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.id() == s)
    }
}

/// The kind of an exemption from compulsory education, or the part-time alternative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExemptionKind {
    /// Leerplichtwet article 5a: not enrolled at all.
    Art5a,
    /// Article 11g: enrolled, but (partly) exempt from attending.
    Art11g,
    /// Article 11d: exempt because of illness.
    Art11d,
    /// Maatwerk in onderwijstijd: fewer hours by an agreed plan, no exemption.
    Maatwerk,
    /// The parent does not know which one.
    Unknown,
}

impl ExemptionKind {
    pub const ALL: [ExemptionKind; 5] = [
        ExemptionKind::Art5a,
        ExemptionKind::Art11g,
        ExemptionKind::Art11d,
        ExemptionKind::Maatwerk,
        ExemptionKind::Unknown,
    ];

    pub fn id(self) -> &'static str {
        match self {
            ExemptionKind::Art5a => "5a",
            ExemptionKind::Art11g => "11g",
            ExemptionKind::Art11d => "11d",
            ExemptionKind::Maatwerk => "maatwerk",
            ExemptionKind::Unknown => "onbekend",
        }
    }
}

/// How far an exemption got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ExemptionStage {
    /// Someone proposed it; the family does not have it (yet).
    Proposed,
    /// The family has it.
    Granted,
}

impl ExemptionStage {
    pub const ALL: [ExemptionStage; 2] = [ExemptionStage::Proposed, ExemptionStage::Granted];

    pub fn id(self) -> &'static str {
        match self {
            ExemptionStage::Proposed => "voorgesteld",
            ExemptionStage::Granted => "toegekend",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exemption {
    pub kind: ExemptionKind,
    pub stage: ExemptionStage,
}

/// The cell key of an exemption: `kind.stage`, for example `5a.voorgesteld`.
pub fn exemption_key(kind: ExemptionKind, stage: ExemptionStage) -> String {
    format!("{}.{}", kind.id(), stage.id())
}

/// One family, without anything that names it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub region: Option<String>,
    pub school_type: Option<String>,
    /// The current route step id.
    pub step: String,
    /// Whole weeks the child has not (or only partly) gone to school; `None` when the child goes
    /// to school or the parent did not say.
    pub weeks_at_home: Option<u32>,
    pub exemption: Option<Exemption>,
    /// Recorded results, as (step id, outcome id). At most one per step counts (the first).
    pub outcomes: Vec<(String, String)>,
}

impl Record {
    pub fn value(&self, d: Dimension) -> Option<&str> {
        match d {
            Dimension::Region => self.region.as_deref(),
            Dimension::SchoolType => self.school_type.as_deref(),
        }
    }
}

/// A step that has recorded outcomes, and their ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Procedure {
    pub step: String,
    pub outcomes: Vec<String>,
}

/// The rows the tables have, fixed by the content and never by the data: a row that appears only
/// when some family has it would itself say that such a family exists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalog {
    /// Route step ids in route order.
    pub steps: Vec<String>,
    pub procedures: Vec<Procedure>,
    pub regions: Vec<String>,
    pub school_types: Vec<String>,
}

impl Catalog {
    /// The values of a dimension that can become filters.
    pub fn values(&self, d: Dimension) -> &[String] {
        match d {
            Dimension::Region => &self.regions,
            Dimension::SchoolType => &self.school_types,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// Families per current route step.
    Steps,
    /// Families per band of weeks at home ([`WEEK_BANDS`]).
    WeeksAtHome,
    /// Families per exemption kind and stage, and with none.
    Exemptions,
    /// Per procedure (a block each): families per recorded outcome, and with none.
    Outcomes,
}

impl TableKind {
    pub const ALL: [TableKind; 4] = [
        TableKind::Steps,
        TableKind::WeeksAtHome,
        TableKind::Exemptions,
        TableKind::Outcomes,
    ];

    pub fn id(self) -> &'static str {
        match self {
            TableKind::Steps => "stappen",
            TableKind::WeeksAtHome => "weken-thuis",
            TableKind::Exemptions => "vrijstellingen",
            TableKind::Outcomes => "uitkomsten",
        }
    }
}

/// One figure: `None` when it is hidden.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub key: String,
    pub count: Option<u64>,
}

/// Cells that together count every family in the view once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The procedure step id in the outcomes table; empty in the others.
    pub key: String,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub kind: TableKind,
    pub blocks: Vec<Block>,
}

/// One filter: a dimension and one of its values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Filter {
    pub dimension: Dimension,
    pub value: String,
}

/// The figures for all families or for one filter, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub filter: Option<Filter>,
    /// The number of families in the view; always at least [`MIN_GROUP`].
    pub total: u64,
    pub tables: Vec<Table>,
}

impl View {
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }
}

/// Every view the page can show, computed together so that their hidden cells agree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    all: Option<View>,
    views: Vec<View>,
}

impl Release {
    /// Counts and protects. Nothing is shown when there are fewer than [`MIN_GROUP`] families.
    pub fn new(catalog: &Catalog, records: &[Record]) -> Release {
        let layout = Layout::new(catalog);
        let places: Vec<Vec<usize>> = records.iter().map(|r| layout.place(r)).collect();
        let total = records.len() as u64;
        if total < MIN_GROUP {
            return Release {
                all: None,
                views: Vec::new(),
            };
        }
        let all_counts = layout.count(places.iter());
        let mut all_hidden = primary(&all_counts);
        for (counts, hidden) in all_counts.iter().zip(all_hidden.iter_mut()) {
            protect_block(counts, hidden);
        }
        let all = layout.view(None, total, &all_counts, &all_hidden);
        let mut views = Vec::new();
        for d in Dimension::ALL {
            views.extend(dimension_views(
                catalog,
                &layout,
                records,
                &places,
                d,
                &all_counts,
                &all_hidden,
            ));
        }
        Release {
            all: Some(all),
            views,
        }
    }

    /// The view of all families; `None` when there are too few to show anything.
    pub fn all(&self) -> Option<&View> {
        self.all.as_ref()
    }

    /// The values of `d` that may be chosen as a filter, in catalog order.
    pub fn offered(&self, d: Dimension) -> Vec<&str> {
        self.views
            .iter()
            .filter_map(|v| v.filter.as_ref())
            .filter(|f| f.dimension == d)
            .map(|f| f.value.as_str())
            .collect()
    }

    /// The view for a filter (`None`: all families). `None` when that filter is not offered.
    pub fn view(&self, filter: Option<&Filter>) -> Option<&View> {
        match filter {
            None => self.all(),
            Some(f) => self.views.iter().find(|v| v.filter.as_ref() == Some(f)),
        }
    }

    /// Every filtered view.
    pub fn filtered_views(&self) -> &[View] {
        &self.views
    }
}

fn is_small(n: u64) -> bool {
    (1..MIN_GROUP).contains(&n)
}

/// Counts per block per cell.
type Counts = Vec<Vec<u64>>;
/// Hidden flags per block per cell.
type Hidden = Vec<Vec<bool>>;

fn primary(counts: &Counts) -> Hidden {
    counts
        .iter()
        .map(|b| b.iter().map(|&n| is_small(n)).collect())
        .collect()
}

/// Rule 3 for one block of one view: hides more cells until the hidden remainder is 0 or at
/// least `MIN_GROUP`, and is not just one hidden small cell. Returns whether it hid anything.
fn protect_block(counts: &[u64], hidden: &mut [bool]) -> bool {
    let mut changed = false;
    loop {
        let hidden_counts = counts.iter().zip(hidden.iter()).filter(|(_, h)| **h);
        let remainder: u64 = hidden_counts.clone().map(|(n, _)| n).sum();
        let non_zero = hidden_counts.clone().filter(|(n, _)| **n > 0).count();
        let has_small = hidden_counts.clone().any(|(n, _)| is_small(*n));
        let gives_away = is_small(remainder) || (has_small && non_zero < 2);
        if !gives_away {
            return changed;
        }
        // The smallest shown non-zero cell costs the reader least; the first one on a tie, so
        // that the result does not depend on anything but the counts.
        let next = counts
            .iter()
            .enumerate()
            .filter(|(i, n)| !hidden[*i] && **n > 0)
            .min_by_key(|(i, n)| (**n, *i))
            .map(|(i, _)| i);
        match next {
            Some(i) => {
                hidden[i] = true;
                changed = true;
            }
            // Cannot happen when the block total is 0 or at least MIN_GROUP (which rule 4
            // guarantees for every view): then hiding everything leaves a safe remainder.
            None => return changed,
        }
    }
}

/// Rules 4 and 5 for one dimension: the offered views, with one shared set of hidden cells.
fn dimension_views(
    catalog: &Catalog,
    layout: &Layout,
    records: &[Record],
    places: &[Vec<usize>],
    d: Dimension,
    all_counts: &Counts,
    all_hidden: &Hidden,
) -> Vec<View> {
    let values: Vec<&str> = {
        let mut seen = BTreeSet::new();
        catalog
            .values(d)
            .iter()
            .map(String::as_str)
            .filter(|v| seen.insert(*v))
            .collect()
    };
    let part_of = |r: &Record| r.value(d).and_then(|v| values.iter().position(|x| *x == v));
    let mut sizes = vec![0u64; values.len()];
    for r in records {
        if let Some(p) = part_of(r) {
            sizes[p] += 1;
        }
    }
    let total = records.len() as u64;
    let mut offered: Vec<usize> = (0..values.len())
        .filter(|&p| sizes[p] >= MIN_GROUP)
        .collect();
    loop {
        let rest = total - offered.iter().map(|&p| sizes[p]).sum::<u64>();
        if !is_small(rest) {
            break;
        }
        // Dropping the smallest part into the rest makes the rest at least MIN_GROUP.
        let Some(smallest) = offered.iter().copied().min_by_key(|&p| (sizes[p], p)) else {
            break;
        };
        offered.retain(|&p| p != smallest);
    }
    if offered.is_empty() {
        return Vec::new();
    }
    let part_counts: Vec<Counts> = offered
        .iter()
        .map(|&p| {
            layout.count(
                records
                    .iter()
                    .zip(places)
                    .filter(|(r, _)| part_of(r) == Some(p))
                    .map(|(_, pl)| pl),
            )
        })
        .collect();
    let mut rest_counts = all_counts.clone();
    for counts in &part_counts {
        for (rb, pb) in rest_counts.iter_mut().zip(counts) {
            for (r, n) in rb.iter_mut().zip(pb) {
                *r -= n;
            }
        }
    }
    let mut checked: Vec<&Counts> = part_counts.iter().collect();
    checked.push(&rest_counts);
    let mut hidden = all_hidden.clone();
    for counts in &checked {
        for (hb, cb) in hidden.iter_mut().zip(counts.iter()) {
            for (h, &n) in hb.iter_mut().zip(cb) {
                *h |= is_small(n);
            }
        }
    }
    loop {
        let mut changed = false;
        for counts in &checked {
            for (cb, hb) in counts.iter().zip(hidden.iter_mut()) {
                changed |= protect_block(cb, hb);
            }
        }
        if !changed {
            break;
        }
    }
    offered
        .iter()
        .zip(&part_counts)
        .map(|(&p, counts)| {
            let filter = Filter {
                dimension: d,
                value: values[p].to_string(),
            };
            layout.view(Some(filter), sizes[p], counts, &hidden)
        })
        .collect()
}

/// The blocks of all tables, in order, with their cell keys.
struct Layout {
    blocks: Vec<BlockDef>,
}

struct BlockDef {
    table: TableKind,
    key: String,
    cells: Vec<String>,
}

impl Layout {
    fn new(catalog: &Catalog) -> Layout {
        let mut blocks = Vec::new();
        // A content id equal to a key of our own would make two rows with one key; such an id
        // is counted under "other".
        let own = |id: &&String| id.as_str() != OTHER && id.as_str() != NONE;
        let mut steps: Vec<String> = catalog.steps.iter().filter(own).cloned().collect();
        steps.push(OTHER.to_string());
        blocks.push(BlockDef {
            table: TableKind::Steps,
            key: String::new(),
            cells: steps,
        });
        blocks.push(BlockDef {
            table: TableKind::WeeksAtHome,
            key: String::new(),
            cells: WEEK_BANDS.iter().map(|s| s.to_string()).collect(),
        });
        let mut exemptions = Vec::new();
        for kind in ExemptionKind::ALL {
            for stage in ExemptionStage::ALL {
                exemptions.push(exemption_key(kind, stage));
            }
        }
        exemptions.push(NONE.to_string());
        blocks.push(BlockDef {
            table: TableKind::Exemptions,
            key: String::new(),
            cells: exemptions,
        });
        for p in &catalog.procedures {
            let mut cells: Vec<String> = p.outcomes.iter().filter(own).cloned().collect();
            cells.push(OTHER.to_string());
            cells.push(NONE.to_string());
            blocks.push(BlockDef {
                table: TableKind::Outcomes,
                key: p.step.clone(),
                cells,
            });
        }
        Layout { blocks }
    }

    /// The cell of every block that this family counts in.
    fn place(&self, r: &Record) -> Vec<usize> {
        self.blocks
            .iter()
            .map(|b| {
                let find = |key: &str| b.cells.iter().position(|c| c == key);
                let other = || find(OTHER).unwrap_or(0);
                match b.table {
                    TableKind::Steps => find(&r.step).unwrap_or_else(other),
                    TableKind::WeeksAtHome => week_band(r.weeks_at_home),
                    TableKind::Exemptions => match r.exemption {
                        Some(e) => find(&exemption_key(e.kind, e.stage)).unwrap_or(0),
                        None => b.cells.len() - 1,
                    },
                    TableKind::Outcomes => {
                        match r.outcomes.iter().find(|(step, _)| *step == b.key) {
                            None => b.cells.len() - 1,
                            Some((_, outcome)) => {
                                let known = b.cells.len() - 2;
                                b.cells[..known]
                                    .iter()
                                    .position(|c| c == outcome)
                                    .unwrap_or(known)
                            }
                        }
                    }
                }
            })
            .collect()
    }

    fn count<'a>(&self, places: impl Iterator<Item = &'a Vec<usize>>) -> Counts {
        let mut counts: Counts = self.blocks.iter().map(|b| vec![0; b.cells.len()]).collect();
        for place in places {
            for (block, &cell) in counts.iter_mut().zip(place) {
                block[cell] += 1;
            }
        }
        counts
    }

    fn view(&self, filter: Option<Filter>, total: u64, counts: &Counts, hidden: &Hidden) -> View {
        let mut tables: Vec<Table> = Vec::new();
        for ((def, cb), hb) in self.blocks.iter().zip(counts).zip(hidden) {
            let block = Block {
                key: def.key.clone(),
                cells: def
                    .cells
                    .iter()
                    .zip(cb.iter().zip(hb))
                    .map(|(key, (&n, &h))| Cell {
                        key: key.clone(),
                        count: (!h).then_some(n),
                    })
                    .collect(),
            };
            match tables.iter_mut().find(|t| t.kind == def.table) {
                Some(t) => t.blocks.push(block),
                None => tables.push(Table {
                    kind: def.table,
                    blocks: vec![block],
                }),
            }
        }
        View {
            filter,
            total,
            tables,
        }
    }
}

/// The index in [`WEEK_BANDS`] for a number of weeks.
pub fn week_band(weeks: Option<u32>) -> usize {
    match weeks {
        None => 0,
        Some(0..=4) => 1,
        Some(5..=12) => 2,
        Some(13..=26) => 3,
        Some(27..=52) => 4,
        Some(_) => 5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog {
            steps: vec!["praten".into(), "swv".into(), "gpo".into()],
            procedures: vec![Procedure {
                step: "gpo".into(),
                outcomes: vec!["gegrond".into(), "ongegrond".into()],
            }],
            regions: vec!["noord".into(), "midden".into(), "zuid".into()],
            school_types: vec!["po".into(), "vo".into()],
        }
    }

    fn family(region: &str, step: &str) -> Record {
        Record {
            region: Some(region.into()),
            school_type: Some("po".into()),
            step: step.into(),
            ..Record::default()
        }
    }

    fn cell(view: &View, kind: TableKind, key: &str) -> Option<u64> {
        view.table(kind).unwrap().blocks[0]
            .cells
            .iter()
            .find(|c| c.key == key)
            .unwrap()
            .count
    }

    #[test]
    fn fewer_than_five_families_show_nothing() {
        let records: Vec<Record> = (0..4).map(|_| family("noord", "praten")).collect();
        let release = Release::new(&catalog(), &records);
        assert!(release.all().is_none());
        assert!(release.offered(Dimension::Region).is_empty());
    }

    #[test]
    fn a_small_cell_is_hidden_with_a_second_one() {
        // 7 at "praten", 6 at "swv", 2 at "gpo": "gpo" is hidden, and since the total minus the
        // shown cells would give it away, the smallest other cell goes too.
        let mut records: Vec<Record> = Vec::new();
        records.extend((0..7).map(|_| family("noord", "praten")));
        records.extend((0..6).map(|_| family("noord", "swv")));
        records.extend((0..2).map(|_| family("noord", "gpo")));
        let release = Release::new(&catalog(), &records);
        let all = release.all().unwrap();
        assert_eq!(all.total, 15);
        assert_eq!(cell(all, TableKind::Steps, "gpo"), None);
        assert_eq!(cell(all, TableKind::Steps, "swv"), None);
        assert_eq!(cell(all, TableKind::Steps, "praten"), Some(7));
        assert_eq!(cell(all, TableKind::Steps, OTHER), Some(0));
    }

    #[test]
    fn a_region_of_three_families_takes_the_other_region_filter_with_it() {
        // 12 in noord and 3 in zuid: zuid is too small, and "all minus noord" would be 3.
        let mut records: Vec<Record> = Vec::new();
        records.extend((0..12).map(|_| family("noord", "praten")));
        records.extend((0..3).map(|_| family("zuid", "praten")));
        let release = Release::new(&catalog(), &records);
        assert_eq!(release.all().unwrap().total, 15);
        assert!(release.offered(Dimension::Region).is_empty());
        let noord = Filter {
            dimension: Dimension::Region,
            value: "noord".into(),
        };
        assert!(release.view(Some(&noord)).is_none());
        // All families have the same school type, so that filter is offered and equals all.
        assert_eq!(release.offered(Dimension::SchoolType), vec!["po"]);
    }

    #[test]
    fn a_cell_whose_complement_is_small_is_hidden_in_the_filtered_view() {
        // noord: 6 praten, 5 swv; midden: 6 praten, 2 swv, 3 gpo. All: 12 praten, 7 swv, 3 gpo.
        let mut records: Vec<Record> = Vec::new();
        records.extend((0..6).map(|_| family("noord", "praten")));
        records.extend((0..5).map(|_| family("noord", "swv")));
        records.extend((0..6).map(|_| family("midden", "praten")));
        records.extend((0..2).map(|_| family("midden", "swv")));
        records.extend((0..3).map(|_| family("midden", "gpo")));
        let release = Release::new(&catalog(), &records);
        assert_eq!(release.offered(Dimension::Region), vec!["noord", "midden"]);
        let noord = release
            .view(Some(&Filter {
                dimension: Dimension::Region,
                value: "noord".into(),
            }))
            .unwrap();
        assert_eq!(noord.total, 11);
        // "swv" is 7 in all and 5 in noord: showing both would give midden's 2.
        assert_eq!(cell(noord, TableKind::Steps, "swv"), None);
        assert_eq!(cell(noord, TableKind::Steps, "praten"), Some(6));
    }

    #[test]
    fn a_content_id_like_our_own_keys_counts_as_other() {
        let mut c = catalog();
        c.steps.push(OTHER.into());
        c.procedures[0].outcomes.push(NONE.into());
        let records: Vec<Record> = (0..5)
            .map(|_| {
                let mut r = family("noord", OTHER);
                r.outcomes = vec![("gpo".into(), NONE.into())];
                r
            })
            .collect();
        let all = Release::new(&c, &records).all().unwrap().clone();
        let steps = &all.table(TableKind::Steps).unwrap().blocks[0];
        assert_eq!(steps.cells.iter().filter(|c| c.key == OTHER).count(), 1);
        assert_eq!(cell(&all, TableKind::Steps, OTHER), Some(5));
        let gpo = &all.table(TableKind::Outcomes).unwrap().blocks[0];
        let other = gpo.cells.iter().find(|c| c.key == OTHER).unwrap();
        let none = gpo.cells.iter().find(|c| c.key == NONE).unwrap();
        assert_eq!((other.count, none.count), (Some(5), Some(0)));
    }

    #[test]
    fn records_land_in_the_right_cells() {
        let mut records: Vec<Record> = (0..5).map(|_| family("noord", "gpo")).collect();
        for r in &mut records {
            r.weeks_at_home = Some(30);
            r.exemption = Some(Exemption {
                kind: ExemptionKind::Art5a,
                stage: ExemptionStage::Proposed,
            });
            r.outcomes = vec![("gpo".into(), "gegrond".into())];
        }
        let release = Release::new(&catalog(), &records);
        let all = release.all().unwrap();
        assert_eq!(cell(all, TableKind::WeeksAtHome, "27-52"), Some(5));
        assert_eq!(cell(all, TableKind::Exemptions, "5a.voorgesteld"), Some(5));
        assert_eq!(cell(all, TableKind::Exemptions, NONE), Some(0));
        let outcomes = all.table(TableKind::Outcomes).unwrap();
        assert_eq!(outcomes.blocks[0].key, "gpo");
        assert_eq!(outcomes.blocks[0].cells[0].count, Some(5));
    }
}
