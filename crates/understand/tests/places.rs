//! Places in a parent's words, read with the real content: a place gives the school-holiday
//! region, proposed for the region question and used for the holiday words of the same text;
//! and the checks of `[[places]]` in the content file, each with file and line.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use calendar::Region;
use jiff::civil::{Date, date};
use route::model::Knowledge;
use understand::{Proposal, Understanding};

const TODAY: Date = date(2026, 12, 7);

fn content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content")
}

static READER: LazyLock<(Knowledge, Understanding)> = LazyLock::new(|| {
    let k = route::load::load_dir_without_walk(&content()).expect("the content loads");
    let u = understand::load_dir(&content(), &k).expect("the understanding file loads");
    (k, u)
});

fn read(text: &str, region: Option<Region>) -> Vec<Proposal> {
    let (k, u) = &*READER;
    u.read(k, text, TODAY, region).expect("the text is read")
}

fn answer(proposals: &[Proposal], question: &str) -> Option<String> {
    proposals
        .iter()
        .find(|p| p.question == question)
        .map(|p| p.values.join(","))
}

#[test]
fn a_place_proposes_its_region_and_dates_its_holiday() {
    let p = read(
        "Wij wonen in Zwolle. Sinds de herfstvakantie zit hij thuis",
        None,
    );
    assert_eq!(answer(&p, "regio").as_deref(), Some("noord"));
    // Noord's autumn holiday of 2026 ended on Sunday 18 October.
    assert_eq!(answer(&p, "thuis-sinds").as_deref(), Some("2026-10-19"));
    let p = read(
        "we wonen in Maastricht, sinds de herfstvakantie zit ze thuis",
        None,
    );
    assert_eq!(answer(&p, "regio").as_deref(), Some("zuid"));
    assert_eq!(answer(&p, "thuis-sinds").as_deref(), Some("2026-10-26"));
}

#[test]
fn the_date_shows_the_place_it_was_resolved_with() {
    let text = "sinds de herfstvakantie zit hij thuis, wij komen uit Groningen";
    let p = read(text, None);
    let date = p.iter().find(|p| p.question == "thuis-sinds").unwrap();
    let words: Vec<&str> = date.spans.iter().map(|s| s.words.as_str()).collect();
    assert_eq!(
        words,
        ["sinds de herfstvakantie zit hij thuis", "uit Groningen"]
    );
    assert_eq!(date.spans[1].pattern, "plaats-noord");
    assert_eq!(date.spans[1].value, "noord");
    assert_eq!(
        &text[date.spans[1].start..date.spans[1].end],
        "uit Groningen"
    );
}

#[test]
fn a_holiday_that_is_the_same_everywhere_needs_no_place() {
    let p = read(
        "we wonen in Zwolle, sinds de kerstvakantie zit hij thuis",
        None,
    );
    let date = p.iter().find(|p| p.question == "thuis-sinds").unwrap();
    assert_eq!(date.values, ["2026-01-05"]);
    assert_eq!(date.spans.len(), 1, "only the date words: {:?}", date.spans);
}

#[test]
fn the_region_the_parent_chose_wins_for_the_dates() {
    let p = read(
        "Wij wonen in Zwolle. Sinds de herfstvakantie zit hij thuis",
        Some(Region::Midden),
    );
    assert_eq!(answer(&p, "thuis-sinds").as_deref(), Some("2026-10-26"));
    // The place is still proposed: the parent sees it only on an unanswered region question.
    assert_eq!(answer(&p, "regio").as_deref(), Some("noord"));
}

#[test]
fn places_in_two_regions_give_no_region_and_no_holiday_date() {
    let p = read(
        "we wonen in Zwolle, de school is in Utrecht. sinds de herfstvakantie zit hij thuis",
        None,
    );
    assert_eq!(answer(&p, "regio"), None);
    assert_eq!(answer(&p, "thuis-sinds"), None);
    assert_eq!(answer(&p, "gaat-naar-school").as_deref(), Some("nee"));
    // Two places in one region agree.
    let p = read("hij woont bij zijn vader in Groningen, ik in Zwolle", None);
    assert_eq!(answer(&p, "regio").as_deref(), Some("noord"));
}

