//! A server process for tests that talk to it over HTTP as a browser would: start it, wait for
//! `/health`, and a small HTTP/1.1 client that keeps the session cookie and the CSRF token of
//! the last page. One request per connection, so no reuse can hide which server answered.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running `routewijzer` server; stopped when dropped.
pub struct Server {
    pub port: u16,
    child: Child,
}

impl Server {
    /// Starts the server on a free port with `data` as its data folder and `env` set.
    pub fn start(data: &Path, env: &[(&str, &str)]) -> Server {
        let port = free_port();
        let mut command = Command::new(env!("CARGO_BIN_EXE_routewijzer"));
        command
            .args(["--content-check", "without-walk", "--listen"])
            .arg(format!("127.0.0.1:{port}"))
            .arg("--data")
            .arg(data)
            .arg("--content")
            .arg(workspace().join("content"))
            .env_remove("DATABASE_URL")
            .env_remove("ROUTEWIJZER_KEY_FILE")
            .env("ROUTEWIJZER_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command.spawn().unwrap();
        let mut server = Server { port, child };
        let deadline = Instant::now() + Duration::from_secs(90);
        loop {
            if let Some(status) = server.child.try_wait().unwrap() {
                panic!("the server stopped at start: {status}");
            }
            if server
                .client()
                .try_get("/health")
                .is_some_and(|p| p.status == 200)
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the server did not answer /health"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Starts the server as [`Server::start`] does, expecting it to refuse: returns what it
    /// wrote to stderr when it stopped.
    pub fn refused(data: &Path, env: &[(&str, &str)]) -> String {
        let mut command = Command::new(env!("CARGO_BIN_EXE_routewijzer"));
        command
            .args(["--content-check", "without-walk", "--listen", "127.0.0.1:0"])
            .arg("--data")
            .arg(data)
            .arg("--content")
            .arg(workspace().join("content"))
            .env_remove("DATABASE_URL")
            .env_remove("ROUTEWIJZER_KEY_FILE");
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let out = wait_with_timeout(child, Duration::from_secs(90));
        assert!(
            !out.status.success(),
            "the server was expected to refuse to start"
        );
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// A new client (no cookie yet) of this server.
    pub fn client(&self) -> Client {
        Client {
            port: self.port,
            cookie: None,
            csrf: None,
        }
    }

    pub fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_with_timeout(mut child: Child, limit: Duration) -> std::process::Output {
    let deadline = Instant::now() + limit;
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the server kept running");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

/// Runs a `routewijzer` command (backup, restore, rotate-key) and returns its stdout; fails the
/// test with its stderr when it fails.
pub fn command(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_routewijzer"));
    command
        .args(args)
        .env_remove("DATABASE_URL")
        .env_remove("ROUTEWIJZER_KEY_FILE");
    for (k, v) in env {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "routewijzer {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// What a server answered.
pub struct Page {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub bytes: Vec<u8>,
}

impl Page {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn location(&self) -> &str {
        self.header("location").unwrap_or("")
    }

    pub fn body(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }
}

/// A browser, reduced to its session cookie and the CSRF token of the last page.
#[derive(Clone)]
pub struct Client {
    pub port: u16,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
}

impl Client {
    /// The same browser talking to another server (same cookie, same token).
    pub fn on(&self, server: &Server) -> Client {
        Client {
            port: server.port,
            ..self.clone()
        }
    }

    pub fn get(&mut self, path: &str) -> Page {
        self.send("GET", path, None, &[])
    }

    /// Posts a form with the CSRF token of the last page.
    pub fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut pairs: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Some(t) = &self.csrf {
            pairs.push(("csrf".into(), t.clone()));
        }
        let body = pairs
            .iter()
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&");
        self.send(
            "POST",
            path,
            Some("application/x-www-form-urlencoded"),
            body.as_bytes(),
        )
    }

    /// Posts a multipart form (the CSRF token first, as the pages render it) with one file in
    /// the field `bestand`.
    pub fn post_file(&mut self, path: &str, fields: &[(&str, &str)], file: (&str, &[u8])) -> Page {
        let boundary = "RoutewijzerTestGrens";
        let mut body = Vec::new();
        let csrf = self.csrf.clone().unwrap_or_default();
        for (k, v) in std::iter::once(("csrf", csrf.as_str())).chain(fields.iter().copied()) {
            body.extend(
                format!(
                    "--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
                )
                .as_bytes(),
            );
        }
        body.extend(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"bestand\"; \
                 filename=\"{}\"\r\nContent-Type: application/octet-stream\r\n\r\n",
                file.0
            )
            .as_bytes(),
        );
        body.extend(file.1);
        body.extend(format!("\r\n--{boundary}--\r\n").as_bytes());
        let kind = format!("multipart/form-data; boundary={boundary}");
        self.send("POST", path, Some(&kind), &body)
    }

    fn send(&mut self, method: &str, path: &str, kind: Option<&str>, body: &[u8]) -> Page {
        self.try_send(method, path, kind, body)
            .unwrap_or_else(|| panic!("no answer to {method} {path}"))
    }

    fn try_get(&mut self, path: &str) -> Option<Page> {
        self.try_send("GET", path, None, &[])
    }

    fn try_send(
        &mut self,
        method: &str,
        path: &str,
        kind: Option<&str>,
        body: &[u8],
    ) -> Option<Page> {
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\
             Content-Length: {}\r\n",
            self.port,
            body.len()
        );
        if let Some(kind) = kind {
            head.push_str(&format!("Content-Type: {kind}\r\n"));
        }
        if let Some(cookie) = &self.cookie {
            head.push_str(&format!("Cookie: {cookie}\r\n"));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).ok()?;
        s.write_all(body).ok()?;
        let mut raw = Vec::new();
        s.read_to_end(&mut raw).ok()?;
        let page = parse(&raw)?;
        for (k, v) in &page.headers {
            if k.eq_ignore_ascii_case("set-cookie") {
                let pair = v.split(';').next().unwrap_or("").to_string();
                if v.contains("Max-Age=0") {
                    self.cookie = None;
                } else if pair.contains('=') {
                    self.cookie = Some(pair);
                }
            }
        }
        let text = page.body();
        let marker = r#"name="csrf" value=""#;
        if let Some(at) = text.find(marker) {
            let rest = &text[at + marker.len()..];
            self.csrf = rest.split('"').next().map(str::to_string);
        }
        Some(page)
    }
}

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn parse(raw: &[u8]) -> Option<Page> {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..end]).ok()?;
    let mut lines = head.split("\r\n");
    let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(k, v)| {
        k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
    });
    let bytes = if chunked {
        unchunk(rest)?
    } else {
        rest.to_vec()
    };
    Some(Page {
        status,
        headers,
        bytes,
    })
}

fn unchunk(mut rest: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&rest[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

/// A PDF of `size` bytes (a real header, then filler), big enough to span several chunks.
pub fn pdf(size: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..size.saturating_sub(9)).map(|i| b'a' + (i % 26) as u8));
    bytes
}

/// Signs up `email` with a good password; the client is logged in.
pub fn sign_up(server: &Server, email: &str, password: &str) -> Client {
    let mut c = server.client();
    c.get("/account/nieuw");
    let p = c.post(
        "/account/nieuw",
        &[
            ("email", email),
            ("password", password),
            ("password2", password),
        ],
    );
    assert_eq!((p.status, p.location()), (303, "/dossiers"), "{}", p.body());
    c
}

/// A new case through the form; returns its id.
pub fn new_case(c: &mut Client, title: &str) -> String {
    c.get("/dossiers");
    let p = c.post("/dossiers", &[("title", title)]);
    assert_eq!(p.status, 303, "{}", p.body());
    p.location().trim_start_matches("/dossiers/").to_string()
}

/// Adds an event with a file to the case; returns the attachment's download path.
pub fn upload(c: &mut Client, case: &str, file: &[u8]) -> String {
    c.get(&format!("/dossiers/{case}"));
    let p = c.post_file(
        &format!("/dossiers/{case}/gebeurtenissen"),
        &[
            ("kind", "conversation"),
            ("date", "2026-10-14"),
            ("title", "Brief van school"),
            ("notes", "Geheime aantekening over Sam"),
        ],
        ("brief.pdf", file),
    );
    assert_eq!(p.status, 303, "{}", p.body());
    let page = c.get(&format!("/dossiers/{case}")).body();
    let start = format!("/dossiers/{case}/bijlagen/");
    let at = page
        .find(&start)
        .expect("the case page links the attachment");
    page[at..].split('"').next().unwrap().to_string()
}

/// The URL of a new, empty PostgreSQL database on the test server, or `None` (with a SKIPPED
/// line, or a panic when `CI` is set) when there is no server.
pub fn new_database(name: &str) -> Option<String> {
    let url = std::env::var("ROUTEWIJZER_TEST_PG")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string());
    let out = Command::new("psql")
        .arg(&url)
        .args(["-qc", &format!("drop database if exists {name}")])
        .output();
    let made = out.is_ok_and(|o| o.status.success())
        && Command::new("psql")
            .arg(&url)
            .args(["-qc", &format!("create database {name}")])
            .output()
            .is_ok_and(|o| o.status.success());
    if !made {
        assert!(
            std::env::var_os("CI").is_none(),
            "PostgreSQL at {url} (with psql) is needed in CI"
        );
        eprintln!("\n*** SKIPPED: no PostgreSQL at {url} (or no psql) ***\n");
        return None;
    }
    let base = url.rsplit_once('/').map_or(url.as_str(), |(b, _)| b);
    Some(format!("{base}/{name}"))
}

pub fn drop_database(url: &str, name: &str) {
    let admin = format!("{}/postgres", url.rsplit_once('/').unwrap().0);
    let _ = Command::new("psql")
        .arg(admin)
        .args([
            "-qc",
            &format!("drop database if exists {name} with (force)"),
        ])
        .output();
}
