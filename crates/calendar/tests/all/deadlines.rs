//! Deadlines: every rule the engine uses, with dates checked by hand against a calendar.

use calendar::{
    HolidayKind, MonthRounding, PublicHoliday, Region, RestDayReason, SchoolCalendar, Suspension,
    TermError, TermRule, Unit, deadline, format_date_nl,
};
use jiff::civil::{Date, date};

use crate::real_calendar;

fn run(start: Date, rule: TermRule) -> calendar::Deadline {
    deadline(start, &rule, &[], &SchoolCalendar::empty(), None).unwrap()
}

#[test]
fn six_weeks_from_a_monday() {
    let d = run(date(2027, 3, 1), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 4, 12));
    assert_eq!(d.end, date(2027, 4, 12));
    assert_eq!(d.moved, None);
    assert_eq!(
        d.explanation,
        ["6 weken na maandag 1 maart 2027 is maandag 12 april 2027."]
    );
}

#[test]
fn ends_on_a_saturday() {
    let d = run(date(2027, 1, 9), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 2, 20));
    assert_eq!(d.end, date(2027, 2, 22));
    assert_eq!(d.moved, Some((date(2027, 2, 20), RestDayReason::Zaterdag)));
    assert_eq!(
        d.explanation[1],
        "Dat is een zaterdag; volgens de Algemene termijnenwet schuift de termijn naar maandag 22 februari 2027."
    );
}

#[test]
fn saturday_without_termijnenwet_stays() {
    let d = run(date(2027, 1, 9), TermRule::weeks(6));
    assert_eq!(d.end, date(2027, 2, 20));
    assert_eq!(d.moved, None);
}

#[test]
fn ends_on_koningsdag() {
    let d = run(date(2027, 3, 16), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 4, 27));
    assert_eq!(d.end, date(2027, 4, 28));
    assert_eq!(
        d.moved,
        Some((
            date(2027, 4, 27),
            RestDayReason::Feestdag(PublicHoliday::Koningsdag)
        ))
    );
    assert_eq!(
        d.explanation[1],
        "Dat is Koningsdag; volgens de Algemene termijnenwet schuift de termijn naar woensdag 28 april 2027."
    );
}

#[test]
fn ends_on_tweede_pinksterdag() {
    let d = run(date(2027, 4, 5), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 5, 17));
    assert_eq!(d.end, date(2027, 5, 18));
    assert_eq!(
        d.moved.unwrap().1,
        RestDayReason::Feestdag(PublicHoliday::TweedePinksterdag)
    );
}

#[test]
fn ends_on_tweede_paasdag() {
    // Tweede Paasdag 2026 is Monday 6 April.
    let d = run(date(2026, 2, 23), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.end, date(2026, 4, 7));
    assert_eq!(
        d.explanation,
        [
            "6 weken na maandag 23 februari 2026 is maandag 6 april 2026.",
            "Dat is Tweede Paasdag; volgens de Algemene termijnenwet schuift de termijn naar dinsdag 7 april 2026.",
        ]
    );
}

#[test]
fn ends_before_hemelvaart_bridge() {
    // Thursday 6 May 2027 is Hemelvaartsdag and Friday 7 May a decree day: on to Monday.
    let d = run(date(2027, 4, 22), TermRule::days(14).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 5, 6));
    assert_eq!(d.end, date(2027, 5, 10));
}

#[test]
fn ends_inside_the_summer_holiday() {
    let cal = real_calendar();
    let rule = TermRule::weeks(6).with_termijnenwet();
    let d = deadline(date(2027, 6, 21), &rule, &[], &cal, Some(Region::Zuid)).unwrap();
    assert_eq!(d.end, date(2027, 8, 2));
    let holiday = d.in_school_holiday.as_ref().unwrap();
    assert_eq!(holiday.kind, HolidayKind::Zomer);
    assert_eq!(d.holiday_lookup, Ok(()));
    assert_eq!(
        d.explanation.last().unwrap(),
        "Die dag valt in de zomervakantie regio zuid (24 juli t/m 5 september 2027)."
    );
    // Noord's summer of 2027 ended on Sunday 22 August: the Monday after is a school day.
    let d = deadline(date(2027, 7, 12), &rule, &[], &cal, Some(Region::Noord)).unwrap();
    assert_eq!(d.end, date(2027, 8, 23));
    assert_eq!(d.in_school_holiday, None);
}

