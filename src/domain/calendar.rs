//! Working days (Monday to Friday, less the public holidays kept as a setting), for the 15-working-day
//! clarification deadline.

use chrono::{Datelike, NaiveDate, Weekday};

use super::date::parse_date;
use crate::error::Invalid;

/// Parses the holiday setting: dates separated by commas.
pub fn parse_holidays(text: &str) -> Result<Vec<NaiveDate>, Invalid> {
    let mut days: Vec<NaiveDate> = text
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_date)
        .collect::<Result<_, _>>()?;
    days.sort();
    days.dedup();
    Ok(days)
}

/// Working days after `from` up to and including `to`.
pub fn working_days_between(from: NaiveDate, to: NaiveDate, holidays: &[NaiveDate]) -> i64 {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .filter(|d| {
            !matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
                && holidays.binary_search(d).is_err()
        })
        .count() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn weekends_and_holidays_do_not_count() {
        // Friday 3 Nov 2023 to Friday 10 Nov: Mon-Fri = 5 working days.
        assert_eq!(
            working_days_between(d("2023-11-03"), d("2023-11-10"), &[]),
            5
        );
        // With Wednesday 8 Nov as a holiday: 4.
        assert_eq!(
            working_days_between(d("2023-11-03"), d("2023-11-10"), &[d("2023-11-08")]),
            4
        );
        assert_eq!(
            working_days_between(d("2023-11-10"), d("2023-11-10"), &[]),
            0
        );
        assert_eq!(
            parse_holidays("2023-12-25, 25-12-2023,2023-01-01")
                .unwrap()
                .len(),
            2
        );
        assert!(parse_holidays("Christmas").is_err());
    }
}
