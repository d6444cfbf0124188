//! Bad holiday files give `file:line: message` errors.

use std::path::PathBuf;

use calendar::{HolidayFileError, SchoolCalendar};

/// A valid 2027-2028 table to break in one place per test.
const GOOD: &str = r#"school-year = "2027-2028"
sources = ["rijksoverheid-schoolvakanties-2027-2028"]
confidence = "V"

[[holiday]]
kind = "kerst"
regions = ["noord", "midden", "zuid"]
start = 2027-12-25
end = 2028-01-09
binding = true

[[holiday]]
kind = "zomer"
regions = ["noord", "midden", "zuid"]
start = 2028-07-15
end = 2028-08-27
binding = true
"#;

fn load(name: &str, text: &str) -> Result<SchoolCalendar, Vec<HolidayFileError>> {
    SchoolCalendar::from_files(&[(
        PathBuf::from(format!("content/holidays/{name}")),
        text.to_string(),
    )])
}

fn errors(name: &str, text: &str) -> Vec<String> {
    load(name, text)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn good_file_loads() {
    let cal = load("2027-2028.toml", GOOD).unwrap();
    assert_eq!(cal.holidays().len(), 6);
    // The line of the entry is the line of its [[holiday]] header.
    assert_eq!(cal.holidays()[0].line, 5);
}

#[test]
fn start_not_a_saturday() {
    let text = GOOD.replace("start = 2028-07-15", "start = 2028-07-14");
    assert_eq!(
        errors("2027-2028.toml", &text),
        [
            "content/holidays/2027-2028.toml:15: start 2028-07-14 is a Friday; a school holiday starts on a Saturday"
        ]
    );
}

#[test]
fn end_not_a_sunday_and_before_start() {
    let text = GOOD.replace("end = 2028-01-09", "end = 2027-12-24");
    assert_eq!(
        errors("2027-2028.toml", &text),
        [
            "content/holidays/2027-2028.toml:8: start 2027-12-25 is after end 2027-12-24",
            "content/holidays/2027-2028.toml:9: end 2027-12-24 is a Friday; a school holiday ends on a Sunday (its last day, inclusive)",
        ]
    );
}

#[test]
fn unknown_key_is_refused_at_its_line() {
    let text = GOOD.replace(
        "binding = true\n\n[[holiday]]",
        "binding = true\nbindend = true\n\n[[holiday]]",
    );
    let errs = errors("2027-2028.toml", &text);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("content/holidays/2027-2028.toml:11: unknown field `bindend`"),
        "{}",
        errs[0]
    );
}

#[test]
fn syntax_error_has_a_line() {
    let text = GOOD.replace("kind = \"zomer\"", "kind = zomer");
    let errs = errors("2027-2028.toml", &text);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("content/holidays/2027-2028.toml:13: "),
        "{}",
        errs[0]
    );
}

#[test]
fn unknown_region_and_kind() {
    let errs = errors(
        "2027-2028.toml",
        &GOOD.replace(
            "\"noord\", \"midden\", \"zuid\"]\nstart = 2028",
            "\"noord\", \"oost\"]\nstart = 2028",
        ),
    );
    assert!(
        errs[0].starts_with("content/holidays/2027-2028.toml:14: unknown variant `oost`"),
        "{}",
        errs[0]
    );
    let errs = errors(
        "2027-2028.toml",
        &GOOD.replace("kind = \"kerst\"", "kind = \"pasen\""),
    );
    assert!(
        errs[0].starts_with("content/holidays/2027-2028.toml:6: unknown variant `pasen`"),
        "{}",
        errs[0]
    );
}

#[test]
fn school_year_must_match_file_name() {
    assert_eq!(
        errors("2026-2027.toml", GOOD),
        [
            "content/holidays/2026-2027.toml:1: school-year \"2027-2028\" does not match the file name; name the file 2027-2028.toml"
        ]
    );
}

#[test]
fn dates_outside_the_school_year() {
    let text = GOOD.replace(
        "start = 2027-12-25\nend = 2028-01-09",
        "start = 2028-12-23\nend = 2029-01-07",
    );
    assert_eq!(
        errors("2027-2028.toml", &text),
        [
            "content/holidays/2027-2028.toml:8: kerst 2028-12-23 to 2029-01-07 is not within school year 2027-2028 (2027-08-01 to 2028-07-31)"
        ]
    );
}

#[test]
fn missing_and_double_summer() {
    let no_summer = &GOOD[..GOOD.find("\n[[holiday]]\nkind = \"zomer\"").unwrap()];
    let errs = errors("2027-2028.toml", no_summer);
    assert_eq!(errs.len(), 3);
    assert_eq!(
        errs[0],
        "content/holidays/2027-2028.toml:1: region noord has no zomer holiday in 2027-2028"
    );

    let double = format!(
        "{GOOD}\n[[holiday]]\nkind = \"zomer\"\nregions = [\"zuid\"]\nstart = 2028-07-01\nend = 2028-07-09\nbinding = true\n"
    );
    let errs = errors("2027-2028.toml", &double);
    assert!(errs.contains(&"content/holidays/2027-2028.toml:19: region zuid has 2 zomer holidays in 2027-2028; exactly one is allowed".to_string()), "{errs:#?}");
}

#[test]
fn note_required_for_c_and_m() {
    let text = GOOD.replace("kind = \"kerst\"", "kind = \"kerst\"\nconfidence = \"C\"");
    assert_eq!(
        errors("2027-2028.toml", &text),
        [
            "content/holidays/2027-2028.toml:5: note is required when confidence is C: say what is uncertain and which other dates were seen"
        ]
    );
    let with_note = text.replace(
        "confidence = \"C\"",
        "confidence = \"C\"\nnote = \"Ook 18 december gezien.\"\nnote-en = \"Also seen: 18 December.\"",
    );
    assert!(load("2027-2028.toml", &with_note).is_ok());
}

#[test]
fn overlapping_holidays() {
    let extra = format!(
        "{GOOD}\n[[holiday]]\nkind = \"mei\"\nregions = [\"midden\"]\nstart = 2028-07-08\nend = 2028-07-16\nbinding = true\n"
    );
    let errs = errors("2027-2028.toml", &extra);
    assert_eq!(
        errs,
        [
            "content/holidays/2027-2028.toml:12: zomer for region midden overlaps mei (content/holidays/2027-2028.toml:19)"
        ]
    );
}

#[test]
fn two_tables_for_one_year() {
    let files = [
        (PathBuf::from("a/2027-2028.toml"), GOOD.to_string()),
        (PathBuf::from("b/2027-2028.toml"), GOOD.to_string()),
    ];
    let errs: Vec<String> = SchoolCalendar::from_files(&files)
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        errs[0].starts_with(
            "b/2027-2028.toml:1: school year 2027-2028 is also defined in a/2027-2028.toml"
        ),
        "{errs:#?}"
    );
}

#[test]
fn unreadable_directory() {
    let errs = SchoolCalendar::load_dir(std::path::Path::new("/nonexistent/holidays")).unwrap_err();
    assert_eq!(errs[0].line, 0);
    assert!(
        errs[0]
            .to_string()
            .starts_with("/nonexistent/holidays: cannot read")
    );
}
