//! The projection explorer: a page state (from the URL) in, the projection
//! of the chosen region and scenario, its charts and the plan's targets
//! out. Holds what every redraw reuses (the estimated base populations, the
//! last run, a reader's uploaded table), so that dragging the year of the
//! pyramid draws without projecting again.
//!
//! Plain Rust, tested natively; `web` wraps it for the page's worker.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use crate::charts::projection::{self as pcharts, View};
use crate::charts::{Chart, DataTable, Spec};
use crate::data::counties::COUNTIES;
use crate::demography::Sex;
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang, Text};
use crate::projection::base::{self, BasePopulation, PRIOR_SRB};
use crate::projection::counties::{estimate_counties, CountyBase, Region};
use crate::projection::scenario::{estimate_migration, paths, preset, run_paths, Assumptions, MigrationEstimate, Preset, Run};
use crate::projection::stochastic::{simulate_region, Probabilistic, DEFAULT_UNCERTAINTY};
use crate::projection::targets::{self, Tracked};
use crate::projection::upload;
use crate::projection::urbanisation;
use crate::state::PageState;
use crate::upload::{Expectation, LegacyDecoder, Note, Problem};

/// Trajectories of the explorer's probabilistic run.
pub const TRAJECTORIES: usize = 1000;
/// Its seed: the same state always gives the same intervals.
pub const SEED: u64 = 2024;

/// A reader's own population table, in place of a region's estimate.
#[derive(Clone, Debug)]
struct Upload {
    region: String,
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
    pub region: String,
    pub female: f64,
    pub male: f64,
    /// What the reader should know about the file (its encoding, a total
    /// far from the published one, ...).
    pub notes: Vec<Note>,
    /// The table's token in state keys ([`key`]).
    pub token: String,
}

/// A table's token: a hash of its numbers (FNV-1a over their bits) and region.
fn token(region: &str, female: &[f64], male: &[f64]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(region.as_bytes());
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
    let scenario = PageState { lang: Lang::Zh, large: false, year: PageState::default().year, theme: None, chart: None, ..s.clone() };
    format!("{}|upload={}", crate::state::to_query(&scenario), upload.unwrap_or("none"))
}

/// The probabilistic runs of one state: the region's (for its fans) and the
/// prefecture's (for the targets, which are the prefecture's).
#[derive(Clone, Debug, PartialEq, Serialize, serde::Deserialize)]
pub struct FanSet {
    /// [`Explorer::key`] of the state they belong to.
    pub key: String,
    pub region: Probabilistic,
    pub prefecture: Probabilistic,
}

/// The targets tracker as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tracker {
    pub caption: String,
    pub table: DataTable,
    /// The status of each row (for styling; the table's text says it too).
    pub statuses: Vec<targets::Status>,
    /// Whether intervals from a probabilistic run are in.
    pub intervals: bool,
}

pub struct Explorer {
    estimate: BasePopulation,
    migration: MigrationEstimate,
    /// Estimated on first use: the page's own thread reads states and never
    /// projects a county.
    counties: std::cell::OnceCell<Vec<CountyBase>>,
    upload: Option<Upload>,
    /// The last run: its key, and the region's and the prefecture's runs,
    /// shared by every chart, the tracker and the headline of a redraw.
    cache: RefCell<Option<(String, Rc<Runs>)>>,
    /// Person-years by sex and life expectancy: a slider other than life
    /// expectancy changes no life table, so none is computed again.
    nlx: RefCell<std::collections::HashMap<(bool, u64), Vec<f64>>>,
    urbanisation: urbanisation::Urbanisation,
}

/// The projections of a state: its region's and the prefecture's (the same
/// when the region is the prefecture).
#[derive(Debug)]
pub struct Runs {
    pub region: Run,
    pub prefecture: Run,
}

fn preset_of(name: &str) -> Preset {
    match name {
        "constant" => Preset::Constant,
        "low" => Preset::Low,
        "high" => Preset::High,
        "zero-migration" => Preset::ZeroMigration,
        _ => Preset::Plan,
    }
}

fn unknown_region(id: &str) -> Error {
    ErrorKind::InvalidArgument {
        name: "region",
        value: id.chars().take(40).collect(),
        expected: "liangshan or a county id (xichang, muli, ...)",
    }
    .into()
}

