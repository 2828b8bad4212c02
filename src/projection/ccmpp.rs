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

/// Survival ratios of one step: `ratio[0]` takes births into the first
/// group, `ratio[x]` takes group x−1 into x, and the last takes the last
/// closed group and the open group together into the open group.
pub(crate) fn survival_ratios(l: &[f64], step: f64, radix: f64, out: &mut [f64]) {
    let k = l.len();
    out[0] = l[0] / (step * radix);
    for x in 1..k - 1 {
        out[x] = if l[x - 1] > 0.0 { l[x] / l[x - 1] } else { 0.0 };
    }
    let den = l[k - 2] + l[k - 1];
    out[k - 1] = if den > 0.0 { l[k - 1] / den } else { 0.0 };
}

/// A sum in four lanes: four running sums, of every fourth value, added at
/// the end (the compiler turns them into vector additions). It differs
/// from a single running sum by rounding alone; every sum of the engine is
/// taken this way.
#[inline]
pub(crate) fn sum(v: &[f64]) -> f64 {
    dot_by(v, v, |a, _| a)
}

/// `Σ term(a[i], b[i])` in four lanes, as [`sum`].
#[inline(always)]
pub(crate) fn dot_by(a: &[f64], b: &[f64], term: impl Fn(f64, f64) -> f64) -> f64 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0.0f64; 4];
    let (ca, cb) = (a.chunks_exact(4), b.chunks_exact(4));
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for i in 0..4 {
            acc[i] += term(x[i], y[i]);
        }
    }
    ra.iter().zip(rb).fold((acc[0] + acc[1]) + (acc[2] + acc[3]), |s, (x, y)| s + term(*x, *y))
}

/// `x`, or zero where it is below zero (or not a number): `x.max(0.0)`,
/// written as one compare, which vectorises (`max` must also order NaNs).
#[inline(always)]
fn positive(x: f64) -> f64 {
    if x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Those present in each group after the first half of the step's
/// migrants: `start`. (Emigrants cannot outnumber the people there are:
/// where net migration would make a group negative, it stops at zero.)
pub(crate) fn present(pop: &[f64], migrants: &[f64], start: &mut [f64]) {
    for ((s, p), m) in start.iter_mut().zip(pop).zip(migrants) {
        *s = positive(p + m / 2.0);
    }
}

/// One sex through one step, from those present at its start (`start`,
/// from [`present`] on `pop`), its births and its survival `ratio`s: writes
/// the population at the end of the step into `end` and returns the net
/// migrants who could actually leave or arrive (where net migration would
/// make a group negative, it stops at zero, and the migrants reported are
/// the ones that moved).
pub(crate) fn survive(pop: &[f64], start: &[f64], ratio: &[f64], migrants: &[f64], births: f64, end: &mut [f64]) -> f64 {
    let k = pop.len();
    let (pop, start, ratio, migrants, end) = (&pop[..k], &start[..k], &ratio[..k], &migrants[..k], &mut end[..k]);
    // Moved up a group by their survival (the open group gathers two
    // groups), with the second half's migrants.
    let born = births * ratio[0];
    end[0] = positive(born + migrants[0] / 2.0);
    for ((e, (s, r)), m) in end[1..k - 1].iter_mut().zip(start[..k - 2].iter().zip(&ratio[1..k - 1])).zip(&migrants[1..k - 1]) {
        *e = positive(s * r + m / 2.0);
    }
    let open = (start[k - 2] + start[k - 1]) * ratio[k - 1];
    end[k - 1] = positive(open + migrants[k - 1] / 2.0);
    // The migrants who moved: those the first half added, and those the
    // second added to the survivors (group by group, so that where nobody
    // moves the figure is exactly zero).
    let first = dot_by(start, pop, |s, p| s - p);
    let second = lanes3(&end[1..k - 1], &start[..k - 2], &ratio[1..k - 1], |e, s, r| e - s * r);
    first + ((end[0] - born) + second + (end[k - 1] - open))
}

/// `Σ term(a[i], b[i], c[i])` in four lanes, as [`sum`].
#[inline(always)]
fn lanes3(a: &[f64], b: &[f64], c: &[f64], term: impl Fn(f64, f64, f64) -> f64) -> f64 {
    let n = a.len().min(b.len()).min(c.len());
    let (a, b, c) = (&a[..n], &b[..n], &c[..n]);
    let mut acc = [0.0f64; 4];
    let mut i = 0;
    while i + 4 <= n {
        for l in 0..4 {
            acc[l] += term(a[i + l], b[i + l], c[i + l]);
        }
        i += 4;
    }
    (i..n).fold((acc[0] + acc[1]) + (acc[2] + acc[3]), |s, j| s + term(a[j], b[j], c[j]))
}

/// Births over one step to women in the ages `fertile` (ages outside it
/// have no fertility): `step` × the rate × the mean of the women there at
/// the start (`start`, after the first half of the migrants) and at the
/// end. The women at the end of the step in a group past the first do not
/// depend on the step's births, so they are found here for the fertile
/// ages alone, as [`survive`] finds them.
pub(crate) fn births(start: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], fertile: std::ops::Range<usize>, step: f64) -> f64 {
    let k = start.len();
    let (lo, hi) = (fertile.start.max(1), fertile.end.min(k));
    if lo >= hi {
        return 0.0;
    }
    // The open group, when it is fertile, apart.
    let closed = hi.min(k - 1);
    let mut total = lanes_births(&start[lo - 1..closed], &ratio[lo..closed], &migrants[lo..closed], &asfr[lo..closed], step);
    if hi == k {
        let x = k - 1;
        let end = positive((start[x - 1] + start[x]) * ratio[x] + migrants[x] / 2.0);
        total += step * asfr[x] * (start[x] + end) / 2.0;
    }
    total
}

