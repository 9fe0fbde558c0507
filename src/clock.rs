//! The clock every command reads: the real one, or `PMI_DESK_NOW` (`YYYY-MM-DD` or RFC 3339) for
//! tests and for entering past records.

use chrono::{DateTime, Datelike, Local, NaiveDate, Utc};

use crate::domain::record::Timestamp;
use crate::error::{usage, Invalid};
use crate::i18n::Msg;

/// The years a clock may give: every stamp of them is stored in the one form that reads back.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 9999;

#[derive(Clone, Copy, Debug)]
pub struct Clock {
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
}

impl Clock {
    pub fn from_env() -> anyhow::Result<Clock> {
        match std::env::var("PMI_DESK_NOW") {
            Ok(value) if !value.trim().is_empty() => {
                Clock::parse(&value).map_err(|e| usage(e.to_string()))
            }
            _ => {
                let local = Local::now();
                Ok(Clock {
                    now: local.with_timezone(&Utc),
                    today: local.date_naive(),
                })
            }
        }
    }

    pub fn parse(value: &str) -> Result<Clock, Invalid> {
        let value = value.trim();
        let clock = if let Ok(date) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
            let now = date
                .and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_utc();
            Clock { now, today: date }
        } else {
            DateTime::parse_from_rfc3339(value)
                .map(|moment| Clock {
                    now: moment.with_timezone(&Utc),
                    today: moment.date_naive(),
                })
                .map_err(|_| Invalid(crate::said!(Msg::ClockInvalid, value)))?
        };
        // A stamp is stored as `YYYY-MM-DDTHH:MM:SS.mmmZ`: a year of five digits (or a negative
        // one) would be written but never read back, and the record could no longer be shown or
        // changed. The clock is refused before anything is written.
        let readable = |d: NaiveDate| (FIRST_YEAR..=LAST_YEAR).contains(&d.year());
        if !readable(clock.today) || !readable(clock.now.date_naive()) {
            return Err(Invalid(crate::said!(
                Msg::ClockOutOfRange,
                value,
                FIRST_YEAR,
                LAST_YEAR
            )));
        }
        Ok(clock)
    }

    /// The moment as stored: RFC 3339 in UTC with milliseconds (`2023-11-08T09:30:00.000Z`).
    pub fn timestamp(&self) -> Timestamp {
        Timestamp::from_datetime(self.now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_moments() {
        let day = Clock::parse("2023-11-08").unwrap();
        assert_eq!(day.timestamp().as_str(), "2023-11-08T00:00:00.000Z");
        assert_eq!(day.today.to_string(), "2023-11-08");
        let moment = Clock::parse("2023-11-08T23:30:00+07:00").unwrap();
        assert_eq!(moment.timestamp().as_str(), "2023-11-08T16:30:00.000Z");
        assert_eq!(moment.today.to_string(), "2023-11-08");
        assert!(Clock::parse("tomorrow").is_err());
    }

    /// Regression (hardening item 10): a clock past 9999 stored stamps that never read back.
    #[test]
    fn a_clock_whose_stamps_would_not_read_back_is_refused() {
        for value in [
            "+10000-01-01",
            "10000-01-01",
            "+10000-01-01T00:00:00Z",
            "9999-12-31T23:00:00-05:00",
            "-0001-01-01",
            "1899-12-31",
        ] {
            assert!(Clock::parse(value).is_err(), "{value}");
        }
        let last = Clock::parse("9999-12-31T23:59:59Z").unwrap();
        assert!(Timestamp::parse(last.timestamp().as_str()).is_ok());
    }
}
