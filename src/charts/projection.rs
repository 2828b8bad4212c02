//! Charts of a projection (the explorer's): the population pyramid of a
//! year against 2020, and the indicators over time (population, ageing,
//! working age, dependency, births and deaths, urbanisation) with their
//! uncertainty and the plan's targets. Projections start from an estimated
//! base population, and every chart says so on the chart itself.

use super::canvas::{draw_svg, Align, Baseline, Canvas, Legend, Mark, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::counties::Region;
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang};
use crate::projection::base::AGES;
use crate::projection::indicator::Indicator;
use crate::projection::scenario::Run;
use crate::projection::stochastic::{Fan, Probabilistic};
use crate::projection::urbanisation::Urbanisation;

pub const PYRAMID_ID: ChartId = ChartId::Pyramid;
pub const POPULATION_ID: ChartId = ChartId::ProjectedPopulation;
pub const AGEING_ID: ChartId = ChartId::ProjectedAgeing;
pub const WORKING_AGE_ID: ChartId = ChartId::ProjectedWorkingAge;
pub const DEPENDENCY_ID: ChartId = ChartId::ProjectedDependency;
pub const BIRTHS_DEATHS_ID: ChartId = ChartId::ProjectedBirthsDeaths;
pub const URBANISATION_ID: ChartId = ChartId::ProjectedUrbanisation;
pub const IDS: [ChartId; 7] = ChartId::PROJECTION;

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
}

/// What the chart must say about where its base population comes from.
fn origin_note(run: &Run, lang: Lang) -> &'static str {
    match (run.estimate, lang) {
        (true, Lang::Zh) => "基期人口为估计值（年龄性别结构未公布）",
        (true, Lang::En) => "Base population is an estimate (the age-sex table is not published)",
        (false, Lang::Zh) => "基期人口为用户提供的数据",
        (false, Lang::En) => "Base population from the table provided",
    }
}

/// The top of every projection chart: the legend, and under it the note on
/// where the base population comes from, in the accent colour.
struct Header<'l> {
    legend: Legend<'l>,
    note: Vec<String>,
    legend_h: f64,
}

