//! Dates for Routewijzer: Dutch public holidays, the Algemene termijnenwet, school holiday
//! tables per region, the computation of deadlines (termijnen), and reading a date as a
//! Dutch person types it ([`parse_typed_date`]).
//!
//! The crate is pure: nothing here reads the clock, and the only IO is
//! [`SchoolCalendar::load_dir`], which reads `content/holidays/*.toml`.
//!
//! Missing knowledge is an error, never a guess: a question about a school year for which no
//! holiday table is loaded gives [`NoData`].

mod confidence;
mod deadline;
mod feestdagen;
mod format;
mod schoolvakanties;
pub mod serde_date;
mod termijnenwet;
mod typed_date;

pub use confidence::Confidence;
pub use deadline::{
    Deadline, MonthRounding, Suspension, TermError, TermRule, Unit, add_months, deadline,
};
pub use feestdagen::{PublicHoliday, easter_sunday, public_holiday, public_holidays};
pub use format::{
    Lang, format_date, format_date_nl, month_name_en, month_name_nl, weekday_name_en,
    weekday_name_nl,
};
pub use schoolvakanties::{
    HolidayFileError, HolidayKind, NoData, ParseRegionError, ParseSchoolYearError, Region,
    SchoolCalendar, SchoolHoliday, SchoolYear, school_year_of,
};
pub use termijnenwet::{
    GELIJKGESTELDE_DAGEN, GELIJKGESTELDE_DAGEN_BEKEND_TOT, RestDayReason, is_rest_day,
    is_working_day, next_working_day,
};
pub use typed_date::{
    TYPED_YEARS, TypedDateError, checked_date, format_typed_date, parse_typed_date,
};
