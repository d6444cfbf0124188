//! Seeds a store with many cases for the scale benchmark (`bench/scale/run.sh`), through the
//! store's own API, so that what is written is sealed and audited as the server does it.
//!
//! Usage: `scale_seed --cases N --data DIR [--postgres URL]`. Without `--postgres` the cases go
//! into the embedded SQLite store in DIR; with it into that PostgreSQL database, its master key
//! in DIR. What the benchmark needs to log in (the parent, the coordinator, their case, the
//! feed secret) is printed as `name=value` lines.
//!
//! The shape follows a national parents' organisation: one parent account per two cases, each
//! case with a child, two parties, one version of the answers, 10 to 40 events, an attachment
//! in every 25th case; every 10th case asks for help. 50 members: a coordinator and 49
//! volunteers, each helping at most 20 families (help requests assigned, a read share on every
//! other one). Of the help requests no volunteer took, one in twenty is still open; the rest
//! were ended by the parent.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use argon2::password_hash::PasswordHasher;
use store::{
    Actor, Attachment, Case, Child, Event, FeedToken, HelpLevel, HelpRequest, OrgRole, Party, Role,
    Share, Store, User,
};

/// The password of every seeded account.
const PASSWORD: &str = "schaal-wachtwoord-2026";
/// The second-factor secret of every member (base32), so that the benchmark can log in.
const TOTP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
const MEMBERS: usize = 50;
const CASES_PER_MEMBER: usize = 20;
const WORKERS: usize = 8;

const KINDS: [&str; 7] = [
    "conversation",
    "email",
    "letter",
    "decision",
    "report",
    "complaint",
    "meeting",
];

struct Args {
    cases: usize,
    data: PathBuf,
    postgres: Option<String>,
}

fn args() -> Args {
    let mut cases = 100_000;
    let mut data = None;
    let mut postgres = None;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--cases" => cases = it.next().and_then(|n| n.parse().ok()).expect("--cases N"),
            "--data" => data = it.next().map(PathBuf::from),
            "--postgres" => postgres = it.next(),
            other => panic!("unknown argument {other}"),
        }
    }
    Args {
        cases,
        data: data.expect("--data DIR"),
        postgres,
    }
}

/// A small pseudo-random sequence (xorshift), the same on every run: the same seed makes the
/// same store, so runs compare.
struct Dice(u64);