impl<'l> Header<'l> {
    fn new(legend: Legend<'l>, note: &str, width: u32, style: &super::Style) -> Header<'l> {
        let margin = 8.0;
        let legend_h = legend.height(margin, f64::from(width) - margin, style.font_px);
        let note = if note.is_empty() { Vec::new() } else { super::wrap(note, (f64::from(width) - 2.0 * margin) / style.px(0.9)) };
        Header { legend, note, legend_h }
    }

    /// Where the header ends.
    fn bottom(&self, margin: f64, font: f64) -> f64 {
        margin + self.legend_h + self.note.len() as f64 * font * 1.3
    }

    fn draw(&self, c: &Canvas, width: u32, margin: f64) -> Result<(), Error> {
        let style = c.style;
        self.legend.draw(c, margin, f64::from(width) - margin, margin)?;
        for (i, line) in self.note.iter().enumerate() {
            let y = margin + self.legend_h + i as f64 * style.font_px * 1.3;
            c.text(line, margin, y, style.px(0.9), style.series[1], Align::Start, Baseline::Top, true)?;
        }
        Ok(())
    }
}

fn year_index(run: &Run, year: u16) -> Result<usize, Error> {
    run.years.iter().position(|y| y.year == year).ok_or_else(|| {
        let (lo, hi) = (run.years.first().map_or(0, |y| y.year), run.years.last().map_or(0, |y| y.year));
        ErrorKind::OutOfRange { name: "year", value: f64::from(year), min: f64::from(lo), max: f64::from(hi) }.into()
    })
}

/// Draws chart `id` of `view`.
pub fn render(id: ChartId, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let width = super::check_width(spec.width)?;
    match id {
        ChartId::Pyramid => pyramid(width, view, spec),
        ChartId::ProjectedPopulation => population(width, view, spec),
        ChartId::ProjectedAgeing => ageing(width, view, spec),
        ChartId::ProjectedWorkingAge => working_age(width, view, spec),
        ChartId::ProjectedDependency => dependency(width, view, spec),
        ChartId::ProjectedBirthsDeaths => births_deaths(width, view, spec),
        ChartId::ProjectedUrbanisation => urbanisation(width, view, spec),
        other => Err(ErrorKind::InvalidArgument { name: "chart", value: other.slug().into(), expected: "a chart of the explorer" }.into()),
    }
}

fn pyramid(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let k = year_index(view.run, view.year)?;
    let (f, m) = (&view.run.female[k], &view.run.male[k]);
    let (f0, m0) = (&view.run.female[0], &view.run.male[0]);
    let max = f.iter().chain(m).chain(f0).chain(m0).fold(0.0f64, |a, b| a.max(*b));
    let margin = 8.0;
    let (men, women, outline) = if zh { ("男", "女", "2020年") } else { ("Men", "Women", "2020") };
    let legend = Legend {
        entries: vec![(Mark::Swatch(style.series[0]), men), (Mark::Swatch(style.series[1]), women), (Mark::Ring(style.ink), outline)],
    };
    let note = origin_note(view.run, lang);
    let header = Header::new(legend, origin_note(view.run, lang), width, &style);
    let top = header.bottom(margin, font) + font * 0.6;
    let plot_h = (f64::from(width) * 0.9).clamp(font * 24.0, font * 40.0);
    let bottom = top + plot_h;
    let height = (bottom + font * 3.2 + margin) as u32;
    let axis_w = text_width("100", font * 0.9) + 12.0;
    let centre = f64::from(width) / 2.0;
    let half = (f64::from(width) - 2.0 * margin - axis_w) / 2.0;
    let step = super::canvas::nice_max(max);
    let xl = Scale::new((0.0, step), (centre - axis_w / 2.0, centre - axis_w / 2.0 - half));
    let xr = Scale::new((0.0, step), (centre + axis_w / 2.0, centre + axis_w / 2.0 + half));
    let row = plot_h / AGES as f64;
    let y_of = |a: usize| bottom - row * (a as f64 + 1.0);

    let raw = draw_svg(width, height, style, |c: &Canvas| {
        header.draw(c, width, margin)?;
        // Each side's 101 bars as one stepped shape: the same picture in
        // two elements instead of 202, so that it redraws fast.
        for (scale, pop, colour) in [(&xl, m, style.series[0]), (&xr, f, style.series[1])] {
            let mut pts = Vec::with_capacity(AGES * 2 + 2);
            pts.push((scale.map(0.0), y_of(0) + row));
            for (a, n) in pop.iter().enumerate() {
                let x = scale.map(*n);
                pts.push((x, y_of(a) + row));
                pts.push((x, y_of(a)));
            }
            pts.push((scale.map(0.0), y_of(AGES - 1)));
            c.polygon(&pts, colour)?;
        }
        // The 2020 outline, as a stepped line on each side.
        for (scale, pop) in [(&xl, m0), (&xr, f0)] {
            let mut pts = Vec::with_capacity(AGES * 2);
            for (a, n) in pop.iter().enumerate() {
                let x = scale.map(*n);
                pts.push((x, y_of(a) + row));
                pts.push((x, y_of(a)));
            }
            c.line(&pts, style.ink, 1)?;
        }
        for a in (0..AGES).step_by(10) {
            c.note(&format!("{a}"), centre, y_of(a) + row / 2.0, Align::Middle, Baseline::Middle)?;
        }
        for t in [0.0, step / 2.0, step] {
            let label = fixed(t, 0, lang);
            c.note(&label, xl.map(t), bottom + 4.0, if t == step { Align::Start } else { Align::Middle }, Baseline::Top)?;
            c.note(&label, xr.map(t), bottom + 4.0, if t == step { Align::End } else { Align::Middle }, Baseline::Top)?;
        }
        c.note(if zh { "人（每岁）" } else { "persons per year of age" }, centre, bottom + font * 1.6, Align::Middle, Baseline::Top)?;
        c.note(&format!("{}", view.year), f64::from(width) - margin, top, Align::End, Baseline::Top)
    })?;

    let y = &view.run.years[k];
    let y0 = &view.run.years[0];
    let summary = match lang {
        Lang::Zh => format!(
            "{}年{}：0—14岁占{}%，60岁及以上占{}%（2020年分别为{}%和{}%），年龄中位数{}岁。",
            view.year,
            view.region.name().zh,
            fixed(y.share_0_14, 1, lang),
            fixed(y.share_60_plus, 1, lang),
            fixed(y0.share_0_14, 1, lang),
            fixed(y0.share_60_plus, 1, lang),
            fixed(y.median_age, 1, lang)
        ),
        Lang::En => format!(
            "{} in {}: {}% aged 0-14 and {}% aged 60+ (2020: {}% and {}%); median age {}.",
            view.region.name().en,
            view.year,
            fixed(y.share_0_14, 1, lang),
            fixed(y.share_60_plus, 1, lang),
            fixed(y0.share_0_14, 1, lang),
            fixed(y0.share_60_plus, 1, lang),
            fixed(y.median_age, 1, lang)
        ),
    };
    let cols: [&str; 5] =
        if zh { ["年龄", "男", "女", "2020年男", "2020年女"] } else { ["Age", "Men", "Women", "Men 2020", "Women 2020"] };
    let rows = (0..AGES)
        .map(|a| {
            let age = if a + 1 == AGES { format!("{a}+") } else { a.to_string() };
            vec![age, fixed(m[a], 0, lang), fixed(f[a], 0, lang), fixed(m0[a], 0, lang), fixed(f0[a], 0, lang)]
        })
        .collect();
    let title = titled(
        view.run,
        &format!("{}人口金字塔，{}年", view.region.name().zh, view.year),
        format!("Population pyramid of {}, {}", view.region.name().en, view.year),
        lang,
    );
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: PYRAMID_ID,
            title,
            summary,
            sources: vec![projection_source(lang)],
            notes: vec![note.to_string()],
            table: table(&cols, rows),
        },
    )
}

