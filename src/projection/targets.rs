//! The plan's quantitative targets and its own forecasts, held against a
//! projection: the projected value, whether it meets the target, and the
//! year the projection crosses it. Numbers and ids only: the words of each
//! row are in [`crate::present::tracker`].

use serde::Serialize;

use super::indicator::Indicator;
use super::scenario::{Run, Year};
use super::stochastic::Probabilistic;
use super::urbanisation::Urbanisation;
use crate::data::external::census_fact;
use crate::data::facts::ForecastId;
use crate::data::targets::{Goal, TargetId};
use crate::error::Error;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The projection meets it (with a probabilistic run: the whole 80%
    /// interval does).
    OnTrack,
    /// Part of the 80% interval meets it and part does not.
    AtRisk,
    /// The projection does not (the whole 80% interval misses it).
    OffTrack,
    /// The scenario assumes it (life expectancy, fertility): not an outcome.
    Assumed,
    /// Not something a population projection can tell (schooling,
    /// insurance, childcare places, city districts).
    Outside,
}

impl Test {
    /// The threshold, whichever side meets it.
    pub fn threshold(self) -> f64 {
        match self {
            Test::AtLeast(t) | Test::Above(t) | Test::AtMost(t) => t,
        }
    }
}

/// How a projected value is held against a target: the side of the
/// threshold that meets it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "test", content = "threshold")]
pub enum Test {
    AtLeast(f64),
    Above(f64),
    AtMost(f64),
}

impl Test {
    pub fn meets(self, v: f64) -> bool {
        match self {
            Test::AtLeast(t) => v >= t,
            Test::Above(t) => v > t,
            Test::AtMost(t) => v <= t,
        }
    }
}

/// What a probabilistic run can refine: the fan's indicator and year, and
/// the test its values must pass.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Check {
    pub indicator: Indicator,
    pub year: u16,
    pub test: Test,
}

/// What a row of the tracker is about: a target of the plan, or a forecast
/// of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum About {
    Target(TargetId),
    Forecast(ForecastId),
}

/// One row of the tracker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tracked {
    pub about: About,
    pub year: u16,
    /// The figure the target is held against where it is not the plan's own
    /// (Sichuan's 2020 level for "not above the provincial average").
    pub threshold: Option<f64>,
    pub value_2020: Option<f64>,
    /// None where the projection says nothing (status Outside).
    pub projected: Option<f64>,
    /// The 80% interval of the projected value, from a probabilistic run.
    pub interval_80: Option<(f64, f64)>,
    /// The share of that run's trajectories that meet the target.
    pub probability: Option<f64>,
    pub status: Status,
    #[serde(skip)]
    pub check: Option<Check>,
    /// First year the projection reaches the target's threshold, if it does
    /// by the horizon.
    pub crossed_in: Option<u16>,
    /// What the projection implies for a target it cannot judge (the
    /// childcare places the plan's norm asks for in 2030).
    pub implied: Option<f64>,
}

impl Tracked {
    fn new(about: About, year: u16, status: Status) -> Tracked {
        Tracked {
            about,
            year,
            threshold: None,
            value_2020: None,
            projected: None,
            interval_80: None,
            probability: None,
            status,
            check: None,
            crossed_in: None,
            implied: None,
        }
    }
}

/// The number a goal sets (None for goals in words).
pub fn goal_value(id: TargetId) -> Option<f64> {
    match id.target().goal {
        Goal::Reach(n) | Goal::AtLeast(n) | Goal::Above(n) | Goal::About(n) | Goal::AnnualRiseAtLeast(n) => Some(n.value),
        _ => None,
    }
}

fn first_year(years: &[Year], f: impl Fn(&Year) -> bool) -> Option<u16> {
    years.iter().find(|y| f(y)).map(|y| y.year)
}

fn verdict(test: Test, v: f64) -> Status {
    if test.meets(v) {
        Status::OnTrack
    } else {
        Status::OffTrack
    }
}

