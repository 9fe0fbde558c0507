//! Calendar dates as clerks write them: `YYYY-MM-DD`, or day first (`DD-MM-YYYY`, `DD/MM/YYYY`);
//! never month first. And the Indonesian way of writing them out.

use chrono::{Datelike, NaiveDate};

use crate::error::Invalid;
use crate::i18n::Msg;
use crate::said;

/// The one rule for dates that record what happened: none after today (a date not yet come is a
/// typo, never a plan).
pub fn not_after_today(on: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    match on > today {
        true => Err(Invalid(said!(Msg::DateInFuture, on))),
        false => Ok(on),
    }
}

/// A typed date of something that has happened.
pub fn parse_past_date(input: &str, today: NaiveDate) -> Result<NaiveDate, Invalid> {
    not_after_today(parse_date(input)?, today)
}

pub fn parse_date(input: &str) -> Result<NaiveDate, Invalid> {
    let s = input.trim();
    let invalid = || Invalid(said!(Msg::DateInvalid, s));
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(invalid());
    }
    let number = |p: &str| p.parse::<u32>().map_err(|_| invalid());
    if parts.iter().all(|p| p.len() <= 2) {
        return Err(Invalid(said!(
            Msg::DateYearTwoDigits,
            s,
            four_digit_example(&parts)
        )));
    }
    let (year, month, day) = if parts[0].len() == 4 && s.contains('-') {
        (number(parts[0])?, number(parts[1])?, number(parts[2])?)
    } else if parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
        (number(parts[2])?, number(parts[1])?, number(parts[0])?)
    } else {
        return Err(invalid());
    };
    if !(1..=12).contains(&month) {
        return Err(Invalid(said!(Msg::DateNoSuchMonth, s, month)));
    }
    NaiveDate::from_ymd_opt(year as i32, month, day).ok_or_else(|| {
        match days_in_month(year as i32, month) {
            Some(last) if day > last => Invalid(said!(Msg::DateNoSuchDay, s, month, year, last)),
            _ => invalid(),
        }
    })
}

/// "17-8-90" written with its year in full, "17-08-1990", to show the form; a date that is no date
/// day first gets the form shown on another.
fn four_digit_example(parts: &[&str]) -> String {
    let number = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (day, month, year) = (number(parts[0]), number(parts[1]), number(parts[2]));
    let century = if year > 30 { 1900 } else { 2000 };
    match NaiveDate::from_ymd_opt((century + year) as i32, month, day) {
        Some(date) => date.format("%d-%m-%Y").to_string(),
        None => "17-08-1990".to_string(),
    }
}

/// The number of days of a month (None for a month or year chrono cannot hold).
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = match month {
        12 => NaiveDate::from_ymd_opt(year + 1, 1, 1)?,
        _ => NaiveDate::from_ymd_opt(year, month + 1, 1)?,
    };
    Some((next - first).num_days() as u32)
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// `8 November 2023`, as official letters write a date.
pub fn indonesian_long(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS_ID[date.month0() as usize],
        date.year()
    )
}

/// Full years between a birth date and a later date.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepted_forms() {
        assert_eq!(parse_date("2023-11-08"), Ok(d(2023, 11, 8)));
        assert_eq!(parse_date("08-11-2023"), Ok(d(2023, 11, 8)));
        assert_eq!(parse_date("8/11/2023"), Ok(d(2023, 11, 8)));
        assert_eq!(parse_date(" 31/12/1999 "), Ok(d(1999, 12, 31)));
    }

    #[test]
    fn month_first_and_impossible_dates_are_refused() {
        assert!(
            parse_date("11/31/2023").is_err(),
            "month 31 would be month-first"
        );
        assert!(parse_date("2023-02-30").is_err());
        assert!(parse_date("2023/11/08").is_err());
        assert!(parse_date("08-11-23").is_err());
        assert!(parse_date("yesterday").is_err());
        assert!(parse_date("").is_err());
    }

    /// Issue 20 (item 12): "17-8-90" was blamed on the day order; the year is short.
    #[test]
    fn a_two_digit_year_is_named_with_the_date_written_in_full() {
        let error = parse_date("17-8-90").unwrap_err();
        let id = error.0.render(crate::i18n::Lang::Id);
        assert!(
            id.contains("tahun harus empat angka, misalnya 17-08-1990"),
            "{id}"
        );
        assert!(!id.contains("hari dulu"), "{id}");
        let en = error.0.render(crate::i18n::Lang::En);
        assert!(en.contains("four digits, e.g. 17-08-1990"), "{en}");
        let error = parse_date("8/11/23").unwrap_err();
        assert!(error.to_string().contains("08-11-2023"), "{error}");
        let error = parse_date("90-08-17").unwrap_err();
        assert_eq!(error.0.msg, Msg::DateYearTwoDigits);
    }

    /// Issue 12: 31-02-2024 was reported as a format error; the form was right, the day is not.
    #[test]
    fn an_impossible_day_or_month_is_named_not_blamed_on_the_format() {
        let message = parse_date("31-02-2024").unwrap_err().to_string();
        assert!(message.contains("29"), "{message}");
        assert!(!message.contains("YYYY-MM-DD"), "{message}");
        let message = parse_date("2023-02-29").unwrap_err().to_string();
        assert!(message.contains("28"), "{message}");
        let message = parse_date("11/31/2023").unwrap_err().to_string();
        assert!(
            message.contains("31") && message.contains("DD-MM-YYYY"),
            "{message}"
        );
        assert_eq!(parse_date("29-02-2024"), Ok(d(2024, 2, 29)));
    }

    #[test]
    fn long_indonesian_form_and_age() {
        assert_eq!(indonesian_long(d(2023, 11, 8)), "8 November 2023");
        assert_eq!(age_on(d(2005, 11, 9), d(2023, 11, 8)), 17);
        assert_eq!(age_on(d(2005, 11, 8), d(2023, 11, 8)), 18);
    }
}
