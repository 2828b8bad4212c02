//! Liangshan's 2020 base population by sex and single year of age: an
//! ESTIMATE. The census table by age and sex is not public; what is public
//! are aggregates (表1's three groups, the 60+ count, the 10-14 and 55-59
//! shares, the totals by sex). The estimate takes a stable-population shape
//! from a model life table at the plan's life expectancy and rakes it
//! (iterative proportional fitting) to every aggregate at once, then reports
//! how well each constraint is met, including those it cannot meet.

use serde::Serialize;

use crate::data::external::{census_fact, wpp_china};
use crate::data::facts::fact;
use crate::data::tables::TABLE1;
use crate::data::Source;
use crate::demography::mortality::Mortality;
use crate::demography::single_year::{single_year, SingleYear};
use crate::demography::Sex;
use crate::error::Error;
use crate::i18n::Text;

/// Single years 0..=100; 100 is 100 and over.
pub const AGES: usize = 101;

/// Sex ratio at birth assumed for the prior shape (males per female): within
/// the natural range; Liangshan's is not published.
pub const PRIOR_SRB: f64 = 1.06;

/// Boys' infant mortality over girls': the plan gives one rate for both.
pub const MALE_INFANT_EXCESS: f64 = 1.15;

/// One published aggregate and how the estimate meets it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fit {
    pub id: &'static str,
    pub what: Text,
    pub target: f64,
    pub estimate: f64,
    /// The tolerance the target carries (its printed rounding, or what
    /// "about" allows).
    pub tolerance: f64,
    pub met: bool,
    /// Where the target comes from.
    pub source: Source,
}

/// The estimated base population and its fit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BasePopulation {
    pub year: u16,
    pub female: Vec<f64>,
    pub male: Vec<f64>,
    pub e0_female: f64,
    pub e0_male: f64,
    /// Births in the base year implied by the population aged 0.
    pub births: f64,
    /// The total fertility rate those births imply (Booth's standard pattern).
    pub tfr: f64,
    pub fit: Vec<Fit>,
    /// Always true: this is an estimate, and every display must say so.
    pub estimate: bool,
    /// The mortality model, fitted to the base year's life expectancy and
    /// infant mortality.
    pub mortality: Mortality,
}

use crate::error::missing_data as missing;

fn sum(v: &[f64], from: usize, to: usize) -> f64 {
    v[from..=to.min(v.len() - 1)].iter().sum()
}

/// Age cells that the published aggregates partition the population into.
/// The last split, at 75, comes from 2010's 65+ ten years on (see `estimate`).
const CELLS: [(usize, usize); 7] = [(0, 9), (10, 14), (15, 54), (55, 59), (60, 64), (65, 74), (75, 100)];

/// The life expectancy by sex: the plan's 75.04 for both sexes together,
/// split with China's female-male gap in 2020 (UN WPP 2024).
pub fn e0_by_sex() -> Result<(f64, f64), Error> {
    let e0 = fact("life_expectancy_2020").ok_or_else(|| missing("life_expectancy_2020"))?.value.value;
    let gap = wpp_china("e0_female", "estimate", 2020)? - wpp_china("e0_male", "estimate", 2020)?;
    // Both-sex e0 ≈ the birth-weighted mean of the two.
    let w_f = 1.0 / (1.0 + PRIOR_SRB);
    let e_m = e0 - w_f * gap;
    Ok((e_m + gap, e_m))
}

fn stable(t: &SingleYear, r: f64, births: f64) -> Vec<f64> {
    t.big_lx.iter().enumerate().map(|(a, l)| births * l * (-r * (a as f64 + 0.5)).exp()).collect()
}

/// A light moving average over ages (weights 1, 2, 3, 2, 1), leaving the
/// open group and the youngest ages, whose shape the births set, alone.
fn smooth_ages(pop: &[f64]) -> Vec<f64> {
    let n = pop.len();
    let mut out = pop.to_vec();
    for a in 2..n.saturating_sub(3) {
        out[a] = (pop[a - 2] + 2.0 * pop[a - 1] + 3.0 * pop[a] + 2.0 * pop[a + 1] + pop[a + 2]) / 9.0;
    }
    out
}

/// Raking: scales the (cell × sex) table to the cell totals and the sex totals.
fn rake(seed: [[f64; 2]; 7], rows: [f64; 7], cols: [f64; 2]) -> [[f64; 2]; 7] {
    let mut m = seed;
    for _ in 0..500 {
        for (i, row) in m.iter_mut().enumerate() {
            let s = row[0] + row[1];
            if s > 0.0 {
                row[0] *= rows[i] / s;
                row[1] *= rows[i] / s;
            }
        }
        for j in 0..2 {
            let s: f64 = m.iter().map(|r| r[j]).sum();
            if s > 0.0 {
                for row in m.iter_mut() {
                    row[j] *= cols[j] / s;
                }
            }
        }
    }
    m
}

