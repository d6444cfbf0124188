//! Organisation accounts and help requests through the router: the organisation pages need a
//! member with the second factor on and the right role; a parent asks for help, a coordinator
//! assigns a volunteer, the parent changes what is shared and revokes; every read by the
//! organisation is in the case's audit log; admins manage the members.

use std::sync::Arc;

use axum::http::StatusCode;
use store::{HelpLevel, HelpRequest, OrgRole, Store};

use crate::support::{
    Client, TOTP_SECRET, actor, app_and_store, config, make_member, new_case, now, sign_up, user_id,
};

/// Makes the account of `email` a member with `role`; returns its id.
async fn member(store: &Arc<dyn Store>, email: &str, role: OrgRole) -> String {
    let id = user_id(store, email).await;
    make_member(store, &id, role).await;
    id
}

/// For the authorisation matrix: makes `email` a volunteer with an assigned help request that
/// shares only the summary of `case`, and adds a second open request; returns the second's id.
pub(crate) async fn summary_volunteer(
    store: &Arc<dyn Store>,
    case: &str,
    owner_id: &str,
    email: &str,
) -> String {
    let volunteer = member(store, email, OrgRole::Volunteer).await;
    let by_owner = actor(owner_id);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let h = HelpRequest {
            id: store::new_id(),
            case_id: case.into(),
            requested_by: owner_id.into(),
            message: String::new(),
            level: HelpLevel::Summary,
            assigned_to: None,
            created_at: now(),
            assigned_at: None,
            revoked_at: None,
        };
        store.create_help_request(&h, &by_owner).await.unwrap();
        ids.push(h.id);
    }
    assert!(
        store
            .assign_help_request(&ids[0], &volunteer, &by_owner)
            .await
            .unwrap()
    );
    ids.pop().unwrap()
}

/// Answers that make a route with a current step, saved into the case as its owner would.
/// The first case reference on a page: the text of its `case-ref` element.
fn shown_reference(body: &str) -> String {
    let marker = r#"class="case-ref">"#;
    let start = body.find(marker).expect("the page shows a case reference") + marker.len();
    let len = body[start..].find('<').expect("the reference element ends");
    body[start..start + len].to_string()
}

async fn save_answers(store: &Arc<dyn Store>, case: &str, owner_id: &str) {
    let answers = r#"{"answers":{"probleem":["hulp"]}}"#;
    let actor = actor(owner_id);
    store.save_answers(case, answers, &actor).await.unwrap();
}

