//! Calendar files from five scenarios, read back by an independent parser (Python's `icalendar`
//! package): every computed deadline is one all-day event on the expected date, with reminders a
//! week and a day before.
//!
//! The expected dates are worked out by hand from the scenario dates (for example a decision of
//! Monday 13 September 2027 plus 6 weeks is Monday 25 October 2027).

use std::path::{Path, PathBuf};
use std::process::Command;

const PARSE: &str = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], "rb").read())
out = []
for ev in cal.walk("VEVENT"):
    alarms = sorted(str(a.get("TRIGGER").dt) for a in ev.walk("VALARM"))
    out.append({
        "uid": str(ev.get("UID")),
        "start": ev.get("DTSTART").dt.isoformat(),
        "end": ev.get("DTEND").dt.isoformat(),
        "summary": str(ev.get("SUMMARY")),
        "description": str(ev.get("DESCRIPTION")),
        "alarms": alarms,
    })
print(json.dumps(out))
"#;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn python_has_icalendar() -> bool {
    Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|s| s.success())
}

/// Writes the `[situation]` table of a scenario file to its own TOML file.
fn situation_file(scenario: &str, dir: &Path) -> PathBuf {
    let path = root()
        .join("crates/route/tests/scenarios")
        .join(format!("{scenario}.toml"));
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let out = dir.join(format!("{scenario}.toml"));
    std::fs::write(
        &out,
        toml::to_string(table["situation"].as_table().unwrap()).unwrap(),
    )
    .unwrap();
    out
}

fn events(scenario: &str) -> Vec<serde_json::Value> {
    let dir =
        std::env::temp_dir().join(format!("routewijzer-ics-{scenario}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let situation = situation_file(scenario, &dir);
    let ics = dir.join("route.ics");
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["advise", "--format", "json", "--content"])
        .arg(root().join("content"))
        .arg("--situation")
        .arg(&situation)
        .arg("--ics")
        .arg(&ics)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let parsed = Command::new("python3")
        .arg("-c")
        .arg(PARSE)
        .arg(&ics)
        .output()
        .unwrap();
    assert!(
        parsed.status.success(),
        "the independent parser refused the file: {}",
        String::from_utf8_lossy(&parsed.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
    serde_json::from_slice(&parsed.stdout).unwrap()
}

fn check(scenario: &str, expected: &[(&str, &str, &str)]) {
    if !python_has_icalendar() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Python's icalendar package is missing in CI"
        );
        eprintln!("SKIPPED: Python's icalendar package is not installed (pip install icalendar)");
        return;
    }
    let events = events(scenario);
    assert_eq!(
        events.len(),
        expected.len(),
        "{scenario}: events {events:#?}"
    );
    for (term, start, end) in expected {
        let ev = events
            .iter()
            .find(|e| e["uid"].as_str().unwrap().starts_with(&format!("{term}-")))
            .unwrap_or_else(|| panic!("{scenario}: no event for {term} in {events:#?}"));
        assert_eq!(ev["start"], *start, "{scenario}: {term}");
        // DTEND is exclusive: a one-day event ends the next day.
        assert_eq!(ev["end"], *end, "{scenario}: {term}");
        assert_eq!(
            ev["alarms"],
            serde_json::json!(["-1 day, 0:00:00", "-7 days, 0:00:00"]),
            "{scenario}: {term}"
        );
        assert!(!ev["description"].as_str().unwrap().is_empty());
    }
}

#[test]
fn p05_decision_of_1_june_gives_objection_and_gpo_dates() {
    check(
        "p05-zomer-geen-school",
        &[
            ("bezwaar-schoolbestuur", "2027-07-13", "2027-07-14"),
            ("gpo-verzoek", "2027-07-13", "2027-07-14"),
        ],
    );
}

#[test]
fn removal_decision_gives_objection_and_board_decision_dates() {
    check(
        "s11-verwijderingsbesluit-openbare-basisschool",
        &[
            ("bezwaar-schoolbestuur", "2027-10-25", "2027-10-26"),
            ("gpo-verzoek", "2027-10-25", "2027-10-26"),
            ("bezwaar-beslissing-po", "2027-11-22", "2027-11-23"),
        ],
    );
}

#[test]
fn gpo_case_gives_the_opinion_date_and_leaves_out_the_suspended_term() {
    check(
        "s15-geschillencommissie-en-bezwaar-lopen",
        &[
            ("gpo-oordeel", "2027-11-29", "2027-11-30"),
            ("bezwaar-schoolbestuur", "2027-10-18", "2027-10-19"),
            ("gpo-verzoek", "2027-10-18", "2027-10-19"),
        ],
    );
}

#[test]
fn tlv_decision_gives_the_objection_date() {
    check(
        "s18-tlv-bezwaar",
        &[("tlv-bezwaar", "2027-06-07", "2027-06-08")],
    );
}

#[test]
fn written_registration_gives_both_admission_terms() {
    check(
        "s30-aanmelding-loopt",
        &[
            ("toelating-beslistermijn", "2027-03-15", "2027-03-16"),
            ("toelating-uiterste-termijn", "2027-04-12", "2027-04-13"),
        ],
    );
}

#[test]
fn complaint_gives_the_board_reaction_and_the_lkc_year() {
    check(
        "s33-klacht-loopt",
        &[
            ("klacht-reactie-bestuur", "2027-06-07", "2027-06-08"),
            ("lkc-klacht", "2028-01-18", "2028-01-19"),
        ],
    );
}
