//! School holiday tables (schoolvakanties) per region: loading and checking
//! `content/holidays/<school-year>.toml`, and the questions the rest of Routewijzer asks of them.
//!
//! The format is described in `docs/content-format.md`, section "Holiday tables". A school year
//! without a table is never guessed: queries about it return [`NoData`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use jiff::civil::{Date, Weekday, date};
use serde::{Deserialize, Serialize};
use toml::Spanned;

use crate::confidence::Confidence;
use crate::serde_date::ContentDate;

/// The three school holiday regions. Which municipality is in which region is for the user to
/// choose; see facts.md F-SV-03.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Region {
    Noord,
    Midden,
    Zuid,
}

impl Region {
    /// Every region, in the usual order.
    pub const ALL: [Region; 3] = [Region::Noord, Region::Midden, Region::Zuid];

    /// The lowercase name used in content and URLs ("zuid").
    pub fn name(self) -> &'static str {
        match self {
            Region::Noord => "noord",
            Region::Midden => "midden",
            Region::Zuid => "zuid",
        }
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A region name that is not noord, midden or zuid. Dutch: it can reach a parent's screen.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("onbekende regio \"{0}\": kies noord, midden of zuid")]
pub struct ParseRegionError(pub String);

impl FromStr for Region {
    type Err = ParseRegionError;

    /// Accepts the lowercase names; surrounding spaces and capitals are forgiven because
    /// people type them.
    fn from_str(text: &str) -> Result<Region, ParseRegionError> {
        match text.trim().to_lowercase().as_str() {
            "noord" => Ok(Region::Noord),
            "midden" => Ok(Region::Midden),
            "zuid" => Ok(Region::Zuid),
            _ => Err(ParseRegionError(text.to_string())),
        }
    }
}

/// The five holidays that the ministry sets or advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HolidayKind {
    Herfst,
    Kerst,
    Voorjaar,
    Mei,
    Zomer,
}

impl HolidayKind {
    /// The content key ("zomer").
    pub fn key(self) -> &'static str {
        match self {
            HolidayKind::Herfst => "herfst",
            HolidayKind::Kerst => "kerst",
            HolidayKind::Voorjaar => "voorjaar",
            HolidayKind::Mei => "mei",
            HolidayKind::Zomer => "zomer",
        }
    }

    /// The Dutch word parents use ("zomervakantie").
    pub fn name(self) -> &'static str {
        match self {
            HolidayKind::Herfst => "herfstvakantie",
            HolidayKind::Kerst => "kerstvakantie",
            HolidayKind::Voorjaar => "voorjaarsvakantie",
            HolidayKind::Mei => "meivakantie",
            HolidayKind::Zomer => "zomervakantie",
        }
    }
}

impl HolidayKind {
    /// The name in `lang` ("zomervakantie", "summer holiday").
    pub fn name_in(self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Nl => self.name(),
            crate::Lang::En => match self {
                HolidayKind::Herfst => "autumn holiday",
                HolidayKind::Kerst => "Christmas holiday",
                HolidayKind::Voorjaar => "spring holiday",
                HolidayKind::Mei => "May holiday",
                HolidayKind::Zomer => "summer holiday",
            },
        }
    }
}

impl fmt::Display for HolidayKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A school year: 1 August up to and including 31 July (facts.md T16, F-SV-04).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SchoolYear {
    start_year: i16,
}

impl SchoolYear {
    /// The school year that begins on 1 August of `year`.
    pub fn starting_in(year: i16) -> SchoolYear {
        SchoolYear { start_year: year }
    }

    /// The school year that `date` belongs to.
    pub fn of(date: Date) -> SchoolYear {
        if date.month() >= 8 {
            SchoolYear::starting_in(date.year())
        } else {
            SchoolYear::starting_in(date.year() - 1)
        }
    }

    /// The calendar year in which it begins.
    pub fn start_year(self) -> i16 {
        self.start_year
    }

    /// 1 August.
    pub fn first_day(self) -> Date {
        date(self.start_year, 8, 1)
    }

    /// 31 July of the next calendar year.
    pub fn last_day(self) -> Date {
        date(self.start_year + 1, 7, 31)
    }

    pub fn next(self) -> SchoolYear {
        SchoolYear::starting_in(self.start_year + 1)
    }

    pub fn previous(self) -> SchoolYear {
        SchoolYear::starting_in(self.start_year - 1)
    }

    pub fn contains(self, day: Date) -> bool {
        self.first_day() <= day && day <= self.last_day()
    }

