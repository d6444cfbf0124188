//! The JSON API under /api/v1: every route of the OpenAPI document answers, and its answer
//! validates against the schema the document gives for it; tokens are made and revoked on the
//! account page and shown once; no token, a revoked token or only a session cookie gets 401, a
//! read token on a write route 403, a case that is not the caller's 404; bad input names its
//! field in a problem body; a token is rate limited.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::{Value, json};
use store::Store;
use tower::ServiceExt;

use crate::support::{Client, actor, app_and_store, new_case, sign_up, user_id};

/// A status, the response's content type and its JSON.
struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    json: Value,
}

async fn call(
    app: &Router,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&str>,
) -> Answer {
    let mut request = Request::builder().method(method).uri(path);
    if let Some(t) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    if body.is_some() {
        request = request.header(header::CONTENT_TYPE, "application/json");
    }
    let request = request
        .body(body.map(|b| Body::from(b.to_string())).unwrap_or_default())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "{method} {path}: {status} is not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    Answer {
        status,
        headers,
        json,
    }
}

/// Makes a token on the account page and returns its secret, which the page shows once.
async fn make_token(c: &mut Client, name: &str, scope: &str) -> String {
    c.get("/account").await;
    let page = c
        .post("/account/api-sleutels", &[("name", name), ("scope", scope)])
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let at = page
        .body
        .find(r#"<code id="api-token-secret">"#)
        .expect("the new token is shown")
        + r#"<code id="api-token-secret">"#.len();
    let secret = page.body[at..].split('<').next().unwrap().to_string();
    assert!(secret.starts_with("rw_"), "{secret}");
    secret
}

/// A case of `owner` with answers that give it a current step and a deadline.
async fn case_with_answers(c: &mut Client, store: &Arc<dyn Store>, owner: &str) -> String {
    let id = new_case(c, "Dossier API").await;
    let answers = json!({
        "answers": {"probleem": ["hulp"], "gesprek": true, "datum-besluit": "2027-06-01"},
        "region": null,
    });
    store
        .save_answers(&id, &answers.to_string(), &actor(owner))
        .await
        .unwrap();
    id
}

/// The schema of the answer with `status` to `method path` in the document, made a root that
/// holds the document's components, so that its `$ref`s resolve.
fn response_schema(doc: &Value, method: &str, path: &str, status: StatusCode) -> Value {
    let operation = &doc["paths"][path][method];
    assert!(
        operation.is_object(),
        "{method} {path} is not in the document"
    );
    let response = &operation["responses"][status.as_str()];
    assert!(
        response.is_object(),
        "{method} {path}: the document has no {status} answer"
    );
    let content = response["content"]
        .as_object()
        .expect("the answer has content");
    let (_, media) = content.iter().next().unwrap();
    let mut schema = media["schema"].clone();
    schema
        .as_object_mut()
        .unwrap()
        .insert("components".into(), doc["components"].clone());
    schema
}

/// What in `json` does not match the schema of the answer with `status` to `method path`.
fn schema_errors(
    doc: &Value,
    method: &str,
    path: &str,
    status: StatusCode,
    json: &Value,
) -> Vec<String> {
    let schema = response_schema(doc, method, path, status);
    let validator = jsonschema::draft202012::new(&schema)
        .unwrap_or_else(|e| panic!("{method} {path}: the schema does not compile: {e}"));
    validator
        .iter_errors(json)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn assert_valid(doc: &Value, method: &str, path: &str, answer: &Answer) {
    let errors = schema_errors(doc, method, path, answer.status, &answer.json);
    assert!(
        errors.is_empty(),
        "{method} {path} ({}) does not match its schema:\n{}",
        answer.status,
        errors.join("\n")
    );
}

/// A request of the schema test: method, route in the document, address to call, token, body,
/// and the status expected.
type Call<'a> = (
    &'a str,
    &'a str,
    String,
    Option<&'a str>,
    Option<&'a str>,
    StatusCode,
);

#[tokio::test]
async fn every_route_answers_as_its_document_says() {
    let (app, store, _) = app_and_store("api-schema").await;
    let mut c = sign_up(&app, "api@example.nl").await;
    let owner = user_id(&store, "api@example.nl").await;
    let token = make_token(&mut c, "Koppeling", "write").await;
    let case = case_with_answers(&mut c, &store, &owner).await;

    let doc = call(&app, "GET", "/api/v1/openapi.json", None, None).await;
    assert_eq!(doc.status, StatusCode::OK);
    let doc = doc.json;
    assert_eq!(doc["openapi"], "3.1.0");

    let situation = r#"{"today": "2027-06-20", "probleem": ["hulp"], "gesprek": true, "datum-besluit": "2027-06-01"}"#;
    let event = r#"{"kind": "conversation", "date": "1-7-2027", "title": "Gesprek met de mentor", "notes": "Afspraken"}"#;
    let events_path = format!("/api/v1/cases/{case}/events");
    let requests: Vec<Call> = vec![
        (
            "get",
            "/api/v1/openapi.json",
            "/api/v1/openapi.json".into(),
            None,
            None,
            StatusCode::OK,
        ),
        (
            "post",
            "/api/v1/advise",
            "/api/v1/advise".into(),
            None,
            Some(situation),
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/questions",
            "/api/v1/questions".into(),
            None,
            None,
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/route",
            "/api/v1/route".into(),
            None,
            None,
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/search",
            "/api/v1/search?q=school".into(),
            None,
            None,
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/cases",
            "/api/v1/cases".into(),
            Some(&token),
            None,
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/cases/{id}",
            format!("/api/v1/cases/{case}"),
            Some(&token),
            None,
            StatusCode::OK,
        ),
        (
            "post",
            "/api/v1/cases/{id}/events",
            events_path.clone(),
            Some(&token),
            Some(event),
            StatusCode::CREATED,
        ),
        (
            "get",
            "/api/v1/cases/{id}/events",
            events_path.clone(),
            Some(&token),
            None,
            StatusCode::OK,
        ),
        (
            "get",
            "/api/v1/cases/{id}/deadlines",
            format!("/api/v1/cases/{case}/deadlines"),
            Some(&token),
            None,
            StatusCode::OK,
        ),
    ];
    // This test calls every route of the document, so a new route cannot go untested.
    let called: BTreeSet<(String, String)> = requests
        .iter()
        .map(|(m, p, ..)| (m.to_string(), p.to_string()))
        .collect();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(p, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.clone(), p.clone()))
        })
        .collect();
    assert_eq!(called, documented);

    for (method, route, path, token, body, expected) in &requests {
        let answer = call(&app, &method.to_uppercase(), path, *token, *body).await;
        assert_eq!(answer.status, *expected, "{method} {path}: {}", answer.json);
        assert_valid(&doc, method, route, &answer);
    }

    // The schemas do refuse what is not so: a check that cannot fail checks nothing.
    let ok = StatusCode::OK;
    assert!(!schema_errors(&doc, "post", "/api/v1/advise", ok, &json!({"format": 1})).is_empty());
    assert!(!schema_errors(&doc, "get", "/api/v1/cases", ok, &json!([{"id": 1}])).is_empty());
    let problem = json!({"type": "about:blank", "title": "x", "status": "401"});
    let unauthorized = StatusCode::UNAUTHORIZED;
    assert!(!schema_errors(&doc, "get", "/api/v1/cases", unauthorized, &problem).is_empty());

    // What the answers say, beyond their shape.
    let advice = call(&app, "POST", "/api/v1/advise", None, Some(situation))
        .await
        .json;
    assert!(
        advice["content_version"]
            .as_str()
            .is_some_and(|v| v.contains('.'))
    );
    assert!(
        advice["terms"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["deadline"].is_object())
    );
    let cases = call(&app, "GET", "/api/v1/cases", Some(&token), None)
        .await
        .json;
    assert_eq!(cases[0]["id"], case.as_str());
    assert_eq!(cases[0]["role"], "owner");
    let events = call(&app, "GET", &events_path, Some(&token), None)
        .await
        .json;
    assert_eq!(
        events[0]["date"], "2027-07-01",
        "the Dutch date is stored as ISO"
    );
    assert_eq!(events[0]["title"], "Gesprek met de mentor");
    let detail = call(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}"),
        Some(&token),
        None,
    )
    .await
    .json;
    assert!(detail["current_step"]["id"].is_string());
    let deadlines = call(
        &app,
        "GET",
        &format!("/api/v1/cases/{case}/deadlines"),
        Some(&token),
        None,
    )
    .await
    .json;
    assert!(
        deadlines
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["deadline"]["date"].is_string())
    );
}

