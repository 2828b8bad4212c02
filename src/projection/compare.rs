//! The 17 counties compared on one service population in one year: each
//! county's value then and in 2020, and the plan's two groups (表5's eight
//! Anning-river counties and the nine others) as sums of their counties.
//! Numbers and ids only; what a reader sees is [`Measure`] of these totals.
//!
//! The prefecture here is the sum of the counties' projections (each
//! county with its own fertility and migration), so that the counties add
//! up to it exactly; it differs a little from the prefecture projected as
//! one population (the explorer's 凉山州 view).

use serde::Serialize;

use super::scenario::Run;
use super::services::{self, Service};
use crate::data::counties::{CountyId, Table5Group};
use crate::error::{missing_data, Error};

/// What the comparison shows of each county's service population.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Measure {
    /// Its percentage change since 2020.
    #[default]
    Change,
    /// Its change since 2020 in persons (or places).
    Persons,
    /// Persons (or places) in the year.
    Value,
    /// Its share of the county's residents in the year, in %. Not for the
    /// childcare places, which are a fixed share of every population.
    Share,
}

impl Measure {
    pub const ALL: [Measure; 4] = [Measure::Change, Measure::Persons, Measure::Value, Measure::Share];

    /// Its name in URLs: `change`, `persons`, `value`, `share`.
    pub fn slug(self) -> &'static str {
        match self {
            Measure::Change => "change",
            Measure::Persons => "persons",
            Measure::Value => "value",
            Measure::Share => "share",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.slug() == slug)
    }

    /// Whether it says something of `service` (a share of the childcare
    /// places is the norm itself, the same everywhere).
    pub fn applies_to(self, service: Service) -> bool {
        !(self == Measure::Share && service == Service::ChildcarePlaces)
    }

    /// Measures a change since 2020 (its colours diverge at zero).
    pub fn is_change(self) -> bool {
        matches!(self, Measure::Change | Measure::Persons)
    }

    /// The measure of `t` (NaN for a change from nothing).
    pub fn of(self, t: &Totals) -> f64 {
        match self {
            Measure::Change if t.base > 0.0 => (t.value / t.base - 1.0) * 100.0,
            Measure::Change => f64::NAN,
            Measure::Persons => t.value - t.base,
            Measure::Value => t.value,
            Measure::Share if t.population > 0.0 => t.value / t.population * 100.0,
            Measure::Share => f64::NAN,
        }
    }
}

serde_by_slug!(Measure, "measure");

/// One service of one area in 2020 and in the year, with its residents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    /// In 2020 (the estimated base).
    pub base: f64,
    /// In the year.
    pub value: f64,
    /// All residents in 2020 and in the year.
    pub population_base: f64,
    pub population: f64,
}

impl std::ops::AddAssign for Totals {
    fn add_assign(&mut self, o: Totals) {
        self.base += o.base;
        self.value += o.value;
        self.population_base += o.population_base;
        self.population += o.population;
    }
}

/// The counties compared on one service in one year.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub service: Service,
    pub year: u16,
    /// Every county, in the order of 表3.
    pub counties: Vec<(CountyId, Totals)>,
    /// Whether every county's base is the estimate (not a reader's table).
    pub estimate: bool,
}

fn totals(run: &Run, service: Service, k0: usize, k: usize) -> Totals {
    let norm = services::childcare_norm();
    let v = |k: usize| services::value(service, &run.female[k], &run.male[k], norm);
    Totals { base: v(k0), value: v(k), population_base: run.years[k0].population, population: run.years[k].population }
}

impl Comparison {
    /// `runs`: the 17 counties' projections, in the order of 表3.
    pub fn of(runs: &[Run], service: Service, year: u16) -> Result<Comparison, Error> {
        let mut counties = Vec::with_capacity(runs.len());
        for (id, run) in CountyId::all().zip(runs) {
            let k = run.years.iter().position(|y| y.year == year).ok_or_else(|| missing_data("the comparison's year"))?;
            counties.push((id, totals(run, service, 0, k)));
        }
        if counties.len() != CountyId::all().count() {
            return Err(missing_data("a county's projection"));
        }
        Ok(Comparison { service, year, counties, estimate: runs.iter().all(|r| r.estimate) })
    }

    /// The sum of the counties of `group`.
    pub fn group(&self, group: Table5Group) -> Totals {
        self.sum(|id| id.county().table5_group == group)
    }