    /// The last day a zomervakantie that starts in this school year may last until: 15 September
    /// after it. Real summers end in the first days of September at the latest; the margin
    /// lets [`SchoolCalendar::holiday_at`] know for sure when the previous year's table is
    /// needed, and lets the loader catch a typo in the year.
    fn latest_summer_end(self) -> Date {
        date(self.start_year + 1, 9, 15)
    }
}

/// The school year that `date` belongs to (1 August - 31 July).
pub fn school_year_of(date: Date) -> SchoolYear {
    SchoolYear::of(date)
}

impl fmt::Display for SchoolYear {
    /// "2026-2027".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start_year, self.start_year + 1)
    }
}

/// Text that is not a school year like "2026-2027".
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{0}\" is geen schooljaar; schrijf het als 2026-2027")]
pub struct ParseSchoolYearError(pub String);

impl FromStr for SchoolYear {
    type Err = ParseSchoolYearError;

    fn from_str(text: &str) -> Result<SchoolYear, ParseSchoolYearError> {
        let error = || ParseSchoolYearError(text.to_string());
        let (first, second) = text.split_once('-').ok_or_else(error)?;
        let is_year = |s: &str| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit());
        if !is_year(first) || !is_year(second) {
            return Err(error());
        }
        let first: i16 = first.parse().map_err(|_| error())?;
        let second: i16 = second.parse().map_err(|_| error())?;
        if second != first + 1 {
            return Err(error());
        }
        Ok(SchoolYear::starting_in(first))
    }
}

/// One holiday for one region, as loaded from a holiday table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolHoliday {
    pub kind: HolidayKind,
    pub region: Region,
    pub school_year: SchoolYear,
    /// First day (a Saturday).
    pub start: Date,
    /// Last day (a Sunday), inclusive.
    pub end: Date,
    /// Set by the ministry (true) or only advised (false).
    pub binding: bool,
    pub confidence: Confidence,
    /// Required for M and C: what is uncertain and which other dates were seen.
    pub note: Option<String>,
    /// The note in English.
    pub note_en: Option<String>,
    /// Source ids (see `content/sources`).
    pub sources: Vec<String>,
    /// Where it was defined, for error messages and "check" output.
    pub file: PathBuf,
    pub line: usize,
}

impl SchoolHoliday {
    /// Whether `day` falls within the holiday (both ends inclusive).
    pub fn contains(&self, day: Date) -> bool {
        self.start <= day && day <= self.end
    }

    /// The note in `lang`.
    pub fn note_in(&self, lang: crate::Lang) -> Option<&str> {
        match lang {
            crate::Lang::Nl => self.note.as_deref(),
            crate::Lang::En => self.note_en.as_deref().or(self.note.as_deref()),
        }
    }

    /// Dutch description: "zomervakantie regio zuid (24 juli t/m 5 september 2027)". The year
    /// of the first day is left out when both days are in the same year.
    pub fn describe_nl(&self) -> String {
        self.describe(crate::Lang::Nl)
    }

    /// [`Self::describe_nl`] in `lang`: "summer holiday, region zuid (24 July to 5 September
    /// 2027)". The region keeps its Dutch name: parents find it under that name.
    pub fn describe(&self, lang: crate::Lang) -> String {
        let from = if self.start.year() == self.end.year() {
            format!(
                "{} {}",
                self.start.day(),
                crate::format::month_name(self.start.month(), lang)
            )
        } else {
            crate::format::format_day_month_year(self.start, lang)
        };
        let to = crate::format::format_day_month_year(self.end, lang);
        match lang {
            crate::Lang::Nl => format!("{} regio {} ({from} t/m {to})", self.kind, self.region),
            crate::Lang::En => format!(
                "{}, region {} ({from} to {to})",
                self.kind.name_in(lang),
                self.region
            ),
        }
    }
}

/// No holiday table is loaded for a school year. Its message is Dutch because it is shown to
/// parents as it is: Routewijzer says what it does not know instead of guessing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("geen schoolvakantiegegevens voor {school_year}, regio {region}")]
pub struct NoData {
    pub school_year: SchoolYear,
    pub region: Region,
}

impl NoData {
    /// The message in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        match lang {
            crate::Lang::Nl => self.to_string(),
            crate::Lang::En => format!(
                "no school holiday dates for {}, region {}",
                self.school_year, self.region
            ),
        }
    }
}

/// A problem in a holiday table, at a line of a file. For content editors, so in English like
/// the content format documentation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidayFileError {
    pub file: PathBuf,
    /// 1-based; 0 when the problem is not at a line (the file could not be read).
    pub line: usize,
    pub message: String,
}

