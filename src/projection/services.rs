//! What a projection means for public services: the populations that
//! childcare, schools, the labour force and the care of the old are sized
//! from (the plan's 第九章第三节 asks for services sized from the population's
//! size, structure and distribution), and the childcare places that the
//! plan's norm implies (专栏2: 每千人口拥有3岁以下婴儿托位数达到4.5张以上).
//! Numbers and ids only (the CLI prints the ids; the page has no words for
//! them yet).

use serde::Serialize;

use super::scenario::Run;
use super::stochastic::Probabilistic;
use crate::data::counties::Region;
use crate::data::targets::TargetId;

/// A service population, or the places a norm implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Service {
    /// Ages 0-2: children of childcare age (托育).
    Age0To2,
    /// 3-5: kindergarten (学前教育).
    Age3To5,
    /// 6-11: primary school.
    Age6To11,
    /// 12-14: junior secondary school.
    Age12To14,
    /// 15-17: senior secondary school.
    Age15To17,
    /// 18-22: higher education.
    Age18To22,
    /// Women aged 15-49: the childbearing ages.
    Women15To49,
    /// 15-59: the working ages as the plan counts them.
    Age15To59,
    /// 15-64: the working ages as the UN counts them.
    Age15To64,
    Age60Plus,
    Age65Plus,
    Age80Plus,
    /// The childcare places that the plan's norm of 4.5 per 1,000
    /// residents implies (专栏2).
    ChildcarePlaces,
}

/// Whom a service population counts: single ages `from..to` (to the
/// open last age when `to` is `None`), of both sexes or women alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ages {
    pub from: usize,
    pub to: Option<usize>,
    pub women_only: bool,
}

const fn ages(from: usize, to: Option<usize>) -> Option<Ages> {
    Some(Ages { from, to, women_only: false })
}

impl Service {
    pub const ALL: [Service; 13] = [
        Service::Age0To2,
        Service::Age3To5,
        Service::Age6To11,
        Service::Age12To14,
        Service::Age15To17,
        Service::Age18To22,
        Service::Women15To49,
        Service::Age15To59,
        Service::Age15To64,
        Service::Age60Plus,
        Service::Age65Plus,
        Service::Age80Plus,
        Service::ChildcarePlaces,
    ];

    /// Its id: `age_0_2`, `women_15_49`, `childcare_places_4_5`, ...
    pub fn slug(self) -> &'static str {
        match self {
            Service::Age0To2 => "age_0_2",
            Service::Age3To5 => "age_3_5",
            Service::Age6To11 => "age_6_11",
            Service::Age12To14 => "age_12_14",
            Service::Age15To17 => "age_15_17",
            Service::Age18To22 => "age_18_22",
            Service::Women15To49 => "women_15_49",
            Service::Age15To59 => "age_15_59",
            Service::Age15To64 => "age_15_64",
            Service::Age60Plus => "age_60_plus",
            Service::Age65Plus => "age_65_plus",
            Service::Age80Plus => "age_80_plus",
            Service::ChildcarePlaces => "childcare_places_4_5",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Service> {
        Service::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The ages it counts (none for the places a norm implies).
    pub fn ages(self) -> Option<Ages> {
        match self {
            Service::Age0To2 => ages(0, Some(3)),
            Service::Age3To5 => ages(3, Some(6)),
            Service::Age6To11 => ages(6, Some(12)),
            Service::Age12To14 => ages(12, Some(15)),
            Service::Age15To17 => ages(15, Some(18)),
            Service::Age18To22 => ages(18, Some(23)),
            Service::Women15To49 => Some(Ages { from: 15, to: Some(50), women_only: true }),
            Service::Age15To59 => ages(15, Some(60)),
            Service::Age15To64 => ages(15, Some(65)),
            Service::Age60Plus => ages(60, None),
            Service::Age65Plus => ages(65, None),
            Service::Age80Plus => ages(80, None),
            Service::ChildcarePlaces => None,
        }
    }
}

serde_by_slug!(Service, "service");

/// The places per 1,000 residents the plan asks for, from its targets:
/// the norm for children under 3 (专栏2, 4.5), and the planning norms for
/// new residential areas (10) and old ones (8) of 第四章第三节.
pub fn norm(id: TargetId) -> f64 {
    super::targets::goal_value(id).unwrap_or(f64::NAN)
}

/// The norm that [`Service::ChildcarePlaces`] applies: places per 1,000 residents.
pub fn childcare_norm() -> f64 {
    norm(TargetId::ChildcarePlacesUnder3)
}

/// Every service's value in one year, in the order of [`Service::ALL`],
/// from the population by sex and single year of age, with `places_per_1000`
/// residents ([`childcare_norm`]).
pub fn values(female: &[f64], male: &[f64], places_per_1000: f64) -> [f64; 13] {
    Service::ALL.map(|s| value(s, female, male, places_per_1000))
}

/// One service's value in one year (see [`values`]). Its sums are the
/// engine's, in four lanes ([`liangshan_kernel::sum`]): a probabilistic run
/// takes them for every year of every trajectory.
pub fn value(service: Service, female: &[f64], male: &[f64], places_per_1000: f64) -> f64 {
    use liangshan_kernel::sum;
    let n = female.len().min(male.len());
    match service.ages() {
        Some(a) => {
            let r = a.from.min(n)..a.to.unwrap_or(n).min(n);
            let women = sum(&female[r.clone()]);
            if a.women_only {
                women
            } else {
                women + sum(&male[r])
            }
        }
        None => (sum(&female[..n]) + sum(&male[..n])) * (places_per_1000 / 1000.0),
    }
}

/// One service through the years of a run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    pub service: Service,
    pub years: Vec<u16>,
    pub values: Vec<f64>,
}

impl Path {
    /// The change in persons (or places) from the run's first year, 2020.
    pub fn change(&self, k: usize) -> f64 {
        self.values[k] - self.values[0]
    }
}

/// Every service through the years of `run` (the first year is the base
/// population: an estimate unless a reader gave the table).
pub fn of_run(run: &Run) -> Vec<Path> {
    let years: Vec<u16> = run.years.iter().map(|y| y.year).collect();
    let norm = childcare_norm();
    let by_year: Vec<[f64; 13]> = run.female.iter().zip(&run.male).map(|(f, m)| values(f, m, norm)).collect();
    Service::ALL
        .iter()
        .enumerate()
        .map(|(i, &service)| Path { service, years: years.clone(), values: by_year.iter().map(|v| v[i]).collect() })
        .collect()
}

/// One service of one region in one year: the scenario's path, and the
/// 80% and 95% intervals of the trajectories where they were run.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Record {
    pub region: Region,
    pub year: u16,
    #[serde(rename = "indicator")]
    pub service: Service,
    pub value: f64,
    pub lo80: Option<f64>,
    pub hi80: Option<f64>,
    pub lo95: Option<f64>,
    pub hi95: Option<f64>,
}