/// One line of a time chart: its values year by year (NaN where it has
/// none) and the shape marking it every five years, so that colour is never
/// the only thing telling lines apart.
struct Series {
    label: String,
    values: Vec<f64>,
    mark: usize,
}

/// A dashed horizontal reference line with its label.
struct RefLine {
    value: f64,
    label: String,
}

/// A target: a ring at (year, value) with its label.
struct Goal {
    year: f64,
    value: f64,
    label: String,
}

/// A chart of indicators over the projection's years.
struct Timeline<'a> {
    unit: String,
    series: Vec<Series>,
    /// A fan of the first series, scaled like it.
    band: Option<(&'a Fan, f64)>,
    refs: Vec<RefLine>,
    goals: Vec<Goal>,
    /// Observed points before the projection (year, value, label), in ink.
    observed: Vec<(f64, f64)>,
    /// Whether the axis starts at zero (shares, ratios); otherwise it fits the data.
    zero: bool,
    years: Vec<u16>,
    /// Whether it draws on the projected population (and says where its base comes from).
    origin: bool,
}

const SHAPES: usize = 3;

fn shape_mark(i: usize, colour: plotters::style::RGBColor) -> Mark {
    match i % SHAPES {
        0 => Mark::Dot(colour),
        1 => Mark::Triangle(colour),
        _ => Mark::Square(colour),
    }
}

fn series_colour(style: &super::Style, i: usize) -> plotters::style::RGBColor {
    [style.series[0], style.series[2], style.series[3]][i % 3]
}