impl fmt::Display for HolidayFileError {
    /// `file:line: message`, the form editors and editors' tools jump to.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for HolidayFileError {}

/// All loaded holiday tables.
#[derive(Debug, Clone, Default)]
pub struct SchoolCalendar {
    /// Sorted by start date, then region.
    holidays: Vec<SchoolHoliday>,
    years: BTreeSet<SchoolYear>,
}

/// The file as written; kebab-case keys, unknown keys refused.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawFile {
    school_year: Spanned<String>,
    sources: Spanned<Vec<String>>,
    confidence: Confidence,
    #[serde(default, rename = "holiday")]
    holidays: Vec<Spanned<RawHoliday>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawHoliday {
    kind: HolidayKind,
    regions: Spanned<Vec<Region>>,
    start: Spanned<ContentDate>,
    end: Spanned<ContentDate>,
    binding: bool,
    #[serde(default)]
    confidence: Option<Confidence>,
    #[serde(default)]
    note: Option<String>,
    /// The note in English; required beside `note`.
    #[serde(default)]
    note_en: Option<String>,
    /// Optional: the entry's own sources instead of the file's.
    #[serde(default)]
    sources: Option<Vec<String>>,
}

impl SchoolCalendar {
    /// A calendar without any table: every holiday question gives [`NoData`]. Enough for terms
    /// in days, weeks, months and working days.
    pub fn empty() -> SchoolCalendar {
        SchoolCalendar::default()
    }

