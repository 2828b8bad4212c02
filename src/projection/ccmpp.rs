//! The cohort-component engine, after Preston, Heuveline & Guillot (2001),
//! *Demography*, ch. 6:
//!
//! - survival from life-table person-years: a closed group x survives into
//!   x+n with nLx+n / nLx; births survive into the first group with
//!   nL0 / (n · radix); the last closed group and the open group together
//!   survive into the open group with T(ω) / T(ω−n);
//! - half of each step's net migrants join at the start of the step (and
//!   are exposed to its mortality), half at the end;
//! - births over the step are n × Σ asfr × (women at the start, after the
//!   first half of migrants, + women at the end) / 2, split by the sex
//!   ratio at birth;
//! - deaths are what balances the account, so that population change equals
//!   births − deaths + net migration exactly.

use serde::Serialize;

// The arithmetic: passes over flat slices in a crate of their own
// (kernel/), built for speed even in the wasm core built for size.
pub(crate) use liangshan_kernel::{births_by_age, interpolate, present, sum, sum_of_both, survival_ratios, survive, Survived};

use super::spec::{PerStep, Spec};
use crate::error::Error;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Births {
    pub total: f64,
    pub female: f64,
    pub male: f64,
    /// Births by the mother's age group.
    pub by_mother_age: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BySex {
    pub female: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub male: Option<f64>,
}

/// The result: population by age at each year, and the components of each step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Projection {
    pub years: Vec<i64>,
    pub female: Vec<Vec<f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub male: Option<Vec<Vec<f64>>>,
    pub births: Vec<Births>,
    pub deaths: Vec<BySex>,
    pub net_migrants: Vec<BySex>,
}

/// Projects `spec` (validated first).
pub fn project(spec: &Spec) -> Result<Projection, Error> {
    spec.validate()?;
    project_checked(spec)
}

/// A spec validated once, with each step's survival ratios, to be
/// projected as often as wanted.
#[derive(Clone, Debug)]
pub struct Prepared {
    spec: Spec,
    ratios: Ratios,
}

impl Prepared {
    pub fn new(spec: Spec) -> Result<Prepared, Error> {
        spec.validate()?;
        let ratios = Ratios::of(&spec);
        Ok(Prepared { spec, ratios })
    }

    /// The projection, or an error if a result grows beyond what a number holds.
    pub fn project(&self) -> Result<Projection, Error> {
        let p = project_with(&self.spec, &self.ratios);
        check_finite(&p)?;
        Ok(p)
    }
}

/// Each step's survival ratios of each sex ([`survival_ratios`] of its
/// person-years), found once for a spec: once in all where its life table
/// is constant.
#[derive(Clone, Debug)]
struct Ratios {
    female: PerStep<Vec<f64>>,
    male: Option<PerStep<Vec<f64>>>,
}

impl Ratios {
    fn of(spec: &Spec) -> Ratios {
        let step = f64::from(spec.step);
        let of = |nlx: &PerStep<Vec<f64>>| {
            nlx.map(|l| {
                let mut r = vec![0.0; l.len()];
                survival_ratios(l, step, spec.radix, &mut r);
                r
            })
        };
        Ratios { female: of(&spec.female.nlx), male: spec.male.as_ref().map(|m| of(&m.nlx)) }
    }
}

fn project_checked(spec: &Spec) -> Result<Projection, Error> {
    let p = project_valid(spec);
    check_finite(&p)?;
    Ok(p)
}

/// A valid spec can still grow past what a number holds (a high fertility
/// over a thousand steps): that is an error naming the first result out of
/// range, never a result with infinities (which JSON would print as null).
fn check_finite(p: &Projection) -> Result<(), Error> {
    // `step`: 1-based, the step whose end the result is.
    let bad = |field: String, step: usize| -> Error {
        crate::error::ErrorKind::Spec {
            field,
            message: format!(
                "overflows in step {step} (year {}): the spec's numbers grow beyond what a number can hold; project fewer steps or smaller rates",
                p.years.get(step).copied().unwrap_or_default()
            ),
        }
        .into()
    };
    // The population at the end of a step is zero or above, each group, so
    // where one is infinite so is its sum, and so the step's deaths, which
    // balance the account with that sum: finite deaths and births of every
    // step, the common case, mean finite results, without a look at each.
    let finite = |b: &BySex| b.female.is_finite() && b.male.map_or(true, f64::is_finite);
    if p.deaths.iter().all(finite) && p.births.iter().all(|b| b.female.is_finite() && b.male.is_finite()) {
        return Ok(());
    }
    let sexes = [("female", Some(&p.female)), ("male", p.male.as_ref())];
    for (name, pops) in sexes {
        for (k, pop) in pops.into_iter().flatten().enumerate().skip(1) {
            if let Some(i) = pop.iter().position(|v| !v.is_finite()) {
                return Err(bad(format!("{name}[{k}][{i}]"), k));
            }
        }
    }
    if let Some(k) = p.births.iter().position(|b| !(b.female.is_finite() && b.male.is_finite())) {
        return Err(bad(format!("births[{k}]"), k + 1));
    }
    Ok(())
}

