//! Base populations of the 17 counties (ESTIMATES): the prefecture's
//! estimated age-sex structure, tilted for each county by its birth rate
//! (children) and its share aged 60+ (表5), scaled to its total (表3), then
//! raked so that the counties add up to the prefecture exactly in every age
//! and sex while each keeps its total and its 60+ share.

use serde::Serialize;

use super::base::{BasePopulation, AGES};
use crate::data::counties::{CountyId, COUNTIES};
use crate::error::Error;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyBase {
    pub id: CountyId,
    pub female: Vec<f64>,
    pub male: Vec<f64>,
    /// 表3's total, scaled so that the counties add up to the census total.
    pub total: f64,
    /// 表5's share aged 60+ and the estimate's.
    pub share_60_plus_published: f64,
    pub share_60_plus_estimate: f64,
    /// Share aged 0-4 of the estimate, a proxy the birth rate steers.
    pub share_0_4_estimate: f64,
    /// 2020 births from 表5 (birth rate × total) and those the estimate's
    /// infants imply.
    pub births_published: f64,
    pub births_estimate: f64,
    /// Net migrants a year, 2010-2020: the county's census change less its
    /// natural increase (the prefecture's decade of births shared by 表5's
    /// birth rates, its deaths by population). The counties add up to the
    /// prefecture's net migration; Xichang gains while most counties lose.
    pub net_migration_2010_2020: f64,
    /// What the county's migration differs from its population share of the
    /// prefecture's: moves between counties. Scenarios keep it, so that a
    /// prefecture without net migration still sees people move to Xichang.
    pub migration_offset: f64,
}

/// The prior of each county: the prefecture's age pattern, its children
/// weighted by the county's birth rate and its old by its 60+ share
/// against the prefecture's, scaled to the county's total.
fn prior(base: &BasePopulation, totals: &[f64], pref_total: f64) -> Vec<[Vec<f64>; 2]> {
    let pref_60: f64 = (60..AGES).map(|a| base.female[a] + base.male[a]).sum::<f64>() / pref_total * 100.0;
    let pref_cbr: f64 =
        COUNTIES.iter().map(|c| c.cbr_2020.value * c.pop_2020.value).sum::<f64>() / COUNTIES.iter().map(|c| c.pop_2020.value).sum::<f64>();
    COUNTIES
        .iter()
        .zip(totals)
        .map(|(c, total)| {
            let young = c.cbr_2020.value / pref_cbr;
            let old = c.share_60plus_2020.value / pref_60;
            let w = |a: usize| {
                if a < 15 {
                    young
                } else if a >= 60 {
                    old
                } else {
                    1.0
                }
            };
            let f: Vec<f64> = (0..AGES).map(|a| base.female[a] * w(a)).collect();
            let m: Vec<f64> = (0..AGES).map(|a| base.male[a] * w(a)).collect();
            let s: f64 = f.iter().chain(&m).sum();
            [f.iter().map(|x| x * total / s).collect(), m.iter().map(|x| x * total / s).collect()]
        })
        .collect()
}

/// Rakes the cells (county, sex, age): every (sex, age) column to the
/// prefecture; every county's under-60 and 60+ populations to `olds` (which
/// fixes its total too).
fn rake_counties(cells: &mut [[Vec<f64>; 2]], base: &BasePopulation, totals: &[f64], olds: &[f64]) {
    for _ in 0..300 {
        for sex in 0..2 {
            let pref = if sex == 0 { &base.female } else { &base.male };
            for a in 0..AGES {
                let s: f64 = cells.iter().map(|c| c[sex][a]).sum();
                if s > 0.0 {
                    for c in cells.iter_mut() {
                        c[sex][a] *= pref[a] / s;
                    }
                }
            }
        }
        for ((c, total), old) in cells.iter_mut().zip(totals).zip(olds) {
            for (range, target) in [(0..60, total - old), (60..AGES, *old)] {
                let s: f64 = c.iter().map(|sex| sex[range.clone()].iter().sum::<f64>()).sum();
                if s > 0.0 {
                    for sex in c.iter_mut() {
                        for v in &mut sex[range.clone()] {
                            *v *= target / s;
                        }
                    }
                }
            }
        }
    }
}