/// A region's resident population in the 2020 census: what an uploaded
/// table for it is held against.
pub fn published_total(region: &str) -> Result<f64, Error> {
    if region == "liangshan" {
        return Ok(crate::data::external::census_fact("Liangshan", 2020, "resident_pop")?.value);
    }
    COUNTIES.iter().find(|c| c.id == region).map(|c| c.pop_2020.value * 1e4).ok_or_else(|| unknown_region(region))
}

/// The region's name in both languages.
pub fn place(region: &str) -> Text {
    COUNTIES.iter().find(|c| c.id == region).map_or(Text::new("凉山州", "Liangshan"), |c| c.name)
}

impl Explorer {
    pub fn new() -> Result<Explorer, Error> {
        let estimate = base::estimate()?;
        let migration = estimate_migration(&estimate)?;
        Ok(Explorer {
            estimate,
            migration,
            counties: std::cell::OnceCell::new(),
            upload: None,
            cache: RefCell::new(None),
            nlx: RefCell::new(std::collections::HashMap::new()),
            urbanisation: urbanisation::project(crate::state::YEARS.1)?,
        })
    }

    /// A preset's assumptions, with the state's overrides on top. A new
    /// life expectancy for 2030 moves 2025 with it in proportion (the
    /// plan's 77.1 lies 70% of the way from 2020's level to 2030's); one for
    /// 2050 sets the yearly gain after 2030.
    pub fn assumptions(&self, s: &PageState) -> Assumptions {
        let mut a = preset(preset_of(&s.preset), &self.estimate, &self.migration);
        let e0_base = (self.estimate.e0_female + PRIOR_SRB * self.estimate.e0_male) / (1.0 + PRIOR_SRB);
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
        if let Some(t) = s.tfr_2030 {
            a.tfr_2030 = t;
        }
        if let Some(t) = s.tfr_2050 {
            a.tfr_2050 = t;
        }
        if let Some(m) = s.net_migration {
            a.net_migration = m;
        }
        if let Some(r) = s.srb {
            a.srb = r;
        }
        a
    }

    /// The values the controls show for a state (the preset's where the
    /// state does not set them), by URL parameter.
    pub fn control_values(&self, s: &PageState) -> Vec<(&'static str, f64)> {
        let a = self.assumptions(s);
        vec![
            ("tfr2030", a.tfr_2030),
            ("tfr2050", a.tfr_2050),
            ("e0_2030", a.e0_2030),
            ("e0_2050", a.e0_2030 + 20.0 * a.e0_gain_per_year),
            ("migration", a.net_migration),
            ("srb", a.srb),
        ]
    }

    /// The key of a state under the upload in force ([`key`]).
    pub fn key(&self, s: &PageState) -> String {
        key(s, self.upload.as_ref().map(|u| u.token.as_str()))
    }

    fn prefecture_base(&self) -> BasePopulation {
        match &self.upload {
            Some(u) if u.region == "liangshan" => upload::replace_base(&self.estimate, u.female.clone(), u.male.clone()),
            _ => self.estimate.clone(),
        }
    }

    /// The region's inputs: the prefecture's own, or a county's (the
    /// reader's table where they gave one).
    fn region(&self, id: &str) -> Result<Region, Error> {
        if id == "liangshan" {
            return Ok(Region::whole(&self.prefecture_base()));
        }
        let county = self.counties()?.iter().find(|c| c.id == id).ok_or_else(|| unknown_region(id))?;
        let mut region = match &self.upload {
            Some(u) if u.region == id => {
                let total = u.female.iter().chain(&u.male).sum();
                Region::county(&self.estimate, &CountyBase { female: u.female.clone(), male: u.male.clone(), total, ..county.clone() })?
            }
            _ => Region::county(&self.estimate, county)?,
        };
        region.base.estimate = !self.is_uploaded(id);
        Ok(region)
    }

    fn is_uploaded(&self, region: &str) -> bool {
        self.upload.as_ref().is_some_and(|u| u.region == region)
    }

    /// The 17 county bases, estimated the first time they are needed.
    fn counties(&self) -> Result<&[CountyBase], Error> {
        if let Some(c) = self.counties.get() {
            return Ok(c);
        }
        let estimated = estimate_counties(&self.estimate)?;
        Ok(self.counties.get_or_init(|| estimated))
    }

