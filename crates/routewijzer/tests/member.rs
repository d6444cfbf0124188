//! `routewijzer member EMAIL ROLE` on the SQLite database of a data folder: it gives an existing
//! account a role, changes it, refuses unknown accounts and roles, and will not remove the last
//! admin.

use std::path::Path;
use std::process::{Command, Output};

use store::{OrgRole, OrgStore, Store, User};
use store_sqlite::SqliteStore;

fn member(data: &Path, email: &str, role: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["member", email, role, "--data"])
        .arg(data)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap()
}

async fn role_of(data: &Path, id: &str) -> Option<OrgRole> {
    let s = SqliteStore::open(data).await.unwrap();
    s.org_role(id).await.unwrap()
}

#[tokio::test]
async fn member_command_sets_and_ends_roles() {
    let data = std::env::temp_dir().join(format!("rw-member-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).unwrap();
    {
        let s = SqliteStore::open(&data).await.unwrap();
        for (id, email) in [("a", "Anna@example.nl"), ("b", "bert@example.nl")] {
            s.create_user(&User {
                id: id.into(),
                email: email.into(),
                password_hash: "x".into(),
                totp_secret: None,
                created_at: 1,
            })
            .await
            .unwrap();
        }
    }

    let out = member(&data, "anna@example.nl", "admin");
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Anna@example.nl is now admin"), "{text}");
    assert!(
        text.contains("two-factor"),
        "warns that TOTP is off: {text}"
    );
    assert_eq!(role_of(&data, "a").await, Some(OrgRole::Admin));

    let out = member(&data, "anna@example.nl", "none");
    assert!(!out.status.success(), "the last admin stays");
    assert!(String::from_utf8_lossy(&out.stderr).contains("last admin"));
    assert_eq!(role_of(&data, "a").await, Some(OrgRole::Admin));

    let out = member(&data, "nobody@example.nl", "volunteer");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no account"));
    let out = member(&data, "bert@example.nl", "boss");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown role"));
    assert_eq!(role_of(&data, "b").await, None);

    assert!(
        member(&data, "bert@example.nl", "coordinator")
            .status
            .success()
    );
    assert_eq!(role_of(&data, "b").await, Some(OrgRole::Coordinator));
    assert!(member(&data, "bert@example.nl", "none").status.success());
    assert_eq!(role_of(&data, "b").await, None);
    std::fs::remove_dir_all(&data).ok();
}
