//! The server as operators run it: `routewijzer --listen ADDR --data DIR` answers `/health`,
//! writes one log line per request with the route pattern (never the path or query, which can
//! carry what someone typed), and on SIGTERM stops cleanly with every log line written.

mod server;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use server::{free_port, workspace};

/// One HTTP/1.1 GET; the status code, or `None` when the server is not there (yet).
fn get(port: u16, path: &str) -> Option<u16> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    s.read_to_string(&mut response).ok()?;
    response.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn serves_logs_without_what_was_typed_and_stops_on_sigterm() {
    let port = free_port();
    let data = std::env::temp_dir().join(format!("rw-serve-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data);
    let mut child = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["--content-check", "without-walk", "--listen"])
        .arg(format!("127.0.0.1:{port}"))
        .arg("--data")
        .arg(&data)
        .arg("--content")
        .arg(workspace().join("content"))
        .env("ROUTEWIJZER_LOG", "info")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();

    // The log, line by line as the server writes it.
    let (lines_tx, lines_rx) = std::sync::mpsc::channel::<String>();
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = lines_tx.send(line);
        }
    });
    let mut log = String::new();

    let deadline = Instant::now() + Duration::from_secs(60);
    while get(port, "/health") != Some(200) {
        assert!(
            Instant::now() < deadline,
            "the server did not answer /health"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(
        data.join("routewijzer.sqlite").exists(),
        "the data folder holds the database"
    );
    assert_eq!(get(port, "/zoeken?q=geheimzinnig"), Some(200));
    assert_eq!(get(port, "/bestaat-niet-vertrouwelijk"), Some(404));
    // Lines are written while the server runs, not only when it stops.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !log.contains("status=404") {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines_rx.recv_timeout(left) {
            Ok(line) => {
                log.push_str(&line);
                log.push('\n');
            }
            Err(_) => panic!("no log line for the 404 while the server runs:\n{log}"),
        }
    }

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "the server did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "a SIGTERM stop is a clean exit: {status}");

    reader.join().unwrap();
    for line in lines_rx.try_iter() {
        log.push_str(&line);
        log.push('\n');
    }
    assert!(
        log.contains("stopped"),
        "the last line is written too:\n{log}"
    );
    let lines: Vec<&str> = log.lines().filter(|l| l.contains("request")).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.contains(r#"route="/zoeken""#) && l.contains("status=200")),
        "a line for the search, by its route:\n{log}"
    );
    assert!(
        lines.iter().any(|l| l.contains("status=404")),
        "a line for the unknown page:\n{log}"
    );
    assert!(
        !log.contains("geheimzinnig") && !log.contains("vertrouwelijk"),
        "no query or path in the log:\n{log}"
    );
    assert!(
        !log.contains('\u{1b}'),
        "no colour codes when the log is not a terminal"
    );
    let _ = std::fs::remove_dir_all(&data);
}
