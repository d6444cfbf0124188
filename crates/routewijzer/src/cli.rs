//! Command-line parsing and the subcommands. With no subcommand the web app serves. Output for people is Dutch; `--format json` gives
//! the stable machine contract of `docs/advice-format.md`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use route::Knowledge;

#[derive(Parser)]
#[command(
    name = "routewijzer",
    version,
    about = "De escalatieroute passend onderwijs als software"
)]
struct Cli {
    /// The content folder.
    #[arg(
        long,
        global = true,
        env = "ROUTEWIJZER_CONTENT",
        default_value = "content"
    )]
    content: PathBuf,
    #[command(flatten)]
    serve: ServeArgs,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web app (also what happens with no subcommand).
    Serve,
    /// Load and check all content; errors are printed as file:line: message.
    Check {
        /// Also list which seed claims (S01-S34) are covered and which are not.
        #[arg(long)]
        coverage: bool,
    },
    /// Give the personal route for a situation file (TOML or JSON).
    Advise {
        /// The situation: question ids to answers, plus `today` and optionally `region`.
        #[arg(long)]
        situation: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Also write the deadlines as an iCalendar file (RFC 5545) to this path.
        #[arg(long)]
        ics: Option<PathBuf>,
        /// The language of the advice: nl (Dutch) or en (English).
        #[arg(long, default_value = "nl", value_parser = parse_lang)]
        lang: calendar::Lang,
    },
    /// List every question id with its type and allowed values.
    Questions {
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Make a consistent copy of the database (attachments included) while the server runs, to
    /// FILE. The copy holds no data keys: only the live database can open it again (restore).
    /// PostgreSQL (DATABASE_URL): FILE is made with pg_dump --format=custom.
    Backup {
        /// Where the copy goes; must not exist yet.
        file: PathBuf,
    },
    /// Put a backup back in place of the database, with the live database's data keys. Stop the
    /// server first. Cases deleted since the backup stay unreadable and are removed.
    Restore {
        /// A file made by `backup`.
        file: PathBuf,
    },
    /// Wrap every case's data key under the master key in NEW_KEY_FILE (32 bytes), while the
    /// server runs, and put that key in the key file in use; the data is not re-encrypted.
    RotateKey {
        /// The new master key (make one with `head -c 32 /dev/urandom`).
        new_key_file: PathBuf,
    },
    /// Give an existing account a role in the parents' organisation (volunteer, coordinator or
    /// admin), or end its membership with `none`. Make the first admin this way.
    Member {
        /// The e-mail address of the account.
        email: String,
        /// volunteer, coordinator, admin or none.
        role: String,
    },
    /// Read a parent's own words into proposed intake answers: for each, the words it came from
    /// and the pattern that matched them (content/understanding.toml). Nothing is stored.
    Understand {
        /// The text, as a parent would write it.
        text: String,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// The school-holiday region, for words such as "sinds de herfstvakantie".
        #[arg(long)]
        region: Option<calendar::Region>,
    },
    /// Print the intake flow and the route as a diagram.
    Graph {
        #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
        format: GraphFormat,
    },
}