impl Dice {
    fn new(seed: u64) -> Dice {
        Dice(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
}

fn user(id: &str, email: &str, hash: &str, totp: bool) -> User {
    User {
        id: id.into(),
        email: email.into(),
        password_hash: hash.into(),
        totp_secret: totp.then(|| TOTP_SECRET.to_string()),
        created_at: 1_700_000_000,
    }
}

/// The answers of a case: the public scenario P04 with a few values varied, so that the cases
/// do not all stand on the same step.
fn answers(d: &mut Dice) -> String {
    let weeks = 1 + d.below(30);
    let school = ["nee", "deels", "volledig"][d.below(3) as usize];
    let talk = ["nee", "een-keer", "vaker"][d.below(3) as usize];
    serde_json::json!({
        "answers": {
            "probleem": ["ondersteuning"],
            "ingeschreven": true,
            "gaat-naar-school": school,
            "weken-thuis": weeks,
            "reden-thuis": "vastgelopen",
            "vrijstelling-status": "aangeboden",
            "vrijstelling-soort": "5a",
            "lpa-weet-het": "nee",
            "gesprek-school": talk,
            "gesprek-resultaat": "niets-veranderd",
            "zorgprofessional": false,
            "al-contact": ["niemand"],
            "procedure": ["geen"],
            "thuisonderwijs-overweging": false,
            "schooltype": "po",
            "openbaar-bijzonder": "openbaar",
        },
        "region": "midden",
    })
    .to_string()
}

/// One case with all that belongs to it.
async fn seed_case(s: &dyn Store, n: usize) {
    let mut d = Dice::new(n as u64);
    let owner = format!("ouder{}", n / 2);
    let case_id = format!("case{n:07}");
    let at = 1_700_000_000 + n as i64;
    let me = Actor {
        user_id: owner.clone(),
        now: at,
    };
    let case = Case {
        id: case_id.clone(),
        owner_id: owner.clone(),
        title: format!("Dossier {n}"),
        created_at: at,
    };
    s.create_case(&case, &me).await.unwrap();
    let child = Child {
        id: format!("{case_id}-kind"),
        case_id: case_id.clone(),
        name: format!("Kind {n}"),
        birth_year: Some(2012 + d.below(8) as i64),
        school_type: "po".into(),
        school_level: String::new(),
    };
    s.save_child(&child, &me).await.unwrap();
    for (i, role) in ["school", "swv"].iter().enumerate() {
        let party = Party {
            id: format!("{case_id}-partij{i}"),
            case_id: case_id.clone(),
            name: format!("{role} bij dossier {n}"),
            role: role.to_string(),
            contact: "info@example.nl".into(),
            holiday_contact: String::new(),
        };
        s.save_party(&party, &me).await.unwrap();
    }
    s.save_answers(&case_id, &answers(&mut d), &me)
        .await
        .unwrap();
    let events = 10 + d.below(31) as usize;
    for e in 0..events {
        let month = 1 + (e % 12);
        let day = 1 + d.below(28);
        let event = Event {
            id: format!("{case_id}-e{e}"),
            case_id: case_id.clone(),
            kind: KINDS[d.below(KINDS.len() as u64) as usize].into(),
            date: format!("2026-{month:02}-{day:02}"),
            title: format!("Gebeurtenis {e}"),
            notes: "Afgesproken dat de school binnen twee weken met een plan komt.".into(),
            parties: format!("{case_id}-partij0"),
            sets_date: String::new(),
            version: 1,
            created_by: owner.clone(),
            updated_at: at,
        };
        s.add_event(&event, &me).await.unwrap();
    }
    if n.is_multiple_of(25) {
        let bytes = b"%PDF-1.4\n% verslag\n%%EOF\n".repeat(400);
        let attachment = Attachment {
            id: format!("{case_id}-bijlage"),
            case_id: case_id.clone(),
            event_id: format!("{case_id}-e0"),
            file_name: "verslag.pdf".into(),
            media_type: "application/pdf".into(),
            size: bytes.len() as i64,
            sha256: String::new(),
            created_at: at,
        };
        s.add_attachment(&attachment, &bytes, &me).await.unwrap();
    }
}

/// Help requests and shares: every 10th case asks for help; member `m` (0 is the coordinator)
/// helps at most [`CASES_PER_MEMBER`] families.
async fn seed_help(s: &dyn Store, cases: usize) {
    let mut taken = vec![0usize; MEMBERS];
    for n in (0..cases).step_by(10) {
        let case_id = format!("case{n:07}");
        let owner = format!("ouder{}", n / 2);
        let at = 1_700_100_000 + n as i64;
        let request = HelpRequest {
            id: format!("{case_id}-hulp"),
            case_id: case_id.clone(),
            requested_by: owner.clone(),
            message: "Wij zoeken iemand die meegaat naar het gesprek.".into(),
            level: HelpLevel::Summary,
            assigned_to: None,
            created_at: at,
            assigned_at: None,
            revoked_at: None,
        };
        let parent = Actor {
            user_id: owner.clone(),
            now: at,
        };
        s.create_help_request(&request, &parent).await.unwrap();
        let m = (n / 10) % MEMBERS;
        if taken[m] < CASES_PER_MEMBER {
            taken[m] += 1;
            let member = format!("lid{m}");
            let by = Actor {
                user_id: "lid0".into(),
                now: at + 1,
            };
            s.assign_help_request(&request.id, &member, &by)
                .await
                .unwrap();
            if taken[m].is_multiple_of(2) {
                let share = Share {
                    id: format!("{case_id}-deel"),
                    case_id: case_id.clone(),
                    email: format!("lid{m}@example.nl"),
                    role: Role::Read,
                    user_id: Some(member),
                    token: format!("{case_id}-uitnodiging"),
                    created_at: at,
                    expires_at: None,
                    revoked_at: None,
                };
                s.add_share(&share, &parent).await.unwrap();
            }
        } else if (n / 10) % 20 != 0 {
            s.revoke_help_request(&request.id, &parent).await.unwrap();
        }
    }
}

async fn seed(s: Arc<dyn Store>, cases: usize) -> String {
    let hash = argon2::Argon2::default()
        .hash_password(PASSWORD.as_bytes())
        .unwrap()
        .to_string();
    for m in 0..MEMBERS {
        let id = format!("lid{m}");
        s.create_user(&user(&id, &format!("{id}@example.nl"), &hash, true))
            .await
            .unwrap();
        let role = if m == 0 {
            OrgRole::Coordinator
        } else {
            OrgRole::Volunteer
        };
        let by = Actor {
            user_id: id.clone(),
            now: 1_700_000_000,
        };
        s.set_org_role(&id, Some(role), &by).await.unwrap();
    }
    for p in 0..cases.div_ceil(2) {
        let id = format!("ouder{p}");
        s.create_user(&user(&id, &format!("{id}@example.nl"), &hash, false))
            .await
            .unwrap();
    }
    let next = Arc::new(AtomicUsize::new(0));
    let mut workers = tokio::task::JoinSet::new();
    for _ in 0..WORKERS {
        let (s, next) = (s.clone(), next.clone());
        workers.spawn(async move {
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= cases {
                    break;
                }
                seed_case(s.as_ref(), n).await;
                if n % 10_000 == 9_999 {
                    eprintln!("{} cases", n + 1);
                }
            }
        });
    }
    while let Some(r) = workers.join_next().await {
        r.unwrap();
    }
    seed_help(s.as_ref(), cases).await;
    let feed = "schaalfeedgeheim0123456789abcdef";
    let token = FeedToken {
        id: "feed-lid0".into(),
        user_id: "lid0".into(),
        created_at: 1_700_000_000,
        revoked_at: None,
    };
    let feed_hash: String = {
        use sha2::Digest;
        sha2::Sha256::digest(feed.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    s.create_feed_token(&token, &feed_hash).await.unwrap();
    format!(
        "password={PASSWORD}\ntotp={TOTP_SECRET}\nparent=ouder0@example.nl\ncase=case0000000\n\
         coordinator=lid0@example.nl\nvolunteer=lid1@example.nl\nfeed={feed}\n"
    )
}

#[tokio::main]
async fn main() {
    let a = args();
    std::fs::create_dir_all(&a.data).unwrap();
    let started = std::time::Instant::now();
    let store: Arc<dyn Store> = match &a.postgres {
        Some(url) => Arc::new(
            store_postgres::PgStore::connect(url, &store::seal::key_file(&a.data))
                .await
                .unwrap(),
        ),
        None => Arc::new(store_sqlite::SqliteStore::open(&a.data).await.unwrap()),
    };
    let out = seed(store, a.cases).await;
    eprintln!(
        "seeded {} cases in {:.0} s",
        a.cases,
        started.elapsed().as_secs_f64()
    );
    print!("{out}");
}
