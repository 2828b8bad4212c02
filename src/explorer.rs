//! The projection explorer: a page state in, the projection of its region
//! and scenario, its fans, the plan's targets and its charts out. Holds the
//! [`Model`] and what every redraw reuses (the last runs, a reader's
//! uploaded table), so that dragging the pyramid's year draws without
//! projecting again.
//!
//! Numbers and ids only, but for the charts, which are drawn in the
//! reader's language; the words of the tracker, the headline and the
//! methods are in [`crate::present::explorer`].

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use crate::charts::projection::{self as pcharts, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::data::counties::{CountyId, Region};
use crate::error::{Error, ErrorKind};
use crate::model::Model;
use crate::projection::base::{BasePopulation, PRIOR_SRB};
use crate::projection::compare::Comparison;
use crate::projection::counties::{CountyBase, RegionInputs};
use crate::projection::scenario::{paths, run_paths, Assumptions, Run};
use crate::projection::stochastic::{simulate_region, Draws, Probabilistic, Uncertainty, DEFAULT_UNCERTAINTY, EXPLORER, INDICATORS};
use crate::projection::targets::{self, Status, Tracked};
use crate::projection::upload as base_upload;
use crate::state::{PageState, CONTROLS};
use crate::upload::{Expectation, LegacyDecoder, Note, Problem};

/// Trajectories of the explorer's probabilistic run.
pub const TRAJECTORIES: usize = 1000;
/// Its seed: the same state always gives the same intervals.
pub const SEED: u64 = 2024;

/// A reader's own population table, in place of a region's estimate.
#[derive(Clone, Debug)]
struct Upload {
    region: Region,
    female: Vec<f64>,
    male: Vec<f64>,
    /// What identifies the table in every state key: the same table gives
    /// the same token in every instance of the core (the page's and both
    /// workers'), so that the page, the drawing worker and the probabilistic
    /// worker agree on which state is which.
    token: String,
}

/// What an accepted upload holds, for the page to say.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Accepted {
    pub region: Region,
    pub female: f64,
    pub male: f64,
    /// What the reader should know about the file (its encoding, a total
    /// far from the published one, ...).
    pub notes: Vec<Note>,
    /// The table's token in state keys ([`key`]).
    pub token: String,
}

/// A table's token: a hash of its numbers (FNV-1a over their bits) and region.
fn token(region: Region, female: &[f64], male: &[f64]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(region.slug().as_bytes());
    for v in female.iter().chain(male) {
        eat(&v.to_bits().to_le_bytes());
    }
    format!("{h:016x}")
}

/// Everything a projection depends on, as a string: two states with the
/// same key have the same projection. `upload`: the token of the reader's
/// table in force, if any. The one definition of a state's key, for every
/// instance of the core.
pub fn key(s: &PageState, upload: Option<&str>) -> String {
    let d = PageState::default();
    let projection = PageState { lang: d.lang, large: false, year: d.year, theme: None, chart: None, compare: d.compare, ..s.clone() };
    format!("{}|upload={}", crate::state::to_query(&projection), upload.unwrap_or("none"))
}

/// What `cell` holds for `key`, or `compute`'s result, kept there for the next call.
fn cached<T>(cell: &RefCell<Option<(String, Rc<T>)>>, key: String, compute: impl FnOnce() -> Result<T, Error>) -> Result<Rc<T>, Error> {
    if let Some((k, v)) = &*cell.borrow() {
        if *k == key {
            return Ok(Rc::clone(v));
        }
    }
    let v = Rc::new(compute()?);
    *cell.borrow_mut() = Some((key, Rc::clone(&v)));
    Ok(v)
}

/// The probabilistic runs of one state: the region's (for its fans) and the
/// prefecture's (for the targets, which are the prefecture's).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FanSet {
    /// [`Explorer::key`] of the state they belong to.
    pub key: String,
    pub region: Probabilistic,
    pub prefecture: Probabilistic,
}