/// Options of `serve`, given with or without the subcommand.
#[derive(clap::Args)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(
        long,
        global = true,
        env = "ROUTEWIJZER_LISTEN",
        default_value = "127.0.0.1:8080"
    )]
    listen: Option<std::net::SocketAddr>,
    /// Data folder (the SQLite database); created when missing.
    #[arg(long, global = true, env = "ROUTEWIJZER_DATA", default_value = "data")]
    data: Option<PathBuf>,
    /// Mark cookies Secure. Use it when the app is served over https (behind a proxy);
    /// on plain http the browser would not send the session cookie back.
    #[arg(long, global = true, env = "ROUTEWIJZER_SECURE_COOKIES")]
    secure_cookies: bool,
    /// Pretend today is this date (YYYY-MM-DD), for demonstrations and tests.
    #[arg(long, global = true, env = "ROUTEWIJZER_TODAY")]
    today: Option<jiff::civil::Date>,
    /// How much of the content check runs at start: the intake walk takes seconds, so by default
    /// it runs only when the content (or this binary) changed since it last passed.
    #[arg(long, global = true, value_enum, default_value_t = ContentCheck::Cached)]
    content_check: ContentCheck,
    /// Folder with the stylesheet (default: the one in the source tree).
    #[arg(long, global = true, env = "ROUTEWIJZER_STATIC")]
    static_dir: Option<PathBuf>,
    /// SMTP server for outgoing mail: smtps://user:password@host:port (TLS, port 465 unless
    /// given), smtp://user:password@host:port?tls=starttls (STARTTLS, which the server must
    /// offer; port 587 unless given), or smtp://host:port (plain, no TLS: only for a relay on
    /// the same machine or network; port 25 unless given). user:password@ is optional.
    /// Without it, mail is written to the log.
    #[arg(long, global = true, env = "ROUTEWIJZER_SMTP_URL")]
    smtp_url: Option<String>,
    /// A root certificate (PEM file) to trust for the SMTP server's TLS besides the built-in
    /// ones: for a relay whose certificate comes from an authority of its own.
    #[arg(long, global = true, env = "ROUTEWIJZER_SMTP_CA")]
    smtp_ca: Option<PathBuf>,
    /// Sender of outgoing mail, e.g. "Routewijzer <routewijzer@example.nl>". Needed with --smtp-url.
    #[arg(long, global = true, env = "ROUTEWIJZER_MAIL_FROM")]
    mail_from: Option<String>,
    /// The address people reach the app at, e.g. https://routewijzer.example.nl: the links in
    /// mails start with it. Default: http:// and the --listen address.
    #[arg(long, global = true, env = "ROUTEWIJZER_PUBLIC_URL")]
    public_url: Option<String>,
}

