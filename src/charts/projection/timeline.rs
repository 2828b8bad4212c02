//! The shared declaration of a chart of indicators over the projection's
//! years: series (a line each, marked by shape every five years), the fan
//! of the first, reference lines, the plan's targets as rings, observed
//! points before the projection; scales derived from all of them; and its
//! data table.

use plotters::style::RGBColor;

use super::{origin_note, Header, View, PROJECTION_SOURCE};
use crate::charts::canvas::{Align, Baseline, Key, Legend, Style};
use crate::charts::grammar::{line, text, y_axis, Font, Label, Linear, Mark, Plot, Scale, Symbol};
use crate::charts::{finish, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::projection::services::Service;
use crate::projection::stochastic::Fan;

/// One line: its values year by year (NaN where it has none) and the
/// shape marking it every five years, so that colour is never the only
/// thing telling lines apart.
pub struct Series {
    pub label: String,
    pub values: Vec<f64>,
    pub symbol: Symbol,
}

/// A dashed horizontal reference line with its label.
pub struct RefLine {
    pub value: f64,
    pub label: String,
}

/// A target: a ring at (year, value) with its label.
pub struct Goal {
    pub year: f64,
    pub value: f64,
    pub label: String,
}

/// A fan of an indicator or a service population, drawn under the first
/// series: its years and bounds, times `scale` (the series' unit).
#[derive(Clone, Copy)]
pub struct Band<'a> {
    pub years: &'a [u16],
    pub lo95: &'a [f64],
    pub lo80: &'a [f64],
    pub hi80: &'a [f64],
    pub hi95: &'a [f64],
    pub scale: f64,
}

impl<'a> Band<'a> {
    pub fn of<Q>(fan: &'a Fan<Q>, scale: f64) -> Band<'a> {
        Band { years: &fan.years, lo95: &fan.lo95, lo80: &fan.lo80, hi80: &fan.hi80, hi95: &fan.hi95, scale }
    }
}

/// A chart of indicators over the projection's years.
pub struct Timeline<'a> {
    pub unit: String,
    pub series: Vec<Series>,
    /// A fan of the first series, scaled like it.
    pub band: Option<Band<'a>>,
    pub refs: Vec<RefLine>,
    pub goals: Vec<Goal>,
    /// Observed points before the projection (year, value), in ink.
    pub observed: Vec<(f64, f64)>,
    /// Whether the axis starts at zero (shares, ratios); otherwise it fits the data.
    pub zero: bool,
    pub years: Vec<u16>,
    /// Whether it draws on the projected population (and says where its base comes from).
    pub origin: bool,
}

impl Series {
    /// A chart's `i`th series: its name in `lang`, its values, the `i`th symbol.
    pub fn nth(i: usize, name: Text, values: Vec<f64>, lang: Lang) -> Series {
        Series { label: name.get(lang).into(), values, symbol: SYMBOLS[i] }
    }
}

impl<'a> Timeline<'a> {
    /// `series` over `years` in `unit`, from zero, drawn on the projected
    /// population, with no fan, reference lines, goals or observations.
    pub fn new(unit: impl Into<String>, series: Vec<Series>, years: Vec<u16>) -> Timeline<'a> {
        Timeline { unit: unit.into(), series, band: None, refs: vec![], goals: vec![], observed: vec![], zero: true, years, origin: true }
    }

    /// Service populations of the view's run, a series each, times `scale`
    /// in `unit`, the first with its fan when the run has one.
    pub fn of_services(view: &View<'a>, of: &[(Service, Text)], (unit, scale): (Text, f64), lang: Lang) -> Timeline<'a> {
        let series = of
            .iter()
            .enumerate()
            .map(|(i, (s, name))| Series::nth(i, *name, view.service(*s).into_iter().map(|x| x * scale).collect(), lang))
            .collect();
        Timeline {
            band: of.first().and_then(|(s, _)| view.service_fan(*s)).map(|f| Band::of(f, scale)),
            ..Timeline::new(unit.get(lang), series, view.years())
        }
    }
}

/// Persons in 万 (10,000), as the plan counts them.
pub const WAN: (Text, f64) = (Text::new("万人", "10,000 persons"), 1e-4);

