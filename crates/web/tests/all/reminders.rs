//! Reminder mails, caught by the test SMTP sink: for seeded deadlines, each reminder arrives
//! exactly once, a week and a day before, to the parent who switched reminders on and to the
//! advocates of the case, also when two servers on one database run the reminders of a day at
//! the same moment, and however often they run. A parent who did not switch them on gets none.
//! A week reminder whose day was missed goes out while more than a day is left, and one that the
//! SMTP server refused goes out at a later run.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use jiff::civil::{Date, date};
use store::{HelpLevel, Role};
use tokio::sync::mpsc::UnboundedReceiver;

use crate::caseload::{case, help, sign_up};
use crate::support::{Received, config, smtp_sink};
use crate::support::{actor, share};

/// One reminder as it arrived: the day it was sent on, to whom, and its subject and body.
#[derive(Debug)]
struct Arrived {
    day: Date,
    to: String,
    subject: String,
    body: String,
}

/// Every mail the sink has received so far (`send_reminders` returns after the server took
/// them).
fn drain(inbox: &mut UnboundedReceiver<Received>, day: Date, out: &mut Vec<Arrived>) {
    while let Ok(mail) = inbox.try_recv() {
        // Undo quoted-printable soft line breaks, should the body have been sent that way.
        let data = mail.data.replace("=\r\n", "").replace("=\n", "");
        let subject = data
            .lines()
            .find_map(|l| l.strip_prefix("Subject: "))
            .unwrap_or_default()
            .to_string();
        assert_eq!(
            mail.rcpt.len(),
            1,
            "one recipient per mail: {:?}",
            mail.rcpt
        );
        out.push(Arrived {
            day,
            to: mail.rcpt[0].trim_matches(['<', '>']).to_string(),
            subject,
            body: data,
        });
    }
}

/// A test config whose mail goes to a new SMTP sink.
async fn with_sink(name: &str) -> (web::Config, UnboundedReceiver<Received>) {
    let (port, inbox) = smtp_sink().await;
    let mut c = config(name);
    c.mailer = web::Mailer::smtp(
        &format!("smtp://127.0.0.1:{port}"),
        "Routewijzer <routewijzer@example.nl>",
    )
    .unwrap();
    (c, inbox)
}

#[tokio::test]
async fn each_reminder_arrives_once_on_its_day() {
    let (c, inbox) = with_sink("reminders").await;
    seeded_deadlines(c, inbox).await;
}

#[tokio::test]
async fn each_reminder_arrives_once_on_its_day_on_postgres() {
    let Some((url, schema)) = store_tests::pg_schema("web_reminders").await else {
        return;
    };
    let (mut c, inbox) = with_sink("reminders-pg").await;
    c.database_url = Some(url);
    let result = tokio::spawn(seeded_deadlines(c, inbox)).await;
    store_tests::drop_pg_schema(&schema).await;
    if let Err(e) = result {
        std::panic::resume_unwind(e.into_panic());
    }
}

