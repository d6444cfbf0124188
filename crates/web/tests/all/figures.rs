//! The organisation's figures page and CSV, on seeded cases: never a figure about fewer than 5
//! families, and never one that can be traced to fewer than 5 families by subtracting the
//! figures of two filters. Coordinators only.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::http::StatusCode;
use store::{OrgRole, StepOutcome, Store, User};

use crate::caseload::sign_up;
use crate::support::{Client, actor, app_and_store, coordinator, make_member, now};

/// A family: an owner account and a case with saved answers.
async fn family(
    store: &Arc<dyn Store>,
    n: usize,
    region: &str,
    school: &str,
    talked: bool,
    weeks: u32,
) {
    let owner = format!("ouder-{n}");
    store
        .create_user(&User {
            id: owner.clone(),
            email: format!("ouder{n}@example.nl"),
            password_hash: "$argon2id$test".into(),
            totp_secret: None,
            created_at: now(),
        })
        .await
        .unwrap();
    let case = crate::caseload::case(store, &owner, &format!("Dossier {n}"), None).await;
    let answers = serde_json::json!({
        "answers": {
            "probleem": ["hulp"],
            "gesprek": talked,
            "weken-thuis": weeks,
            "schooltype": school,
        },
        "region": region,
    });
    store
        .save_answers(&case, &answers.to_string(), &actor(&owner))
        .await
        .unwrap();
    if talked {
        store
            .save_step_outcome(
                &StepOutcome {
                    case_id: case.clone(),
                    step_id: "praten".into(),
                    outcome: "gepraat".into(),
                    date: None,
                    updated_at: now(),
                },
                &actor(&owner),
            )
            .await
            .unwrap();
    }
}

/// 12 families in Noord and 3 in Zuid; 8 at a basisschool and 7 at a middelbare school; 10
/// talked to the school (and are at the SWV step), 5 did not.
async fn seed(store: &Arc<dyn Store>) {
    for i in 0..15 {
        let region = if i < 12 { "noord" } else { "zuid" };
        let school = if i < 8 { "po" } else { "vo" };
        family(store, i, region, school, i % 3 != 0, (i as u32) * 4).await;
    }
}

/// The fields of one CSV line (fields may be quoted, with doubled quotes inside).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(ch) = chars.next() {
        match (ch, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            _ => field.push(ch),
        }
    }
    fields.push(field);
    fields
}

/// The counts of a CSV download by (table, block, row); `None` for a hidden count. The total is
/// under the key ("Totaal", "", "").
fn csv_counts(body: &str) -> BTreeMap<(String, String, String), Option<u64>> {
    let mut out = BTreeMap::new();
    for line in body.lines().skip(1).filter(|l| !l.is_empty()) {
        let f = csv_fields(line);
        assert_eq!(f.len(), 4, "{line}");
        let count = if f[3].is_empty() {
            None
        } else {
            Some(f[3].parse::<u64>().unwrap())
        };
        let key = if f[0] == "Totaal" {
            (f[0].clone(), String::new(), String::new())
        } else {
            (f[0].clone(), f[1].clone(), f[2].clone())
        };
        out.insert(key, count);
    }
    out
}

/// The numbers in the data cells of the page's tables.
fn page_numbers(body: &str) -> Vec<u64> {
    body.split("<td>")
        .skip(1)
        .filter_map(|s| s.split("</td>").next())
        .filter_map(|s| s.trim().parse().ok())
        .collect()
}

