//! Children and parties of a case changed and removed through the router, with their audit
//! lines and the typed text kept on a refused form; the saved versions of the answers listed and
//! one older version shown in words.

use axum::http::StatusCode;
use store::{Actor, Event, Role};

use crate::support::{actor, app_and_store, new_case, now, share, sign_up, user_id};

#[tokio::test]
async fn children_and_parties_are_changed_and_removed_with_an_audit_line_each() {
    let (app, store, _) = app_and_store("case-edit").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let mut helper = sign_up(&app, "helper@example.nl").await;
    let mut reader = sign_up(&app, "reader@example.nl").await;
    let case = new_case(&mut owner, "Noor").await;
    let owner_id = user_id(&store, "owner@example.nl").await;
    share(
        &store,
        &case,
        &owner_id,
        "helper@example.nl",
        Role::Contribute,
    )
    .await;
    share(&store, &case, &owner_id, "reader@example.nl", Role::Read).await;

    // A refused add comes back with what was typed and an error that links to the field.
    owner.get(&format!("/dossiers/{case}")).await;
    let p = owner
        .post(
            &format!("/dossiers/{case}/kinderen"),
            &[
                ("name", "Noor"),
                ("birth_year", "twintig"),
                ("school_level", "groep 6"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains(r##"href="#child-year""##), "{}", p.body);
    assert!(p.body.contains(r#"value="Noor""#) && p.body.contains(r#"value="groep 6""#));
    assert!(p.body.contains(r#"aria-describedby="child-year-error""#));
    assert!(store.children(&case).await.unwrap().is_empty());

    let p = owner
        .post(
            &format!("/dossiers/{case}/kinderen"),
            &[("name", "Noor"), ("birth_year", "2015")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let noor = store.children(&case).await.unwrap().remove(0);
    let child_url = format!("/dossiers/{case}/kinderen/{}", noor.id);
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains(&format!(r#"href="{child_url}""#)),
        "the case page links to the child"
    );
    let page = reader.get(&format!("/dossiers/{case}")).await;
    assert!(
        !page.body.contains(&child_url),
        "a reader gets no change link"
    );

    // A contributing advocate changes the child; a refused change keeps the typed text.
    let p = helper.get(&child_url).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains(r#"value="Noor""#) && p.body.contains(r#"value="2015""#));
    let p = helper
        .post(
            &child_url,
            &[
                ("name", " "),
                ("birth_year", "2015"),
                ("school_level", "groep 7"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains(r##"href="#child-name""##) && p.body.contains(r#"value="groep 7""#));
    let p = helper
        .post(
            &child_url,
            &[
                ("name", "Noor Visser"),
                ("birth_year", "2015"),
                ("school_level", "groep 7"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let changed = store.children(&case).await.unwrap().remove(0);
    assert_eq!(
        (
            changed.id.as_str(),
            changed.name.as_str(),
            changed.school_level.as_str()
        ),
        (noor.id.as_str(), "Noor Visser", "groep 7")
    );
    assert_eq!(reader.get(&child_url).await.status, StatusCode::FORBIDDEN);

    // A party with an event that names it.
    let p = owner
        .post(
            &format!("/dossiers/{case}/partijen"),
            &[
                ("name", ""),
                ("role", "school"),
                ("contact", "Dorpsstraat 1"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains(r##"href="#party-name""##) && p.body.contains("Dorpsstraat 1"));
    assert!(
        p.body.contains(r#"<option value="school" selected>"#),
        "the role stays chosen"
    );
    owner.get(&format!("/dossiers/{case}")).await;
    let p = owner
        .post(
            &format!("/dossiers/{case}/partijen"),
            &[
                ("name", "De Brug"),
                ("role", "school"),
                ("contact", "Dorpsstraat 1"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let brug = store.parties(&case).await.unwrap().remove(0);
    let party_url = format!("/dossiers/{case}/partijen/{}", brug.id);
    let now = now();
    let actor = Actor {
        user_id: owner_id.clone(),
        now,
    };
    store
        .add_event(
            &Event {
                id: store::new_id(),
                case_id: case.clone(),
                kind: "meeting".into(),
                date: "2026-10-14".into(),
                title: "Overleg op school".into(),
                notes: String::new(),
                parties: brug.id.clone(),
                sets_date: String::new(),
                version: 1,
                created_by: owner_id.clone(),
                updated_at: now,
            },
            &actor,
        )
        .await
        .unwrap();
    let p = owner.get(&party_url).await;
    assert!(p.body.contains(r#"value="De Brug""#) && p.body.contains("Dorpsstraat 1"));
    let p = owner
        .post(
            &party_url,
            &[
                ("name", "De Brug (Oost)"),
                ("role", "school"),
                ("contact", "Dorpsstraat 2"),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(page.body.contains("De Brug (Oost)") && page.body.contains("Dorpsstraat 2"));

    // Removing needs the box ticked.
    owner.get(&party_url).await;
    let p = owner.post(&format!("{party_url}/verwijderen"), &[]).await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains(r##"href="#zeker""##));
    assert_eq!(store.parties(&case).await.unwrap().len(), 1);
    let p = owner
        .post(&format!("{party_url}/verwijderen"), &[("zeker", "ja")])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert!(store.parties(&case).await.unwrap().is_empty());
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(page.body.contains("Overleg op school"), "the event stays");
    assert!(!page.body.contains("De Brug"), "the party is gone from it");
    assert_eq!(store.events(&case).await.unwrap()[0].parties, "");
    assert_eq!(owner.get(&party_url).await.status, StatusCode::NOT_FOUND);

    helper.get(&child_url).await;
    let p = helper
        .post(&format!("{child_url}/verwijderen"), &[("zeker", "ja")])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert!(store.children(&case).await.unwrap().is_empty());

    let helper_id = user_id(&store, "helper@example.nl").await;
    let log: Vec<(String, String, String)> = store
        .audit_log(&case)
        .await
        .unwrap()
        .into_iter()
        .filter(|a| a.action.starts_with("child.") || a.action.starts_with("party."))
        .map(|a| (a.action, a.subject, a.actor_id))
        .collect();
    assert_eq!(
        log,
        [
            ("child.save".to_string(), noor.id.clone(), owner_id.clone()),
            ("child.edit".into(), noor.id.clone(), helper_id.clone()),
            ("party.save".into(), brug.id.clone(), owner_id.clone()),
            ("party.edit".into(), brug.id.clone(), owner_id.clone()),
            ("party.delete".into(), brug.id.clone(), owner_id.clone()),
            ("child.delete".into(), noor.id.clone(), helper_id.clone()),
        ]
    );
}

#[tokio::test]
async fn the_answer_versions_are_listed_and_an_older_one_shown_in_words() {
    let (app, store, _) = app_and_store("answer-versions").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let mut reader = sign_up(&app, "reader@example.nl").await;
    let case = new_case(&mut owner, "Noor").await;
    let owner_id = user_id(&store, "owner@example.nl").await;
    let list = format!("/dossiers/{case}/antwoorden");
    let p = owner.get(&list).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("Er zijn nog geen antwoorden opgeslagen"));

    let actor = actor(&owner_id);
    store
        .save_answers(
            &case,
            r#"{"answers":{"probleem":["hulp"],"datum-besluit":"2027-06-01"},"region":"midden"}"#,
            &actor,
        )
        .await
        .unwrap();
    store
        .save_answers(
            &case,
            r#"{"answers":{"probleem":["thuis"],"gesprek":"ja"}}"#,
            &actor,
        )
        .await
        .unwrap();
    share(&store, &case, &owner_id, "reader@example.nl", Role::Read).await;

    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains(&format!(r#"href="{list}""#)),
        "the case page links to the versions"
    );
    let p = reader.get(&list).await;
    assert_eq!(p.status, StatusCode::OK, "a reader may look");
    let v1 = p
        .body
        .find(&format!(r#"href="{list}/1""#))
        .expect("version 1 listed");
    let v2 = p
        .body
        .find(&format!(r#"href="{list}/2""#))
        .expect("version 2 listed");
    assert!(v2 < v1, "newest first");
    assert!(p.body.contains("owner@example.nl"), "who saved");

    let p = reader.get(&format!("{list}/1")).await;
    assert_eq!(p.status, StatusCode::OK);
    for words in [
        "Te weinig hulp",
        "1 juni 2027",
        "Regio midden",
        "Wanneer kreeg u het besluit?",
        "Dit is een oudere versie",
    ] {
        assert!(p.body.contains(words), "'{words}' is not on version 1");
    }
    assert!(
        !p.body.contains("Mijn kind zit thuis"),
        "nothing of version 2"
    );
    let p = owner.get(&format!("{list}/2")).await;
    assert!(p.body.contains("Mijn kind zit thuis") && p.body.contains("Dit is de nieuwste versie"));
    assert!(!p.body.contains("1 juni 2027"));
    assert_eq!(
        owner.get(&format!("{list}/3")).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        owner.get(&format!("{list}/x")).await.status,
        StatusCode::NOT_FOUND
    );
    let log = store.audit_log(&case).await.unwrap();
    assert!(
        log.iter()
            .any(|a| a.action == "read /dossiers/{case}/antwoorden/{version}"),
        "a reader's look is in the audit log"
    );
}
