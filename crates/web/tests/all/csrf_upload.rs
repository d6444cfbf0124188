//! The CSRF guard on file uploads: the token is the first field of the multipart form; a
//! missing, wrong or late token is refused with 403, the right one lets the upload through, and
//! a body that says it is too large is refused before it is read.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};

use crate::support::{Client, app};

const BOUNDARY: &str = "grens";

fn field(name: &str, value: &str) -> String {
    format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
}

fn file(json: &str) -> String {
    format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"bestand\"; filename=\"a.json\"\r\n\
         Content-Type: application/json\r\n\r\n{json}\r\n"
    )
}

async fn upload(c: &mut Client, body: String) -> crate::support::Page {
    let request = Request::post("/antwoorden")
        .header(
            header::CONTENT_TYPE,
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(Body::from(body))
        .unwrap();
    c.send(request).await
}

#[tokio::test]
async fn uploads_need_the_token_as_their_first_field() {
    let mut c = Client::new(app("csrf-upload").await);
    c.get("/antwoorden").await;
    let token = c.csrf.clone().expect("the upload form has a token");
    let answers = r#"{"probleem": ["hulp"], "gesprek": false}"#;
    let end = format!("--{BOUNDARY}--\r\n");

    let missing = upload(&mut c, format!("{}{end}", file(answers))).await;
    assert_eq!(missing.status, StatusCode::FORBIDDEN);
    let wrong = format!("{}{}{end}", field("csrf", "niet-het-token"), file(answers));
    assert_eq!(upload(&mut c, wrong).await.status, StatusCode::FORBIDDEN);
    let late = format!("{}{}{end}", file(answers), field("csrf", &token));
    assert_eq!(
        upload(&mut c, late).await.status,
        StatusCode::FORBIDDEN,
        "the token after the file does not count"
    );
    assert_eq!(
        c.get("/vragen").await.location(),
        "/vragen/probleem",
        "nothing refused was taken in"
    );

    let right = format!("{}{}{end}", field("csrf", &token), file(answers));
    let p = upload(&mut c, right).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER, "{}", p.body);
    assert_eq!(p.location(), "/vragen");
    assert_ne!(
        c.get("/vragen").await.location(),
        "/vragen/probleem",
        "the uploaded answers were taken in"
    );

    let big = format!(
        "{}{}{end}",
        field("csrf", &token),
        file(&" ".repeat(web::UPLOAD_LIMIT))
    );
    let p = upload(&mut c, big).await;
    assert_eq!(p.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// The guard reads a multipart form only up to its first field, so every such form in the
/// templates must have the token as its first field.
#[test]
fn every_multipart_form_starts_with_the_token() {
    let dir = crate::support::workspace().join("crates/web/templates");
    let mut forms = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let html = std::fs::read_to_string(&path).unwrap();
        for (at, _) in html.match_indices(r#"enctype="multipart/form-data""#) {
            forms += 1;
            let rest = &html[at..];
            let first = ["<input", "<select", "<textarea", "<button"]
                .iter()
                .filter_map(|tag| rest.find(tag))
                .min()
                .unwrap_or_else(|| panic!("{}: a form without fields", path.display()));
            assert!(
                rest[first..].starts_with(r#"<input type="hidden" name="csrf""#),
                "{}: the first field of a multipart form must be the csrf token",
                path.display()
            );
        }
    }
    assert!(forms >= 3, "the upload forms were found ({forms})");
}
