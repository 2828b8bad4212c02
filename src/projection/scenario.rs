//! Scenarios for Liangshan, 2020 to 2050 by single year of age and sex, from
//! the estimated base population; and the indicators of every year.

use serde::Serialize;

use super::base::{BasePopulation, AGES, PRIOR_SRB};
use super::ccmpp::{sum, sum_of_both};
use super::spec::{PerStep, Sex as SexSpec, Spec};
use crate::data::tables::TABLE1;
use crate::demography::fertility::{relational_gompertz, GROUPS};
use crate::demography::migration::STANDARD;
use crate::demography::single_year::single_year;
use crate::demography::Sex;
use crate::error::{Error, ErrorKind};
use crate::i18n::Text;

pub const BASE_YEAR: u16 = 2020;

/// What a scenario assumes. Every field can be overridden.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Assumptions {
    /// Total fertility rate in 2030 and 2050 (linear from the base year's
    /// implied TFR to 2030, then to 2050, then constant).
    pub tfr_2030: f64,
    pub tfr_2050: f64,
    /// Life expectancy at birth, both sexes, in 2025 and 2030; then a
    /// yearly gain.
    pub e0_2025: f64,
    pub e0_2030: f64,
    pub e0_gain_per_year: f64,
    /// Net migrants a year (negative: more leave than arrive), spread over
    /// ages by a Rogers-Castro schedule, half women and half men.
    pub net_migration: f64,
    /// Sex ratio at birth, males per female.
    pub srb: f64,
    /// Last year projected.
    pub horizon: u16,
}

/// How much lower and higher the low and high presets' fertility is than
/// the plan's path (about the width of the UN's low and high variants).
pub const TFR_VARIANT: f64 = 0.5;

/// The preset scenarios.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Preset {
    #[default]
    /// The plan's path: TFR to 1.6 by 2030, e0 77.1 in 2025 and 78 in 2030.
    Plan,
    /// 2020's rates held constant.
    Constant,
    /// The plan's path with TFR 0.5 lower.
    Low,
    /// The plan's path with TFR 0.5 higher.
    High,
    /// The plan's path without migration.
    ZeroMigration,
}

impl Preset {
    pub const ALL: [Preset; 5] = [Preset::Plan, Preset::Constant, Preset::Low, Preset::High, Preset::ZeroMigration];

    /// Its name in URLs and on the command line.
    pub fn slug(self) -> &'static str {
        match self {
            Preset::Plan => "plan",
            Preset::Constant => "constant",
            Preset::Low => "low",
            Preset::High => "high",
            Preset::ZeroMigration => "zero-migration",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.slug() == slug)
    }

    pub fn name(self) -> Text {
        match self {
            Preset::Plan => Text::new("规划路径", "The plan's path"),
            Preset::Constant => Text::new("2020年水平不变", "Constant 2020 rates"),
            Preset::Low => Text::new("低生育", "Low fertility"),
            Preset::High => Text::new("高生育", "High fertility"),
            Preset::ZeroMigration => Text::new("零迁移", "Zero migration"),
        }
    }
}

/// Net migration 2010-2020 implied by the two censuses and the estimate's
/// natural increase, and its yearly average.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MigrationEstimate {
    pub change: f64,
    pub births: f64,
    pub deaths: f64,
    pub net_migration: f64,
    pub per_year: f64,
}

/// Births over 2010-2020 from those aged 0-9 in 2020 (reverse survival);
/// deaths from the base year's death rates applied to the decade's mean
/// population; net migration is what remains of the census change.
pub fn estimate_migration(base: &BasePopulation) -> Result<MigrationEstimate, Error> {
    let p2020: f64 = TABLE1.iter().map(|r| r.count_2020.value).sum();
    let p2010: f64 = TABLE1.iter().map(|r| r.count_2010.value).sum();
    decade_migration(base, p2010, p2020)
}

