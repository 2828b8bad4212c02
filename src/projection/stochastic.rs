//! Probabilistic projections: many trajectories around a scenario's paths,
//! with autocorrelated (AR(1)) deviations of fertility, life expectancy and
//! migration, drawn from a seeded generator (the same seed gives the same
//! numbers everywhere), summarised as medians and 80% and 95% intervals.
//! Where a region's base is the estimate, each trajectory also starts from
//! one of the alternative bases ([`BaseDraws`]): the estimate is uncertain
//! where nothing is published.

use serde::Serialize;

use super::base::{BaseDraws, BasePopulation, AGES};
use super::ccmpp::{births_by_age, interpolate, present, sum, survival_ratios, survive};
use super::counties::RegionInputs;
use super::indicator::Indicator;
use super::scenario::{paths, year_of, year_with, Assumptions, Flows, Paths, Year, BASE_YEAR};
use super::services::{self, Service};
use super::targets::{checks, Check};
use crate::demography::fertility::{gompertz_shares, GROUPS};
use crate::demography::migration::STANDARD;
use crate::demography::mortality::Mortality;
use crate::demography::Sex;
use crate::error::{Error, ErrorKind};
use crate::math::{cos, ln};

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
        (-2.0 * ln(u)).sqrt() * cos(2.0 * std::f64::consts::PI * v)
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

/// Median and intervals of one indicator (or service population, `Q`),
/// year by year.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fan<Q = Indicator> {
    pub indicator: Q,
    pub years: Vec<u16>,
    pub median: Vec<f64>,
    pub lo80: Vec<f64>,
    pub hi80: Vec<f64>,
    pub lo95: Vec<f64>,
    pub hi95: Vec<f64>,
}

/// The fan of a service population: its id is the fan's `indicator`, as
/// in the records of `liangshan-pop services`.
pub type ServiceFan = Fan<Service>;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Probabilistic {
    pub trajectories: usize,
    pub seed: u64,
    /// How many alternative bases the trajectories start from in turn (0:
    /// all from the region's own base, a reader's table).
    pub bases: usize,
    pub fans: Vec<Fan>,
    /// The service populations' fans, where the run kept them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceFan>,
    /// The share of trajectories that meet each of the tracker's checks,
    /// in the order of [`crate::projection::targets::checks`] (NaN where the
    /// check's indicator was not kept): the probability, under the run's
    /// uncertainty, that the target is met.
    pub met: Vec<f64>,
}

impl Probabilistic {
    /// The fan of one indicator.
    pub fn fan(&self, indicator: Indicator) -> Option<&Fan> {
        self.fans.iter().find(|f| f.indicator == indicator)
    }

    /// The share of trajectories that meet `check` (None where it was not counted).
    pub fn share_meeting(&self, check: &Check) -> Option<f64> {
        let i = checks().ok()?.iter().position(|c| c == check)?;
        self.met.get(i).copied().filter(|s| s.is_finite())
    }

    /// The fan of one service population.
    pub fn service(&self, service: Service) -> Option<&ServiceFan> {
        self.services.iter().find(|f| f.indicator == service)
    }
}

/// Single-year person-years on a grid of life expectancy (every 0.05 year
/// from 20 to 95), each table computed the first time a run needs it and
/// kept: a model holds one, so that moving a slider computes only the
/// tables its new range needs. Runs interpolate between grid points.
pub struct LifeTableGrid {
    mortality: Mortality,
    /// `AGES` values a point, by sex.
    tables: [Vec<f64>; 2],
    /// The points computed, by sex.
    filled: [Vec<bool>; 2],
}

const GRID_LO: f64 = 20.0;
const GRID_HI: f64 = 95.0;
const GRID_STEP: f64 = 0.05;

impl LifeTableGrid {
    pub fn new(mortality: &Mortality) -> LifeTableGrid {
        let points = ((GRID_HI - GRID_LO) / GRID_STEP).round() as usize + 1;
        // The tables' memory (2.4 MB) is taken when the first run needs it.
        LifeTableGrid { mortality: mortality.clone(), tables: [Vec::new(), Vec::new()], filled: [vec![false; points], vec![false; points]] }
    }

    /// The grid of `mortality`: this one, or a new one if it was another's.
    fn of(&mut self, mortality: &Mortality) -> &mut LifeTableGrid {
        if self.mortality != *mortality {
            *self = LifeTableGrid::new(mortality);
        }
        self
    }

    /// The point at or below `e0`, and the weight of the one above.
    fn index(&self, e0: f64) -> (usize, f64) {
        let x = ((e0 - GRID_LO) / GRID_STEP).clamp(0.0, (self.filled[0].len() - 2) as f64);
        (x.floor() as usize, x.fract())
    }

    /// Computes the tables of `sex` that life expectancies from `lo` to
    /// `hi` need.
    fn fill(&mut self, sex: Sex, lo: f64, hi: f64) -> Result<(), Error> {
        let (from, to) = (self.index(lo).0, self.index(hi).0 + 1);
        let s = sex_index(sex);
        let size = self.filled[s].len() * AGES;
        if self.tables[s].len() < size {
            self.tables[s].resize(size, 0.0);
        }
        for j in from..=to {
            if self.filled[s][j] {
                continue;
            }
            let table = self.mortality.nlx(sex, GRID_LO + GRID_STEP * j as f64, AGES - 1)?;
            self.tables[s][j * AGES..(j + 1) * AGES].copy_from_slice(&table);
            self.filled[s][j] = true;
        }
        Ok(())
    }

    /// The two tables around `e0` (filled) and the weight of the second.
    fn around(&self, sex: Sex, e0: f64) -> (&[f64], &[f64], f64) {
        let s = sex_index(sex);
        let t = &self.tables[s];
        let (i, w) = self.index(e0);
        debug_assert!(self.filled[s][i] && self.filled[s][i + 1]);
        (&t[i * AGES..(i + 1) * AGES], &t[(i + 1) * AGES..(i + 2) * AGES], w)
    }