/// The targets the tracker judges or states as the scenario's assumption
/// (the text's TFR "about 1.8" is said beside 专栏1's); every other target
/// is one a population projection cannot judge, listed as such.
const PROJECTED: [TargetId; 10] = [
    TargetId::ResidentPop2030,
    TargetId::Tfr2030,
    TargetId::Tfr2030Text,
    TargetId::Srb,
    TargetId::LifeExpectancy2025,
    TargetId::LifeExpectancy2030,
    TargetId::Urbanisation2025,
    TargetId::Urbanisation2030,
    TargetId::Share60plus2030,
    TargetId::UrbanisationAnnualRise,
];

fn year_of(run: &Run, y: u16) -> Result<&Year, Error> {
    run.years.iter().find(|r| r.year == y).ok_or_else(|| crate::error::missing_data("a year within the horizon"))
}

fn goal_of(id: TargetId) -> Result<f64, Error> {
    goal_value(id).ok_or_else(|| crate::error::missing_data(id.slug()))
}

/// Every quantitative target and forecast of the plan against `run` (the
/// prefecture's) and `urban`; those a population projection cannot tell
/// are listed too, as such.
pub fn track(run: &Run, urban: &Urbanisation) -> Result<Vec<Tracked>, Error> {
    let mut out = people(run)?;
    out.extend(urbanisation(urban)?);
    out.extend(forecasts(run)?);
    out.extend(outside(run)?);
    Ok(out)
}

/// 5 million residents in 2030 (专栏1).
fn population_check() -> Result<Check, Error> {
    Ok(Check { indicator: Indicator::Population, year: 2030, test: Test::AtLeast(goal_of(TargetId::ResidentPop2030)? * 1e4) })
}

/// The share aged 60+ in 2030 not above Sichuan's (2020) level.
fn share_60_check() -> Result<Check, Error> {
    Ok(Check { indicator: Indicator::Share60Plus, year: 2030, test: Test::AtMost(census_fact("Sichuan", 2020, "share_60plus")?.value) })
}

/// The text's forecast: more than 20% aged 60+ by its year.
fn ageing_check() -> Result<Check, Error> {
    let old = ForecastId::Share60PlusExceeds20.forecast();
    let aged = old.threshold.ok_or_else(|| crate::error::missing_data(old.id.slug()))?.value;
    Ok(Check { indicator: Indicator::Share60Plus, year: old.year, test: Test::Above(aged) })
}

/// Everything the tracker holds a probabilistic run's trajectories against.
pub fn checks() -> Result<Vec<Check>, Error> {
    Ok(vec![population_check()?, share_60_check()?, ageing_check()?])
}

/// The targets for the population, life expectancy, fertility, the sex
/// ratio at birth and ageing.
fn people(run: &Run) -> Result<Vec<Tracked>, Error> {
    let target = About::Target;
    let mut out = Vec::new();
    let check = population_check()?;
    let pop_target = check.test.threshold();
    let pop_2030 = year_of(run, 2030)?.population;
    let test = check.test;
    out.push(Tracked {
        value_2020: Some(run.years[0].population),
        projected: Some(pop_2030),
        check: Some(check),
        crossed_in: first_year(&run.years, |y| y.population >= pop_target),
        ..Tracked::new(target(TargetId::ResidentPop2030), 2030, verdict(test, pop_2030))
    });

    let both = |r: &Year| (r.e0_female + run.assumptions.srb * r.e0_male) / (1.0 + run.assumptions.srb);
    for (id, y) in [(TargetId::LifeExpectancy2025, 2025), (TargetId::LifeExpectancy2030, 2030)] {
        let g = goal_of(id)?;
        out.push(Tracked {
            value_2020: id.target().baseline_2020.map(|n| n.value),
            projected: Some(both(year_of(run, y)?)),
            crossed_in: first_year(&run.years, |r| both(r) >= g),
            ..Tracked::new(target(id), y, Status::Assumed)
        });
    }
    out.push(Tracked { projected: Some(year_of(run, 2030)?.tfr), ..Tracked::new(target(TargetId::Tfr2030), 2030, Status::Assumed) });
    out.push(Tracked { projected: Some(run.assumptions.srb * 100.0), ..Tracked::new(target(TargetId::Srb), 2030, Status::Assumed) });

    let check = share_60_check()?;
    let sichuan_60 = check.test.threshold();
    let s60 = year_of(run, 2030)?.share_60_plus;
    let test = check.test;
    out.push(Tracked {
        threshold: Some(sichuan_60),
        value_2020: TargetId::Share60plus2030.target().baseline_2020.map(|n| n.value),
        projected: Some(s60),
        check: Some(check),
        ..Tracked::new(target(TargetId::Share60plus2030), 2030, verdict(test, s60))
    });
    Ok(out)
}