/// Net migration over the decade before `base` (whose census total is
/// `p_end`), from the census total `p_start` ten years earlier, as
/// [`estimate_migration`] estimates it.
pub fn decade_migration(base: &BasePopulation, p_start: f64, p_end: f64) -> Result<MigrationEstimate, Error> {
    let mut births = 0.0;
    let mut deaths = 0.0;
    for (pop, sex, e0) in [(&base.female, Sex::Female, base.e0_female), (&base.male, Sex::Male, base.e0_male)] {
        let lt = single_year(&base.mortality.table(sex, e0)?, AGES - 1);
        births += (0..10).map(|a| pop[a] / lt.big_lx[a]).sum::<f64>();
        let m = |a: usize| if a + 1 < AGES { (lt.lx[a] - lt.lx[a + 1]) / lt.big_lx[a] } else { lt.lx[a] / lt.big_lx[a] };
        deaths += (0..AGES).map(|a| pop[a] * m(a)).sum::<f64>();
    }
    let deaths = deaths * 10.0 * ((p_start + p_end) / 2.0) / p_end;
    let change = p_end - p_start;
    let net = change - (births - deaths);
    Ok(MigrationEstimate { change, births, deaths, net_migration: net, per_year: net / 10.0 })
}

/// The assumptions of a preset.
pub fn preset(p: Preset, base: &BasePopulation, migration: &MigrationEstimate) -> Assumptions {
    let plan = Assumptions {
        tfr_2030: 1.6,
        tfr_2050: 1.6,
        e0_2025: 77.1,
        e0_2030: 78.0,
        e0_gain_per_year: 0.15,
        net_migration: migration.per_year,
        srb: PRIOR_SRB,
        horizon: 2050,
    };
    let e0_base = (base.e0_female + PRIOR_SRB * base.e0_male) / (1.0 + PRIOR_SRB);
    match p {
        Preset::Plan => plan,
        Preset::Constant => {
            Assumptions { tfr_2030: base.tfr, tfr_2050: base.tfr, e0_2025: e0_base, e0_2030: e0_base, e0_gain_per_year: 0.0, ..plan }
        }
        Preset::Low => Assumptions { tfr_2030: plan.tfr_2030 - TFR_VARIANT, tfr_2050: plan.tfr_2050 - TFR_VARIANT, ..plan },
        Preset::High => Assumptions { tfr_2030: plan.tfr_2030 + TFR_VARIANT, tfr_2050: plan.tfr_2050 + TFR_VARIANT, ..plan },
        Preset::ZeroMigration => Assumptions { net_migration: 0.0, ..plan },
    }
}

/// Indicators of one year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Year {
    pub year: u16,
    pub population: f64,
    /// Births, deaths and net migrants of the year that follows (none for
    /// the last year).
    pub births: Option<f64>,
    pub deaths: Option<f64>,
    pub net_migrants: Option<f64>,
    /// Per 1000 of the mean population of the year that follows.
    pub cbr: Option<f64>,
    pub cdr: Option<f64>,
    pub growth_rate: Option<f64>,
    pub tfr: f64,
    pub e0_female: f64,
    pub e0_male: f64,
    pub share_0_14: f64,
    pub share_15_59: f64,
    pub share_15_64: f64,
    pub share_60_plus: f64,
    pub share_65_plus: f64,
    pub share_80_plus: f64,
    pub youth_dependency: f64,
    pub old_age_dependency: f64,
    pub total_dependency: f64,
    pub median_age: f64,
    pub sex_ratio: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Run {
    pub assumptions: Assumptions,
    pub years: Vec<Year>,
    pub female: Vec<Vec<f64>>,
    pub male: Vec<Vec<f64>>,
    /// The base population is an estimate, and so is everything projected from it.
    pub estimate: bool,
}

/// Checks that every assumption is a finite number within its bounds.
pub fn check(a: &Assumptions) -> Result<(), Error> {
    let range = |name: &'static str, v: f64, min: f64, max: f64| -> Result<(), Error> {
        if v.is_finite() && v >= min && v <= max {
            Ok(())
        } else {
            Err(ErrorKind::OutOfRange { name, value: v, min, max }.into())
        }
    };
    range("tfr_2030", a.tfr_2030, 0.0, 10.0)?;
    range("tfr_2050", a.tfr_2050, 0.0, 10.0)?;
    // Both sexes; women live about three years longer, and the model tables
    // end at a female e0 of 97: 92 for both sexes keeps women within them.
    range("e0_2025", a.e0_2025, 20.0, 92.0)?;
    range("e0_2030", a.e0_2030, 20.0, 92.0)?;
    range("e0_gain_per_year", a.e0_gain_per_year, -2.0, 2.0)?;
    let last = a.e0_2030 + a.e0_gain_per_year * (f64::from(a.horizon.max(2030)) - 2030.0);
    range("e0 at the horizon (e0_2030 + e0_gain_per_year × years)", last, 20.0, 92.0)?;
    range("net_migration", a.net_migration, -500_000.0, 500_000.0)?;
    range("srb", a.srb, 0.8, 1.4)?;
    range("horizon", f64::from(a.horizon), 2021.0, 2100.0)
}

