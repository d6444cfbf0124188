//! A test app on the fixture content, a tiny client that keeps the session cookie and the
//! CSRF token of the last page, the way a browser does, and the accounts, cases and shares
//! that many tests start from.

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode, header};
use store::{Actor, OrgRole, Role, Share, Store};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tower::ServiceExt;

pub fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("routewijzer-web-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub fn config(name: &str) -> web::Config {
    let mut c = web::Config::local();
    c.content_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    c.data_dir = temp_dir(name);
    c.today = web::Today::Fixed(jiff::civil::date(2027, 6, 20));
    c.checks = web::ContentChecks::Full;
    c.password_cost = web::PasswordCost::Fast;
    c
}

pub async fn app(name: &str) -> Router {
    web::App::build(config(name))
        .await
        .expect("the fixture content loads")
        .router()
}

/// The app, its store and its data folder.
pub async fn app_and_store(name: &str) -> (Router, Arc<dyn Store>, PathBuf) {
    let c = config(name);
    let data = c.data_dir.clone();
    let app = web::App::build(c).await.expect("the fixture content loads");
    (app.router(), app.store(), data)
}

pub const PASSWORD: &str = "een lang wachtwoord";

/// The clock's seconds, as the app reads them.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// The account `user_id` doing something now.
pub fn actor(user_id: &str) -> Actor {
    Actor {
        user_id: user_id.into(),
        now: now(),
    }
}

/// A new account through the sign-up form, logged in and on its cases page.
pub async fn sign_up(app: &Router, email: &str) -> Client {
    let mut c = Client::new(app.clone());
    c.get("/account/nieuw").await;
    let p = c
        .post(
            "/account/nieuw",
            &[
                ("email", email),
                ("password", PASSWORD),
                ("password2", PASSWORD),
            ],
        )
        .await;
    assert_eq!(
        (p.status, p.location()),
        (StatusCode::SEE_OTHER, "/dossiers"),
        "{}",
        p.body
    );
    c.get("/dossiers").await;
    c
}

pub async fn user_id(store: &Arc<dyn Store>, email: &str) -> String {
    store.user_by_email(email).await.unwrap().unwrap().id
}

/// A TOTP secret (base32) the tests put on accounts directly.
pub const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// Gives the account `role` in the organisation and turns its second factor on, as the member
/// command and the account page would.
pub async fn make_member(store: &Arc<dyn Store>, id: &str, role: OrgRole) {
    store.set_totp_secret(id, Some(TOTP_SECRET)).await.unwrap();
    store
        .set_org_role(id, Some(role), &actor(id))
        .await
        .unwrap();
}

/// The organisation's coordinator, logged in; returns its client and id.
pub async fn coordinator(app: &Router, store: &Arc<dyn Store>) -> (Client, String) {
    let email = "coordinator@example.nl";
    let c = sign_up(app, email).await;
    let id = user_id(store, email).await;
    make_member(store, &id, OrgRole::Coordinator).await;
    (c, id)
}

/// A new case through the form; returns its id.
pub async fn new_case(c: &mut Client, title: &str) -> String {
    c.get("/dossiers").await;
    let p = c.post("/dossiers", &[("title", title)]).await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    p.location().trim_start_matches("/dossiers/").to_string()
}

/// An accepted share of the case with the account of `email`; returns the share's id.
pub async fn share(
    store: &Arc<dyn Store>,
    case: &str,
    owner: &str,
    email: &str,
    role: Role,
) -> String {
    let id = store::new_id();
    let s = Share {
        id: id.clone(),
        case_id: case.into(),
        email: email.into(),
        role,
        user_id: None,
        token: store::new_id(),
        created_at: now(),
        expires_at: None,
        revoked_at: None,
    };
    store.add_share(&s, &actor(owner)).await.unwrap();
    let advocate = user_id(store, email).await;
    store.accept_share(&id, &actor(&advocate)).await.unwrap();
    id
}

