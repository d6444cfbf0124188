//! The real tables in content/holidays and the queries on them.

use calendar::{Confidence, HolidayKind, NoData, Region, SchoolYear, school_year_of};
use jiff::civil::date;

use crate::real_calendar;

#[test]
fn every_summer_per_region() {
    let cal = real_calendar();
    let sy = |y: i16| SchoolYear::starting_in(y);
    let expected = [
        (
            sy(2025),
            Region::Noord,
            date(2026, 7, 4),
            date(2026, 8, 16),
            Confidence::V2,
        ),
        (
            sy(2025),
            Region::Midden,
            date(2026, 7, 18),
            date(2026, 8, 30),
            Confidence::V2,
        ),
        (
            sy(2025),
            Region::Zuid,
            date(2026, 7, 11),
            date(2026, 8, 23),
            Confidence::V2,
        ),
        (
            sy(2026),
            Region::Noord,
            date(2027, 7, 10),
            date(2027, 8, 22),
            Confidence::V2,
        ),
        (
            sy(2026),
            Region::Midden,
            date(2027, 7, 17),
            date(2027, 8, 29),
            Confidence::V2,
        ),
        (
            sy(2026),
            Region::Zuid,
            date(2027, 7, 24),
            date(2027, 9, 5),
            Confidence::V2,
        ),
        (
            sy(2027),
            Region::Noord,
            date(2028, 7, 15),
            date(2028, 8, 27),
            Confidence::V,
        ),
        (
            sy(2027),
            Region::Midden,
            date(2028, 7, 8),
            date(2028, 8, 20),
            Confidence::V,
        ),
        (
            sy(2027),
            Region::Zuid,
            date(2028, 7, 22),
            date(2028, 9, 3),
            Confidence::V,
        ),
    ];
    for (school_year, region, start, end, confidence) in expected {
        let summer = cal.summer(school_year, region).unwrap();
        assert_eq!(
            (summer.start, summer.end),
            (start, end),
            "{school_year} {region}"
        );
        assert_eq!(summer.confidence, confidence, "{school_year} {region}");
        assert!(summer.binding);
        assert_eq!(summer.kind, HolidayKind::Zomer);
        // Six weeks of summer holiday (F-SV-01): Saturday to Sunday six weeks later.
        assert_eq!(start.until(end).unwrap().get_days(), 43);
    }
}

#[test]
fn christmas_is_the_same_everywhere() {
    let cal = real_calendar();
    for region in Region::ALL {
        let kerst = cal.holiday_at(date(2027, 12, 31), region).unwrap().unwrap();
        assert_eq!(kerst.kind, HolidayKind::Kerst);
        assert_eq!(
            (kerst.start, kerst.end),
            (date(2027, 12, 25), date(2028, 1, 9))
        );
    }
}

#[test]
fn conflicting_entries_are_labelled_c_with_a_note() {
    let cal = real_calendar();
    let uncertain: Vec<_> = cal
        .holidays()
        .iter()
        .filter(|h| !h.confidence.is_certain())
        .collect();
    // voorjaar zuid 2027 and mei 2027 in three regions.
    assert_eq!(uncertain.len(), 4);
    for h in uncertain {
        assert_eq!(h.confidence, Confidence::C);
        assert_eq!(h.school_year, SchoolYear::starting_in(2026));
        assert!(matches!(h.kind, HolidayKind::Voorjaar | HolidayKind::Mei));
        assert!(h.note.as_deref().unwrap().contains("spreken elkaar tegen"));
    }
    let mei_2026 = cal
        .holiday_at(date(2026, 4, 28), Region::Midden)
        .unwrap()
        .unwrap();
    assert_eq!(
        (mei_2026.kind, mei_2026.confidence),
        (HolidayKind::Mei, Confidence::V2)
    );
    assert_eq!(
        (mei_2026.start, mei_2026.end),
        (date(2026, 4, 25), date(2026, 5, 3))
    );
}

