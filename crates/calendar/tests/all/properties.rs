//! Property tests: deadlines against a brute-force day-by-day count.

use calendar::{
    MonthRounding, SchoolCalendar, Suspension, TermRule, deadline, is_rest_day, is_working_day,
};
use jiff::ToSpan;
use jiff::civil::{Date, date};
use proptest::prelude::*;

fn any_date() -> impl Strategy<Value = Date> {
    (0i32..4000).prop_map(|offset| date(2024, 1, 1).checked_add(offset.days()).unwrap())
}

fn any_suspensions() -> impl Strategy<Value = Vec<Suspension>> {
    proptest::collection::vec((0i32..200, 1i32..60), 0..3).prop_map(|list| {
        list.into_iter()
            .map(|(offset, len)| {
                let from = date(2024, 1, 1).checked_add(offset.days()).unwrap();
                Suspension {
                    from,
                    to: from.checked_add(len.days()).unwrap(),
                }
            })
            .collect()
    })
}

fn any_rule() -> impl Strategy<Value = TermRule> {
    let base = prop_oneof![
        (0u32..400).prop_map(TermRule::days),
        (0u32..60).prop_map(TermRule::weeks),
        (0u32..30).prop_map(|n| TermRule::months(n, MonthRounding::EndOfMonth)),
        (0u32..30).prop_map(|n| TermRule::months(n, MonthRounding::NextDay)),
        (0u32..80).prop_map(TermRule::working_days),
    ];
    (base, any::<bool>()).prop_map(|(rule, atw)| if atw { rule.with_termijnenwet() } else { rule })
}

fn suspended(day: Date, suspensions: &[Suspension]) -> bool {
    suspensions.iter().any(|s| s.from <= day && day < s.to)
}

/// Walk day by day from the start until `days` running (not suspended) days have passed.
fn brute_force_days(start: Date, days: i64, suspensions: &[Suspension]) -> Date {
    let mut day = start;
    let mut counted = 0;
    while counted < days {
        day = day.tomorrow().unwrap();
        if !suspended(day, suspensions) {
            counted += 1;
        }
    }
    day
}

fn brute_force_working_days(start: Date, n: u32, suspensions: &[Suspension]) -> Date {
    let mut day = start;
    let mut counted = 0;
    while counted < n {
        day = day.tomorrow().unwrap();
        if is_working_day(day) && !suspended(day, suspensions) {
            counted += 1;
        }
    }
    day
}

proptest! {
    #[test]
    fn never_before_start(start in any_date(), rule in any_rule(), suspensions in any_suspensions()) {
        let d = deadline(start, &rule, &suspensions, &SchoolCalendar::empty(), None).unwrap();
        prop_assert!(d.end >= start);
        prop_assert!(d.end >= d.raw_end);
        prop_assert!(d.raw_end >= start);
    }

    #[test]
    fn working_day_term_ends_on_a_working_day(start in any_date(), n in 1u32..80, suspensions in any_suspensions()) {
        let d = deadline(start, &TermRule::working_days(n), &suspensions, &SchoolCalendar::empty(), None).unwrap();
        prop_assert!(is_working_day(d.end), "{} is not a working day", d.end);
        prop_assert_eq!(d.end, brute_force_working_days(start, n, &suspensions));
    }

    #[test]
    fn agrees_with_day_by_day_count(start in any_date(), n in 0u32..400, weeks in any::<bool>(), suspensions in any_suspensions()) {
        let (rule, days) = if weeks { (TermRule::weeks(n / 7), i64::from(n / 7) * 7) } else { (TermRule::days(n), i64::from(n)) };
        let d = deadline(start, &rule, &suspensions, &SchoolCalendar::empty(), None).unwrap();
        prop_assert_eq!(d.end, brute_force_days(start, days, &suspensions));
    }

    #[test]
    fn months_agree_with_day_by_day_count(start in any_date(), n in 0u32..30, suspensions in any_suspensions()) {
        // The month step itself has no suspensions; the suspension days then come on top.
        let rule = TermRule::months(n, MonthRounding::EndOfMonth);
        let plain = deadline(start, &rule, &[], &SchoolCalendar::empty(), None).unwrap();
        let days = i64::from(start.until(plain.end).unwrap().get_days());
        let d = deadline(start, &rule, &suspensions, &SchoolCalendar::empty(), None).unwrap();
        prop_assert_eq!(d.end, brute_force_days(start, days, &suspensions));
    }

    #[test]
    fn with_termijnenwet_never_ends_on_a_rest_day(start in any_date(), rule in any_rule(), suspensions in any_suspensions()) {
        let rule = rule.with_termijnenwet();
        let d = deadline(start, &rule, &suspensions, &SchoolCalendar::empty(), None).unwrap();
        prop_assert_eq!(is_rest_day(d.end), None);
        // And the move only skips rest days.
        if let Some((from, _)) = d.moved {
            let mut day = from;
            while day < d.end {
                prop_assert!(is_rest_day(day).is_some());
                day = day.tomorrow().unwrap();
            }
        }
    }
}
