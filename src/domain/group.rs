//! The groups the published statistics count by that no record stores: a worker's age group and a
//! case's handling group. Each is declared once, here: the report's expected groups and the SQL
//! that groups the records (`src/db/stats.rs`) are both built from these declarations.

use super::codes::CodeList;
use super::CaseStatus;

/// An age group: the lowest age it counts (in full years) and its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AgeGroup {
    pub from: i32,
    pub code: &'static str,
}

/// The age groups, youngest first. Each runs up to the next one's lowest age; the last has no end.
/// An age under the first group's lowest age (a mistyped birth date: a worker is placed at 18 at
/// the earliest) counts in the first group.
pub const AGE_GROUPS: &[AgeGroup] = &[
    AgeGroup {
        from: 18,
        code: "18-24",
    },
    AgeGroup {
        from: 25,
        code: "25-34",
    },
    AgeGroup {
        from: 35,
        code: "35-44",
    },
    AgeGroup {
        from: 45,
        code: "45+",
    },
];

/// The code of the age group of a worker `age` years old.
pub fn age_group(age: i32) -> &'static str {
    AGE_GROUPS
        .iter()
        .rev()
        .find(|g| age >= g.from)
        .unwrap_or(&AGE_GROUPS[0])
        .code
}

/// How a case counts in the handling report: done once resolved or closed, else in process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handling {
    Done,
    InProcess,
}

impl Handling {
    /// In the order a report lists them.
    pub const ALL: &'static [Handling] = &[Handling::Done, Handling::InProcess];

    /// The code: the report's value and output cell.
    pub fn code(self) -> &'static str {
        match self {
            Handling::Done => "DONE",
            Handling::InProcess => "IN_PROCESS",
        }
    }

    /// The group of a case in `status`. Every status is named: a new one must be given its group.
    pub fn of(status: CaseStatus) -> Handling {
        match status {
            CaseStatus::Resolved | CaseStatus::Closed => Handling::Done,
            CaseStatus::New | CaseStatus::InProgress | CaseStatus::Referred => Handling::InProcess,
        }
    }

    /// The statuses whose cases are in this group, in the code list's order.
    pub fn statuses(self) -> Vec<CaseStatus> {
        CaseStatus::all()
            .iter()
            .copied()
            .filter(|s| Handling::of(*s) == self)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_age_groups_rise_and_each_age_has_the_group_whose_range_holds_it() {
        assert!(AGE_GROUPS.windows(2).all(|w| w[0].from < w[1].from));
        assert_eq!(age_group(17), "18-24");
        assert_eq!(age_group(18), "18-24");
        assert_eq!(age_group(24), "18-24");
        assert_eq!(age_group(25), "25-34");
        assert_eq!(age_group(34), "25-34");
        assert_eq!(age_group(35), "35-44");
        assert_eq!(age_group(44), "35-44");
        assert_eq!(age_group(45), "45+");
        assert_eq!(age_group(90), "45+");
    }

    #[test]
    fn resolved_and_closed_cases_are_done_the_others_in_process() {
        assert_eq!(
            Handling::Done.statuses(),
            [CaseStatus::Resolved, CaseStatus::Closed]
        );
        assert_eq!(
            Handling::InProcess.statuses(),
            [
                CaseStatus::New,
                CaseStatus::InProgress,
                CaseStatus::Referred
            ]
        );
    }
}