/// Linear between knots (year, value); constant beyond the last.
fn path(knots: &[(f64, f64)], t: f64) -> f64 {
    if t <= knots[0].0 {
        return knots[0].1;
    }
    for w in knots.windows(2) {
        if t <= w[1].0 {
            return w[0].1 + (w[1].1 - w[0].1) * (t - w[0].0) / (w[1].0 - w[0].0);
        }
    }
    knots[knots.len() - 1].1
}

/// The age that halves women and men `f` + `m` (whose sum is `total`).
fn median_age(f: &[f64], m: &[f64], total: f64) -> f64 {
    let half = total / 2.0;
    let mut acc = 0.0;
    for (a, (x, y)) in f.iter().zip(m).enumerate() {
        let n = x + y;
        if acc + n >= half && n > 0.0 {
            return a as f64 + (half - acc) / n;
        }
        acc += n;
    }
    f.len() as f64
}

/// The yearly paths a scenario sets: TFR and life expectancy by sex at the
/// middle of each year (one more than the steps, for the last year's
/// indicators), and net migrants of each step.
#[derive(Clone, Debug, PartialEq)]
pub struct Paths {
    pub tfr: Vec<f64>,
    pub e0: Vec<(f64, f64)>,
    pub migration: Vec<f64>,
}

/// The paths of `a` from `base`.
pub fn paths(base: &BasePopulation, a: &Assumptions) -> Paths {
    let steps = usize::from(a.horizon - BASE_YEAR);
    let e0_base = (base.e0_female + PRIOR_SRB * base.e0_male) / (1.0 + PRIOR_SRB);
    let gap = base.e0_female - base.e0_male;
    let tfr_knots = [(2020.0, base.tfr), (2030.0, a.tfr_2030), (2050.0, a.tfr_2050)];
    let e0_at = |t: f64| -> f64 {
        if t <= 2030.0 {
            path(&[(2020.0, e0_base), (2025.0, a.e0_2025), (2030.0, a.e0_2030)], t)
        } else {
            a.e0_2030 + a.e0_gain_per_year * (t - 2030.0)
        }
    };
    let w_f = 1.0 / (1.0 + a.srb);
    let mid = |k: usize| f64::from(BASE_YEAR) + k as f64 + 0.5;
    Paths {
        tfr: (0..=steps).map(|k| path(&tfr_knots, mid(k))).collect(),
        e0: (0..=steps)
            .map(|k| {
                let e = e0_at(mid(k));
                (e - w_f * gap + gap, e - w_f * gap)
            })
            .collect(),
        migration: vec![a.net_migration; steps],
    }
}

/// Person-years by single year of age (radix 1) for a sex and life expectancy.
pub type NlxSource<'a> = dyn Fn(Sex, f64) -> Result<Vec<f64>, Error> + 'a;

/// The exact source: the base population's mortality model at every e0.
pub fn model_nlx(base: &BasePopulation) -> impl Fn(Sex, f64) -> Result<Vec<f64>, Error> + '_ {
    move |sex, e0| base.mortality.nlx(sex, e0, AGES - 1)
}

/// Single-year fertility rates for a TFR: Booth's standard pattern, each
/// five-year group's rate on its five single years.
pub fn single_year_asfr(tfr: f64) -> Result<Vec<f64>, Error> {
    let groups = relational_gompertz(tfr, 0.0, 1.0)?;
    let mut f = vec![0.0; AGES];
    for (g, rate) in GROUPS.iter().zip(groups) {
        let g = *g as usize;
        f[g..g + 5].fill(rate);
    }
    Ok(f)
}

