//! The curl examples of docs/api.md work: each ```sh block with `curl` runs with the real curl
//! against a real server, with `BASE`, `TOKEN` (made on the account page) and `CASE` set; it
//! must exit 0 and print JSON, with the status its `# answers NNN` line gives. Every route of
//! the OpenAPI document has an example.

mod server;

use std::process::Command;

use server::{Server, new_case, sign_up, workspace};

/// The ```sh blocks of the text that run curl.
fn curl_blocks(doc: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut rest = doc;
    while let Some(start) = rest.find("```sh\n") {
        let body = &rest[start + "```sh\n".len()..];
        let end = body.find("```").expect("every block ends");
        if body[..end].contains("curl ") {
            blocks.push(body[..end].to_string());
        }
        rest = &body[end + 3..];
    }
    blocks
}

/// The status a block says it answers with.
fn expected_status(block: &str) -> Option<u16> {
    block
        .lines()
        .find_map(|l| l.trim().strip_prefix("# answers "))
        .map(|s| s.trim().parse().expect("a status after '# answers'"))
}

#[test]
fn the_curl_examples_of_the_api_doc_run() {
    let doc = std::fs::read_to_string(workspace().join("docs/api.md")).unwrap();
    let blocks = curl_blocks(&doc);
    assert!(blocks.len() >= 10, "{} curl examples found", blocks.len());

    let data = std::env::temp_dir().join(format!("rw-api-docs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let server = Server::start(&data, &[]);
    let mut parent = sign_up(&server, "api@example.nl", "een lang wachtwoord");
    let case = new_case(&mut parent, "Dossier voor de API");
    parent.get("/account");
    let page = parent.post(
        "/account/api-sleutels",
        &[("name", "Voorbeelden"), ("scope", "write")],
    );
    let body = page.body();
    let marker = r#"<code id="api-token-secret">"#;
    let at = body.find(marker).expect("the new token is shown") + marker.len();
    let token = body[at..].split('<').next().unwrap().to_string();

    // curl reads this file first: every example also prints its status on a last line.
    let curl_home = data.join("curl");
    std::fs::create_dir_all(&curl_home).unwrap();
    std::fs::write(
        curl_home.join(".curlrc"),
        "write-out = \"\\n%{http_code}\"\n",
    )
    .unwrap();
    let base = format!("http://127.0.0.1:{}", server.port);

    for block in &blocks {
        let out = Command::new("sh")
            .arg("-c")
            .arg(block)
            .env("BASE", &base)
            .env("TOKEN", &token)
            .env("CASE", &case)
            .env("CURL_HOME", &curl_home)
            .output()
            .expect("sh and curl run");
        assert!(
            out.status.success(),
            "this example failed ({}):\n{block}\n{}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8_lossy(&out.stdout);
        let (json, status) = text.rsplit_once('\n').expect("a status line");
        let status: u16 = status.trim().parse().expect("curl printed the status");
        if let Some(expected) = expected_status(block) {
            assert_eq!(status, expected, "{block}\n{json}");
        }
        assert!(
            serde_json::from_str::<serde_json::Value>(json).is_ok(),
            "this example did not print JSON:\n{block}\n{json}"
        );
    }

    // Every route of the document has an example.
    let openapi = parent.get("/api/v1/openapi.json").body();
    let openapi: serde_json::Value = serde_json::from_str(&openapi).unwrap();
    let examples = blocks.concat();
    for (path, item) in openapi["paths"].as_object().unwrap() {
        let shown = path.replace("{id}", "$CASE");
        for method in item.as_object().unwrap().keys() {
            let found = blocks.iter().any(|b| {
                b.contains(&format!("$BASE{shown}")) && (method == "get") != b.contains("-X POST")
            });
            assert!(found, "docs/api.md has no curl example of {method} {path}");
        }
    }
    assert!(examples.contains("$TOKEN"));
    server.stop();
    let _ = std::fs::remove_dir_all(&data);
}