/// The filter values the page's form offers (`regio:noord`, ...).
fn offered(body: &str) -> Vec<String> {
    body.split("<option value=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

fn safe(n: u64) -> bool {
    n == 0 || n >= 5
}

#[tokio::test]
async fn the_figures_page_never_shows_a_group_under_five_nor_one_found_by_differencing() {
    let (router, store, _) = app_and_store("figures-acceptance").await;
    seed(&store).await;
    let (mut c, _) = coordinator(&router, &store).await;

    let page = c.get("/organisatie/cijfers").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<strong>15</strong>"), "{}", page.body);
    assert!(page.body.contains("<svg class=\"chart\""));
    let numbers = page_numbers(&page.body);
    assert!(numbers.len() > 10, "the tables have figures: {numbers:?}");
    assert!(numbers.iter().all(|&n| safe(n)), "{numbers:?}");

    // Noord (12) is big enough on its own, but "all minus Noord" would be Zuid's 3 families:
    // no region can be chosen. Both school types (8 and 7) can.
    let filters = offered(&page.body);
    assert_eq!(filters, ["schooltype:po", "schooltype:vo"], "{}", page.body);
    for region in ["regio:noord", "regio:zuid"] {
        let p = c
            .get(&format!("/organisatie/cijfers?filter={region}"))
            .await;
        assert_eq!(p.status, StatusCode::OK);
        assert!(page_numbers(&p.body).is_empty(), "{region}: {}", p.body);
        assert!(p.body.contains("de groep is te klein"), "{}", p.body);
        let csv = c
            .get(&format!("/organisatie/cijfers.csv?filter={region}"))
            .await;
        assert_eq!(csv.status, StatusCode::NOT_FOUND, "{region}");
    }

    let all = c.get("/organisatie/cijfers.csv").await;
    assert_eq!(all.status, StatusCode::OK);
    assert_eq!(
        all.headers["content-type"].to_str().unwrap(),
        "text/csv; charset=utf-8"
    );
    let all = csv_counts(&all.body);
    assert_eq!(
        all[&("Totaal".to_string(), String::new(), String::new())],
        Some(15)
    );
    let step = |t: &BTreeMap<_, Option<u64>>, row: &str| {
        t[&(
            "Gezinnen per stap van de route".to_string(),
            String::new(),
            row.to_string(),
        )]
    };
    assert_eq!(step(&all, "Praat met de school"), Some(5));
    assert_eq!(step(&all, "Ga naar het samenwerkingsverband"), Some(10));

    let mut hidden_somewhere = false;
    for filter in &filters {
        let p = c
            .get(&format!("/organisatie/cijfers?filter={filter}"))
            .await;
        assert_eq!(p.status, StatusCode::OK);
        let numbers = page_numbers(&p.body);
        assert!(numbers.iter().all(|&n| safe(n)), "{filter}: {numbers:?}");
        let csv = c
            .get(&format!("/organisatie/cijfers.csv?filter={filter}"))
            .await;
        assert_eq!(csv.status, StatusCode::OK);
        let part = csv_counts(&csv.body);
        let hidden_in_csv = part.values().filter(|v| v.is_none()).count();
        assert_eq!(
            p.body.matches("<td>verborgen</td>").count(),
            hidden_in_csv,
            "the page and the CSV hide the same cells"
        );
        hidden_somewhere |= hidden_in_csv > 0;
        for (key, count) in &part {
            let Some(n) = count else { continue };
            assert!(safe(*n), "{filter} {key:?}: {n}");
            // The same figure of all families minus this one: the families outside the filter.
            if let Some(Some(a)) = all.get(key) {
                assert!(safe(a - n), "{filter} {key:?}: all {a} minus {n}");
            }
        }
    }
    // 3 of the 8 basisschool families did not talk to the school: hidden, with what gives it away.
    assert!(hidden_somewhere, "the seeded data has small groups to hide");

    // The two school types together are all families: their shown figures add up.
    let po = csv_counts(
        &c.get("/organisatie/cijfers.csv?filter=schooltype:po")
            .await
            .body,
    );
    let vo = csv_counts(
        &c.get("/organisatie/cijfers.csv?filter=schooltype:vo")
            .await
            .body,
    );
    for (key, count) in &all {
        if let (Some(a), Some(Some(p)), Some(Some(v))) = (count, po.get(key), vo.get(key)) {
            assert_eq!(*a, p + v, "{key:?}");
        }
    }
}

#[tokio::test]
async fn too_few_families_show_no_figures() {
    let (router, store, _) = app_and_store("figures-few").await;
    for i in 0..4 {
        family(&store, i, "noord", "po", true, 3).await;
    }
    let (mut c, _) = coordinator(&router, &store).await;
    let page = c.get("/organisatie/cijfers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("minder dan 5 gezinnen"), "{}", page.body);
    assert!(page_numbers(&page.body).is_empty());
    let csv = c.get("/organisatie/cijfers.csv").await;
    assert_eq!(csv.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn only_coordinators_and_admins_see_the_figures() {
    let (router, store, _) = app_and_store("figures-access").await;
    seed(&store).await;

    let mut anonymous = Client::new(router.clone());
    let p = anonymous.get("/organisatie/cijfers").await;
    assert_ne!(p.status, StatusCode::OK);
    assert!(page_numbers(&p.body).is_empty());

    let (mut parent, _) = sign_up(&router, &store, "ouder-zonder-rol@example.nl").await;
    for path in ["/organisatie/cijfers", "/organisatie/cijfers.csv"] {
        let p = parent.get(path).await;
        assert_eq!(p.status, StatusCode::FORBIDDEN, "{path}");
        assert!(!p.body.contains("Totaal"), "{path}");
    }

    let (mut volunteer, id) = sign_up(&router, &store, "vrijwilliger@example.nl").await;
    make_member(&store, &id, OrgRole::Volunteer).await;
    let p = volunteer.get("/organisatie/cijfers").await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);

    let (mut admin, id) = sign_up(&router, &store, "beheerder@example.nl").await;
    store
        .set_org_role(&id, Some(OrgRole::Admin), &actor(&id))
        .await
        .unwrap();
    // Without the second factor the role does not count yet.
    let p = admin.get("/organisatie/cijfers").await;
    assert_ne!(p.status, StatusCode::OK);
    store
        .set_totp_secret(&id, Some("JBSWY3DPEHPK3PXP"))
        .await
        .unwrap();
    let p = admin.get("/organisatie/cijfers").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("<strong>15</strong>"));
}

/// The count is kept for a while (it reads every case), says when it was made, and a case that
/// its parent deletes drops out of it at once.
#[tokio::test]
async fn the_count_is_kept_and_a_deleted_case_leaves_it() {
    let (router, store, _) = app_and_store("figures-kept").await;
    seed(&store).await;
    let (mut parent, owner) = sign_up(&router, &store, "ouder-weg@example.nl").await;
    let case = crate::caseload::case(&store, &owner, "Weg", None).await;
    let answers = r#"{"answers":{"probleem":["hulp"]},"region":"noord"}"#;
    store
        .save_answers(&case, answers, &actor(&owner))
        .await
        .unwrap();
    let (mut c, _) = coordinator(&router, &store).await;
    let page = c.get("/organisatie/cijfers").await;
    assert!(page.body.contains("<strong>16</strong>"), "{}", page.body);
    assert!(page.body.contains("Geteld op "), "when it was counted");

    parent.get(&format!("/dossiers/{case}")).await;
    let p = parent
        .post(
            &format!("/dossiers/{case}/verwijderen"),
            &[("confirm", "ja")],
        )
        .await;
    assert_eq!(p.location(), "/dossiers");
    let page = c.get("/organisatie/cijfers").await;
    assert!(
        page.body.contains("<strong>15</strong>"),
        "counted again without the deleted case: {}",
        page.body
    );

    // A new family is in the next count, not in the one kept.
    family(&store, 99, "noord", "po", false, 2).await;
    let page = c.get("/organisatie/cijfers").await;
    assert!(page.body.contains("<strong>15</strong>"), "{}", page.body);
    assert!(store.case_by_id(&case).await.unwrap().is_none());
}