impl FanSet {
    /// The runs as one list of numbers ([`crate::projection::packed`]): the
    /// region's, then the prefecture's.
    pub fn packed(&self) -> Vec<f64> {
        let mut out = Vec::new();
        crate::projection::packed::pack(&self.region, &mut out);
        crate::projection::packed::pack(&self.prefecture, &mut out);
        out
    }

    /// The runs of the state `key` from [`FanSet::packed`]'s list; any other
    /// list is refused.
    pub fn from_packed(key: String, data: &[f64]) -> Result<FanSet, Error> {
        use crate::projection::packed::unpack;
        let (region, rest) = unpack(data)?;
        let (prefecture, rest) = unpack(rest)?;
        if !rest.is_empty() {
            return Err(ErrorKind::InvalidArgument {
                name: "fans",
                value: format!("{} values too many", rest.len()),
                expected: "the packed fans of a probabilistic run",
            }
            .into());
        }
        Ok(FanSet { key, region, prefecture })
    }
}

/// The projections of a state: its region's and the prefecture's (the same
/// when the region is the prefecture).
#[derive(Debug)]
pub struct Runs {
    pub region: Run,
    pub prefecture: Run,
}

/// The tracker of a state: every target's row, and what the caption says.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tracker {
    pub rows: Vec<Tracked>,
    /// Whether intervals from a probabilistic run are in.
    pub intervals: bool,
    pub preset: crate::projection::scenario::Preset,
    /// Whether a control moves the scenario away from its preset.
    pub adjusted: bool,
}

/// The few figures beside the controls.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Headline {
    pub region: Region,
    pub population_2030: f64,
    pub population_2050: f64,
    pub share_60_plus_2030: f64,
    /// Targets met by the central run, of those a projection can judge.
    pub met: usize,
    pub judged: usize,
}

/// Figures the methods text quotes, computed.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MethodFigures {
    #[serde(rename = "tfr2020")]
    pub tfr_2020: f64,
    pub net_migration_per_year: f64,
    pub e0_female: f64,
    pub e0_male: f64,
    #[serde(rename = "births2020")]
    pub births_2020: f64,
    pub constraints: usize,
    pub constraints_met: usize,
    pub uncertainty: Uncertainty,
    /// How many alternative bases the fans start from, and how much each
    /// may tilt within a cell.
    pub base_draws: usize,
    pub tilt_sd: f64,
    /// The plan's path, as the explorer assumes it.
    pub plan: PlanPath,
    pub srb: f64,
    /// The plan's 2020 life expectancy and infant mortality (‰), which the
    /// mortality model is fitted to.
    #[serde(rename = "e0In2020")]
    pub e0_2020: f64,
    #[serde(rename = "imr2020")]
    pub imr_2020: f64,
    /// The low and high presets' fertility below and above the plan's path.
    pub tfr_variant: f64,
    /// Xichang's estimated net migrants a year, 2010-2020.
    pub xichang_net_migration_per_year: f64,
    /// How many more of 2010's aged 0-14 the estimate has in 2020 than
    /// survival alone gives, in % (the 2010 census's undercount of children).
    #[serde(rename = "cohort0To14Excess")]
    pub cohort_0_14_excess: f64,
}

/// The plan's path of fertility and life expectancy, as the methods text quotes it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanPath {
    #[serde(rename = "tfr2030")]
    pub tfr_2030: f64,
    #[serde(rename = "e0In2025")]
    pub e0_2025: f64,
    #[serde(rename = "e0In2030")]
    pub e0_2030: f64,
    pub e0_gain_per_year: f64,
}

pub struct Explorer {
    model: Model,
    upload: Option<Upload>,
    /// The last runs: their key, and the region's and the prefecture's runs,
    /// shared by every chart, the tracker and the headline of a redraw.
    cache: RefCell<Option<(String, Rc<Runs>)>>,
    /// The counties' runs of the last scenario compared, by its key.
    county_cache: RefCell<Option<(String, Rc<Vec<Run>>)>>,
}