pub struct Page {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent (for compressed or binary responses).
    pub bytes: Vec<u8>,
}

impl Page {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn csrf(&self) -> Option<String> {
        let at = self.body.find(r#"name="csrf" value=""#)? + r#"name="csrf" value=""#.len();
        Some(self.body[at..].split('"').next()?.to_string())
    }
}

pub struct Client {
    pub app: Router,
    pub cookie: Option<String>,
    pub csrf: Option<String>,
    pub extra_cookie: Option<String>,
}

impl Client {
    pub fn new(app: Router) -> Self {
        Client {
            app,
            cookie: None,
            csrf: None,
            extra_cookie: None,
        }
    }

    pub async fn send(&mut self, request: Request<Body>) -> Page {
        let mut request = request;
        let mut cookies = Vec::new();
        if let Some(c) = &self.cookie {
            cookies.push(c.clone());
        }
        if let Some(c) = &self.extra_cookie {
            cookies.push(c.clone());
        }
        if !cookies.is_empty() {
            request
                .headers_mut()
                .insert(header::COOKIE, cookies.join("; ").parse().unwrap());
        }
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap();
            let pair = set.split(';').next().unwrap().to_string();
            if pair.starts_with(&format!("{}=", web::SESSION_COOKIE)) {
                self.cookie = if set.contains("Max-Age=0") {
                    None
                } else {
                    Some(pair)
                };
            }
        }
        let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        let page = Page {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes: bytes.to_vec(),
        };
        if let Some(t) = page.csrf() {
            self.csrf = Some(t);
        }
        page
    }

    pub async fn get(&mut self, path: &str) -> Page {
        self.send(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Posts a form with the CSRF token of the last page.
    pub async fn post(&mut self, path: &str, fields: &[(&str, &str)]) -> Page {
        let mut pairs: Vec<(String, String)> = fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        if let Some(t) = &self.csrf {
            pairs.push(("csrf".into(), t.clone()));
        }
        self.post_raw(path, serde_urlencoded::to_string(&pairs).unwrap())
            .await
    }

    pub async fn post_raw(&mut self, path: &str, body: String) -> Page {
        let request = Request::post(path)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        self.send(request).await
    }
}

/// One mail as the sink received it: the envelope recipients and the DATA text.
pub struct Received {
    pub rcpt: Vec<String>,
    pub data: String,
}

/// Starts a small SMTP server on a free local port: it answers 220/250/354/221 and keeps what
/// comes after DATA; every mail it receives comes out of the channel.
pub async fn smtp_sink() -> (u16, mpsc::UnboundedReceiver<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                return;
            };
            let tx = tx.clone();
            tokio::spawn(async move {
                let (read, mut write) = stream.into_split();
                let mut lines = BufReader::new(read).lines();
                write.write_all(b"220 sink ready\r\n").await.unwrap();
                let mut rcpt = Vec::new();
                while let Ok(Some(line)) = lines.next_line().await {
                    let command = line.to_ascii_uppercase();
                    if command.starts_with("DATA") {
                        write.write_all(b"354 go on\r\n").await.unwrap();
                        let mut data = String::new();
                        while let Ok(Some(l)) = lines.next_line().await {
                            if l == "." {
                                break;
                            }
                            data.push_str(l.strip_prefix('.').unwrap_or(&l));
                            data.push('\n');
                        }
                        let _ = tx.send(Received {
                            rcpt: std::mem::take(&mut rcpt),
                            data,
                        });
                        write.write_all(b"250 kept\r\n").await.unwrap();
                    } else if command.starts_with("QUIT") {
                        write.write_all(b"221 bye\r\n").await.unwrap();
                        return;
                    } else {
                        if command.starts_with("RCPT TO:") {
                            rcpt.push(line[8..].trim().to_string());
                        }
                        write.write_all(b"250 ok\r\n").await.unwrap();
                    }
                }
            });
        }
    });
    (port, rx)
}