/// Σ step × asfr × (start + end) / 2 over closed groups, `before` holding
/// one group more (the group below each).
fn lanes_births(before: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], step: f64) -> f64 {
    let n = ratio.len();
    let mut acc = [0.0f64; 4];
    for x in 0..n {
        let end = positive(before[x] * ratio[x] + migrants[x] / 2.0);
        acc[x % 4] += step * asfr[x] * (before[x + 1] + end) / 2.0;
    }
    (acc[0] + acc[1]) + (acc[2] + acc[3])
}

/// Births by the mother's age: the terms of [`births`].
fn births_by_age(start: &[f64], ratio: &[f64], migrants: &[f64], asfr: &[f64], step: f64) -> Vec<f64> {
    let k = start.len();
    (0..k)
        .map(|x| {
            if x == 0 || asfr[x] == 0.0 {
                return 0.0;
            }
            let survivors = if x + 1 == k { (start[x - 1] + start[x]) * ratio[x] } else { start[x - 1] * ratio[x] };
            let end = positive(survivors + migrants[x] / 2.0);
            step * asfr[x] * (start[x] + end) / 2.0
        })
        .collect()
}

/// Projects `spec` (validated first).
pub fn project(spec: &Spec) -> Result<Projection, Error> {
    spec.validate()?;
    project_checked(spec)
}

/// A spec validated once, to be projected as often as wanted.
#[derive(Clone, Debug)]
pub struct Prepared {
    spec: Spec,
}

impl Prepared {
    pub fn new(spec: Spec) -> Result<Prepared, Error> {
        spec.validate()?;
        Ok(Prepared { spec })
    }

    /// The projection, or an error if a result grows beyond what a number holds.
    pub fn project(&self) -> Result<Projection, Error> {
        project_checked(&self.spec)
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
    let mut f_ratio = vec![0.0; groups];
    let mut m_ratio = vec![0.0; groups];
    let mut scratch = vec![0.0; groups];

    for k in 0..steps {
        let f_now = &female[female.len() - 1];
        let f_mig = mig(true, k);
        let asfr = spec.asfr.at(k);
        let srb = *spec.srb.at(k);
        survival_ratios(spec.female.nlx.at(k), step, spec.radix, &mut f_ratio);
        present(f_now, f_mig, &mut scratch);
        let total = self::births(&scratch, &f_ratio, f_mig, asfr, fertile(asfr), step);
        let by_mother_age = births_by_age(&scratch, &f_ratio, f_mig, asfr, step);
        let (b_f, b_m) = (total / (1.0 + srb), total * srb / (1.0 + srb));
        let mut f_end = vec![0.0; groups];
        let f_moved = survive(f_now, &scratch, &f_ratio, f_mig, b_f, &mut f_end);
        let f_deaths = sum(f_now) + b_f + f_moved - sum(&f_end);

        let (m_deaths, m_net) = match (&mut male, &spec.male) {
            (Some(series), Some(m_spec)) => {
                let m_now = &series[series.len() - 1];
                let mut m_end = vec![0.0; groups];
                survival_ratios(m_spec.nlx.at(k), step, spec.radix, &mut m_ratio);
                let m_mig = mig(false, k);
                present(m_now, m_mig, &mut scratch);
                let m_moved = survive(m_now, &scratch, &m_ratio, m_mig, b_m, &mut m_end);
                let d = sum(m_now) + b_m + m_moved - sum(&m_end);
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
