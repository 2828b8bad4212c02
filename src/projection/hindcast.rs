//! The hindcast: the method run on a decade whose end is known. A 2010 base
//! estimated from what 2010 publishes ([`estimate_2010`]) is projected to
//! 2020 twice, and each result compared with every published 2020
//! aggregate:
//!
//! - with the components the method would have used in 2010
//!   ([`Components::Then`]): 2010's fertility held (the TFR its births
//!   imply), life expectancy gaining 0.15 a year (the method's rule after
//!   2030), and 2000-2010's net migration (the census change less the
//!   natural increase, as [`estimate_migration`] does for 2010-2020);
//! - with the components the 2020 census implies ([`Components::Census`]):
//!   the TFR from 2010's to 2020's implied value, life expectancy from 72.26
//!   to 75.04, and 2010-2020's net migration.
//!
//! The first measures the forecast; the second the method itself (the base
//! estimate, the age patterns, the model life tables), with the decade's
//! components right on average.

use serde::Serialize;

use super::base::{estimate_2010, BasePopulation, AGES, PRIOR_SRB};
use super::ccmpp::project_valid;
use super::scenario::{decade_migration, estimate_migration, model_nlx, spec_for, MigrationEstimate, Paths};
use crate::data::external::census_fact;
use crate::data::facts::required;
use crate::data::tables::{TABLE1, TABLE1_AT};
use crate::data::Source;
use crate::error::Error;

/// The yearly gain of life expectancy that the "then" path assumes: the
/// method's own rule for the years after its last target.
pub const E0_GAIN: f64 = 0.15;

/// Which components carry the 2010 base to 2020.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Components {
    /// What the method would have used in 2010.
    Then,
    /// What the 2020 census implies for 2010-2020.
    Census,
}

/// A published 2020 aggregate the hindcast is compared with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Aggregate {
    Total,
    Share0To14,
    Share10To14,
    Share15To64,
    Share55To59,
    Share60Plus,
    Share65Plus,
    SexRatio,
}

impl Aggregate {
    pub const ALL: [Aggregate; 8] = [
        Aggregate::Total,
        Aggregate::Share0To14,
        Aggregate::Share10To14,
        Aggregate::Share15To64,
        Aggregate::Share55To59,
        Aggregate::Share60Plus,
        Aggregate::Share65Plus,
        Aggregate::SexRatio,
    ];

    /// Its value in a population by single year of age.
    pub fn of(self, female: &[f64], male: &[f64]) -> f64 {
        let both: Vec<f64> = female.iter().zip(male).map(|(f, m)| f + m).collect();
        let total: f64 = both.iter().sum();
        let share = |lo: usize, hi: usize| both[lo..=hi.min(both.len() - 1)].iter().sum::<f64>() / total * 100.0;
        match self {
            Aggregate::Total => total,
            Aggregate::Share0To14 => share(0, 14),
            Aggregate::Share10To14 => share(10, 14),
            Aggregate::Share15To64 => share(15, 64),
            Aggregate::Share55To59 => share(55, 59),
            Aggregate::Share60Plus => share(60, AGES),
            Aggregate::Share65Plus => share(65, AGES),
            Aggregate::SexRatio => male.iter().sum::<f64>() / female.iter().sum::<f64>() * 100.0,
        }
    }

    /// The published 2020 value, its printed rounding and its source.
    fn published(self) -> Result<(f64, f64, Source), Error> {
        let plan = |id: &str| -> Result<(f64, f64, Source), Error> {
            let f = required(id)?;
            Ok((f.value.value, f.value.half_unit(), Source::Plan { at: f.at }))
        };
        let t1 = Source::Plan { at: TABLE1_AT };
        Ok(match self {
            Aggregate::Total => (TABLE1.iter().map(|r| r.count_2020.value).sum(), 0.5, t1),
            Aggregate::Share0To14 => plan("share_0_14_2020")?,
            Aggregate::Share10To14 => plan("share_10_14_2020")?,
            Aggregate::Share15To64 => (TABLE1[1].share_2020.value, 0.005, t1),
            Aggregate::Share55To59 => plan("share_55_59_2020")?,
            Aggregate::Share60Plus => plan("share_60plus_2020")?,
            Aggregate::Share65Plus => (TABLE1[2].share_2020.value, 0.005, t1),
            Aggregate::SexRatio => plan("sex_ratio_2020")?,
        })
    }
}