#[derive(Clone, Copy, ValueEnum)]
enum ContentCheck {
    Full,
    Cached,
    WithoutWalk,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum GraphFormat {
    Dot,
    Mermaid,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Check { coverage }) => check(&cli.content, coverage),
        Some(Command::Advise {
            situation,
            format,
            ics,
            lang,
        }) => advise(&cli.content, &situation, format, ics.as_deref(), lang),
        Some(Command::Questions { format }) => questions(&cli.content, format),
        Some(Command::Graph { format }) => graph(&cli.content, format),
        Some(Command::Understand {
            text,
            format,
            region,
        }) => understand(&cli.content, &text, format, region, cli.serve.today),
        Some(Command::Backup { file }) => crate::backup::run(
            cli.serve.data.as_deref().unwrap_or(Path::new("data")),
            &file,
        ),
        Some(Command::Restore { file }) => crate::backup::restore(
            cli.serve.data.as_deref().unwrap_or(Path::new("data")),
            &file,
        ),
        Some(Command::RotateKey { new_key_file }) => crate::backup::rotate_key(
            cli.serve.data.as_deref().unwrap_or(Path::new("data")),
            &new_key_file,
        ),
        Some(Command::Member { email, role }) => crate::member::run(
            cli.serve.data.as_deref().unwrap_or(Path::new("data")),
            &email,
            &role,
        ),
        Some(Command::Serve) | None => serve(&cli.content, cli.serve),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn parse_lang(text: &str) -> std::result::Result<calendar::Lang, String> {
    calendar::Lang::from_code(text)
        .ok_or_else(|| format!("'{text}' is not a language here: use nl or en"))
}

/// Loads the content or prints every problem and fails.
fn load(content: &Path) -> Result<Knowledge> {
    load_in(content, calendar::Lang::Nl)
}

/// Loads the content with its texts in `lang`, or prints every problem and fails. The intake
/// walk runs on the Dutch only: it follows ids and conditions, which English shares.
fn load_in(content: &Path, lang: calendar::Lang) -> Result<Knowledge> {
    let print = |errors: Vec<route::ContentError>| {
        for e in &errors {
            eprintln!("{e}");
        }
        anyhow::anyhow!("{} problem(s) in {}", errors.len(), content.display())
    };
    let files = route::load::read_dir(content).map_err(print)?;
    route::load::load_files_in(&files, lang, lang == calendar::Lang::Nl).map_err(print)
}

/// Loads the patterns for a parent's own words, or prints every problem and fails.
fn load_understanding(content: &Path, k: &Knowledge) -> Result<understand::Understanding> {
    understand::load_dir(content, k).map_err(|errors| {
        for e in &errors {
            eprintln!("{e}");
        }
        anyhow::anyhow!("{} problem(s) in {}", errors.len(), content.display())
    })
}

fn check(content: &Path, coverage: bool) -> Result<ExitCode> {
    let k = load(content)?;
    let u = load_understanding(content, &k)?;
    // The table first: when English is missing, the editor sees how much before the list.
    print_texts_per_language(&k.coverage);
    let english = load_in(content, calendar::Lang::En)?;
    debug_assert_eq!(english.coverage, k.coverage);
    let walk = route::check::walk(&k);
    println!(
        "content ok: {} sources, {} organisations, {} steps, {} questions, {} rules, {} warnings, {} terms, {} letters, {} articles, {} glossary entries; {} rule pairs and {} sampled intake paths checked",
        k.sources.len(),
        k.organisations.len(),
        k.steps.len(),
        k.questions.len(),
        k.rules.len(),
        k.warnings.len(),
        k.terms.len(),
        k.letters.len(),
        k.articles.len(),
        k.glossary.len(),
        walk.pairs,
        walk.sampled
    );
    println!(
        "understanding ok: {} patterns for {} questions, {} place names in {} groups",
        u.patterns.len(),
        u.patterns
            .iter()
            .map(|p| p.question.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        u.places.iter().map(|g| g.names.len()).sum::<usize>(),
        u.places.len()
    );
    // Advice carries this version, so that advice given on older content can be recognised.
    println!("content version: {}", k.version);
    if !coverage {
        return Ok(ExitCode::SUCCESS);
    }
    let cov = route::check::coverage(&k);
    println!("claims covered: {} of 34", 34 - cov.uncovered.len());
    for (claim, by) in &cov.covered {
        println!("  {claim}: {}", by.join(", "));
    }
    if cov.uncovered.is_empty() {
        Ok(ExitCode::SUCCESS)
    } else {
        println!("claims not covered: {}", cov.uncovered.join(", "));
        Ok(ExitCode::FAILURE)
    }
}

/// The texts per language, like the claims coverage: one row per kind of item.
fn print_texts_per_language(c: &route::model::Coverage) {
    println!("texts per language:");
    println!(
        "  {:<16} {:>6} {:>8} {:>8}",
        "kind", "Dutch", "English", "missing"
    );
    for (kind, n) in &c.kinds {
        println!(
            "  {kind:<16} {:>6} {:>8} {:>8}",
            n.dutch,
            n.english,
            n.dutch.saturating_sub(n.english)
        );
    }
    let t = c.total();
    println!(
        "  {:<16} {:>6} {:>8} {:>8}",
        "all",
        t.dutch,
        t.english,
        c.missing_english()
    );
}

fn read_situation(k: &Knowledge, path: &Path) -> Result<route::Situation> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let parsed = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => route::situation::from_json(k, &text),
        Some("toml") => route::situation::from_toml(k, &text),
        _ => bail!(
            "{}: a situation file ends in .toml or .json",
            path.display()
        ),
    };
    parsed.with_context(|| format!("{} is not a valid situation", path.display()))
}

fn advise(
    content: &Path,
    situation: &Path,
    format: Format,
    ics: Option<&Path>,
    lang: calendar::Lang,
) -> Result<ExitCode> {
    let k = load_in(content, lang)?;
    let s = read_situation(&k, situation)?;
    let advice = route::advise(&k, &s);
    let report = route::report::report(&k, &advice);
    if let Some(path) = ics {
        std::fs::write(path, route::deadlines_ics::to_string(&report))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Text => print!("{}", crate::text::advice(&report)),
    }
    Ok(ExitCode::SUCCESS)
}

