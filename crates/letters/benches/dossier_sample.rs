//! A sample dossier of made-up values, for the dossier test and the dossier benchmark: a cover
//! name, deadlines and as many events and attachments as asked.

use letters::{Dossier, DossierAttachment, DossierEvent, PlanStep};

/// The child's name on the cover.
pub const COVER_NAME: &str = "Noor";
/// A deadline date in the sample.
pub const DEADLINE_DATE: &str = "maandag 15 maart 2027";
/// A note of the last event.
pub fn event_note(n: usize) -> String {
    format!("Afspraak nummer {n} over het rooster van Noor.")
}

pub fn sample_dossier(events: usize, attachments: usize) -> Dossier {
    let kinds = ["Gesprek", "E-mail", "Brief", "Besluit"];
    Dossier {
        lang: "nl".into(),
        title: "Dossier van Noor".into(),
        cover: vec![
            ("Kind".into(), COVER_NAME.into()),
            ("School".into(), "De Regenboog".into()),
            ("Gemaakt op".into(), "zondag 29 november 2026".into()),
        ],
        cover_note: "Gemaakt met Routewijzer. Geen juridisch advies.".into(),
        situation_heading: "De situatie in het kort".into(),
        situation: (1..=12)
            .map(|n| {
                (
                    format!("Vraag {n} over de situatie?"),
                    format!("Antwoord {n}"),
                )
            })
            .collect(),
        route_heading: "De route".into(),
        steps: (1..=6)
            .map(|n| PlanStep {
                number: n,
                title: format!("Stap {n}"),
                status: if n == 1 { "Nu".into() } else { "Hierna".into() },
                current: n == 1,
                summary: "Wat u in deze stap doet, in een zin.".into(),
                who: "De school".into(),
            })
            .collect(),
        advice_heading: "Het advies door de tijd".into(),
        advice_history: vec![(
            "1 maart 2027, informatie van 2027-02-20".into(),
            "Stap: Praat met de school. Termijnen: Bezwaar maken 2 april 2027.".into(),
        )],
        deadlines_heading: "Termijnen".into(),
        deadlines: vec![
            ("Bezwaar maken".into(), DEADLINE_DATE.into()),
            (
                "Reactie van het bestuur".into(),
                "vrijdag 2 april 2027".into(),
            ),
        ],
        timeline_heading: "Tijdlijn".into(),
        parties_label: "Met".into(),
        events: (1..=events)
            .map(|n| DossierEvent {
                date: format!("dinsdag {} januari 2027", 1 + n % 28),
                kind: kinds[n % kinds.len()].into(),
                title: format!("Gebeurtenis {n}"),
                parties: "De Regenboog, Samenwerkingsverband Utrecht".into(),
                notes: format!(
                    "{}\nWe spraken over de klas, de pauzes en wat Noor nodig heeft. \
                     De intern begeleider schrijft een verslag.",
                    event_note(n)
                ),
            })
            .collect(),
        attachments_heading: "Bijlagen".into(),
        attachment_columns: [
            "Bestand".into(),
            "Soort".into(),
            "Grootte".into(),
            "Bij".into(),
        ],
        attachments: (1..=attachments)
            .map(|n| DossierAttachment {
                file_name: format!("verslag-{n}.pdf"),
                kind: "PDF".into(),
                size: "120 kB".into(),
                event: format!("Gebeurtenis {n}"),
            })
            .collect(),
        empty: "Nog niets.".into(),
        footer: "Routewijzer".into(),
    }
}