#[test]
fn holiday_at_school_days_and_regions() {
    let cal = real_calendar();
    // Herfst 2026: noord 10-18 Oct, midden and zuid 17-25 Oct.
    let d = date(2026, 10, 12);
    assert_eq!(
        cal.holiday_at(d, Region::Noord).unwrap().unwrap().kind,
        HolidayKind::Herfst
    );
    assert!(!cal.holiday_at(d, Region::Noord).unwrap().unwrap().binding);
    assert_eq!(cal.holiday_at(d, Region::Zuid).unwrap(), None);
    // Summer 2026 zuid runs into school year 2026-2027.
    let h = cal
        .holiday_at(date(2026, 8, 20), Region::Zuid)
        .unwrap()
        .unwrap();
    assert_eq!(h.school_year.to_string(), "2025-2026");
    assert_eq!(
        cal.holiday_at(date(2026, 8, 25), Region::Zuid).unwrap(),
        None
    );
}

#[test]
fn no_data_for_2029_2030() {
    let cal = real_calendar();
    let err = cal.holiday_at(date(2029, 10, 1), Region::Zuid).unwrap_err();
    assert_eq!(
        err,
        NoData {
            school_year: SchoolYear::starting_in(2029),
            region: Region::Zuid
        }
    );
    assert_eq!(
        err.to_string(),
        "geen schoolvakantiegegevens voor 2029-2030, regio zuid"
    );
    let err = cal
        .summer(SchoolYear::starting_in(2029), Region::Noord)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "geen schoolvakantiegegevens voor 2029-2030, regio noord"
    );
    assert!(cal.next_summer(date(2029, 12, 1), Region::Midden).is_err());
    // 2028-2029 is missing too: after the 2028 summer there is no table.
    assert!(cal.holiday_at(date(2028, 10, 1), Region::Noord).is_err());
    // In August 2025 the 2024-2025 summer (no table) may still be going on: no guess.
    let err = cal
        .holiday_at(date(2025, 8, 20), Region::Noord)
        .unwrap_err();
    assert_eq!(err.school_year.to_string(), "2024-2025");
}

#[test]
fn next_summer_contains_or_follows() {
    let cal = real_calendar();
    // Before the summer.
    let s = cal.next_summer(date(2027, 3, 1), Region::Zuid).unwrap();
    assert_eq!(s.start, date(2027, 7, 24));
    // During it, also after 1 August (the next school year has begun).
    let s = cal.next_summer(date(2027, 8, 30), Region::Zuid).unwrap();
    assert_eq!(s.start, date(2027, 7, 24));
    // The day after it ended: the next one.
    let s = cal.next_summer(date(2027, 9, 6), Region::Zuid).unwrap();
    assert_eq!(s.start, date(2028, 7, 22));
    // Noord 2027 ended 22 August; 23 August looks ahead to 2028.
    let s = cal.next_summer(date(2027, 8, 23), Region::Noord).unwrap();
    assert_eq!(s.start, date(2028, 7, 15));
    // After the last table: no guess.
    let err = cal.next_summer(date(2028, 9, 4), Region::Zuid).unwrap_err();
    assert_eq!(err.school_year.to_string(), "2028-2029");
}

#[test]
fn school_year_of_dates() {
    assert_eq!(school_year_of(date(2027, 7, 31)).to_string(), "2026-2027");
    assert_eq!(school_year_of(date(2027, 8, 1)).to_string(), "2027-2028");
    let sy: SchoolYear = "2026-2027".parse().unwrap();
    assert_eq!(sy.first_day(), date(2026, 8, 1));
    assert_eq!(sy.last_day(), date(2027, 7, 31));
}

#[test]
fn every_table_has_all_five_holidays_for_all_regions() {
    let cal = real_calendar();
    let years: Vec<_> = cal.school_years().map(|y| y.to_string()).collect();
    assert_eq!(years, ["2025-2026", "2026-2027", "2027-2028"]);
    for school_year in cal.school_years() {
        for region in Region::ALL {
            let mut kinds: Vec<_> = cal
                .holidays()
                .iter()
                .filter(|h| h.school_year == school_year && h.region == region)
                .map(|h| h.kind)
                .collect();
            kinds.sort();
            assert_eq!(
                kinds,
                [
                    HolidayKind::Herfst,
                    HolidayKind::Kerst,
                    HolidayKind::Voorjaar,
                    HolidayKind::Mei,
                    HolidayKind::Zomer
                ],
                "{school_year} {region}"
            );
        }
    }
}
