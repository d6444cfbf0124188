//! The caseload page of an advocate: the cases they help with, most urgent first (earliest
//! deadline, then longest silence), the deadlines of the coming 14 days across them, no
//! timeline facts for a summary-only role, and an audit line per case read.
//!
//! The helpers here seed accounts and cases for the feed and reminder tests too. On the fixture
//! content a case whose saved answers say "we talked" (`gesprek`) and give a decision date has
//! one term, bezwaar: 6 weeks from the decision.

use std::sync::Arc;

use axum::Router;
use axum::http::StatusCode;
use store::{Case, Event, HelpLevel, HelpRequest, OrgRole, Role, Store};

use crate::support::{self, Client, actor, app_and_store, make_member, now, share, user_id};

/// A new account, logged in; returns its client and id.
pub async fn sign_up(app: &Router, store: &Arc<dyn Store>, email: &str) -> (Client, String) {
    (
        support::sign_up(app, email).await,
        user_id(store, email).await,
    )
}

/// A case of `owner` with saved answers; with a decision date the bezwaar term runs from it.
pub async fn case(
    store: &Arc<dyn Store>,
    owner: &str,
    title: &str,
    decision: Option<&str>,
) -> String {
    let id = store::new_id();
    let case = Case {
        id: id.clone(),
        owner_id: owner.into(),
        title: title.into(),
        created_at: now(),
    };
    store.create_case(&case, &actor(owner)).await.unwrap();
    if let Some(date) = decision {
        let answers = serde_json::json!({
            "answers": {"probleem": ["hulp"], "gesprek": true, "datum-besluit": date},
            "region": null,
        });
        store
            .save_answers(&id, &answers.to_string(), &actor(owner))
            .await
            .unwrap();
    }
    id
}

/// Makes `volunteer` a volunteer of the organisation (with the second factor on) and assigns
/// them a help request of the case at `level`.
pub async fn help(
    store: &Arc<dyn Store>,
    case: &str,
    owner: &str,
    volunteer: &str,
    level: HelpLevel,
) {
    make_member(store, volunteer, OrgRole::Volunteer).await;
    let request = HelpRequest {
        id: store::new_id(),
        case_id: case.into(),
        requested_by: owner.into(),
        message: String::new(),
        level,
        assigned_to: None,
        created_at: now(),
        assigned_at: None,
        revoked_at: None,
    };
    store
        .create_help_request(&request, &actor(owner))
        .await
        .unwrap();
    assert!(
        store
            .assign_help_request(&request.id, volunteer, &actor(owner))
            .await
            .unwrap()
    );
}

