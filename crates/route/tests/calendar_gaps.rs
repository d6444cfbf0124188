//! Dates outside the school-holiday tables: the advice says what it does not know, and never
//! guesses a summer holiday.

use std::path::Path;

use route::condition::Value;

fn knowledge() -> route::Knowledge {
    route::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
        .unwrap_or_else(|e| panic!("{}", e[0]))
}

#[test]
fn a_year_without_holiday_data_is_named_and_no_summer_date_is_made_up() {
    let k = knowledge();
    let text = "today = 2030-03-10\nregion = \"zuid\"\nprobleem = [\"geen-plek\"]\n";
    let s = route::situation::from_toml(&k, text).unwrap();
    let a = route::advise(&k, &s);
    assert!(
        a.notes
            .iter()
            .any(|n| n.contains("geen schoolvakantiegegevens voor 2029-2030, regio zuid")),
        "notes: {:?}",
        a.notes
    );
    assert!(
        !a.derived.values().any(|v| matches!(v, Value::Date(_))),
        "no derived date may be guessed: {:?}",
        a.derived
    );
}

#[test]
fn a_year_with_holiday_data_gives_the_summer_start_of_the_region() {
    let k = knowledge();
    let s = route::situation::from_toml(&k, "today = 2027-06-20\nregion = \"midden\"\n").unwrap();
    let a = route::advise(&k, &s);
    assert!(a.notes.is_empty(), "{:?}", a.notes);
    assert!(
        a.derived
            .values()
            .any(|v| *v == Value::Date(jiff::civil::date(2027, 7, 17))),
        "{:?}",
        a.derived
    );
}

#[test]
fn warnings_come_most_serious_first() {
    let k = knowledge();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    for entry in std::fs::read_dir(dir).unwrap() {
        let table: toml::Table =
            toml::from_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap()).unwrap();
        let s = route::situation::from_toml(
            &k,
            &toml::to_string(table["situation"].as_table().unwrap()).unwrap(),
        )
        .unwrap();
        let a = route::advise(&k, &s);
        let severities: Vec<_> = a
            .warnings
            .iter()
            .map(|w| k.warning(&w.id).unwrap().severity)
            .collect();
        let mut sorted = severities.clone();
        sorted.sort();
        assert_eq!(severities, sorted);
    }
}
