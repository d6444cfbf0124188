//! Organisation members and help requests on every backend: which case role a help request
//! gives, that revoking it (or leaving the organisation, or switching off the second factor)
//! ends that access, and that every change writes its audit line.

use store::{Case, HelpLevel, HelpRequest, OrgRole, Role, Store, User};
use store_sqlite::SqliteStore;
use store_tests::actor;

fn user(id: &str, with_totp: bool) -> User {
    User {
        id: id.into(),
        email: format!("{id}@example.nl"),
        password_hash: "$argon2id$test".into(),
        totp_secret: with_totp.then(|| "JBSWY3DPEHPK3PXP".to_string()),
        created_at: 1,
    }
}

fn request(id: &str, case_id: &str, level: HelpLevel, now: i64) -> HelpRequest {
    HelpRequest {
        id: id.into(),
        case_id: case_id.into(),
        requested_by: "parent".into(),
        message: "Wij zoeken hulp bij het gesprek met school.".into(),
        level,
        assigned_to: None,
        created_at: now,
        assigned_at: None,
        revoked_at: None,
    }
}

async fn role(s: &dyn Store, case_id: &str, user_id: &str) -> Option<Role> {
    s.role_in_case(case_id, user_id, 5000).await.unwrap()
}

async fn listed(s: &dyn Store, user_id: &str) -> Vec<(String, Role)> {
    s.cases_for_user(user_id, 5000)
        .await
        .unwrap()
        .into_iter()
        .map(|(c, r)| (c.id, r))
        .collect()
}

/// The ids of help requests, in the order given.
fn ids(requests: Vec<HelpRequest>) -> Vec<String> {
    requests.into_iter().map(|h| h.id).collect()
}