    /// The projections of the state's region and of the prefecture, from
    /// the cache when the key has not changed.
    pub fn runs(&self, s: &PageState) -> Result<Rc<Runs>, Error> {
        let key = self.key(s);
        if let Some((k, runs)) = &*self.cache.borrow() {
            if *k == key {
                return Ok(Rc::clone(runs));
            }
        }
        let a = self.assumptions(s);
        crate::projection::scenario::check(&a)?;
        let nlx = |sex: Sex, e0: f64| self.nlx(sex, e0);
        let pref = self.prefecture_base();
        let prefecture = run_paths(&pref, &a, &paths(&pref, &a), &nlx)?;
        // Counties follow the estimate's paths (an uploaded prefecture table
        // changes the prefecture alone).
        let pref_paths = paths(&self.estimate, &a);
        let region = if s.region == "liangshan" { prefecture.clone() } else { self.region(&s.region)?.run(&a, &pref_paths, &nlx)? };
        let runs = Rc::new(Runs { region, prefecture });
        *self.cache.borrow_mut() = Some((key, Rc::clone(&runs)));
        Ok(runs)
    }

    /// The base population's person-years for a sex and life expectancy, computed once.
    fn nlx(&self, sex: Sex, e0: f64) -> Result<Vec<f64>, Error> {
        let key = (sex == Sex::Female, e0.to_bits());
        if let Some(v) = self.nlx.borrow().get(&key) {
            return Ok(v.clone());
        }
        let v = self.estimate.mortality.nlx(sex, e0, base::AGES - 1)?;
        let mut cache = self.nlx.borrow_mut();
        // A long session of dragging life expectancy does not grow it without bound.
        if cache.len() > 4096 {
            cache.clear();
        }
        cache.insert(key, v.clone());
        Ok(v)
    }

    /// The probabilistic runs of a state.
    pub fn simulate(&self, s: &PageState, trajectories: usize, seed: u64) -> Result<FanSet, Error> {
        let a = self.assumptions(s);
        let pref = self.prefecture_base();
        let prefecture = simulate_region(&pref, &Region::whole(&pref), &a, &DEFAULT_UNCERTAINTY, trajectories, seed)?;
        let region = if s.region == "liangshan" {
            prefecture.clone()
        } else {
            simulate_region(&self.estimate, &self.region(&s.region)?, &a, &DEFAULT_UNCERTAINTY, trajectories, seed)?
        };
        Ok(FanSet { key: self.key(s), region, prefecture })
    }

    /// The explorer's charts for a state (`only`: those ids, or all when
    /// empty). Fans are drawn when they belong to this state.
    pub fn charts(&self, s: &PageState, fans: Option<&FanSet>, spec: &Spec, only: &[&str]) -> Result<Vec<Chart>, Error> {
        let runs = self.runs(s)?;
        let run = &runs.region;
        let fans = fans.filter(|f| f.key == self.key(s));
        let urban = &self.urbanisation;
        let view = View { run, fans: fans.map(|f| &f.region), year: s.year, place: place(&s.region), urbanisation: Some(urban) };
        pcharts::IDS.iter().filter(|id| only.is_empty() || only.contains(id)).map(|id| pcharts::render(id, &view, spec)).collect()
    }

    /// A few figures of the state's projection, for beside the controls (on
    /// a phone the charts are out of sight while a slider moves).
    pub fn headline(&self, s: &PageState, lang: Lang) -> Result<Vec<Headline>, Error> {
        let runs = self.runs(s)?;
        let (run, pref) = (&runs.region, &runs.prefecture);
        let zh = lang == Lang::Zh;
        let at = |r: &Run, y: u16| {
            r.years.iter().find(|x| x.year == y).cloned().ok_or_else(|| crate::error::missing_data("a year of the projection"))
        };
        let (p30, p50) = (at(run, 2030)?, at(run, 2050)?);
        let people =
            |v: f64| if zh { format!("{}万人", fixed(v / 1e4, 1, lang)) } else { format!("{} million", fixed(v / 1e6, 2, lang)) };
        let tracked = targets::track(pref, &self.urbanisation, lang)?;
        let met = tracked.iter().filter(|t| t.status == targets::Status::OnTrack).count();
        let judged = tracked
            .iter()
            .filter(|t| t.check.is_some() || matches!(t.status, targets::Status::OnTrack | targets::Status::OffTrack))
            .count();
        let place = place(&s.region);
        Ok(vec![
            Headline {
                label: if zh { format!("{}2030年人口", place.zh) } else { format!("{}, 2030", place.en) },
                value: people(p30.population),
            },
            Headline { label: if zh { "2050年人口".into() } else { "2050".into() }, value: people(p50.population) },
            Headline {
                label: if zh { "2030年60岁及以上".into() } else { "Aged 60+, 2030".into() },
                value: format!("{}%", fixed(p30.share_60_plus, 1, lang)),
            },
            Headline {
                label: if zh {
                    "规划目标（全州）按中位情景达到".into()
                } else {
                    "Plan targets (prefecture) met, central run".into()
                },
                value: if zh { format!("{met}/{judged}项") } else { format!("{met} of {judged}") },
            },
        ])
    }

