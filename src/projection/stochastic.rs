//! Probabilistic projections: many trajectories around a scenario's paths,
//! with autocorrelated (AR(1)) deviations of fertility, life expectancy and
//! migration, drawn from a seeded generator (the same seed gives the same
//! numbers everywhere), summarised as medians and 80% and 95% intervals.

use serde::Serialize;

use super::base::{BasePopulation, AGES};
use super::counties::RegionInputs;
use super::indicator::Indicator;
use super::scenario::{paths, Assumptions, Paths, Year, BASE_YEAR};
use crate::demography::mortality::Mortality;
use crate::demography::Sex;
use crate::error::{Error, ErrorKind};

/// SplitMix64: small, fast, and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in (0, 1).
    pub fn uniform(&mut self) -> f64 {
        ((self.next_u64() >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (2.0 * std::f64::consts::PI * v).cos()
    }
}

/// How much the paths wander: yearly shocks and their persistence.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Uncertainty {
    pub tfr_sd: f64,
    pub tfr_persistence: f64,
    pub e0_sd: f64,
    pub e0_persistence: f64,
    pub migration_sd: f64,
    pub migration_persistence: f64,
}

/// Chosen so that the 95% interval of the TFR in 2050 spans roughly ±0.5,
/// about the width of the UN's high and low variants, and life expectancy
/// about ±2 years.
pub const DEFAULT_UNCERTAINTY: Uncertainty = Uncertainty {
    tfr_sd: 0.05,
    tfr_persistence: 0.95,
    e0_sd: 0.15,
    e0_persistence: 0.95,
    migration_sd: 8_000.0,
    migration_persistence: 0.6,
};

