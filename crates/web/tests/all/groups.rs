//! Combined procedures: parents give or withdraw consent on their own case; the coordinator sees
//! groups of 2 or more consented cases with the same school board or SWV, with a link only to a
//! case they have a role in. Families never see these pages, and a case without consent (or
//! with consent withdrawn) is never in a group.

use std::sync::Arc;

use axum::http::StatusCode;
use store::{HelpLevel, Party, Role, Store};

use crate::caseload::{case, help, sign_up};
use crate::support::{Client, actor, app_and_store, coordinator, share};

async fn party(store: &Arc<dyn Store>, case: &str, owner: &str, role: &str, name: &str) {
    store
        .save_party(
            &Party {
                id: store::new_id(),
                case_id: case.into(),
                name: name.into(),
                role: role.into(),
                contact: String::new(),
                holiday_contact: String::new(),
            },
            &actor(owner),
        )
        .await
        .unwrap();
}

/// A parent with a case against `board`, logged in.
async fn parent(
    router: &axum::Router,
    store: &Arc<dyn Store>,
    n: usize,
    board: &str,
) -> (Client, String, String) {
    let (c, owner) = sign_up(router, store, &format!("ouder{n}@example.nl")).await;
    let id = case(
        store,
        &owner,
        &format!("Dossier van gezin {n}"),
        Some("2027-06-01"),
    )
    .await;
    party(store, &id, &owner, "schoolbestuur", board).await;
    party(store, &id, &owner, "school", "Basisschool De Wilg").await;
    (c, owner, id)
}

/// The case references on a page, in order.
fn references(body: &str) -> Vec<String> {
    body.split(r#"class="case-ref">"#)
        .skip(1)
        .map(|rest| rest[..rest.find('<').unwrap_or(0)].to_string())
        .collect()
}

async fn set_consent(c: &mut Client, case: &str, answer: &str) {
    let page = c.get(&format!("/dossiers/{case}/bundelen")).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body
            .contains("Wat de coördinator van de oudervereniging dan ziet")
    );
    let p = c
        .post(
            &format!("/dossiers/{case}/bundelen"),
            &[("toestemming", answer)],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
}

#[tokio::test]
async fn consented_cases_with_the_same_board_form_a_group_for_the_coordinator() {
    let (router, store, _) = app_and_store("groups-flow").await;
    let (mut p1, _, c1) = parent(&router, &store, 1, "Stichting Primo").await;
    let (mut p2, _, c2) = parent(&router, &store, 2, "  stichting PRIMO ").await;
    let (_p3, _, c3) = parent(&router, &store, 3, "Stichting Primo").await;
    let (mut p4, _, c4) = parent(&router, &store, 4, "Stichting Anders").await;
    set_consent(&mut p1, &c1, "ja").await;
    set_consent(&mut p2, &c2, "ja").await;
    set_consent(&mut p4, &c4, "ja").await;
    // Case 3 has the same board but no consent.
    let page = p1.get(&format!("/dossiers/{c1}/bundelen")).await;
    assert!(page.body.contains("U hebt toestemming gegeven."));
    let page = p1.get(&format!("/dossiers/{c1}")).await;
    assert!(page.body.contains(&format!("/dossiers/{c1}/bundelen")));

    let (mut coord, coord_id) = coordinator(&router, &store).await;
    let page = coord.get("/organisatie/bundelen").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("Schoolbestuur: Stichting Primo"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Dossier van gezin 1"));
    assert!(page.body.contains("Dossier van gezin 2"));
    assert!(!page.body.contains("Dossier van gezin 3"), "no consent");
    assert!(
        !page.body.contains("Stichting Anders"),
        "a group of one is not shown"
    );
    assert!(!page.body.contains("Dossier van gezin 4"));
    assert!(
        page.body.contains("Ga naar het samenwerkingsverband"),
        "the current step"
    );
    assert!(
        !page.body.contains(&format!("/dossiers/{c1}"))
            && !page.body.contains(&format!("/dossiers/{c2}")),
        "no link to cases the coordinator has no role in"
    );

    // A case the coordinator has a role in gets a link; the other does not.
    let coord_email = store.user_by_id(&coord_id).await.unwrap().unwrap().email;
    let owner1 = store.case_by_id(&c1).await.unwrap().unwrap().owner_id;
    share(&store, &c1, &owner1, &coord_email, Role::Read).await;
    let page = coord.get("/organisatie/bundelen").await;
    assert!(page.body.contains(&format!("href=\"/dossiers/{c1}\"")));
    assert!(!page.body.contains(&format!("/dossiers/{c2}")));

    // An open help request lets the coordinator read a case's summary: that is the link.
    let (_, volunteer) = sign_up(&router, &store, "vrijwilliger@example.nl").await;
    let owner2 = store.case_by_id(&c2).await.unwrap().unwrap().owner_id;
    help(&store, &c2, &owner2, &volunteer, HelpLevel::Summary).await;
    let page = coord.get("/organisatie/bundelen").await;
    assert!(
        page.body
            .contains(&format!("href=\"/dossiers/{c2}/samenvatting\"")),
        "{}",
        page.body
    );
    let summary = coord.get(&format!("/dossiers/{c2}/samenvatting")).await;
    assert_eq!(summary.status, StatusCode::OK);
    // Each case in the group has its own reference, the same as on its summary.
    let refs = references(&page.body);
    assert_eq!(refs.len(), 2, "{}", page.body);
    assert_ne!(refs[0], refs[1]);
    assert!(refs.contains(&references(&summary.body)[0]));

    // Withdrawing takes the case out at once; the group of one left is not shown.
    set_consent(&mut p2, &c2, "nee").await;
    let page = p2.get(&format!("/dossiers/{c2}/bundelen")).await;
    assert!(page.body.contains("U hebt geen toestemming gegeven."));
    let page = coord.get("/organisatie/bundelen").await;
    assert!(!page.body.contains("Dossier van gezin 2"));
    assert!(!page.body.contains("Stichting Primo"));
    assert!(page.body.contains("Er zijn nog geen groepen"));

    let log: Vec<(String, String)> = store
        .audit_log(&c2)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.action, a.actor_id))
        .collect();
    let owner2 = store.case_by_id(&c2).await.unwrap().unwrap().owner_id;
    assert!(
        log.contains(&("combine.consent".into(), owner2.clone())),
        "{log:?}"
    );
    assert!(
        log.contains(&("combine.withdraw".into(), owner2)),
        "{log:?}"
    );
    assert!(
        log.contains(&("combine.read".into(), coord_id.clone())),
        "the parent can see that the coordinator saw the case in a group: {log:?}"
    );
    assert!(
        store
            .audit_log(&c3)
            .await
            .unwrap()
            .iter()
            .all(|a| a.actor_id != coord_id),
        "a case without consent was never looked at"
    );
}