    /// The plan's targets under the state's scenario (always the
    /// prefecture's: the targets are the prefecture's).
    pub fn tracker(&self, s: &PageState, fans: Option<&FanSet>, lang: Lang) -> Result<Tracker, Error> {
        let pref = &self.runs(s)?.prefecture;
        let mut rows = targets::track(pref, &self.urbanisation, lang)?;
        let fans = fans.filter(|f| f.key == self.key(s));
        if let Some(f) = fans {
            targets::apply_fans(&mut rows, &f.prefecture);
        }
        let zh = lang == Lang::Zh;
        let columns: Vec<String> = if zh {
            ["目标或预计", "年份", "2020年", "目标", "预测值", "80%区间", "判断", "达到年份", "说明"]
        } else {
            ["Target or forecast", "Year", "2020", "Target", "Projected", "80% interval", "Verdict", "Reached in", "Note"]
        }
        .iter()
        .map(|c| c.to_string())
        .collect();
        let show = |t: &Tracked, v: f64| -> String {
            if !v.is_finite() {
                return "—".into();
            }
            match t.id {
                "resident_pop_2030" if zh => format!("{}万", fixed(v / 1e4, 2, lang)),
                "resident_pop_2030" => fixed(v, 0, lang),
                "srb" => fixed(v, 1, lang),
                _ => fixed(v, 2, lang),
            }
        };
        let body = rows
            .iter()
            .map(|t| {
                vec![
                    t.claim.clone(),
                    t.year.to_string(),
                    t.value_2020.map_or("—".into(), |v| show(t, v)),
                    t.target.clone(),
                    show(t, t.projected),
                    t.interval_80.map_or(
                        if t.check.is_some() && fans.is_none() {
                            (if zh { "计算中…" } else { "computing…" }).into()
                        } else {
                            "—".into()
                        },
                        |(lo, hi)| format!("{} – {}", show(t, lo), show(t, hi)),
                    ),
                    t.status.label(lang).to_string(),
                    t.crossed_in.map_or_else(
                        || {
                            // Only a level to reach can be "not reached"; a ceiling has no crossing.
                            let reaches = t.check.is_some_and(|c| !matches!(c.test, targets::Test::AtMost(_)));
                            (if !reaches {
                                "—"
                            } else if zh {
                                "预测期内未达到"
                            } else {
                                "not by 2050"
                            })
                            .to_string()
                        },
                        |y| y.to_string(),
                    ),
                    t.note.clone(),
                ]
            })
            .collect();
        let scenario =
            crate::projection::scenario::Preset::ALL.iter().find(|p| **p == preset_of(&s.preset)).map_or("", |p| p.name().get(lang));
        let custom = self.assumptions(s) != preset(preset_of(&s.preset), &self.estimate, &self.migration);
        let caption = match (lang, custom) {
            (Lang::Zh, false) => format!("规划目标与预计对照（全州，情景：{scenario}）"),
            (Lang::Zh, true) => format!("规划目标与预计对照（全州，情景：{scenario}，已调整）"),
            (Lang::En, false) => format!("The plan's targets and forecasts (Liangshan, scenario: {scenario})"),
            (Lang::En, true) => format!("The plan's targets and forecasts (Liangshan, scenario: {scenario}, adjusted)"),
        };
        Ok(Tracker {
            caption,
            table: DataTable { columns, rows: body },
            statuses: rows.iter().map(|t| t.status).collect(),
            intervals: fans.is_some(),
        })
    }