pub async fn event(store: &Arc<dyn Store>, case: &str, owner: &str, date: &str) {
    let e = Event {
        id: store::new_id(),
        case_id: case.into(),
        kind: "conversation".into(),
        date: date.into(),
        title: "Gesprek met de mentor".into(),
        notes: "Geheime notitie".into(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: owner.into(),
        updated_at: now(),
    };
    store.add_event(&e, &actor(owner)).await.unwrap();
}

/// Where `needle` is in `hay`, failing with the page when it is not there.
fn at(hay: &str, needle: &str) -> usize {
    hay.find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on the page:\n{hay}"))
}

#[tokio::test]
async fn the_caseload_puts_the_most_urgent_case_first() {
    // The fixed today of the test app is Sunday 20 June 2027.
    let (router, store, _) = app_and_store("caseload").await;
    let (_, parent) = sign_up(&router, &store, "ouder@example.nl").await;
    let (mut helper, helper_id) = sign_up(&router, &store, "helper@example.nl").await;
    let (_, stranger) = sign_up(&router, &store, "ander@example.nl").await;

    // Decision 20 May: deadline Thursday 1 July (11 days); two cases, one silent for longer.
    let short = case(&store, &parent, "Kort stil", Some("2027-05-20")).await;
    event(&store, &short, &parent, "2027-06-18").await;
    let long = case(&store, &parent, "Lang stil", Some("2027-05-20")).await;
    event(&store, &long, &parent, "2027-05-01").await;
    event(&store, &long, &parent, "2027-04-01").await;
    // Decision 24 May: deadline Monday 5 July, 15 days: after the overview.
    let later = case(&store, &parent, "Later", Some("2027-05-24")).await;
    // Decision 1 April: the deadline has passed.
    let past = case(&store, &parent, "Voorbij", Some("2027-04-01")).await;
    event(&store, &past, &parent, "2027-06-10").await;
    let empty = case(&store, &parent, "Nog leeg", None).await;
    for c in [&short, &long, &later, &past, &empty] {
        share(&store, c, &parent, "helper@example.nl", Role::Read).await;
    }
    // Only a summary, through a help request: deadline Friday 2 July (12 days).
    let summary = case(&store, &parent, "Samenvatting", Some("2027-05-21")).await;
    event(&store, &summary, &parent, "2027-01-01").await;
    help(&store, &summary, &parent, &helper_id, HelpLevel::Summary).await;
    // Not theirs to see: a revoked share, a case of someone else, and their own case.
    let revoked = case(&store, &parent, "Ingetrokken", Some("2027-05-20")).await;
    let sid = share(&store, &revoked, &parent, "helper@example.nl", Role::Read).await;
    store
        .revoke_share(&revoked, &sid, &actor(&parent))
        .await
        .unwrap();
    case(&store, &stranger, "Van een ander", Some("2027-05-20")).await;
    case(&store, &helper_id, "Eigen dossier", Some("2027-05-20")).await;

    let p = helper.get("/begeleiding").await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    let body = &p.body;
    let overview = at(body, r#"id="termijnen""#);
    let (list, upcoming) = body.split_at(overview);

    let order: Vec<usize> = [
        "Lang stil",
        "Kort stil",
        "Samenvatting",
        "Later",
        "Voorbij",
        "Nog leeg",
    ]
    .iter()
    .map(|t| at(list, &format!(">{t}</a>")))
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "earliest deadline first, then the longest silence: {order:?}\n{list}"
    );
    for hidden in ["Ingetrokken", "Van een ander", "Eigen dossier"] {
        assert!(
            !body.contains(hidden),
            "{hidden} is not theirs to help with"
        );
    }
    // Each case has its own reference next to its title.
    let mut refs: Vec<&str> = list
        .split(r#"class="case-ref">"#)
        .skip(1)
        .map(|rest| &rest[..rest.find('<').unwrap_or(0)])
        .collect();
    assert_eq!(refs.len(), 6, "{list}");
    assert!(refs.iter().all(|r| r.starts_with("Dossiernummer ")));
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), 6, "no two cases share a reference");
    // Each case with its step, next deadline (weekday and date) and silence.
    let item = |title: &str| {
        let from = at(list, &format!(">{title}</a>"));
        let to = list[from..].find("</li>").unwrap() + from;
        list[from..to].to_string()
    };
    let long_item = item("Lang stil");
    assert!(
        long_item.contains("donderdag 1 juli 2027 (Bezwaar maken)"),
        "{long_item}"
    );
    assert!(long_item.contains("Ga naar het samenwerkingsverband"));
    assert!(long_item.contains("50 dagen geleden"), "{long_item}");
    assert!(item("Kort stil").contains("2 dagen geleden"));
    assert!(item("Voorbij").contains("10 dagen geleden"));
    assert!(item("Voorbij").contains("Geen termijn met een datum"));
    assert!(item("Nog leeg").contains("Nog niets op de tijdlijn"));
    assert!(item("Later").contains("maandag 5 juli 2027"));
    let summary_item = item("Samenvatting");
    assert!(
        summary_item.contains("vrijdag 2 juli 2027"),
        "{summary_item}"
    );
    assert!(
        !summary_item.contains("geleden") && summary_item.contains("alleen de samenvatting"),
        "a summary role sees nothing of the timeline: {summary_item}"
    );
    assert!(list.contains(&format!(r#"href="/dossiers/{summary}/samenvatting""#)));
    assert!(list.contains(&format!(r#"href="/dossiers/{long}""#)));
    let p = helper
        .get(&format!("/dossiers/{summary}/samenvatting"))
        .await;
    assert_eq!(p.status, StatusCode::OK, "the summary link opens");
    assert!(!body.contains("Geheime notitie"));

    // The overview: deadlines within 14 days, by date, across the cases.
    let upcoming = &upcoming[..at(upcoming, r#"id="agenda""#)];
    let lines: Vec<&str> = upcoming.split("<li>").skip(1).collect();
    assert_eq!(lines.len(), 3, "{upcoming}");
    assert!(lines[0].contains("donderdag 1 juli 2027") && lines[0].contains("over 11 dagen"));
    assert!(lines[0].contains("Kort stil") && lines[1].contains("Lang stil"));
    assert!(lines[2].contains("vrijdag 2 juli 2027") && lines[2].contains("Samenvatting"));
    assert!(
        !upcoming.contains("maandag 5 juli"),
        "15 days is after the overview"
    );

    // Every case read for the page is in its audit log; the other cases are not touched.
    for c in [&short, &long, &later, &past, &empty, &summary] {
        let log = store.audit_log(c).await.unwrap();
        assert!(
            log.iter()
                .any(|a| a.actor_id == helper_id && a.action == "read /begeleiding"),
            "{log:?}"
        );
    }
    let log = store.audit_log(&revoked).await.unwrap();
    assert!(!log.iter().any(|a| a.action == "read /begeleiding"));

    // A parent who helps nobody sees an empty caseload; without a login, the login page.
    let mut other = Client::new(router.clone());
    let p = other.get("/begeleiding").await;
    assert_eq!(
        (p.status, p.location()),
        (StatusCode::SEE_OTHER, "/inloggen")
    );
    let (mut alone, _) = sign_up(&router, &store, "alleen@example.nl").await;
    let p = alone.get("/begeleiding").await;
    assert!(
        p.body.contains("U helpt nog bij geen enkel dossier"),
        "{}",
        p.body
    );
}
