//! Charts of a projection (the explorer's), one module each: the population
//! pyramid of a year against 2020, and the indicators over time
//! (population, ageing, working age, dependency, births and deaths,
//! urbanisation) with their uncertainty and the plan's targets, drawn by
//! the shared [`timeline`]. Projections start from an estimated base
//! population, and every chart says so on the chart itself.

use super::canvas::{Legend, Style};
use super::grammar::Mark;
use super::{AccentNote, Chart, ChartId, Spec};
use crate::data::counties::Region;
use crate::error::{Error, ErrorKind};
use crate::i18n::{Lang, Text};
use crate::projection::compare::{Comparison, Measure};
use crate::projection::indicator::Indicator;
use crate::projection::scenario::{Run, Year};
use crate::projection::services::{self, Service};
use crate::projection::stochastic::{Fan, Probabilistic, ServiceFan};
use crate::projection::urbanisation::Urbanisation;

pub mod ageing;
pub mod births_deaths;
pub mod childcare;
pub mod counties;
pub mod county_groups;
pub mod county_map;
pub mod county_ranked;
pub mod dependency;
pub mod old_age;
pub mod population;
pub mod pyramid;
pub mod school_ages;
pub mod timeline;
pub mod urbanisation;
pub mod working_age;

/// What the projection charts show.
pub struct View<'a> {
    pub run: &'a Run,
    /// A probabilistic run of the same scenario, when at hand: its fans are drawn.
    pub fans: Option<&'a Probabilistic>,
    /// The year of the pyramid.
    pub year: u16,
    /// The region, for titles.
    pub region: Region,
    /// The urbanisation trend (its chart only).
    pub urbanisation: Option<&'a Urbanisation>,
    /// The 17 counties compared, and on what (the comparison's charts only).
    pub compared: Option<(&'a Comparison, Measure)>,
}

impl<'a> View<'a> {
    pub fn place(&self) -> Text {
        self.region.name()
    }

    pub fn is_prefecture(&self) -> bool {
        self.region == Region::Prefecture
    }

    /// One value a year.
    pub fn pick(&self, f: impl Fn(&Year) -> f64) -> Vec<f64> {
        self.run.years.iter().map(f).collect()
    }

    /// The value of one year, NaN where the run has none.
    pub fn at(&self, year: u16, f: impl Fn(&Year) -> f64) -> f64 {
        self.run.years.iter().find(|y| y.year == year).map_or(f64::NAN, f)
    }

    pub fn years(&self) -> Vec<u16> {
        self.run.years.iter().map(|y| y.year).collect()
    }

    pub fn fan(&self, indicator: Indicator) -> Option<&'a Fan> {
        self.fans.and_then(|f| f.fan(indicator))
    }

    /// A service population (or the childcare places of the plan's norm), year by year.
    pub fn service(&self, s: Service) -> Vec<f64> {
        let norm = services::childcare_norm();
        self.run.female.iter().zip(&self.run.male).map(|(f, m)| services::value(s, f, m, norm)).collect()
    }

    pub fn service_fan(&self, s: Service) -> Option<&'a ServiceFan> {
        self.fans.and_then(|f| f.service(s))
    }

    /// The value of `s` in `year` (NaN where the run has none).
    pub fn service_at(&self, s: Service, year: u16) -> f64 {
        let norm = services::childcare_norm();
        self.run
            .years
            .iter()
            .position(|y| y.year == year)
            .map_or(f64::NAN, |k| services::value(s, &self.run.female[k], &self.run.male[k], norm))
    }

    /// The run's last year.
    pub fn last_year(&self) -> u16 {
        self.run.years.last().map_or(2050, |y| y.year)
    }
}

/// Draws chart `id` of `view`.
pub fn render(id: ChartId, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let width = super::check_width(spec.width)?;
    match id {
        ChartId::Pyramid => pyramid::render(width, view, spec),
        ChartId::ProjectedPopulation => population::render(width, view, spec),
        ChartId::ProjectedAgeing => ageing::render(width, view, spec),
        ChartId::ProjectedWorkingAge => working_age::render(width, view, spec),
        ChartId::ProjectedDependency => dependency::render(width, view, spec),
        ChartId::ProjectedBirthsDeaths => births_deaths::render(width, view, spec),
        ChartId::ProjectedUrbanisation => urbanisation::render(width, view, spec),
        ChartId::ProjectedSchoolAges => school_ages::render(width, view, spec),
        ChartId::ProjectedOldAge => old_age::render(width, view, spec),
        ChartId::ProjectedChildcare => childcare::render(width, view, spec),
        ChartId::CountyMap => county_map::render(width, &counties::Compared::of(view)?, spec),
        ChartId::CountyRanked => county_ranked::render(width, &counties::Compared::of(view)?, spec),
        ChartId::CountyGroups => county_groups::render(width, &counties::Compared::of(view)?, spec),
        other => Err(ErrorKind::InvalidArgument { name: "chart", value: other.slug().into(), expected: "a chart of the explorer" }.into()),
    }
}

/// What the chart must say about where its base population comes from.
pub fn origin_note(run: &Run) -> Text {
    if run.estimate {
        Text::new("基期人口为估计值（年龄性别结构未公布）", "Base population is an estimate (the age-sex table is not published)")
    } else {
        Text::new("基期人口为用户提供的数据", "Base population from the table provided")
    }
}

pub const PROJECTION_SOURCE: Text = Text::new(
    "本项目的队列要素预测（基于规划及七普公布数据）",
    "this project's cohort-component projection (from the plan's and the 2020 census's published figures)",
);

/// The title, with "（估计）" / " (estimate)" when the base is an estimate.
pub fn titled(run: &Run, title: (String, String), lang: Lang) -> String {
    match (lang, run.estimate) {
        (Lang::Zh, true) => format!("{}（估计）", title.0),
        (Lang::Zh, false) => title.0,
        (Lang::En, true) => format!("{} (estimate)", title.1),
        (Lang::En, false) => title.1,
    }
}

/// The sentence of the reader's language.
pub fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The top of every projection chart: the legend, and under it the note on
/// where the base population comes from, in the accent colour.
pub struct Header<'l> {
    legend: Legend<'l>,
    note: AccentNote,
    legend_h: f64,
    note_h: f64,
}

const MARGIN: f64 = 8.0;

impl<'l> Header<'l> {
    pub fn new(legend: Legend<'l>, note: &str, width: u32, style: &Style) -> Header<'l> {
        let legend_h = legend.height(MARGIN, f64::from(width) - MARGIN, style.font_px);
        let note = AccentNote::new(note, width, style);
        Header { legend, note_h: note.height(style), note, legend_h }
    }

    /// Where the header ends.
    pub fn bottom(&self, _font: f64) -> f64 {
        MARGIN + self.legend_h + self.note_h
    }

    pub fn marks(&self, width: u32, style: &Style) -> Vec<Mark<'l>> {
        let mut out = vec![Mark::Legend { legend: self.legend.clone(), x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN }];
        out.extend(self.note.marks(MARGIN + self.legend_h, style));
        out
    }
}