    /// The person-years at life expectancy `e0`, interpolated.
    #[cfg(test)]
    fn nlx(&self, sex: Sex, e0: f64) -> Vec<f64> {
        let (a, b, w) = self.around(sex, e0);
        a.iter().zip(b).map(|(a, b)| a + w * (b - a)).collect()
    }

    /// The survival ratios of a one-year step at life expectancy `e0`:
    /// those of the person-years interpolated between the two nearest
    /// tables (`l`, scratch).
    fn ratios(&self, sex: Sex, e0: f64, l: &mut [f64], out: &mut [f64]) {
        let (a, b, w) = self.around(sex, e0);
        interpolate(a, b, w, l);
        survival_ratios(l, 1.0, 1.0, out);
    }
}

fn sex_index(sex: Sex) -> usize {
    if sex == Sex::Female {
        0
    } else {
        1
    }
}

/// Everything a trajectory needs that is the same for every trajectory,
/// prepared once: the centre paths, the life-table grid, the fertility and
/// migration age schedules.
struct Engine<'a> {
    regions: &'a [RegionInputs],
    /// Holds the tables the trajectories use once [`Engine::fill`] has seen their paths.
    grid: &'a mut LifeTableGrid,
    /// The life expectancies the grid serves: beyond them, the nearest.
    e0_range: (f64, f64),
    /// Whether the regions' sum is a region too (the counties' prefecture).
    sum: bool,
    centre: Paths,
    /// Booth's standard: the share of the TFR in each five-year group.
    fertility: [f64; 8],
    /// The migrants' age schedule (summing to 1).
    migration: Vec<f64>,
    srb: f64,
}

/// What a trajectory writes to, reused from one to the next.
struct Workspace {
    l: Vec<f64>,
    f_ratio: Vec<f64>,
    m_ratio: Vec<f64>,
    asfr: Vec<f64>,
    mig: Vec<f64>,
    /// Births by the mother's age (the kernel writes them; the run needs their total).
    by_age: Vec<f64>,
    /// Women and men of each region now, and at the end of the step.
    now: Vec<[Vec<f64>; 2]>,
    end: Vec<[Vec<f64>; 2]>,
    /// The regions' sum, women and men.
    total: [Vec<f64>; 2],
    /// Each region's women and men in all, now and at the end of the step,
    /// as the step summed them (none before the first).
    sexes: Vec<Option<(f64, f64)>>,
    next_sexes: Vec<Option<(f64, f64)>>,
}

/// The ages with fertility: 10-49.
const FERTILE: std::ops::Range<usize> = 10..50;