impl Timeline<'_> {
    /// Draws the chart: (height, raw SVG).
    fn draw(&self, width: u32, run: &Run, spec: &Spec) -> Result<(u32, String), Error> {
        let lang = spec.lang;
        let zh = lang == Lang::Zh;
        let style = spec.style();
        let font = style.font_px;
        let margin = 8.0;
        let mut entries: Vec<(Mark, &str)> =
            self.series.iter().enumerate().map(|(i, s)| (shape_mark(s.mark, series_colour(&style, i)), s.label.as_str())).collect();
        if self.band.is_some() {
            entries.push((Mark::Swatch(style.grid), if zh { "80%区间" } else { "80% interval" }));
            entries.push((Mark::Swatch(style.bands[0]), if zh { "95%区间" } else { "95% interval" }));
        }
        if !self.observed.is_empty() {
            entries.push((Mark::Ring(style.ink), if zh { "普查" } else { "census" }));
        }
        let header = Header::new(Legend { entries }, if self.origin { origin_note(run, lang) } else { "" }, width, &style);
        let top = header.bottom(margin, font) + font * 1.8;
        let plot_h = (f64::from(width) * 0.5).clamp(font * 14.0, font * 24.0);
        let bottom = top + plot_h;
        let height = (bottom + font * 2.0 + margin) as u32;

        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        let mut see = |v: f64| {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
        };
        self.series.iter().flat_map(|s| &s.values).for_each(|v| see(*v));
        if let Some((fan, k)) = self.band {
            fan.lo95.iter().chain(&fan.hi95).for_each(|v| see(v * k));
        }
        self.refs.iter().for_each(|r| see(r.value));
        self.goals.iter().for_each(|g| see(g.value));
        self.observed.iter().for_each(|o| see(o.1));
        if !lo.is_finite() {
            return Err(crate::error::missing_data("values to chart"));
        }
        let (lo, hi) = if self.zero {
            let top = super::canvas::nice_max(hi.max(0.0) * 1.05);
            (if lo < 0.0 { -super::canvas::nice_max(-lo * 1.05) } else { 0.0 }, top)
        } else {
            let pad = (hi - lo).max(hi.abs() * 0.02).max(1e-9) * 0.12;
            (lo - pad, hi + pad)
        };
        let y = Scale::new((lo, hi), (bottom, top));
        let ticks = y.ticks(font * 3.0);
        let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
        let decimals = if step >= 1.0 {
            0
        } else if step >= 0.1 {
            1
        } else {
            2
        };
        let axis_w = ticks.iter().map(|t| text_width(&fixed(*t, decimals, lang), font * 0.9)).fold(0.0, f64::max) + 12.0;
        let x0 = margin + axis_w;
        let x1 = f64::from(width) - margin - font;
        let first = self.observed.iter().map(|o| o.0).fold(f64::from(self.years[0]), f64::min);
        let last = f64::from(self.years[self.years.len() - 1]);
        let x = Scale::new((first, last), (x0, x1));
        let raw = draw_svg(width, height, style, |c: &Canvas| {
            header.draw(c, width, margin)?;
            c.note(&self.unit, margin, top - font * 1.2, Align::Start, Baseline::Bottom)?;
            for t in &ticks {
                c.line(&[(x0, y.map(*t)), (x1, y.map(*t))], if *t == 0.0 { style.muted } else { style.grid }, 1)?;
                c.note(&fixed(*t, decimals, lang), x0 - 6.0, y.map(*t), Align::End, Baseline::Middle)?;
            }
            if let Some((fan, k)) = self.band {
                for (los, his, colour) in [(&fan.lo95, &fan.hi95, style.bands[0]), (&fan.lo80, &fan.hi80, style.grid)] {
                    let pts = |vals: &Vec<f64>| -> Vec<(f64, f64)> {
                        fan.years
                            .iter()
                            .zip(vals)
                            .filter(|(_, v)| v.is_finite())
                            .map(|(yr, v)| (x.map(f64::from(*yr)), y.map(v * k)))
                            .collect()
                    };
                    let mut poly = pts(his);
                    poly.extend(pts(los).into_iter().rev());
                    c.polygon(&poly, colour)?;
                }
            }
            for (i, r) in self.refs.iter().enumerate() {
                c.dashed((x0, y.map(r.value)), (x1, y.map(r.value)), style.muted, 1, 4.0)?;
                let (baseline, at) =
                    if i % 2 == 0 { (Baseline::Bottom, y.map(r.value) - 3.0) } else { (Baseline::Top, y.map(r.value) + 3.0) };
                c.note(&r.label, x0 + 4.0, at, Align::Start, baseline)?;
            }
            for (i, s) in self.series.iter().enumerate() {
                let colour = series_colour(&style, i);
                let pts: Vec<(f64, f64)> = self
                    .years
                    .iter()
                    .zip(&s.values)
                    .filter(|(_, v)| v.is_finite())
                    .map(|(yr, v)| (x.map(f64::from(*yr)), y.map(*v)))
                    .collect();
                c.line(&pts, colour, 3)?;
                for (yr, v) in self.years.iter().zip(&s.values).filter(|(yr, v)| *yr % 5 == 0 && v.is_finite()) {
                    let (px, py) = (x.map(f64::from(*yr)), y.map(*v));
                    match s.mark % SHAPES {
                        0 => c.circle(px, py, font * 0.3, colour, true)?,
                        1 => c.triangle(px, py, font * 0.3, colour)?,
                        _ => c.square(px, py, font * 0.26, colour)?,
                    }
                }
            }
            for (yr, v) in &self.observed {
                c.circle(x.map(*yr), y.map(*v), font * 0.35, style.ink, false)?;
            }
            for g in &self.goals {
                let (gx, gy) = (x.map(g.year), y.map(g.value));
                c.circle(gx, gy, font * 0.45, style.series[1], false)?;
                // Beside the ring where it fits, else above it, kept inside the frame.
                let w = text_width(&g.label, style.px(0.9));
                let (ax, ay) = if gx + font * 0.7 + w <= f64::from(width) - margin {
                    (gx + font * 0.7, gy - font * 0.3)
                } else if gx - font * 0.7 - w >= margin {
                    (gx - font * 0.7 - w, gy - font * 0.3)
                } else {
                    ((gx - w / 2.0).clamp(margin, (f64::from(width) - margin - w).max(margin)), gy - font * 0.8)
                };
                c.text(&g.label, ax, ay, style.px(0.9), style.series[1], Align::Start, Baseline::Bottom, true)?;
            }
            let first_decade = (first as u16).div_ceil(10) * 10;
            for yr in (first_decade..=last as u16).step_by(10) {
                c.note(&yr.to_string(), x.map(f64::from(yr)), bottom + 4.0, Align::Middle, Baseline::Top)?;
            }
            c.line(&[(x0, bottom), (x1, bottom)], style.ink, 1)
        })?;
        Ok((height, raw))
    }

    /// The data table: a row a year, a column a series, then the fan's bounds.
    fn table(&self, decimals: usize, lang: Lang) -> super::DataTable {
        let zh = lang == Lang::Zh;
        let mut cols: Vec<String> = vec![(if zh { "年份" } else { "Year" }).to_string()];
        cols.extend(self.series.iter().map(|s| format!("{} ({})", s.label, self.unit)));
        if self.band.is_some() {
            let names =
                if zh { ["95%下限", "80%下限", "80%上限", "95%上限"] } else { ["95% low", "80% low", "80% high", "95% high"] };
            cols.extend(names.iter().map(|n| n.to_string()));
        }
        let show = |v: f64| if v.is_finite() { fixed(v, decimals, lang) } else { "—".to_string() };
        let mut rows: Vec<Vec<String>> = Vec::new();
        for (yr, v) in &self.observed {
            let mut row = vec![format!("{yr}")];
            row.extend(self.series.iter().map(|_| show(*v)));
            rows.push(row);
        }
        for (k, yr) in self.years.iter().enumerate() {
            if self.observed.iter().any(|o| o.0 == f64::from(*yr)) {
                continue;
            }
            let mut row = vec![yr.to_string()];
            row.extend(self.series.iter().map(|s| show(s.values[k])));
            if let Some((fan, scale)) = self.band {
                row.extend([&fan.lo95, &fan.lo80, &fan.hi80, &fan.hi95].iter().map(|v| show(v[k] * scale)));
            }
            rows.push(row);
        }
        super::DataTable { columns: cols, rows }
    }
}