impl Explorer {
    pub fn new() -> Result<Explorer, Error> {
        Ok(Explorer { model: Model::new()?, upload: None, cache: RefCell::new(None), county_cache: RefCell::new(None) })
    }

    pub fn model(&self) -> &Model {
        &self.model
    }

    pub fn assumptions(&self, s: &PageState) -> Assumptions {
        self.model.assumptions(&s.scenario)
    }

    /// The values the controls show for a state (the preset's where the
    /// state does not set them), in the order of [`CONTROLS`].
    pub fn control_values(&self, s: &PageState) -> [f64; CONTROLS.len()] {
        let a = self.assumptions(s);
        [a.tfr_2030, a.tfr_2050, a.e0_2030, a.e0_2030 + 20.0 * a.e0_gain_per_year, a.net_migration, a.srb]
    }

    /// The key of a state under the upload in force ([`key`]).
    pub fn key(&self, s: &PageState) -> String {
        key(s, self.upload.as_ref().map(|u| u.token.as_str()))
    }

    fn prefecture_base(&self) -> BasePopulation {
        match &self.upload {
            Some(u) if u.region == Region::Prefecture => base_upload::replace_base(&self.model.base, u.female.clone(), u.male.clone()),
            _ => self.model.base.clone(),
        }
    }

    /// A region's projection inputs: the prefecture's own, or a county's
    /// (the reader's table where they gave one).
    fn inputs(&self, region: Region) -> Result<RegionInputs, Error> {
        let Region::County(id) = region else { return Ok(RegionInputs::whole(&self.prefecture_base())) };
        let county = self.model.county(id)?;
        let mut inputs = match &self.upload {
            Some(u) if u.region == region => {
                let total = u.female.iter().chain(&u.male).sum();
                RegionInputs::county(
                    &self.model.base,
                    &CountyBase { female: u.female.clone(), male: u.male.clone(), total, ..county.clone() },
                )?
            }
            _ => RegionInputs::county(&self.model.base, county)?,
        };
        inputs.base.estimate = self.uploaded_region() != Some(region);
        Ok(inputs)
    }

    /// The 17 counties' projections under the state's scenario, each as
    /// its own view projects it (the reader's table where they gave one),
    /// from the cache when the scenario has not changed.
    fn county_runs(&self, s: &PageState) -> Result<Rc<Vec<Run>>, Error> {
        cached(&self.county_cache, self.key(&PageState { region: Region::Prefecture, ..s.clone() }), || {
            let a = self.assumptions(s);
            crate::projection::scenario::check(&a)?;
            let nlx = |sex, e0| self.model.nlx(sex, e0);
            let pref_paths = paths(&self.model.base, &a);
            CountyId::all().map(|id| self.inputs(Region::County(id))?.run(&a, &pref_paths, &nlx)).collect()
        })
    }

    /// The counties compared as the state asks (its service and year).
    pub fn comparison(&self, s: &PageState) -> Result<Comparison, Error> {
        Comparison::of(&self.county_runs(s)?, s.compare.service, s.compare.year)
    }

    /// The projections of the state's region and of the prefecture, from
    /// the cache when the key has not changed.
    pub fn runs(&self, s: &PageState) -> Result<Rc<Runs>, Error> {
        cached(&self.cache, self.key(s), || {
            let a = self.assumptions(s);
            crate::projection::scenario::check(&a)?;
            let nlx = |sex, e0| self.model.nlx(sex, e0);
            let pref = self.prefecture_base();
            let prefecture = run_paths(&pref, &a, &paths(&pref, &a), &nlx)?;
            // Counties follow the estimate's paths (an uploaded prefecture table
            // changes the prefecture alone).
            let pref_paths = paths(&self.model.base, &a);
            let region = match s.region {
                Region::Prefecture => prefecture.clone(),
                r => self.inputs(r)?.run(&a, &pref_paths, &nlx)?,
            };
            Ok(Runs { region, prefecture })
        })
    }

