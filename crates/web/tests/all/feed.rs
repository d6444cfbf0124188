//! The calendar feed of an advocate: made on the caseload page and shown once, read without a
//! login by an independent parser (Python's `icalendar` package), with the deadlines of the
//! cases they help with only, stable UIDs, nothing from the timeline or the children, and gone
//! at once when revoked.

use std::process::Command;

use axum::http::{StatusCode, header};
use store::{Child, HelpLevel, Role};

use crate::caseload::{case, event, help, sign_up};
use crate::support::{Client, actor, app_and_store, share};

const PARSE: &str = r#"
import json, sys
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.buffer.read())
out = []
for ev in cal.walk("VEVENT"):
    out.append({
        "uid": str(ev.get("UID")),
        "start": ev.get("DTSTART").dt.isoformat(),
        "summary": str(ev.get("SUMMARY")),
        "description": str(ev.get("DESCRIPTION")),
        "alarms": sorted(str(a.get("TRIGGER").dt) for a in ev.walk("VALARM")),
    })
print(json.dumps(out))
"#;

fn python_has_icalendar() -> bool {
    Command::new("python3")
        .args(["-c", "import icalendar"])
        .status()
        .is_ok_and(|s| s.success())
}

/// The events of a calendar file as the independent parser reads them.
fn parse(ics: &[u8]) -> Vec<serde_json::Value> {
    use std::io::Write;
    let mut child = Command::new("python3")
        .arg("-c")
        .arg(PARSE)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(ics).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "the independent parser refused the feed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
async fn the_feed_is_a_calendar_until_it_is_revoked() {
    if !python_has_icalendar() {
        assert!(
            std::env::var_os("CI").is_none(),
            "Python's icalendar package is missing in CI"
        );
        eprintln!("SKIPPED: Python's icalendar package is not installed (pip install icalendar)");
        return;
    }
    let (router, store, _) = app_and_store("feed").await;
    let (_, parent) = sign_up(&router, &store, "ouder@example.nl").await;
    let (mut helper, helper_id) = sign_up(&router, &store, "helper@example.nl").await;

    // Decision 1 June: deadline Tuesday 13 July 2027. Decision 21 May: Friday 2 July.
    let read = case(&store, &parent, "Dossier van Noor", Some("2027-06-01")).await;
    share(&store, &read, &parent, "helper@example.nl", Role::Read).await;
    let child = Child {
        id: store::new_id(),
        case_id: read.clone(),
        name: "Noortje".into(),
        birth_year: Some(2015),
        school_type: "po".into(),
        school_level: "groep 6".into(),
    };
    store.save_child(&child, &actor(&parent)).await.unwrap();
    event(&store, &read, &parent, "2027-06-02").await;
    let summary = case(&store, &parent, "Tweede dossier", Some("2027-05-21")).await;
    help(&store, &summary, &parent, &helper_id, HelpLevel::Summary).await;
    case(&store, &parent, "Niet gedeeld", Some("2027-05-20")).await;

    // Made on the caseload page; the address is shown this once.
    helper.get("/begeleiding").await;
    let p = helper.post("/begeleiding/agenda", &[]).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    let start = p
        .body
        .find(r#"value="/agenda/"#)
        .expect("the new address is shown")
        + 7;
    let url = p.body[start..].split('"').next().unwrap().to_string();
    assert!(url.ends_with(".ics"), "{url}");
    let secret = url.trim_start_matches("/agenda/").trim_end_matches(".ics");
    assert!(secret.len() >= 40, "at least 128 random bits: {secret}");
    let again = helper.get("/begeleiding").await;
    assert!(
        !again.body.contains(secret),
        "the address is shown only once"
    );

    // Read without a login.
    let mut calendar_app = Client::new(router.clone());
    let feed = calendar_app.get(&url).await;
    assert_eq!(feed.status, StatusCode::OK, "{}", feed.body);
    assert_eq!(
        feed.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    let events = parse(&feed.bytes);
    assert_eq!(events.len(), 2, "{events:#?}");
    let find = |case_id: &str| {
        events
            .iter()
            .find(|e| e["uid"].as_str().unwrap().starts_with(case_id))
            .unwrap_or_else(|| panic!("no event of {case_id} in {events:#?}"))
    };
    let first = find(&summary);
    assert_eq!(first["start"], "2027-07-02");
    assert!(
        first["summary"]
            .as_str()
            .unwrap()
            .contains("Tweede dossier")
    );
    let second = find(&read);
    assert_eq!(second["start"], "2027-07-13");
    assert!(
        second["summary"]
            .as_str()
            .unwrap()
            .contains("Bezwaar maken")
    );
    assert_eq!(
        second["alarms"],
        serde_json::json!(["-1 day, 0:00:00", "-7 days, 0:00:00"])
    );
    assert!(
        second["description"]
            .as_str()
            .unwrap()
            .contains(&format!("/dossiers/{read}"))
    );
    assert!(
        first["description"]
            .as_str()
            .unwrap()
            .contains(&format!("/dossiers/{summary}/samenvatting"))
    );
    for private in [
        "Noortje",
        "Geheime notitie",
        "Niet gedeeld",
        "ouder@example.nl",
    ] {
        assert!(!feed.body.contains(private), "{private} is not in the feed");
    }
    // The same cases give the same file: calendar apps update events instead of adding copies.
    let later = calendar_app.get(&url).await;
    assert_eq!(later.body, feed.body);
    let log = store.audit_log(&read).await.unwrap();
    assert!(
        log.iter()
            .any(|a| a.actor_id == helper_id && a.action == "read /agenda"),
        "{log:?}"
    );

    // Revoked from the caseload page: the address stops at once.
    let page = helper.get("/begeleiding").await;
    let revoke = page
        .body
        .split('"')
        .find(|s| s.starts_with("/begeleiding/agenda/") && s.ends_with("/intrekken"))
        .expect("a revoke button")
        .to_string();
    let p = helper.post(&revoke, &[]).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let gone = calendar_app.get(&url).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    let page = helper.get("/begeleiding").await;
    assert!(page.body.contains("Het werkt niet meer"), "{}", page.body);
    assert_eq!(
        calendar_app.get("/agenda/geen-geheim.ics").await.status,
        StatusCode::NOT_FOUND
    );
}
