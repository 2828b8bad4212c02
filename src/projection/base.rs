//! Liangshan's 2020 base population by sex and single year of age: an
//! ESTIMATE. The census table by age and sex is not public; what is public
//! are aggregates (表1's three groups, the 60+ count, the 10-14 and 55-59
//! shares, the totals by sex). The estimate takes a stable-population shape
//! from a model life table at the plan's life expectancy and rakes it
//! (iterative proportional fitting) to every aggregate at once, then reports
//! how well each constraint is met, including those it cannot meet.

use serde::Serialize;

use crate::data::external::{census_fact, wpp_china};
use crate::data::facts::required;
use crate::data::tables::TABLE1;
use crate::data::Source;
use crate::demography::mortality::Mortality;
use crate::demography::single_year::{single_year, SingleYear};
use crate::demography::Sex;
use crate::error::Error;

/// Single years 0..=100; 100 is 100 and over.
pub const AGES: usize = 101;

/// Sex ratio at birth assumed for the prior shape (males per female): within
/// the natural range; Liangshan's is not published.
pub const PRIOR_SRB: f64 = 1.06;

/// Boys' infant mortality over girls': the plan gives one rate for both.
pub const MALE_INFANT_EXCESS: f64 = 1.15;

/// The published aggregates the estimate is held to, and the checks it is
/// compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FitId {
    Total,
    Female,
    Male,
    Pop0To14,
    Pop15To64,
    Pop65Plus,
    Pop60Plus,
    Share0To14,
    Share15To59,
    Share60Plus,
    Share65Plus,
    Share10To14,
    Share55To59,
    SexRatio,
    E0,
    Imr,
    /// 2020's births from 表5's county birth rates.
    Births2020,
    /// The text's "about 70,000" a year.
    Births,
    /// 2010's 0-14 (表1), ten years on.
    Cohort0To14,
    Cohort15To64,
    Cohort65Plus,
}

impl FitId {
    pub fn slug(self) -> &'static str {
        match self {
            FitId::Total => "total",
            FitId::Female => "female",
            FitId::Male => "male",
            FitId::Pop0To14 => "pop_0_14",
            FitId::Pop15To64 => "pop_15_64",
            FitId::Pop65Plus => "pop_65_plus",
            FitId::Pop60Plus => "pop_60_plus",
            FitId::Share0To14 => "share_0_14",
            FitId::Share15To59 => "share_15_59",
            FitId::Share60Plus => "share_60_plus",
            FitId::Share65Plus => "share_65_plus",
            FitId::Share10To14 => "share_10_14",
            FitId::Share55To59 => "share_55_59",
            FitId::SexRatio => "sex_ratio",
            FitId::E0 => "e0",
            FitId::Imr => "imr",
            FitId::Births2020 => "births_2020",
            FitId::Births => "births",
            FitId::Cohort0To14 => "cohort_0_14_2010",
            FitId::Cohort15To64 => "cohort_15_64_2010",
            FitId::Cohort65Plus => "cohort_65_plus_2010",
        }
    }

    /// The 2010 cohorts, whose survivors are checked against the estimate.
    pub fn is_cohort(self) -> bool {
        matches!(self, FitId::Cohort0To14 | FitId::Cohort15To64 | FitId::Cohort65Plus)
    }
}

serde_by_slug!(FitId);

/// One published aggregate and how the estimate meets it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fit {
    pub id: FitId,
    pub target: f64,
    pub estimate: f64,
    /// The tolerance the target carries (its printed rounding, or what
    /// "about" allows).
    pub tolerance: f64,
    pub met: bool,
    /// Where the target comes from.
    pub source: Source,
}