    /// The prefecture: every county added up.
    pub fn total(&self) -> Totals {
        self.sum(|_| true)
    }

    fn sum(&self, keep: impl Fn(CountyId) -> bool) -> Totals {
        let mut t = Totals::default();
        for (id, c) in &self.counties {
            if keep(*id) {
                t += *c;
            }
        }
        t
    }

    /// The counties from the largest `measure` to the smallest (a change
    /// from nothing last).
    pub fn ranked(&self, measure: Measure) -> Vec<(CountyId, Totals)> {
        // Insertion by rank, stable: seventeen rows need no general sort
        // (whose code would be a good part of this module's in the wasm).
        let key = |t: &Totals| {
            let v = measure.of(t);
            if v.is_nan() {
                f64::NEG_INFINITY
            } else {
                v
            }
        };
        let mut out: Vec<(CountyId, Totals)> = Vec::with_capacity(self.counties.len());
        for c in &self.counties {
            let at = out.iter().position(|o| key(&o.1) < key(&c.1)).unwrap_or(out.len());
            out.insert(at, *c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::counties::{XICHANG, ZHAOJUE};
    use crate::projection::base::estimate;
    use crate::projection::counties::{estimate_counties, run_counties_exact};
    use crate::projection::scenario::{estimate_migration, preset, Preset};

    #[test]
    fn measures_read_back_and_say_what_they_measure() {
        for m in Measure::ALL {
            assert_eq!(Measure::from_slug(m.slug()), Some(m));
        }
        assert_eq!(Measure::from_slug("ratio"), None);
        let t = Totals { base: 200.0, value: 150.0, population_base: 1000.0, population: 1200.0 };
        assert_eq!(Measure::Change.of(&t), -25.0);
        assert_eq!(Measure::Persons.of(&t), -50.0);
        assert_eq!(Measure::Value.of(&t), 150.0);
        assert_eq!(Measure::Share.of(&t), 12.5);
        assert!(Measure::Change.of(&Totals::default()).is_nan());
        assert!(!Measure::Share.applies_to(Service::ChildcarePlaces) && Measure::Share.applies_to(Service::Age60Plus));
    }

    #[test]
    fn the_counties_and_the_two_groups_add_up_to_the_prefecture_in_every_year() {
        let base = estimate().unwrap();
        let counties = estimate_counties(&base).unwrap();
        let a = preset(Preset::Plan, &base, &estimate_migration(&base).unwrap());
        let (runs, sum) = run_counties_exact(&base, &counties, &a).unwrap();
        for service in Service::ALL {
            for year in 2020..=2050 {
                let c = Comparison::of(&runs, service, year).unwrap();
                let k = sum.years.iter().position(|y| y.year == year).unwrap();
                let whole = totals(&sum, service, 0, k);
                let total = c.total();
                let mut groups = c.group(Table5Group::AnningBasin);
                groups += c.group(Table5Group::Other);
                for (got, want) in [
                    (total.value, whole.value),
                    (total.base, whole.base),
                    (total.population, whole.population),
                    (groups.value, whole.value),
                ] {
                    assert!((got - want).abs() <= 1e-9 * want.max(1.0), "{service:?} {year}: {got} vs {want}");
                }
            }
        }
        let c = Comparison::of(&runs, Service::Age6To11, 2030).unwrap();
        assert_eq!(c.counties.iter().filter(|(id, _)| id.county().table5_group == Table5Group::AnningBasin).count(), 8);
        // The county's own view and the comparison agree: Zhaojue's primary-school ages.
        assert_eq!(
            c.counties[ZHAOJUE.index()].1.value,
            services::value(Service::Age6To11, &runs[ZHAOJUE.index()].female[10], &runs[ZHAOJUE.index()].male[10], 4.5)
        );
        // Ranked by the change, largest first.
        let ranked = c.ranked(Measure::Change);
        assert!(ranked.windows(2).all(|w| Measure::Change.of(&w[0].1) >= Measure::Change.of(&w[1].1)));
        assert_eq!(Comparison::of(&runs, Service::Age60Plus, 2050).unwrap().ranked(Measure::Value)[0].0, XICHANG);
        assert!(Comparison::of(&runs, Service::Age60Plus, 2051).is_err());
    }
}