fn projection_source(lang: Lang) -> String {
    match lang {
        Lang::Zh => "本项目的队列要素预测（基于规划及七普公布数据）".to_string(),
        Lang::En => "this project's cohort-component projection (from the plan's and the 2020 census's published figures)".to_string(),
    }
}

/// "（估计）" / " (estimate)" after a title, when the base is an estimate.
fn titled(run: &Run, zh: &str, en: String, lang: Lang) -> String {
    match (lang, run.estimate) {
        (Lang::Zh, true) => format!("{zh}（估计）"),
        (Lang::Zh, false) => zh.to_string(),
        (Lang::En, true) => format!("{en} (estimate)"),
        (Lang::En, false) => en,
    }
}

fn pick(view: &View, f: impl Fn(&crate::projection::scenario::Year) -> f64) -> Vec<f64> {
    view.run.years.iter().map(f).collect()
}

fn at(view: &View, year: u16, f: impl Fn(&crate::projection::scenario::Year) -> f64) -> f64 {
    view.run.years.iter().find(|y| y.year == year).map_or(f64::NAN, f)
}

fn years(view: &View) -> Vec<u16> {
    view.run.years.iter().map(|y| y.year).collect()
}

fn is_prefecture(view: &View) -> bool {
    view.region == Region::Prefecture
}

/// Puts a timeline chart together with its text.
#[allow(clippy::too_many_arguments)]
fn finish(
    id: ChartId,
    t: &Timeline,
    width: u32,
    view: &View,
    spec: &Spec,
    title: String,
    summary: String,
    mut sources: Vec<String>,
    mut notes: Vec<String>,
    decimals: usize,
) -> Result<Chart, Error> {
    let (height, raw) = t.draw(width, view.run, spec)?;
    sources.insert(0, projection_source(spec.lang));
    notes.insert(0, origin_note(view.run, spec.lang).to_string());
    if t.band.is_some() {
        notes.push(match spec.lang {
            Lang::Zh => {
                format!("区间来自{}条随机轨迹（生育率、预期寿命和迁移按自回归过程波动）。", view.fans.map_or(0, |f| f.trajectories))
            }
            Lang::En => format!(
                "Intervals from {} random trajectories (fertility, life expectancy and migration wandering as autoregressive processes).",
                view.fans.map_or(0, |f| f.trajectories)
            ),
        });
    }
    assemble(spec, width, height, &raw, Parts { id, title, summary, sources, notes, table: t.table(decimals, spec.lang) })
}

fn fan<'a>(view: &View<'a>, indicator: Indicator) -> Option<&'a Fan> {
    view.fans.and_then(|f| f.fan(indicator))
}

fn population(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let target = match crate::data::targets::TargetId::ResidentPop2030.target().goal {
        crate::data::targets::Goal::Reach(n) => Some(n.value),
        _ => None,
    };
    let target = target.filter(|_| is_prefecture(view));
    let t = Timeline {
        unit: (if zh { "万人" } else { "10,000 persons" }).into(),
        series: vec![Series {
            label: (if zh { "常住人口" } else { "Residents" }).into(),
            values: pick(view, |y| y.population / 1e4),
            mark: 0,
        }],
        band: fan(view, Indicator::Population).map(|f| (f, 1e-4)),
        refs: vec![],
        goals: target
            .map(|v| Goal {
                year: 2030.0,
                value: v,
                label: if zh {
                    format!("2030年目标{}万", fixed(v, 0, lang))
                } else {
                    format!("2030 target {}", fixed(v * 1e4, 0, lang))
                },
            })
            .into_iter()
            .collect(),
        observed: vec![],
        zero: false,
        years: years(view),
        origin: true,
    };
    let ys = &view.run.years;
    let (p2030, plast, last) = (at(view, 2030, |y| y.population), ys[ys.len() - 1].population, ys[ys.len() - 1].year);
    let verdict = |reach: bool| match (lang, reach) {
        (Lang::Zh, true) => "，达到2030年500万人的目标",
        (Lang::Zh, false) => "，未达到2030年500万人的目标",
        (Lang::En, true) => ", reaching the plan's 2030 target of 5,000,000",
        (Lang::En, false) => ", short of the plan's 2030 target of 5,000,000",
    };
    let reach = target.map(|v| verdict(p2030 / 1e4 >= v)).unwrap_or("");
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}常住人口2030年约{}万人，{last}年约{}万人{reach}。",
            view.region.name().zh,
            fixed(p2030 / 1e4, 1, lang),
            fixed(plast / 1e4, 1, lang)
        ),
        Lang::En => format!(
            "Under this scenario {} has about {} residents in 2030 and {} in {last}{reach}.",
            view.region.name().en,
            fixed(p2030, 0, lang),
            fixed(plast, 0, lang)
        ),
    };
    let title = titled(
        view.run,
        &format!("{}常住人口预测", view.region.name().zh),
        format!("Projected population of {}", view.region.name().en),
        lang,
    );
    let sources = if target.is_some() { vec![crate::data::at(2, 3, crate::data::Item::Box(1)).cite(lang)] } else { vec![] };
    finish(POPULATION_ID, &t, width, view, spec, title, summary, sources, vec![], 2)
}