impl<'a> Engine<'a> {
    /// The engine for `regions` under `a`, its tables in `grid` (computed
    /// by [`Engine::fill`] for the paths of the runs).
    fn new(
        grid: &'a mut LifeTableGrid,
        pref: &BasePopulation,
        regions: &'a [RegionInputs],
        sum: bool,
        a: &Assumptions,
    ) -> Result<Engine<'a>, Error> {
        let centre = paths(pref, a);
        let (lo, hi) = centre.e0.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), (f, m)| (l.min(f.min(*m)), h.max(f.max(*m))));
        // Deviations of e0 have a stationary spread of about half a year; ±4
        // years is eight of those. Beyond that the nearest end is used.
        // (Every region has the prefecture's mortality model.)
        let e0_range = ((lo - 4.0).max(GRID_LO), (hi + 4.0).min(GRID_HI));
        let grid = grid.of(regions.first().map_or(&pref.mortality, |r| &r.base.mortality));
        Ok(Engine {
            regions,
            grid,
            e0_range,
            sum,
            fertility: gompertz_shares(0.0, 1.0)?,
            migration: STANDARD.shares(AGES),
            srb: a.srb,
            centre,
        })
    }

    fn workspace(&self) -> Workspace {
        let zeros = || vec![0.0; AGES];
        let pairs = || self.regions.iter().map(|_| [zeros(), zeros()]).collect::<Vec<_>>();
        Workspace {
            l: zeros(),
            f_ratio: zeros(),
            m_ratio: zeros(),
            asfr: zeros(),
            mig: zeros(),
            by_age: zeros(),
            now: pairs(),
            end: pairs(),
            total: [zeros(), zeros()],
            sexes: vec![None; self.regions.len()],
            next_sexes: vec![None; self.regions.len()],
        }
    }

    /// Computes the tables that runs along `paths` use: each sex's over the
    /// life expectancies its paths reach (clamped as [`Engine::run`]
    /// clamps them), and no others.
    fn fill(&mut self, paths: &[Paths]) -> Result<(), Error> {
        let ((lo, hi), steps) = (self.e0_range, self.centre.migration.len());
        let mut reach = [(f64::INFINITY, f64::NEG_INFINITY); 2];
        for p in paths {
            for &(f, m) in &p.e0[..steps] {
                for (r, e) in reach.iter_mut().zip([f, m]) {
                    let e = e.clamp(lo, hi);
                    *r = (r.0.min(e), r.1.max(e));
                }
            }
        }
        for (sex, (from, to)) in [Sex::Female, Sex::Male].into_iter().zip(reach) {
            if from <= to {
                self.grid.fill(sex, from, to)?;
            }
        }
        Ok(())
    }

    /// `trajectories` trajectories' paths drawn from `rng`.
    fn draw_all(&self, u: &Uncertainty, rng: &mut Rng, trajectories: usize) -> Vec<Paths> {
        (0..trajectories)
            .map(|_| {
                let mut p = self.centre.clone();
                self.draw(u, rng, &mut p);
                p
            })
            .collect()
    }

    /// Draws a trajectory's paths: the centre's with AR(1) deviations.
    fn draw(&self, u: &Uncertainty, rng: &mut Rng, p: &mut Paths) {
        let c = &self.centre;
        let (mut dt, mut de, mut dm) = (0.0, 0.0, 0.0);
        for k in 0..c.tfr.len() {
            if k > 0 {
                dt = u.tfr_persistence * dt + u.tfr_sd * rng.normal();
                de = u.e0_persistence * de + u.e0_sd * rng.normal();
                dm = u.migration_persistence * dm + u.migration_sd * rng.normal();
            }
            p.tfr[k] = (c.tfr[k] + dt).clamp(0.3, 8.0);
            p.e0[k] = (c.e0[k].0 + de, c.e0[k].1 + de);
            if k < c.migration.len() {
                p.migration[k] = c.migration[k] + dm;
            }
        }
    }

    /// Projects every region along `paths`, one year at a time,
    /// and hands each region's year to `sink(region, k, year, women, men)`
    /// (its indicators and its population by single age). The
    /// arithmetic is the engine's ([`crate::projection::ccmpp`]), on the
    /// inputs a deterministic run along the same paths would build, so a
    /// trajectory is that run to the last bit.
    /// `draw`, when given, is the alternative base this trajectory starts
    /// from: every region whose base is the estimate starts from its draw.
    fn run(
        &self,
        ws: &mut Workspace,
        paths: &Paths,
        draw: Option<(&BaseDraws, usize)>,
        sink: &mut impl FnMut(usize, usize, &Year, &[f64], &[f64]),
    ) {
        let steps = self.centre.migration.len();
        for (r, region) in self.regions.iter().enumerate() {
            let own = [&region.base.female[..], &region.base.male[..]];
            match draw {
                Some((draws, t)) if region.base.estimate => draws.draw(t, own, &mut ws.now[r]),
                _ => {
                    ws.now[r][0].copy_from_slice(own[0]);
                    ws.now[r][1].copy_from_slice(own[1]);
                }
            }
        }
        ws.sexes.fill(None);
        let srb = self.srb;
        for k in 0..=steps {
            let e0 = paths.e0[k];
            if k < steps {
                let (lo, hi) = self.e0_range;
                self.grid.ratios(Sex::Female, e0.0.clamp(lo, hi), &mut ws.l, &mut ws.f_ratio);
                self.grid.ratios(Sex::Male, e0.1.clamp(lo, hi), &mut ws.l, &mut ws.m_ratio);
            }
            let mut all = Flows { births: 0.0, deaths: 0.0, net_migrants: 0.0, next_population: 0.0 };
            for (r, region) in self.regions.iter().enumerate() {
                let tfr = paths.tfr[k] * region.tfr_ratio;
                let [f, m] = &ws.now[r];
                let sexes = ws.sexes[r].unwrap_or_else(|| (sum(f), sum(m)));
                if k == steps {
                    sink(r, k, &year_with(BASE_YEAR + k as u16, f, m, sexes, None, tfr, e0), f, m);
                    continue;
                }
                let migrants = region.migration_offset + paths.migration[k] * region.migration_share;
                for (g, share) in GROUPS.iter().zip(self.fertility) {
                    let g = *g as usize;
                    ws.asfr[g..g + 5].fill(tfr * share / 5.0);
                }
                for (x, s) in ws.mig.iter_mut().zip(&self.migration) {
                    *x = s * migrants / 2.0;
                }
                let [f_end, m_end] = &mut ws.end[r];
                present(f, &ws.mig, &mut ws.l);
                let b = births_by_age(&ws.l, &ws.f_ratio, &ws.mig, &ws.asfr, FERTILE, 1.0, &mut ws.by_age);
                let (b_f, b_m) = (b / (1.0 + srb), b * srb / (1.0 + srb));
                let fs = survive(f, &ws.l, &ws.f_ratio, &ws.mig, b_f, f_end);
                present(m, &ws.mig, &mut ws.l);
                let ms = survive(m, &ws.l, &ws.m_ratio, &ws.mig, b_m, m_end);
                let (f_moved, m_moved, f_next, m_next) = (fs.moved, ms.moved, fs.left, ms.left);
                let deaths = (fs.alive + b_f + f_moved - f_next) + (ms.alive + b_m + m_moved - m_next);
                let flows = Flows { births: b, deaths, net_migrants: f_moved + m_moved, next_population: f_next + m_next };
                sink(r, k, &year_with(BASE_YEAR + k as u16, f, m, sexes, Some(flows), tfr, e0), f, m);
                ws.next_sexes[r] = Some((f_next, m_next));
                all.births += flows.births;
                all.deaths += flows.deaths;
                all.net_migrants += flows.net_migrants;
            }
            if self.sum {
                self.add_up(ws, paths, k, all, sink);
            }
            std::mem::swap(&mut ws.now, &mut ws.end);
            std::mem::swap(&mut ws.sexes, &mut ws.next_sexes);
        }
    }
}

impl Engine<'_> {
    /// The regions' sum in year `k` (with the flows `all` of the step
    /// after it), as region number `regions.len()`.
    fn add_up(
        &self,
        ws: &mut Workspace,
        paths: &Paths,
        k: usize,
        mut all: Flows,
        sink: &mut impl FnMut(usize, usize, &Year, &[f64], &[f64]),
    ) {
        let steps = self.centre.migration.len();
        let [tf, tm] = &mut ws.total;
        let add = |out: &mut Vec<f64>, pops: &[[Vec<f64>; 2]], sex: usize| {
            out.fill(0.0);
            for p in pops {
                for (o, v) in out.iter_mut().zip(&p[sex]) {
                    *o += v;
                }
            }
        };
        let flows = (k < steps).then(|| {
            // Each region's women and men at the end of the step, as the step summed them.
            all.next_population = ws.next_sexes.iter().flatten().map(|(f, m)| f + m).sum();
            all
        });
        add(tf, &ws.now, 0);
        add(tm, &ws.now, 1);
        sink(self.regions.len(), k, &year_of(BASE_YEAR + k as u16, tf, tm, flows, paths.tfr[k], paths.e0[k]), tf, tm);
    }
}