    /// Read and check every `*.toml` file in `dir` (not recursive), in sorted order.
    pub fn load_dir(dir: &Path) -> Result<SchoolCalendar, Vec<HolidayFileError>> {
        let io_error = |file: &Path, e: std::io::Error| HolidayFileError {
            file: file.to_path_buf(),
            line: 0,
            message: format!("cannot read: {e}"),
        };
        let entries = std::fs::read_dir(dir).map_err(|e| vec![io_error(dir, e)])?;
        let mut paths = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| vec![io_error(dir, e)])?.path();
            if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
                paths.push(path);
            }
        }
        paths.sort();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for path in paths {
            match std::fs::read_to_string(&path) {
                Ok(text) => files.push((path, text)),
                Err(e) => errors.push(io_error(&path, e)),
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        SchoolCalendar::from_files(&files)
    }

    /// Parse and check holiday tables given as (path, text). Pure: the path is only used to
    /// check the school year against the file name and to report errors.
    pub fn from_files(
        files: &[(PathBuf, String)],
    ) -> Result<SchoolCalendar, Vec<HolidayFileError>> {
        let mut errors = Vec::new();
        let mut holidays = Vec::new();
        // School year -> (file, line) of the table, to refuse two tables for one year and to
        // point at the table when a year misses a summer or Christmas.
        let mut tables: BTreeMap<SchoolYear, (PathBuf, usize)> = BTreeMap::new();

        for (path, text) in files {
            let mut file_errors = Vec::new();
            let mut report = |line: usize, message: String| {
                file_errors.push(HolidayFileError {
                    file: path.clone(),
                    line,
                    message,
                })
            };
            let raw: RawFile = match toml::from_str(text) {
                Ok(raw) => raw,
                Err(e) => {
                    let line = e.span().map_or(1, |span| line_of(text, span.start));
                    report(line, e.message().trim().to_string());
                    errors.extend(file_errors);
                    continue;
                }
            };
            let year_line = line_of(text, raw.school_year.span().start);
            let Some(school_year) =
                check_school_year(path, raw.school_year.get_ref(), year_line, &mut report)
            else {
                errors.extend(file_errors);
                continue;
            };
            if raw.sources.get_ref().is_empty() {
                report(
                    line_of(text, raw.sources.span().start),
                    "sources must name at least one source id".to_string(),
                );
            }
            if let Some((other, _)) = tables.get(&school_year) {
                report(
                    year_line,
                    format!(
                        "school year {school_year} is also defined in {}",
                        other.display()
                    ),
                );
            } else {
                tables.insert(school_year, (path.clone(), year_line));
            }

            for spanned in &raw.holidays {
                let entry_line = line_of(text, spanned.span().start);
                let raw_holiday = spanned.get_ref();
                let start = raw_holiday.start.get_ref().0;
                let end = raw_holiday.end.get_ref().0;
                let start_line = line_of(text, raw_holiday.start.span().start);
                let end_line = line_of(text, raw_holiday.end.span().start);
                let regions_line = line_of(text, raw_holiday.regions.span().start);
                let kind = raw_holiday.kind;

                if start > end {
                    report(start_line, format!("start {start} is after end {end}"));
                }
                if start.weekday() != Weekday::Saturday {
                    report(
                        start_line,
                        format!(
                            "start {start} is a {:?}; a school holiday starts on a Saturday",
                            start.weekday()
                        ),
                    );
                }
                if end.weekday() != Weekday::Sunday {
                    report(
                        end_line,
                        format!(
                            "end {end} is a {:?}; a school holiday ends on a Sunday (its last day, inclusive)",
                            end.weekday()
                        ),
                    );
                }
                check_within_school_year(kind, school_year, start, end, start_line, &mut report);

                let regions = raw_holiday.regions.get_ref();
                if regions.is_empty() {
                    report(
                        regions_line,
                        "regions must name at least one of noord, midden, zuid".to_string(),
                    );
                }
                let distinct: BTreeSet<Region> = regions.iter().copied().collect();
                if distinct.len() != regions.len() {
                    report(regions_line, "regions lists a region twice".to_string());
                }

                let confidence = raw_holiday.confidence.unwrap_or(raw.confidence);
                let note = raw_holiday
                    .note
                    .as_ref()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty());
                let note_en = raw_holiday
                    .note_en
                    .as_ref()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty());
                if note.is_some() && note_en.is_none() {
                    report(
                        entry_line,
                        "note-en is required beside note: the note in English, for English readers"
                            .to_string(),
                    );
                }
                if !confidence.is_certain() && note.is_none() {
                    report(
                        entry_line,
                        format!(
                            "note is required when confidence is {confidence}: say what is uncertain and which other dates were seen"
                        ),
                    );
                }
                let sources = raw_holiday
                    .sources
                    .clone()
                    .unwrap_or_else(|| raw.sources.get_ref().clone());
                if sources.is_empty() {
                    report(
                        entry_line,
                        "sources must name at least one source id".to_string(),
                    );
                }

                for region in distinct {
                    holidays.push(SchoolHoliday {
                        kind,
                        region,
                        school_year,
                        start,
                        end,
                        binding: raw_holiday.binding,
                        confidence,
                        note: note.clone(),
                        note_en: note_en.clone(),
                        sources: sources.clone(),
                        file: path.clone(),
                        line: entry_line,
                    });
                }
            }
            errors.extend(file_errors);
        }

        errors.extend(check_one_summer_and_christmas(&holidays, &tables));
        errors.extend(check_no_overlap(&holidays));

        if !errors.is_empty() {
            return Err(errors);
        }
        holidays.sort_by_key(|h| (h.start, h.region));
        Ok(SchoolCalendar {
            holidays,
            years: tables.into_keys().collect(),
        })
    }

    /// Every loaded holiday, sorted by start date and region.
    pub fn holidays(&self) -> &[SchoolHoliday] {
        &self.holidays
    }

    /// The school years that have a table.
    pub fn school_years(&self) -> impl Iterator<Item = SchoolYear> + '_ {
        self.years.iter().copied()
    }

    /// Whether a table is loaded for `school_year`.
    pub fn has_year(&self, school_year: SchoolYear) -> bool {
        self.years.contains(&school_year)
    }

    /// The school holiday of `region` on `day`, `None` when it is a school period.
    ///
    /// Needs the table of the day's school year, and in August and September also the table of
    /// the year before, because that year's summer holiday runs on into them.
    pub fn holiday_at(&self, day: Date, region: Region) -> Result<Option<&SchoolHoliday>, NoData> {
        if let Some(holiday) = self
            .holidays
            .iter()
            .find(|h| h.region == region && h.contains(day))
        {
            return Ok(Some(holiday));
        }
        let school_year = SchoolYear::of(day);
        if !self.has_year(school_year) {
            return Err(NoData {
                school_year,
                region,
            });
        }
        let previous = school_year.previous();
        if day <= previous.latest_summer_end() && !self.has_year(previous) {
            return Err(NoData {
                school_year: previous,
                region,
            });
        }
        Ok(None)
    }

    /// The zomervakantie that starts in `school_year` (it ends in the next one).
    pub fn summer(
        &self,
        school_year: SchoolYear,
        region: Region,
    ) -> Result<&SchoolHoliday, NoData> {
        self.holidays
            .iter()
            .find(|h| {
                h.kind == HolidayKind::Zomer && h.region == region && h.school_year == school_year
            })
            .ok_or(NoData {
                school_year,
                region,
            })
    }

    /// The zomervakantie that contains `day`, or else the first one that starts after it.
    pub fn next_summer(&self, day: Date, region: Region) -> Result<&SchoolHoliday, NoData> {
        let school_year = SchoolYear::of(day);
        // Early in a school year the previous summer may still be going on.
        let previous = school_year.previous();
        if day <= previous.latest_summer_end() {
            let summer = self.summer(previous, region)?;
            if summer.contains(day) {
                return Ok(summer);
            }
        }
        let summer = self.summer(school_year, region)?;
        if summer.end >= day {
            return Ok(summer);
        }
        // Cannot happen with checked tables (a summer ends after 31 July), but stay correct.
        self.summer(school_year.next(), region)
    }
}