/// Median and intervals of one indicator, year by year.
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Fan {
    pub indicator: Indicator,
    pub years: Vec<u16>,
    pub median: Vec<f64>,
    pub lo80: Vec<f64>,
    pub hi80: Vec<f64>,
    pub lo95: Vec<f64>,
    pub hi95: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct Probabilistic {
    pub trajectories: usize,
    pub seed: u64,
    pub fans: Vec<Fan>,
    /// Share of trajectories reaching 5 million residents by 2030.
    pub p_5_million_2030: f64,
    /// Share of trajectories with more than 20% aged 60+ in 2030.
    pub p_60_plus_over_20_in_2030: f64,
}

impl Probabilistic {
    /// The fan of one indicator.
    pub fn fan(&self, indicator: Indicator) -> Option<&Fan> {
        self.fans.iter().find(|f| f.indicator == indicator)
    }
}

/// Single-year person-years on a grid of life expectancy (every 0.05 year),
/// interpolated between grid points: the same tables, computed once.
struct Grid {
    lo: f64,
    step: f64,
    tables: [Vec<Vec<f64>>; 2],
}

impl Grid {
    fn new(mortality: &Mortality, lo: f64, hi: f64) -> Result<Grid, Error> {
        let step = 0.05;
        let n = ((hi - lo) / step).ceil() as usize + 2;
        let mut tables = [Vec::with_capacity(n), Vec::with_capacity(n)];
        for (i, sex) in [Sex::Female, Sex::Male].into_iter().enumerate() {
            for j in 0..n {
                tables[i].push(mortality.nlx(sex, lo + step * j as f64, AGES - 1)?);
            }
        }
        Ok(Grid { lo, step, tables })
    }

    fn nlx(&self, sex: Sex, e0: f64) -> Result<Vec<f64>, Error> {
        let t = &self.tables[if sex == Sex::Female { 0 } else { 1 }];
        let x = ((e0 - self.lo) / self.step).clamp(0.0, (t.len() - 2) as f64);
        let (i, w) = (x.floor() as usize, x.fract());
        Ok(t[i].iter().zip(&t[i + 1]).map(|(a, b)| a + w * (b - a)).collect())
    }
}

fn quantile(sorted: &[f64], q: f64) -> f64 {
    let pos = q * (sorted.len() - 1) as f64;
    let (i, w) = (pos.floor() as usize, pos.fract());
    if i + 1 < sorted.len() {
        sorted[i] + w * (sorted[i + 1] - sorted[i])
    } else {
        sorted[i]
    }
}

/// `trajectories` runs around `a`'s paths from `seed`.
pub fn simulate(base: &BasePopulation, a: &Assumptions, u: &Uncertainty, trajectories: usize, seed: u64) -> Result<Probabilistic, Error> {
    simulate_region(base, &RegionInputs::whole(base), a, u, trajectories, seed)
}

/// [`simulate`] for a region of the prefecture `pref`: the prefecture's
/// paths wander, and the region follows them as it does in a deterministic
/// run (fertility in proportion, its share of migration).
pub fn simulate_region(
    pref: &BasePopulation,
    region: &RegionInputs,
    a: &Assumptions,
    u: &Uncertainty,
    trajectories: usize,
    seed: u64,
) -> Result<Probabilistic, Error> {
    if trajectories == 0 || trajectories > 20_000 {
        return Err(ErrorKind::OutOfRange { name: "trajectories", value: trajectories as f64, min: 1.0, max: 20_000.0 }.into());
    }
    let centre = paths(pref, a);
    let (lo, hi) = centre.e0.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), (f, m)| (l.min(f.min(*m)), h.max(f.max(*m))));
    // Deviations of e0 have a stationary spread of about half a year; ±4
    // years is eight of those. Beyond the grid the nearest end is used.
    let grid = Grid::new(&region.base.mortality, (lo - 4.0).max(20.0), (hi + 4.0).min(95.0))?;
    let nlx = |sex: Sex, e0: f64| grid.nlx(sex, e0);
    let mut rng = Rng::new(seed);
    let mut runs: Vec<Vec<Year>> = Vec::with_capacity(trajectories);
    for _ in 0..trajectories {
        let (mut dt, mut de, mut dm) = (0.0, 0.0, 0.0);
        let mut p = Paths { tfr: Vec::new(), e0: Vec::new(), migration: Vec::new() };
        for k in 0..centre.tfr.len() {
            if k > 0 {
                dt = u.tfr_persistence * dt + u.tfr_sd * rng.normal();
                de = u.e0_persistence * de + u.e0_sd * rng.normal();
                dm = u.migration_persistence * dm + u.migration_sd * rng.normal();
            }
            p.tfr.push((centre.tfr[k] + dt).clamp(0.3, 8.0));
            p.e0.push((centre.e0[k].0 + de, centre.e0[k].1 + de));
            if k < centre.migration.len() {
                p.migration.push(centre.migration[k] + dm);
            }
        }
        runs.push(region.run(a, &p, &nlx)?.years);
    }
    let years: Vec<u16> = (0..centre.tfr.len()).map(|k| BASE_YEAR + k as u16).collect();
    let fans = Indicator::ALL
        .iter()
        .map(|&indicator| {
            let mut fan = Fan { indicator, years: years.clone(), median: vec![], lo80: vec![], hi80: vec![], lo95: vec![], hi95: vec![] };
            for k in 0..years.len() {
                let mut v: Vec<f64> = runs.iter().map(|r| indicator.of(&r[k])).filter(|x| x.is_finite()).collect();
                v.sort_by(f64::total_cmp);
                let q = |p: f64| if v.is_empty() { f64::NAN } else { quantile(&v, p) };
                fan.median.push(q(0.5));
                fan.lo80.push(q(0.1));
                fan.hi80.push(q(0.9));
                fan.lo95.push(q(0.025));
                fan.hi95.push(q(0.975));
            }
            fan
        })
        .collect();
    let k2030 = usize::from(2030 - BASE_YEAR).min(years.len() - 1);
    let share = |f: &dyn Fn(&Year) -> bool| runs.iter().filter(|r| f(&r[k2030])).count() as f64 / trajectories as f64;
    Ok(Probabilistic {
        trajectories,
        seed,
        fans,
        p_5_million_2030: share(&|y| y.population >= 5_000_000.0),
        p_60_plus_over_20_in_2030: share(&|y| y.share_60_plus > 20.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;
    use crate::projection::scenario::{estimate_migration, preset, Preset};

    #[test]
    fn the_same_seed_gives_the_same_numbers() {
        let mut a = Rng::new(42);
        let mut b = Rng::new(42);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        // And a known first draw, so that a platform difference would show.
        assert_eq!(Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
        let mean: f64 = (0..20_000).map(|_| a.normal()).sum::<f64>() / 20_000.0;
        assert!(mean.abs() < 0.03);
    }

    #[test]
    fn fans_are_ordered_reproducible_and_centred() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let p = simulate(&base, &a, &DEFAULT_UNCERTAINTY, 200, 7).unwrap();
        let q = simulate(&base, &a, &DEFAULT_UNCERTAINTY, 200, 7).unwrap();
        // (Births of the last year are NaN: no year follows it.)
        assert!(format!("{p:?}") == format!("{q:?}"), "the same seed gave different numbers");
        let pop = p.fans.iter().find(|f| f.indicator == Indicator::Population).unwrap();
        for k in 0..pop.years.len() {
            assert!(
                pop.lo95[k] <= pop.lo80[k] && pop.lo80[k] <= pop.median[k] && pop.median[k] <= pop.hi80[k] && pop.hi80[k] <= pop.hi95[k]
            );
        }
        // The base year is known: no spread; the spread widens with time.
        assert_eq!(pop.lo95[0], pop.hi95[0]);
        assert!(pop.hi95[30] - pop.lo95[30] > pop.hi95[10] - pop.lo95[10]);
        let det = crate::projection::scenario::run(&base, &a).unwrap();
        assert!((pop.median[30] / det.years[30].population - 1.0).abs() < 0.02);
        assert!((0.0..=1.0).contains(&p.p_5_million_2030));
        assert!(simulate(&base, &a, &DEFAULT_UNCERTAINTY, 0, 1).is_err());
    }
}