/// The urbanisation targets against the trend.
fn urbanisation(urban: &Urbanisation) -> Result<Vec<Tracked>, Error> {
    let mut out = Vec::new();
    for (id, y) in [(TargetId::Urbanisation2025, 2025u16), (TargetId::Urbanisation2030, 2030)] {
        let g = goal_of(id)?;
        let v = urban.at(y).ok_or_else(|| crate::error::missing_data(id.slug()))?;
        out.push(Tracked {
            value_2020: Some(urban.rate_2020),
            projected: Some(v),
            crossed_in: urban.path.iter().find(|(_, p)| *p >= g).map(|(yy, _)| *yy),
            ..Tracked::new(About::Target(id), y, verdict(Test::AtLeast(g), v))
        });
    }
    let rise = (urban.at(2030).ok_or_else(|| crate::error::missing_data("urbanisation 2030"))? - urban.rate_2020) / 10.0;
    let rise_goal = goal_of(TargetId::UrbanisationAnnualRise)?;
    out.push(Tracked {
        projected: Some(rise),
        ..Tracked::new(About::Target(TargetId::UrbanisationAnnualRise), 2030, verdict(Test::AtLeast(rise_goal), rise))
    });
    Ok(out)
}

/// The plan's forecasts in its text.
fn forecasts(run: &Run) -> Result<Vec<Tracked>, Error> {
    let old = ForecastId::Share60PlusExceeds20.forecast();
    let check = ageing_check()?;
    let aged = check.test.threshold();
    let test = check.test;
    let s_old = year_of(run, old.year)?.share_60_plus;
    let ageing = Tracked {
        threshold: Some(aged),
        value_2020: TargetId::Share60plus2030.target().baseline_2020.map(|n| n.value),
        projected: Some(s_old),
        check: Some(check),
        crossed_in: first_year(&run.years, |y| y.share_60_plus > aged),
        ..Tracked::new(About::Forecast(old.id), old.year, verdict(test, s_old))
    };
    let work = ForecastId::WorkingAgeShareExceedsSichuan.forecast();
    let sichuan_15_59 = census_fact("Sichuan", 2020, "share_15_59")?.value;
    let crossed = first_year(&run.years, |y| y.share_15_59 > sichuan_15_59);
    // "前后" (around) read as within two years.
    let status = if crossed.is_some_and(|c| c.abs_diff(work.year) <= 2) { Status::OnTrack } else { Status::OffTrack };
    let working = Tracked {
        threshold: Some(sichuan_15_59),
        value_2020: Some(census_fact("Liangshan", 2020, "share_15_59")?.value),
        projected: Some(year_of(run, work.year)?.share_15_59),
        crossed_in: crossed,
        ..Tracked::new(About::Forecast(work.id), work.year, status)
    };
    Ok(vec![ageing, working])
}

/// What a population projection cannot tell (the places for children under
/// three with the number this run implies).
fn outside(run: &Run) -> Result<Vec<Tracked>, Error> {
    let pop_2030 = year_of(run, 2030)?.population;
    let under3 = goal_of(TargetId::ChildcarePlacesUnder3)?;
    Ok(TargetId::ALL
        .into_iter()
        .filter(|id| !PROJECTED.contains(id))
        .map(|id| {
            let t = id.target();
            Tracked {
                value_2020: t.baseline_2020.map(|n| n.value),
                implied: (id == TargetId::ChildcarePlacesUnder3).then_some(pop_2030 * under3 / 1000.0),
                ..Tracked::new(About::Target(id), t.years.last().copied().unwrap_or(2030), Status::Outside)
            }
        })
        .collect())
}