    /// Reads a reader's population table for `region` from the bytes of
    /// its file. A refused file changes nothing; every problem comes back.
    /// Err: `region` is not a region.
    pub fn upload(&mut self, bytes: &[u8], region: &str, legacy: &dyn LegacyDecoder) -> Result<Result<Accepted, Vec<Problem>>, Error> {
        let published_total = published_total(region)?;
        let reading = {
            let (female, male) = if region == "liangshan" {
                (&self.estimate.female, &self.estimate.male)
            } else {
                let c = self.counties()?.iter().find(|c| c.id == region).ok_or_else(|| unknown_region(region))?;
                (&c.female, &c.male)
            };
            crate::upload::read(bytes, legacy, &Expectation { published_total, female, male })
        };
        let r = match reading {
            Ok(r) => r,
            Err(problems) => return Ok(Err(problems)),
        };
        let (female, male) = (r.table.female, r.table.male);
        let token = token(region, &female, &male);
        let accepted = Accepted {
            region: region.to_string(),
            female: female.iter().sum(),
            male: male.iter().sum(),
            notes: r.notes,
            token: token.clone(),
        };
        self.upload = Some(Upload { region: region.to_string(), female, male, token });
        *self.cache.borrow_mut() = None;
        Ok(Ok(accepted))
    }

    /// Back to the estimate.
    pub fn clear_upload(&mut self) {
        self.upload = None;
        *self.cache.borrow_mut() = None;
    }

    /// The region an upload replaces, if any.
    pub fn uploaded_region(&self) -> Option<&str> {
        self.upload.as_ref().map(|u| u.region.as_str())
    }

    /// The base population of a region as a CSV in the form uploads take:
    /// a template to edit, and a record of the estimate.
    pub fn base_csv(&self, region: &str) -> Result<String, Error> {
        let r = self.region(region)?;
        let mut out = String::from("age,female,male\n");
        for a in 0..base::AGES {
            let age = if a + 1 == base::AGES { format!("{a}+") } else { a.to_string() };
            out.push_str(&format!("{age},{:.0},{:.0}\n", r.base.female[a], r.base.male[a]));
        }
        Ok(out)
    }

    /// The estimate's fit to every published aggregate, as a table.
    pub fn fit_table(&self, lang: Lang) -> DataTable {
        let zh = lang == Lang::Zh;
        let columns = if zh {
            ["约束", "公布值", "估计值", "容差", "是否满足", "来源"]
        } else {
            ["Constraint", "Published", "Estimate", "Tolerance", "Met", "Source"]
        };
        let rows = self
            .estimate
            .fit
            .iter()
            .map(|f| {
                let d = if f.target.abs() >= 1000.0 { 0 } else { 2 };
                vec![
                    f.what.get(lang).to_string(),
                    fixed(f.target, d, lang),
                    fixed(f.estimate, d, lang),
                    // The tolerance to its own precision (0.5 persons, 0.005 points).
                    format!(
                        "± {}",
                        if f.tolerance >= 100.0 { fixed(f.tolerance, 0, lang) } else { trim_zeros(&format!("{:.3}", f.tolerance)) }
                    ),
                    (if f.met {
                        if zh {
                            "✓ 是"
                        } else {
                            "✓ yes"
                        }
                    } else if zh {
                        "✗ 否"
                    } else {
                        "✗ no"
                    })
                    .to_string(),
                    if zh { f.source.0.clone() } else { f.source.1.clone() },
                ]
            })
            .collect();
        DataTable { columns: columns.iter().map(|c| c.to_string()).collect(), rows }
    }

    /// Figures the methods text quotes, computed.
    pub fn method_figures(&self) -> MethodFigures {
        MethodFigures {
            tfr_2020: self.estimate.tfr,
            net_migration_per_year: self.migration.per_year,
            e0_female: self.estimate.e0_female,
            e0_male: self.estimate.e0_male,
            births_2020: self.estimate.births,
            constraints: self.estimate.fit.len(),
            constraints_met: self.estimate.fit.iter().filter(|f| f.met).count(),
            uncertainty: DEFAULT_UNCERTAINTY,
            plan: preset(Preset::Plan, &self.estimate, &self.migration),
            srb: PRIOR_SRB,
        }
    }
}