/// The ages with fertility: from the first rate above zero to the last.
fn fertile(asfr: &[f64]) -> std::ops::Range<usize> {
    let lo = asfr.iter().position(|f| *f > 0.0).unwrap_or(0);
    let hi = asfr.iter().rposition(|f| *f > 0.0).map_or(lo, |i| i + 1);
    lo..hi
}

/// Projects a spec known to be valid (built by this crate's scenarios).
pub(crate) fn project_valid(spec: &Spec) -> Projection {
    project_with(spec, &Ratios::of(spec))
}

/// Projects a valid spec whose survival ratios are `ratios`.
fn project_with(spec: &Spec, ratios: &Ratios) -> Projection {
    let step = f64::from(spec.step);
    let groups = spec.female.population.len();
    let steps = spec.steps as usize;
    let zeros = vec![0.0; groups];
    let mig = |female: bool, k: usize| -> &[f64] { spec.migrants(female).map_or(&zeros[..], |m: &PerStep<Vec<f64>>| m.at(k).as_slice()) };

    let mut female = Vec::with_capacity(steps + 1);
    female.push(spec.female.population.clone());
    let mut male = spec.male.as_ref().map(|m| {
        let mut v = Vec::with_capacity(steps + 1);
        v.push(m.population.clone());
        v
    });
    let mut births = Vec::with_capacity(steps);
    let mut deaths = Vec::with_capacity(steps);
    let mut net = Vec::with_capacity(steps);
    let mut years = Vec::with_capacity(steps + 1);
    years.push(i64::from(spec.base_year));
    let mut scratch = vec![0.0; groups];
    // Those alive at the start of the step: the end of the one before.
    let mut f_alive = sum(&spec.female.population);
    let mut m_alive = spec.male.as_ref().map_or(0.0, |m| sum(&m.population));

    for k in 0..steps {
        let f_now = &female[female.len() - 1];
        let f_mig = mig(true, k);
        let asfr = spec.asfr.at(k);
        let srb = *spec.srb.at(k);
        let f_ratio = ratios.female.at(k);
        present(f_now, f_mig, &mut scratch);
        let ages = fertile(asfr);
        let mut by_mother_age = vec![0.0; groups];
        let total = births_by_age(&scratch, f_ratio, f_mig, asfr, ages, step, &mut by_mother_age);
        let (b_f, b_m) = (total / (1.0 + srb), total * srb / (1.0 + srb));
        let mut f_end = vec![0.0; groups];
        let Survived { moved: f_moved, left: f_left, .. } = survive(f_now, &scratch, f_ratio, f_mig, b_f, &mut f_end);
        let f_deaths = f_alive + b_f + f_moved - f_left;
        f_alive = f_left;

        let (m_deaths, m_net) = match (&mut male, &ratios.male) {
            (Some(series), Some(m_ratios)) => {
                let m_now = &series[series.len() - 1];
                let mut m_end = vec![0.0; groups];
                let m_mig = mig(false, k);
                present(m_now, m_mig, &mut scratch);
                let Survived { moved: m_moved, left: m_left, .. } = survive(m_now, &scratch, m_ratios.at(k), m_mig, b_m, &mut m_end);
                let d = m_alive + b_m + m_moved - m_left;
                m_alive = m_left;
                series.push(m_end);
                (Some(d), Some(m_moved))
            }
            _ => (None, None),
        };
        female.push(f_end);
        births.push(Births { total, female: b_f, male: b_m, by_mother_age });
        deaths.push(BySex { female: f_deaths, male: m_deaths });
        net.push(BySex { female: f_moved, male: m_net });
        years.push(i64::from(spec.base_year) + i64::from(spec.step) * (k as i64 + 1));
    }
    Projection { years, female, male, births, deaths, net_migrants: net }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::spec::Sex;

    fn spec(steps: u32) -> Spec {
        // A small five-group population with a made-up life table.
        Spec {
            base_year: 2020,
            step: 5,
            steps,
            radix: 100_000.0,
            female: Sex {
                population: vec![1000.0, 950.0, 900.0, 800.0, 600.0],
                nlx: PerStep::Constant(vec![490_000.0, 485_000.0, 480_000.0, 470_000.0, 900_000.0]),
                net_migrants: Some(PerStep::Constant(vec![10.0, -20.0, 5.0, 0.0, 0.0])),
            },
            male: Some(Sex {
                population: vec![1050.0, 990.0, 920.0, 780.0, 500.0],
                nlx: PerStep::Constant(vec![488_000.0, 480_000.0, 470_000.0, 455_000.0, 700_000.0]),
                net_migrants: None,
            }),
            asfr: PerStep::Constant(vec![0.0, 0.05, 0.08, 0.0, 0.0]),
            srb: PerStep::Constant(1.06),
            net_migrants: None,
        }
    }

    #[test]
    fn zero_steps_returns_the_input() {
        let p = project(&spec(0)).unwrap();
        assert_eq!(p.female, vec![spec(0).female.population]);
        assert_eq!(p.years, vec![2020]);
        assert!(p.births.is_empty());
    }

    #[test]
    fn change_is_births_minus_deaths_plus_migration() {
        let p = project(&spec(6)).unwrap();
        for k in 0..6 {
            let df = sum(&p.female[k + 1]) - sum(&p.female[k]);
            assert!((df - (p.births[k].female - p.deaths[k].female + p.net_migrants[k].female)).abs() < 1e-9);
            let m = p.male.as_ref().unwrap();
            let dm = sum(&m[k + 1]) - sum(&m[k]);
            assert!((dm - (p.births[k].male - p.deaths[k].male.unwrap() + p.net_migrants[k].male.unwrap())).abs() < 1e-9);
            assert!(p.deaths[k].female > 0.0);
        }
        assert_eq!(p.years, vec![2020, 2025, 2030, 2035, 2040, 2045, 2050]);
    }

    #[test]
    fn without_deaths_births_or_migrants_everyone_moves_up_a_group() {
        let mut s = spec(1);
        s.female.nlx = PerStep::Constant(vec![500_000.0, 500_000.0, 500_000.0, 500_000.0, 500_000.0]);
        s.female.net_migrants = None;
        s.asfr = PerStep::Constant(vec![0.0; 5]);
        let p = project(&s).unwrap();
        // The last closed group and the open group merge with survival T/T = 1/2.
        assert_eq!(p.female[1], vec![0.0, 1000.0, 950.0, 900.0, (800.0 + 600.0) * 0.5]);
    }

    #[test]
    fn agrees_with_a_leslie_matrix_for_a_closed_female_population() {
        // Rodríguez's Leslie matrix (radix 1, last L is T): first row
        // L0 (m_i + m_{i+1} L_{i+1}/L_i) / 2 with m the daughters' rates.
        let mut s = spec(1);
        s.male = None;
        s.female.net_migrants = None;
        let l: Vec<f64> = s.female.nlx.at(0).iter().map(|v| v / 100_000.0 / 5.0).collect();
        let m: Vec<f64> = s.asfr.at(0).iter().map(|f| f * 5.0 / (1.0 + 1.06)).collect();
        let n = l.len();
        let p0 = &s.female.population;
        let mut want = vec![0.0; n];
        for i in 0..n - 1 {
            want[0] += l[0] * (m[i] + m[i + 1] * l[i + 1] / l[i]) / 2.0 * p0[i];
        }
        for i in 1..n - 1 {
            want[i] = l[i] / l[i - 1] * p0[i - 1];
        }
        want[n - 1] = l[n - 1] / (l[n - 2] + l[n - 1]) * (p0[n - 2] + p0[n - 1]);
        let got = &project(&s).unwrap().female[1];
        for (a, b) in got.iter().zip(&want) {
            assert!((a - b).abs() < 1e-9, "{got:?} vs {want:?}");
        }
    }

    #[test]
    fn emigration_stops_at_an_empty_group() {
        let mut s = spec(1);
        s.female.net_migrants = Some(PerStep::Constant(vec![0.0, 0.0, 0.0, -5000.0, 0.0]));
        let p = project(&s).unwrap();
        assert!(p.female[1].iter().all(|x| *x >= 0.0));
        // Only the 800 + survivors there were could leave.
        assert!(p.net_migrants[0].female > -5000.0 && p.net_migrants[0].female < 0.0);
        let change = sum(&p.female[1]) - sum(&p.female[0]);
        assert!((change - (p.births[0].female - p.deaths[0].female + p.net_migrants[0].female)).abs() < 1e-9);
    }

    #[test]
    fn more_fertility_never_means_fewer_births() {
        let low = project(&spec(4)).unwrap();
        let mut s = spec(4);
        s.asfr = PerStep::Constant(vec![0.0, 0.06, 0.09, 0.01, 0.0]);
        let high = project(&s).unwrap();
        for (a, b) in low.births.iter().zip(&high.births) {
            assert!(b.total >= a.total);
        }
    }
}
