//! Is a table plausible for the region it replaces? Refused, with the
//! figures, when it is not: a total outside [`FACTOR`] of the published one,
//! women outside [`FEMALE_SHARE`] of it, one age group holding more than a
//! real population ever does ([`MAX_GROUP_SHARE`]), or counts that do not
//! add up to a finite number. Accepted with a note when it is plausible but
//! far from the published total or from the estimate.

use super::table::{AgeGroup, Table, Width};
use super::{Note, Problem, ProblemKind};

/// A table's total must lie within this factor of the region's published
/// 2020 total (half to twice).
pub const FACTOR: f64 = 2.0;
/// The share of women a table may have.
pub const FEMALE_SHARE: (f64, f64) = (0.4, 0.6);
/// The largest share of the total one group as given may hold: a single
/// year, or a five-year group. Real populations stay far below (Liangshan's
/// largest single year is under 3%, its largest five-year group under 12%).
pub const MAX_GROUP_SHARE: [(Width, f64); 2] = [(Width::Single, 0.10), (Width::Five, 0.25)];
/// A note when the total is more than this fraction from the published one.
pub const NOTE_TOTAL: f64 = 0.10;
/// A note when a five-year group is more than this factor above or below
/// the estimate's (where the estimate has at least 0.5% of the total).
pub const NOTE_GROUP: f64 = 2.0;

/// What a region's table is held against.
#[derive(Clone, Copy, Debug)]
pub struct Expectation<'a> {
    /// The region's resident population in the 2020 census.
    pub published_total: f64,
    /// The estimate it replaces, single years 0..=100 by sex.
    pub female: &'a [f64],
    pub male: &'a [f64],
}

pub fn check(t: &Table, e: &Expectation) -> Result<Vec<Note>, Vec<Problem>> {
    let total = t.total();
    if !total.is_finite() {
        return Err(vec![Problem::file(ProblemKind::NotFinite)]);
    }
    let published = e.published_total;
    if !(total >= published / FACTOR && total <= published * FACTOR) {
        return Err(vec![Problem::file(ProblemKind::Total { total, published, factor: FACTOR })]);
    }
    let female_share = t.female.iter().sum::<f64>() / total;
    if !(FEMALE_SHARE.0..=FEMALE_SHARE.1).contains(&female_share) {
        return Err(vec![Problem::file(ProblemKind::SexShare { female_share })]);
    }
    let max_share = MAX_GROUP_SHARE.iter().find(|(w, _)| *w == t.width).map_or(0.25, |m| m.1);
    if let Some(&(group, f, m)) = t.groups.iter().find(|(_, f, m)| (f + m) / total > max_share) {
        return Err(vec![Problem::file(ProblemKind::GroupShare { group, persons: f + m, total, max_share })]);
    }
    let mut notes = Vec::new();
    if (total / published - 1.0).abs() > NOTE_TOTAL {
        notes.push(Note::FarFromPublished { total, published });
    }
    let estimate_total: f64 = e.female.iter().chain(e.male).sum();
    let by_five = |f: &[f64], m: &[f64], g: usize| f[g * 5..g * 5 + 5].iter().chain(&m[g * 5..g * 5 + 5]).sum::<f64>();
    let groups: Vec<(AgeGroup, f64, f64)> = (0..17)
        .filter_map(|g| {
            let (mine, est) = (by_five(&t.female, &t.male, g), by_five(e.female, e.male, g) / estimate_total * total);
            let far = est >= 0.005 * total && (mine > est * NOTE_GROUP || mine < est / NOTE_GROUP);
            far.then_some((AgeGroup { from: g * 5, width: Some(5) }, mine, est))
        })
        .collect();
    if !groups.is_empty() {
        notes.push(Note::FarFromEstimate { groups });
    }
    Ok(notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(female: Vec<f64>, male: Vec<f64>) -> Table {
        let groups = (0..101).map(|a| (AgeGroup { from: a, width: if a == 100 { None } else { Some(1) } }, female[a], male[a])).collect();
        Table { width: Width::Single, groups, female, male }
    }

    fn flat(per_age: f64) -> Vec<f64> {
        vec![per_age; 101]
    }

    #[test]
    fn refuses_absurd_tables_with_their_figures() {
        let (f, m) = (flat(1000.0), flat(1000.0));
        let e = Expectation { published_total: 202_000.0, female: &f, male: &m };
        assert_eq!(check(&table(f.clone(), m.clone()), &e).unwrap(), Vec::new());
        let kind = |t: Table| check(&t, &e).unwrap_err().remove(0).kind;
        assert!(matches!(kind(table(flat(0.0), flat(0.0))), ProblemKind::Total { total, .. } if total == 0.0));
        assert!(matches!(kind(table(flat(0.06), flat(0.06))), ProblemKind::Total { .. }), "a dozen people");
        let mut huge = flat(1000.0);
        huge[40] = 1e308;
        assert!(matches!(kind(table(huge.clone(), huge)), ProblemKind::NotFinite));
        let mut one = flat(1000.0);
        one[40] = 1e308;
        assert!(matches!(kind(table(one, flat(1000.0))), ProblemKind::Total { .. }));
        assert!(matches!(kind(table(flat(1500.0), flat(500.0))), ProblemKind::SexShare { female_share } if female_share == 0.75));
        let mut spike = flat(800.0);
        spike[30] = 30_000.0;
        assert!(matches!(kind(table(spike, flat(800.0))), ProblemKind::GroupShare { group: AgeGroup { from: 30, .. }, .. }));
    }

    #[test]
    fn notes_what_is_plausible_but_far_from_the_estimate() {
        let (f, m) = (flat(1000.0), flat(1000.0));
        let e = Expectation { published_total: 202_000.0, female: &f, male: &m };
        let notes = check(&table(flat(1300.0), flat(1300.0)), &e).unwrap();
        assert!(matches!(notes[..], [Note::FarFromPublished { .. }]), "{notes:?}");
        let mut young = flat(900.0);
        young[..5].iter_mut().for_each(|v| *v = 4000.0);
        let notes = check(&table(young.clone(), young), &e).unwrap();
        assert!(matches!(&notes[..], [Note::FarFromEstimate { groups }] if groups[0].0.from == 0), "{notes:?}");
    }
}