/// The quantiles a fan shows: median, 80% and 95% intervals.
const QUANTILES: [f64; 5] = [0.025, 0.1, 0.5, 0.9, 0.975];

/// The quantiles of [`QUANTILES`] of `v` (reordered in place), by
/// selection ([`liangshan_kernel::quantiles`]).
fn quantiles(v: &mut [f64]) -> [f64; 5] {
    liangshan_kernel::quantiles(v, &QUANTILES)
}

/// The quantiles of [`QUANTILES`] of values `[year][trajectory]` flat
/// (reordered in place), year by year: `[lo95, lo80, median, hi80, hi95]`.
fn bands(values: &mut [f64], trajectories: usize) -> [Vec<f64>; 5] {
    let mut out: [Vec<f64>; 5] = Default::default();
    for v in values.chunks_mut(trajectories) {
        let finite = liangshan_kernel::partition_finite(v);
        for (o, q) in out.iter_mut().zip(quantiles(&mut v[..finite])) {
            o.push(q);
        }
    }
    out
}

/// The fan of one indicator or service from its values, `[year][trajectory]` flat.
fn fan<Q>(indicator: Q, years: &[u16], values: &mut [f64], trajectories: usize) -> Fan<Q> {
    let [lo95, lo80, median, hi80, hi95] = bands(values, trajectories);
    Fan { indicator, years: years.to_vec(), median, lo80, hi80, lo95, hi95 }
}

/// What a run keeps of every trajectory: indicators, and service
/// populations.
#[derive(Clone, Copy)]
pub struct Kept<'a> {
    pub indicators: &'a [Indicator],
    pub services: &'a [Service],
}

/// Every indicator, no service.
pub const INDICATORS: Kept<'static> = Kept { indicators: &Indicator::ALL, services: &[] };

/// What the explorer's region keeps: every indicator, and the service
/// populations its charts draw fans of.
pub const EXPLORER: Kept<'static> =
    Kept { indicators: &Indicator::ALL, services: &[Service::Age6To11, Service::Age60Plus, Service::ChildcarePlaces] };

/// The values kept, of every region, year and trajectory:
/// `[region][quantity][year][trajectory]`, flat, the quantities being the
/// indicators and then the services.
struct Store<'a> {
    indicators: &'a [Indicator],
    services: &'a [Service],
    /// The tracker's checks, counted in every summary.
    checks: Vec<Check>,
    /// Childcare places per 1,000 residents (the plan's norm).
    norm: f64,
    years: usize,
    trajectories: usize,
    values: Vec<f64>,
}

impl<'a> Store<'a> {
    fn new(kept: Kept<'a>, regions: usize, years: usize, trajectories: usize) -> Result<Store<'a>, Error> {
        let quantities = kept.indicators.len() + kept.services.len();
        Ok(Store {
            indicators: kept.indicators,
            services: kept.services,
            checks: checks()?,
            norm: services::childcare_norm(),
            years,
            trajectories,
            values: vec![f64::NAN; regions * quantities * years * trajectories],
        })
    }

    fn quantities(&self) -> usize {
        self.indicators.len() + self.services.len()
    }

    fn slice(&mut self, region: usize, quantity: usize) -> &mut [f64] {
        let n = self.years * self.trajectories;
        let at = (region * self.quantities() + quantity) * n;
        &mut self.values[at..at + n]
    }

    fn put(&mut self, region: usize, k: usize, t: usize, y: &Year, f: &[f64], m: &[f64]) {
        let n = self.years * self.trajectories;
        let base = region * self.quantities() * n + k * self.trajectories + t;
        // Through a slice: a slice's index is the compiler's own, where a
        // `Vec`'s is a call that a core built for size keeps.
        let values = &mut self.values[..];
        for (i, indicator) in self.indicators.iter().enumerate() {
            values[base + i * n] = indicator.of(y);
        }
        let at = base + self.indicators.len() * n;
        for (i, s) in self.services.iter().enumerate() {
            values[at + i * n] = services::value(*s, f, m, self.norm);
        }
    }

    /// The share of trajectories that meet `check` (None when its
    /// indicator was not kept or its year is not in the run).
    fn share_meeting(&self, region: usize, check: &Check) -> Option<f64> {
        let (years, trajectories) = (self.years, self.trajectories);
        let i = self.indicators.iter().position(|x| *x == check.indicator)?;
        let k = usize::from(check.year.checked_sub(BASE_YEAR)?);
        if k >= years {
            return None;
        }
        let at = ((region * self.quantities() + i) * years + k) * trajectories;
        let v = &self.values[at..at + trajectories];
        Some(v.iter().filter(|x| check.test.meets(**x)).count() as f64 / trajectories as f64)
    }

    fn summarise(&mut self, region: usize, seed: u64, bases: usize) -> Probabilistic {
        let trajectories = self.trajectories;
        let years: Vec<u16> = (0..self.years).map(|k| BASE_YEAR + k as u16).collect();
        // Counted before the fans reorder the values.
        let met = self.checks.iter().map(|c| self.share_meeting(region, c).unwrap_or(f64::NAN)).collect();
        let kept = self.indicators.len();
        let fans = (0..kept).map(|i| fan(self.indicators[i], &years, self.slice(region, i), trajectories)).collect();
        let services = self.services.iter().enumerate().map(|(i, s)| fan(*s, &years, self.slice(region, kept + i), trajectories)).collect();
        Probabilistic { trajectories, seed, bases, fans, services, met }
    }
}

fn check_trajectories(trajectories: usize) -> Result<(), Error> {
    if trajectories == 0 || trajectories > 20_000 {
        return Err(ErrorKind::OutOfRange { name: "trajectories", value: trajectories as f64, min: 1.0, max: 20_000.0 }.into());
    }
    Ok(())
}

/// What the trajectories of a run draw: the future rates' deviations (as
/// `uncertainty` says), from `seed`, and, when `bases` are given, the
/// alternative base each starts from (trajectory t from draw t).
#[derive(Clone, Copy)]
pub struct Draws<'a> {
    pub uncertainty: &'a Uncertainty,
    pub bases: Option<&'a BaseDraws>,
    pub trajectories: usize,
    pub seed: u64,
}