/// Refines the verdicts with a probabilistic run of the same scenario: the
/// 80% interval of each checked value, on track when all of it meets the
/// target, off track when none does, at risk otherwise.
pub fn apply_fans(tracked: &mut [Tracked], p: &Probabilistic) {
    for t in tracked.iter_mut() {
        let Some(check) = t.check else { continue };
        let Some(fan) = p.fan(check.indicator) else { continue };
        let Some(k) = fan.years.iter().position(|y| *y == check.year) else { continue };
        let (lo, hi) = (fan.lo80[k], fan.hi80[k]);
        t.interval_80 = Some((lo, hi));
        t.probability = p.share_meeting(&check);
        t.status = match (check.test.meets(lo), check.test.meets(hi)) {
            (true, true) => Status::OnTrack,
            (false, false) => Status::OffTrack,
            _ => Status::AtRisk,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;
    use crate::projection::scenario::{estimate_migration, preset, run, Preset};
    use crate::projection::urbanisation::project;

    fn by(all: &[Tracked], about: About) -> Tracked {
        all.iter().find(|t| t.about == about).unwrap().clone()
    }

    #[test]
    fn tracks_every_target_and_forecast_under_the_plans_path() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let r = run(&base, &preset(Preset::Plan, &base, &mig)).unwrap();
        let all = track(&r, &project(2050).unwrap()).unwrap();
        assert_eq!(all.len(), 20);
        // Every target of the plan has a row (the text's TFR is Box 1's).
        for id in TargetId::ALL.into_iter().filter(|id| *id != TargetId::Tfr2030Text) {
            assert!(all.iter().any(|t| t.about == About::Target(id)), "{id:?}");
        }
        assert_eq!(by(&all, About::Target(TargetId::Urbanisation2030)).status, Status::OffTrack);
        assert_eq!(by(&all, About::Target(TargetId::LifeExpectancy2030)).status, Status::Assumed);
        let old = by(&all, About::Forecast(ForecastId::Share60PlusExceeds20));
        // The projected 2030 share is far below the plan's forecast of 20%.
        assert!(old.projected.unwrap() < 20.0 && old.status == Status::OffTrack);
        assert!(old.crossed_in.is_some_and(|y| y > 2035));
        for t in &all {
            assert_eq!(t.projected.is_some(), t.status != Status::Outside, "{:?}", t.about);
        }
        let places = by(&all, About::Target(TargetId::ChildcarePlacesUnder3)).implied.unwrap();
        assert!((places - r.years[10].population * 4.5 / 1000.0).abs() < 1e-6);
    }

    #[test]
    fn a_probabilistic_run_turns_a_close_call_into_at_risk() {
        use crate::projection::stochastic::{simulate, Draws, DEFAULT_UNCERTAINTY};
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let r = run(&base, &a).unwrap();
        let mut all = track(&r, &project(2050).unwrap()).unwrap();
        let pop = by(&all, About::Target(TargetId::ResidentPop2030));
        // 5.04 million against 5 million: met, narrowly.
        assert_eq!(pop.status, Status::OnTrack);
        apply_fans(&mut all, &simulate(&base, &a, Draws::rates(&DEFAULT_UNCERTAINTY, 200, 1)).unwrap());
        let pop = by(&all, About::Target(TargetId::ResidentPop2030));
        let (lo, hi) = pop.interval_80.unwrap();
        assert!(lo < 5e6 && hi > 5e6, "{lo} {hi}");
        assert_eq!(pop.status, Status::AtRisk);
        // Far from 20%: off track whatever the spread.
        assert_eq!(by(&all, About::Forecast(ForecastId::Share60PlusExceeds20)).status, Status::OffTrack);
        // Assumptions and what a projection cannot tell keep their status.
        assert_eq!(by(&all, About::Target(TargetId::Tfr2030)).status, Status::Assumed);
        assert_eq!(by(&all, About::Target(TargetId::Schooling2030)).status, Status::Outside);
    }
}
