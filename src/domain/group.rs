//! The groups the published statistics count by that no record stores: a worker's age group, a
//! case's handling group and a recommendation's decision. Each is declared once, here: the
//! report's expected groups and the SQL that groups the records (`src/db/stats.rs`) are both built
//! from these declarations.

use super::codes::CodeList;
use super::{CaseStatus, ClosureReason, RecommendationStatus};

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

/// How a case counts in the handling report, as the agency publishes it ("resolved" vs "in
/// process"): done once resolved, or closed by the office for a reason of Perban 6/2024 Art. 30
/// (its handling ended there); in process while open, and when closed as handed to another agency,
/// whose handling of it goes on (a trafficking case handed to the police is not done).
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

    /// The group of a case in `status`, closed (if it is) for `reason`. Every status and reason is
    /// named: a new one must be given its group.
    pub fn of(status: CaseStatus, reason: Option<ClosureReason>) -> Handling {
        match status {
            CaseStatus::Resolved => Handling::Done,
            CaseStatus::Closed => match reason {
                Some(ClosureReason::HandedToAgency) => Handling::InProcess,
                Some(
                    ClosureReason::DocsNotCompleted30d
                    | ClosureReason::NoClarification15wd
                    | ClosureReason::Unreachable60d
                    | ClosureReason::NoResponse6m,
                )
                | None => Handling::Done,
            },
            CaseStatus::New | CaseStatus::InProgress | CaseStatus::Referred => Handling::InProcess,
        }
    }

    /// Every (status, closure reason) a case can stand in whose case is in this group, in the
    /// code lists' order (the reason `None` first).
    pub fn states(self) -> Vec<(CaseStatus, Option<ClosureReason>)> {
        let reasons: Vec<Option<ClosureReason>> = std::iter::once(None)
            .chain(ClosureReason::all().iter().copied().map(Some))
            .collect();
        CaseStatus::all()
            .iter()
            .flat_map(|s| reasons.iter().map(move |r| (*s, *r)))
            .filter(|(s, r)| Handling::of(*s, *r) == self)
            .collect()
    }
}

/// How a recommendation counts in the report by decision: a letter issued counts as issued in the
/// period of its decision whatever became of it later (used for a passport, or voided); a refusal
/// as refused.
pub fn decision(status: RecommendationStatus) -> RecommendationStatus {
    match status {
        RecommendationStatus::Refused => RecommendationStatus::Refused,
        RecommendationStatus::Issued | RecommendationStatus::Used | RecommendationStatus::Void => {
            RecommendationStatus::Issued
        }
    }
}

/// The decisions a report by decision lists, in the code list's order.
pub fn decisions() -> Vec<RecommendationStatus> {
    let mut out: Vec<RecommendationStatus> = Vec::new();
    for s in RecommendationStatus::all() {
        if !out.contains(&decision(*s)) {
            out.push(decision(*s));
        }
    }
    out
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
    fn resolved_and_closed_cases_are_done_unless_handed_to_another_agency() {
        use ClosureReason::*;
        assert_eq!(Handling::of(CaseStatus::Resolved, None), Handling::Done);
        for reason in [
            DocsNotCompleted30d,
            NoClarification15wd,
            Unreachable60d,
            NoResponse6m,
        ] {
            assert_eq!(
                Handling::of(CaseStatus::Closed, Some(reason)),
                Handling::Done,
                "{reason:?}"
            );
        }
        assert_eq!(
            Handling::of(CaseStatus::Closed, Some(HandedToAgency)),
            Handling::InProcess,
            "handed to the police, a trafficking case is still being handled"
        );
        for status in [
            CaseStatus::New,
            CaseStatus::InProgress,
            CaseStatus::Referred,
        ] {
            assert_eq!(Handling::of(status, None), Handling::InProcess);
        }
        let done = Handling::Done.states();
        assert!(done.contains(&(CaseStatus::Closed, Some(Unreachable60d))));
        assert!(!done.contains(&(CaseStatus::Closed, Some(HandedToAgency))));
        assert!(Handling::InProcess
            .states()
            .contains(&(CaseStatus::Closed, Some(HandedToAgency))));
    }

    #[test]
    fn a_letter_used_or_voided_later_was_issued() {
        use RecommendationStatus::*;
        assert_eq!(decision(Issued), Issued);
        assert_eq!(decision(Used), Issued);
        assert_eq!(decision(Void), Issued);
        assert_eq!(decision(Refused), Refused);
        assert_eq!(decisions(), [Issued, Refused]);
    }
}