/// The counties' 2020 totals: 表3's populations scaled to add up to the
/// prefecture's base.
fn county_totals(base: &BasePopulation) -> (Vec<f64>, f64) {
    let pref_total: f64 = base.female.iter().chain(&base.male).sum();
    let published: f64 = COUNTIES.iter().map(|c| c.pop_2020.value * 1e4).sum();
    (COUNTIES.iter().map(|c| c.pop_2020.value * 1e4 * pref_total / published).collect(), pref_total)
}

/// Each county's yearly net migration 2010-2020, in the order of
/// [`COUNTIES`], without estimating their populations by age.
pub fn county_net_migration(base: &BasePopulation) -> Result<Vec<f64>, Error> {
    Ok(county_migration(base, &county_totals(base).0)?.0)
}

/// The 17 county base populations from the prefecture's.
pub fn estimate_counties(base: &BasePopulation) -> Result<Vec<CountyBase>, Error> {
    let (totals, pref_total) = county_totals(base);
    let mut cells = prior(base, &totals, pref_total);
    // Each county's 60+ population from 表5, scaled so that the counties'
    // add up to the prefecture's (表5's shares, weighted, give 12.443%
    // against the prefecture's 12.441%).
    let olds: Vec<f64> = COUNTIES.iter().zip(&totals).map(|(c, t)| c.share_60plus_2020.value / 100.0 * t).collect();
    let pref_old: f64 = (60..AGES).map(|a| base.female[a] + base.male[a]).sum();
    let olds: Vec<f64> = olds.iter().map(|o| o * pref_old / olds.iter().sum::<f64>()).collect();
    rake_counties(&mut cells, base, &totals, &olds);
    let births_per_infant = base.births / (base.female[0] + base.male[0]);
    let out = CountyId::all()
        .map(|id| {
            let i = id.index();
            let [f, m] = &cells[i];
            let total: f64 = f.iter().chain(m).sum();
            let band = |lo: usize, hi: usize| (lo..=hi).map(|a| f[a] + m[a]).sum::<f64>() / total * 100.0;
            CountyBase {
                id,
                female: f.clone(),
                male: m.clone(),
                total: totals[i],
                share_60_plus_published: COUNTIES[i].share_60plus_2020.value,
                share_60_plus_estimate: band(60, AGES - 1),
                share_0_4_estimate: band(0, 4),
                births_published: COUNTIES[i].cbr_2020.value / 1000.0 * totals[i],
                births_estimate: (f[0] + m[0]) * births_per_infant,
                net_migration_2010_2020: 0.0,
                migration_offset: 0.0,
            }
        })
        .collect::<Vec<_>>();
    let (migration, pref_per_year) = county_migration(base, &totals)?;
    let pref_total: f64 = totals.iter().sum();
    Ok(out
        .into_iter()
        .zip(migration)
        .map(|(c, m)| CountyBase { net_migration_2010_2020: m, migration_offset: m - c.total / pref_total * pref_per_year, ..c })
        .collect())
}

