//! Browser tests in headless Chromium through WebDriver (chromedriver): the public scenarios P01,
//! P04 and P05 walked through the intake with JavaScript off, one of them at 320 px; and axe-core
//! accessibility checks (WCAG 2.2 AA) on the main pages.
//!
//! Needs `chromium` and `chromedriver` (Debian packages, installed by `.ci/run`) and axe-core
//! (`npm install --prefix target/axe axe-core@4`, or set `AXE_CORE_JS`). Without them the tests
//! skip with a loud message, except when `CI` is set: then they fail.

use std::collections::HashMap;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::support::{temp_dir, workspace};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Kills a child process when the test ends, also on panic.
pub(crate) struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::var_os("PATH")?
        .to_str()?
        .split(':')
        .map(|d| PathBuf::from(d).join(name))
        .find(|p| p.is_file())
}

/// The browser tools, or None (after a loud message) when they are missing outside CI.
pub(crate) fn tools() -> Option<PathBuf> {
    let driver = on_path("chromedriver");
    let browser = PathBuf::from(CHROMIUM).is_file();
    match driver {
        Some(d) if browser => Some(d),
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI is set but chromium or chromedriver is missing; .ci/run installs them")
        }
        _ => {
            eprintln!(
                "\n*** SKIPPED: browser tests need {CHROMIUM} and chromedriver (apt-get install chromium chromium-driver) ***\n"
            );
            None
        }
    }
}

/// The app on the real content, served on a free port in this process, with its data in its
/// own folder `name` (tests run at the same time).
async fn serve_app(name: &str) -> String {
    let mut config = web::Config::local();
    config.content_dir = workspace().join("content");
    config.data_dir = temp_dir(name);
    // P05 happens on 2027-06-20; the others do not depend on the date.
    config.today = web::Today::Fixed(jiff::civil::date(2027, 6, 20));
    // The full check with the intake walk runs in the route crate's tests and `routewijzer check`.
    config.checks = web::ContentChecks::WithoutWalk;
    let app = web::App::build(config).await.expect("the content loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(app.serve_on(listener, std::future::pending()));
    format!("http://{addr}")
}

pub(crate) async fn start_driver(driver: &PathBuf) -> (Killed, u16) {
    let port = free_port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let deadline = Instant::now() + Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "chromedriver did not start");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    (Killed(child), port)
}

pub(crate) async fn browser(port: u16, javascript: bool, width: u32) -> Client {
    let profile = temp_dir(&format!("profile-{port}-{javascript}-{width}"));
    let mut args = vec![
        "--headless=new".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-dev-shm-usage".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    let mut options = json!({ "binary": CHROMIUM });
    if !javascript {
        args.push("--blink-settings=scriptEnabled=false".into());
        options["prefs"] = json!({ "profile.managed_default_content_settings.javascript": 2 });
    }
    options["args"] = json!(args);
    let mut caps = serde_json::Map::new();
    caps.insert("goog:chromeOptions".into(), options);
    let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a WebDriver session");
    c.set_window_size(width, 800).await.unwrap();
    c
}

/// Proves that pages cannot run script: a page that would retitle itself keeps its title.
pub(crate) async fn assert_javascript_off(c: &Client) {
    let page = "data:text/html,<title>off</title><script>document.title='on'</script>";
    c.goto(page).await.unwrap();
    assert_eq!(
        c.title().await.unwrap(),
        "off",
        "JavaScript must be disabled for these walks"
    );
}

/// A scenario: answers by question id (a multi's values joined by ','; "skip" skips) and what
/// its route page must show.
struct Scenario {
    name: &'static str,
    answers: &'static [(&'static str, &'static str)],
    /// First answers to give, to be corrected from the check page with `answers`.
    change: Option<(&'static str, &'static str)>,
    current: &'static str,
    warning: Option<&'static str>,
    text: Option<&'static str>,
    width: u32,
}

const P01: Scenario = Scenario {
    name: "P01",
    answers: &[
        ("probleem", "ondersteuning"),
        ("ingeschreven", "ja"),
        ("gaat-naar-school", "volledig"),
        ("gesprek-school", "nee"),
        ("school-houdt-niet", "nee"),
    ],
    change: Some(("gesprek-school", "een-keer")),
    current: "praten-met-school",
    warning: None,
    text: None,
    width: 1280,
};

const P04: Scenario = Scenario {
    name: "P04",
    answers: &[
        ("probleem", "ondersteuning"),
        ("ingeschreven", "ja"),
        ("gaat-naar-school", "nee"),
        ("thuis-sinds", "skip"),
        ("weken-thuis", "6"),
        ("reden-thuis", "vastgelopen"),
        ("vrijstelling-status", "aangeboden"),
        ("vrijstelling-soort", "5a"),
        ("lpa-weet-het", "nee"),
        ("gesprek-school", "vaker"),
        ("gesprek-resultaat", "niets-veranderd"),
        ("zorgprofessional", "nee"),
        ("al-contact", "niemand"),
        ("procedure", "geen"),
        ("thuisonderwijs-overweging", "nee"),
    ],
    change: None,
    current: "leerplichtambtenaar-informeren",
    warning: Some("geen-5a-zomaar"),
    text: None,
    width: 1280,
};

const P05: Scenario = Scenario {
    name: "P05",
    answers: &[
        ("probleem", "geen-plek"),
        ("regio", "midden"),
        ("ingeschreven", "ja"),
        ("gaat-naar-school", "volledig"),
        ("gesprek-school", "vaker"),
        ("gesprek-resultaat", "wil-niet"),
        ("school-houdt-niet", "ja"),
        ("zorgprofessional", "nee"),
        ("al-contact", "niemand"),
        ("aangemeld-schriftelijk", "ja"),
        ("datum-aanmelding", "skip"),
        ("procedure", "geen"),
        ("rechtsbijstand", "ja"),
    ],
    change: None,
    current: "rechtsbijstandverzekeraar",
    warning: Some("niet-wachten-tot-na-zomer"),
    text: Some("zaterdag 17 juli 2027"),
    width: 320,
};

/// The path and query of the page the browser is on.
pub(crate) async fn here(c: &Client) -> String {
    let url = c.current_url().await.unwrap();
    match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    }
}