impl Fit {
    fn new(id: FitId, target: f64, estimate: f64, tolerance: f64, source: Source) -> Fit {
        Fit { id, target, estimate, tolerance, met: (estimate - target).abs() <= tolerance + 1e-6, source }
    }
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
use crate::math::{exp, ln};

fn sum(v: &[f64], from: usize, to: usize) -> f64 {
    v[from..=to.min(v.len() - 1)].iter().sum()
}

/// Age cells that the published aggregates partition the population into.
/// The last split, at 75, comes from 2010's 65+ ten years on (see `estimate`).
const CELLS: [(usize, usize); 7] = [(0, 9), (10, 14), (15, 54), (55, 59), (60, 64), (65, 74), (75, 100)];

/// The life expectancy by sex: the plan's 75.04 for both sexes together,
/// split with China's female-male gap in 2020 (UN WPP 2024).
pub fn e0_by_sex() -> Result<(f64, f64), Error> {
    e0_by_sex_in(2020)
}

/// [`e0_by_sex`] of a census year the plan gives a life expectancy for.
fn e0_by_sex_in(year: u16) -> Result<(f64, f64), Error> {
    let e0 = plan_fact(&format!("life_expectancy_{year}"))?;
    let gap = wpp_china("e0_female", "estimate", year)? - wpp_china("e0_male", "estimate", year)?;
    // Both-sex e0 ≈ the birth-weighted mean of the two.
    let w_f = 1.0 / (1.0 + PRIOR_SRB);
    let e_m = e0 - w_f * gap;
    Ok((e_m + gap, e_m))
}

fn stable(t: &SingleYear, r: f64, births: f64) -> Vec<f64> {
    t.big_lx.iter().enumerate().map(|(a, l)| births * l * exp(-r * (a as f64 + 0.5))).collect()
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
fn rake(seed: Vec<[f64; 2]>, rows: &[f64], cols: [f64; 2]) -> Vec<[f64; 2]> {
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

/// What is published of the 2020 population, read once from the plan and
/// the census facts.
struct Published {
    total: f64,
    females: f64,
    males: f64,
    /// 表1's three groups: 0-14, 15-64, 65+.
    young: f64,
    work: f64,
    old: f64,
    p60: f64,
    share_0_14: f64,
    share_15_59: f64,
    share_60: f64,
    share_65: f64,
    share_10_14: f64,
    share_55_59: f64,
    sex_ratio: f64,
    e0: f64,
    /// Infant mortality, ‰.
    imr: f64,
    /// The text's births a year.
    births: f64,
}

fn plan_fact(id: &str) -> Result<f64, Error> {
    Ok(required(id)?.value.value)
}

fn plan_source(id: &str) -> Result<Source, Error> {
    Ok(Source::Plan { at: required(id)?.at })
}

fn census_source(id: &str) -> Result<Source, Error> {
    Ok(census_fact("Liangshan", 2020, id)?.source)
}

impl Published {
    fn read() -> Result<Published, Error> {
        let census = |id: &str| census_fact("Liangshan", 2020, id).map(|f| f.value);
        Ok(Published {
            total: TABLE1.iter().map(|r| r.count_2020.value).sum(),
            females: census("female")?,
            males: census("male")?,
            young: TABLE1[0].count_2020.value,
            work: TABLE1[1].count_2020.value,
            old: TABLE1[2].count_2020.value,
            p60: census("pop_60plus")?,
            share_0_14: plan_fact("share_0_14_2020")?,
            share_15_59: census("share_15_59")?,
            share_60: plan_fact("share_60plus_2020")?,
            share_65: TABLE1[2].share_2020.value,
            share_10_14: plan_fact("share_10_14_2020")?,
            share_55_59: plan_fact("share_55_59_2020")?,
            sex_ratio: plan_fact("sex_ratio_2020")?,
            e0: plan_fact("life_expectancy_2020")?,
            imr: plan_fact("infant_mortality_2020")?,
            births: plan_fact("births_per_year")? * 1e4,
        })
    }
}

/// The 2020 life tables by sex, single years.
struct Tables {
    f: SingleYear,
    m: SingleYear,
}

impl Tables {
    /// Ten-year survival of ages `lo..=hi` (`hi` the open group: all above
    /// `lo`), by the 2020 life tables and a stationary age pattern within
    /// the group.
    fn survive(&self, lo: usize, hi: usize) -> f64 {
        let l = |a: usize| self.f.big_lx[a.min(AGES - 1)] + PRIOR_SRB * self.m.big_lx[a.min(AGES - 1)];
        let (from, to): (f64, f64) = if hi >= AGES - 1 {
            ((lo..AGES).map(l).sum(), (lo + 10..AGES).map(l).sum())
        } else {
            ((lo..=hi).map(l).sum(), (lo + 10..=hi + 10).map(l).sum())
        };
        to / from
    }
}

/// The mortality model fitted to a year's life expectancy by sex and its
/// infant mortality (‰, both sexes: boys' the higher by
/// [`MALE_INFANT_EXCESS`]), and its single-year tables.
fn life_tables(e0_f: f64, e0_m: f64, imr: f64) -> Result<(Mortality, Tables), Error> {
    let q0_f = imr / 1000.0 * (1.0 + PRIOR_SRB) / (1.0 + MALE_INFANT_EXCESS * PRIOR_SRB);
    let mortality = Mortality::fit(e0_f, e0_m, q0_f, q0_f * MALE_INFANT_EXCESS)?;
    let tables = tables_of(&mortality, e0_f, e0_m)?;
    Ok((mortality, tables))
}

/// A mortality model's single-year tables at these life expectancies.
fn tables_of(mortality: &Mortality, e0_f: f64, e0_m: f64) -> Result<Tables, Error> {
    Ok(Tables {
        f: single_year(&mortality.table(Sex::Female, e0_f)?, AGES - 1),
        m: single_year(&mortality.table(Sex::Male, e0_m)?, AGES - 1),
    })
}

/// The cells' totals (see [`CELLS`]): 表1's groups split by the 10-14 and
/// 55-59 shares, the 60+ count, and at 75 by the survivors of 2010's 65+
/// (表1): at those ages migration is small, so the 2010 census fixes the
/// split of 65+.
fn cell_totals(p: &Published, tables: &Tables) -> Result<[f64; 7], Error> {
    let g10_14 = p.total * p.share_10_14 / 100.0;
    let g55_59 = p.total * p.share_55_59 / 100.0;
    let g60_64 = p.p60 - p.old;
    let g75 = TABLE1[2].count_2010.value * tables.survive(65, AGES - 1);
    let rows = [p.young - g10_14, g10_14, p.work - g55_59 - g60_64, g55_59, g60_64, p.old - g75, g75];
    if rows.iter().any(|r| *r <= 0.0) {
        return Err(missing("consistent age aggregates"));
    }
    Ok(rows)
}

/// The stable population by sex whose shares of `cells` come closest to the
/// published ones (a coarse search over the growth rate is enough: raking
/// fixes the totals).
fn prior(tables: &Tables, cells: &[(usize, usize)], rows: &[f64], total: f64) -> (Vec<f64>, Vec<f64>) {
    let shape = |r: f64| -> (Vec<f64>, Vec<f64>) { (stable(&tables.f, r, 1.0), stable(&tables.m, r, PRIOR_SRB)) };
    let misfit = |r: f64| -> f64 {
        let (f, m) = shape(r);
        let all: f64 = f.iter().chain(m.iter()).sum();
        cells.iter().zip(rows).map(|(&(a, b), target)| ln((sum(&f, a, b) + sum(&m, a, b)) / all / (target / total)).powi(2)).sum()
    };
    // Each rate's misfit once (the first of equal ones, as min_by gives).
    let r =
        (-200..=600).map(|i| f64::from(i) / 10_000.0).map(|r| (r, misfit(r))).min_by(|a, b| a.1.total_cmp(&b.1)).map_or(0.0, |(r, _)| r);
    shape(r)
}

/// The prior raked to the cells' totals and the totals by sex, each cell
/// scaled as a whole.
fn raked(prior: (Vec<f64>, Vec<f64>), cells: &[(usize, usize)], rows: &[f64], sexes: [f64; 2]) -> (Vec<f64>, Vec<f64>) {
    let (mut female, mut male) = prior;
    let seed: Vec<[f64; 2]> = cells.iter().map(|&(a, b)| [sum(&female, a, b), sum(&male, a, b)]).collect();
    let fitted = rake(seed.clone(), rows, sexes);
    for (i, &(a, b)) in cells.iter().enumerate() {
        for x in a..=b {
            female[x] *= fitted[i][0] / seed[i][0];
            male[x] *= fitted[i][1] / seed[i][1];
        }
    }
    (female, male)
}

/// Raking scales whole cells, which leaves steps at their edges. Smooth
/// across the edges and restore every cell's total, a few times over: the
/// totals stay exact, the steps go. Within the same loop, tilt the youngest
/// cell linearly (keeping its total) so that those aged 0 are `want0`, the
/// survivors of the year's births; smoothing then blends the tilt into the
/// ages above.
fn smooth_and_tilt(pop: &mut Vec<f64>, cells: &[(usize, usize)], want0: f64) {
    let totals: Vec<f64> = cells.iter().map(|&(a, b)| sum(pop, a, b)).collect();
    for _ in 0..40 {
        *pop = smooth_ages(pop);
        for (&(a, b), total) in cells.iter().zip(&totals) {
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

/// The total fertility rate that gives `births` from these women:
/// births = TFR × Σ (Booth's rates for a TFR of 1 × women of the group).
fn implied_tfr(female: &[f64], births: f64) -> Result<f64, Error> {
    let pattern = crate::demography::fertility::relational_gompertz(1.0, 0.0, 1.0)?;
    let exposure: f64 =
        crate::demography::fertility::GROUPS.iter().zip(pattern).map(|(g, f)| f * sum(female, *g as usize, *g as usize + 4)).sum();
    Ok(births / exposure)
}

/// How the estimate meets each published aggregate.
/// `lx1`: the share of each sex's births alive at 1.
fn published_fits(p: &Published, b: &BasePopulation, births_2020: f64, lx1: (f64, f64)) -> Result<Vec<Fit>, Error> {
    let both: Vec<f64> = b.female.iter().zip(&b.male).map(|(f, m)| f + m).collect();
    let (females, males): (f64, f64) = (b.female.iter().sum(), b.male.iter().sum());
    let share = |a: usize, z: usize| sum(&both, a, z) / p.total * 100.0;
    let t1 = || Source::Plan { at: crate::data::tables::TABLE1_AT };
    let q0 = 1.0 - (lx1.0 + PRIOR_SRB * lx1.1) / (1.0 + PRIOR_SRB);
    use FitId::*;
    Ok(vec![
        Fit::new(Total, p.total, both.iter().sum(), 0.5, t1()),
        Fit::new(Female, p.females, females, 0.5, census_source("female")?),
        Fit::new(Male, p.males, males, 0.5, census_source("male")?),
        Fit::new(Pop0To14, p.young, sum(&both, 0, 14), 0.5, t1()),
        Fit::new(Pop15To64, p.work, sum(&both, 15, 64), 0.5, t1()),
        Fit::new(Pop65Plus, p.old, sum(&both, 65, 100), 0.5, t1()),
        Fit::new(Pop60Plus, p.p60, sum(&both, 60, 100), 0.5, census_source("pop_60plus")?),
        Fit::new(Share0To14, p.share_0_14, share(0, 14), 0.005, plan_source("share_0_14_2020")?),
        Fit::new(Share15To59, p.share_15_59, share(15, 59), 0.005, census_source("share_15_59")?),
        Fit::new(Share60Plus, p.share_60, share(60, 100), 0.005, plan_source("share_60plus_2020")?),
        Fit::new(Share65Plus, p.share_65, share(65, 100), 0.005, t1()),
        Fit::new(Share10To14, p.share_10_14, share(10, 14), 0.05, plan_source("share_10_14_2020")?),
        Fit::new(Share55To59, p.share_55_59, share(55, 59), 0.005, plan_source("share_55_59_2020")?),
        Fit::new(SexRatio, p.sex_ratio, males / females * 100.0, 0.005, plan_source("sex_ratio_2020")?),
        Fit::new(E0, p.e0, (b.e0_female + PRIOR_SRB * b.e0_male) / (1.0 + PRIOR_SRB), 0.005, plan_source("life_expectancy_2020")?),
        Fit::new(Imr, p.imr, q0 * 1000.0, 0.005, plan_source("infant_mortality_2020")?),
        Fit::new(Births2020, births_2020, b.births, 0.5, Source::Plan { at: crate::data::counties::TABLE5_AT }),
        Fit::new(Births, p.births, b.births, p.births * 0.1, plan_source("births_per_year")?),
    ])
}

/// The 2010 census groups (表1) ten years on: their survivors against the
/// estimate. What differs is net migration (about −4.5% of the population
/// over the decade, see the migration estimate) or error: within 5% counts
/// as consistent. 75+ is a constraint (above), so it is met.
fn cohort_fits(b: &BasePopulation, tables: &Tables) -> Vec<Fit> {
    let both: Vec<f64> = b.female.iter().zip(&b.male).map(|(f, m)| f + m).collect();
    [
        (&TABLE1[0], (0, 14), FitId::Cohort0To14),
        (&TABLE1[1], (15, 64), FitId::Cohort15To64),
        (&TABLE1[2], (65, AGES - 1), FitId::Cohort65Plus),
    ]
    .into_iter()
    .map(|(row, (lo, hi), id)| {
        let expected = row.count_2010.value * tables.survive(lo, hi);
        let t1 = Source::Plan { at: crate::data::tables::TABLE1_AT };
        Fit::new(id, expected, sum(&both, lo + 10, (hi + 10).min(AGES - 1)), expected * 0.05, t1)
    })
    .collect()
}

/// A prior shape raked to the `cells`' totals `rows` and the totals by sex,
/// smoothed across the cells' edges, those aged 0 made the survivors of
/// `births`.
fn fitted(
    prior: (Vec<f64>, Vec<f64>),
    tables: &Tables,
    cells: &[(usize, usize)],
    rows: &[f64],
    sexes: [f64; 2],
    births: f64,
) -> (Vec<f64>, Vec<f64>) {
    let (mut female, mut male) = raked(prior, cells, rows, sexes);
    smooth_and_tilt(&mut female, cells, births * (1.0 / (1.0 + PRIOR_SRB)) * tables.f.big_lx[0]);
    smooth_and_tilt(&mut male, cells, births * (PRIOR_SRB / (1.0 + PRIOR_SRB)) * tables.m.big_lx[0]);
    (female, male)
}

/// A population of `year` by single year of age: the stable shape of
/// `tables` whose `cells` come closest to their published totals `rows`,
/// raked to those and to the totals by sex, smoothed across the cells'
/// edges, those aged 0 made the survivors of `births`; its fit is left to
/// the caller.
#[allow(clippy::too_many_arguments)]
fn shaped(
    year: u16,
    tables: &Tables,
    cells: &[(usize, usize)],
    rows: &[f64],
    sexes: [f64; 2],
    births: f64,
    e0: (f64, f64),
    mortality: Mortality,
) -> Result<BasePopulation, Error> {
    let total: f64 = sexes.iter().sum();
    let (female, male) = fitted(prior(tables, cells, rows, total), tables, cells, rows, sexes, births);
    // Births implied by those aged 0 (survivors of a year's births).
    let births = female[0] / tables.f.big_lx[0] + male[0] / tables.m.big_lx[0];
    let tfr = implied_tfr(&female, births)?;
    Ok(BasePopulation { year, female, male, e0_female: e0.0, e0_male: e0.1, births, tfr, fit: Vec::new(), estimate: true, mortality })
}

/// Estimates the base population.
pub fn estimate() -> Result<BasePopulation, Error> {
    let p = Published::read()?;
    let (e0_f, e0_m) = e0_by_sex()?;
    // Infant mortality by sex, births-weighted to the plan's rate.
    let (mortality, tables) = life_tables(e0_f, e0_m, p.imr)?;
    let rows = cell_totals(&p, &tables)?;
    // Those aged 0 are the survivors of the 2020 births that 表5's county
    // birth rates imply.
    let births_2020 = table5_births();
    let mut base = shaped(2020, &tables, &CELLS, &rows, [p.females, p.males], births_2020, (e0_f, e0_m), mortality)?;
    base.fit = published_fits(&p, &base, births_2020, (tables.f.lx[1], tables.m.lx[1]))?;
    base.fit.extend(cohort_fits(&base, &tables));
    Ok(base)
}

/// How much a drawn base may tilt within a cell: the standard deviation of
/// the log ratio between a cell's middle and its ends (0.1: its oldest and
/// youngest ages about 22% apart, one standard deviation). An assumption,
/// not a measurement; the hindcast suggests shapes off by that much (2010's
/// 55-59 about a quarter fewer than 2020's 65-69 imply).
pub const TILT_SD: f64 = 0.1;

/// What [`alternative_bases`] mixes into its seed ("base" in ASCII).
const BASE_STREAM: u64 = 0x6261_7365;

/// Alternative 2020 bases to `estimate` (the estimate, not a reader's
/// table), women and men by single year of age, that meet every published
/// aggregate exactly as it does but differ where
/// nothing is published: within each of the estimate's cells (how 15-54
/// splits into five-year groups, the shape within 10-14, 55-59, 60-64,
/// 65-74 and 75+) the prior shape is tilted by a straight line in log,
/// of slope drawn from N(0, `tilt_sd`), before the raking. Ages 0-9 stay
/// the survivors of 2020's births. Drawn from `seed` (a stream of its own),
/// the same natively and in wasm.
pub fn alternative_bases(estimate: &BasePopulation, n: usize, seed: u64, tilt_sd: f64) -> Result<Vec<[Vec<f64>; 2]>, Error> {
    let p = Published::read()?;
    // The estimate's own mortality model and tables: nothing fitted again.
    let tables = tables_of(&estimate.mortality, estimate.e0_female, estimate.e0_male)?;
    let rows = cell_totals(&p, &tables)?;
    let births = table5_births();
    let shape = prior(&tables, &CELLS, &rows, p.total);
    // Their own stream of `seed`: a run drawing its future rates from the
    // same seed must not draw the same normals for both.
    let mut rng = crate::projection::stochastic::Rng::new(seed ^ BASE_STREAM);
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let (mut female, mut male) = shape.clone();
        for &(a, b) in &CELLS[1..] {
            let slope = tilt_sd * rng.normal();
            let (mid, half) = ((a + b) as f64 / 2.0, ((b - a) as f64 / 2.0).max(0.5));
            for x in a..=b {
                let w = exp(slope * (x as f64 - mid) / half);
                female[x] *= w;
                male[x] *= w;
            }
        }
        let (female, male) = fitted((female, male), &tables, &CELLS, &rows, [p.females, p.males], births);
        out.push([female, male]);
    }
    Ok(out)
}

/// Alternative bases as what each does to the estimate: the ratio of draw
/// t to the estimate in every sex and age. A region whose base is drawn
/// from the estimate (the prefecture, or a county, whose cells add up to
/// the prefecture's) starts trajectory t from its own base times draw t's
/// ratios, so the counties' draws add up to the prefecture's in every age
/// and sex, trajectory by trajectory. A reader's own table is not drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct BaseDraws {
    ratios: Vec<[Vec<f64>; 2]>,
}

impl BaseDraws {
    /// `n` draws of [`alternative_bases`] from `seed`.
    pub fn new(estimate: &BasePopulation, n: usize, seed: u64, tilt_sd: f64) -> Result<BaseDraws, Error> {
        let ratio = |drawn: &[f64], of: &[f64]| drawn.iter().zip(of).map(|(d, e)| if *e > 0.0 { d / e } else { 1.0 }).collect();
        let ratios = alternative_bases(estimate, n, seed, tilt_sd)?
            .into_iter()
            .map(|[f, m]| [ratio(&f, &estimate.female), ratio(&m, &estimate.male)])
            .collect();
        Ok(BaseDraws { ratios })
    }

    pub fn len(&self) -> usize {
        self.ratios.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ratios.is_empty()
    }

    /// Writes draw `t` (of [`len`](Self::len), cyclically) of a base,
    /// women and men, to `out`.
    pub fn draw(&self, t: usize, [female, male]: [&[f64]; 2], out: &mut [Vec<f64>; 2]) {
        let [rf, rm] = &self.ratios[t % self.ratios.len()];
        for (o, (v, r)) in out[0].iter_mut().zip(female.iter().zip(rf)) {
            *o = v * r;
        }
        for (o, (v, r)) in out[1].iter_mut().zip(male.iter().zip(rm)) {
            *o = v * r;
        }
    }
}

/// The cells of the 2010 estimate: 表1's groups, with 65+ and 60-64 split
/// by the 60+ share (2020's less its printed rise since 2010). Nothing
/// published splits 0-14 or 15-59 further for 2010.
const CELLS_2010: [(usize, usize); 4] = [(0, 14), (15, 59), (60, 64), (65, 100)];

/// Liangshan's 2010 population by single year of age and sex, estimated
/// as 2020's is, from what 2010 publishes: 表1's 2010 groups, the 60+ share
/// (derived: 12.44 − 2.04), the sex ratio (107.09), the plan's 2010 life
/// expectancy (72.26) and infant mortality (10.63‰) with China's female-
/// male gap of 2010 (UN WPP 2024), and those aged 0 the survivors of the
/// births that 2010's crude birth rate (14.44‰) gives. The base of the
/// hindcast; an ESTIMATE.
pub fn estimate_2010() -> Result<BasePopulation, Error> {
    let census = |id: &str| census_fact("Liangshan", 2010, id);
    let total = census("resident_pop")?.value;
    let sex_ratio = census("sex_ratio")?.value;
    let females = total / (1.0 + sex_ratio / 100.0);
    let (young, work, old) = (TABLE1[0].count_2010.value, TABLE1[1].count_2010.value, TABLE1[2].count_2010.value);
    let share_60 = census("share_60plus_derived")?;
    let p60 = total * share_60.value / 100.0;
    let e0 = plan_fact("life_expectancy_2010")?;
    let (e0_f, e0_m) = e0_by_sex_in(2010)?;
    let imr = plan_fact("infant_mortality_2010")?;
    let (mortality, tables) = life_tables(e0_f, e0_m, imr)?;
    let rows = [young, work - (p60 - old), p60 - old, old];
    if rows.iter().any(|r| *r <= 0.0) {
        return Err(missing("consistent age aggregates"));
    }
    let births = census("CBR")?.value / 1000.0 * total;
    let mut base = shaped(2010, &tables, &CELLS_2010, &rows, [females, total - females], births, (e0_f, e0_m), mortality)?;
    let both: Vec<f64> = base.female.iter().zip(&base.male).map(|(f, m)| f + m).collect();
    let (f, m): (f64, f64) = (base.female.iter().sum(), base.male.iter().sum());
    let t1 = || Source::Plan { at: crate::data::tables::TABLE1_AT };
    let q0 = 1.0 - (tables.f.lx[1] + PRIOR_SRB * tables.m.lx[1]) / (1.0 + PRIOR_SRB);
    use FitId::*;
    base.fit = vec![
        Fit::new(Total, total, f + m, 0.5, census("resident_pop")?.source),
        Fit::new(Pop0To14, young, sum(&both, 0, 14), 0.5, t1()),
        Fit::new(Pop15To64, work, sum(&both, 15, 64), 0.5, t1()),
        Fit::new(Pop65Plus, old, sum(&both, 65, 100), 0.5, t1()),
        // The derived share carries the rounding of both printed figures.
        Fit::new(Pop60Plus, p60, sum(&both, 60, 100), total * 0.0001, share_60.source),
        Fit::new(SexRatio, sex_ratio, m / f * 100.0, 0.005, census("sex_ratio")?.source),
        Fit::new(E0, e0, (e0_f + PRIOR_SRB * e0_m) / (1.0 + PRIOR_SRB), 0.005, plan_source("life_expectancy_2010")?),
        Fit::new(Imr, imr, q0 * 1000.0, 0.005, plan_source("infant_mortality_2010")?),
    ];
    Ok(base)
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
            if !matches!(f.id, FitId::Births | FitId::Cohort0To14 | FitId::Cohort15To64) {
                assert!(f.met, "{}: target {} estimate {}", f.id.slug(), f.target, f.estimate);
            }
        }
    }

    #[test]
    fn alternative_bases_meet_every_aggregate_and_differ_within_the_cells() {
        let b = estimate().unwrap();
        let draws = alternative_bases(&b, 20, 7, TILT_SD).unwrap();
        let both = |f: &[f64], m: &[f64], a: usize, z: usize| sum(f, a, z) + sum(m, a, z);
        let mut spread_50_54: Vec<f64> = Vec::new();
        for [f, m] in &draws {
            assert!(f.iter().chain(m).all(|x| *x >= 0.0 && x.is_finite()));
            for &(a, z) in &CELLS {
                let want = both(&b.female, &b.male, a, z);
                assert!((both(f, m, a, z) - want).abs() < 1e-6 * want, "cell {a}-{z}");
            }
            assert!((f.iter().sum::<f64>() - b.female.iter().sum::<f64>()).abs() < 1e-3);
            assert!((m.iter().sum::<f64>() - b.male.iter().sum::<f64>()).abs() < 1e-3);
            assert!((f[0] - b.female[0]).abs() < 1e-6, "those aged 0 are the survivors of the births");
            spread_50_54.push(both(f, m, 50, 54));
        }
        // Nothing published splits 15-54: the draws do, by some thousands.
        let (lo, hi) = spread_50_54.iter().fold((f64::INFINITY, 0.0f64), |(l, h), v| (l.min(*v), h.max(*v)));
        assert!(hi - lo > 10_000.0, "{lo} {hi}");
        // The same seed, the same draws.
        assert_eq!(alternative_bases(&b, 3, 7, TILT_SD).unwrap()[..], draws[..3]);
    }

    #[test]
    fn the_2010_estimate_meets_what_2010_publishes() {
        let b = estimate_2010().unwrap();
        assert_eq!(b.year, 2010);
        assert!(b.female.iter().chain(&b.male).all(|x| *x >= 0.0 && x.is_finite()));
        for f in &b.fit {
            assert!(f.met, "{}: target {} estimate {}", f.id.slug(), f.target, f.estimate);
        }
        // 14.44 per 1000 of 4,532,809.
        assert!((b.births - 65_453.8).abs() < 1.0, "{}", b.births);
    }

    #[test]
    fn reports_what_the_published_figures_cannot_all_give() {
        let b = estimate().unwrap();
        let births = b.fit.iter().find(|f| f.id == FitId::Births).unwrap();
        // 表5's rates give about 84,400 births, more than "about 70,000".
        assert!((births.estimate - 84_413.3).abs() < 1.0 && !births.met, "{}", births.estimate);
        assert!(b.tfr > 1.5 && b.tfr < 4.0, "TFR {}", b.tfr);
        let (f, m) = (b.e0_female, b.e0_male);
        assert!(f > m && (f - m - 5.75).abs() < 0.01);
        assert_eq!(b.fit.iter().filter(|f| f.id.is_cohort()).count(), 3);
    }
}
