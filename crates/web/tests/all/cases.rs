//! Accounts and the case file through the router: sign up with the intake saved into a case,
//! the authorisation matrix over every case route, two editors of one event, bad input, export
//! and delete, log out everywhere, and login throttling.

use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use store::{Role, Store};

use crate::support::{
    Client, PASSWORD, Page, actor, app_and_store, config, new_case, now, share, sign_up, user_id,
};

/// A multipart form with the CSRF token of the last page and an optional file.
pub(crate) async fn post_multipart(
    c: &mut Client,
    path: &str,
    fields: &[(&str, &str)],
    file: Option<(&str, &[u8])>,
) -> Page {
    let boundary = "XyZrOuTeWiJzErBoUnDaRy";
    let mut body: Vec<u8> = Vec::new();
    let mut all: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if let Some(t) = &c.csrf {
        all.insert(0, ("csrf".into(), t.clone()));
    }
    for (k, v) in all {
        body.extend(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n")
                .as_bytes(),
        );
    }
    if let Some((name, bytes)) = file {
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend(bytes);
        body.extend(b"\r\n");
    }
    body.extend(format!("--{boundary}--\r\n").as_bytes());
    let request = Request::post(path)
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={boundary}"),
        )
        .body(Body::from(body))
        .unwrap();
    c.send(request).await
}

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";

async fn add_event(
    c: &mut Client,
    case: &str,
    title: &str,
    notes: &str,
    file: Option<(&str, &[u8])>,
) -> Page {
    c.get(&format!("/dossiers/{case}")).await;
    let fields = [
        ("kind", "conversation"),
        ("date", "2026-10-14"),
        ("title", title),
        ("notes", notes),
    ];
    post_multipart(
        c,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &fields,
        file,
    )
    .await
}