/// Every service of `region`'s `run` in every year, year by year, with the
/// intervals of `fans` (its probabilistic run, with services kept) if any.
pub fn records(region: Region, run: &Run, fans: Option<&Probabilistic>) -> Vec<Record> {
    let paths = of_run(run);
    let mut out = Vec::with_capacity(paths.len() * run.years.len());
    for (k, year) in run.years.iter().map(|y| y.year).enumerate() {
        for p in &paths {
            let fan = fans.and_then(|f| f.service(p.service)).filter(|f| f.years.get(k) == Some(&year));
            let at = |v: fn(&super::stochastic::ServiceFan) -> &Vec<f64>| fan.map(|f| v(f)[k]);
            out.push(Record {
                region,
                year,
                service: p.service,
                value: p.values[k],
                lo80: at(|f| &f.lo80),
                hi80: at(|f| &f.hi80),
                lo95: at(|f| &f.lo95),
                hi95: at(|f| &f.hi95),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_back_and_groups_are_the_issues_ages() {
        for s in Service::ALL {
            assert_eq!(Service::from_slug(s.slug()), Some(s));
        }
        assert_eq!(Service::from_slug("age_0_3"), None);
        // The school ages follow each other without a gap from 0 to 22.
        let school = &Service::ALL[..6];
        assert_eq!(school[0].ages().unwrap().from, 0);
        for w in school.windows(2) {
            assert_eq!(w[0].ages().unwrap().to, Some(w[1].ages().unwrap().from));
        }
        assert_eq!(school[5].ages().unwrap().to, Some(23));
        assert_eq!(norm(TargetId::ChildcarePlacesUnder3), 4.5);
        assert_eq!(norm(TargetId::ChildcarePlacesNewAreas), 10.0);
        assert_eq!(norm(TargetId::ChildcarePlacesOldAreas), 8.0);
    }

    #[test]
    fn values_count_the_ages_of_each_group() {
        // One woman and two men at every age 0..=100 (100 the open group).
        let (f, m) = (vec![1.0; 101], vec![2.0; 101]);
        let v = values(&f, &m, childcare_norm());
        let at = |s: Service| v[Service::ALL.iter().position(|x| *x == s).unwrap()];
        assert_eq!(at(Service::Age0To2), 9.0);
        assert_eq!(at(Service::Age6To11), 18.0);
        assert_eq!(at(Service::Age18To22), 15.0);
        assert_eq!(at(Service::Women15To49), 35.0);
        assert_eq!(at(Service::Age15To59), 135.0);
        assert_eq!(at(Service::Age60Plus), 41.0 * 3.0);
        assert_eq!(at(Service::Age80Plus), 21.0 * 3.0);
        assert_eq!(at(Service::ChildcarePlaces), 303.0 * 4.5 / 1000.0);
    }

    #[test]
    fn the_counties_add_up_to_the_prefecture_for_every_service_and_year() {
        use crate::projection::base::estimate;
        use crate::projection::counties::{estimate_counties, run_counties_exact};
        use crate::projection::scenario::{estimate_migration, preset, Preset};
        let base = estimate().unwrap();
        let counties = estimate_counties(&base).unwrap();
        for p in [Preset::Plan, Preset::ZeroMigration] {
            let a = preset(p, &base, &estimate_migration(&base).unwrap());
            let (runs, sum) = run_counties_exact(&base, &counties, &a).unwrap();
            let whole = of_run(&sum);
            let parts: Vec<Vec<Path>> = runs.iter().map(of_run).collect();
            for (i, w) in whole.iter().enumerate() {
                assert_eq!(w.years.len(), 31);
                for k in 0..w.years.len() {
                    let added: f64 = parts.iter().map(|c| c[i].values[k]).sum();
                    assert!((added / w.values[k] - 1.0).abs() < 1e-12, "{:?} {}: {added} vs {}", w.service, w.years[k], w.values[k]);
                }
            }
            // Places follow the population: 4.5 per 1,000 of everyone.
            let places = &whole[12];
            assert!((places.values[10] - sum.years[10].population * 0.0045).abs() < 1e-6);
        }
    }
}