/// No answer ever appears in an address: only page and question ids.
fn assert_no_answers_in(path: &str) {
    let ok = path == "/"
        || ["/controle", "/regio", "/route", "/regio?terug=controle"].contains(&path)
        || path
            .strip_prefix("/vragen/")
            .map(|rest| {
                rest.trim_end_matches("?terug=controle")
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .unwrap_or(false);
    assert!(ok, "unexpected address {path}");
}

/// Answers the question on the current page and submits it.
pub(crate) async fn answer(c: &Client, answers: &HashMap<&str, &str>, id: &str) {
    let value = answers.get(id).copied();
    let form = "main form:not(.restart)";
    let has = |sel: String| async move { c.find(Locator::Css(&sel)).await.is_ok() };
    if value == Some("skip") {
        c.find(Locator::Css("#antwoord-overslaan"))
            .await
            .unwrap()
            .click()
            .await
            .unwrap();
    } else if has(format!("{form} #dag")).await {
        let v = value.unwrap_or_else(|| panic!("no answer for date question {id}"));
        let parts: Vec<&str> = v.split('-').collect();
        for (field, text) in [
            ("#jaar", parts[0]),
            ("#maand", parts[1]),
            ("#dag", parts[2]),
        ] {
            let e = c.find(Locator::Css(field)).await.unwrap();
            e.clear().await.unwrap();
            e.send_keys(text).await.unwrap();
        }
    } else if has(format!("{form} input#antwoord")).await {
        let e = c.find(Locator::Css("input#antwoord")).await.unwrap();
        e.clear().await.unwrap();
        e.send_keys(value.unwrap_or("0")).await.unwrap();
    } else {
        // Radios or checkboxes: untick what is ticked, then tick the answer (or the first option).
        for e in c
            .find_all(Locator::Css("input[type=checkbox]:checked"))
            .await
            .unwrap()
        {
            e.click().await.unwrap();
        }
        match value {
            Some(v) => {
                for one in v.split(',') {
                    let sel = format!("input[name=antwoord][value=\"{one}\"]");
                    c.find(Locator::Css(&sel))
                        .await
                        .unwrap_or_else(|_| panic!("{id} has no option {one}"))
                        .click()
                        .await
                        .unwrap();
                }
            }
            None => c
                .find(Locator::Css("input[name=antwoord]"))
                .await
                .unwrap()
                .click()
                .await
                .unwrap(),
        }
    }
    submit(c, &format!("{form} button[type=submit]")).await;
}

/// Clicks a button or link and waits until the next page has replaced this one.
pub(crate) async fn submit(c: &Client, selector: &str) {
    let button = c.find(Locator::Css(selector)).await.unwrap();
    button.clone().click().await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    // The old element goes stale when the new page is loaded.
    while button.is_displayed().await.is_ok() {
        assert!(
            Instant::now() < deadline,
            "the page did not change after clicking {selector}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Walks the intake until the check page; returns the question ids asked.
async fn walk_intake(c: &Client, base: &str, answers: &HashMap<&str, &str>) -> Vec<String> {
    c.goto(&format!("{base}/vragen")).await.unwrap();
    let mut asked = Vec::new();
    for _ in 0..80 {
        let path = here(c).await;
        assert_no_answers_in(&path);
        if path == "/controle" {
            return asked;
        }
        let source = c.source().await.unwrap();
        assert!(
            !source.contains("error-summary"),
            "an answer was refused on {path}"
        );
        let id = path.rsplit('/').next().unwrap().to_string();
        answer(c, answers, &id).await;
        asked.push(id);
    }
    panic!("the intake did not reach the check page");
}

async fn run_scenario(c: &Client, base: &str, k: &route::Knowledge, sc: &Scenario) {
    let mut answers: HashMap<&str, &str> = sc.answers.iter().copied().collect();
    if let Some((id, first)) = sc.change {
        answers.insert(id, first);
    }
    walk_intake(c, base, &answers).await;
    if let Some((id, _)) = sc.change {
        // Change one answer from the check page and come back to it.
        let want = sc.answers.iter().find(|(q, _)| *q == id).unwrap().1;
        let link = format!("a[href=\"/vragen/{id}?terug=controle\"]");
        submit(c, &link).await;
        answers.insert(id, want);
        answer(c, &answers, id).await;
        let mut path = here(c).await;
        // A changed answer may open new questions; they come before the check page.
        while path.starts_with("/vragen/") {
            let next = path
                .trim_start_matches("/vragen/")
                .trim_end_matches("?terug=controle")
                .to_string();
            answer(c, &answers, &next).await;
            path = here(c).await;
        }
        assert_eq!(
            path, "/controle",
            "{}: after a change the visitor is back on the check page",
            sc.name
        );
    }
    submit(c, "a[href=\"/route\"]").await;
    assert_eq!(
        c.current_url().await.unwrap().path(),
        "/route",
        "{}",
        sc.name
    );
    let current = c
        .find(Locator::Css("#nu-doen .now-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let expected = &k.step(sc.current).expect("the step exists").title;
    assert_eq!(&current, expected, "{}: current step", sc.name);
    let source = c.source().await.unwrap();
    if let Some(w) = sc.warning {
        let title = &k.warning(w).unwrap().title;
        assert!(
            source.contains(&askama_escape(title)),
            "{}: warning '{title}' missing",
            sc.name
        );
    }
    if let Some(t) = sc.text {
        assert!(source.contains(t), "{}: '{t}' missing", sc.name);
    }
    // A refresh keeps the answers.
    c.refresh().await.unwrap();
    assert_eq!(c.current_url().await.unwrap().path(), "/route");
    // Start again for the next scenario: the link asks first, the button clears.
    submit(c, ".restart a").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/opnieuw");
    submit(c, "main form button[type=submit]").await;
    assert_eq!(c.current_url().await.unwrap().path(), "/");
}

fn askama_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&#34;")
        .replace('\'', "&#39;")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scenarios_walk_through_without_javascript() {
    let Some(driver) = tools() else { return };
    let base = serve_app("browser").await;
    let k = route::load::load_dir_without_walk(&workspace().join("content")).unwrap();
    let (_driver, port) = start_driver(&driver).await;
    for width in [1280, 320] {
        let c = browser(port, false, width).await;
        assert_javascript_off(&c).await;
        for sc in [&P01, &P04, &P05].into_iter().filter(|s| s.width == width) {
            run_scenario(&c, &base, &k, sc).await;
        }
        let narrow: i64 = if width == 320 {
            // The property is a number, which fantoccini reports as a non-string answer.
            match c
                .find(Locator::Css("html"))
                .await
                .unwrap()
                .prop("scrollWidth")
                .await
            {
                Ok(w) => w.and_then(|w| w.parse().ok()).unwrap_or(0),
                Err(fantoccini::error::CmdError::NotW3C(v)) => v.as_i64().unwrap_or(0),
                Err(e) => panic!("scrollWidth: {e}"),
            }
        } else {
            0
        };
        assert!(
            narrow <= 320,
            "the page is wider than the 320 px screen: {narrow}"
        );
        c.close().await.unwrap();
    }
}

pub(crate) fn axe_source() -> String {
    let path = std::env::var_os("AXE_CORE_JS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target/axe/node_modules/axe-core/axe.min.js"));
    match std::fs::read_to_string(&path) {
        Ok(s) => s,
        Err(e) if std::env::var_os("CI").is_some() => {
            panic!("axe-core not found at {}: {e}", path.display())
        }
        Err(_) => String::new(),
    }
}

/// Runs axe-core on the current page and returns the violations as readable lines.
pub(crate) async fn axe(c: &Client, axe: &str) -> Vec<String> {
    c.execute(&format!("{axe}\n;return true;"), vec![])
        .await
        .expect("axe-core loads");
    let result = c
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } })
                  .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' @ ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));"#,
            vec![],
        )
        .await
        .expect("axe-core runs");
    serde_json::from_value(result).unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn main_pages_have_no_accessibility_violations() {
    let Some(driver) = tools() else { return };
    let axe_js = axe_source();
    if axe_js.is_empty() {
        eprintln!(
            "\n*** SKIPPED: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
        return;
    }
    let base = serve_app("browser-axe").await;
    let (_driver, port) = start_driver(&driver).await;
    let c = browser(port, true, 1280).await;
    let mut failures = Vec::new();
    let mut check = |page: &str, violations: Vec<String>| {
        for v in violations {
            failures.push(format!("{page}: {v}"));
        }
    };
    c.goto(&format!("{base}/")).await.unwrap();
    check("start", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/vragen/probleem")).await.unwrap();
    submit(&c, "main form:not(.restart) button[type=submit]").await;
    assert!(c.source().await.unwrap().contains("error-summary"));
    check("question with an error", axe(&c, &axe_js).await);
    let answers: HashMap<&str, &str> = P01.answers.iter().copied().collect();
    walk_intake(&c, &base, &answers).await;
    check("check answers", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/route")).await.unwrap();
    check("route", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/route/waarom")).await.unwrap();
    check(
        "route: warnings, reasons and sources",
        axe(&c, &axe_js).await,
    );
    c.goto(&format!("{base}/brieven/verzoek-gpo"))
        .await
        .unwrap();
    check("letter", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/kennis/artikelen/thuiszitten"))
        .await
        .unwrap();
    check("knowledge page", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/zoeken?q=vrijstellingen"))
        .await
        .unwrap();
    check("search results", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/eigen-woorden")).await.unwrap();
    check("own words", axe(&c, &axe_js).await);
    submit(&c, "main form:not(.restart) button[type=submit]").await;
    assert!(c.source().await.unwrap().contains("error-summary"));
    check("own words: empty text", axe(&c, &axe_js).await);
    c.find(Locator::Css("#tekst"))
        .await
        .unwrap()
        .send_keys("Mijn zoon zit al 5 weken thuis, de school wil dat we een 5a aanvragen")
        .await
        .unwrap();
    submit(&c, "main form:not(.restart) button[type=submit]").await;
    assert!(c.source().await.unwrap().contains("<mark>"));
    check("own words: proposals", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/vragen/vrijstelling-soort"))
        .await
        .unwrap();
    check("question with a proposal", axe(&c, &axe_js).await);
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}

/// The case file in a real browser: sign up with the intake saved into a case, add an event with
/// an attachment, invite an advocate who then sees it, revoke, and the advocate no longer does.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_is_shared_with_an_advocate_and_revoked() {
    let Some(driver) = tools() else { return };
    let mut config = web::Config::local();
    config.content_dir = workspace().join("content");
    config.data_dir = temp_dir("browser-case");
    config.checks = web::ContentChecks::WithoutWalk;
    config.password_cost = web::PasswordCost::Fast;
    let mailer = web::Mailer::memory();
    config.mailer = mailer.clone();
    let app = web::App::build(config).await.expect("the content loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(app.serve_on(listener, std::future::pending()));
    let (_driver, port) = start_driver(&driver).await;
    let pdf = temp_dir("browser-case-files").join("verslag.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();

    // JavaScript on, for the axe-core checks of the new pages; the pages need none.
    let axe_js = axe_source();
    let mut failures = Vec::new();
    let parent = browser(port, true, 1280).await;
    // One answer, so there is an intake to keep.
    parent.goto(&format!("{base}/vragen")).await.unwrap();
    let id = here(&parent).await.rsplit('/').next().unwrap().to_string();
    answer(&parent, &HashMap::new(), &id).await;
    parent.goto(&format!("{base}/account/nieuw")).await.unwrap();
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("sign up: {v}")),
        );
    }
    let fill = |c: &Client, sel: &'static str, text: String| {
        let c = c.clone();
        async move {
            c.find(Locator::Css(sel))
                .await
                .unwrap()
                .send_keys(&text)
                .await
                .unwrap()
        }
    };
    fill(&parent, "#email", "ouder@example.nl".into()).await;
    fill(&parent, "#password", "een lang wachtwoord".into()).await;
    fill(&parent, "#password2", "een lang wachtwoord".into()).await;
    assert!(
        parent
            .find(Locator::Css("#save_intake:checked"))
            .await
            .is_ok(),
        "keeping the intake is the default"
    );
    submit(&parent, "main form button[type=submit]").await;
    let case_path = here(&parent).await;
    assert!(case_path.starts_with("/dossiers/"), "{case_path}");

    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("case: {v}")),
        );
    }
    // A date typed the Dutch way, first one February does not have: it is refused with what
    // was read, and the form keeps what was typed.
    fill(&parent, "#event-date", "31-2-2027".into()).await;
    fill(&parent, "#event-title", "Gesprek met de mentor".into()).await;
    fill(
        &parent,
        "#event-notes",
        "We spraken **afspraken** af.".into(),
    )
    .await;
    submit(
        &parent,
        "form[action$='/gebeurtenissen'] button[type=submit]",
    )
    .await;
    let source = parent.source().await.unwrap();
    assert!(
        source.contains("Datum: 31 februari 2027 bestaat niet. Die maand heeft 28 dagen."),
        "the date is refused with what was read"
    );
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("case with a refused date: {v}")),
        );
    }
    let date = parent.find(Locator::Css("#event-date")).await.unwrap();
    assert_eq!(
        date.prop("value").await.unwrap().as_deref(),
        Some("31-2-2027"),
        "the typed date is kept"
    );
    date.clear().await.unwrap();
    fill(&parent, "#event-date", "14 oktober 2026".into()).await;
    fill(&parent, "#bestand", pdf.display().to_string()).await;
    submit(
        &parent,
        "form[action$='/gebeurtenissen'] button[type=submit]",
    )
    .await;
    let source = parent.source().await.unwrap();
    assert!(
        source.contains("Gesprek met de mentor")
            && source.contains("verslag.pdf")
            && source.contains("woensdag 14 oktober 2026 · "),
        "the event, on the date typed in words, and its file are on the timeline"
    );

    // The parent's own words, kept as a note in the case with its button (a formaction of the
    // same form, no JavaScript needed).
    parent.goto(&format!("{base}/eigen-woorden")).await.unwrap();
    fill(
        &parent,
        "#tekst",
        "Wij wonen in Zwolle. Mijn zoon zit al 5 weken thuis <b>echt</b>".into(),
    )
    .await;
    submit(
        &parent,
        "form[action='/eigen-woorden'] button[type=submit]:not([formaction])",
    )
    .await;
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("own words with a case to keep them in: {v}")),
        );
    }
    submit(
        &parent,
        "form[action='/eigen-woorden'] button[formaction$='/eigen-woorden']",
    )
    .await;
    assert!(
        parent
            .source()
            .await
            .unwrap()
            .contains("Uw tekst staat in uw dossier"),
        "where the text went"
    );
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("own words kept: {v}")),
        );
    }
    parent.goto(&format!("{base}{case_path}")).await.unwrap();
    let source = parent.source().await.unwrap();
    assert!(
        source.contains("In eigen woorden")
            && source.contains("zit al 5 weken thuis &lt;b&gt;echt&lt;/b&gt;"),
        "the note is on the timeline, as typed"
    );

    parent
        .goto(&format!("{base}{case_path}/delen"))
        .await
        .unwrap();
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("share: {v}")),
        );
    }
    fill(&parent, "#share-email", "advocaat@example.nl".into()).await;
    submit(&parent, "form[action$='/delen'] button[type=submit]").await;
    let link = mailer
        .sent()
        .last()
        .unwrap()
        .body
        .split_whitespace()
        .find_map(|w| w.find("/uitnodiging/").map(|at| w[at..].to_string()))
        .unwrap();

    let advocate = browser(port, true, 1280).await;
    advocate
        .goto(&format!("{base}/account/nieuw"))
        .await
        .unwrap();
    fill(&advocate, "#email", "advocaat@example.nl".into()).await;
    fill(&advocate, "#password", "nog een lang wachtwoord".into()).await;
    fill(&advocate, "#password2", "nog een lang wachtwoord".into()).await;
    submit(&advocate, "main form button[type=submit]").await;
    advocate.goto(&format!("{base}{link}")).await.unwrap();
    submit(&advocate, "main form button[type=submit]").await;
    assert_eq!(here(&advocate).await, case_path);
    let source = advocate.source().await.unwrap();
    assert!(
        source.contains("Gesprek met de mentor") && source.contains("verslag.pdf"),
        "the advocate sees the case"
    );

    parent
        .goto(&format!("{base}{case_path}/delen"))
        .await
        .unwrap();
    submit(&parent, "form.inline button[type=submit]").await;
    advocate.goto(&format!("{base}{case_path}")).await.unwrap();
    let source = advocate.source().await.unwrap();
    assert!(
        !source.contains("Gesprek met de mentor"),
        "after revoking, the advocate sees nothing"
    );
    parent.goto(&format!("{base}/account")).await.unwrap();
    if !axe_js.is_empty() {
        failures.extend(
            axe(&parent, &axe_js)
                .await
                .into_iter()
                .map(|v| format!("account: {v}")),
        );
    }
    parent.close().await.unwrap();
    advocate.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}

