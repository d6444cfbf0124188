//! `routewijzer member EMAIL ROLE`: gives an existing account a role in the parents'
//! organisation (volunteer, coordinator or admin), or ends its membership (`none`). This is how
//! the first admin is made; after that, admins manage members on `/organisatie/leden`.
//!
//! It opens the database the server would use: PostgreSQL when `DATABASE_URL` says so,
//! otherwise the SQLite file in the data folder.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use store::{Actor, Store};

/// Who the audit of a membership change names when it was made on the command line.
const ACTOR: &str = "command-line";

pub fn run(data: &Path, email: &str, role: &str) -> Result<ExitCode> {
    let role = web::parse_member_role(role)?;
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let store = open(data).await?;
        let actor = Actor {
            user_id: ACTOR.to_string(),
            now: jiff::Timestamp::now().as_second(),
        };
        let user = match web::change_member(&*store, email, role, &actor).await? {
            Ok(user) => user,
            Err(e) => bail!("{email}: {e}"),
        };
        match role {
            Some(r) => {
                println!("{} is now {} of the organisation", user.email, r.as_str());
                if user.totp_secret.is_none() {
                    println!(
                        "note: two-factor authentication is off for this account; the organisation pages ask to switch it on at the first visit"
                    );
                }
            }
            None => println!("{} is no longer a member of the organisation", user.email),
        }
        Ok(ExitCode::SUCCESS)
    })
}

async fn open(data: &Path) -> Result<Arc<dyn Store>> {
    let postgres = std::env::var("DATABASE_URL")
        .ok()
        .map(|url| url.trim().to_string())
        .filter(|url| url.starts_with("postgres://") || url.starts_with("postgresql://"));
    Ok(match postgres {
        Some(url) => {
            Arc::new(store_postgres::PgStore::connect(&url, &store::seal::key_file(data)).await?)
        }
        None => {
            let database = data.join(store_sqlite::FILE_NAME);
            if !database.exists() {
                bail!(
                    "there is no database at {}; give the data folder with --data",
                    database.display()
                );
            }
            Arc::new(store_sqlite::SqliteStore::open(data).await?)
        }
    })
}