#[tokio::test]
async fn organisation_pages_need_membership_totp_and_role() {
    let (app, store, _) = app_and_store("org-gate").await;
    let mut anonymous = Client::new(app.clone());
    let p = anonymous.get("/organisatie/hulpvragen").await;
    assert_eq!(p.location(), "/inloggen");

    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let p = parent.get("/organisatie").await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
    assert!(
        p.body.contains("Alleen voor de oudervereniging"),
        "{}",
        p.body
    );

    // A coordinator without the second factor is sent to switch it on, with the reason.
    let mut coord = sign_up(&app, "coord@example.nl").await;
    let coord_id = user_id(&store, "coord@example.nl").await;
    store
        .set_org_role(&coord_id, Some(OrgRole::Coordinator), &actor("test"))
        .await
        .unwrap();
    let p = coord.get("/organisatie/hulpvragen").await;
    assert_eq!(
        (p.status, p.location()),
        (StatusCode::SEE_OTHER, "/account#totp")
    );
    let account = coord.get("/account").await;
    assert!(
        account
            .body
            .contains("U bent coördinator bij de oudervereniging. Daarvoor moet inloggen in twee stappen aan staan."),
        "{}",
        account.body
    );
    assert!(
        !coord
            .get("/account")
            .await
            .body
            .contains("U bent coördinator"),
        "the message is shown once"
    );
    store
        .set_totp_secret(&coord_id, Some(TOTP_SECRET))
        .await
        .unwrap();
    assert_eq!(
        coord.get("/organisatie/hulpvragen").await.status,
        StatusCode::OK
    );
    // A coordinator is not an admin; a volunteer is not a coordinator.
    assert_eq!(
        coord.get("/organisatie/leden").await.status,
        StatusCode::FORBIDDEN
    );
    let mut vol = sign_up(&app, "vrijwilliger@example.nl").await;
    member(&store, "vrijwilliger@example.nl", OrgRole::Volunteer).await;
    assert_eq!(
        vol.get("/organisatie/hulpvragen").await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        vol.get("/organisatie/mijn-hulpvragen").await.status,
        StatusCode::OK
    );
    let p = vol
        .post("/organisatie/hulpvragen/x/toewijzen", &[("volunteer", "y")])
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn admins_manage_members_and_keep_one_admin() {
    let (app, store, _) = app_and_store("org-members").await;
    let mut admin = sign_up(&app, "beheer@example.nl").await;
    let admin_id = member(&store, "beheer@example.nl", OrgRole::Admin).await;
    sign_up(&app, "nieuw@example.nl").await;
    let new_id = user_id(&store, "nieuw@example.nl").await;

    let p = admin.get("/organisatie/leden").await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("beheer@example.nl"));
    let p = admin
        .post(
            "/organisatie/leden",
            &[("email", "Nieuw@Example.nl"), ("role", "volunteer")],
        )
        .await;
    assert_eq!(p.location(), "/organisatie/leden", "{}", p.body);
    assert_eq!(
        store.org_role(&new_id).await.unwrap(),
        Some(OrgRole::Volunteer)
    );
    let p = admin.get("/organisatie/leden").await;
    assert!(
        p.body.contains("nieuw@example.nl is nu vrijwilliger."),
        "{}",
        p.body
    );
    assert!(p.body.contains("twee stappen staat nog uit"));

    let p = admin
        .post(
            "/organisatie/leden",
            &[("email", "niemand@example.nl"), ("role", "volunteer")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Er is geen account met dit e-mailadres"));
    assert!(p.body.contains(r##"href="#member-email""##));
    let p = admin
        .post(
            "/organisatie/leden",
            &[("email", "nieuw@example.nl"), ("role", "baas")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    let p = admin
        .post(
            "/organisatie/leden",
            &[("email", "beheer@example.nl"), ("role", "none")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Dit is de laatste beheerder"));
    assert_eq!(
        store.org_role(&admin_id).await.unwrap(),
        Some(OrgRole::Admin)
    );

    admin.get("/organisatie/leden").await;
    let p = admin
        .post(
            "/organisatie/leden",
            &[("email", "nieuw@example.nl"), ("role", "none")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert_eq!(store.org_role(&new_id).await.unwrap(), None);
}

#[tokio::test]
async fn a_help_request_from_ask_to_revoke() {
    let mut c = config("help-flow");
    let mailer = web::Mailer::memory();
    c.mailer = mailer.clone();
    let app = web::App::build(c).await.expect("the fixture content loads");
    let (app, store) = (app.router(), app.store());
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let parent_id = user_id(&store, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Sam").await;
    save_answers(&store, &case, &parent_id).await;
    let mut coord = sign_up(&app, "coord@example.nl").await;
    member(&store, "coord@example.nl", OrgRole::Coordinator).await;
    let mut vol = sign_up(&app, "vrijwilliger@example.nl").await;
    let vol_id = member(&store, "vrijwilliger@example.nl", OrgRole::Volunteer).await;
    let mut other_parent = sign_up(&app, "ander@example.nl").await;

    // Visitors learn they need an account and a case; the parent gets a link per case.
    let mut visitor = Client::new(app.clone());
    let p = visitor.get("/hulp").await;
    assert!(p.body.contains("heeft u een account en een dossier nodig"));
    let p = parent.get("/hulp").await;
    assert!(p.body.contains(&format!("/dossiers/{case}/hulp")));
    assert!(
        parent
            .get(&format!("/dossiers/{case}"))
            .await
            .body
            .contains(&format!("/dossiers/{case}/hulp"))
    );

    // Before a request, the organisation sees nothing of the case.
    let summary = format!("/dossiers/{case}/samenvatting");
    assert_eq!(coord.get(&summary).await.status, StatusCode::NOT_FOUND);

    // Asking needs a choice of what to share.
    parent.get(&format!("/dossiers/{case}/hulp")).await;
    let p = parent
        .post(
            &format!("/dossiers/{case}/hulp"),
            &[("level", ""), ("message", "Graag hulp")],
        )
        .await;
    assert_eq!(p.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(p.body.contains("Kies wat de vrijwilliger mag zien."));
    assert!(p.body.contains("Graag hulp"), "the message is kept");
    let p = parent
        .post(
            &format!("/dossiers/{case}/hulp"),
            &[("level", "summary"), ("message", "Graag hulp <bij> school")],
        )
        .await;
    assert_eq!(p.location(), format!("/dossiers/{case}/hulp"));
    let requests = store.help_requests_of_case(&case).await.unwrap();
    assert_eq!(requests.len(), 1);
    let help = requests[0].id.clone();
    assert_eq!(requests[0].level, HelpLevel::Summary);
    let told: Vec<String> = mailer.sent().into_iter().map(|m| m.to).collect();
    assert_eq!(
        told,
        vec!["coord@example.nl".to_string()],
        "the coordinators hear of a new request, nobody else"
    );
    assert!(
        parent
            .get(&format!("/dossiers/{case}/hulp"))
            .await
            .body
            .contains("Er is nog geen vrijwilliger gekozen")
    );

    // The coordinator sees it in the inbox (escaped), reads the summary, assigns.
    let p = coord.get("/organisatie/hulpvragen").await;
    assert!(
        p.body.contains("Graag hulp &#60;bij&#62; school")
            || p.body.contains("Graag hulp &lt;bij&gt; school"),
        "{}",
        p.body
    );
    assert!(p.body.contains(&summary));
    // The case has a reference next to its title that the parent sees on their help page too,
    // so that both can say which case a mail is about; it is not the case's id.
    let reference = shown_reference(&p.body);
    assert!(reference.starts_with("Dossiernummer "), "{reference}");
    assert!(!reference.contains(&case));
    let own = parent.get(&format!("/dossiers/{case}/hulp")).await;
    assert_eq!(shown_reference(&own.body), reference, "{}", own.body);
    let p = coord.get(&summary).await;
    assert_eq!(p.status, StatusCode::OK, "{}", p.body);
    assert_eq!(
        coord.get(&format!("/dossiers/{case}")).await.status,
        StatusCode::FORBIDDEN,
        "the coordinator sees only the summary"
    );
    assert_eq!(vol.get(&summary).await.status, StatusCode::NOT_FOUND);
    let p = coord.get("/organisatie/hulpvragen").await;
    assert!(
        p.body
            .contains(r#"<option value="" selected>Kies iemand</option>"#),
        "nobody is chosen until the coordinator chooses"
    );
    // Sending the form without a choice changes nothing and says so.
    let p = coord
        .post(
            &format!("/organisatie/hulpvragen/{help}/toewijzen"),
            &[("volunteer", "")],
        )
        .await;
    assert_eq!(p.location(), "/organisatie/hulpvragen");
    let p = coord.get("/organisatie/hulpvragen").await;
    assert!(p.body.contains("Kies eerst wie deze ouder helpt."));
    assert!(
        store
            .help_request(&help)
            .await
            .unwrap()
            .unwrap()
            .assigned_to
            .is_none()
    );
    let p = coord
        .post(
            &format!("/organisatie/hulpvragen/{help}/toewijzen"),
            &[("volunteer", &vol_id)],
        )
        .await;
    assert_eq!(p.location(), "/organisatie/hulpvragen");
    let p = coord.get("/organisatie/hulpvragen").await;
    assert!(p.body.contains("vrijwilliger@example.nl helpt."));
    let last = mailer.sent().pop().unwrap();
    assert_eq!(last.to, "vrijwilliger@example.nl");
    assert!(last.body.contains("/organisatie/mijn-hulpvragen"));
    assert!(
        !last.body.contains("Graag hulp"),
        "the mail holds nothing of the case"
    );
    let p = coord
        .post(
            &format!("/organisatie/hulpvragen/{help}/toewijzen"),
            &[("volunteer", &user_id(&store, "ander@example.nl").await)],
        )
        .await;
    assert_eq!(
        p.status,
        StatusCode::NOT_FOUND,
        "only members can be assigned"
    );

    // The volunteer: the summary, not the case; the parent sees who helps.
    let p = vol.get("/organisatie/mijn-hulpvragen").await;
    assert_eq!(
        shown_reference(&p.body),
        reference,
        "the volunteer quotes the same reference"
    );
    assert!(
        p.body.contains(&format!(r#"href="{summary}""#)),
        "{}",
        p.body
    );
    let p = vol.get(&summary).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("De situatie in het kort"));
    assert!(!p.body.contains("Open het hele dossier"));
    assert_eq!(
        vol.get(&format!("/dossiers/{case}")).await.status,
        StatusCode::FORBIDDEN
    );
    assert!(
        parent
            .get(&format!("/dossiers/{case}/hulp"))
            .await
            .body
            .contains("vrijwilliger@example.nl helpt u.")
    );
    // Another parent cannot touch the request.
    other_parent.get("/dossiers").await;
    let p = other_parent
        .post(&format!("/dossiers/{case}/hulp/{help}/intrekken"), &[])
        .await;
    assert_eq!(p.status, StatusCode::NOT_FOUND);

    // Read access: now the whole case opens.
    parent.get(&format!("/dossiers/{case}/hulp")).await;
    let p = parent
        .post(
            &format!("/dossiers/{case}/hulp/{help}/niveau"),
            &[("level", "read")],
        )
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    assert_eq!(
        vol.get(&format!("/dossiers/{case}")).await.status,
        StatusCode::OK
    );
    assert!(
        vol.get("/organisatie/mijn-hulpvragen")
            .await
            .body
            .contains(&format!(r#"href="/dossiers/{case}""#))
    );

    // Revoke: the volunteer and the coordinator see nothing; the parent may ask again.
    parent.get(&format!("/dossiers/{case}/hulp")).await;
    let p = parent
        .post(&format!("/dossiers/{case}/hulp/{help}/intrekken"), &[])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    for page in [format!("/dossiers/{case}"), summary.clone()] {
        assert_eq!(vol.get(&page).await.status, StatusCode::NOT_FOUND);
        assert_eq!(coord.get(&page).await.status, StatusCode::NOT_FOUND);
    }
    assert!(
        !vol.get("/organisatie/mijn-hulpvragen")
            .await
            .body
            .contains(&case)
    );
    assert!(
        parent
            .get(&format!("/dossiers/{case}/hulp"))
            .await
            .body
            .contains("U kunt opnieuw hulp vragen.")
    );

    // The audit log names every step and every read by the organisation.
    let log: Vec<(String, String)> = store
        .audit_log(&case)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.actor_id, a.action))
        .collect();
    let coord_id = user_id(&store, "coord@example.nl").await;
    for (who, what) in [
        (&parent_id, "help.request"),
        (&coord_id, "help.assign"),
        (&coord_id, "read /organisatie/hulpvragen"),
        (&coord_id, "read /dossiers/{case}/samenvatting"),
        (&vol_id, "read /dossiers/{case}/samenvatting"),
        (&parent_id, "help.level"),
        (&vol_id, "read /dossiers/{case}"),
        (&parent_id, "help.revoke"),
    ] {
        assert!(
            log.iter().any(|(a, b)| a == who && b == what),
            "{what} by {who} is in the log: {log:?}"
        );
    }
}

#[tokio::test]
async fn the_summary_shows_the_route_but_not_the_timeline() {
    let (app, store, _) = app_and_store("help-summary").await;
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let parent_id = user_id(&store, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Sam").await;
    save_answers(&store, &case, &parent_id).await;
    let event = store::Event {
        id: store::new_id(),
        case_id: case.clone(),
        kind: "conversation".into(),
        date: "2027-06-01".into(),
        title: "Geheim gesprek met de mentor".into(),
        notes: "Vertrouwelijke notitie".into(),
        parties: String::new(),
        sets_date: String::new(),
        version: 1,
        created_by: parent_id.clone(),
        updated_at: now(),
    };
    let actor = actor(&parent_id);
    store.add_event(&event, &actor).await.unwrap();
    let mut vol = sign_up(&app, "vrijwilliger@example.nl").await;
    summary_volunteer(&store, &case, &parent_id, "vrijwilliger@example.nl").await;

    let p = vol.get(&format!("/dossiers/{case}/samenvatting")).await;
    assert_eq!(p.status, StatusCode::OK);
    assert!(p.body.contains("Samenvatting: Sam"));
    assert!(p.body.contains("De stap van nu"));
    // The situation in words, and the current step of the route with its content as HTML.
    assert!(p.body.contains("Waar gaat het om?"), "{}", p.body);
    assert!(p.body.contains("Te weinig hulp"));
    assert!(p.body.contains("<strong>Praat met de school</strong>"));
    assert!(!p.body.contains("](artikel:"), "the step text is rendered");
    // The owner's page shows the same current step as the summary.
    let owner_page = parent.get(&format!("/dossiers/{case}")).await;
    assert!(owner_page.body.contains("Geheim gesprek met de mentor"));
    assert!(!p.body.contains("Geheim gesprek met de mentor"));
    assert!(!p.body.contains("Vertrouwelijke notitie"));
    assert!(!p.body.contains("/bijlagen/"));
    assert!(!p.body.contains("/brieven/"));
    // The cases list links a summary-only case to its summary.
    let list = vol.get("/dossiers").await;
    assert!(
        list.body
            .contains(&format!(r#"href="/dossiers/{case}/samenvatting""#)),
        "{}",
        list.body
    );
}

/// A national organisation has many open requests: the inbox shows them a page at a time,
/// newest first, and reads (and logs) only the cases on the page shown.
#[tokio::test]
async fn the_inbox_pages_through_many_requests() {
    let (app, store, _) = app_and_store("inbox-pages").await;
    let (mut coord, _) = crate::support::coordinator(&app, &store).await;
    let mut parent = sign_up(&app, "ouder@example.nl").await;
    let owner = user_id(&store, "ouder@example.nl").await;
    let case = new_case(&mut parent, "Sam").await;
    let total = web::INBOX_PAGE as usize + 3;
    for n in 0..total {
        let h = HelpRequest {
            id: format!("hulp-{n:02}"),
            case_id: case.clone(),
            requested_by: owner.clone(),
            message: format!("Verzoek nummer {n:02}"),
            level: HelpLevel::Summary,
            assigned_to: None,
            created_at: 1_000 + n as i64,
            assigned_at: None,
            revoked_at: None,
        };
        store.create_help_request(&h, &actor(&owner)).await.unwrap();
    }
    let first = coord.get("/organisatie/hulpvragen").await;
    assert_eq!(first.status, StatusCode::OK);
    assert!(first.body.contains("Pagina 1 van 2"), "{}", first.body);
    assert_eq!(
        first.body.matches(r#"class="help-request""#).count(),
        web::INBOX_PAGE as usize
    );
    let newest = format!("Verzoek nummer {:02}", total - 1);
    assert!(first.body.contains(&newest), "newest first");
    assert!(!first.body.contains("Verzoek nummer 00"));
    assert!(
        first
            .body
            .contains(r#"href="/organisatie/hulpvragen?pagina=2""#)
    );
    let second = coord.get("/organisatie/hulpvragen?pagina=2").await;
    assert!(second.body.contains("Pagina 2 van 2"));
    assert_eq!(second.body.matches(r#"class="help-request""#).count(), 3);
    assert!(second.body.contains("Verzoek nummer 00"));
    assert!(
        second
            .body
            .contains(r#"href="/organisatie/hulpvragen?pagina=1""#)
    );
    // Not a page number: the first page, not an error.
    let odd = coord.get("/organisatie/hulpvragen?pagina=x").await;
    assert!(odd.body.contains("Pagina 1 van 2"));
}