/// The shares aged 60+ and 65+, with the plan's reference points: 20% (a
/// moderately aged society, the plan's forecast for 2030) and Sichuan's 2020
/// share aged 60+ (the 2030 target is not to exceed the provincial average).
fn ageing(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let sichuan = crate::data::external::census_fact("Sichuan", 2020, "share_60plus")?;
    let t = Timeline {
        unit: "%".into(),
        series: vec![
            Series { label: (if zh { "60岁及以上" } else { "aged 60+" }).into(), values: pick(view, |y| y.share_60_plus), mark: 0 },
            Series { label: (if zh { "65岁及以上" } else { "aged 65+" }).into(), values: pick(view, |y| y.share_65_plus), mark: 1 },
        ],
        band: fan(view, Indicator::Share60Plus).map(|f| (f, 1.0)),
        refs: vec![
            RefLine { value: sichuan.value, label: (if zh { "四川省2020年60岁及以上" } else { "Sichuan 2020, aged 60+" }).into() },
            RefLine { value: 20.0, label: (if zh { "20% 中度老龄化" } else { "20% moderately aged" }).into() },
        ],
        goals: vec![],
        observed: vec![],
        zero: true,
        years: years(view),
        origin: true,
    };
    let s2030 = at(view, 2030, |y| y.share_60_plus);
    let crossed = view.run.years.iter().find(|r| r.share_60_plus > 20.0).map(|r| r.year);
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}60岁及以上人口占比2030年约{}%（规划预计超过20%）{}。",
            view.region.name().zh,
            fixed(s2030, 1, lang),
            crossed.map_or("，到预测末年仍未超过20%".to_string(), |y| format!("，{y}年超过20%"))
        ),
        Lang::En => format!(
            "Under this scenario {}% of {}'s residents are aged 60+ in 2030 (the plan expects more than 20%){}.",
            fixed(s2030, 1, lang),
            view.region.name().en,
            crossed.map_or(", and the share stays below 20% to the horizon".to_string(), |y| format!("; 20% is passed in {y}"))
        ),
    };
    let title =
        titled(view.run, &format!("{}老龄化预测", view.region.name().zh), format!("Projected ageing of {}", view.region.name().en), lang);
    let sources = vec![crate::data::sec(1, 2).cite(lang), sichuan.source.cite(lang)];
    finish(AGEING_ID, &t, width, view, spec, title, summary, sources, vec![], 2)
}

/// Working-age shares (15-59, the plan's measure, and 15-64, the
/// international one) against Sichuan's 2020 level, which the plan expects
/// Liangshan's 15-59 share to pass around 2028.
fn working_age(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let sichuan = crate::data::external::census_fact("Sichuan", 2020, "share_15_59")?;
    let forecast = Some(crate::data::facts::ForecastId::WorkingAgeShareExceedsSichuan.forecast());
    let t = Timeline {
        unit: "%".into(),
        series: vec![
            Series { label: (if zh { "15—59岁" } else { "aged 15-59" }).into(), values: pick(view, |y| y.share_15_59), mark: 0 },
            Series { label: (if zh { "15—64岁" } else { "aged 15-64" }).into(), values: pick(view, |y| y.share_15_64), mark: 1 },
        ],
        band: fan(view, Indicator::Share15To59).map(|f| (f, 1.0)),
        refs: vec![RefLine {
            value: sichuan.value, label: (if zh { "四川省2020年15—59岁" } else { "Sichuan 2020, aged 15-59" }).into()
        }],
        goals: forecast
            .filter(|_| is_prefecture(view))
            .map(|f| Goal {
                year: f64::from(f.year),
                value: sichuan.value,
                label: (if zh { "规划预计约2028年超过" } else { "plan: passed around 2028" }).into(),
            })
            .into_iter()
            .collect(),
        observed: vec![],
        zero: false,
        years: years(view),
        origin: true,
    };
    let crossed = view.run.years.iter().find(|r| r.share_15_59 > sichuan.value).map(|r| r.year);
    let first = view.run.years[0].year;
    let s2030 = at(view, 2030, |y| y.share_15_59);
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}15—59岁人口占比2030年约{}%，{}。",
            view.region.name().zh,
            fixed(s2030, 1, lang),
            match crossed {
                None => format!("预测期内未超过四川省2020年的{}%", sichuan.value),
                Some(y) if y == first => format!("{first}年已高于四川省2020年的{}%", sichuan.value),
                Some(y) => format!("{y}年超过四川省2020年的{}%", sichuan.value),
            }
        ),
        Lang::En => format!(
            "Under this scenario {}% of {}'s residents are aged 15-59 in 2030; {}.",
            fixed(s2030, 1, lang),
            view.region.name().en,
            match crossed {
                None => format!("the share stays below Sichuan's 2020 level of {}%", sichuan.value),
                Some(y) if y == first => format!("it is above Sichuan's 2020 level of {}% from {first}", sichuan.value),
                Some(y) => format!("it passes Sichuan's 2020 level of {}% in {y}", sichuan.value),
            }
        ),
    };
    let title = titled(
        view.run,
        &format!("{}劳动年龄人口占比预测", view.region.name().zh),
        format!("Projected working-age shares of {}", view.region.name().en),
        lang,
    );
    let sources = vec![crate::data::sec(1, 2).cite(lang), sichuan.source.cite(lang)];
    finish(WORKING_AGE_ID, &t, width, view, spec, title, summary, sources, vec![], 2)
}