impl<'a> Draws<'a> {
    /// The future rates alone.
    pub fn rates(uncertainty: &'a Uncertainty, trajectories: usize, seed: u64) -> Draws<'a> {
        Draws { uncertainty, bases: None, trajectories, seed }
    }

    /// The future rates and, where a region's base is the estimate, the base.
    pub fn with_bases(self, bases: &'a BaseDraws) -> Draws<'a> {
        Draws { bases: Some(bases), ..self }
    }

    /// How many bases a region's trajectories start from.
    fn bases_of(&self, drawn: bool) -> usize {
        self.bases.filter(|_| drawn).map_or(0, BaseDraws::len)
    }
}

/// `trajectories` runs around `a`'s paths from `seed`.
pub fn simulate(base: &BasePopulation, a: &Assumptions, d: Draws) -> Result<Probabilistic, Error> {
    let mut grid = LifeTableGrid::new(&base.mortality);
    simulate_region(&mut grid, base, &RegionInputs::whole(base), a, d, INDICATORS)
}

/// Runs `trajectories` trajectories of every region of `regions` from
/// `seed`: each trajectory's paths are drawn once and every region follows
/// them (as [`RegionInputs::run`] does in a deterministic run), so
/// trajectory t of one region and trajectory t of another share their
/// fertility, life expectancy and migration. Returns the store of values.
fn simulate_all<'a>(engine: &mut Engine, kept: Kept<'a>, d: Draws) -> Result<Store<'a>, Error> {
    check_trajectories(d.trajectories)?;
    if d.bases.is_some_and(BaseDraws::is_empty) {
        return Err(ErrorKind::OutOfRange { name: "bases", value: 0.0, min: 1.0, max: f64::INFINITY }.into());
    }
    let mut store = Store::new(kept, engine.regions.len() + usize::from(engine.sum), engine.centre.tfr.len(), d.trajectories)?;
    // Every trajectory's paths first: the tables are those they reach.
    let paths = engine.draw_all(d.uncertainty, &mut Rng::new(d.seed), d.trajectories);
    engine.fill(&paths)?;
    let mut ws = engine.workspace();
    for (t, p) in paths.iter().enumerate() {
        engine.run(&mut ws, p, d.bases.map(|b| (b, t)), &mut |r, k, y, f, m| store.put(r, k, t, y, f, m));
    }
    Ok(store)
}

/// [`simulate`] for a region of the prefecture `pref`: the prefecture's
/// paths wander, and the region follows them as it does in a deterministic
/// run (fertility in proportion, its share of migration).
pub fn simulate_region(
    grid: &mut LifeTableGrid,
    pref: &BasePopulation,
    region: &RegionInputs,
    a: &Assumptions,
    d: Draws,
    kept: Kept,
) -> Result<Probabilistic, Error> {
    let mut engine = Engine::new(grid, pref, std::slice::from_ref(region), false, a)?;
    let mut store = simulate_all(&mut engine, kept, d)?;
    Ok(store.summarise(0, d.seed, d.bases_of(region.base.estimate)))
}

/// A headline figure whose interval [`decompose`] splits by its sources.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Headline {
    Population2030,
    Share60Plus2030,
    Share60Plus2035,
    /// The first year whose share aged 15-59 reaches Sichuan's of 2020.
    Year15To59PassesSichuan,
}

impl Headline {
    pub const ALL: [Headline; 4] =
        [Headline::Population2030, Headline::Share60Plus2030, Headline::Share60Plus2035, Headline::Year15To59PassesSichuan];

    pub fn slug(self) -> &'static str {
        match self {
            Headline::Population2030 => "population_2030",
            Headline::Share60Plus2030 => "share_60_plus_2030",
            Headline::Share60Plus2035 => "share_60_plus_2035",
            Headline::Year15To59PassesSichuan => "year_15_59_passes_sichuan",
        }
    }
}

/// One headline's spread from each source: 2.5%, 10%, 50%, 90% and 97.5%
/// of its trajectories with the future rates alone (from the estimated
/// base: the page's fans), the base alone (along the scenario's paths), and
/// both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decomposed {
    pub headline: Headline,
    pub rates: [f64; 5],
    pub base: [f64; 5],
    pub both: [f64; 5],
    /// The base's share of the two sources' variance: var(base) /
    /// (var(base) + var(rates)).
    pub base_share: f64,
}

/// How much of each headline's interval comes from the base and how much
/// from the future rates.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decomposition {
    pub trajectories: usize,
    pub seed: u64,
    /// Alternative bases, each trajectory starting from one in turn.
    pub bases: usize,
    /// Sichuan's 2020 share aged 15-59, the level the fourth headline passes.
    pub sichuan_15_59: f64,
    pub headlines: Vec<Decomposed>,
}

fn variance(v: &[f64]) -> f64 {
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / n
}

