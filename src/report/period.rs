//! The period a figure covers, from `--from/--to`, `--year`, `--month` or `--ytd`, and the earlier
//! period it can be compared with. Every figure carries its period written out.

use chrono::{Datelike, Duration, Months, NaiveDate};

use crate::domain::date::{indonesian_long, parse_date};
use crate::error::{usage, Invalid};
use crate::i18n::{lang, Lang, Msg};
use crate::t;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Default)]
pub struct PeriodArgs<'a> {
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    pub year: Option<&'a str>,
    pub month: Option<&'a str>,
    pub ytd: bool,
}

/// The first day of a month written `YYYY-MM`, `MM-YYYY` or `MM/YYYY` (as a clerk writes a date,
/// day first, without the day).
fn month_start(text: &str) -> Result<NaiveDate, Invalid> {
    let invalid = || Invalid(crate::said!(Msg::MonthInvalid, text));
    let s = text.trim();
    let digits = |p: &str| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit());
    let (y, m) = match s.split_once(['-', '/']).ok_or_else(invalid)? {
        (y, m) if y.len() == 4 && m.len() <= 2 && s.contains('-') => (y, m),
        (m, y) if y.len() == 4 && m.len() <= 2 => (y, m),
        _ => return Err(invalid()),
    };
    if !digits(y) || !digits(m) {
        return Err(invalid());
    }
    let (y, m) = (
        y.parse::<i32>().map_err(|_| invalid())?,
        m.parse::<u32>().map_err(|_| invalid())?,
    );
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(invalid)
}

fn year_start(text: &str) -> Result<NaiveDate, Invalid> {
    let year = text
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|y| (1900..=2999).contains(y));
    year.and_then(|y| NaiveDate::from_ymd_opt(y, 1, 1))
        .ok_or_else(|| Invalid(crate::said!(Msg::YearInvalid, text)))
}

impl Period {
    /// One way of naming a period, else the year to date.
    pub fn from_args(a: &PeriodArgs, today: NaiveDate) -> anyhow::Result<Period> {
        let chosen = [
            a.from.is_some() || a.to.is_some(),
            a.year.is_some(),
            a.month.is_some(),
            a.ytd,
        ]
        .iter()
        .filter(|c| **c)
        .count();
        if chosen > 1 {
            return Err(usage(t!(Msg::PeriodOptionsClash)));
        }
        let period = if let Some(year) = a.year {
            let from = year_start(year)?;
            Period {
                from,
                to: NaiveDate::from_ymd_opt(from.year(), 12, 31).expect("31 December exists"),
            }
        } else if let Some(month) = a.month {
            let from = month_start(month)?;
            Period {
                from,
                to: from + Months::new(1) - Duration::days(1),
            }
        } else if a.from.is_some() || a.to.is_some() {
            let from = a.from.ok_or_else(|| usage(t!(Msg::PeriodNeedsFrom)))?;
            let from = parse_date(from)?;
            let to = a.to.map(parse_date).transpose()?.unwrap_or(today);
            Period { from, to }
        } else {
            Period {
                from: NaiveDate::from_ymd_opt(today.year(), 1, 1).expect("1 January exists"),
                to: today,
            }
        };
        if period.to < period.from {
            return Err(Invalid(crate::said!(Msg::PeriodReversed, period.from, period.to)).into());
        }
        Ok(period)
    }