/// The series' symbols, in order.
pub const SYMBOLS: [Symbol; 3] = [Symbol::Dot, Symbol::Triangle, Symbol::Square];

fn colour(style: &Style, i: usize) -> RGBColor {
    [style.series[0], style.series[2], style.series[3]][i % 3]
}

fn key(s: Symbol, c: RGBColor) -> Key {
    match s {
        Symbol::Dot => Key::Dot(c),
        Symbol::Triangle => Key::Triangle(c),
        Symbol::Square => Key::Square(c),
        Symbol::Ring => Key::Ring(c),
    }
}

const MARGIN: f64 = 8.0;

impl Timeline<'_> {
    /// Every value the y scale must hold.
    fn values(&self) -> Vec<f64> {
        let mut v: Vec<f64> = self.series.iter().flat_map(|s| s.values.iter().copied()).collect();
        if let Some(b) = self.band {
            v.extend(b.lo95.iter().chain(b.hi95).map(|x| x * b.scale));
        }
        v.extend(self.refs.iter().map(|r| r.value));
        v.extend(self.goals.iter().map(|g| g.value));
        v.extend(self.observed.iter().map(|o| o.1));
        v
    }

    /// The y domain from the data: from zero (or below it) to a round end,
    /// or the data's own range with a margin.
    fn y_domain(&self) -> Result<(f64, f64), Error> {
        let values = self.values();
        let (lo, hi) = values.iter().filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(*v), h.max(*v)));
        if !lo.is_finite() {
            return Err(crate::error::missing_data("values to chart"));
        }
        Ok(if self.zero {
            let top = crate::charts::grammar::nice_max(hi.max(0.0) * 1.05);
            (if lo < 0.0 { -crate::charts::grammar::nice_max(-lo * 1.05) } else { 0.0 }, top)
        } else {
            let pad = (hi - lo).max(hi.abs() * 0.02).max(1e-9) * 0.12;
            (lo - pad, hi + pad)
        })
    }

    fn header<'l>(&'l self, view: &View, style: &Style, lang: Lang, width: u32) -> Header<'l> {
        let mut entries: Vec<(Key, &str)> =
            self.series.iter().enumerate().map(|(i, s)| (key(s.symbol, colour(style, i)), s.label.as_str())).collect();
        if self.band.is_some() {
            entries.push((Key::Swatch(style.grid), Text::new("80%区间", "80% interval").get(lang)));
            entries.push((Key::Swatch(style.bands[0]), Text::new("95%区间", "95% interval").get(lang)));
        }
        if !self.observed.is_empty() {
            entries.push((Key::Ring(style.ink), Text::new("普查", "census").get(lang)));
        }
        Header::new(Legend { entries }, if self.origin { origin_note(view.run).get(lang) } else { "" }, width, style)
    }

    /// The fan of the first series: the 95% band under the 80% band.
    fn fan_marks(&self, x: Scale, y: Scale, style: &Style) -> Vec<Mark<'static>> {
        let Some(b) = self.band else { return Vec::new() };
        [(b.lo95, b.hi95, style.bands[0]), (b.lo80, b.hi80, style.grid)]
            .into_iter()
            .map(|(los, his, fill)| {
                let pts = |vals: &[f64]| -> Vec<(f64, f64)> {
                    b.years.iter().zip(vals).filter(|(_, v)| v.is_finite()).map(|(yr, v)| (f64::from(*yr), v * b.scale)).collect()
                };
                let mut points = pts(his);
                points.extend(pts(los).into_iter().rev());
                Mark::Area { x, y, points, fill }
            })
            .collect()
    }

    fn series_marks(&self, x: Scale, y: Scale, style: &Style) -> Vec<Mark<'static>> {
        let font = style.font_px;
        let mut out = Vec::new();
        for (i, s) in self.series.iter().enumerate() {
            let points: Vec<(f64, f64)> =
                self.years.iter().zip(&s.values).filter(|(_, v)| v.is_finite()).map(|(yr, v)| (f64::from(*yr), *v)).collect();
            let every5: Vec<(f64, f64)> = points.iter().copied().filter(|(yr, _)| (*yr as u16) % 5 == 0).collect();
            let r = if s.symbol == Symbol::Square { font * 0.26 } else { font * 0.3 };
            out.push(Mark::Line { x, y, points, colour: colour(style, i), width: 3 });
            out.push(Mark::Dots { x, y, points: every5, symbol: s.symbol, r, colour: colour(style, i) });
        }
        out
    }

    /// The plan's targets: a ring and its label, beside the ring where it
    /// fits, else above it, kept inside the frame.
    fn goal_marks(&self, x: &Linear, y: &Linear, style: &Style, width: u32) -> Vec<Mark<'static>> {
        let font = style.font_px;
        let accent = Font { px: style.px(0.9), colour: style.series[1], bold: true };
        let mut out = Vec::new();
        for g in &self.goals {
            let (gx, gy) = (x.map(g.year), y.map(g.value));
            out.push(Mark::Dots {
                x: Scale::Px,
                y: Scale::Px,
                points: vec![(gx, gy)],
                symbol: Symbol::Ring,
                r: font * 0.45,
                colour: style.series[1],
            });
            let w = text_width(&g.label, style.px(0.9));
            let (ax, ay) = if gx + font * 0.7 + w <= f64::from(width) - MARGIN {
                (gx + font * 0.7, gy - font * 0.3)
            } else if gx - font * 0.7 - w >= MARGIN {
                (gx - font * 0.7 - w, gy - font * 0.3)
            } else {
                ((gx - w / 2.0).clamp(MARGIN, (f64::from(width) - MARGIN - w).max(MARGIN)), gy - font * 0.8)
            };
            out.push(text(g.label.clone(), (ax, ay), accent, Align::Start, Baseline::Bottom));
        }
        out
    }

    fn ref_marks(&self, x0: f64, x1: f64, y: &Linear, style: &Style) -> Vec<Mark<'static>> {
        let mut out = Vec::new();
        for (i, r) in self.refs.iter().enumerate() {
            let at = y.map(r.value);
            out.push(Mark::Dashed { x: Scale::Px, y: Scale::Px, from: (x0, at), to: (x1, at), colour: style.muted, width: 1, dash: 4.0 });
            let (baseline, ly) = if i % 2 == 0 { (Baseline::Bottom, at - 3.0) } else { (Baseline::Top, at + 3.0) };
            out.push(text(r.label.clone(), (x0 + 4.0, ly), style.small(), Align::Start, baseline));
        }
        out
    }

    /// The drawing, its scales derived from the data.
    pub fn plot<'l>(&'l self, width: u32, view: &View, spec: &Spec) -> Result<Plot<'l>, Error> {
        let lang = spec.lang;
        let style = spec.style();
        let font = style.font_px;
        let header = self.header(view, &style, lang, width);
        let top = header.bottom(font) + font * 1.8;
        let plot_h = (f64::from(width) * 0.5).clamp(font * 14.0, font * 24.0);
        let bottom = top + plot_h;
        let height = (bottom + font * 2.0 + MARGIN) as u32;
        let y = Linear::new(self.y_domain()?, (bottom, top));
        let ticks = y.ticks(font * 3.0);
        let decimals = Linear::decimals(Linear::tick_step(&ticks));
        let axis_w = ticks.iter().map(|t| text_width(&fixed(*t, decimals, lang), font * 0.9)).fold(0.0, f64::max) + 12.0;
        let (x0, x1) = (MARGIN + axis_w, f64::from(width) - MARGIN - font);
        let first = self.observed.iter().map(|o| o.0).fold(f64::from(self.years[0]), f64::min);
        let last = f64::from(self.years[self.years.len() - 1]);
        let x = Linear::new((first, last), (x0, x1));
        let (xs, ys) = (Scale::Linear(x), Scale::Linear(y));
        let mut plot = Plot::new(width, height);
        plot.extend(header.marks(width, &style));
        plot.add(text(self.unit.clone(), (MARGIN, top - font * 1.2), style.small(), Align::Start, Baseline::Bottom));
        plot.extend(y_axis(&y, &ticks, (x0, x1), |t| fixed(t, decimals, lang), &style, style.muted));
        plot.extend(self.fan_marks(xs, ys, &style));
        plot.extend(self.ref_marks(x0, x1, &y, &style));
        plot.extend(self.series_marks(xs, ys, &style));
        plot.add(Mark::Dots { x: xs, y: ys, points: self.observed.clone(), symbol: Symbol::Ring, r: font * 0.35, colour: style.ink });
        plot.extend(self.goal_marks(&x, &y, &style, width));
        let decades: Vec<Label> = ((first as u16).div_ceil(10) * 10..=last as u16)
            .step_by(10)
            .map(|yr| Label::new(yr.to_string(), (f64::from(yr), bottom + 4.0), style.small(), Align::Middle, Baseline::Top))
            .collect();
        plot.add(Mark::Text { x: xs, y: Scale::Px, labels: decades });
        plot.add(line(vec![(x0, bottom), (x1, bottom)], style.ink, 1));
        Ok(plot)
    }

    /// The data table: a row a year, a column a series, then the fan's bounds.
    pub fn table(&self, decimals: usize, lang: Lang) -> DataTable {
        let mut cols: Vec<String> = vec![Text::new("年份", "Year").get(lang).to_string()];
        cols.extend(self.series.iter().map(|s| format!("{} ({})", s.label, self.unit)));
        if self.band.is_some() {
            let names = [
                Text::new("95%下限", "95% low"),
                Text::new("80%下限", "80% low"),
                Text::new("80%上限", "80% high"),
                Text::new("95%上限", "95% high"),
            ];
            cols.extend(names.iter().map(|n| n.get(lang).to_string()));
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
            if let Some(b) = self.band {
                row.extend([b.lo95, b.lo80, b.hi80, b.hi95].iter().map(|v| show(v[k] * b.scale)));
            }
            rows.push(row);
        }
        DataTable { columns: cols, rows }
    }
}