/// The headlines of `trajectories` runs of the prefecture from `seed`, with
/// the future rates drawn as in [`simulate`] from the estimate, the base
/// drawn from `bases` along the scenario's paths (trajectory t starts from
/// base t mod their number), or both (what the explorer's fans draw). A year
/// that never reaches Sichuan's level counts as the year after the horizon.
pub fn decompose(
    base: &BasePopulation,
    a: &Assumptions,
    u: &Uncertainty,
    bases: &BaseDraws,
    trajectories: usize,
    seed: u64,
    sichuan_15_59: f64,
) -> Result<Decomposition, Error> {
    check_trajectories(trajectories)?;
    if a.horizon < 2035 {
        return Err(ErrorKind::OutOfRange { name: "horizon", value: f64::from(a.horizon), min: 2035.0, max: 2100.0 }.into());
    }
    if bases.is_empty() {
        return Err(ErrorKind::OutOfRange { name: "bases", value: 0.0, min: 1.0, max: f64::INFINITY }.into());
    }
    let mut grid = LifeTableGrid::new(&base.mortality);
    let region = RegionInputs::whole(base);
    let mut engine = Engine::new(&mut grid, base, std::slice::from_ref(&region), false, a)?;
    // The rates' paths, drawn once: the runs with the rates drawn follow them.
    let drawn_paths = engine.draw_all(u, &mut Rng::new(seed), trajectories);
    let centre = engine.centre.clone();
    engine.fill(&drawn_paths)?;
    engine.fill(std::slice::from_ref(&centre))?;
    let mut ws = engine.workspace();
    let after = f64::from(a.horizon) + 1.0;
    let mut headlines = |rates: bool, drawn: bool| -> [Vec<f64>; 4] {
        let mut out: [Vec<f64>; 4] = std::array::from_fn(|_| Vec::with_capacity(trajectories));
        for (t, drawn_path) in drawn_paths.iter().enumerate() {
            let paths = if rates { drawn_path } else { &centre };
            let mut v = [f64::NAN, f64::NAN, f64::NAN, after];
            engine.run(&mut ws, paths, drawn.then_some((bases, t)), &mut |_, k, y, _, _| {
                match y.year {
                    2030 => (v[0], v[1]) = (y.population, y.share_60_plus),
                    2035 => v[2] = y.share_60_plus,
                    _ => {}
                }
                if v[3] == after && y.share_15_59 >= sichuan_15_59 {
                    v[3] = f64::from(BASE_YEAR) + k as f64;
                }
            });
            for (o, x) in out.iter_mut().zip(v) {
                o.push(x);
            }
        }
        out
    };
    let (mut r, mut b, mut both) = (headlines(true, false), headlines(false, true), headlines(true, true));
    let headlines = Headline::ALL
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let (vr, vb) = (variance(&r[i]), variance(&b[i]));
            let share = if vr + vb > 0.0 { vb / (vr + vb) } else { 0.0 };
            Decomposed {
                headline: *h,
                rates: quantiles(&mut r[i]),
                base: quantiles(&mut b[i]),
                both: quantiles(&mut both[i]),
                base_share: share,
            }
        })
        .collect();
    Ok(Decomposition { trajectories, seed, bases: bases.len(), sichuan_15_59, headlines })
}

/// The indicators the explorer's charts and the tracker draw fans of: what
/// the county runs keep (the region's run keeps every indicator).
pub const COUNTY_FANS: [Indicator; 6] = [
    Indicator::Population,
    Indicator::Births,
    Indicator::Share15To59,
    Indicator::Share60Plus,
    Indicator::Share65Plus,
    Indicator::TotalDependency,
];

/// Every county's trajectories, and the prefecture as their sum in every
/// trajectory (so that the counties add up to it, trajectory by trajectory).
#[derive(Clone, Debug, PartialEq)]
pub struct CountyFans {
    pub counties: Vec<Probabilistic>,
    pub sum: Probabilistic,
}

/// What the county runs keep of every county and of their sum: the
/// indicators of [`COUNTY_FANS`], or every service population.
pub const COUNTY_INDICATORS: Kept<'static> = Kept { indicators: &COUNTY_FANS, services: &[] };
pub const COUNTY_SERVICES: Kept<'static> = Kept { indicators: &[], services: &Service::ALL };

