//! The model: everything a run needs that does not change with the
//! reader's input, built once by whoever runs projections (the page's
//! workers, the embed, the custom element, the command line) and read by
//! every run after that. Nothing re-estimates or re-parses an embedded table
//! once it is built.
//!
//! - the estimated 2020 base population of the prefecture, and of its 17
//!   counties (estimated on first use: the page's own thread reads states
//!   and never projects a county);
//! - the alternative bases the probabilistic runs start from (drawn on
//!   first use: only the simulation worker and the command line need them);
//! - the migration estimate of 2010-2020;
//! - the mortality model, with its life tables by life expectancy computed
//!   once each (a slider other than life expectancy changes none of them),
//!   and the probabilistic runs' grid of them, filled as runs need it;
//! - the fertility standard (Booth's, read once by the demography module);
//! - the urbanisation trend.

use serde::Serialize;
use std::cell::{OnceCell, RefCell};

use crate::data::counties::{CountyId, Region};
use crate::demography::Sex;
use crate::error::Error;
use crate::projection::base::{self, BaseDraws, BasePopulation, AGES, PRIOR_SRB, TILT_SD};
use crate::projection::counties::{estimate_counties, CountyBase};
use crate::projection::scenario::{estimate_migration, preset, Assumptions, MigrationEstimate, Preset};
use crate::projection::stochastic::LifeTableGrid;
use crate::projection::urbanisation::{self, Urbanisation};

/// The last year any run of the page projects to.
pub const HORIZON: u16 = 2050;

/// How many alternative bases the probabilistic runs start from, and their
/// seed (the draws' own stream: not the future rates' of the same seed).
pub const BASE_DRAWS: usize = 200;
pub const BASE_SEED: u64 = 2024;

pub struct Model {
    pub base: BasePopulation,
    pub migration: MigrationEstimate,
    pub urbanisation: Urbanisation,
    counties: OnceCell<Vec<CountyBase>>,
    base_draws: OnceCell<BaseDraws>,
    /// Single-year person-years by sex and life expectancy, each computed
    /// once: sorted by the key (the sex, women first, and the bits of the
    /// life expectancy), found by bisection (no hash map in the core).
    life_tables: RefCell<Vec<(TableKey, Vec<f64>)>>,
    /// The probabilistic runs' life tables, on a grid of life expectancy.
    pub grid: RefCell<LifeTableGrid>,
}

/// A kept life table's key: whether it is men's, and the bits of its life
/// expectancy.
type TableKey = (bool, u64);

/// A scenario as the reader sets it: a preset and any of its values overridden.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scenario {
    pub preset: Preset,
    pub tfr_2030: Option<f64>,
    pub tfr_2050: Option<f64>,
    pub e0_2030: Option<f64>,
    pub e0_2050: Option<f64>,
    pub net_migration: Option<f64>,
    pub srb: Option<f64>,
}

/// Only the preset crosses to the page: it reads what the controls show
/// from the state's `values`.
impl Serialize for Scenario {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Scenario", 1)?;
        out.serialize_field("preset", &self.preset)?;
        out.end()
    }
}

impl Model {
    pub fn new() -> Result<Model, Error> {
        let base = base::estimate()?;
        let migration = estimate_migration(&base)?;
        Ok(Model {
            urbanisation: urbanisation::project(HORIZON)?,
            counties: OnceCell::new(),
            base_draws: OnceCell::new(),
            life_tables: RefCell::new(Vec::new()),
            grid: RefCell::new(LifeTableGrid::new(&base.mortality)),
            base,
            migration,
        })
    }

    /// The 17 county bases, estimated the first time they are needed.
    pub fn counties(&self) -> Result<&[CountyBase], Error> {
        if let Some(c) = self.counties.get() {
            return Ok(c);
        }
        let estimated = estimate_counties(&self.base)?;
        Ok(self.counties.get_or_init(|| estimated))
    }

    /// The alternative bases, drawn the first time they are needed.
    pub fn base_draws(&self) -> Result<&BaseDraws, Error> {
        if let Some(d) = self.base_draws.get() {
            return Ok(d);
        }
        let drawn = BaseDraws::new(&self.base, BASE_DRAWS, BASE_SEED, TILT_SD)?;
        Ok(self.base_draws.get_or_init(|| drawn))
    }

    pub fn county(&self, c: CountyId) -> Result<&CountyBase, Error> {
        Ok(&self.counties()?[c.index()])
    }

    /// The estimated base population of a region, women and men by single year.
    pub fn estimate_of(&self, region: Region) -> Result<(&[f64], &[f64]), Error> {
        Ok(match region {
            Region::Prefecture => (&self.base.female, &self.base.male),
            Region::County(c) => {
                let c = self.county(c)?;
                (&c.female, &c.male)
            }
        })
    }