fn assert_problem(answer: &Answer, status: StatusCode) {
    assert_eq!(answer.status, status, "{}", answer.json);
    assert_eq!(
        answer.headers[header::CONTENT_TYPE],
        "application/problem+json"
    );
    assert_eq!(answer.json["status"], status.as_u16());
    for field in ["type", "title", "detail"] {
        assert!(answer.json[field].is_string(), "{field}: {}", answer.json);
    }
    assert!(answer.json["errors"].is_array());
}

#[tokio::test]
async fn tokens_open_the_api_and_cookies_do_not() {
    let (app, store, _) = app_and_store("api-auth").await;
    let mut c = sign_up(&app, "ouder@example.nl").await;
    let owner = user_id(&store, "ouder@example.nl").await;
    let case = case_with_answers(&mut c, &store, &owner).await;
    let read = make_token(&mut c, "Lezen", "read").await;
    let write = make_token(&mut c, "Schrijven", "write").await;
    let events = format!("/api/v1/cases/{case}/events");
    let event = r#"{"kind": "email", "date": "2027-06-21", "title": "Mail aan school"}"#;

    // No token: 401 with the challenge.
    let none = call(&app, "GET", "/api/v1/cases", None, None).await;
    assert_problem(&none, StatusCode::UNAUTHORIZED);
    assert_eq!(
        none.headers[header::WWW_AUTHENTICATE],
        "Bearer realm=\"routewijzer\""
    );
    assert_problem(
        &call(&app, "GET", "/api/v1/cases", Some("rw_fout"), None).await,
        StatusCode::UNAUTHORIZED,
    );

    // The session cookie of a logged-in browser opens nothing, to read or to write (and the
    // write is refused as unauthorised, not by the CSRF guard).
    let cookie_read = c.get("/api/v1/cases").await;
    assert_eq!(cookie_read.status, StatusCode::UNAUTHORIZED);
    let cookie_write = c
        .send(
            Request::post(events.as_str())
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(event))
                .unwrap(),
        )
        .await;
    assert_eq!(
        cookie_write.status,
        StatusCode::UNAUTHORIZED,
        "{}",
        cookie_write.body
    );
    assert!(store.events(&case).await.unwrap().is_empty());

    // A read token reads, and may not write.
    assert_eq!(
        call(&app, "GET", &events, Some(&read), None).await.status,
        StatusCode::OK
    );
    assert_problem(
        &call(&app, "POST", &events, Some(&read), Some(event)).await,
        StatusCode::FORBIDDEN,
    );
    assert_eq!(
        call(&app, "POST", &events, Some(&write), Some(event))
            .await
            .status,
        StatusCode::CREATED
    );

    // Another parent's token: the case is not found, as one that does not exist.
    let mut other = sign_up(&app, "ander@example.nl").await;
    let theirs = make_token(&mut other, "Ander", "write").await;
    let listed = call(&app, "GET", "/api/v1/cases", Some(&theirs), None).await;
    assert_eq!(listed.json, json!([]));
    for path in [
        format!("/api/v1/cases/{case}"),
        events.clone(),
        format!("/api/v1/cases/{case}/deadlines"),
    ] {
        let foreign = call(&app, "GET", &path, Some(&theirs), None).await;
        assert_problem(&foreign, StatusCode::NOT_FOUND);
        let missing = call(
            &app,
            "GET",
            &path.replace(&case, "bestaat-niet"),
            Some(&theirs),
            None,
        )
        .await;
        assert_problem(&missing, StatusCode::NOT_FOUND);
        assert_eq!(foreign.json, missing.json, "existence does not leak");
    }
    assert_problem(
        &call(&app, "POST", &events, Some(&theirs), Some(event)).await,
        StatusCode::NOT_FOUND,
    );
    assert_problem(
        &call(&app, "GET", "/api/v1/bestaat-niet", None, None).await,
        StatusCode::NOT_FOUND,
    );

    // Revoked on the account page: it stops at once, and the page says so.
    let page = c.get("/account").await;
    assert!(!page.body.contains(&read), "a token is shown only once");
    let revoke_path = {
        let id = store
            .api_tokens(&owner)
            .await
            .unwrap()
            .into_iter()
            .find(|t| t.name == "Lezen")
            .unwrap()
            .id;
        format!("/account/api-sleutels/{id}/intrekken")
    };
    let revoked = c.post(&revoke_path, &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert_problem(
        &call(&app, "GET", &events, Some(&read), None).await,
        StatusCode::UNAUTHORIZED,
    );
    let page = c.get("/account").await;
    assert!(page.body.contains("ingetrokken op"), "{}", page.body);
    assert_eq!(
        call(&app, "GET", &events, Some(&write), None).await.status,
        StatusCode::OK
    );

    // Only a hash is stored.
    assert!(store.api_token_by_hash(&write).await.unwrap().is_none());
}

