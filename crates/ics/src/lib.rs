//! A small iCalendar (RFC 5545) writer for deadlines: all-day events with reminders.
//!
//! Hand-written instead of the `icalendar` crate, which speaks chrono and writes a zero-length
//! all-day event (STACK.md P3). Output is deterministic: DTSTAMP is passed in, nothing reads
//! the clock, and events come out in the order given.
//!
//! ```
//! use jiff::civil::date;
//! let cal = ics::Calendar {
//!     prod_id: "-//Routewijzer//NL".to_string(),
//!     events: vec![ics::Event {
//!         uid: "bezwaar-1@routewijzer".to_string(),
//!         date: date(2027, 4, 12),
//!         summary: "Laatste dag bezwaar".to_string(),
//!         description: "6 weken na het besluit.".to_string(),
//!         url: None,
//!         alarms: vec![7, 1],
//!     }],
//! };
//! let text = cal.to_ics_string("2026-11-29T12:00:00Z".parse().unwrap());
//! assert!(text.contains("DTSTART;VALUE=DATE:20270412\r\nDTEND;VALUE=DATE:20270413\r\n"));
//! ```

use jiff::Timestamp;
use jiff::civil::Date;

/// A calendar file (VCALENDAR).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Calendar {
    /// PRODID, e.g. "-//Routewijzer//Termijnen//NL".
    pub prod_id: String,
    pub events: Vec<Event>,
}

/// One all-day event (VEVENT).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Globally unique and stable, so a re-import updates instead of duplicates.
    pub uid: String,
    /// The day of the event; DTEND is the next day because it is exclusive (RFC 5545 3.6.1).
    pub date: Date,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    /// Reminders, in days before the event (7 gives TRIGGER:-P7D; 0 gives the day itself).
    pub alarms: Vec<i64>,
}

impl Calendar {
    /// The calendar as RFC 5545 text: CRLF line ends, lines folded at 75 octets.
    /// `dtstamp` is when the file was made; pass it in so the output is reproducible.
    pub fn to_ics_string(&self, dtstamp: Timestamp) -> String {
        let stamp = dtstamp.strftime("%Y%m%dT%H%M%SZ").to_string();
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, &format!("PRODID:{}", escape_text(&self.prod_id)));
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        for event in &self.events {
            event.write(&mut out, &stamp);
        }
        line(&mut out, "END:VCALENDAR");
        out
    }
}

