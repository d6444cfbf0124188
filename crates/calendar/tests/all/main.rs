//! Integration tests of the calendar crate, in one test binary so it links once.

mod deadlines;
mod holiday_files;
mod properties;
mod public_holidays;
mod school_tables;

use std::path::PathBuf;

use calendar::SchoolCalendar;

/// The real tables in `content/holidays/`.
pub fn real_calendar() -> SchoolCalendar {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/holidays");
    match SchoolCalendar::load_dir(&dir) {
        Ok(cal) => cal,
        Err(errors) => {
            let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("content/holidays does not load:\n{}", lines.join("\n"))
        }
    }
}