    /// The base population's person-years for a sex and life expectancy,
    /// computed once.
    pub fn nlx(&self, sex: Sex, e0: f64) -> Result<Vec<f64>, Error> {
        let key = (sex == Sex::Male, e0.to_bits());
        let at = self.life_tables.borrow().binary_search_by(|(k, _)| k.cmp(&key));
        let at = match at {
            Ok(i) => return Ok(self.life_tables.borrow()[i].1.clone()),
            Err(i) => i,
        };
        let v = self.base.mortality.nlx(sex, e0, AGES - 1)?;
        let mut tables = self.life_tables.borrow_mut();
        // A long session of dragging life expectancy does not grow it without bound.
        if tables.len() > 4096 {
            tables.clear();
            tables.push((key, v.clone()));
        } else {
            tables.insert(at, (key, v.clone()));
        }
        Ok(v)
    }

    /// Life expectancy of both sexes in 2020.
    pub fn e0_2020(&self) -> f64 {
        (self.base.e0_female + PRIOR_SRB * self.base.e0_male) / (1.0 + PRIOR_SRB)
    }

    pub fn preset(&self, p: Preset) -> Assumptions {
        preset(p, &self.base, &self.migration)
    }

    /// A scenario's assumptions: its preset's, with its overrides on top. A
    /// new life expectancy for 2030 moves 2025 with it in proportion (the
    /// plan's 77.1 lies 70% of the way from 2020's level to 2030's); one for
    /// 2050 sets the yearly gain after 2030.
    pub fn assumptions(&self, s: &Scenario) -> Assumptions {
        let mut a = self.preset(s.preset);
        let e0_base = self.e0_2020();
        if let Some(e) = s.e0_2030 {
            let w = if (a.e0_2030 - e0_base).abs() > 1e-9 { (a.e0_2025 - e0_base) / (a.e0_2030 - e0_base) } else { 0.5 };
            let e0_2050 = a.e0_2030 + 20.0 * a.e0_gain_per_year;
            a.e0_2025 = e0_base + w * (e - e0_base);
            a.e0_2030 = e;
            // The 2050 value stays where the preset had it unless set too.
            a.e0_gain_per_year = (e0_2050 - e) / 20.0;
        }
        if let Some(e) = s.e0_2050 {
            a.e0_gain_per_year = (e - a.e0_2030) / 20.0;
        }
        a.tfr_2030 = s.tfr_2030.unwrap_or(a.tfr_2030);
        a.tfr_2050 = s.tfr_2050.unwrap_or(a.tfr_2050);
        a.net_migration = s.net_migration.unwrap_or(a.net_migration);
        a.srb = s.srb.unwrap_or(a.srb);
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_sit_on_the_preset_and_setting_the_presets_own_value_changes_nothing() {
        let m = Model::new().unwrap();
        let plan = m.assumptions(&Scenario::default());
        assert_eq!(m.assumptions(&Scenario { e0_2030: Some(78.0), ..Scenario::default() }), plan, "78 is the plan's own 2030 value");
        let s = Scenario {
            preset: Preset::Low,
            tfr_2030: Some(2.1),
            e0_2030: Some(80.0),
            e0_2050: Some(84.0),
            net_migration: Some(-5000.0),
            srb: Some(1.1),
            ..Scenario::default()
        };
        let a = m.assumptions(&s);
        assert_eq!((a.tfr_2030, a.tfr_2050, a.e0_2030, a.net_migration, a.srb), (2.1, 1.1, 80.0, -5000.0, 1.1));
        assert!((a.e0_2030 + 20.0 * a.e0_gain_per_year - 84.0).abs() < 1e-9);
        assert!(a.e0_2025 > plan.e0_2025 && a.e0_2025 < 80.0, "2025 moves with 2030: {}", a.e0_2025);
        let a = m.assumptions(&Scenario { e0_2030: Some(80.0), ..Scenario::default() });
        assert!((a.e0_2030 + 20.0 * a.e0_gain_per_year - (78.0 + 20.0 * 0.15)).abs() < 1e-9, "2050 stays where the preset had it");
    }

    #[test]
    fn life_tables_are_computed_once() {
        let m = Model::new().unwrap();
        let a = m.nlx(Sex::Female, 77.5).unwrap();
        assert_eq!(m.life_tables.borrow().len(), 1);
        assert_eq!(m.nlx(Sex::Female, 77.5).unwrap(), a);
        assert_eq!(m.life_tables.borrow().len(), 1);
        // In any order of asking, each table is the mortality model's, kept once.
        let asked =
            [(Sex::Male, 77.5), (Sex::Female, 70.0), (Sex::Male, 60.25), (Sex::Female, 81.0), (Sex::Male, 77.5), (Sex::Female, 70.0)];
        for (sex, e0) in asked {
            assert_eq!(m.nlx(sex, e0).unwrap(), m.base.mortality.nlx(sex, e0, AGES - 1).unwrap(), "{sex:?} {e0}");
        }
        let tables = m.life_tables.borrow();
        assert_eq!(tables.len(), 5);
        assert!(tables.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