/// Projects `base` under `a`, one year at a time.
pub fn run(base: &BasePopulation, a: &Assumptions) -> Result<Run, Error> {
    check(a)?;
    run_paths(base, a, &paths(base, a), &model_nlx(base))
}

/// The engine's input for `base` along `paths` from its year, with the sex
/// ratio at birth `srb`: one step a year, single years of age, life tables
/// and fertility for every year.
pub fn spec_for(base: &BasePopulation, srb: f64, paths: &Paths, nlx: &NlxSource) -> Result<Spec, Error> {
    let steps = paths.migration.len();
    let mut nlx_f = Vec::with_capacity(steps);
    let mut nlx_m = Vec::with_capacity(steps);
    let mut asfr = Vec::with_capacity(steps);
    for k in 0..steps {
        nlx_f.push(nlx(Sex::Female, paths.e0[k].0)?);
        nlx_m.push(nlx(Sex::Male, paths.e0[k].1)?);
        asfr.push(single_year_asfr(paths.tfr[k])?);
    }
    // One age schedule, scaled to each year's total.
    let shares = STANDARD.shares(AGES);
    let mig: Vec<Vec<f64>> = paths.migration.iter().map(|m| shares.iter().map(|s| s * m / 2.0).collect()).collect();
    Ok(Spec {
        base_year: i32::from(base.year),
        step: 1,
        steps: steps as u32,
        radix: 1.0,
        female: SexSpec { population: base.female.clone(), nlx: PerStep::Each(nlx_f), net_migrants: Some(PerStep::Each(mig.clone())) },
        male: Some(SexSpec { population: base.male.clone(), nlx: PerStep::Each(nlx_m), net_migrants: Some(PerStep::Each(mig)) }),
        asfr: PerStep::Each(asfr),
        srb: PerStep::Constant(srb),
        net_migrants: None,
    })
}

/// Projects `base` along explicit paths (the stochastic runs perturb them).
pub fn run_paths(base: &BasePopulation, a: &Assumptions, paths: &Paths, nlx: &NlxSource) -> Result<Run, Error> {
    let spec = spec_for(base, a.srb, paths, nlx)?;
    // Built here, so valid by construction; debug builds check anyway.
    debug_assert!(spec.validate().is_ok(), "{:?}", spec.validate());
    let mut run = assemble_run(a, paths, super::ccmpp::project_valid(&spec));
    run.estimate = base.estimate;
    Ok(run)
}

/// A run from a projection and the paths it followed: the yearly indicators.
pub fn assemble_run(a: &Assumptions, paths: &Paths, p: super::ccmpp::Projection) -> Run {
    let steps = p.births.len();
    let male = p.male.clone().unwrap_or_default();
    let years = (0..=steps)
        .map(|k| {
            let flows = (k < steps).then(|| Flows {
                births: p.births[k].total,
                deaths: p.deaths[k].female + p.deaths[k].male.unwrap_or(0.0),
                net_migrants: p.net_migrants[k].female + p.net_migrants[k].male.unwrap_or(0.0),
                next_population: sum(&p.female[k + 1]) + sum(&male[k + 1]),
            });
            year_of(BASE_YEAR + k as u16, &p.female[k], &male[k], flows, paths.tfr[k], paths.e0[k])
        })
        .collect();
    Run { assumptions: *a, years, female: p.female, male, estimate: true }
}

/// What happens over the step that follows a year.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Flows {
    pub births: f64,
    pub deaths: f64,
    pub net_migrants: f64,
    /// Women plus men at the end of the step.
    pub next_population: f64,
}

/// The indicators of one year from its population by single year of age
/// (women `f`, men `m`): one sum for each of the five broad age groups,
/// the others made of those.
pub(crate) fn year_of(year: u16, f: &[f64], m: &[f64], flows: Option<Flows>, tfr: f64, e0: (f64, f64)) -> Year {
    let n = f.len().min(m.len());
    year_with(year, f, m, (sum(&f[..n]), sum(&m[..n])), flows, tfr, e0)
}