/// Dependency ratios: children (0-14) and the old (65+) per 100 aged 15-64.
fn dependency(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let t = Timeline {
        unit: (if zh { "每100名15—64岁人口" } else { "per 100 aged 15-64" }).into(),
        series: vec![
            Series { label: (if zh { "总抚养比" } else { "total" }).into(), values: pick(view, |y| y.total_dependency), mark: 0 },
            Series {
                label: (if zh { "少儿抚养比" } else { "children (0-14)" }).into(),
                values: pick(view, |y| y.youth_dependency),
                mark: 1,
            },
            Series {
                label: (if zh { "老年抚养比" } else { "old age (65+)" }).into(),
                values: pick(view, |y| y.old_age_dependency),
                mark: 2,
            },
        ],
        band: fan(view, Indicator::TotalDependency).map(|f| (f, 1.0)),
        refs: vec![],
        goals: vec![],
        observed: vec![],
        zero: true,
        years: years(view),
        origin: true,
    };
    let (y0, y30) = (&view.run.years[0], at(view, 2030, |y| y.total_dependency));
    let last = &view.run.years[view.run.years.len() - 1];
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}总抚养比由2020年的{}降至2030年的{}，{}年为{}；其中老年抚养比由{}升至{}。",
            view.region.name().zh,
            fixed(y0.total_dependency, 1, lang),
            fixed(y30, 1, lang),
            last.year,
            fixed(last.total_dependency, 1, lang),
            fixed(y0.old_age_dependency, 1, lang),
            fixed(last.old_age_dependency, 1, lang)
        )
        .replace("降至", if y30 > y0.total_dependency { "升至" } else { "降至" }),
        Lang::En => format!(
            "Under this scenario {} has {} dependants per 100 of working age in 2020, {} in 2030 and {} in {}; the old-age ratio goes from {} to {}.",
            view.region.name().en,
            fixed(y0.total_dependency, 1, lang),
            fixed(y30, 1, lang),
            fixed(last.total_dependency, 1, lang),
            last.year,
            fixed(y0.old_age_dependency, 1, lang),
            fixed(last.old_age_dependency, 1, lang)
        ),
    };
    let title = titled(
        view.run,
        &format!("{}抚养比预测", view.region.name().zh),
        format!("Projected dependency ratios of {}", view.region.name().en),
        lang,
    );
    let notes = vec![(if zh {
        "抚养比以15—64岁为劳动年龄（国际通行口径）。"
    } else {
        "Dependency ratios count ages 15-64 as working age (the international convention)."
    })
    .to_string()];
    finish(DEPENDENCY_ID, &t, width, view, spec, title, summary, vec![], notes, 1)
}

/// Births, deaths and net migrants of each year.
fn births_deaths(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    // 万人 for the prefecture; persons for a county, whose flows are small.
    let big = view.run.years.iter().filter_map(|y| y.births).fold(0.0, f64::max) >= 50_000.0;
    let scale = if big { 1e-4 } else { 1.0 };
    let flow = |f: fn(&crate::projection::scenario::Year) -> Option<f64>| pick(view, move |y| f(y).map_or(f64::NAN, |v| v * scale));
    let unit = match (zh, big) {
        (true, true) => "万人/年",
        (true, false) => "人/年",
        (false, true) => "10,000 persons a year",
        (false, false) => "persons a year",
    };
    let t = Timeline {
        unit: unit.into(),
        series: vec![
            Series { label: (if zh { "出生" } else { "births" }).into(), values: flow(|y| y.births), mark: 0 },
            Series { label: (if zh { "死亡" } else { "deaths" }).into(), values: flow(|y| y.deaths), mark: 1 },
            Series { label: (if zh { "净迁移" } else { "net migrants" }).into(), values: flow(|y| y.net_migrants), mark: 2 },
        ],
        band: fan(view, Indicator::Births).map(|f| (f, scale)),
        refs: vec![],
        goals: vec![],
        observed: vec![],
        zero: true,
        years: years(view),
        origin: true,
    };
    let ys = &view.run.years;
    let cross = ys.iter().find(|y| y.births.zip(y.deaths).is_some_and(|(b, d)| d >= b)).map(|y| y.year);
    let b = |k: usize| ys[k].births.unwrap_or(f64::NAN);
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}每年出生人数由{}万降至{}年的{}万；{}。",
            view.region.name().zh,
            fixed(b(0) / 1e4, 1, lang),
            ys[ys.len() - 2].year,
            fixed(b(ys.len() - 2) / 1e4, 1, lang),
            cross.map_or("预测期内出生始终多于死亡".to_string(), |y| format!("{y}年起死亡多于出生"))
        )
        .replace("降至", if b(ys.len() - 2) > b(0) { "升至" } else { "降至" }),
        Lang::En => format!(
            "Under this scenario {} has {} births in {} and {} in {}; {}.",
            view.region.name().en,
            fixed(b(0), 0, lang),
            ys[0].year,
            fixed(b(ys.len() - 2), 0, lang),
            ys[ys.len() - 2].year,
            cross.map_or("births outnumber deaths throughout".to_string(), |y| format!("deaths outnumber births from {y}"))
        ),
    };
    let title = titled(
        view.run,
        &format!("{}出生、死亡与净迁移预测", view.region.name().zh),
        format!("Projected births, deaths and migration of {}", view.region.name().en),
        lang,
    );
    let notes = vec![(if zh {
        "每年的数为该年年中至下一年年中；负的净迁移表示迁出多于迁入。"
    } else {
        "Each year's flows run to the next year; negative net migration means more leave than arrive."
    })
    .to_string()];
    finish(BIRTHS_DEATHS_ID, &t, width, view, spec, title, summary, vec![], notes, if big { 2 } else { 0 })
}