/// 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn check_school_year(
    path: &Path,
    written: &str,
    line: usize,
    report: &mut impl FnMut(usize, String),
) -> Option<SchoolYear> {
    let school_year = match written.parse::<SchoolYear>() {
        Ok(school_year) => school_year,
        Err(_) => {
            report(
                line,
                format!("school-year \"{written}\" is not a school year like \"2027-2028\""),
            );
            return None;
        }
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default();
    if stem != written {
        report(
            line,
            format!(
                "school-year \"{written}\" does not match the file name; name the file {written}.toml"
            ),
        );
        return None;
    }
    Some(school_year)
}

fn check_within_school_year(
    kind: HolidayKind,
    school_year: SchoolYear,
    start: Date,
    end: Date,
    line: usize,
    report: &mut impl FnMut(usize, String),
) {
    let (first, last) = (school_year.first_day(), school_year.last_day());
    if kind == HolidayKind::Zomer {
        // The summer starts in this school year and ends in the next one.
        if start < first || start > last || end > school_year.latest_summer_end() {
            report(
                line,
                format!(
                    "zomer {start} to {end} must start within school year {school_year} ({first} to {last}) and end by {}",
                    school_year.latest_summer_end()
                ),
            );
        }
    } else if start < first || end > last {
        report(
            line,
            format!(
                "{} {start} to {end} is not within school year {school_year} ({first} to {last})",
                kind.key()
            ),
        );
    }
}

fn check_one_summer_and_christmas(
    holidays: &[SchoolHoliday],
    tables: &BTreeMap<SchoolYear, (PathBuf, usize)>,
) -> Vec<HolidayFileError> {
    let mut errors = Vec::new();
    for (school_year, (file, line)) in tables {
        for region in Region::ALL {
            for kind in [HolidayKind::Kerst, HolidayKind::Zomer] {
                let found: Vec<&SchoolHoliday> = holidays
                    .iter()
                    .filter(|h| {
                        h.school_year == *school_year && h.region == region && h.kind == kind
                    })
                    .collect();
                match found.as_slice() {
                    [_] => {}
                    [] => errors.push(HolidayFileError {
                        file: file.clone(),
                        line: *line,
                        message: format!("region {region} has no {} holiday in {school_year}", kind.key()),
                    }),
                    [_, second, ..] => errors.push(HolidayFileError {
                        file: second.file.clone(),
                        line: second.line,
                        message: format!(
                            "region {region} has {} {} holidays in {school_year}; exactly one is allowed",
                            found.len(),
                            kind.key()
                        ),
                    }),
                }
            }
        }
    }
    errors
}

/// Two holidays of one region may not overlap: `holiday_at` must have one answer.
fn check_no_overlap(holidays: &[SchoolHoliday]) -> Vec<HolidayFileError> {
    let mut errors = Vec::new();
    for region in Region::ALL {
        let mut of_region: Vec<&SchoolHoliday> =
            holidays.iter().filter(|h| h.region == region).collect();
        of_region.sort_by_key(|h| h.start);
        for pair in of_region.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if b.start <= a.end {
                errors.push(HolidayFileError {
                    file: b.file.clone(),
                    line: b.line,
                    message: format!(
                        "{} for region {region} overlaps {} ({}:{})",
                        b.kind.key(),
                        a.kind.key(),
                        a.file.display(),
                        a.line
                    ),
                });
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn school_year_boundaries() {
        assert_eq!(SchoolYear::of(date(2026, 7, 31)).to_string(), "2025-2026");
        assert_eq!(SchoolYear::of(date(2026, 8, 1)).to_string(), "2026-2027");
        assert_eq!(
            "2026-2027".parse::<SchoolYear>().unwrap(),
            SchoolYear::starting_in(2026)
        );
        assert!("2026-2028".parse::<SchoolYear>().is_err());
        assert!("2026/2027".parse::<SchoolYear>().is_err());
    }

    #[test]
    fn region_from_str() {
        assert_eq!("Zuid ".parse::<Region>().unwrap(), Region::Zuid);
        let err = "oost".parse::<Region>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "onbekende regio \"oost\": kies noord, midden of zuid"
        );
    }

    #[test]
    fn line_numbers() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
    }
}