fn questions(content: &Path, format: Format) -> Result<ExitCode> {
    let k = load(content)?;
    match format {
        Format::Json => {
            let list = route::situation::questions(&k);
            println!("{}", serde_json::to_string_pretty(&list)?);
        }
        Format::Text => {
            println!("today\tdate\ta date like 2027-06-20 (required)");
            println!("region\tchoice\tone of \"noord\", \"midden\", \"zuid\" (optional)");
            for q in &k.questions {
                let when = q
                    .ask_if
                    .as_ref()
                    .map(|c| format!("  [asked if {}]", route::graph::describe(c)))
                    .unwrap_or_default();
                println!(
                    "{}\t{}\t{}{}{}",
                    q.id,
                    q.kind,
                    route::situation::allowed(q),
                    if q.optional { " (optional)" } else { "" },
                    when
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn understand(
    content: &Path,
    text: &str,
    format: Format,
    region: Option<calendar::Region>,
    today: Option<jiff::civil::Date>,
) -> Result<ExitCode> {
    let k = load(content)?;
    let u = load_understanding(content, &k)?;
    // Today as the server sees it, so that "sinds 3 november" reads the same as on the page.
    let today = today.unwrap_or_else(|| web::Today::Amsterdam.date());
    let proposals = match u.read(&k, text, today, region) {
        Ok(p) => p,
        Err(understand::Refused::Empty) => bail!("the text is empty"),
        Err(understand::Refused::TooLong { chars }) => bail!(
            "the text has {chars} characters; at most {} are read",
            understand::MAX_CHARS
        ),
    };
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&proposals)?),
        Format::Text => {
            if proposals.is_empty() {
                println!("geen voorstellen");
            }
            for p in &proposals {
                println!("{} = {}", p.question, p.values.join(", "));
                for s in &p.spans {
                    println!(
                        "  \"{}\" ({}..{}) -> {} [{}]",
                        s.words, s.start, s.end, s.value, s.pattern
                    );
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn graph(content: &Path, format: GraphFormat) -> Result<ExitCode> {
    let k = load(content)?;
    match format {
        GraphFormat::Dot => print!("{}", route::graph::dot(&k)),
        GraphFormat::Mermaid => print!("{}", route::graph::mermaid(&k)),
    }
    Ok(ExitCode::SUCCESS)
}

fn serve(content: &Path, args: ServeArgs) -> Result<ExitCode> {
    use std::io::IsTerminal;
    // Log lines are written by a thread of their own, so that no request waits for the terminal
    // or the log file: writing each request's line in place took about 6% of a route page's
    // time under load (bench/web). That thread writes in blocks while lines keep coming and
    // flushes whenever it has caught up; the guard writes what is left when the server stops.
    let (writer, _log_guard) = tracing_appender::non_blocking(std::io::BufWriter::with_capacity(
        64 * 1024,
        std::io::stdout(),
    ));
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("ROUTEWIJZER_LOG")
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_target(true)
        .with_ansi(std::io::stdout().is_terminal())
        .with_writer(writer)
        .init();
    let mut config = web::Config::local();
    config.content_dir = content.to_path_buf();
    if let Some(listen) = args.listen {
        config.listen = listen;
    }
    if let Some(data) = args.data {
        config.data_dir = data;
    }
    if let Some(dir) = args.static_dir {
        config.static_dir = dir;
    }
    config.secure_cookies = args.secure_cookies;
    config.public_url = args.public_url.filter(|u| !u.trim().is_empty());
    if let Some(url) = args.smtp_url.filter(|u| !u.trim().is_empty()) {
        let from = args.mail_from.ok_or(web::MailConfigError::NoFrom)?;
        let ca = match args.smtp_ca {
            Some(path) => Some(
                std::fs::read(&path)
                    .with_context(|| format!("cannot read --smtp-ca {}", path.display()))?,
            ),
            None => None,
        };
        config.mailer = web::Mailer::smtp_with_ca(url.trim(), from.trim(), ca.as_deref())?;
    }
    config.checks = match args.content_check {
        ContentCheck::Full => web::ContentChecks::Full,
        ContentCheck::Cached => web::ContentChecks::Cached,
        ContentCheck::WithoutWalk => web::ContentChecks::WithoutWalk,
    };
    if let Some(today) = args.today {
        config.today = web::Today::Fixed(today);
    }
    // PostgreSQL when DATABASE_URL says postgres://...; otherwise SQLite in the data folder.
    config.database_url = std::env::var("DATABASE_URL")
        .ok()
        .filter(|url| !url.trim().is_empty());
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        let started = std::time::Instant::now();
        let app = match web::App::build(config).await {
            Ok(app) => app,
            Err(e) => {
                eprintln!("{e}");
                return Ok(ExitCode::FAILURE);
            }
        };
        tracing::info!(
            startup_ms = started.elapsed().as_millis() as u64,
            "content loaded and checked, database ready"
        );
        match app.serve().await {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) => {
                eprintln!("{e}");
                Ok(ExitCode::FAILURE)
            }
        }
    })
}