/// Urbanisation: the 2010-2020 trend continued, against the plan's 46% and
/// 50%. The same in every scenario, and the prefecture's alone.
fn urbanisation(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let u = view.urbanisation.ok_or_else(|| crate::error::missing_data("urbanisation path"))?;
    let goal = |id: crate::data::targets::TargetId| match id.target().goal {
        crate::data::targets::Goal::Reach(n) | crate::data::targets::Goal::AtLeast(n) => Some(n.value),
        _ => None,
    };
    let goals = [(crate::data::targets::TargetId::Urbanisation2025, 2025.0), (crate::data::targets::TargetId::Urbanisation2030, 2030.0)]
        .iter()
        .filter_map(|(id, year)| {
            goal(*id).map(|v| Goal {
                year: *year,
                value: v,
                label: if zh { format!("{}年目标{}%", *year as u16, v) } else { format!("{} target {}%", *year as u16, v) },
            })
        })
        .collect();
    let ys = years(view);
    let t = Timeline {
        unit: "%".into(),
        series: vec![Series {
            label: (if zh { "2010—2020年趋势" } else { "2010-2020 trend" }).into(),
            values: ys.iter().map(|y| u.at(*y).unwrap_or(f64::NAN)).collect(),
            mark: 0,
        }],
        band: None,
        refs: vec![],
        goals,
        observed: vec![(2010.0, u.rate_2010), (2020.0, u.rate_2020)],
        zero: true,
        years: ys,
        origin: false,
    };
    let (v25, v30) = (u.at(2025).unwrap_or(f64::NAN), u.at(2030).unwrap_or(f64::NAN));
    let summary = match lang {
        Lang::Zh => format!("若延续2010—2020年的趋势，凉山州常住人口城镇化率2025年约{}%、2030年约{}%，低于规划目标46%和50%。", fixed(v25, 1, lang), fixed(v30, 1, lang)),
        Lang::En => format!("If the 2010-2020 trend continues, {}% of Liangshan's residents live in towns in 2025 and {}% in 2030, below the plan's 46% and 50%.", fixed(v25, 1, lang), fixed(v30, 1, lang)),
    }
    .replace("，低于规划目标46%和50%", if v25 >= 46.0 || v30 >= 50.0 { "" } else { "，低于规划目标46%和50%" })
    .replace(", below the plan's 46% and 50%", if v25 >= 46.0 || v30 >= 50.0 { "" } else { ", below the plan's 46% and 50%" });
    let title = if zh {
        "凉山州常住人口城镇化率：趋势与目标".to_string()
    } else {
        "Urbanisation of Liangshan: trend and targets".to_string()
    };
    let mut notes = vec![
        (if zh { "逻辑斯蒂趋势线穿过2010年和2020年普查值，不随情景变化；这是趋势外推，不是预测。" } else { "A logistic trend through the 2010 and 2020 census values, the same in every scenario: a continuation of the trend, not a forecast." }).to_string(),
        (if zh { "2010年城镇化率由规划正文推算。" } else { "The 2010 rate is derived from the plan's text." }).to_string(),
    ];
    if !is_prefecture(view) {
        notes.push(
            (if zh {
                "县级城镇化率未公布，此图为全州。"
            } else {
                "County urbanisation rates are not published; this chart is the prefecture's."
            })
            .to_string(),
        );
    }
    let (height, raw) = t.draw(width, view.run, spec)?;
    let sources = vec![crate::data::at(2, 3, crate::data::Item::Box(1)).cite(lang), crate::data::sec(1, 2).cite(lang)];
    assemble(spec, width, height, &raw, Parts { id: URBANISATION_ID, title, summary, sources, notes, table: t.table(2, lang) })
}