/// [`simulate_region`] for every county of `counties` at once, each
/// trajectory's paths shared by all of them, keeping what `kept` says:
/// county c's fans are those [`simulate_region`] gives for it with the same
/// draws.
pub fn simulate_counties(
    grid: &mut LifeTableGrid,
    pref: &BasePopulation,
    counties: &[RegionInputs],
    a: &Assumptions,
    d: Draws,
    kept: Kept,
) -> Result<CountyFans, Error> {
    let mut engine = Engine::new(grid, pref, counties, true, a)?;
    let mut store = simulate_all(&mut engine, kept, d)?;
    let any = counties.iter().any(|c| c.base.estimate);
    Ok(CountyFans {
        counties: counties.iter().enumerate().map(|(i, c)| store.summarise(i, d.seed, d.bases_of(c.base.estimate))).collect(),
        sum: store.summarise(counties.len(), d.seed, d.bases_of(any)),
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
    fn quantiles_by_selection_are_those_of_the_sorted_values() {
        let mut rng = Rng::new(11);
        for n in [1, 2, 3, 4, 5, 7, 10, 11, 39, 40, 41, 200, 1000, 1001] {
            let v: Vec<f64> = (0..n).map(|i| if i % 7 == 0 { 1.0 } else { rng.normal() }).collect();
            let mut sorted = v.clone();
            sorted.sort_by(f64::total_cmp);
            let want = QUANTILES.map(|q| {
                let pos = q * (n - 1) as f64;
                let (i, w) = (pos.floor() as usize, pos.fract());
                if i + 1 < n {
                    sorted[i] + w * (sorted[i + 1] - sorted[i])
                } else {
                    sorted[i]
                }
            });
            assert_eq!(quantiles(&mut v.clone()), want, "{n} values");
        }
        assert!(quantiles(&mut []).iter().all(|q| q.is_nan()));
    }

    #[test]
    fn fans_are_ordered_reproducible_and_centred() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let p = simulate(&base, &a, Draws::rates(&DEFAULT_UNCERTAINTY, 200, 7)).unwrap();
        let q = simulate(&base, &a, Draws::rates(&DEFAULT_UNCERTAINTY, 200, 7)).unwrap();
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
        assert_eq!(p.met.len(), 3);
        assert!(p.met.iter().all(|m| (0.0..=1.0).contains(m)));
        assert!(simulate(&base, &a, Draws::rates(&DEFAULT_UNCERTAINTY, 0, 1)).is_err());
    }

    #[test]
    fn the_grid_computes_each_sexs_tables_where_its_paths_reach_and_the_fans_are_those_of_a_full_grid() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let region = RegionInputs::whole(&base);
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, 300, 5);
        let mut lean = LifeTableGrid::new(&base.mortality);
        let got = simulate_region(&mut lean, &base, &region, &a, d, EXPLORER).unwrap();
        // The grid as it was filled before: both sexes over the whole range
        // the engine clamps to.
        let mut full = LifeTableGrid::new(&base.mortality);
        let (lo, hi) = Engine::new(&mut full, &base, std::slice::from_ref(&region), false, &a).unwrap().e0_range;
        for sex in [Sex::Female, Sex::Male] {
            full.fill(sex, lo, hi).unwrap();
        }
        let want = simulate_region(&mut full, &base, &region, &a, d, EXPLORER).unwrap();
        assert_eq!(format!("{got:?}"), format!("{want:?}"));
        let count = |g: &LifeTableGrid, s: usize| g.filled[s].iter().filter(|f| **f).count();
        let (f, m, all) = (count(&lean, 0), count(&lean, 1), count(&full, 0));
        assert!(f < all * 3 / 4 && m < all * 3 / 4, "{f} and {m} of {all} points");
        // Women's tables where women's paths go, men's where men's: years apart.
        let first = |s: usize| lean.filled[s].iter().position(|f| *f).unwrap();
        assert!(first(0) > first(1) + 40, "women from point {}, men from {}", first(0), first(1));
    }

    #[test]
    fn the_decomposition_splits_each_headline_and_both_are_the_fans() {
        let base = estimate().unwrap();
        let a = preset(Preset::Plan, &base, &estimate_migration(&base).unwrap());
        let bases = BaseDraws::new(&base, 20, 3, crate::projection::base::TILT_SD).unwrap();
        let d = decompose(&base, &a, &DEFAULT_UNCERTAINTY, &bases, 200, 9, 62.19).unwrap();
        assert_eq!(d.headlines.iter().map(|h| h.headline).collect::<Vec<_>>(), Headline::ALL);
        let h = &d.headlines;
        // Both sources are the fans' trajectories, from the same seed and
        // bases; the future rates alone, those of fans from the estimate.
        let rates = Draws::rates(&DEFAULT_UNCERTAINTY, 200, 9);
        let both = simulate(&base, &a, rates.with_bases(&bases)).unwrap();
        let alone = simulate(&base, &a, rates).unwrap();
        for (p, q) in [(&both, [h[0].both, h[2].both]), (&alone, [h[0].rates, h[2].rates])] {
            let (pop, old) = (p.fan(Indicator::Population).unwrap(), p.fan(Indicator::Share60Plus).unwrap());
            assert_eq!([q[0][0], q[0][2], q[0][4]], [pop.lo95[10], pop.median[10], pop.hi95[10]]);
            assert_eq!([q[1][0], q[1][4]], [old.lo95[15], old.hi95[15]]);
        }
        for h in h {
            assert!((0.0..=1.0).contains(&h.base_share), "{h:?}");
            // The base alone follows the scenario's paths: its spread is the base's.
            assert!(h.base[0] <= h.base[2] && h.base[2] <= h.base[4], "{h:?}");
        }
        // Where nothing is published matters for the old: most of the 60+
        // share's spread in 2035 is the base's, little of the population's.
        assert!(h[2].base_share > 0.5 && h[0].base_share < 0.2, "{h:?}");
        assert!(decompose(&base, &Assumptions { horizon: 2030, ..a }, &DEFAULT_UNCERTAINTY, &bases, 10, 9, 62.19).is_err());
        let none = BaseDraws::new(&base, 0, 3, crate::projection::base::TILT_SD).unwrap();
        assert!(decompose(&base, &a, &DEFAULT_UNCERTAINTY, &none, 10, 9, 62.19).is_err());
        assert!(simulate(&base, &a, rates.with_bases(&none)).is_err());
    }

    #[test]
    fn fans_from_the_alternative_bases_spread_where_nothing_is_published() {
        let base = estimate().unwrap();
        let a = preset(Preset::Plan, &base, &estimate_migration(&base).unwrap());
        let bases = BaseDraws::new(&base, 30, 5, crate::projection::base::TILT_SD).unwrap();
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, 60, 4).with_bases(&bases);
        let p = simulate(&base, &a, d).unwrap();
        assert_eq!(p.bases, 30);
        // Every draw meets the published 2020 figures: no spread in them...
        for i in [Indicator::Population, Indicator::Share60Plus, Indicator::Share65Plus, Indicator::Share0To14] {
            let f = p.fan(i).unwrap();
            assert!((f.hi95[0] - f.lo95[0]).abs() <= 1e-9 * f.median[0].abs(), "{i:?}: {} {}", f.lo95[0], f.hi95[0]);
        }
        // ...but the working ages' split into five-year groups is not
        // published: 2021's births (from women of 15-49) spread already.
        let births = p.fan(Indicator::Births).unwrap();
        let rates = simulate(&base, &a, Draws::rates(&DEFAULT_UNCERTAINTY, 60, 4)).unwrap();
        let width = |p: &Probabilistic| p.fan(Indicator::Births).map(|f| f.hi95[0] - f.lo95[0]).unwrap();
        assert!(width(&p) > width(&rates) * 1.5, "{} vs {}", width(&p), width(&rates));
        assert!(births.lo95[0] < births.median[0] && births.median[0] < births.hi95[0]);
        // A reader's table is its own: nothing drawn.
        let theirs = BasePopulation { estimate: false, ..base.clone() };
        let own = simulate(&theirs, &a, d).unwrap();
        assert_eq!(own.bases, 0);
        assert_eq!(format!("{:?}", own.fans), format!("{:?}", rates.fans));
    }

    fn counties() -> (BasePopulation, Assumptions, Vec<RegionInputs>) {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let cs = crate::projection::counties::estimate_counties(&base).unwrap();
        let inputs = cs.iter().map(|c| RegionInputs::county(&base, c).unwrap()).collect();
        (base, a, inputs)
    }

    #[test]
    fn a_trajectory_along_the_centre_is_the_deterministic_run_to_the_last_bit() {
        let (base, a, inputs) = counties();
        let regions = [RegionInputs::whole(&base), inputs[0].clone(), inputs[16].clone()];
        let mut grid = LifeTableGrid::new(&base.mortality);
        let mut engine = Engine::new(&mut grid, &base, &regions, false, &a).unwrap();
        let centre = engine.centre.clone();
        engine.fill(std::slice::from_ref(&centre)).unwrap();
        let mut ws = engine.workspace();
        let mut got: Vec<Vec<Year>> = vec![Vec::new(); regions.len()];
        engine.run(&mut ws, &centre, None, &mut |r, _, y, _, _| got[r].push(y.clone()));
        let nlx = |sex, e0| Ok(engine.grid.nlx(sex, e0));
        for (region, got) in regions.iter().zip(&got) {
            assert_eq!(got, &region.run(&a, &engine.centre, &nlx).unwrap().years);
        }
    }

    #[test]
    fn county_fans_are_each_countys_own_and_add_up_to_the_prefecture_in_every_trajectory() {
        let (base, a, inputs) = counties();
        let (t, seed) = (40, 3);
        let mut grid = LifeTableGrid::new(&base.mortality);
        let bases = BaseDraws::new(&base, 7, seed, crate::projection::base::TILT_SD).unwrap();
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, t, seed).with_bases(&bases);
        let all = simulate_counties(&mut grid, &base, &inputs, &a, d, COUNTY_INDICATORS).unwrap();
        for c in [0, 5, 16] {
            let own = simulate_region(&mut grid, &base, &inputs[c], &a, d, INDICATORS).unwrap();
            assert_eq!(own.bases, 7);
            for fan in &all.counties[c].fans {
                // (Debug text: the last year's births are NaN, never equal.)
                assert_eq!(format!("{fan:?}"), format!("{:?}", own.fan(fan.indicator).unwrap()), "{:?} of county {c}", fan.indicator);
            }
        }
        // Trajectory by trajectory, year by year: the sum is the counties'.
        let mut engine = Engine::new(&mut grid, &base, &inputs, true, &a).unwrap();
        let kept = Kept { indicators: &[Indicator::Population, Indicator::Births], services: &[] };
        let mut store = simulate_all(&mut engine, kept, d).unwrap();
        for i in 0..2 {
            let sum = store.slice(inputs.len(), i).to_vec();
            let mut parts = vec![0.0; sum.len()];
            for c in 0..inputs.len() {
                parts.iter_mut().zip(store.slice(c, i).iter()).for_each(|(p, v)| *p += v);
            }
            for (s, p) in sum.iter().zip(&parts) {
                assert!(s.is_nan() && p.is_nan() || (s / p - 1.0).abs() < 1e-12, "{s} vs {p}");
            }
        }
        let pop = all.sum.fan(Indicator::Population).unwrap();
        assert!(pop.lo95[30] < pop.median[30] && pop.median[30] < pop.hi95[30]);
        // The counties' draws add up to the prefecture's draw in every age
        // and sex: their sum starts each trajectory from the prefecture's
        // alternative base.
        assert_eq!(all.sum.bases, 7);
        let centre = engine.centre.clone();
        engine.fill(std::slice::from_ref(&centre)).unwrap();
        let mut ws = engine.workspace();
        let mut pref = [vec![0.0; AGES], vec![0.0; AGES]];
        for t in [0, 3, 8] {
            bases.draw(t, [&base.female, &base.male], &mut pref);
            engine.run(&mut ws, &centre, Some((&bases, t)), &mut |r, k, _, f, m| {
                if r == inputs.len() && k == 0 {
                    for (got, want) in f.iter().chain(m).zip(pref[0].iter().chain(&pref[1])) {
                        assert!((got / want - 1.0).abs() < 1e-9, "trajectory {t}: {got} vs {want}");
                    }
                }
            });
        }
    }

    #[test]
    fn county_service_populations_add_up_to_the_prefecture_in_every_trajectory() {
        let (base, a, inputs) = counties();
        let mut grid = LifeTableGrid::new(&base.mortality);
        let (t, seed) = (20, 11);
        let mut engine = Engine::new(&mut grid, &base, &inputs, true, &a).unwrap();
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, t, seed);
        let mut store = simulate_all(&mut engine, Kept { indicators: &[], services: &Service::ALL }, d).unwrap();
        for i in 0..Service::ALL.len() {
            let sum = store.slice(inputs.len(), i).to_vec();
            let mut parts = vec![0.0; sum.len()];
            for c in 0..inputs.len() {
                parts.iter_mut().zip(store.slice(c, i).iter()).for_each(|(p, v)| *p += v);
            }
            for (s, p) in sum.iter().zip(&parts) {
                assert!(s.is_finite() && (s / p - 1.0).abs() < 1e-12, "{:?}: {s} vs {p}", Service::ALL[i]);
            }
        }
        // The 2020 values are the base (no spread; the counties' bases add
        // up to the prefecture's to rounding).
        let fans = simulate_counties(&mut grid, &base, &inputs, &a, d, COUNTY_SERVICES).unwrap();
        assert!(fans.sum.fans.is_empty());
        let kids = fans.sum.service(Service::Age6To11).unwrap();
        let at_2020 = services::values(&base.female, &base.male, services::childcare_norm())[2];
        assert_eq!(kids.lo95[0], kids.hi95[0]);
        assert!((kids.median[0] / at_2020 - 1.0).abs() < 1e-12, "{} vs {at_2020}", kids.median[0]);
        assert!(kids.lo95[30] < kids.median[30] && kids.median[30] < kids.hi95[30]);
    }
}
