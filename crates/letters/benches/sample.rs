//! A sample letter for the benchmark and the timing example: the content's letter to the
//! leerplichtambtenaar, filled with made-up values.

use std::path::Path;

use route::letter::{FieldValues, fill_text};

/// The letter used for timing.
pub const LETTER_ID: &str = "melding-leerplichtambtenaar-11g";

pub fn sample_letter() -> letters::Letter {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let k = route::load::load_dir_without_walk(&content).expect("the content passes the check");
    let l = k.letter(LETTER_ID).expect("the letter exists");
    let t = l.template.as_ref().expect("the letter has a text");
    let v: FieldValues = [
        ("naam-ouder", "Fatima El Amrani"),
        ("afzender", "Fatima El Amrani\nLindelaan 12\n3512 AB Utrecht"),
        ("geadresseerde", "Leerplichtambtenaar gemeente Utrecht\nPostbus 16200\n3500 CE Utrecht"),
        ("plaats", "Utrecht"),
        ("datum", "3 maart 2027"),
        ("aanhef", "heer, mevrouw"),
        ("naam-kind", "Noor Visser"),
        ("geboortedatum-kind", "14 mei 2015"),
        ("school-naam", "De Regenboog"),
        ("thuis-sinds", "6 januari 2027"),
        ("reden", "Noor raakt in de klas overprikkeld en de school heeft geen rustige plek of aangepast rooster kunnen bieden."),
        ("gedaan", "Drie gesprekken met de intern begeleider, een gesprek met het samenwerkingsverband op 2 februari 2027."),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    letters::Letter {
        title: l.title.clone(),
        sender: v["afzender"].lines().map(str::to_string).collect(),
        addressee: v["geadresseerde"].lines().map(str::to_string).collect(),
        place: v["plaats"].clone(),
        date: v["datum"].clone(),
        subject_label: "Betreft".to_string(),
        subject: fill_text(&t.subject, &v),
        body: fill_text(&t.body, &v),
        signature: fill_text(&t.signature, &v),
    }
}
