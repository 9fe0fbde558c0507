//! The dimensions a report is cut by (`report --by scheme,country`): each a code, as the column of
//! CSV and JSON output and the `--by` value. A closed list with no `Other`: dimensions are never
//! stored nor exchanged, only typed on the command line, so an unknown one is a clerk's typo,
//! refused with the dimensions of the report (`report::dimensions`).

use std::fmt;

macro_rules! dimensions {
    ($($variant:ident => $code:literal,)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Dimension {
            $($variant,)*
        }

        impl Dimension {
            pub const ALL: &'static [Dimension] = &[$(Dimension::$variant,)*];

            /// The code: the `--by` value and the output column.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Dimension::$variant => $code,)*
                }
            }
        }
    };
}

dimensions! {
    Month => "month",
    Scheme => "scheme",
    Country => "country",
    Sector => "sector",
    Regency => "regency",
    Sex => "sex",
    Occupation => "occupation",
    Education => "education",
    P3mi => "p3mi",
    AgeGroup => "age_group",
    Stage => "stage",
    CancelReason => "cancel_reason",
    Status => "status",
    Office => "office",
    Reason => "reason",
    Category => "category",
    Channel => "channel",
    ProceduralStatus => "procedural_status",
    Handling => "handling",
    Debarkation => "debarkation",
    HandedOver => "handed_over",
}

/// A dimension not in the list, named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownDimension(pub String);

impl std::str::FromStr for Dimension {
    type Err = UnknownDimension;
    fn from_str(text: &str) -> Result<Dimension, UnknownDimension> {
        let wanted = text.trim().to_lowercase();
        Dimension::ALL
            .iter()
            .copied()
            .find(|d| d.as_str() == wanted)
            .ok_or(UnknownDimension(wanted))
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_reads_back_and_an_unknown_one_is_named() {
        for d in Dimension::ALL {
            assert_eq!(d.as_str().parse::<Dimension>(), Ok(*d));
        }
        assert_eq!(" Scheme ".parse::<Dimension>(), Ok(Dimension::Scheme));
        assert_eq!(
            "schema".parse::<Dimension>(),
            Err(UnknownDimension("schema".into()))
        );
    }

    /// Every grouping a report source declares is a dimension of this list, and back.
    #[test]
    fn the_sources_cut_by_dimensions_of_this_list_only() {
        use crate::db::stats;
        let mut named: Vec<&str> = [
            &stats::PLACEMENTS,
            &stats::REGISTRATIONS,
            &stats::RECOMMENDATIONS,
            &stats::CASES,
            &stats::REPATRIATIONS,
        ]
        .iter()
        .flat_map(|s| s.dimension_names())
        .collect();
        named.sort();
        named.dedup();
        let mut ours: Vec<&str> = Dimension::ALL.iter().map(|d| d.as_str()).collect();
        ours.sort();
        assert_eq!(named, ours);
    }
}