#[test]
fn across_the_year_boundary() {
    let d = run(date(2026, 11, 27), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(d.end, date(2027, 1, 8));
    // Ten days from 22 December 2026 is Nieuwjaarsdag (a Friday): on to Monday 4 January.
    let d = run(date(2026, 12, 22), TermRule::days(10).with_termijnenwet());
    assert_eq!(d.raw_end, date(2027, 1, 1));
    assert_eq!(d.end, date(2027, 1, 4));
    assert_eq!(
        d.moved.unwrap().1,
        RestDayReason::Feestdag(PublicHoliday::Nieuwjaarsdag)
    );
}

#[test]
fn month_end_of_month() {
    let d = run(
        date(2027, 1, 31),
        TermRule::months(1, MonthRounding::EndOfMonth),
    );
    assert_eq!(d.end, date(2027, 2, 28));
    assert_eq!(
        d.explanation,
        [
            "1 maand na zondag 31 januari 2027 is zondag 28 februari 2027.",
            "Die maand heeft geen 31e dag; de termijn eindigt daarom op de laatste dag van die maand.",
        ]
    );
    // Leap year.
    assert_eq!(
        run(
            date(2028, 1, 31),
            TermRule::months(1, MonthRounding::EndOfMonth)
        )
        .end,
        date(2028, 2, 29)
    );
}

#[test]
fn month_next_day() {
    let d = run(
        date(2027, 1, 31),
        TermRule::months(1, MonthRounding::NextDay),
    );
    assert_eq!(d.end, date(2027, 3, 1));
    assert!(d.explanation[1].ends_with("de eerste dag van de maand erna."));
    // An ordinary day of the month is the same either way.
    assert_eq!(
        run(
            date(2027, 3, 15),
            TermRule::months(3, MonthRounding::NextDay)
        )
        .end,
        date(2027, 6, 15)
    );
}

#[test]
fn months_without_rounding_are_refused() {
    let rule = TermRule {
        length: 1,
        unit: Unit::Months,
        month_rounding: None,
        termijnenwet: false,
    };
    let err = deadline(
        date(2027, 1, 31),
        &rule,
        &[],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap_err();
    assert_eq!(err, TermError::MonthRoundingRequired);
    let rule = TermRule {
        month_rounding: Some(MonthRounding::NextDay),
        ..TermRule::weeks(2)
    };
    let err = deadline(
        date(2027, 1, 31),
        &rule,
        &[],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap_err();
    assert_eq!(err, TermError::MonthRoundingNotAllowed);
}

#[test]
fn working_days_across_easter() {
    // Wednesday 24 March 2027; Goede Vrijdag 26 March and Tweede Paasdag 29 March do not count.
    let d = run(date(2027, 3, 24), TermRule::working_days(5));
    assert_eq!(d.end, date(2027, 4, 2));
    assert_eq!(
        d.explanation,
        [
            "5 werkdagen na woensdag 24 maart 2027 is vrijdag 2 april 2027. Zaterdagen, zondagen en feestdagen tellen niet mee."
        ]
    );
}

#[test]
fn school_weeks_across_a_holiday() {
    let cal = real_calendar();
    // Herfstvakantie noord 10-18 October 2026 does not count.
    let rule = TermRule::school_weeks(4);
    let d = deadline(date(2026, 10, 5), &rule, &[], &cal, Some(Region::Noord)).unwrap();
    assert_eq!(d.end, date(2026, 11, 9));
    assert_eq!(
        d.explanation,
        [
            "4 schoolweken na maandag 5 oktober 2026 is maandag 9 november 2026.",
            "1 week zonder lessen (schoolvakantie of vrije dagen, regio noord) telt niet mee.",
        ]
    );
    // Zuid has its holiday a week later, also inside the term.
    let d = deadline(date(2026, 10, 5), &rule, &[], &cal, Some(Region::Zuid)).unwrap();
    assert_eq!(d.end, date(2026, 11, 9));
    // Across Christmas (two weeks).
    let d = deadline(date(2026, 12, 7), &rule, &[], &cal, Some(Region::Midden)).unwrap();
    assert_eq!(d.end, date(2027, 1, 18));
}

#[test]
fn school_weeks_need_a_region_and_data() {
    let rule = TermRule::school_weeks(4);
    let cal = real_calendar();
    let err = deadline(date(2026, 10, 5), &rule, &[], &cal, None).unwrap_err();
    assert_eq!(err, TermError::RegionRequired);
    let err = deadline(date(2029, 10, 5), &rule, &[], &cal, Some(Region::Zuid)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "geen schoolvakantiegegevens voor 2029-2030, regio zuid"
    );
}

#[test]
fn suspended_term() {
    // A 6-week objection term from 1 March 2027; a GPO case from 15 March until the opinion on
    // 12 April stops the clock for 28 days.
    let suspension = Suspension {
        from: date(2027, 3, 15),
        to: date(2027, 4, 12),
    };
    let rule = TermRule::weeks(6).with_termijnenwet();
    let d = deadline(
        date(2027, 3, 1),
        &rule,
        &[suspension],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap();
    assert_eq!(d.raw_end, date(2027, 4, 12));
    assert_eq!(d.suspended_days, 28);
    assert_eq!(d.end, date(2027, 5, 10));
    assert_eq!(
        d.explanation[1],
        "De termijn liep 28 dagen niet (opschorting). Daardoor eindigt hij op maandag 10 mei 2027."
    );
}

#[test]
fn suspension_after_the_end_does_not_count() {
    let late = Suspension {
        from: date(2027, 4, 13),
        to: date(2027, 5, 1),
    };
    let d = deadline(
        date(2027, 3, 1),
        &TermRule::weeks(6),
        &[late],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap();
    assert_eq!(d.end, date(2027, 4, 12));
    assert_eq!(d.suspended_days, 0);
    // One that starts on the last day does count, and pushes a second one into range.
    let on_end = Suspension {
        from: date(2027, 4, 12),
        to: date(2027, 4, 14),
    };
    let next = Suspension {
        from: date(2027, 4, 14),
        to: date(2027, 4, 15),
    };
    let d = deadline(
        date(2027, 3, 1),
        &TermRule::weeks(6),
        &[next, on_end],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap();
    assert_eq!(d.end, date(2027, 4, 15));
    assert_eq!(d.suspended_days, 3);
}

#[test]
fn bad_suspension() {
    let s = Suspension {
        from: date(2027, 4, 12),
        to: date(2027, 4, 12),
    };
    let err = deadline(
        date(2027, 3, 1),
        &TermRule::weeks(6),
        &[s],
        &SchoolCalendar::empty(),
        None,
    )
    .unwrap_err();
    assert!(matches!(err, TermError::InvalidSuspension { .. }));
}

#[test]
fn no_holiday_data_is_reported_not_guessed() {
    let cal = real_calendar();
    let d = deadline(
        date(2029, 9, 3),
        &TermRule::weeks(6),
        &[],
        &cal,
        Some(Region::Zuid),
    )
    .unwrap();
    assert_eq!(d.end, date(2029, 10, 15));
    assert_eq!(d.in_school_holiday, None);
    assert_eq!(
        d.holiday_lookup.unwrap_err().to_string(),
        "geen schoolvakantiegegevens voor 2029-2030, regio zuid"
    );
    assert_eq!(
        d.explanation.last().unwrap(),
        "Of die dag in een schoolvakantie valt, weten we niet: geen schoolvakantiegegevens voor 2029-2030, regio zuid."
    );
}

#[test]
fn gpo_opinion_ten_weeks_including_holidays() {
    // Facts T6: 10 weeks including holidays, so plain weeks, not school weeks.
    let d = run(date(2027, 6, 14), TermRule::weeks(10));
    assert_eq!(d.end, date(2027, 8, 23));
}

#[test]
fn format_date() {
    assert_eq!(format_date_nl(date(2027, 7, 9)), "vrijdag 9 juli 2027");
}

#[test]
fn explanations_in_english_say_the_same_as_the_dutch() {
    let en = |d: &calendar::Deadline| d.explanation_in(calendar::Lang::En).to_vec();
    let d = run(date(2027, 3, 16), TermRule::weeks(6).with_termijnenwet());
    assert_eq!(
        en(&d),
        [
            "6 weeks after Tuesday 16 March 2027 is Tuesday 27 April 2027.",
            "That is King's Day; under the Algemene termijnenwet (the General Time Limits Act) the term moves to Wednesday 28 April 2027.",
        ]
    );
    assert_eq!(d.explanation_in(calendar::Lang::Nl), &d.explanation[..]);
    let d = run(date(2027, 3, 24), TermRule::working_days(5));
    assert_eq!(
        en(&d),
        [
            "5 working days after Wednesday 24 March 2027 is Friday 2 April 2027. Saturdays, Sundays and public holidays do not count."
        ]
    );
    let cal = real_calendar();
    let d = deadline(
        date(2026, 10, 5),
        &TermRule::school_weeks(4),
        &[],
        &cal,
        Some(Region::Noord),
    )
    .unwrap();
    assert_eq!(
        en(&d)[1],
        "1 week without lessons (school holiday or days off, region noord) does not count."
    );
    // Every Dutch line has its English one.
    let d = run(
        date(2027, 1, 31),
        TermRule::months(1, MonthRounding::NextDay),
    );
    assert_eq!(d.explanation.len(), d.explanation_en.len());
    assert_eq!(
        en(&d)[1],
        "That month has no day 31; so the term ends on the first day of the next month."
    );
}

#[test]
fn a_holiday_is_described_in_english() {
    let cal = real_calendar();
    let summer = cal
        .holidays()
        .iter()
        .find(|h| {
            h.kind == HolidayKind::Zomer && h.region == Region::Zuid && h.start.year() == 2027
        })
        .unwrap();
    assert_eq!(
        summer.describe(calendar::Lang::En),
        "summer holiday, region zuid (24 July to 5 September 2027)"
    );
    assert_eq!(
        summer.describe_nl(),
        "zomervakantie regio zuid (24 juli t/m 5 september 2027)"
    );
    assert!(
        summer
            .note_in(calendar::Lang::En)
            .unwrap()
            .starts_with("A third-party file")
    );
}