#[tokio::test]
async fn families_never_see_groups_nor_another_familys_consent() {
    let (router, store, _) = app_and_store("groups-access").await;
    let (mut p1, _, c1) = parent(&router, &store, 1, "Stichting Primo").await;
    let (mut p2, _, c2) = parent(&router, &store, 2, "Stichting Primo").await;
    set_consent(&mut p1, &c1, "ja").await;
    set_consent(&mut p2, &c2, "ja").await;

    for c in [&mut p1, &mut p2] {
        let page = c.get("/organisatie/bundelen").await;
        assert_eq!(page.status, StatusCode::FORBIDDEN);
        assert!(!page.body.contains("Dossier van gezin"));
    }
    // Another family's consent page does not exist for them, and they cannot change it.
    let page = p2.get(&format!("/dossiers/{c1}/bundelen")).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    p2.get(&format!("/dossiers/{c2}/bundelen")).await;
    let p = p2
        .post(
            &format!("/dossiers/{c1}/bundelen"),
            &[("toestemming", "nee")],
        )
        .await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);
    assert!(store.combine_consent(&c1).await.unwrap().is_some());

    // An advocate with read access to a case may not give or withdraw its consent.
    let (mut advocate, _) = sign_up(&router, &store, "advocaat@example.nl").await;
    let owner1 = store.case_by_id(&c1).await.unwrap().unwrap().owner_id;
    share(&store, &c1, &owner1, "advocaat@example.nl", Role::Read).await;
    let page = advocate.get(&format!("/dossiers/{c1}/bundelen")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let page = advocate.get("/organisatie/bundelen").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);

    // An answer that is neither yes nor no changes nothing and says what to do.
    p1.get(&format!("/dossiers/{c1}/bundelen")).await;
    let p = p1
        .post(
            &format!("/dossiers/{c1}/bundelen"),
            &[("toestemming", "misschien")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("href=\"#consent-yes\""));
    assert!(store.combine_consent(&c1).await.unwrap().is_some());
}
