//! Reflecting a learner's self-assessment against the profile the seed article (section 8)
//! names for taking part in restaking: staking experience, a medium-to-high risk
//! tolerance, the ability to monitor actively, no near-term need for the money, and a
//! position that is a modest share of one's wealth.
//!
//! This is not a score to act on and never a recommendation: each answer is mapped to
//! whether it meets the article's criterion, partly meets it, or does not yet, so the
//! chapter can say *why* and point to the chapter that teaches the missing piece. The
//! position-size bands (under 5 %, 5–25 %, over 25 % of net worth) are illustrative
//! assumptions, not a rule from any source.

/// The criteria, in the order the chapter asks about them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Criterion {
    /// Experience with staking.
    Experience,
    /// Tolerance for losing part of the principal.
    RiskTolerance,
    /// Ability to watch operators, slashing events and upgrades.
    Monitoring,
    /// When the money may be needed.
    Liquidity,
    /// The position's share of net worth.
    PositionSize,
}

impl Criterion {
    /// All criteria, in order.
    pub const ALL: [Criterion; 5] = [
        Criterion::Experience,
        Criterion::RiskTolerance,
        Criterion::Monitoring,
        Criterion::Liquidity,
        Criterion::PositionSize,
    ];

    /// Number of answer options (answers are 1..=options; 0 = not answered).
    pub fn options(self) -> u8 {
        match self {
            Criterion::Experience => 4,
            _ => 3,
        }
    }
}

/// How one answer compares with the article's criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// No answer given yet.
    Unanswered,
    /// The answer does not meet the criterion yet.
    NotYet,
    /// Partly meets it.
    Partly,
    /// Meets it.
    Meets,
}

/// Maps answer `a` (1-based option; 0 = unanswered) for `c` to a [`Fit`]. Options are
/// ordered from the weakest fit to the strongest: for experience, 1 none, 2 exchange
/// staking only, 3 LSTs or DeFi, 4 run a validator or restaked before; for the others,
/// option 1 does not meet, 2 partly meets, 3 meets. Out-of-range answers count as
/// unanswered.
pub fn fit(c: Criterion, a: u8) -> Fit {
    if a == 0 || a > c.options() {
        return Fit::Unanswered;
    }
    match (c, a) {
        (Criterion::Experience, 1 | 2) => Fit::NotYet,
        (Criterion::Experience, 3) => Fit::Partly,
        (Criterion::Experience, _) => Fit::Meets,
        (_, 1) => Fit::NotYet,
        (_, 2) => Fit::Partly,
        _ => Fit::Meets,
    }
}

/// The fit of every criterion and the counts of each kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reflection {
    /// One fit per criterion, in [`Criterion::ALL`] order.
    pub fits: [(Criterion, Fit); 5],
    /// How many meet.
    pub meets: usize,
    /// How many partly meet.
    pub partly: usize,
    /// How many do not yet.
    pub not_yet: usize,
    /// How many are unanswered.
    pub unanswered: usize,
}

/// Reflects the five answers (in [`Criterion::ALL`] order).
pub fn reflect(answers: [u8; 5]) -> Reflection {
    let fits = core::array::from_fn(|i| {
        let c = Criterion::ALL[i];
        (c, fit(c, answers[i]))
    });
    let n = |f: Fit| fits.iter().filter(|(_, x)| *x == f).count();
    Reflection {
        meets: n(Fit::Meets),
        partly: n(Fit::Partly),
        not_yet: n(Fit::NotYet),
        unanswered: n(Fit::Unanswered),
        fits,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn golden_answers() {
        let r = reflect([4, 3, 3, 3, 3]);
        assert_eq!((r.meets, r.partly, r.not_yet, r.unanswered), (5, 0, 0, 0));
        let r = reflect([0, 0, 0, 0, 0]);
        assert_eq!(r.unanswered, 5);
        let r = reflect([2, 2, 1, 3, 9]);
        assert_eq!(
            r.fits.map(|(_, f)| f),
            [
                Fit::NotYet,
                Fit::Partly,
                Fit::NotYet,
                Fit::Meets,
                Fit::Unanswered
            ]
        );
        assert_eq!((r.meets, r.partly, r.not_yet, r.unanswered), (1, 1, 2, 1));
    }

    proptest::proptest! {
        #[test]
        fn counts_add_up_and_higher_options_never_fit_worse(a in proptest::array::uniform5(0u8..6)) {
            let r = reflect(a);
            proptest::prop_assert_eq!(r.meets + r.partly + r.not_yet + r.unanswered, 5);
            for c in Criterion::ALL {
                for x in 1..c.options() {
                    let rank = |f: Fit| match f { Fit::Unanswered => 0, Fit::NotYet => 1, Fit::Partly => 2, Fit::Meets => 3 };
                    proptest::prop_assert!(rank(fit(c, x + 1)) >= rank(fit(c, x)));
                }
            }
        }
    }
}