/// What a timeline chart says beside its drawing.
pub struct About {
    pub title: String,
    pub summary: String,
    pub sources: Vec<String>,
    pub notes: Vec<String>,
    /// Decimals of the data table.
    pub decimals: usize,
}

/// A timeline chart of the projection, with what every one says: that it is
/// this project's projection, where its base comes from, and where its
/// intervals come from.
pub fn chart(id: ChartId, t: &Timeline, width: u32, view: &View, spec: &Spec, about: About) -> Result<Chart, Error> {
    let lang = spec.lang;
    let plot = t.plot(width, view, spec)?;
    let mut sources = vec![PROJECTION_SOURCE.get(lang).to_string()];
    sources.extend(about.sources);
    let mut notes = vec![origin_note(view.run).get(lang).to_string()];
    notes.extend(about.notes);
    if let (Some(_), Some(fans)) = (&t.band, view.fans) {
        let (n, bases) = (fans.trajectories as f64, fans.bases as f64);
        let (zh, en) = (fixed(n, 0, Lang::Zh), fixed(n, 0, Lang::En));
        notes.push(if fans.bases == 0 {
            super::say(
                lang,
                format!("区间来自{zh}条随机轨迹（生育率、预期寿命和迁移按自回归过程波动），都从同一基期人口出发。"),
                format!("Intervals from {en} random trajectories (fertility, life expectancy and migration wandering as autoregressive processes), all from the same base population."),
            )
        } else {
            let (bz, be) = (fixed(bases, 0, Lang::Zh), fixed(bases, 0, Lang::En));
            super::say(
                lang,
                format!("区间来自{zh}条随机轨迹：生育率、预期寿命和迁移按自回归过程波动，每条轨迹从{bz}个备选基期人口之一出发（都符合每个公布数，只在没有公布的年龄细节上不同）。"),
                format!("Intervals from {en} random trajectories: fertility, life expectancy and migration wander as autoregressive processes, and each trajectory starts from one of {be} alternative base populations (each meets every published figure; they differ in the age detail nothing publishes)."),
            )
        });
    }
    finish(id, spec, &plot, Texts { title: about.title, summary: about.summary, sources, notes, table: t.table(about.decimals, lang) })
}