async fn seeded_deadlines(c: web::Config, mut inbox: UnboundedReceiver<Received>) {
    // Two servers on one database, as when two run side by side.
    let app = web::App::build(c.clone()).await.unwrap();
    let twin = web::App::build(c).await.unwrap();
    let (router, store) = (app.router(), app.store());

    let (mut opted, opted_id) = sign_up(&router, &store, "ouder@example.nl").await;
    let (mut silent, silent_id) = sign_up(&router, &store, "stil@example.nl").await;
    let (mut helper, _) = sign_up(&router, &store, "helper@example.nl").await;
    let (_, volunteer) = sign_up(&router, &store, "vrijwilliger@example.nl").await;
    sign_up(&router, &store, "oud@example.nl").await;

    // Decision 1 June: the deadline is Tuesday 13 July 2027, so reminders on 6 and 12 July.
    let first = case(&store, &opted_id, "Dossier van Noor", Some("2027-06-01")).await;
    // Decision 3 June: the deadline is Thursday 15 July 2027, so reminders on 8 and 14 July.
    let second = case(&store, &silent_id, "Dossier van Sem", Some("2027-06-03")).await;
    share(&store, &first, &opted_id, "helper@example.nl", Role::Read).await;
    share(
        &store,
        &second,
        &silent_id,
        "helper@example.nl",
        Role::Contribute,
    )
    .await;
    help(&store, &second, &silent_id, &volunteer, HelpLevel::Summary).await;
    // A share that ended gets nothing.
    let ended = share(&store, &first, &opted_id, "oud@example.nl", Role::Read).await;
    store
        .revoke_share(&first, &ended, &actor(&opted_id))
        .await
        .unwrap();

    // The parent of the first case switches reminders on, on the case's own page; the parent
    // of the second switches them on and off again. Off is the default.
    let page = opted.get(&format!("/dossiers/{first}")).await;
    assert!(
        page.body
            .contains(&format!("/dossiers/{first}/herinneringen"))
    );
    let page = opted.get(&format!("/dossiers/{first}/herinneringen")).await;
    assert!(
        !page.body.contains("checked"),
        "off until the parent says so"
    );
    let p = opted
        .post(&format!("/dossiers/{first}/herinneringen"), &[("on", "ja")])
        .await;
    assert_eq!(p.status, StatusCode::SEE_OTHER);
    let page = opted.get(&format!("/dossiers/{first}/herinneringen")).await;
    assert!(page.body.contains("checked"), "{}", page.body);
    silent
        .get(&format!("/dossiers/{second}/herinneringen"))
        .await;
    silent
        .post(
            &format!("/dossiers/{second}/herinneringen"),
            &[("on", "ja")],
        )
        .await;
    silent
        .post(&format!("/dossiers/{second}/herinneringen"), &[])
        .await;
    assert!(!store.reminders_on(&second).await.unwrap());
    // Only the owner may change it.
    helper.get("/begeleiding").await;
    let p = helper
        .post(
            &format!("/dossiers/{second}/herinneringen"),
            &[("on", "ja")],
        )
        .await;
    assert_eq!(p.status, StatusCode::FORBIDDEN);

    // Every day from 20 June to 20 July; on the days in July both servers run at once, and on
    // the even days the first runs once more afterwards.
    let mut arrived = Vec::new();
    let mut counted = 0;
    let mut day = date(2027, 6, 20);
    while day <= date(2027, 7, 20) {
        let (a, b) = if day.month() == 7 {
            tokio::join!(app.send_reminders(day), twin.send_reminders(day))
        } else {
            (app.send_reminders(day).await, Ok(0))
        };
        counted += a.unwrap() + b.unwrap();
        if day.day() % 2 == 0 {
            counted += app.send_reminders(day).await.unwrap();
        }
        drain(&mut inbox, day, &mut arrived);
        day = day.tomorrow().unwrap();
    }

    let mut got: BTreeMap<(String, Date), usize> = BTreeMap::new();
    for a in &arrived {
        *got.entry((a.to.clone(), a.day)).or_default() += 1;
    }
    let expected: BTreeMap<(String, Date), usize> = [
        ("ouder@example.nl", date(2027, 7, 6)),
        ("ouder@example.nl", date(2027, 7, 12)),
        ("helper@example.nl", date(2027, 7, 6)),
        ("helper@example.nl", date(2027, 7, 12)),
        ("helper@example.nl", date(2027, 7, 8)),
        ("helper@example.nl", date(2027, 7, 14)),
        ("vrijwilliger@example.nl", date(2027, 7, 8)),
        ("vrijwilliger@example.nl", date(2027, 7, 14)),
    ]
    .into_iter()
    .map(|(to, day)| ((to.to_string(), day), 1))
    .collect();
    assert_eq!(got, expected, "{arrived:#?}");
    assert_eq!(counted, arrived.len(), "send_reminders counts what it sent");

    // What the mails say: the term and the days left in the subject, never the case's title
    // (it may name the child); the case and its link in the body.
    for a in &arrived {
        assert!(
            !a.subject.contains("Noor") && !a.subject.contains("Sem"),
            "{}",
            a.subject
        );
        assert!(a.subject.contains("Bezwaar maken"), "{}", a.subject);
        let week = [date(2027, 7, 6), date(2027, 7, 8)].contains(&a.day);
        let expected = if week {
            "nog 7 dagen"
        } else {
            "morgen is de laatste dag"
        };
        assert!(a.subject.contains(expected), "{}", a.subject);
        let (case_id, deadline) = if [date(2027, 7, 6), date(2027, 7, 12)].contains(&a.day) {
            (&first, "dinsdag 13 juli 2027")
        } else {
            (&second, "donderdag 15 juli 2027")
        };
        assert!(a.body.contains(deadline), "{}", a.body);
        let link = if a.to == "vrijwilliger@example.nl" {
            format!("/dossiers/{case_id}/samenvatting")
        } else {
            format!("/dossiers/{case_id}")
        };
        assert!(a.body.contains(&link), "{}", a.body);
        if a.to == "ouder@example.nl" {
            assert!(a.body.contains(&format!("/dossiers/{first}/herinneringen")));
        }
    }

    // The parent sees in the audit log that reminders went out, and to whom.
    let log = store.audit_log(&first).await.unwrap();
    let sent: Vec<_> = log.iter().filter(|a| a.action == "reminder.send").collect();
    assert_eq!(sent.len(), 4, "{log:?}");
    assert!(sent.iter().any(|a| a.actor_id == opted_id));
}

#[tokio::test]
async fn a_late_or_refused_reminder_is_sent_later() {
    // Today is 20 June; a decision of 13 May gives Thursday 24 June: 4 days left at the start.
    let (c, mut inbox) = with_sink("reminders-late").await;
    // A server on the same database whose SMTP server is down.
    let mut down = c.clone();
    down.mailer =
        web::Mailer::smtp("smtp://127.0.0.1:1", "Routewijzer <routewijzer@example.nl>").unwrap();
    let down = web::App::build(down).await.unwrap();
    let app = web::App::build(c).await.unwrap();
    let (router, store) = (app.router(), app.store());
    let (_, parent) = sign_up(&router, &store, "ouder@example.nl").await;
    let late = case(&store, &parent, "Laat", Some("2027-05-13")).await;
    store
        .set_reminders(&late, true, &actor(&parent))
        .await
        .unwrap();
    let mut arrived = Vec::new();
    assert_eq!(down.send_reminders(date(2027, 6, 20)).await.unwrap(), 0);
    let mut day = date(2027, 6, 20);
    while day <= date(2027, 6, 26) {
        app.send_reminders(day).await.unwrap();
        drain(&mut inbox, day, &mut arrived);
        day = day.tomorrow().unwrap();
    }
    let got: Vec<(Date, &str)> = arrived
        .iter()
        .map(|a| (a.day, a.subject.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                date(2027, 6, 20),
                "Herinnering: nog 4 dagen voor Bezwaar maken"
            ),
            (
                date(2027, 6, 23),
                "Herinnering: morgen is de laatste dag voor Bezwaar maken"
            ),
        ]
    );
}
