//! The deadlines of an advice as a calendar file: one all-day event per computed deadline, with
//! reminders a week and a day before, and the explanation in the description.
//!
//! UIDs are built from the term and its start date, so downloading the file again after a change
//! updates events in a calendar instead of adding copies.

use jiff::Timestamp;
use jiff::civil::Time;

use crate::report::Report;

/// Reminders, in days before a deadline.
pub const ALARMS: [i64; 2] = [7, 1];

/// The calendar for a report. Terms without a computed date are left out: the advice itself says
/// why they have no date.
pub fn calendar(r: &Report) -> ics::Calendar {
    let events = r
        .terms
        .iter()
        .filter_map(|t| {
            let d = t.deadline.as_ref()?;
            let en = r.lang == calendar::Lang::En;
            let mut description = vec![t.explain.trim().to_string(), String::new()];
            description.extend(d.computed.iter().cloned());
            if let Some(h) = &d.in_school_holiday {
                description.push(if en {
                    format!("This date falls in the {h}.")
                } else {
                    format!("Deze datum valt in de {h}.")
                });
            }
            description.push(String::new());
            let source = if en { "Source" } else { "Bron" };
            for s in &t.sources {
                match s.url {
                    Some(url) => description.push(format!("{source}: {} ({url})", s.title)),
                    None => description.push(format!("{source}: {}", s.title)),
                }
            }
            Some(ics::Event {
                uid: format!("{}-{}@routewijzer", t.id, d.start),
                date: d.date,
                summary: if en {
                    format!("Deadline today: {}", t.title)
                } else {
                    format!("Uiterlijk vandaag: {}", t.title)
                },
                description: description.join("\n"),
                url: t.sources.iter().find_map(|s| s.url.map(str::to_string)),
                alarms: ALARMS.to_vec(),
            })
        })
        .collect();
    ics::Calendar {
        prod_id: "-//Routewijzer//Termijnen//NL".to_string(),
        events,
    }
}

/// The calendar file as text. DTSTAMP is the advice's day at midnight UTC, so the same situation
/// always gives the same file.
pub fn to_string(r: &Report) -> String {
    let stamp = r
        .today
        .to_datetime(Time::midnight())
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .map(|z| z.timestamp())
        .unwrap_or(Timestamp::UNIX_EPOCH);
    calendar(r).to_ics_string(stamp)
}