/// Births in 2020 from 表5: each county's birth rate times its population (表3).
pub fn table5_births() -> f64 {
    crate::data::counties::COUNTIES.iter().map(|c| c.cbr_2020.value / 1000.0 * c.pop_2020.value * 1e4).sum()
}

/// Estimates the base population.
pub fn estimate() -> Result<BasePopulation, Error> {
    let total: f64 = TABLE1.iter().map(|r| r.count_2020.value).sum();
    let males = census_fact("Liangshan", 2020, "male")?.value;
    let females = census_fact("Liangshan", 2020, "female")?.value;
    let p60 = census_fact("Liangshan", 2020, "pop_60plus")?.value;
    let s10_14 = fact("share_10_14_2020").ok_or_else(|| missing("share_10_14_2020"))?.value.value;
    let s55_59 = fact("share_55_59_2020").ok_or_else(|| missing("share_55_59_2020"))?.value.value;
    let (young, work, old) = (TABLE1[0].count_2020.value, TABLE1[1].count_2020.value, TABLE1[2].count_2020.value);
    let g10_14 = total * s10_14 / 100.0;
    let g55_59 = total * s55_59 / 100.0;
    let g60_64 = p60 - old;
    let (e0_f, e0_m) = e0_by_sex()?;
    // Infant mortality by sex, births-weighted to the plan's 6.05‰.
    let imr = fact("infant_mortality_2020").ok_or_else(|| missing("infant_mortality_2020"))?.value.value;
    let q0_f = imr / 1000.0 * (1.0 + PRIOR_SRB) / (1.0 + MALE_INFANT_EXCESS * PRIOR_SRB);
    let mortality = Mortality::fit(e0_f, e0_m, q0_f, q0_f * MALE_INFANT_EXCESS)?;
    let (lt_f, lt_m) =
        (single_year(&mortality.table(Sex::Female, e0_f)?, AGES - 1), single_year(&mortality.table(Sex::Male, e0_m)?, AGES - 1));
    // Ten-year survival of an age group, by the 2020 life tables and a
    // stationary age pattern within the group.
    let survive = |lo: usize, hi: usize| -> f64 {
        let l = |a: usize| lt_f.big_lx[a.min(AGES - 1)] + PRIOR_SRB * lt_m.big_lx[a.min(AGES - 1)];
        let (from, to): (f64, f64) = if hi >= AGES - 1 {
            ((lo..AGES).map(l).sum(), (lo + 10..AGES).map(l).sum())
        } else {
            ((lo..=hi).map(l).sum(), (lo + 10..=hi + 10).map(l).sum())
        };
        to / from
    };
    // Those aged 75+ in 2020 are the survivors of 2010's 65+ (表1): at those
    // ages migration is small, so the 2010 census fixes the split of 65+.
    let g75 = TABLE1[2].count_2010.value * survive(65, AGES - 1);
    let rows = [young - g10_14, g10_14, work - g55_59 - g60_64, g55_59, g60_64, old - g75, g75];
    if rows.iter().any(|r| *r <= 0.0) {
        return Err(missing("consistent age aggregates"));
    }
    // The growth rate of the prior shape: the one whose cell shares come
    // closest to the published ones (a coarse search is enough, raking
    // fixes the totals).
    let shape = |r: f64| -> (Vec<f64>, Vec<f64>) { (stable(&lt_f, r, 1.0), stable(&lt_m, r, PRIOR_SRB)) };
    let misfit = |r: f64| -> f64 {
        let (f, m) = shape(r);
        let all: f64 = f.iter().chain(m.iter()).sum();
        CELLS.iter().zip(rows).map(|(&(a, b), target)| ((sum(&f, a, b) + sum(&m, a, b)) / all / (target / total)).ln().powi(2)).sum()
    };
    let r = (-200..=600).map(|i| f64::from(i) / 10_000.0).min_by(|a, b| misfit(*a).total_cmp(&misfit(*b))).unwrap_or(0.0);
    let (prior_f, prior_m) = shape(r);
    let mut seed = [[0.0; 2]; 7];
    for (i, &(a, b)) in CELLS.iter().enumerate() {
        seed[i] = [sum(&prior_f, a, b), sum(&prior_m, a, b)];
    }
    let fitted = rake(seed, rows, [females, males]);
    let mut female = prior_f.clone();
    let mut male = prior_m.clone();
    for (i, &(a, b)) in CELLS.iter().enumerate() {
        for x in a..=b {
            female[x] *= fitted[i][0] / seed[i][0];
            male[x] *= fitted[i][1] / seed[i][1];
        }
    }
    // Raking scales whole cells, which leaves steps at their edges. Smooth
    // across the edges and restore every cell's total, a few times over:
    // the totals stay exact, the steps go. Within the same loop, tilt the
    // youngest cell linearly (keeping its total) so that those aged 0 are
    // the survivors of the 2020 births that 表5's county birth rates imply;
    // smoothing then blends the tilt into the ages above.
    let births_2020 = table5_births();
    for (pop, lt, share) in [(&mut female, &lt_f, 1.0 / (1.0 + PRIOR_SRB)), (&mut male, &lt_m, PRIOR_SRB / (1.0 + PRIOR_SRB))] {
        let want0 = births_2020 * share * lt.big_lx[0];
        let cells: Vec<f64> = CELLS.iter().map(|&(a, b)| sum(pop, a, b)).collect();
        for _ in 0..40 {
            let smooth = smooth_ages(pop);
            *pop = smooth;
            for (&(a, b), total) in CELLS.iter().zip(&cells) {
                let s = sum(pop, a, b);
                if s > 0.0 {
                    pop[a..=b].iter_mut().for_each(|v| *v *= total / s);
                }
            }
            // N'(a) = N(a)(1 + k(a − c)), with c the cell's mean age, keeps
            // the cell's total; k gives want0 at age 0.
            let cell: f64 = pop[..10].iter().sum();
            let c = pop[..10].iter().enumerate().map(|(a, n)| a as f64 * n).sum::<f64>() / cell;
            let k = (want0 / pop[0] - 1.0) / -c;
            if (0..10).all(|a| 1.0 + k * (a as f64 - c) > 0.0) {
                for (a, n) in pop[..10].iter_mut().enumerate() {
                    *n *= 1.0 + k * (a as f64 - c);
                }
            }
        }
    }
    // Births implied by those aged 0 (survivors of a year's births).
    let births = female[0] / lt_f.big_lx[0] + male[0] / lt_m.big_lx[0];
    let pattern = crate::demography::fertility::relational_gompertz(1.0, 0.0, 1.0)?;
    let exposure: f64 =
        crate::demography::fertility::GROUPS.iter().zip(pattern).map(|(g, f)| f * sum(&female, *g as usize, *g as usize + 4)).sum();
    // Births = TFR × Σ (Booth rates for a TFR of 1 × women of the group).
    let tfr = births / exposure;

    let both: Vec<f64> = female.iter().zip(&male).map(|(f, m)| f + m).collect();
    let share = |a: usize, b: usize| sum(&both, a, b) / total * 100.0;
    let plan = |id: &str| -> Result<Source, Error> { Ok(Source::Plan { at: fact(id).ok_or_else(|| missing(id))?.at }) };
    let census = |id: &str| -> Result<Source, Error> { Ok(census_fact("Liangshan", 2020, id)?.source) };
    let t1 = Source::Plan { at: crate::data::tables::TABLE1_AT };
    let q0 = 1.0 - (lt_f.lx[1] + PRIOR_SRB * lt_m.lx[1]) / (1.0 + PRIOR_SRB);
    let births_text = fact("births_per_year").ok_or_else(|| missing("births_per_year"))?.value.value * 1e4;
    let fits = vec![
        ("total", Text::new("常住人口", "population"), total, both.iter().sum(), 0.5, t1.clone()),
        ("female", Text::new("女性", "women"), females, female.iter().sum(), 0.5, census("female")?),
        ("male", Text::new("男性", "men"), males, male.iter().sum(), 0.5, census("male")?),
        ("pop_0_14", Text::new("0—14岁", "aged 0-14"), young, sum(&both, 0, 14), 0.5, t1.clone()),
        ("pop_15_64", Text::new("15—64岁", "aged 15-64"), work, sum(&both, 15, 64), 0.5, t1.clone()),
        ("pop_65_plus", Text::new("65岁及以上", "aged 65+"), old, sum(&both, 65, 100), 0.5, t1.clone()),
        ("pop_60_plus", Text::new("60岁及以上", "aged 60+"), p60, sum(&both, 60, 100), 0.5, census("pop_60plus")?),
        ("share_0_14", Text::new("0—14岁占比（%）", "share aged 0-14 (%)"), 27.64, share(0, 14), 0.005, plan("share_0_14_2020")?),
        ("share_15_59", Text::new("15—59岁占比（%）", "share aged 15-59 (%)"), 59.92, share(15, 59), 0.005, census("share_15_59")?),
        ("share_60_plus", Text::new("60岁及以上占比（%）", "share aged 60+ (%)"), 12.44, share(60, 100), 0.005, plan("share_60plus_2020")?),
        ("share_65_plus", Text::new("65岁及以上占比（%）", "share aged 65+ (%)"), 9.49, share(65, 100), 0.005, t1.clone()),
        ("share_10_14", Text::new("10—14岁占比（%）", "share aged 10-14 (%)"), s10_14, share(10, 14), 0.05, plan("share_10_14_2020")?),
        ("share_55_59", Text::new("55—59岁占比（%）", "share aged 55-59 (%)"), s55_59, share(55, 59), 0.005, plan("share_55_59_2020")?),
        (
            "sex_ratio",
            Text::new("性别比（女=100）", "sex ratio (males per 100 females)"),
            104.65,
            male.iter().sum::<f64>() / female.iter().sum::<f64>() * 100.0,
            0.005,
            plan("sex_ratio_2020")?,
        ),
        (
            "e0",
            Text::new("人均预期寿命", "life expectancy at birth, both sexes"),
            75.04,
            (e0_f + PRIOR_SRB * e0_m) / (1.0 + PRIOR_SRB),
            0.005,
            plan("life_expectancy_2020")?,
        ),
        (
            "imr",
            Text::new("婴儿死亡率（‰）", "infant mortality (per 1000 births), both sexes"),
            imr,
            q0 * 1000.0,
            0.005,
            plan("infant_mortality_2020")?,
        ),
        (
            "births_2020",
            Text::new("2020年出生人数（表5各县出生率推算）", "2020 births from Table 5's county birth rates"),
            births_2020,
            births,
            0.5,
            Source::Plan { at: crate::data::counties::TABLE5_AT },
        ),
        (
            "births",
            Text::new("每年出生人口（正文“7万人左右”）", "births a year (the text's \"about 70,000\")"),
            births_text,
            births,
            births_text * 0.1,
            plan("births_per_year")?,
        ),
    ];
    // The 2010 census groups (表1) ten years on: their survivors against the
    // estimate. What differs is net migration (about −4.5% of the population
    // over the decade, see the migration estimate) or error: within 5%
    // counts as consistent. 75+ is a constraint (above), so it is met.
    let mut fits = fits;
    for (row, (lo, hi), id, what) in [
        (
            &TABLE1[0],
            (0, 14),
            "cohort_0_14_2010",
            Text::new("2010年0—14岁（表1），2020年10—24岁", "2010's aged 0-14 (Table 1), aged 10-24 in 2020"),
        ),
        (
            &TABLE1[1],
            (15, 64),
            "cohort_15_64_2010",
            Text::new("2010年15—64岁（表1），2020年25—74岁", "2010's aged 15-64 (Table 1), aged 25-74 in 2020"),
        ),
        (
            &TABLE1[2],
            (65, AGES - 1),
            "cohort_65_plus_2010",
            Text::new("2010年65岁及以上（表1），2020年75岁及以上", "2010's aged 65+ (Table 1), aged 75+ in 2020"),
        ),
    ] {
        let expected = row.count_2010.value * survive(lo, hi);
        fits.push((id, what, expected, sum(&both, lo + 10, (hi + 10).min(AGES - 1)), expected * 0.05, t1.clone()));
    }
    let fit = fits
        .into_iter()
        .map(|(id, what, target, estimate, tolerance, source): (&str, Text, f64, f64, f64, Source)| Fit {
            id,
            what,
            target,
            estimate,
            tolerance,
            met: (estimate - target).abs() <= tolerance + 1e-6,
            source,
        })
        .collect();
    Ok(BasePopulation { year: 2020, female, male, e0_female: e0_f, e0_male: e0_m, births, tfr, fit, estimate: true, mortality })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meets_every_age_and_sex_aggregate() {
        let b = estimate().unwrap();
        assert_eq!(b.female.len(), AGES);
        assert!(b.female.iter().chain(&b.male).all(|x| *x >= 0.0 && x.is_finite()));
        for f in &b.fit {
            if !matches!(f.id, "births" | "cohort_0_14_2010" | "cohort_15_64_2010") {
                assert!(f.met, "{}: target {} estimate {}", f.id, f.target, f.estimate);
            }
        }
    }

    #[test]
    fn reports_what_the_published_figures_cannot_all_give() {
        let b = estimate().unwrap();
        let births = b.fit.iter().find(|f| f.id == "births").unwrap();
        // 表5's rates give about 84,400 births, more than "about 70,000".
        assert!((births.estimate - 84_413.3).abs() < 1.0 && !births.met, "{}", births.estimate);
        assert!(b.tfr > 1.5 && b.tfr < 4.0, "TFR {}", b.tfr);
        let (f, m) = (b.e0_female, b.e0_male);
        assert!(f > m && (f - m - 5.75).abs() < 0.01);
        assert_eq!(b.fit.iter().filter(|f| f.id.starts_with("cohort_")).count(), 3);
    }
}