async fn help_story(s: &dyn Store) {
    for u in [
        user("parent", false),
        user("coord", true),
        user("vol", true),
        user("other-vol", true),
        user("no-totp", false),
        user("outsider", true),
    ] {
        s.create_user(&u).await.unwrap();
    }
    let admin = actor("admin-cli", 10);
    for (id, role) in [
        ("coord", OrgRole::Coordinator),
        ("vol", OrgRole::Volunteer),
        ("other-vol", OrgRole::Admin),
        ("other-vol", OrgRole::Volunteer),
        ("no-totp", OrgRole::Coordinator),
    ] {
        s.set_org_role(id, Some(role), &admin).await.unwrap();
    }
    assert_eq!(
        s.org_role("other-vol").await.unwrap(),
        Some(OrgRole::Volunteer),
        "a second set replaces the role"
    );
    assert_eq!(s.org_role("outsider").await.unwrap(), None);
    let members: Vec<(String, OrgRole)> = s
        .org_members()
        .await
        .unwrap()
        .into_iter()
        .map(|(u, r)| (u.id, r))
        .collect();
    assert_eq!(
        members,
        vec![
            ("coord".to_string(), OrgRole::Coordinator),
            ("no-totp".to_string(), OrgRole::Coordinator),
            ("other-vol".to_string(), OrgRole::Volunteer),
            ("vol".to_string(), OrgRole::Volunteer),
        ],
        "members by e-mail address"
    );

    let parent = actor("parent", 100);
    for (id, title) in [("case-a", "Sam"), ("case-b", "Noor")] {
        let case = Case {
            id: id.into(),
            owner_id: "parent".into(),
            title: title.into(),
            created_at: 100,
        };
        s.create_case(&case, &parent).await.unwrap();
    }

    // Before any request, nobody of the organisation has a role.
    for who in ["coord", "vol", "no-totp"] {
        assert_eq!(role(s, "case-a", who).await, None, "{who} before a request");
    }

    s.create_help_request(
        &request("help-a", "case-a", HelpLevel::Summary, 200),
        &actor("parent", 200),
    )
    .await
    .unwrap();
    s.create_help_request(
        &request("help-b", "case-b", HelpLevel::Read, 300),
        &actor("parent", 300),
    )
    .await
    .unwrap();
    let open = ids(s.open_help_requests().await.unwrap());
    assert_eq!(open, vec!["help-b", "help-a"], "the inbox, newest first");
    let (first, total) = s.open_help_requests_page(0, 1).await.unwrap();
    assert_eq!((ids(first), total), (vec!["help-b".to_string()], 2));
    let (second, _) = s.open_help_requests_page(1, 1).await.unwrap();
    assert_eq!(ids(second), vec!["help-a"], "the inbox's second page");
    let (past, total) = s.open_help_requests_page(2, 1).await.unwrap();
    assert!(past.is_empty() && total == 2, "past the last page");

    // An open request: coordinators may read its summary to triage; the volunteer not yet; a
    // coordinator without the second factor gets nothing.
    assert_eq!(role(s, "case-a", "coord").await, Some(Role::Summary));
    assert_eq!(role(s, "case-a", "vol").await, None);
    assert_eq!(role(s, "case-a", "no-totp").await, None);
    assert_eq!(role(s, "case-a", "outsider").await, None);
    assert_eq!(role(s, "case-a", "parent").await, Some(Role::Owner));
    assert_eq!(
        listed(s, "coord").await,
        vec![
            ("case-a".to_string(), Role::Summary),
            ("case-b".to_string(), Role::Summary)
        ]
    );
    assert!(listed(s, "no-totp").await.is_empty());

    assert!(
        s.assign_help_request("help-a", "vol", &actor("coord", 400))
            .await
            .unwrap()
    );
    assert!(
        s.assign_help_request("help-b", "other-vol", &actor("coord", 410))
            .await
            .unwrap()
    );
    let a = s.help_request("help-a").await.unwrap().unwrap();
    assert_eq!(a.assigned_to.as_deref(), Some("vol"));
    assert_eq!(a.assigned_at, Some(400));
    assert_eq!(a.level, HelpLevel::Summary);
    assert_eq!(role(s, "case-a", "vol").await, Some(Role::Summary));
    assert_eq!(
        role(s, "case-a", "other-vol").await,
        None,
        "another volunteer sees nothing of a case that is not theirs"
    );
    assert_eq!(role(s, "case-b", "other-vol").await, Some(Role::Read));
    assert_eq!(
        listed(s, "vol").await,
        vec![("case-a".to_string(), Role::Summary)]
    );
    let assigned = ids(s.help_requests_assigned_to("vol").await.unwrap());
    assert_eq!(assigned, vec!["help-a"]);

    // The parent upgrades to read access, and the role follows.
    assert!(
        s.set_help_level("help-a", HelpLevel::Read, &parent)
            .await
            .unwrap()
    );
    assert_eq!(role(s, "case-a", "vol").await, Some(Role::Read));
    assert_eq!(
        listed(s, "vol").await,
        vec![("case-a".to_string(), Role::Read)]
    );

    // A volunteer who switches off the second factor, or leaves, has no access any more.
    s.set_totp_secret("vol", None).await.unwrap();
    assert_eq!(role(s, "case-a", "vol").await, None);
    s.set_totp_secret("vol", Some("JBSWY3DPEHPK3PXP"))
        .await
        .unwrap();
    s.set_org_role("other-vol", None, &admin).await.unwrap();
    assert_eq!(s.org_role("other-vol").await.unwrap(), None);
    assert_eq!(role(s, "case-b", "other-vol").await, None);
    assert!(listed(s, "other-vol").await.is_empty());

    // Revoke: the volunteer and the coordinator lose access; nothing can change it afterwards.
    assert!(
        s.revoke_help_request("help-a", &actor("parent", 600))
            .await
            .unwrap()
    );
    assert_eq!(role(s, "case-a", "vol").await, None);
    assert_eq!(role(s, "case-a", "coord").await, None);
    assert!(listed(s, "vol").await.is_empty());
    assert!(s.help_requests_assigned_to("vol").await.unwrap().is_empty());
    assert!(
        !s.revoke_help_request("help-a", &parent).await.unwrap(),
        "a second revoke does nothing"
    );
    assert!(
        !s.set_help_level("help-a", HelpLevel::Read, &parent)
            .await
            .unwrap()
    );
    assert!(
        !s.assign_help_request("help-a", "vol", &actor("coord", 700))
            .await
            .unwrap()
    );
    assert!(!s.assign_help_request("nope", "vol", &admin).await.unwrap());
    assert_eq!(
        s.help_request("help-a").await.unwrap().unwrap().revoked_at,
        Some(600)
    );
    let of_case = ids(s.help_requests_of_case("case-a").await.unwrap());
    assert_eq!(
        of_case,
        vec!["help-a"],
        "revoked requests stay in the case's list"
    );
    let open = ids(s.open_help_requests().await.unwrap());
    assert_eq!(open, vec!["help-b"]);

    // The audit log of case A tells who did what, in order, and nothing for refused changes.
    let log: Vec<(String, String, i64, String)> = s
        .audit_log("case-a")
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.action.starts_with("help."))
        .map(|e| (e.action, e.actor_id, e.at, e.subject))
        .collect();
    assert_eq!(
        log,
        vec![
            (
                "help.request".to_string(),
                "parent".to_string(),
                200,
                "help-a".to_string()
            ),
            (
                "help.assign".to_string(),
                "coord".to_string(),
                400,
                "help-a vol".to_string()
            ),
            (
                "help.level".to_string(),
                "parent".to_string(),
                100,
                "help-a read".to_string()
            ),
            (
                "help.revoke".to_string(),
                "parent".to_string(),
                600,
                "help-a".to_string()
            ),
        ]
    );

    // Deleting the case deletes its requests.
    s.delete_case("case-b").await.unwrap();
    assert!(s.help_request("help-b").await.unwrap().is_none());
    assert!(s.open_help_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn sqlite_help_requests() {
    let s = SqliteStore::in_memory().await.unwrap();
    help_story(&s).await;
}

#[tokio::test]
async fn postgres_help_requests() {
    store_tests::on_postgres("help", |s| async move { help_story(&s).await }).await;
}