    pub fn days(&self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    fn is_whole_months(&self) -> bool {
        self.from.day() == 1 && (self.to + Duration::days(1)).day() == 1
    }

    /// The period just before: the previous month(s) for whole months, else as many days.
    pub fn previous_period(&self) -> Period {
        if self.is_whole_months() {
            let months = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
                - self.from.month() as i32
                + 1;
            let from = self.from - Months::new(months as u32);
            return Period {
                from,
                to: self.from - Duration::days(1),
            };
        }
        Period {
            from: self.from - Duration::days(self.days()),
            to: self.from - Duration::days(1),
        }
    }

    /// The same dates a year earlier (29 February becomes 28 February).
    pub fn previous_year(&self) -> Period {
        let back = |d: NaiveDate| d - Months::new(12);
        Period {
            from: back(self.from),
            to: back(self.to),
        }
    }

    /// The months the period touches, as `YYYY-MM`.
    pub fn months(&self) -> Vec<String> {
        let mut months = Vec::new();
        let mut month = NaiveDate::from_ymd_opt(self.from.year(), self.from.month(), 1)
            .expect("first of month exists");
        while month <= self.to {
            months.push(month.format("%Y-%m").to_string());
            month = month + Months::new(1);
        }
        months
    }

    /// `1 Januari - 8 November 2023`, as published statements write a period.
    pub fn written_id(&self) -> String {
        if self.from.year() == self.to.year() {
            let from = indonesian_long(self.from);
            let from = from
                .rsplit_once(' ')
                .map(|(dm, _)| dm.to_string())
                .unwrap_or(from);
            format!("{from} - {}", indonesian_long(self.to))
        } else {
            format!(
                "{} - {}",
                indonesian_long(self.from),
                indonesian_long(self.to)
            )
        }
    }

    /// The period in the clerk's language.
    pub fn written(&self) -> String {
        match lang() {
            Lang::Id => self.written_id(),
            Lang::En => format!("{} to {}", self.from, self.to),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn period(a: PeriodArgs) -> Period {
        Period::from_args(&a, d("2023-11-08")).unwrap()
    }

    #[test]
    fn a_month_is_year_first_or_month_first() {
        for text in ["2023-11", "11-2023", "11/2023", " 11-2023 "] {
            assert_eq!(month_start(text), Ok(d("2023-11-01")), "{text}");
        }
        assert_eq!(month_start("3/2024"), Ok(d("2024-03-01")));
        for text in [
            "13-2023",
            "2023/11",
            "11-23",
            "2023-11-01",
            "11-",
            "-2023",
            "+1-2023",
        ] {
            assert!(month_start(text).is_err(), "{text}");
        }
    }

    #[test]
    fn ways_of_naming_a_period() {
        assert_eq!(
            period(PeriodArgs {
                year: Some("2022"),
                ..Default::default()
            }),
            Period {
                from: d("2022-01-01"),
                to: d("2022-12-31")
            }
        );
        assert_eq!(
            period(PeriodArgs {
                month: Some("2024-02"),
                ..Default::default()
            }),
            Period {
                from: d("2024-02-01"),
                to: d("2024-02-29")
            }
        );
        assert_eq!(
            period(PeriodArgs {
                ytd: true,
                ..Default::default()
            }),
            Period {
                from: d("2023-01-01"),
                to: d("2023-11-08")
            }
        );
        assert_eq!(
            period(PeriodArgs {
                from: Some("01/01/2023"),
                to: Some("2023-11-08"),
                ..Default::default()
            })
            .days(),
            312
        );
        assert!(Period::from_args(
            &PeriodArgs {
                year: Some("2022"),
                ytd: true,
                ..Default::default()
            },
            d("2023-11-08")
        )
        .is_err());
        assert!(Period::from_args(
            &PeriodArgs {
                from: Some("2023-02-01"),
                to: Some("2023-01-01"),
                ..Default::default()
            },
            d("2023-11-08")
        )
        .is_err());
        assert!(Period::from_args(
            &PeriodArgs {
                to: Some("2023-01-01"),
                ..Default::default()
            },
            d("2023-11-08")
        )
        .is_err());
    }

    #[test]
    fn earlier_periods() {
        let march = Period {
            from: d("2024-03-01"),
            to: d("2024-03-31"),
        };
        assert_eq!(
            march.previous_period(),
            Period {
                from: d("2024-02-01"),
                to: d("2024-02-29")
            }
        );
        assert_eq!(
            march.previous_year(),
            Period {
                from: d("2023-03-01"),
                to: d("2023-03-31")
            }
        );
        let ten_days = Period {
            from: d("2023-11-01"),
            to: d("2023-11-10"),
        };
        assert_eq!(
            ten_days.previous_period(),
            Period {
                from: d("2023-10-22"),
                to: d("2023-10-31")
            }
        );
        let year = Period {
            from: d("2023-01-01"),
            to: d("2023-12-31"),
        };
        assert_eq!(
            year.previous_period(),
            Period {
                from: d("2022-01-01"),
                to: d("2022-12-31")
            }
        );
    }

    #[test]
    fn written_out_the_indonesian_way() {
        let p = Period {
            from: d("2023-01-01"),
            to: d("2023-11-08"),
        };
        assert_eq!(p.written_id(), "1 Januari - 8 November 2023");
        assert_eq!(p.months().len(), 11);
        let across = Period {
            from: d("2022-12-01"),
            to: d("2023-01-31"),
        };
        assert_eq!(across.written_id(), "1 Desember 2022 - 31 Januari 2023");
    }
}