#[tokio::test]
async fn bad_input_is_a_problem_that_names_the_field() {
    let (app, store, _) = app_and_store("api-input").await;
    let mut c = sign_up(&app, "invoer@example.nl").await;
    let owner = user_id(&store, "invoer@example.nl").await;
    let case = case_with_answers(&mut c, &store, &owner).await;
    let token = make_token(&mut c, "Invoer", "write").await;
    let events = format!("/api/v1/cases/{case}/events");
    let pointers = |a: &Answer| -> Vec<String> {
        a.json["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                e["pointer"]
                    .as_str()
                    .or(e["parameter"].as_str())
                    .unwrap()
                    .to_string()
            })
            .collect()
    };

    let not_json = call(
        &app,
        "POST",
        "/api/v1/advise",
        None,
        Some("today = 2027-06-20"),
    )
    .await;
    assert_problem(&not_json, StatusCode::BAD_REQUEST);
    let bad_day = call(
        &app,
        "POST",
        "/api/v1/advise",
        None,
        Some(r#"{"today": "gisteren"}"#),
    )
    .await;
    assert_problem(&bad_day, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&bad_day), ["/today"]);
    let bad_answer = call(
        &app,
        "POST",
        "/api/v1/advise",
        None,
        Some(r#"{"today": "2027-06-20", "gesprek": "misschien"}"#),
    )
    .await;
    assert_problem(&bad_answer, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&bad_answer), ["/gesprek"]);

    let no_query = call(&app, "GET", "/api/v1/search", None, None).await;
    assert_problem(&no_query, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&no_query), ["q"]);
    let bad_lang = call(&app, "GET", "/api/v1/route?lang=de", None, None).await;
    assert_problem(&bad_lang, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&bad_lang), ["lang"]);

    let missing = call(
        &app,
        "POST",
        &events,
        Some(&token),
        Some(r#"{"kind": "email", "date": 3}"#),
    )
    .await;
    assert_problem(&missing, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&missing), ["/date", "/title"]);
    let impossible = call(
        &app,
        "POST",
        &events,
        Some(&token),
        Some(r#"{"kind": "email", "date": "31-2-2027", "title": "Mail"}"#),
    )
    .await;
    assert_problem(&impossible, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(pointers(&impossible), ["/date"]);
    assert!(
        impossible.json["errors"][0]["detail"]
            .as_str()
            .unwrap()
            .contains("month 2 of 2027 has 28 days, not a day 31"),
        "{}",
        impossible.json
    );
    let kind = call(
        &app,
        "POST",
        &events,
        Some(&token),
        Some(r#"{"kind": "feest", "date": "1-3-2027", "title": "Mail"}"#),
    )
    .await;
    assert_eq!(pointers(&kind), ["/kind"]);
    assert_problem(
        &call(&app, "POST", &events, Some(&token), Some("[1")).await,
        StatusCode::BAD_REQUEST,
    );
    let huge = format!(
        r#"{{"today": "2027-06-20", "x": "{}"}}"#,
        "a".repeat(web::FORM_LIMIT)
    );
    let too_large = call(&app, "POST", "/api/v1/advise", None, Some(&huge)).await;
    assert_problem(&too_large, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        store.events(&case).await.unwrap().is_empty(),
        "nothing refused is stored"
    );

    // The account page refuses a token without a name, and keeps what was typed.
    c.get("/account").await;
    let refused = c
        .post(
            "/account/api-sleutels",
            &[("name", " "), ("scope", "write")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body.contains("Geef de sleutel een naam"),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("api-token-secret"));
}

#[tokio::test]
async fn a_token_is_rate_limited() {
    let (app, store, _) = app_and_store("api-limit").await;
    let mut c = sign_up(&app, "druk@example.nl").await;
    let _ = user_id(&store, "druk@example.nl").await;
    let busy = make_token(&mut c, "Druk", "read").await;
    let calm = make_token(&mut c, "Rustig", "read").await;
    for n in 0..120 {
        let a = call(&app, "GET", "/api/v1/cases", Some(&busy), None).await;
        assert_eq!(a.status, StatusCode::OK, "request {n}");
    }
    let limited = call(&app, "GET", "/api/v1/cases", Some(&busy), None).await;
    assert_problem(&limited, StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = limited.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(
        call(&app, "GET", "/api/v1/cases", Some(&calm), None)
            .await
            .status,
        StatusCode::OK,
        "each token has its own limit"
    );
}

#[tokio::test]
async fn the_api_answers_in_english_when_asked() {
    let app = crate::support::app("api-english").await;
    let situation = r#"{"today": "2027-06-20", "region": "midden", "gesprek": false}"#;
    let nl = call(&app, "POST", "/api/v1/advise", None, Some(situation)).await;
    let en = call(
        &app,
        "POST",
        "/api/v1/advise?lang=en",
        None,
        Some(situation),
    )
    .await;
    assert_eq!(en.status, StatusCode::OK, "{}", en.json);
    // The same advice: ids, statuses and dates.
    let skeleton = |a: &Value| {
        a["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| (s["id"].to_string(), s["status"].to_string()))
            .collect::<Vec<_>>()
    };
    assert_eq!(skeleton(&nl.json), skeleton(&en.json));
    let title = |a: &Value, id: &str| {
        a["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["title"].as_str().unwrap().to_string())
    };
    assert_eq!(
        title(&nl.json, "praten").as_deref(),
        Some("Praat met de school")
    );
    assert_eq!(
        title(&en.json, "praten").as_deref(),
        Some("Talk to the school")
    );
    let questions = call(&app, "GET", "/api/v1/questions?lang=en", None, None).await;
    assert!(
        questions.json.to_string().contains("Have you talked"),
        "{}",
        questions.json
    );
    let route = call(&app, "GET", "/api/v1/route?lang=en", None, None).await;
    assert!(route.json.to_string().contains("Talk to the school"));
    let found = call(&app, "GET", "/api/v1/search?q=child&lang=en", None, None).await;
    assert_eq!(found.status, StatusCode::OK);
    assert!(
        !found.json["hits"].as_array().unwrap().is_empty(),
        "{}",
        found.json
    );
}