impl Event {
    fn write(&self, out: &mut String, stamp: &str) {
        line(out, "BEGIN:VEVENT");
        line(out, &format!("UID:{}", escape_text(&self.uid)));
        line(out, &format!("DTSTAMP:{stamp}"));
        line(out, &format!("DTSTART;VALUE=DATE:{}", ics_date(self.date)));
        // A date at the very end of jiff's range has no next day; an all-day event on
        // 9999-12-31 is not a real deadline, so ending it on the same day is acceptable.
        let end = self.date.tomorrow().unwrap_or(self.date);
        line(out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
        line(out, &format!("SUMMARY:{}", escape_text(&self.summary)));
        line(
            out,
            &format!("DESCRIPTION:{}", escape_text(&self.description)),
        );
        if let Some(url) = &self.url {
            // URL is of type URI, which is not TEXT-escaped (RFC 5545 3.3.13).
            line(out, &format!("URL:{url}"));
        }
        // Free time: a deadline should not block the parent's agenda.
        line(out, "TRANSP:TRANSPARENT");
        for days in &self.alarms {
            line(out, "BEGIN:VALARM");
            line(out, "ACTION:DISPLAY");
            line(out, &format!("DESCRIPTION:{}", escape_text(&self.summary)));
            line(out, &format!("TRIGGER:{}", trigger(*days)));
            line(out, "END:VALARM");
        }
        line(out, "END:VEVENT");
    }
}

/// "20270412".
fn ics_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

/// A duration relative to the start: `-P7D` is seven days before.
fn trigger(days_before: i64) -> String {
    match days_before {
        0 => "PT0S".to_string(),
        d if d > 0 => format!("-P{d}D"),
        d => format!("P{}D", d.unsigned_abs()),
    }
}

/// Escape a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            // CRLF and a lone CR are one line break too.
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded and ended with CRLF.
fn line(out: &mut String, content: &str) {
    out.push_str(&fold(content));
    out.push_str("\r\n");
}

/// Fold a content line so that no physical line is longer than 75 octets (RFC 5545 3.1). A
/// continuation line starts with a space, which counts toward its 75. Folding happens between
/// characters only, so a multi-byte UTF-8 character is never split.
pub fn fold(content: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(content.len() + content.len() / LIMIT * 3);
    let mut used = 0;
    for c in content.chars() {
        let width = c.len_utf8();
        if used + width > LIMIT {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn stamp() -> Timestamp {
        "2026-11-29T12:00:00Z".parse().unwrap()
    }

    fn event() -> Event {
        Event {
            uid: "bezwaar-2027-04-12@routewijzer.nl".to_string(),
            date: date(2027, 4, 12),
            summary: "Laatste dag: bezwaar maken".to_string(),
            description: "6 weken na het besluit, tel goed.".to_string(),
            url: Some("https://www.example.nl/termijnen?a=1;b=2".to_string()),
            alarms: vec![7, 1],
        }
    }

    #[test]
    fn whole_calendar() {
        let cal = Calendar {
            prod_id: "-//Routewijzer//Termijnen//NL".to_string(),
            events: vec![event()],
        };
        let expected = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Routewijzer//Termijnen//NL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:bezwaar-2027-04-12@routewijzer.nl",
            "DTSTAMP:20261129T120000Z",
            "DTSTART;VALUE=DATE:20270412",
            "DTEND;VALUE=DATE:20270413",
            "SUMMARY:Laatste dag: bezwaar maken",
            "DESCRIPTION:6 weken na het besluit\\, tel goed.",
            "URL:https://www.example.nl/termijnen?a=1;b=2",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Laatste dag: bezwaar maken",
            "TRIGGER:-P7D",
            "END:VALARM",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Laatste dag: bezwaar maken",
            "TRIGGER:-P1D",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(cal.to_ics_string(stamp()), expected);
    }

    #[test]
    fn dtend_is_the_next_day_across_month_and_year() {
        let mut e = event();
        e.date = date(2026, 12, 31);
        let cal = Calendar {
            prod_id: "x".to_string(),
            events: vec![e],
        };
        let text = cal.to_ics_string(stamp());
        assert!(text.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101\r\n"));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("Tweeëntwintig: géén"), "Tweeëntwintig: géén");
    }

    #[test]
    fn triggers() {
        assert_eq!(trigger(7), "-P7D");
        assert_eq!(trigger(1), "-P1D");
        assert_eq!(trigger(0), "PT0S");
        assert_eq!(trigger(-2), "P2D");
    }

    #[test]
    fn folding_long_dutch_text_keeps_characters_whole() {
        let description = "De commissie geeft binnen tien weken een oordeel; de ouders en het schoolbestuur \
                           krijgen allebei een kopie. Tweeëntwintig ideeën over coöperatie en reünie: \
                           ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë ë.";
        let content = format!("DESCRIPTION:{}", escape_text(description));
        let folded = fold(&content);
        let lines: Vec<&str> = folded.split("\r\n").collect();
        assert!(lines.len() > 3);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= 75, "line {i} has {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '));
            }
        }
        // Unfolding (remove CRLF + one space) gives the original back: no character was split,
        // since every piece is a &str and &str is valid UTF-8 by construction.
        assert_eq!(folded.replace("\r\n ", ""), content);
    }

    #[test]
    fn a_two_octet_character_that_does_not_fit_moves_to_the_next_line() {
        let content = format!("{}ë", "x".repeat(74));
        assert_eq!(fold(&content), format!("{}\r\n ë", "x".repeat(74)));
    }

    #[test]
    fn short_lines_are_not_folded() {
        assert_eq!(fold(&"a".repeat(75)), "a".repeat(75));
        assert_eq!(fold(&"a".repeat(76)), format!("{}\r\n a", "a".repeat(75)));
    }

    #[test]
    fn every_line_ends_with_crlf_and_no_bare_lf() {
        let mut e = event();
        e.description = "Regel een\nRegel twee".to_string();
        let text = Calendar {
            prod_id: "x".to_string(),
            events: vec![e],
        }
        .to_ics_string(stamp());
        assert!(text.ends_with("\r\n"));
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
        assert!(text.contains("DESCRIPTION:Regel een\\nRegel twee\r\n"));
    }

    #[test]
    fn output_is_ascii_or_dutch_letters_without_emoji() {
        let mut e = event();
        e.summary = "Geschillencommissie: oordeel verwacht (ë, é, ï)".to_string();
        let text = Calendar {
            prod_id: "x".to_string(),
            events: vec![e],
        }
        .to_ics_string(stamp());
        // Nothing outside the Basic Multilingual Plane (emoji live there) and no control
        // characters other than CR and LF.
        assert!(text.chars().all(|c| (c as u32) < 0x1_0000));
        assert!(
            text.chars()
                .all(|c| !c.is_control() || c == '\r' || c == '\n')
        );
    }
}
