//! The JSON advice has the shape that `docs/advice-format.md` documents.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn advise_json(situation: &str) -> serde_json::Value {
    let file = std::env::temp_dir().join(format!(
        "routewijzer-advice-json-{}.toml",
        std::process::id()
    ));
    std::fs::write(&file, situation).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_routewijzer"))
        .args(["advise", "--format", "json", "--content"])
        .arg(root().join("content"))
        .arg("--situation")
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&file);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn advice_json_has_the_documented_fields() {
    let a = advise_json(
        "today = 2027-06-20\nregion = \"midden\"\nprobleem = [\"geen-plek\", \"toelating\"]\ningeschreven = true\nbesluit-ontvangen = true\ndatum-besluit = 2027-06-01\n",
    );
    let doc = std::fs::read_to_string(root().join("docs/advice-format.md")).unwrap();
    assert_eq!(a["format"], 1);
    for key in keys(&a) {
        assert!(
            doc.contains(&format!("`{key}`")),
            "top-level field '{key}' is not documented"
        );
    }
    let current: Vec<_> = a["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["status"] == "current")
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["id"], a["current"]);
    for step in a["steps"].as_array().unwrap() {
        for key in keys(step) {
            assert!(
                doc.contains(&format!("`{key}`")),
                "step field '{key}' is not documented"
            );
        }
        assert!(
            !step["sources"].as_array().unwrap().is_empty(),
            "step {} has no source",
            step["id"]
        );
    }
    let term = a["terms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| !t["deadline"].is_null())
        .expect("a computed deadline");
    for key in keys(&term["deadline"]) {
        assert!(
            doc.contains(&format!("`{key}`")),
            "deadline field '{key}' is not documented"
        );
    }
    assert_eq!(term["deadline"]["date-text"], "dinsdag 13 juli 2027");
}