/// The components of one hindcast, 2010 to 2020.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    pub components: Components,
    /// The TFR and life expectancy by sex in each of the ten years (at its middle).
    pub tfr: Vec<f64>,
    pub e0_female: Vec<f64>,
    pub e0_male: Vec<f64>,
    /// Net migrants a year.
    pub net_migration: f64,
    /// Births over the decade, as projected.
    pub births: f64,
}

/// One aggregate: published, and each hindcast's 2020 value.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub aggregate: Aggregate,
    pub published: f64,
    /// Half the published figure's last printed digit.
    pub tolerance: f64,
    pub source: Source,
    pub then: f64,
    pub census: f64,
}

impl Row {
    /// A hindcast's error: its value less the published one.
    pub fn error(&self, c: Components) -> f64 {
        self.value(c) - self.published
    }

    pub fn value(&self, c: Components) -> f64 {
        match c {
            Components::Then => self.then,
            Components::Census => self.census,
        }
    }
}

/// The hindcast: its base, its two paths, and the comparison.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Hindcast {
    pub base: BasePopulation,
    /// 2000-2010's net migration, as the method estimates it.
    pub migration_2000_2010: MigrationEstimate,
    pub paths: [Path; 2],
    pub rows: Vec<Row>,
    /// Always true: the base is an estimate.
    pub estimate: bool,
}

/// The population of 2020 by sex and the decade's births.
struct End {
    female: Vec<f64>,
    male: Vec<f64>,
    births: f64,
}

/// Projects `base` (2010) ten years along `path`, one year a step, with the
/// engine's input built as every scenario's is.
fn project_decade(base: &BasePopulation, path: &Path) -> Result<End, Error> {
    let steps = path.tfr.len();
    let paths = Paths {
        tfr: path.tfr.clone(),
        e0: path.e0_female.iter().copied().zip(path.e0_male.iter().copied()).collect(),
        migration: vec![path.net_migration; steps],
    };
    let spec = spec_for(base, PRIOR_SRB, &paths, &model_nlx(base))?;
    // Built here, so valid by construction; debug builds check anyway.
    debug_assert!(spec.validate().is_ok(), "{:?}", spec.validate());
    let p = project_valid(&spec);
    let births = p.births.iter().map(|b| b.total).sum();
    let female = p.female[steps].clone();
    let male = p.male.map(|m| m[steps].clone()).unwrap_or_default();
    Ok(End { female, male, births })
}

/// Linear from `from` at 2010.0 to `to` at 2020.0, at the middle of each year.
fn linear(from: f64, to: f64) -> Vec<f64> {
    (0..10).map(|k| from + (to - from) * (k as f64 + 0.5) / 10.0).collect()
}