fn trim_zeros(s: &str) -> String {
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// One figure beside the controls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Headline {
    pub label: String,
    pub value: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MethodFigures {
    pub tfr_2020: f64,
    pub net_migration_per_year: f64,
    pub e0_female: f64,
    pub e0_male: f64,
    pub births_2020: f64,
    pub constraints: usize,
    pub constraints_met: usize,
    pub uncertainty: crate::projection::stochastic::Uncertainty,
    /// The plan's path, as the explorer assumes it.
    pub plan: Assumptions,
    pub srb: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse;
    use crate::upload::decode::NativeDecoder;

    fn state(q: &str) -> PageState {
        let (s, n) = parse(q);
        assert!(n.is_empty(), "{n:?}");
        s
    }

    #[test]
    fn overrides_sit_on_the_preset_and_setting_the_presets_own_value_changes_nothing() {
        let x = Explorer::new().unwrap();
        let plan = x.assumptions(&state(""));
        assert_eq!(x.assumptions(&state("e0_2030=78")), plan, "78 is the plan's own 2030 value");
        let a = x.assumptions(&state("scenario=low&tfr2030=2.1&e0_2030=80&e0_2050=84&migration=-5000&srb=1.1"));
        assert_eq!((a.tfr_2030, a.tfr_2050, a.e0_2030, a.net_migration, a.srb), (2.1, 1.1, 80.0, -5000.0, 1.1));
        assert!((a.e0_2030 + 20.0 * a.e0_gain_per_year - 84.0).abs() < 1e-9);
        assert!(a.e0_2025 > plan.e0_2025 && a.e0_2025 < 80.0, "2025 moves with 2030: {}", a.e0_2025);
        let values = x.control_values(&state("e0_2030=80"));
        let e0_2050 = values.iter().find(|v| v.0 == "e0_2050").unwrap().1;
        assert!((e0_2050 - (78.0 + 20.0 * 0.15)).abs() < 1e-9, "2050 stays where the preset had it: {e0_2050}");
    }

    #[test]
    fn the_key_follows_the_projection_not_the_view() {
        let x = Explorer::new().unwrap();
        assert_eq!(x.key(&state("lang=en&year=2045&a11y=large")), x.key(&state("")));
        assert_ne!(x.key(&state("tfr2030=2")), x.key(&state("")));
        assert_ne!(x.key(&state("region=xide")), x.key(&state("")));
    }

    #[test]
    fn every_chart_draws_for_the_prefecture_and_a_county_and_old_fans_are_ignored() {
        let x = Explorer::new().unwrap();
        let spec = Spec::new(720.0, Lang::En);
        let s = state("region=xide&year=2040");
        let fans = x.simulate(&s, 30, 1).unwrap();
        let charts = x.charts(&s, Some(&fans), &spec, &[]).unwrap();
        assert_eq!(charts.len(), pcharts::IDS.len());
        assert!(charts[0].title.contains("Xide") && charts[0].title.contains("2040"), "{}", charts[0].title);
        let pop = charts.iter().find(|c| c.id == pcharts::POPULATION_ID).unwrap();
        assert_eq!(pop.table.columns.len(), 6, "the fan is drawn");
        // A different scenario: the fans no longer belong; not drawn.
        let other = state("region=xide&tfr2030=3");
        let pop = x.charts(&other, Some(&fans), &spec, &[pcharts::POPULATION_ID]).unwrap();
        assert_eq!(pop.len(), 1);
        assert_eq!(pop[0].table.columns.len(), 2);
        // The county has more births for its size than the prefecture (Xide's fertility is higher).
        let runs = x.runs(&s).unwrap();
        let (xide, pref) = (&runs.region, &runs.prefecture);
        assert!(xide.years[20].cbr.unwrap() > pref.years[20].cbr.unwrap());
    }

    #[test]
    fn the_tracker_lists_every_target_and_takes_intervals_when_they_come() {
        let x = Explorer::new().unwrap();
        let s = state("");
        let t = x.tracker(&s, None, Lang::Zh).unwrap();
        assert_eq!(t.table.rows.len(), 20);
        assert!(!t.intervals);
        assert!(t.table.rows.iter().any(|r| r[5] == "计算中…"));
        let fans = x.simulate(&s, 100, 1).unwrap();
        let t = x.tracker(&s, Some(&fans), Lang::En).unwrap();
        assert!(t.intervals && !t.table.rows.iter().any(|r| r[5] == "computing…"));
        let pop = &t.table.rows[0];
        assert!(pop[5].contains(" – ") && pop[6] == "! at risk", "{pop:?}");
        // The tracker is the prefecture's whatever region is shown.
        let county = x.tracker(&state("region=muli"), None, Lang::En).unwrap();
        assert_eq!(county.table.rows[0][4], t.table.rows[0][4]);
    }

    #[test]
    fn an_upload_replaces_the_estimate_and_a_bad_one_changes_nothing() {
        let mut x = Explorer::new().unwrap();
        let s = state("region=xichang");
        let (before0, before) = {
            let r = &x.runs(&s).unwrap().region;
            (r.years[0].population, r.years[10].population)
        };
        let before_key = x.key(&s);
        let problems = x.upload(b"age,female,male\n0-4,abc,1\n", "xichang", &NativeDecoder).unwrap().unwrap_err();
        assert!(problems.iter().any(|p| p.line == Some(2)), "{problems:?}");
        assert_eq!(x.key(&s), before_key, "a bad file changes nothing");
        // The template, half as large again: plausible, but far from the census.
        let csv = x.base_csv("xichang").unwrap();
        let larger: String = csv
            .lines()
            .enumerate()
            .map(|(i, l)| {
                if i == 0 {
                    return format!("{l}\n");
                }
                let f: Vec<&str> = l.split(',').collect();
                format!("{},{},{}\n", f[0], f[1].parse::<f64>().unwrap() * 1.5, f[2].parse::<f64>().unwrap() * 1.5)
            })
            .collect();
        let accepted = x.upload(larger.as_bytes(), "xichang", &NativeDecoder).unwrap().unwrap();
        assert!(matches!(accepted.notes[..], [Note::FarFromPublished { .. }]), "{:?}", accepted.notes);
        assert_ne!(x.key(&s), before_key);
        assert!(x.key(&s).ends_with(&accepted.token), "the key carries the table's token");
        let run = &x.runs(&s).unwrap().region;
        assert!(!run.estimate);
        assert!((run.years[0].population / before0 - 1.5).abs() < 1e-4, "the template is rounded to persons");
        // Its migration is counted in persons, not scaled: somewhat less than 1.5 times.
        assert!((1.2..1.5).contains(&(run.years[10].population / before)), "{} vs {before}", run.years[10].population);
        let chart = &x.charts(&s, None, &Spec::new(720.0, Lang::Zh), &[pcharts::PYRAMID_ID]).unwrap()[0];
        assert!(!chart.title.contains("估计") && chart.notes[0].contains("用户"), "{} {:?}", chart.title, chart.notes);
        // Other regions keep the estimate.
        assert!(x.runs(&state("region=muli")).unwrap().region.estimate);
        // The same table in another instance has the same token: the keys agree.
        let mut other = Explorer::new().unwrap();
        assert_eq!(other.upload(larger.as_bytes(), "xichang", &NativeDecoder).unwrap().unwrap().token, accepted.token);
        assert_eq!(other.key(&s), x.key(&s));
        assert_eq!(key(&s, Some(&accepted.token)), x.key(&s));
        x.clear_upload();
        assert_eq!(x.key(&s), before_key);
        assert!(x.upload(b"age,female,male\n", "atlantis", &NativeDecoder).is_err());
    }

    #[test]
    fn every_slider_extreme_projects_without_error_or_negative_people() {
        let x = Explorer::new().unwrap();
        let ends = |name: &str| {
            let c = crate::state::CONTROLS.iter().find(|c| c.param == name).unwrap();
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
        assert_eq!(x.charts(&s, None, &Spec::new(320.0, Lang::En), &[]).unwrap().len(), pcharts::IDS.len());
        x.tracker(&s, None, Lang::En).unwrap();
    }

    #[test]
    fn the_headline_follows_the_scenario() {
        let x = Explorer::new().unwrap();
        let plan = x.headline(&state(""), Lang::Zh).unwrap();
        assert_eq!(plan.len(), 4);
        assert!(plan[0].value.ends_with("万人") && plan[0].label.starts_with("凉山州"), "{plan:?}");
        let high = x.headline(&state("scenario=high&lang=en"), Lang::En).unwrap();
        assert!(high[1].value.ends_with("million"));
        assert_ne!(plan[1].value, x.headline(&state("scenario=high"), Lang::Zh).unwrap()[1].value);
    }

    #[test]
    fn the_methods_figures_come_from_the_estimate() {
        let x = Explorer::new().unwrap();
        let m = x.method_figures();
        assert!((2.0..3.0).contains(&m.tfr_2020) && m.net_migration_per_year < 0.0);
        assert_eq!(x.fit_table(Lang::En).rows.len(), m.constraints);
    }
}
