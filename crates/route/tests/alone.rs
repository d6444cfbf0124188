//! An option that stands alone on a multi question ("nobody yet") cannot be chosen together
//! with another: the engine refuses the combination wherever answers come from.

use std::path::Path;

use route::condition::Value;
use route::situation::{RawValue, check_value};

fn knowledge() -> route::Knowledge {
    route::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content"))
        .unwrap_or_else(|e| panic!("{}", e[0]))
}

fn list(values: &[&str]) -> RawValue {
    RawValue::List(
        values
            .iter()
            .map(|v| RawValue::Text(v.to_string()))
            .collect(),
    )
}

#[test]
fn nobody_yet_is_chosen_alone_or_not_at_all() {
    let k = knowledge();
    let q = k
        .question("al-contact")
        .expect("the question of contacts so far");
    let alone: Vec<&str> = q
        .options
        .iter()
        .filter(|o| o.alone)
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(alone, ["niemand"]);

    assert_eq!(
        check_value(q, &list(&["niemand"])).unwrap(),
        Value::List(vec!["niemand".into()])
    );
    assert!(check_value(q, &list(&["swv", "steunpunt"])).is_ok());
    let e = check_value(q, &list(&["swv", "niemand"])).unwrap_err();
    assert!(e.to_string().contains("niemand"), "{e}");

    // The same holds for a situation file.
    let text = "today = 2026-11-02\nal-contact = [\"niemand\", \"swv\"]\n";
    let e = route::situation::from_toml(&k, text).unwrap_err();
    assert!(e.to_string().contains("together"), "{e}");
}
