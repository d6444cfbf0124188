//! Two server processes on one PostgreSQL database, each with its own data folder, as an
//! operator runs them behind a load balancer: whatever one server wrote, the other serves. A
//! login on A holds on B, a file uploaded through A downloads from B byte for byte and is in B's
//! `dossier.zip`, failed logins counted on A block on B, and a case deleted on B is gone on A.
//!
//! Without PostgreSQL it says SKIPPED, unless `CI` is set: then it fails.

mod server;

use std::io::Read;

use server::{Server, new_case, pdf, sign_up, upload};

const PASSWORD: &str = "een lang en goed wachtwoord";

#[test]
fn two_servers_on_one_database_serve_the_same_cases() {
    let name = format!("rw_two_{}", std::process::id());
    let Some(url) = server::new_database(&name) else {
        return;
    };
    let root = std::env::temp_dir().join(format!("rw-two-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let key = root.join("master.key");
    std::fs::create_dir_all(&root).unwrap();
    let key_text = key.to_str().unwrap().to_string();
    let env = [
        ("DATABASE_URL", url.as_str()),
        ("ROUTEWIJZER_KEY_FILE", key_text.as_str()),
    ];
    let a = Server::start(&root.join("a"), &env);
    let b = Server::start(&root.join("b"), &env);

    // Signed up and logged in through A; the same cookie is a login on B.
    let mut on_a = sign_up(&a, "ouder@example.nl", PASSWORD);
    let mut on_b = on_a.on(&b);
    let list = on_b.get("/dossiers");
    assert_eq!(
        list.status,
        200,
        "the login of A holds on B: {}",
        list.location()
    );

    // A file uploaded through A (three chunks and a bit) downloads from B byte for byte.
    let case = new_case(&mut on_a, "Sam");
    let file = pdf(700_000);
    let download = upload(&mut on_a, &case, &file);
    let got = on_b.get(&download);
    assert_eq!(got.status, 200);
    assert_eq!(got.bytes.len(), file.len());
    assert!(got.bytes == file, "the download from B is the upload to A");

    // B's dossier.zip holds it.
    let zip = on_b.get(&format!("/dossiers/{case}/dossier.zip"));
    assert_eq!(zip.status, 200, "{}", zip.body());
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip.bytes)).unwrap();
    let name = archive
        .file_names()
        .find(|n| n.starts_with("bijlagen/"))
        .expect("the attachment is in the ZIP")
        .to_string();
    let mut inside = Vec::new();
    archive
        .by_name(&name)
        .unwrap()
        .read_to_end(&mut inside)
        .unwrap();
    assert!(inside == file, "the ZIP holds the same bytes");

    // Wrong passwords counted on A block the right one on B.
    sign_up(&a, "ander@example.nl", PASSWORD);
    for _ in 0..5 {
        let mut guess = a.client();
        guess.get("/inloggen");
        let p = guess.post(
            "/inloggen",
            &[
                ("email", "ander@example.nl"),
                ("password", "fout fout fout"),
            ],
        );
        assert_ne!(p.location(), "/dossiers");
    }
    let mut right = b.client();
    right.get("/inloggen");
    let p = right.post(
        "/inloggen",
        &[("email", "ander@example.nl"), ("password", PASSWORD)],
    );
    assert_ne!(
        p.location(),
        "/dossiers",
        "the failures counted on A hold on B"
    );
    assert!(right.get("/dossiers").location().contains("inloggen"));

    // Deleted on B, gone on A.
    on_b.get(&format!("/dossiers/{case}"));
    let p = on_b.post(
        &format!("/dossiers/{case}/verwijderen"),
        &[("confirm", "ja")],
    );
    assert_eq!((p.status, p.location()), (303, "/dossiers"));
    assert_eq!(on_a.get(&format!("/dossiers/{case}")).status, 404);
    assert_eq!(on_a.get(&download).status, 404);

    a.stop();
    b.stop();
    server::drop_database(&url, &name);
    std::fs::remove_dir_all(&root).ok();
}