#[tokio::test]
async fn sign_up_saves_the_intake_into_a_new_case() {
    let (app, store, _) = app_and_store("signup-intake").await;
    let mut c = Client::new(app.clone());
    c.get("/vragen/probleem").await;
    let p = c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let p = c.get("/account/nieuw").await;
    assert!(
        p.body.contains(r#"name="save_intake""#),
        "the intake can be saved"
    );
    let fields = [
        ("email", "ouder@example.nl"),
        ("password", PASSWORD),
        ("password2", PASSWORD),
        ("save_intake", "ja"),
    ];
    let p = c.post("/account/nieuw", &fields).await;
    assert!(p.location().starts_with("/dossiers/"), "{}", p.location());
    let case = p.location().trim_start_matches("/dossiers/").to_string();
    let saved = store.latest_answers(&case).await.unwrap().unwrap();
    assert!(saved.answers.contains("hulp"), "{}", saved.answers);
    let p = c.get(&format!("/dossiers/{case}")).await;
    assert_eq!(p.status, StatusCode::OK);

    // Sign-up mistakes are explained, and the address kept.
    let mut d = Client::new(app);
    d.get("/account/nieuw").await;
    let p = d
        .post(
            "/account/nieuw",
            &[
                ("email", "OUDER@example.nl"),
                ("password", PASSWORD),
                ("password2", PASSWORD),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("al een account"));
    let p = d
        .post(
            "/account/nieuw",
            &[
                ("email", "nieuw@example.nl"),
                ("password", "kort"),
                ("password2", "kort"),
            ],
        )
        .await;
    assert!(p.body.contains("minstens 10 tekens") && p.body.contains("nieuw@example.nl"));
}

#[tokio::test]
async fn every_case_route_checks_who_asks() {
    let (app, store, _) = app_and_store("matrix").await;
    matrix(app, store).await;
}

/// The same matrix with the app on PostgreSQL (`DATABASE_URL`), in a schema of its own.
#[tokio::test]
async fn every_case_route_checks_who_asks_on_postgres() {
    let Some((url, schema)) = store_tests::pg_schema("web_matrix").await else {
        return;
    };
    let mut c = config("matrix-pg");
    c.database_url = Some(url);
    let app = web::App::build(c)
        .await
        .expect("the app starts on PostgreSQL");
    let (router, store) = (app.router(), app.store());
    let result = tokio::spawn(matrix(router, store)).await;
    store_tests::drop_pg_schema(&schema).await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn matrix(app: Router, store: Arc<dyn Store>) {
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let mut other = sign_up(&app, "other@example.nl").await;
    let mut reader = sign_up(&app, "reader@example.nl").await;
    let mut contributor = sign_up(&app, "contributor@example.nl").await;
    let mut revoked = sign_up(&app, "revoked@example.nl").await;
    let mut volunteer = sign_up(&app, "volunteer@example.nl").await;
    let mut anonymous = Client::new(app.clone());
    anonymous.get("/antwoorden").await;
    let case = new_case(&mut owner, "Sam").await;
    let p = add_event(
        &mut owner,
        &case,
        "Gesprek",
        "eerste",
        Some(("brief.pdf", PDF)),
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let event = store.events(&case).await.unwrap()[0].id.clone();
    let attachment = store.attachments(&case).await.unwrap()[0].id.clone();
    let owner_id = user_id(&store, "owner@example.nl").await;
    // A child, a party and a version of the answers for the routes that name one.
    let by_owner = actor(&owner_id);
    let child = store::Child {
        id: store::new_id(),
        case_id: case.clone(),
        name: "Sam".into(),
        birth_year: None,
        school_type: String::new(),
        school_level: String::new(),
    };
    store.save_child(&child, &by_owner).await.unwrap();
    let party = store::Party {
        id: store::new_id(),
        case_id: case.clone(),
        name: "De Brug".into(),
        role: "school".into(),
        contact: String::new(),
        holiday_contact: String::new(),
    };
    store.save_party(&party, &by_owner).await.unwrap();
    let version = store
        .save_answers(&case, r#"{"answers":{}}"#, &by_owner)
        .await
        .unwrap()
        .to_string();
    share(&store, &case, &owner_id, "reader@example.nl", Role::Read).await;
    share(
        &store,
        &case,
        &owner_id,
        "contributor@example.nl",
        Role::Contribute,
    )
    .await;
    let gone = share(
        &store,
        &case,
        &owner_id,
        "revoked@example.nl",
        Role::Contribute,
    )
    .await;
    store
        .revoke_share(&case, &gone, &actor(&owner_id))
        .await
        .unwrap();

    // A volunteer of the organisation with a help request that shares only the summary, and a
    // second open request that the help routes of the table name (revoking it leaves the first).
    let help =
        crate::help::summary_volunteer(&store, &case, &owner_id, "volunteer@example.nl").await;

    for (method, pattern, action) in web::CASE_ROUTES {
        let needed = &action.needs();
        let path = pattern
            .replace("{case}", &case)
            .replace("{event}", &event)
            .replace("{attachment}", &attachment)
            .replace("{share}", &gone)
            .replace("{letter}", "bezwaar")
            .replace("{step}", "praten")
            .replace("{child}", &child.id)
            .replace("{party}", &party.id)
            .replace("{version}", &version)
            .replace("{help}", &help);
        let who: [(&str, &mut Client, Option<Role>); 7] = [
            ("anonymous", &mut anonymous, None),
            ("volunteer-summary", &mut volunteer, Some(Role::Summary)),
            ("owner", &mut owner, Some(Role::Owner)),
            ("another parent", &mut other, None),
            ("advocate-read", &mut reader, Some(Role::Read)),
            (
                "advocate-contribute",
                &mut contributor,
                Some(Role::Contribute),
            ),
            ("revoked advocate", &mut revoked, None),
        ];
        for (name, c, role) in who {
            // Every client has a page with a CSRF token, so refusals are about access only.
            c.get("/antwoorden").await;
            let p = if *method == "GET" {
                c.get(&path).await
            } else if pattern.ends_with("/gebeurtenissen") {
                let fields = [
                    ("kind", "meeting"),
                    ("date", "2026-10-15"),
                    ("title", "Overleg"),
                    ("notes", ""),
                ];
                post_multipart(c, &path, &fields, None).await
            } else {
                // Harmless bodies: the delete is not confirmed, the edit names an old version.
                c.post(
                    &path,
                    &[
                        ("name", "Kim"),
                        ("kind", "meeting"),
                        ("date", "2026-10-15"),
                        ("title", "x"),
                        ("version", "0"),
                    ],
                )
                .await
            };
            let expected = match role {
                _ if name == "anonymous" => "login",
                None => "not found",
                Some(r) if r >= *needed => "allowed",
                Some(_) => "forbidden",
            };
            let got = match p.status {
                StatusCode::SEE_OTHER if p.location() == "/inloggen" => "login",
                StatusCode::NOT_FOUND => "not found",
                StatusCode::FORBIDDEN => "forbidden",
                _ => "allowed",
            };
            assert_eq!(
                got,
                expected,
                "{name}: {method} {pattern} gave {} {}",
                p.status,
                p.location()
            );
        }
    }
    assert_eq!(
        store.case_by_id(&case).await.unwrap().map(|c| c.id),
        Some(case.clone()),
        "still there"
    );
    assert!(
        store
            .children(&case)
            .await
            .unwrap()
            .iter()
            .any(|c| c.id == child.id)
            && store
                .parties(&case)
                .await
                .unwrap()
                .iter()
                .any(|p| p.id == party.id),
        "an unconfirmed remove removes nothing"
    );
    let log = store.audit_log(&case).await.unwrap();
    assert!(
        log.iter().any(|a| a.action.starts_with("read ")),
        "reads by advocates are in the audit log"
    );
    let _ = Method::GET;
}

#[tokio::test]
async fn two_editors_of_one_event_lose_nothing() {
    let (app, store, _) = app_and_store("conflict").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let mut advocate = sign_up(&app, "adv@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    add_event(&mut owner, &case, "Gesprek", "eerste versie", None).await;
    // The timeline shows the date as a parent reads one, not as it is stored.
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains("woensdag 14 oktober 2026 · "),
        "{}",
        page.body
    );
    let owner_id = user_id(&store, "owner@example.nl").await;
    share(&store, &case, &owner_id, "adv@example.nl", Role::Contribute).await;
    let event = store.events(&case).await.unwrap()[0].id.clone();
    let path = format!("/dossiers/{case}/gebeurtenissen/{event}");
    let a = owner.get(&path).await;
    assert!(a.body.contains(r#"name="version" value="1""#));
    advocate.get(&path).await;
    let form = |notes: &'static str| {
        [
            ("kind", "conversation"),
            ("date", "2026-10-14"),
            ("title", "Gesprek"),
            ("notes", notes),
            ("version", "1"),
        ]
    };
    let p = owner.post(&path, &form("tekst van de ouder")).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let p = advocate.post(&path, &form("tekst van de advocaat")).await;
    assert_eq!(p.status, StatusCode::CONFLICT);
    assert!(
        p.body
            .contains("Iemand anders heeft deze gebeurtenis net gewijzigd")
    );
    assert!(
        p.body.contains("tekst van de advocaat"),
        "the second editor keeps their text"
    );
    assert!(
        p.body.contains("tekst van de ouder"),
        "and sees what was saved"
    );
    assert!(
        p.body.contains(r#"name="version" value="2""#),
        "saving again is a deliberate choice"
    );
    assert_eq!(
        store.event(&case, &event).await.unwrap().unwrap().notes,
        "tekst van de ouder"
    );
}

#[tokio::test]
async fn bad_input_is_refused_or_neutralised_and_the_text_kept() {
    let (app, store, _data) = app_and_store("bad-input").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    // A program dressed up as a PDF.
    let p = add_event(
        &mut owner,
        &case,
        "Brief",
        "mijn aantekening",
        Some(("brief.pdf", b"MZ\x90\x00 not a pdf")),
    )
    .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Dit soort bestand kunnen we niet bewaren"));
    assert!(
        p.body.contains("mijn aantekening"),
        "the notes are kept in the form"
    );
    assert!(store.events(&case).await.unwrap().is_empty());
    // A date that does not exist.
    owner.get(&format!("/dossiers/{case}")).await;
    let fields = [
        ("kind", "letter"),
        ("date", "2026-02-30"),
        ("title", "Brief"),
        ("notes", "bewaar mij"),
    ];
    let p = post_multipart(
        &mut owner,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &fields,
        None,
    )
    .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body
            .contains("Datum: 30 februari 2026 bestaat niet. Die maand heeft 28 dagen.")
            && p.body.contains("bewaar mij"),
        "{}",
        p.body
    );
    // Too large for the form.
    let big = vec![b'%'; web::ATTACHMENT_LIMIT + 10];
    let p = add_event(&mut owner, &case, "Groot", "", Some(("groot.pdf", &big))).await;
    assert_eq!(p.status, StatusCode::PAYLOAD_TOO_LARGE);
    // Script in the notes is kept as typed but never shown as HTML.
    let p = add_event(
        &mut owner,
        &case,
        "Script",
        "hallo <script>alert(1)</script> **vet** <img src=x onerror=alert(2)>",
        None,
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        !page.body.contains("<script>alert") && !page.body.contains("onerror"),
        "{}",
        page.body
    );
    assert!(page.body.contains("<strong>vet</strong>"));
    assert!(
        store.events(&case).await.unwrap()[0]
            .notes
            .contains("<script>"),
        "stored as typed"
    );
    assert!(
        store.attachments(&case).await.unwrap().is_empty(),
        "no file was stored"
    );
}

/// The raw body of a GET, for binary downloads.
async fn get_bytes(c: &Client, path: &str) -> (StatusCode, Vec<u8>) {
    use tower::ServiceExt;
    let mut request = Request::get(path).body(Body::empty()).unwrap();
    if let Some(cookie) = &c.cookie {
        request
            .headers_mut()
            .insert(header::COOKIE, cookie.parse().unwrap());
    }
    let response = c.app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    (
        status,
        axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec(),
    )
}

#[tokio::test]
async fn export_delete_import_gives_the_same_case_and_delete_leaves_nothing() {
    let (app, store, _data) = app_and_store("export-delete").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    owner.get(&format!("/dossiers/{case}")).await;
    owner
        .post(
            &format!("/dossiers/{case}/kinderen"),
            &[
                ("name", "Sam"),
                ("birth_year", "2016"),
                ("school_level", "groep 5"),
            ],
        )
        .await;
    add_event(
        &mut owner,
        &case,
        "Gesprek",
        "aantekening",
        Some(("brief.pdf", PDF)),
    )
    .await;
    add_event(&mut owner, &case, "Tweede", "nog een", None).await;
    // Help asked, reminders on and consent to combine: the export holds them for the record.
    let owner_id = user_id(&store, "owner@example.nl").await;
    let me = actor(&owner_id);
    store
        .create_help_request(
            &store::HelpRequest {
                id: store::new_id(),
                case_id: case.clone(),
                requested_by: owner_id.clone(),
                message: "Graag hulp".into(),
                level: store::HelpLevel::Summary,
                assigned_to: None,
                created_at: me.now,
                assigned_at: None,
                revoked_at: None,
            },
            &me,
        )
        .await
        .unwrap();
    store.set_reminders(&case, true, &me).await.unwrap();
    store.set_combine_consent(&case, true, &me).await.unwrap();
    let (status, zip) = get_bytes(&owner, &format!("/dossiers/{case}/export")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(zip.starts_with(b"PK"), "a ZIP");
    let json: serde_json::Value = {
        use std::io::Read;
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&zip[..])).unwrap();
        let mut text = String::new();
        archive
            .by_name("case.json")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        serde_json::from_str(&text).unwrap()
    };
    assert_eq!(json["help_requests"][0]["message"], "Graag hulp");
    assert_eq!(json["reminders_on"], true);
    assert!(json["combine_consent_since"].is_i64());
    let kept = store.attachments(&case).await.unwrap();
    assert_eq!(kept.len(), 1);
    assert!(
        store
            .attachment_chunk(&case, &kept[0].id, 0)
            .await
            .unwrap()
            .is_some(),
        "the file's bytes are in the store"
    );

    owner.get(&format!("/dossiers/{case}")).await;
    let p = owner
        .post(
            &format!("/dossiers/{case}/verwijderen"),
            &[("confirm", "ja")],
        )
        .await;
    assert_eq!(p.location(), "/dossiers");
    assert!(store.case_by_id(&case).await.unwrap().is_none());
    assert!(store.children(&case).await.unwrap().is_empty());
    assert!(store.events(&case).await.unwrap().is_empty());
    assert!(store.attachments(&case).await.unwrap().is_empty());
    assert!(store.audit_log(&case).await.unwrap().is_empty());
    assert_eq!(
        store.attachment_chunk(&case, &kept[0].id, 0).await.unwrap(),
        None,
        "the files are gone"
    );
    assert_eq!(
        owner.get(&format!("/dossiers/{case}")).await.status,
        StatusCode::NOT_FOUND
    );

    owner.get("/dossiers").await;
    let p = post_multipart(
        &mut owner,
        "/dossiers/importeren",
        &[],
        Some(("routewijzer-dossier.zip", &zip)),
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let back = p.location().trim_start_matches("/dossiers/").to_string();
    assert_eq!(store.case_by_id(&back).await.unwrap().unwrap().title, "Sam");
    // Help, reminders and consent are asked and given again; they do not come back by import.
    assert!(store.help_requests_of_case(&back).await.unwrap().is_empty());
    assert!(!store.reminders_on(&back).await.unwrap());
    assert_eq!(store.combine_consent(&back).await.unwrap(), None);
    let child = &store.children(&back).await.unwrap()[0];
    assert_eq!(
        (
            child.name.as_str(),
            child.birth_year,
            child.school_level.as_str()
        ),
        ("Sam", Some(2016), "groep 5")
    );
    let events: Vec<(String, String, String, String)> = store
        .events(&back)
        .await
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.date, e.title, e.notes))
        .collect();
    assert_eq!(events.len(), 2);
    assert!(events.contains(&(
        "conversation".into(),
        "2026-10-14".into(),
        "Gesprek".into(),
        "aantekening".into()
    )));
    let a = &store.attachments(&back).await.unwrap()[0];
    let (status, bytes) = get_bytes(&owner, &format!("/dossiers/{back}/bijlagen/{}", a.id)).await;
    assert_eq!((status, bytes.as_slice()), (StatusCode::OK, PDF));

    // Not ours, or a disguised attachment inside: refused with a message, nothing stored.
    let p = post_multipart(
        &mut owner,
        "/dossiers/importeren",
        &[],
        Some(("x.zip", b"not a zip")),
    )
    .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("geen dossier uit Routewijzer"));
    let owner_id = user_id(&store, "owner@example.nl").await;
    assert_eq!(
        store.cases_for_user(&owner_id, now()).await.unwrap().len(),
        1
    );

    // Deleting the account takes the imported case and its files too.
    owner.get("/account").await;
    let p = owner
        .post("/account/verwijderen", &[("confirm", "ja")])
        .await;
    assert_eq!(p.location(), "/");
    assert!(store.user_by_id(&owner_id).await.unwrap().is_none());
    assert!(store.case_by_id(&back).await.unwrap().is_none());
    assert_eq!(
        store.attachment_chunk(&back, &a.id, 0).await.unwrap(),
        None,
        "the imported file is gone too"
    );
}

#[tokio::test]
async fn log_out_everywhere_and_throttled_logins() {
    let (app, _, _) = app_and_store("logout").await;
    let mut first = sign_up(&app, "owner@example.nl").await;
    let mut second = Client::new(app.clone());
    second.get("/inloggen").await;
    let p = second
        .post(
            "/inloggen",
            &[("email", "Owner@Example.nl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(p.location(), "/dossiers");
    assert_eq!(second.get("/dossiers").await.status, StatusCode::OK);
    first.get("/account").await;
    let p = first.post("/uitloggen/overal", &[]).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert_eq!(
        second.get("/dossiers").await.location(),
        "/inloggen",
        "the other browser is logged out too"
    );

    let mut attacker = Client::new(app);
    attacker.get("/inloggen").await;
    for _ in 0..5 {
        let p = attacker
            .post(
                "/inloggen",
                &[
                    ("email", "owner@example.nl"),
                    ("password", "fout fout fout"),
                ],
            )
            .await;
        assert!(p.body.contains("klopt niet"));
    }
    let p = attacker
        .post(
            "/inloggen",
            &[("email", "owner@example.nl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        p.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right password waits"
    );
}

#[tokio::test]
async fn an_invited_advocate_sees_the_case_until_revoked() {
    let (app, store, _) = app_and_store("sharing").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    add_event(&mut owner, &case, "Gesprek met de IB'er", "afspraken", None).await;
    owner.get(&format!("/dossiers/{case}/delen")).await;
    let p = owner
        .post(
            &format!("/dossiers/{case}/delen"),
            &[("email", "Adv@Example.nl"), ("role", "read")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let p = owner
        .post(
            &format!("/dossiers/{case}/delen"),
            &[
                ("email", "x@example.nl"),
                ("role", "read"),
                ("until", "2026-02-30"),
            ],
        )
        .await;
    assert!(
        p.body
            .contains("Laatste dag van toegang: 30 februari 2026 bestaat niet.")
            && p.body.contains(r#"value="2026-02-30""#),
        "an impossible end date is refused, and kept as typed"
    );
    let invite = store.shares(&case).await.unwrap().remove(0);
    let link = format!("/uitnodiging/{}", invite.token);

    let mut stranger = sign_up(&app, "stranger@example.nl").await;
    let p = stranger.get(&link).await;
    assert!(
        p.body.contains("voor een ander e-mailadres"),
        "only the invited address may accept"
    );

    let mut advocate = sign_up(&app, "adv@example.nl").await;
    advocate.get(&link).await;
    let p = advocate.post(&link, &[]).await;
    assert_eq!(p.location(), format!("/dossiers/{case}"));
    let p = advocate.get(&format!("/dossiers/{case}")).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(
        p.body.contains("Gesprek met de IB"),
        "the advocate sees the timeline"
    );
    assert!(
        !p.body.contains("/gebeurtenissen\" enctype"),
        "a reader gets no form to add events"
    );

    let page = owner.get(&format!("/dossiers/{case}/delen")).await;
    assert!(page.body.contains("adv@example.nl") || page.body.contains("Adv@Example.nl"));
    assert!(
        page.body.contains("read /dossiers/{case}"),
        "the advocate's read is in the audit log"
    );
    let p = owner
        .post(
            &format!("/dossiers/{case}/delen/{}/intrekken", invite.id),
            &[],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert_eq!(
        advocate.get(&format!("/dossiers/{case}")).await.status,
        StatusCode::NOT_FOUND,
        "revoked"
    );
    assert!(
        advocate
            .get(&link)
            .await
            .body
            .contains("ingetrokken of verlopen")
    );
}

#[tokio::test]
async fn the_second_factor_asks_for_the_code_from_the_app() {
    let (app, store, _) = app_and_store("totp").await;
    let mut c = sign_up(&app, "owner@example.nl").await;
    let p = c.get("/account").await;
    let at =
        p.body.find(r#"<code id="totp-secret">"#).unwrap() + r#"<code id="totp-secret">"#.len();
    let secret = p.body[at..].split('<').next().unwrap().to_string();
    let p = c
        .post("/account/tweestaps/aan", &[("code", "000000x")])
        .await;
    assert!(p.body.contains("Deze code klopt niet"));
    let code = web::totp_code(&secret, now()).unwrap();
    let p = c.post("/account/tweestaps/aan", &[("code", &code)]).await;
    assert_eq!(p.location(), "/account");
    let user = store
        .user_by_email("owner@example.nl")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.totp_secret.as_deref(), Some(secret.as_str()));

    let mut d = Client::new(app);
    d.get("/inloggen").await;
    let p = d
        .post(
            "/inloggen",
            &[("email", "owner@example.nl"), ("password", PASSWORD)],
        )
        .await;
    assert_eq!(
        p.location(),
        "/inloggen/code",
        "the password alone is not enough"
    );
    assert_eq!(
        d.get("/dossiers").await.location(),
        "/inloggen",
        "not logged in yet"
    );
    d.get("/inloggen/code").await;
    let p = d.post("/inloggen/code", &[("code", "123")]).await;
    assert!(p.body.contains("Deze code klopt niet"));
    let code = web::totp_code(&secret, now()).unwrap();
    let p = d.post("/inloggen/code", &[("code", &code)]).await;
    assert_eq!(p.location(), "/dossiers");
    assert_eq!(d.get("/dossiers").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_forgotten_password_is_reset_by_a_link_that_works_once() {
    let mut c = config("reset");
    let mailer = web::Mailer::memory();
    c.mailer = mailer.clone();
    let app = web::App::build(c).await.unwrap().router();
    let mut first = sign_up(&app, "owner@example.nl").await;
    let mut d = Client::new(app.clone());
    d.get("/wachtwoord-vergeten").await;
    let p = d
        .post("/wachtwoord-vergeten", &[("email", "nobody@example.nl")])
        .await;
    let same = p.body.contains("Als er een account is");
    let p = d
        .post("/wachtwoord-vergeten", &[("email", "OWNER@example.nl")])
        .await;
    assert!(
        same && p.body.contains("Als er een account is"),
        "the page does not tell who has an account"
    );
    let mails = mailer.sent();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "owner@example.nl");
    // A mail needs a whole address: the app's own (the listen address unless --public-url).
    let link = mails[0]
        .body
        .split_whitespace()
        .find_map(|w| w.strip_prefix("http://127.0.0.1:8080"))
        .filter(|path| path.starts_with("/wachtwoord-herstellen/"))
        .expect("a full link in the mail")
        .to_string();
    d.get(&link).await;
    let p = d
        .post(
            &link,
            &[
                ("password", "nieuw wachtwoord 1"),
                ("password2", "iets anders"),
            ],
        )
        .await;
    assert!(
        p.body.contains("niet gelijk"),
        "a typing mistake does not use up the link"
    );
    let p = d
        .post(
            &link,
            &[
                ("password", "nieuw wachtwoord 1"),
                ("password2", "nieuw wachtwoord 1"),
            ],
        )
        .await;
    assert_eq!(p.location(), "/inloggen");
    assert_eq!(
        first.get("/dossiers").await.location(),
        "/inloggen",
        "every login ended"
    );
    let p = d
        .post(
            &link,
            &[
                ("password", "nog een wachtwoord"),
                ("password2", "nog een wachtwoord"),
            ],
        )
        .await;
    assert!(p.body.contains("Deze link werkt niet meer"));
    d.get("/inloggen").await;
    let p = d
        .post(
            "/inloggen",
            &[
                ("email", "owner@example.nl"),
                ("password", "nieuw wachtwoord 1"),
            ],
        )
        .await;
    assert_eq!(p.location(), "/dossiers");
}

#[tokio::test]
async fn a_partial_re_save_of_the_intake_keeps_earlier_answers() {
    let (app, store, _) = app_and_store("answers-merge").await;
    let mut c = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut c, "Sam").await;
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/datum-besluit").await;
    c.post(
        "/vragen/datum-besluit",
        &[("dag", "1"), ("maand", "6"), ("jaar", "2027")],
    )
    .await;
    c.get(&format!("/dossiers/{case}")).await;
    c.post(&format!("/dossiers/{case}/antwoorden"), &[]).await;
    // A new session knows only one answer; saving it must not drop the date.
    c.post("/opnieuw", &[]).await;
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get(&format!("/dossiers/{case}")).await;
    c.post(&format!("/dossiers/{case}/antwoorden"), &[]).await;
    let versions = store.answer_versions(&case).await.unwrap();
    assert_eq!(versions.len(), 2, "every save is a version");
    assert!(
        versions[1].answers.contains("2027-06-01"),
        "the date entered earlier is kept: {}",
        versions[1].answers
    );
}

#[tokio::test]
async fn a_decision_event_starts_its_deadlines() {
    let (app, store, _) = app_and_store("decision").await;
    let store_parties = |_: &Router, case: &str| {
        let (store, case) = (store.clone(), case.to_string());
        async move { store.parties(&case).await.unwrap()[0].id.clone() }
    };
    let mut c = sign_up(&app, "owner@example.nl").await;
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "ja")]).await;
    c.get("/dossiers").await;
    let p = c
        .post("/dossiers", &[("title", "Sam"), ("save_intake", "ja")])
        .await;
    let case = p.location().trim_start_matches("/dossiers/").to_string();
    let before = c.get(&format!("/dossiers/{case}")).await;
    assert!(!before.body.contains("25 november 2026"));
    let fields = [
        ("kind", "decision"),
        ("date", "2026-10-14"),
        ("title", "Besluit"),
        ("notes", ""),
        ("sets_date", "datum-besluit"),
    ];
    let p = post_multipart(
        &mut c,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &fields,
        None,
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    let after = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        after.body.contains("Bezwaar maken") && after.body.contains("25 november 2026"),
        "{}",
        after.body
    );
    c.post(
        &format!("/dossiers/{case}/partijen"),
        &[
            ("name", "De Regenboog"),
            ("role", "school"),
            ("contact", "info@regenboog.example"),
        ],
    )
    .await;
    let party = store_parties(&app, &case).await;
    let fields = [
        ("kind", "meeting"),
        ("date", "2026-10-20"),
        ("title", "Overleg"),
        ("notes", ""),
        ("party", party.as_str()),
    ];
    let p = post_multipart(
        &mut c,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &fields,
        None,
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains("Met wie: De Regenboog"),
        "the parties of an event are shown"
    );
    let p = c
        .post(
            &format!("/dossiers/{case}/stappen/praten"),
            &[("outcome", "geen-oplossing"), ("date", "2026-10-01")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains("Geen oplossing (2026-10-01)"),
        "the outcome of a step is recorded"
    );
    let p = c
        .post(
            &format!("/dossiers/{case}/stappen/praten"),
            &[("outcome", "geen-oplossing"), ("date", "1-13-2026")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        p.body.contains("Datum: Er is geen maand 13.")
            && p.body.contains(r##"href="#outcome-date-praten""##)
            && p.body.contains(r#"value="1-13-2026""#),
        "the outcome's date is named, and kept as typed: {}",
        p.body
    );
    let p = c
        .post(
            &format!("/dossiers/{case}/stappen/praten"),
            &[("outcome", "geen-oplossing"), ("date", "2 oktober 2026")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "a date in words");
    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body.contains("Geen oplossing (2026-10-02)"),
        "stored as ISO"
    );
    let bad = [
        ("kind", "decision"),
        ("date", "2026-10-14"),
        ("title", "B"),
        ("notes", ""),
        ("sets_date", "probleem"),
    ];
    let p = post_multipart(
        &mut c,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &bad,
        None,
    )
    .await;
    assert_eq!(
        p.status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "only date questions"
    );
}

/// The text of a PDF through poppler's `pdftotext`, words joined by single spaces; `None` when
/// the tool is missing (allowed only outside CI).
pub(crate) fn pdf_words(pdf: &[u8], name: &str) -> Option<String> {
    if std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_err()
    {
        assert!(
            std::env::var_os("CI").is_none(),
            "pdftotext is needed in CI: install poppler-utils"
        );
        eprintln!(
            "\n!!! SKIPPED: pdftotext is not installed, the PDF text ({name}) was not read !!!\n"
        );
        return None;
    }
    let file = std::env::temp_dir().join(format!("{name}-{}.pdf", std::process::id()));
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .arg(&file)
        .arg("-")
        .output()
        .unwrap();
    std::fs::remove_file(&file).ok();
    assert!(out.status.success());
    Some(
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[tokio::test]
async fn the_dossier_pdf_and_zip_hold_the_case_and_are_audited() {
    let (app, store, _) = app_and_store("dossier").await;
    let mut c = sign_up(&app, "owner@example.nl").await;
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "ja")]).await;
    c.get("/dossiers").await;
    let p = c
        .post("/dossiers", &[("title", "Sam"), ("save_intake", "ja")])
        .await;
    let case = p.location().trim_start_matches("/dossiers/").to_string();
    c.get(&format!("/dossiers/{case}")).await;
    c.post(
        &format!("/dossiers/{case}/kinderen"),
        &[("name", "Sam"), ("birth_year", "2016")],
    )
    .await;
    c.post(
        &format!("/dossiers/{case}/partijen"),
        &[("name", "De Regenboog"), ("role", "school")],
    )
    .await;
    c.get(&format!("/dossiers/{case}")).await;
    let fields = [
        ("kind", "decision"),
        ("date", "2026-10-14"),
        ("title", "Besluit"),
        ("notes", "De school **weigert** het rooster."),
        ("sets_date", "datum-besluit"),
    ];
    let p = post_multipart(
        &mut c,
        &format!("/dossiers/{case}/gebeurtenissen"),
        &fields,
        Some(("besluit.pdf", PDF)),
    )
    .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);

    let page = c.get(&format!("/dossiers/{case}")).await;
    assert!(page.body.contains(&format!("/dossiers/{case}/dossier.pdf")));
    assert!(page.body.contains(&format!("/dossiers/{case}/dossier.zip")));
    // Each download says in one line what it is for.
    for (file, hint) in [
        ("dossier.pdf", "download-pdf-hint"),
        ("dossier.zip", "download-zip-hint"),
        ("export", "download-export-hint"),
    ] {
        let link = format!(r#"href="/dossiers/{case}/{file}" download aria-describedby="{hint}""#);
        assert!(page.body.contains(&link), "{link} in {}", page.body);
        assert!(page.body.contains(&format!(r#"id="{hint}" class="hint""#)));
    }

    let (status, pdf) = get_bytes(&c, &format!("/dossiers/{case}/dossier.pdf")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(pdf.starts_with(b"%PDF-"), "a PDF");
    if let Some(text) = pdf_words(&pdf, "web-dossier") {
        for want in [
            "Dossier van Sam",
            "De Regenboog",
            "woensdag 25 november 2026",
            "Tijdlijn woensdag 14 oktober 2026",
            "De school weigert het rooster.",
            "besluit.pdf",
        ] {
            assert!(text.contains(want), "{want:?} missing in: {text}");
        }
    }

    let (status, zip) = get_bytes(&c, &format!("/dossiers/{case}/dossier.zip")).await;
    assert_eq!(status, StatusCode::OK);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a ZIP");
    let names: Vec<String> = archive.file_names().map(str::to_string).collect();
    assert!(names.contains(&"dossier.pdf".to_string()), "{names:?}");
    assert!(
        names.contains(&"bijlagen/01-besluit.pdf".to_string()),
        "{names:?}"
    );
    let mut attached = Vec::new();
    std::io::Read::read_to_end(
        &mut archive.by_name("bijlagen/01-besluit.pdf").unwrap(),
        &mut attached,
    )
    .unwrap();
    assert_eq!(attached, PDF);

    let actions: Vec<String> = store
        .audit_log(&case)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.action)
        .collect();
    assert!(
        actions.contains(&"case.dossier-pdf".to_string()),
        "{actions:?}"
    );
    assert!(
        actions.contains(&"case.dossier-zip".to_string()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_letter_marked_as_sent_goes_on_the_timeline_and_starts_its_term() {
    let (app, store, _) = app_and_store("letter-sent").await;
    let mut c = sign_up(&app, "owner@example.nl").await;
    c.get("/vragen/probleem").await;
    c.post("/vragen/probleem", &[("antwoord", "hulp")]).await;
    c.get("/vragen/gesprek").await;
    c.post("/vragen/gesprek", &[("antwoord", "ja")]).await;
    c.get("/dossiers").await;
    let p = c
        .post("/dossiers", &[("title", "Sam"), ("save_intake", "ja")])
        .await;
    let case = p.location().trim_start_matches("/dossiers/").to_string();

    // A filled-in letter offers "mark as sent" for each case of the parent.
    c.get("/brieven/bezwaar").await;
    let filled = c
        .post(
            "/brieven/bezwaar",
            &[
                ("veld-afzender", "Fatima\nLindelaan 12"),
                ("veld-geadresseerde", "Het bestuur"),
                ("veld-plaats", "Utrecht"),
                ("veld-datum", "14 oktober 2026"),
                ("veld-naam-kind", "Sam"),
                ("veld-datum-besluit", "1 oktober 2026"),
                ("actie", "invullen"),
            ],
        )
        .await;
    assert!(
        filled
            .body
            .contains(&format!("formaction=\"/dossiers/{case}/brieven/bezwaar\"")),
        "{}",
        filled.body
    );
    // A visitor without an account gets no such buttons.
    let mut visitor = Client::new(app.clone());
    let page = visitor.get("/brieven/bezwaar").await;
    assert!(!page.body.contains("formaction="));

    let before = c.get(&format!("/dossiers/{case}")).await;
    assert!(!before.body.contains("25 november 2026"));
    let p = c
        .post(
            &format!("/dossiers/{case}/brieven/verzoek-fixture"),
            &[
                ("verstuurd_op", "2026-10-14"),
                ("onderwerp", "Verzoek over Sam"),
                (
                    "tekst",
                    "Geachte heer,\n\n<script>alert(1)</script>Ik vraag een besluit.",
                ),
            ],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(p.location(), format!("/dossiers/{case}#tijdlijn"));

    let events = store.events(&case).await.unwrap();
    let e = events
        .iter()
        .find(|e| e.kind == "letter")
        .expect("the letter event");
    assert_eq!(
        (e.date.as_str(), e.title.as_str(), e.sets_date.as_str()),
        (
            "2026-10-14",
            "Verzoek dat een termijn start",
            "datum-besluit"
        )
    );
    assert!(e.notes.contains("Ik vraag een besluit."));
    let log = store.audit_log(&case).await.unwrap();
    assert!(
        log.iter()
            .any(|a| a.action.starts_with("event.") && a.subject == e.id),
        "{log:?}"
    );

    let after = c.get(&format!("/dossiers/{case}")).await;
    assert!(after.body.contains("Verzoek dat een termijn start"));
    assert!(
        !after.body.contains("<script>alert(1)"),
        "the notes are sanitised"
    );
    assert!(
        after.body.contains("Bezwaar maken") && after.body.contains("25 november 2026"),
        "the term starts from the date sent: {}",
        after.body
    );

    // A date that is no date is refused with what to do.
    c.get(&format!("/dossiers/{case}")).await;
    let p = c
        .post(
            &format!("/dossiers/{case}/brieven/verzoek-fixture"),
            &[("verstuurd_op", "gisteren"), ("tekst", "x")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
}

/// Stored answers that no longer parse are an error page that says so, not an empty case.
#[tokio::test]
async fn a_case_whose_answers_do_not_read_says_so() {
    let (app, store, _) = app_and_store("unreadable").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    let owner_id = user_id(&store, "owner@example.nl").await;
    store
        .save_answers(&case, "{ this is no json", &actor(&owner_id))
        .await
        .unwrap();
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert_eq!(page.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert!(
        page.body.contains("kan nu niet worden geopend"),
        "{}",
        page.body
    );
}

/// Corrected content that changes a case's advice: the case page says so with before and
/// after until the parent confirms; the history keeps both.
#[tokio::test]
async fn a_case_page_says_when_new_content_changed_the_advice() {
    let (app, store, _) = app_and_store("advice-changed").await;
    let mut owner = sign_up(&app, "owner@example.nl").await;
    let case = new_case(&mut owner, "Sam").await;
    let owner_id = user_id(&store, "owner@example.nl").await;
    store
        .save_answers(&case, r#"{"answers":{}}"#, &actor(&owner_id))
        .await
        .unwrap();
    let first = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        !first.body.contains("advies-veranderd"),
        "a first advice is no change"
    );
    // As if the advice had been shown on older content, with another step current.
    let before = cases::advice::Summary {
        current: cases::advice::Named {
            id: "gpo".into(),
            title: "Een oude stap".into(),
        },
        deadlines: Vec::new(),
        warnings: Vec::new(),
    };
    store
        .add_advice_seen(&store::AdviceSeen {
            case_id: case.clone(),
            seq: 0,
            content_version: "2020-01-01.0000000000000000".into(),
            summary: serde_json::to_string(&before).unwrap(),
            seen_at: 1_700_000_000,
            seen_by: owner_id.clone(),
        })
        .await
        .unwrap();
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(
        page.body
            .contains("Het advies is veranderd sinds dinsdag 14 november 2023"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Een oude stap"));
    assert!(page.body.contains("advies-gelezen"));
    let p = owner
        .post(&format!("/dossiers/{case}/advies-gelezen"), &[])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = owner.get(&format!("/dossiers/{case}")).await;
    assert!(!page.body.contains("advies-veranderd"), "confirmed");
    let history = cases::advice::history(&*store, &case).await.unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[1].1.current.title, "Een oude stap");
    assert_eq!(history[2].0.seen_by, owner_id);
    let versions = owner.get(&format!("/dossiers/{case}/antwoorden")).await;
    assert!(
        versions.body.contains("Een oude stap"),
        "the old advice stays readable"
    );
}