/// [`year_of`], the totals of women and of men (`sexes`) known already: the
/// step that made the population returns them (the kernel's `survive`,
/// whose sum of what it writes is [`sum`]'s to the bit), so a probabilistic
/// run does not add every age again.
pub(crate) fn year_with(year: u16, f: &[f64], m: &[f64], sexes: (f64, f64), flows: Option<Flows>, tfr: f64, e0: (f64, f64)) -> Year {
    let n = f.len().min(m.len());
    let (f, m) = (&f[..n], &m[..n]);
    let group = |lo: usize, hi: usize| -> f64 { sum_of_both(&f[lo.min(n)..hi.min(n)], &m[lo.min(n)..hi.min(n)]) };
    let (young, to_59, from_60, from_65, over_80) = (group(0, 15), group(15, 60), group(60, 65), group(65, 80), group(80, n));
    let (to_64, over_65) = (to_59 + from_60, from_65 + over_80);
    let over_60 = from_60 + over_65;
    let total = young + to_64 + over_65;
    let (women, men) = sexes;
    let (work, old) = (to_64, over_65);
    let flow = flows.map(|fl| {
        let mean = (total + fl.next_population) / 2.0;
        (fl.births / mean * 1000.0, fl.deaths / mean * 1000.0, (fl.next_population - total) / mean * 1000.0)
    });
    Year {
        year,
        population: total,
        births: flows.map(|x| x.births),
        deaths: flows.map(|x| x.deaths),
        net_migrants: flows.map(|x| x.net_migrants),
        cbr: flow.map(|x| x.0),
        cdr: flow.map(|x| x.1),
        growth_rate: flow.map(|x| x.2),
        tfr,
        e0_female: e0.0,
        e0_male: e0.1,
        share_0_14: young / total * 100.0,
        share_15_59: to_59 / total * 100.0,
        share_15_64: work / total * 100.0,
        share_60_plus: over_60 / total * 100.0,
        share_65_plus: old / total * 100.0,
        share_80_plus: over_80 / total * 100.0,
        youth_dependency: young / work * 100.0,
        old_age_dependency: old / work * 100.0,
        total_dependency: (young + old) / work * 100.0,
        median_age: median_age(f, m, total),
        sex_ratio: men / women * 100.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;

    #[test]
    fn the_decade_implies_net_out_migration() {
        let m = estimate_migration(&estimate().unwrap()).unwrap();
        assert!((m.change - 325_550.0).abs() < 1e-6);
        assert!((m.births - m.deaths - m.change + m.net_migration).abs() < 1e-6);
        assert!(m.net_migration < 0.0, "{m:?}");
    }

    #[test]
    fn every_preset_runs_to_2050_and_keeps_its_accounts() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let mut totals = Vec::new();
        for p in Preset::ALL {
            let r = run(&base, &preset(p, &base, &mig)).unwrap();
            assert_eq!(r.years.len(), 31);
            assert_eq!(r.years[30].year, 2050);
            for w in r.years.windows(2) {
                let (a, b) = (&w[0], &w[1]);
                let flow = a.births.unwrap() - a.deaths.unwrap() + a.net_migrants.unwrap();
                assert!((b.population - a.population - flow).abs() < 1e-6 * a.population, "{p:?} {}", a.year);
            }
            assert!(r.female.iter().chain(&r.male).flatten().all(|x| *x >= 0.0), "{p:?}: negative population");
            totals.push((p, r.years[30].population, r.years[10].share_60_plus));
        }
        let get = |p: Preset| totals.iter().find(|t| t.0 == p).unwrap().1;
        assert!(get(Preset::High) > get(Preset::Plan) && get(Preset::Plan) > get(Preset::Low));
        assert!(get(Preset::ZeroMigration) > get(Preset::Plan), "out-migration makes the plan's path smaller");
    }

    #[test]
    fn assumptions_out_of_range_are_errors_naming_them() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let mut a = preset(Preset::Plan, &base, &mig);
        a.tfr_2030 = 12.0;
        assert!(run(&base, &a).unwrap_err().to_string().contains("tfr_2030"));
        a.tfr_2030 = f64::NAN;
        assert!(run(&base, &a).is_err());
        a.tfr_2030 = 0.0;
        let r = run(&base, &a).unwrap();
        assert!(r.years[20].births.unwrap() < r.years[0].births.unwrap());
    }
}