#[test]
fn a_bare_name_or_a_negated_place_is_no_place() {
    assert_eq!(
        answer(&read("dit kan leiden tot problemen", None), "regio"),
        None
    );
    assert_eq!(
        answer(&read("Zwolle is een mooie stad", None), "regio"),
        None
    );
    let p = read(
        "we wonen niet meer in Utrecht. sinds de herfstvakantie zit hij thuis",
        None,
    );
    assert_eq!(answer(&p, "regio"), None);
    assert_eq!(answer(&p, "thuis-sinds"), None);
}

#[test]
fn a_split_province_proposes_nothing() {
    let p = read(
        "wij wonen in Gelderland en hij zit sinds de herfstvakantie thuis",
        None,
    );
    assert_eq!(answer(&p, "regio"), None);
    assert_eq!(answer(&p, "thuis-sinds"), None);
    // A city of that province still counts.
    let p = read("wij wonen in Arnhem in Gelderland", None);
    assert_eq!(answer(&p, "regio").as_deref(), Some("zuid"));
}

#[test]
fn names_are_found_as_parents_write_them() {
    for (text, region) in [
        ("Wij wonen in 's-Hertogenbosch", "zuid"),
        ("hier in Den Bosch", "zuid"),
        ("we wonen in noord holland", "noord"),
        ("in de provincie Utrecht", "midden"),
        ("wij wonen in het Westland", "midden"),
        ("in de buurt van Súdwest-Fryslân", "noord"),
        ("WIJ WONEN IN DEN HAAG", "midden"),
        ("gemeente Alphen aan den Rijn", "midden"),
    ] {
        assert_eq!(
            answer(&read(text, None), "regio").as_deref(),
            Some(region),
            "{text}"
        );
    }
}

/// The real knowledge with an understanding file of our own.
fn check(places: &str) -> Vec<String> {
    let (k, _) = &*READER;
    let text = format!("[place-words]\nbefore = [\"in\"]\n\n{places}");
    match understand::load_text(Path::new("understanding.toml"), &text, k) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn the_checker_refuses_bad_places_with_file_and_line() {
    let group = |id: &str, region: &str, confidence: &str, sources: &str, names: &str| {
        format!(
            "[[places]]\nid = \"{id}\"\nregion = \"{region}\"\nconfidence = \"{confidence}\"\nsources = [{sources}]\nnames = [{names}]\n\n"
        )
    };
    let good = "\"anp-vakantieregio-noord-2023\"";
    assert_eq!(
        check(&group("a", "noord", "V2", good, "\"zwolle\"")),
        Vec::<String>::new()
    );
    let cases = [
        (
            group("a", "oost", "V2", good, "\"zwolle\""),
            "region 'oost' is not noord, midden, zuid or verdeeld",
        ),
        (
            group("a", "noord", "V2", "\"nergens\"", "\"zwolle\""),
            "there is no source 'nergens'",
        ),
        (
            group("a", "noord", "V2", "", "\"zwolle\""),
            "cites no source",
        ),
        (
            group(
                "a",
                "noord",
                "V2",
                "\"rijksoverheid-regios-schoolvakanties\"",
                "\"zwolle\"",
            ),
            "every source it cites is unverified",
        ),
        (
            group("a", "noord", "V2", good, "\"Zwolle\""),
            "write 'Zwolle' as the normalised text has it",
        ),
        (group("a", "noord", "V2", good, ""), "names is empty"),
        (
            group("a", "noord", "V2", good, "\"zwolle\"")
                + &group("b", "zuid", "V2", good, "\"zwolle\""),
            "'zwolle' is also in places 'a'",
        ),
        (
            group("zit-thuis", "noord", "V2", good, "\"zwolle\"")
                + "[[pattern]]\nid = \"zit-thuis\"\nquestion = \"gaat-naar-school\"\nvalue = \"nee\"\nregex = 'zit thuis'\n",
            "the id is used twice",
        ),
    ];
    for (file, expected) in cases {
        let errors = check(&file);
        assert!(
            errors
                .iter()
                .any(|e| e.contains(expected) && e.starts_with("understanding.toml:")),
            "expected '{expected}' in {errors:?}"
        );
    }
    // Without words before a place name, no place can be read.
    let (k, _) = &*READER;
    let text = group("a", "noord", "V2", good, "\"zwolle\"");
    let errors = understand::load_text(Path::new("understanding.toml"), &text, k).unwrap_err();
    assert!(
        errors[0].message.contains("[place-words] before"),
        "{errors:?}"
    );
}