/// The hindcast; `base_2020` is the page's estimated 2020 base (its TFR,
/// life expectancy and the decade's migration make the census path).
pub fn hindcast(base_2020: &BasePopulation) -> Result<Hindcast, Error> {
    let base = estimate_2010()?;
    let p2000 = census_fact("Liangshan", 2000, "resident_pop")?.value;
    let p2010: f64 = TABLE1.iter().map(|r| r.count_2010.value).sum();
    let migration_2000_2010 = decade_migration(&base, p2000, p2010)?;
    let gain = E0_GAIN;
    let then = Path {
        components: Components::Then,
        tfr: vec![base.tfr; 10],
        e0_female: (0..10).map(|k| base.e0_female + gain * (k as f64 + 0.5)).collect(),
        e0_male: (0..10).map(|k| base.e0_male + gain * (k as f64 + 0.5)).collect(),
        net_migration: migration_2000_2010.per_year,
        births: 0.0,
    };
    // The decade's births are those that 2020's children imply (the
    // estimate's ages 0-9, reverse-survived): the TFR path from 2010's to
    // 2020's, scaled to give them. Every mother of the decade was alive in
    // 2010, so births are proportional to the scale, and one rerun hits
    // them exactly.
    let decade = estimate_migration(base_2020)?;
    let mut census = Path {
        components: Components::Census,
        tfr: linear(base.tfr, base_2020.tfr),
        e0_female: linear(base.e0_female, base_2020.e0_female),
        e0_male: linear(base.e0_male, base_2020.e0_male),
        net_migration: decade.per_year,
        births: decade.births,
    };
    let first = project_decade(&base, &census)?;
    let scale = decade.births / first.births;
    census.tfr.iter_mut().for_each(|t| *t *= scale);
    let t = project_decade(&base, &then)?;
    let c = project_decade(&base, &census)?;
    let then = Path { births: t.births, ..then };
    let census = Path { births: c.births, ..census };
    let (tf, tm, cf, cm) = (&t.female, &t.male, &c.female, &c.male);
    let rows = Aggregate::ALL
        .into_iter()
        .map(|a| {
            let (published, tolerance, source) = a.published()?;
            Ok(Row { aggregate: a, published, tolerance, source, then: a.of(tf, tm), census: a.of(cf, cm) })
        })
        .collect::<Result<Vec<_>, Error>>()?;
    Ok(Hindcast { base, migration_2000_2010, paths: [then, census], rows, estimate: true })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;

    #[test]
    fn the_hindcast_compares_every_published_aggregate() {
        let b = estimate().unwrap();
        let h = hindcast(&b).unwrap();
        assert_eq!(h.rows.iter().map(|r| r.aggregate).collect::<Vec<_>>(), Aggregate::ALL);
        let row = |a: Aggregate| h.rows.iter().find(|r| r.aggregate == a).unwrap();
        // The census path has the decade's births that 2020's children
        // imply, exactly, and ends within 1% of 2020's population.
        let decade = estimate_migration(&b).unwrap();
        assert!((h.paths[1].births / decade.births - 1.0).abs() < 1e-9, "{} {}", h.paths[1].births, decade.births);
        let total = row(Aggregate::Total);
        assert!((total.census / total.published - 1.0).abs() < 0.01, "{total:?}");
        // 2000-2010's migration, the method's estimate for the "then" path:
        // the decade's change (451,112) was nearly all natural increase.
        assert_eq!(h.migration_2000_2010.change, 451_112.0);
        assert!(h.migration_2000_2010.per_year.abs() < 5_000.0, "{:?}", h.migration_2000_2010);
        // What the hindcast finds (checked, so that a change of method that
        // moves them is seen): too few children and old, too many of working
        // age, with either set of components.
        for c in [Components::Then, Components::Census] {
            assert!(row(Aggregate::Share0To14).error(c) < -2.0);
            assert!(row(Aggregate::Share65Plus).error(c) < -1.0);
            assert!(row(Aggregate::Share15To64).error(c) > 3.0);
            assert!(row(Aggregate::Share60Plus).error(c).abs() < 1.0);
        }
    }

    #[test]
    fn both_paths_start_from_2010s_rates() {
        let h = hindcast(&estimate().unwrap()).unwrap();
        let [then, census] = &h.paths;
        assert!(then.tfr.iter().all(|t| *t == h.base.tfr));
        assert!((then.e0_female[9] - h.base.e0_female - 1.425).abs() < 1e-9);
        assert!(census.tfr.windows(2).all(|w| w[1] > w[0]));
        assert_eq!(then.tfr.len(), 10);
    }
}