/// Fills every empty field of a letter form with a sample text, so that the letter is complete.
async fn fill_empty_letter_fields(c: &Client) {
    for e in c
        .find_all(Locator::Css(
            "input[name^='veld-'], textarea[name^='veld-']",
        ))
        .await
        .unwrap()
    {
        if e.prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
            .is_empty()
        {
            // Date fields are the ones without autocomplete, and take only a date.
            let date = e.attr("autocomplete").await.unwrap().as_deref() == Some("off");
            let text = if date { "1-3-2015" } else { "Voorbeeldtekst" };
            e.send_keys(text).await.unwrap();
        }
    }
}

/// A letter of a case in a real browser: with JavaScript off, the parent adds a child and the
/// school board to the case, opens a letter filled from the case, completes it and marks it as
/// sent, and the letter is on the timeline. With JavaScript on (for axe-core only), the letter
/// page with the mark-as-sent form, the child page and the answer versions have no WCAG 2.2 AA
/// violations.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_letter_of_a_case_is_marked_as_sent_without_javascript() {
    let Some(driver) = tools() else { return };
    let content = workspace().join("content");
    let k = route::load::load_dir_without_walk(&content).expect("the content loads");
    let letter_id = "verzoek-schriftelijk-besluit";
    let letter_title = k
        .letter(letter_id)
        .expect("the letter exists")
        .title
        .clone();
    let mut config = web::Config::local();
    config.content_dir = content;
    config.data_dir = temp_dir("browser-letter-sent");
    config.checks = web::ContentChecks::WithoutWalk;
    config.password_cost = web::PasswordCost::Fast;
    let app = web::App::build(config).await.expect("the content loads");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(app.serve_on(listener, std::future::pending()));
    let (_driver, port) = start_driver(&driver).await;
    let fill = |c: &Client, sel: &'static str, text: &'static str| {
        let c = c.clone();
        async move {
            c.find(Locator::Css(sel))
                .await
                .unwrap_or_else(|_| panic!("no {sel}"))
                .send_keys(text)
                .await
                .unwrap()
        }
    };
    let click = |c: &Client, sel: &'static str| {
        let c = c.clone();
        async move {
            c.find(Locator::Css(sel))
                .await
                .unwrap_or_else(|_| panic!("no {sel}"))
                .click()
                .await
                .unwrap()
        }
    };

    let parent = browser(port, false, 1280).await;
    assert_javascript_off(&parent).await;
    parent.goto(&format!("{base}/account/nieuw")).await.unwrap();
    fill(&parent, "#email", "ouder@example.nl").await;
    fill(&parent, "#password", "een lang wachtwoord").await;
    fill(&parent, "#password2", "een lang wachtwoord").await;
    submit(&parent, "main form button[type=submit]").await;
    parent.goto(&format!("{base}/dossiers")).await.unwrap();
    fill(&parent, "#title", "Noor").await;
    submit(&parent, "form[action='/dossiers'] button[type=submit]").await;
    let case_path = here(&parent).await;
    assert!(case_path.starts_with("/dossiers/"), "{case_path}");

    // The add forms are in closed <details>, which open without script.
    parent
        .find(Locator::XPath(
            "//form[contains(@action, '/kinderen')]/parent::details/summary",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(&parent, "#child-name", "Noor").await;
    fill(&parent, "#child-level", "groep 6").await;
    submit(&parent, "form[action$='/kinderen'] button[type=submit]").await;
    parent
        .find(Locator::XPath(
            "//form[contains(@action, '/partijen')]/parent::details/summary",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    fill(&parent, "#party-name", "Stichting De Brug").await;
    click(&parent, "#party-role option[value='schoolbestuur']").await;
    fill(&parent, "#party-contact", "Postbus 1").await;
    submit(&parent, "form[action$='/partijen'] button[type=submit]").await;

    let letter_path = format!("{case_path}/brieven/{letter_id}");
    parent.goto(&format!("{base}{letter_path}")).await.unwrap();
    let value = |c: &Client, sel: &'static str| {
        let c = c.clone();
        async move {
            c.find(Locator::Css(sel))
                .await
                .unwrap_or_else(|_| panic!("no {sel}"))
                .prop("value")
                .await
                .unwrap()
                .unwrap_or_default()
        }
    };
    assert_eq!(value(&parent, "#veld-naam-kind").await, "Noor");
    assert_eq!(
        value(&parent, "#veld-geadresseerde").await,
        "Stichting De Brug\nPostbus 1"
    );
    fill_empty_letter_fields(&parent).await;
    submit(&parent, "button[name=actie][value=invullen]").await;
    assert!(
        value(&parent, "#tekst").await.contains("Noor"),
        "the text is filled from the case"
    );
    submit(
        &parent,
        "button[formaction$='/brieven/verzoek-schriftelijk-besluit']",
    )
    .await;
    assert_eq!(here(&parent).await, case_path, "back on the case page");
    let source = parent.source().await.unwrap();
    let timeline = &source[source.find("id=\"tijdlijn\"").expect("a timeline")..];
    assert!(
        timeline.contains(&askama_escape(&letter_title)),
        "the sent letter is on the timeline"
    );
    parent.close().await.unwrap();

    let axe_js = axe_source();
    if axe_js.is_empty() {
        eprintln!(
            "\n*** SKIPPED: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
        return;
    }
    let checker = browser(port, true, 1280).await;
    checker.goto(&format!("{base}/inloggen")).await.unwrap();
    fill(&checker, "#email", "ouder@example.nl").await;
    fill(&checker, "#password", "een lang wachtwoord").await;
    submit(&checker, "main form button[type=submit]").await;
    let mut failures = Vec::new();
    checker.goto(&format!("{base}{letter_path}")).await.unwrap();
    fill_empty_letter_fields(&checker).await;
    submit(&checker, "button[name=actie][value=invullen]").await;
    assert!(
        checker.find(Locator::Css("#verstuurd_op")).await.is_ok(),
        "the mark-as-sent form is there"
    );
    failures.extend(
        axe(&checker, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("letter with the mark-as-sent form: {v}")),
    );
    checker.goto(&format!("{base}{case_path}")).await.unwrap();
    submit(&checker, "a[href*='/kinderen/']").await;
    failures.extend(
        axe(&checker, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("child page: {v}")),
    );
    submit(&checker, "form[action$='/verwijderen'] button[type=submit]").await;
    assert!(checker.source().await.unwrap().contains("error-summary"));
    failures.extend(
        axe(&checker, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("child page with an error: {v}")),
    );
    checker
        .goto(&format!("{base}{case_path}/antwoorden"))
        .await
        .unwrap();
    failures.extend(
        axe(&checker, &axe_js)
            .await
            .into_iter()
            .map(|v| format!("answer versions: {v}")),
    );
    checker.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}

/// The top and bottom of the first element matching `selector`, in CSS pixels from the top of
/// the page, as the browser lays it out.
async fn position(c: &Client, selector: &str) -> (f64, f64) {
    let v = c
        .execute(
            "const e = document.querySelector(arguments[0]);
             if (!e) { return null; }
             const r = e.getBoundingClientRect();
             return [r.top + window.scrollY, r.bottom + window.scrollY];",
            vec![json!(selector)],
        )
        .await
        .unwrap();
    let v = v
        .as_array()
        .unwrap_or_else(|| panic!("no element {selector}"));
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

/// P04 on a phone (320 px) and on a wide screen: the current step and its deadline are on the
/// first screen, the page is no wider than the phone, and axe-core finds no WCAG 2.2 AA
/// violations at either width.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn p04_first_screen_shows_the_step_and_its_deadline() {
    let Some(driver) = tools() else { return };
    let axe_js = axe_source();
    if axe_js.is_empty() && std::env::var_os("CI").is_none() {
        eprintln!(
            "\n*** SKIPPED: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
        return;
    }
    let base = serve_app("browser-first-screen").await;
    let k = route::load::load_dir_without_walk(&workspace().join("content")).unwrap();
    let (_driver, port) = start_driver(&driver).await;
    let answers: HashMap<&str, &str> = crate::first_screen::P04.iter().copied().collect();
    let mut failures = Vec::new();
    for width in [320, 1280] {
        // JavaScript on for axe-core only; the page needs none.
        let c = browser(port, true, width).await;
        walk_intake(&c, &base, &answers).await;
        c.goto(&format!("{base}/route")).await.unwrap();
        let title = c
            .find(Locator::Css("#nu-doen .now-title"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(
            title,
            k.step("leerplichtambtenaar-informeren").unwrap().title,
            "{width} px: the current step"
        );
        let (_, heading) = position(&c, "#nu-doen .now-title").await;
        let (_, deadline) = position(&c, "#nu-termijn .deadline-none, #nu-termijn .deadline").await;
        if width == 320 {
            assert!(heading <= 600.0, "the step's heading ends at {heading} px");
            assert!(deadline <= 600.0, "its deadline ends at {deadline} px");
        }
        let wide: f64 = c
            .execute("return document.documentElement.scrollWidth;", vec![])
            .await
            .unwrap()
            .as_f64()
            .unwrap();
        assert!(
            wide <= width as f64,
            "{width} px: the page is {wide} px wide"
        );
        for v in axe(&c, &axe_js).await {
            failures.push(format!("route at {width} px: {v}"));
        }
        c.close().await.unwrap();
    }
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}

/// An English-speaking parent: switches the language on the first page, walks the intake to the
/// route, and reads the route, a letter and the glossary in English. Each page says it is
/// English; what stays Dutch (the names of bodies, the letter itself) says it is Dutch; axe-core
/// finds no WCAG 2.2 AA violation.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_english_walk_to_the_route_in_english() {
    let Some(driver) = tools() else { return };
    let axe_js = axe_source();
    if axe_js.is_empty() {
        eprintln!(
            "\n*** SKIPPED: axe-core not found; npm install --prefix target/axe axe-core@4 ***\n"
        );
        return;
    }
    let content = workspace().join("content");
    let en = route::load::load_files_in(
        &route::load::read_dir(&content).unwrap(),
        calendar::Lang::En,
        false,
    )
    .expect("the English content loads");
    let base = serve_app("browser-english").await;
    let (_driver, port) = start_driver(&driver).await;
    let c = browser(port, true, 1280).await;
    let mut failures = Vec::new();
    let mut check = |page: &str, violations: Vec<String>| {
        for v in violations {
            failures.push(format!("{page}: {v}"));
        }
    };
    let html_lang = |c: &Client| {
        let c = c.clone();
        async move {
            c.find(Locator::Css("html"))
                .await
                .unwrap()
                .attr("lang")
                .await
                .unwrap()
                .unwrap_or_default()
        }
    };
    c.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(html_lang(&c).await, "nl");
    submit(&c, "a.lang-switch").await;
    assert_eq!(html_lang(&c).await, "en");
    check("start (English)", axe(&c, &axe_js).await);

    let answers: HashMap<&str, &str> = P04.answers.iter().copied().collect();
    walk_intake(&c, &base, &answers).await;
    assert_eq!(html_lang(&c).await, "en");
    let source = c.source().await.unwrap();
    let question = &en.question("probleem").unwrap().text;
    assert!(
        source.contains(&askama_escape(question)),
        "the check page shows the English question '{question}'"
    );
    check("check answers (English)", axe(&c, &axe_js).await);

    submit(&c, "a[href=\"/route\"]").await;
    assert_eq!(html_lang(&c).await, "en");
    let current = c
        .find(Locator::Css("#nu-doen .now-title"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(
        current,
        en.step(P04.current).unwrap().title,
        "the current step in English"
    );
    let source = c.source().await.unwrap();
    let warning = &en.warning("geen-5a-zomaar").unwrap().title;
    assert!(
        source.contains(&askama_escape(warning)),
        "warning '{warning}'"
    );
    // The deadline's date in English words.
    assert!(
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday"
        ]
        .iter()
        .any(|d| source.contains(d)),
        "an English date on the route page"
    );
    // The body that helps is named in Dutch, and marked so.
    let names = c.find_all(Locator::Css("a[lang=nl]")).await.unwrap();
    assert!(!names.is_empty(), "Dutch names carry lang=\"nl\"");
    check("route (English)", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/route/waarom")).await.unwrap();
    check(
        "route: reasons and sources (English)",
        axe(&c, &axe_js).await,
    );

    // A letter: explained in English, its form in English, the letter itself Dutch.
    let letter = "melding-leerplichtambtenaar-11g";
    c.goto(&format!("{base}/brieven/{letter}")).await.unwrap();
    let says = en.letter(letter).unwrap().says.as_ref().unwrap();
    let shown = c
        .find(Locator::XPath(
            "//h2[.='What the letter says']/following-sibling::p[1]",
        ))
        .await
        .expect("the letter page says what the letter says")
        .text()
        .await
        .unwrap();
    assert_eq!(&shown, says.trim());
    fill_empty_letter_fields(&c).await;
    submit(&c, "button[value=invullen]").await;
    let text = c.find(Locator::Css("#tekst")).await.unwrap();
    assert_eq!(text.attr("lang").await.unwrap().as_deref(), Some("nl"));
    assert!(
        text.prop("value")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("Geachte"),
        "the letter text is Dutch"
    );
    check("letter (English)", axe(&c, &axe_js).await);

    c.goto(&format!("{base}/begrippen")).await.unwrap();
    assert_eq!(html_lang(&c).await, "en");
    assert!(c.source().await.unwrap().contains("From English to Dutch"));
    check("glossary (English)", axe(&c, &axe_js).await);
    c.goto(&format!("{base}/zoeken?q=exemption")).await.unwrap();
    assert!(
        c.source()
            .await
            .unwrap()
            .contains("/kennis/artikelen/vrijstelling-11g")
    );
    check("search (English)", axe(&c, &axe_js).await);
    c.close().await.unwrap();
    assert!(
        failures.is_empty(),
        "accessibility violations (WCAG 2.2 AA):\n{}",
        failures.join("\n")
    );
}