    /// The probabilistic runs of a state: the future rates drawn, and the
    /// base where it is the estimate (not where it is the reader's table).
    pub fn simulate(&self, s: &PageState, trajectories: usize, seed: u64) -> Result<FanSet, Error> {
        let a = self.assumptions(s);
        let pref = self.prefecture_base();
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, trajectories, seed).with_bases(self.model.base_draws()?);
        let grid = &mut self.model.grid.borrow_mut();
        // The region's charts draw service fans too; the prefecture's
        // indicators alone serve the tracker.
        let kept = if s.region == Region::Prefecture { EXPLORER } else { INDICATORS };
        let prefecture = simulate_region(grid, &pref, &RegionInputs::whole(&pref), &a, d, kept)?;
        let region = match s.region {
            Region::Prefecture => prefecture.clone(),
            r => simulate_region(grid, &self.model.base, &self.inputs(r)?, &a, d, EXPLORER)?,
        };
        Ok(FanSet { key: self.key(s), region, prefecture })
    }

    /// The explorer's charts for a state (`only`: those, or all when
    /// empty). Fans are drawn when they belong to this state.
    pub fn charts(&self, s: &PageState, fans: Option<&FanSet>, spec: &Spec, only: &[ChartId]) -> Result<Vec<Chart>, Error> {
        let runs = self.runs(s)?;
        let fans = fans.filter(|f| f.key == self.key(s));
        let ids: Vec<ChartId> = ChartId::PROJECTION.into_iter().filter(|id| only.is_empty() || only.contains(id)).collect();
        // The counties are projected only for the charts that compare them.
        let compared = if ids.iter().any(|id| id.compares_counties()) { Some(self.comparison(s)?) } else { None };
        let view = View {
            run: &runs.region,
            fans: fans.map(|f| &f.region),
            year: s.year,
            region: s.region,
            urbanisation: Some(&self.model.urbanisation),
            compared: compared.as_ref().map(|c| (c, s.compare.measure)),
        };
        ids.into_iter().map(|id| pcharts::render(id, &view, spec)).collect()
    }

    /// A few figures of the state's projection, for beside the controls (on
    /// a phone the charts are out of sight while a slider moves).
    pub fn headline(&self, s: &PageState) -> Result<Headline, Error> {
        let runs = self.runs(s)?;
        let at =
            |y: u16| runs.region.years.iter().find(|x| x.year == y).ok_or_else(|| crate::error::missing_data("a year of the projection"));
        let tracked = targets::track(&runs.prefecture, &self.model.urbanisation)?;
        Ok(Headline {
            region: s.region,
            population_2030: at(2030)?.population,
            population_2050: at(2050)?.population,
            share_60_plus_2030: at(2030)?.share_60_plus,
            met: tracked.iter().filter(|t| t.status == Status::OnTrack).count(),
            judged: tracked.iter().filter(|t| t.check.is_some() || matches!(t.status, Status::OnTrack | Status::OffTrack)).count(),
        })
    }

    /// The plan's targets under the state's scenario (always the
    /// prefecture's: the targets are the prefecture's).
    pub fn tracker(&self, s: &PageState, fans: Option<&FanSet>) -> Result<Tracker, Error> {
        let mut rows = targets::track(&self.runs(s)?.prefecture, &self.model.urbanisation)?;
        let fans = fans.filter(|f| f.key == self.key(s));
        if let Some(f) = fans {
            targets::apply_fans(&mut rows, &f.prefecture);
        }
        let preset = s.scenario.preset;
        Ok(Tracker { rows, intervals: fans.is_some(), preset, adjusted: self.assumptions(s) != self.model.preset(preset) })
    }

    /// Reads a reader's population table for `region` from the bytes of
    /// its file. A refused file changes nothing; every problem comes back.
    pub fn upload(&mut self, bytes: &[u8], region: Region, legacy: &dyn LegacyDecoder) -> Result<Result<Accepted, Vec<Problem>>, Error> {
        let published_total = region.published_total()?;
        let (female, male) = self.model.estimate_of(region)?;
        let reading = match crate::upload::read(bytes, legacy, &Expectation { published_total, female, male }) {
            Ok(r) => r,
            Err(problems) => return Ok(Err(problems)),
        };
        let (female, male) = (reading.table.female, reading.table.male);
        let token = token(region, &female, &male);
        let accepted =
            Accepted { region, female: female.iter().sum(), male: male.iter().sum(), notes: reading.notes, token: token.clone() };
        self.upload = Some(Upload { region, female, male, token });
        *self.cache.borrow_mut() = None;
        *self.county_cache.borrow_mut() = None;
        Ok(Ok(accepted))
    }

    /// Back to the estimate.
    pub fn clear_upload(&mut self) {
        self.upload = None;
        *self.cache.borrow_mut() = None;
        *self.county_cache.borrow_mut() = None;
    }

    /// The region an upload replaces, if any.
    pub fn uploaded_region(&self) -> Option<Region> {
        self.upload.as_ref().map(|u| u.region)
    }

    /// The base population of a region (the estimate, or the reader's
    /// table), women and men by single year.
    pub fn base(&self, region: Region) -> Result<(Vec<f64>, Vec<f64>), Error> {
        let b = self.inputs(region)?.base;
        Ok((b.female, b.male))
    }

    /// Figures the methods text quotes, computed.
    pub fn method_figures(&self) -> Result<MethodFigures, Error> {
        let base = &self.model.base;
        let plan = |id: &str| crate::data::facts::required(id).map(|f| f.value.value);
        Ok(MethodFigures {
            tfr_2020: base.tfr,
            net_migration_per_year: self.model.migration.per_year,
            e0_female: base.e0_female,
            e0_male: base.e0_male,
            births_2020: base.births,
            constraints: base.fit.len(),
            constraints_met: base.fit.iter().filter(|f| f.met).count(),
            uncertainty: DEFAULT_UNCERTAINTY,
            base_draws: crate::model::BASE_DRAWS,
            tilt_sd: crate::projection::base::TILT_SD,
            plan: {
                let a = self.model.preset(crate::projection::scenario::Preset::Plan);
                PlanPath { tfr_2030: a.tfr_2030, e0_2025: a.e0_2025, e0_2030: a.e0_2030, e0_gain_per_year: a.e0_gain_per_year }
            },
            srb: PRIOR_SRB,
            e0_2020: plan("life_expectancy_2020")?,
            imr_2020: plan("infant_mortality_2020")?,
            tfr_variant: crate::projection::scenario::TFR_VARIANT,
            xichang_net_migration_per_year: crate::projection::counties::county_net_migration(base)?
                [crate::data::counties::XICHANG.index()],
            cohort_0_14_excess: base
                .fit
                .iter()
                .find(|f| f.id == crate::projection::base::FitId::Cohort0To14)
                .map(|f| (f.estimate / f.target - 1.0) * 100.0)
                .ok_or_else(|| crate::error::missing_data("cohort_0_14_2010"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::counties::{XICHANG, XIDE};
    use crate::i18n::Lang;
    use crate::projection::targets::About;
    use crate::state::parse;
    use crate::upload::decode::NativeDecoder;

    fn state(q: &str) -> PageState {
        let (s, n) = parse(q);
        assert!(n.is_empty(), "{n:?}");
        s
    }

    #[test]
    fn fans_handed_on_as_numbers_draw_what_they_drew() {
        let x = Explorer::new().unwrap();
        let s = state("region=xide&tfr2030=1.6");
        let fans = x.simulate(&s, 30, SEED).unwrap();
        let back = FanSet::from_packed(fans.key.clone(), &fans.packed()).unwrap();
        assert_eq!(
            back.packed().iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            fans.packed().iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        let spec = Spec::new(600.0, Lang::En);
        let svgs = |f: &FanSet| {
            x.charts(&s, Some(f), &spec, &ChartId::all().filter(|c| c.is_projection()).collect::<Vec<_>>())
                .unwrap()
                .into_iter()
                .map(|c| c.svg)
                .collect::<Vec<_>>()
        };
        assert_eq!(svgs(&back), svgs(&fans));
        let mut longer = fans.packed();
        longer.push(0.0);
        assert!(FanSet::from_packed(fans.key.clone(), &longer).is_err());
        assert!(FanSet::from_packed(fans.key, &[]).is_err());
    }

    #[test]
    fn the_key_follows_the_projection_not_the_view() {
        let x = Explorer::new().unwrap();
        assert_eq!(x.key(&state("lang=en&year=2045&a11y=large&theme=dark&chart=pyramid")), x.key(&state("")));
        assert_ne!(x.key(&state("tfr2030=2")), x.key(&state("")));
        assert_ne!(x.key(&state("region=xide")), x.key(&state("")));
        let values = x.control_values(&state("e0_2030=80"));
        assert!((values[3] - (78.0 + 20.0 * 0.15)).abs() < 1e-9, "2050 stays where the preset had it: {}", values[3]);
    }

    #[test]
    fn every_chart_draws_for_the_prefecture_and_a_county_and_old_fans_are_ignored() {
        let x = Explorer::new().unwrap();
        let spec = Spec::new(720.0, Lang::En);
        let s = state("region=xide&year=2040");
        assert_eq!(s.region, Region::County(XIDE));
        let fans = x.simulate(&s, 30, 1).unwrap();
        // The county's fans and the prefecture's start from the alternative bases.
        assert_eq!((fans.region.bases, fans.prefecture.bases), (crate::model::BASE_DRAWS, crate::model::BASE_DRAWS));
        let charts = x.charts(&s, Some(&fans), &spec, &[]).unwrap();
        assert_eq!(charts.len(), ChartId::PROJECTION.len());
        assert!(charts[0].title.contains("Xide") && charts[0].title.contains("2040"), "{}", charts[0].title);
        let pop = charts.iter().find(|c| c.id == ChartId::ProjectedPopulation).unwrap();
        assert_eq!(pop.table.columns.len(), 6, "the fan is drawn");
        // A different scenario: the fans no longer belong; not drawn.
        let other = state("region=xide&tfr2030=3");
        let pop = x.charts(&other, Some(&fans), &spec, &[ChartId::ProjectedPopulation]).unwrap();
        assert_eq!(pop.len(), 1);
        assert_eq!(pop[0].table.columns.len(), 2);
        // The county has more births for its size than the prefecture (Xide's fertility is higher).
        let runs = x.runs(&s).unwrap();
        assert!(runs.region.years[20].cbr.unwrap() > runs.prefecture.years[20].cbr.unwrap());
    }

    #[test]
    fn the_counties_compared_follow_the_scenario_and_match_each_countys_own_view() {
        let x = Explorer::new().unwrap();
        // What is compared is not part of the projection's key.
        assert_eq!(x.key(&state("county_service=age_6_11&county_measure=value&county_year=2045")), x.key(&state("")));
        let s = state("county_service=age_6_11&county_year=2030");
        let c = x.comparison(&s).unwrap();
        assert_eq!((c.service, c.year, c.counties.len()), (crate::projection::services::Service::Age6To11, 2030, 17));
        // Zhaojue in the comparison is Zhaojue's own view.
        let own = x.runs(&state("region=zhaojue")).unwrap();
        let k = own.region.years.iter().position(|y| y.year == 2030).unwrap();
        let zhaojue = c.counties[crate::data::counties::ZHAOJUE.index()].1;
        let mine = crate::projection::services::value(
            crate::projection::services::Service::Age6To11,
            &own.region.female[k],
            &own.region.male[k],
            4.5,
        );
        assert_eq!(zhaojue.value, mine);
        // A higher fertility has more children in every county.
        let high = x.comparison(&state("county_service=age_6_11&scenario=high")).unwrap();
        assert!(high.counties.iter().zip(&c.counties).all(|(h, p)| h.1.value > p.1.value));
        // The charts that compare them draw; the others do not project the counties.
        let spec = Spec::new(600.0, Lang::Zh);
        let drawn = x.charts(&s, None, &spec, &[ChartId::CountyMap, ChartId::CountyRanked, ChartId::CountyGroups]).unwrap();
        assert_eq!(drawn[0].table.rows.len(), 17);
        assert_eq!(drawn[2].table.rows.len(), 3);
        assert!(drawn[1].summary.contains("2030"), "{}", drawn[1].summary);
    }

    #[test]
    fn the_tracker_lists_every_target_and_takes_intervals_when_they_come() {
        let x = Explorer::new().unwrap();
        let s = state("");
        let t = x.tracker(&s, None).unwrap();
        assert_eq!(t.rows.len(), 20);
        assert!(!t.intervals && !t.adjusted);
        let fans = x.simulate(&s, 100, 1).unwrap();
        let t = x.tracker(&s, Some(&fans)).unwrap();
        let pop = &t.rows[0];
        assert!(t.intervals && pop.interval_80.is_some() && pop.status == Status::AtRisk, "{pop:?}");
        assert_eq!(pop.about, About::Target(crate::data::targets::TargetId::ResidentPop2030));
        // The tracker is the prefecture's whatever region is shown.
        let county = x.tracker(&state("region=muli"), None).unwrap();
        assert_eq!(county.rows[0].projected, t.rows[0].projected);
        assert!(x.tracker(&state("tfr2030=2"), None).unwrap().adjusted);
    }

    #[test]
    fn an_upload_replaces_the_estimate_and_a_bad_one_changes_nothing() {
        let mut x = Explorer::new().unwrap();
        let s = state("region=xichang");
        let xichang = Region::County(XICHANG);
        let (before0, before) = {
            let r = &x.runs(&s).unwrap().region;
            (r.years[0].population, r.years[10].population)
        };
        let before_key = x.key(&s);
        let problems = x.upload(b"age,female,male\n0-4,abc,1\n", xichang, &NativeDecoder).unwrap().unwrap_err();
        assert!(problems.iter().any(|p| p.line == Some(2)), "{problems:?}");
        assert_eq!(x.key(&s), before_key, "a bad file changes nothing");
        // The template, half as large again: plausible, but far from the census.
        let (f, m) = x.base(xichang).unwrap();
        let larger = crate::upload::template(
            &f.iter().map(|v| (v * 1.5).round()).collect::<Vec<_>>(),
            &m.iter().map(|v| (v * 1.5).round()).collect::<Vec<_>>(),
        );
        let accepted = x.upload(larger.as_bytes(), xichang, &NativeDecoder).unwrap().unwrap();
        assert!(matches!(accepted.notes[..], [Note::FarFromPublished { .. }]), "{:?}", accepted.notes);
        assert_ne!(x.key(&s), before_key);
        assert!(x.key(&s).ends_with(&accepted.token), "the key carries the table's token");
        let run = &x.runs(&s).unwrap().region;
        assert!(!run.estimate);
        assert!((run.years[0].population / before0 - 1.5).abs() < 1e-4, "rounded to persons");
        // Its migration is counted in persons, not scaled: somewhat less than 1.5 times.
        assert!((1.2..1.5).contains(&(run.years[10].population / before)), "{} vs {before}", run.years[10].population);
        let chart = &x.charts(&s, None, &Spec::new(720.0, Lang::Zh), &[ChartId::Pyramid]).unwrap()[0];
        assert!(!chart.title.contains("估计") && chart.notes[0].contains("用户"), "{} {:?}", chart.title, chart.notes);
        // Its fans start from the table itself; the prefecture's still
        // from the alternative bases, and the chart says which.
        let fans = x.simulate(&s, 20, 1).unwrap();
        assert_eq!((fans.region.bases, fans.prefecture.bases), (0, crate::model::BASE_DRAWS));
        let chart = &x.charts(&s, Some(&fans), &Spec::new(720.0, Lang::En), &[ChartId::ProjectedPopulation]).unwrap()[0];
        assert!(chart.notes.iter().any(|n| n.contains("all from the same base population")), "{:?}", chart.notes);
        // Other regions keep the estimate.
        assert!(x.runs(&state("region=muli")).unwrap().region.estimate);
        assert_eq!(x.uploaded_region(), Some(xichang));
        // The same table in another instance has the same token: the keys agree.
        let mut other = Explorer::new().unwrap();
        assert_eq!(other.upload(larger.as_bytes(), xichang, &NativeDecoder).unwrap().unwrap().token, accepted.token);
        assert_eq!(other.key(&s), x.key(&s));
        assert_eq!(key(&s, Some(&accepted.token)), x.key(&s));
        x.clear_upload();
        assert_eq!(x.key(&s), before_key);
    }

    #[test]
    fn every_slider_extreme_projects_without_error_or_negative_people() {
        let x = Explorer::new().unwrap();
        let ends = |name: &str| {
            let c = CONTROLS.iter().find(|c| c.param == name).unwrap();
            [c.min, c.max]
        };
        let mut runs = 0;
        for region in ["liangshan", "muli"] {
            for tfr in ends("tfr2030") {
                for e0 in ends("e0_2030") {
                    for e50 in ends("e0_2050") {
                        for mig in ends("migration") {
                            for srb in ends("srb") {
                                let q = format!(
                                    "region={region}&tfr2030={tfr}&tfr2050={tfr}&e0_2030={e0}&e0_2050={e50}&migration={mig}&srb={srb}"
                                );
                                let s = state(&q);
                                let both = x.runs(&s).unwrap_or_else(|e| panic!("{q}: {e}"));
                                for run in [&both.region, &both.prefecture] {
                                    assert!(run.female.iter().chain(&run.male).flatten().all(|v| v.is_finite() && *v >= 0.0), "{q}");
                                    assert!(run.years.iter().all(|y| y.population.is_finite() && y.share_60_plus.is_finite()), "{q}");
                                }
                                runs += 1;
                            }
                        }
                    }
                }
            }
        }
        assert_eq!(runs, 64);
        // And the charts and tracker of the harshest one draw.
        let s = state("region=muli&tfr2030=0.5&tfr2050=0.5&e0_2030=65&e0_2050=90&migration=-60000&srb=1.2");
        assert_eq!(x.charts(&s, None, &Spec::new(320.0, Lang::En), &[]).unwrap().len(), ChartId::PROJECTION.len());
        x.tracker(&s, None).unwrap();
    }

    #[test]
    fn the_headline_follows_the_scenario() {
        let x = Explorer::new().unwrap();
        let plan = x.headline(&state("")).unwrap();
        assert_eq!(plan.region, Region::Prefecture);
        assert!(plan.judged > 0 && plan.met <= plan.judged);
        let high = x.headline(&state("scenario=high")).unwrap();
        assert!(high.population_2050 > plan.population_2050);
    }

    #[test]
    fn the_methods_figures_come_from_the_estimate() {
        let x = Explorer::new().unwrap();
        let m = x.method_figures().unwrap();
        assert!((2.0..3.0).contains(&m.tfr_2020) && m.net_migration_per_year < 0.0);
        assert_eq!(m.constraints, x.model().base.fit.len());
    }
}