/// Each county's yearly net migration 2010-2020 (see
/// [`CountyBase::net_migration_2010_2020`]), adding up to the prefecture's.
fn county_migration(base: &BasePopulation, totals_2020: &[f64]) -> Result<(Vec<f64>, f64), Error> {
    let pref = super::scenario::estimate_migration(base)?;
    let p2010: f64 = crate::data::tables::TABLE1.iter().map(|r| r.count_2010.value).sum();
    let shares_2010: f64 = COUNTIES.iter().map(|c| c.share_2010.value).sum();
    let p10: Vec<f64> = COUNTIES.iter().map(|c| c.share_2010.value / shares_2010 * p2010).collect();
    let mean: Vec<f64> = p10.iter().zip(totals_2020).map(|(a, b)| (a + b) / 2.0).collect();
    let weight_b: Vec<f64> = COUNTIES.iter().zip(&mean).map(|(c, m)| c.cbr_2020.value * m).collect();
    let (sum_b, sum_m): (f64, f64) = (weight_b.iter().sum(), mean.iter().sum());
    let raw: Vec<f64> = (0..COUNTIES.len())
        .map(|i| {
            let births = pref.births * weight_b[i] / sum_b;
            let deaths = pref.deaths * mean[i] / sum_m;
            (totals_2020[i] - p10[i] - births + deaths) / 10.0
        })
        .collect();
    // Rounding of the printed shares leaves a small residue: shared by population.
    let residue = pref.per_year - raw.iter().sum::<f64>();
    let total: f64 = totals_2020.iter().sum();
    Ok((raw.iter().zip(totals_2020).map(|(m, t)| m + residue * t / total).collect(), pref.per_year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::counties::{XICHANG, XIDE};
    use crate::projection::base::estimate;

    #[test]
    fn counties_add_up_to_the_prefecture_in_every_age_and_sex() {
        let base = estimate().unwrap();
        let cs = estimate_counties(&base).unwrap();
        assert_eq!(cs.len(), 17);
        for a in 0..AGES {
            let f: f64 = cs.iter().map(|c| c.female[a]).sum();
            let m: f64 = cs.iter().map(|c| c.male[a]).sum();
            assert!((f - base.female[a]).abs() < 1e-6 * base.female[a].max(1.0), "female {a}");
            assert!((m - base.male[a]).abs() < 1e-6 * base.male[a].max(1.0), "male {a}");
        }
        for c in &cs {
            let t: f64 = c.female.iter().chain(&c.male).sum();
            assert!((t - c.total).abs() < 1e-3 * c.total.max(1.0) / 100.0, "{:?}", c.id);
        }
    }

    #[test]
    fn county_ageing_follows_table_5() {
        let cs = estimate_counties(&estimate().unwrap()).unwrap();
        for c in &cs {
            // Within the printed rounding, after the 0.002-point rescaling.
            assert!(
                (c.share_60_plus_estimate - c.share_60_plus_published).abs() < 0.01,
                "{:?}: {} vs {}",
                c.id,
                c.share_60_plus_estimate,
                c.share_60_plus_published
            );
        }
        let by = |id: CountyId| cs[id.index()].share_0_4_estimate;
        assert!(by(XIDE) > by(XICHANG), "a higher birth rate gives more young children");
        // Births follow 表5's rates within a quarter (the tilt steers all
        // children, not the infants alone).
        for c in &cs {
            assert!(
                (c.births_estimate / c.births_published - 1.0).abs() < 0.25,
                "{:?}: {} vs {}",
                c.id,
                c.births_estimate,
                c.births_published
            );
        }
    }
}

use super::base::BasePopulation as Base;
use super::ccmpp::{Births, BySex, Projection};
use super::scenario::{assemble_run, model_nlx, paths, run_paths, Assumptions, NlxSource, Paths, Run};
use crate::demography::fertility::{relational_gompertz, GROUPS};

/// A county's base as a base population (the prefecture's life expectancy).
fn as_base(c: &CountyBase, pref: &Base) -> Result<Base, Error> {
    // The county's TFR in 2020: 表5's births over its women's exposure.
    let county = c.id.county();
    let births = county.cbr_2020.value / 1000.0 * c.total;
    let pattern = relational_gompertz(1.0, 0.0, 1.0)?;
    let exposure: f64 = GROUPS.iter().zip(pattern).map(|(g, f)| f * c.female[*g as usize..*g as usize + 5].iter().sum::<f64>()).sum();
    Ok(Base {
        year: pref.year,
        female: c.female.clone(),
        male: c.male.clone(),
        e0_female: pref.e0_female,
        e0_male: pref.e0_male,
        births,
        tfr: births / exposure,
        fit: Vec::new(),
        estimate: true,
        mortality: pref.mortality.clone(),
    })
}

/// One region's projection inputs: its base population, and how the
/// prefecture's paths carry over to it (its fertility moves with the
/// prefecture's in proportion to its 2020 level; its migration is its
/// population share of the prefecture's plus its 2010-2020 moves between
/// counties).
#[derive(Clone, Debug)]
pub struct RegionInputs {
    pub base: Base,
    pub tfr_ratio: f64,
    pub migration_share: f64,
    /// Net migrants a year beyond its share: moves between counties.
    pub migration_offset: f64,
}

impl RegionInputs {
    /// The prefecture itself.
    pub fn whole(pref: &Base) -> RegionInputs {
        RegionInputs { base: pref.clone(), tfr_ratio: 1.0, migration_share: 1.0, migration_offset: 0.0 }
    }

    /// County `c` of the prefecture `pref`.
    pub fn county(pref: &Base, c: &CountyBase) -> Result<RegionInputs, Error> {
        let base = as_base(c, pref)?;
        let pref_total: f64 = pref.female.iter().chain(&pref.male).sum();
        Ok(RegionInputs {
            tfr_ratio: base.tfr / pref.tfr,
            migration_share: c.total / pref_total,
            migration_offset: c.migration_offset,
            base,
        })
    }

    /// The prefecture's paths carried over to this region.
    pub fn scale(&self, mut p: Paths) -> Paths {
        p.tfr.iter_mut().for_each(|t| *t *= self.tfr_ratio);
        p.migration.iter_mut().for_each(|m| *m = self.migration_offset + *m * self.migration_share);
        p
    }

    /// Projects the region along the prefecture's paths `pref_paths`.
    pub fn run(&self, a: &Assumptions, pref_paths: &Paths, nlx: &NlxSource) -> Result<Run, Error> {
        run_paths(&self.base, a, &self.scale(pref_paths.clone()), nlx)
    }
}

/// Every county projected with its own fertility (its 2020 TFR, moving
/// with the scenario's path in proportion) and migration (see [`RegionInputs`]);
/// and the prefecture as their sum, so that the counties always add up to it.
pub fn run_counties(pref: &Base, counties: &[CountyBase], a: &Assumptions, nlx: &NlxSource) -> Result<(Vec<Run>, Run), Error> {
    let pref_paths = paths(pref, a);
    let mut runs = Vec::with_capacity(counties.len());
    for c in counties {
        runs.push(RegionInputs::county(pref, c)?.run(a, &pref_paths, nlx)?);
    }
    // The sum, year by year and age by age.
    let years = runs[0].female.len();
    let add = |pick: &dyn Fn(&Run) -> &Vec<Vec<f64>>| -> Vec<Vec<f64>> {
        (0..years).map(|k| (0..AGES).map(|x| runs.iter().map(|r| pick(r)[k][x]).sum()).collect()).collect()
    };
    let female = add(&|r| &r.female);
    let male = add(&|r| &r.male);
    let flows = |f: &dyn Fn(&super::scenario::Year) -> Option<f64>| -> Vec<f64> {
        (0..years - 1).map(|k| runs.iter().map(|r| f(&r.years[k]).unwrap_or(0.0)).sum()).collect()
    };
    let (births, deaths, net) = (flows(&|y| y.births), flows(&|y| y.deaths), flows(&|y| y.net_migrants));
    // Births by sex follow the sex ratio at birth; deaths and migrants are
    // split by sex from the populations' change.
    let srb = a.srb;
    let p = Projection {
        years: (0..years).map(|k| i64::from(pref.year) + k as i64).collect(),
        births: births
            .iter()
            .map(|b| Births { total: *b, female: b / (1.0 + srb), male: b * srb / (1.0 + srb), by_mother_age: Vec::new() })
            .collect(),
        deaths: (0..years - 1)
            .map(|k| {
                let df = female[k].iter().sum::<f64>() - female[k + 1].iter().sum::<f64>() + births[k] / (1.0 + srb);
                BySex { female: df + net[k] / 2.0, male: Some(deaths[k] - df - net[k] / 2.0) }
            })
            .collect(),
        net_migrants: net.iter().map(|n| BySex { female: n / 2.0, male: Some(n / 2.0) }).collect(),
        female,
        male: Some(male),
    };
    Ok((runs, assemble_run(a, &pref_paths, p)))
}

/// [`run_counties`] with the exact life tables.
pub fn run_counties_exact(pref: &Base, counties: &[CountyBase], a: &Assumptions) -> Result<(Vec<Run>, Run), Error> {
    run_counties(pref, counties, a, &model_nlx(pref))
}

#[cfg(test)]
mod county_runs {
    use super::*;
    use crate::data::counties::{XICHANG, XIDE};
    use crate::projection::base::estimate;
    use crate::projection::scenario::{estimate_migration, preset, Preset};

    #[test]
    fn counties_always_add_up_to_the_prefecture() {
        let base = estimate().unwrap();
        let cs = estimate_counties(&base).unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = Assumptions { horizon: 2035, ..preset(Preset::Plan, &base, &mig) };
        let (runs, sum) = run_counties_exact(&base, &cs, &a).unwrap();
        assert_eq!(runs.len(), 17);
        for (k, y) in sum.years.iter().enumerate() {
            let counties: f64 = runs.iter().map(|r| r.years[k].population).sum();
            assert!((y.population - counties).abs() < 1e-6 * counties, "{}", y.year);
        }
        // The sum keeps its accounts.
        for w in sum.years.windows(2) {
            let flow = w[0].births.unwrap() - w[0].deaths.unwrap() + w[0].net_migrants.unwrap();
            assert!((w[1].population - w[0].population - flow).abs() < 1e-6 * w[0].population);
        }
        // High-fertility counties have more births for their size than Xichang.
        let birth_rate = |id: CountyId| runs[id.index()].years[10].cbr.unwrap();
        assert!(birth_rate(XIDE) > 1.5 * birth_rate(XICHANG));
    }
}

/// The engine inputs of the prefecture and its 17 counties under `a` (what
/// the benchmark projects): exact life tables, each region's fertility and
/// share of migration.
pub fn region_specs(pref: &Base, counties: &[CountyBase], a: &Assumptions) -> Result<Vec<super::spec::Spec>, Error> {
    let pref_paths = paths(pref, a);
    let nlx = model_nlx(pref);
    let mut out = vec![super::scenario::spec_for(pref, a.srb, &pref_paths, &nlx)?];
    for c in counties {
        let r = RegionInputs::county(pref, c)?;
        out.push(super::scenario::spec_for(&r.base, a.srb, &r.scale(pref_paths.clone()), &nlx)?);
    }
    Ok(out)
}

#[cfg(test)]
mod county_migration_tests {
    use super::*;
    use crate::data::counties::{HUILI, XICHANG, ZHAOJUE};
    use crate::projection::base::estimate;
    use crate::projection::scenario::estimate_migration;

    #[test]
    fn xichang_gains_the_mountain_counties_lose_and_all_add_up() {
        let base = estimate().unwrap();
        let cs = estimate_counties(&base).unwrap();
        let pref = estimate_migration(&base).unwrap();
        let sum: f64 = cs.iter().map(|c| c.net_migration_2010_2020).sum();
        assert!((sum - pref.per_year).abs() < 1e-6, "{sum} vs {}", pref.per_year);
        assert!(cs.iter().map(|c| c.migration_offset).sum::<f64>().abs() < 1e-6);
        let by = |id: CountyId| cs[id.index()].net_migration_2010_2020;
        // Xichang grew from 71 to 95.5 (10,000) in the decade, far beyond its births.
        assert!(by(XICHANG) > 15_000.0, "{}", by(XICHANG));
        assert!(by(HUILI) < 0.0 && by(ZHAOJUE) < 0.0);
    }
}
