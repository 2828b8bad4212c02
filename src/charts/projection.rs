//! Charts of a projection (the explorer's): the population pyramid of a
//! year against 2020, and total population with its uncertainty and the
//! plan's target. Projections start from an estimated base population, and
//! every chart says so on the chart itself.

use super::canvas::{draw_svg, Align, Baseline, Canvas, Legend, Mark, Scale};
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang, Text};
use crate::projection::base::AGES;
use crate::projection::scenario::Run;
use crate::projection::stochastic::Fan;

pub const PYRAMID_ID: &str = "pyramid";
pub const POPULATION_ID: &str = "projected-population";
pub const AGEING_ID: &str = "projected-ageing";
pub const IDS: [&str; 3] = [PYRAMID_ID, POPULATION_ID, AGEING_ID];

/// What the projection charts show.
pub struct View<'a> {
    pub run: &'a Run,
    /// The fan of total population, when a probabilistic run is at hand.
    pub fan: Option<&'a Fan>,
    /// The fan of the share aged 60+, likewise.
    pub fan_60: Option<&'a Fan>,
    /// The year of the pyramid.
    pub year: u16,
    /// The region, for titles.
    pub place: Text,
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
    fn new(legend: Legend<'l>, run: &Run, width: u32, style: &super::Style, lang: Lang) -> Header<'l> {
        let margin = 8.0;
        let legend_h = legend.height(margin, f64::from(width) - margin, style.font_px);
        let note = super::wrap(origin_note(run, lang), (f64::from(width) - 2.0 * margin) / style.px(0.9));
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
pub fn render(id: &str, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let width = super::check_width(spec.width)?;
    match id {
        PYRAMID_ID => pyramid(width, view, spec),
        POPULATION_ID => population(width, view, spec),
        AGEING_ID => ageing(width, view, spec),
        _ => Err(ErrorKind::InvalidArgument {
            name: "chart",
            value: id.chars().take(40).collect(),
            expected: "pyramid, projected-population, projected-ageing",
        }
        .into()),
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
    let header = Header::new(legend, view.run, width, &style, lang);
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
        for a in 0..AGES {
            let y = y_of(a);
            c.rect(xl.map(m[a]), y, xl.map(0.0), y + row, style.series[0])?;
            c.rect(xr.map(0.0), y, xr.map(f[a]), y + row, style.series[1])?;
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
        c.note(
            if zh { "人（每岁）" } else { "persons per single year of age" },
            centre,
            bottom + font * 1.6,
            Align::Middle,
            Baseline::Top,
        )?;
        c.note(&format!("{}", view.year), f64::from(width) - margin, top, Align::End, Baseline::Top)
    })?;

    let y = &view.run.years[k];
    let y0 = &view.run.years[0];
    let summary = match lang {
        Lang::Zh => format!(
            "{}年{}：0—14岁占{}%，60岁及以上占{}%（2020年分别为{}%和{}%），年龄中位数{}岁。",
            view.year,
            view.place.zh,
            fixed(y.share_0_14, 1, lang),
            fixed(y.share_60_plus, 1, lang),
            fixed(y0.share_0_14, 1, lang),
            fixed(y0.share_60_plus, 1, lang),
            fixed(y.median_age, 1, lang)
        ),
        Lang::En => format!(
            "{} in {}: {}% aged 0-14 and {}% aged 60+ (2020: {}% and {}%); median age {}.",
            view.place.en,
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
    let title = if zh {
        format!("{}人口金字塔，{}年（估计）", view.place.zh, view.year)
    } else {
        format!("Population pyramid of {}, {} (estimate)", view.place.en, view.year)
    };
    let title = if view.run.estimate { title } else { title.replace("（估计）", "").replace(" (estimate)", "") };
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

fn projection_source(lang: Lang) -> String {
    match lang {
        Lang::Zh => "本项目的队列要素预测（基于规划及七普公布数据）".to_string(),
        Lang::En => "this project's cohort-component projection (from the plan's and the 2020 census's published figures)".to_string(),
    }
}

fn population(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let years = &view.run.years;
    let margin = 8.0;
    let wan = |p: f64| p / 1e4;
    let target = crate::data::targets::target("resident_pop_2030").and_then(|t| match t.goal {
        crate::data::targets::Goal::Reach(n) => Some(n.value),
        _ => None,
    });
    let is_prefecture = view.place.en == "Liangshan";
    let mut lo = years.iter().map(|y| wan(y.population)).fold(f64::INFINITY, f64::min);
    let mut hi = years.iter().map(|y| wan(y.population)).fold(f64::NEG_INFINITY, f64::max);
    if let Some(fan) = view.fan {
        lo = fan.lo95.iter().map(|v| wan(*v)).fold(lo, f64::min);
        hi = fan.hi95.iter().map(|v| wan(*v)).fold(hi, f64::max);
    }
    if let (true, Some(t)) = (is_prefecture, target) {
        lo = lo.min(t);
        hi = hi.max(t);
    }
    let pad = (hi - lo).max(1.0) * 0.1;
    let (lo, hi) = (lo - pad, hi + pad);
    let note = origin_note(view.run, lang);
    let mut entries = vec![(Mark::Swatch(style.series[0]), if zh { "预测" } else { "projection" })];
    if view.fan.is_some() {
        entries.push((Mark::Swatch(style.grid), if zh { "80%区间" } else { "80% interval" }));
        entries.push((Mark::Swatch(style.bands[0]), if zh { "95%区间" } else { "95% interval" }));
    }
    let header = Header::new(Legend { entries }, view.run, width, &style, lang);
    let top = header.bottom(margin, font) + font * 1.8;
    let plot_h = (f64::from(width) * 0.5).clamp(font * 14.0, font * 24.0);
    let bottom = top + plot_h;
    let height = (bottom + font * 2.0 + margin) as u32;
    let axis_w = text_width(&fixed(hi, 0, lang), font * 0.9) + 12.0;
    let x0 = margin + axis_w;
    let x1 = f64::from(width) - margin - font;
    let first = f64::from(years[0].year);
    let last = f64::from(years[years.len() - 1].year);
    let x = Scale::new((first, last), (x0, x1));
    let y = Scale::new((lo, hi), (bottom, top));

    let raw = draw_svg(width, height, style, |c: &Canvas| {
        header.draw(c, width, margin)?;
        c.note(if zh { "万人" } else { "10,000 persons" }, margin, top - font * 1.2, Align::Start, Baseline::Bottom)?;
        for t in y.ticks(font * 3.0) {
            c.line(&[(x0, y.map(t)), (x1, y.map(t))], style.grid, 1)?;
            c.note(&fixed(t, 0, lang), x0 - 6.0, y.map(t), Align::End, Baseline::Middle)?;
        }
        if let Some(fan) = view.fan {
            for (los, his, colour) in [(&fan.lo95, &fan.hi95, style.bands[0]), (&fan.lo80, &fan.hi80, style.grid)] {
                let mut poly: Vec<(f64, f64)> = fan.years.iter().zip(his).map(|(yr, v)| (x.map(f64::from(*yr)), y.map(wan(*v)))).collect();
                poly.extend(fan.years.iter().zip(los).rev().map(|(yr, v)| (x.map(f64::from(*yr)), y.map(wan(*v)))));
                c.polygon(&poly, colour)?;
            }
        }
        let pts: Vec<(f64, f64)> = years.iter().map(|r| (x.map(f64::from(r.year)), y.map(wan(r.population)))).collect();
        c.line(&pts, style.series[0], 3)?;
        if let (true, Some(t)) = (is_prefecture, target) {
            let (tx, ty) = (x.map(2030.0), y.map(t));
            c.circle(tx, ty, font * 0.45, style.series[1], false)?;
            let label = if zh { format!("目标{}万", fixed(t, 0, lang)) } else { format!("target {} (10,000)", fixed(t, 0, lang)) };
            c.text(&label, tx + font * 0.7, ty, style.px(0.9), style.series[1], Align::Start, Baseline::Bottom, true)?;
        }
        for yr in (years[0].year..=years[years.len() - 1].year).filter(|y| y % 10 == 0) {
            c.note(&yr.to_string(), x.map(f64::from(yr)), bottom + 4.0, Align::Middle, Baseline::Top)?;
        }
        c.line(&[(x0, bottom), (x1, bottom)], style.ink, 1)
    })?;

    let at = |yr: u16| years.iter().find(|r| r.year == yr).map(|r| r.population);
    let (p2030, plast) = (at(2030).unwrap_or(f64::NAN), years[years.len() - 1].population);
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}常住人口2030年约{}万人，{}年约{}万人{}。",
            view.place.zh,
            fixed(wan(p2030), 1, lang),
            years[years.len() - 1].year,
            fixed(wan(plast), 1, lang),
            match (is_prefecture, target) {
                (true, Some(t)) if wan(p2030) >= t => format!("，达到2030年{}万人的目标", fixed(t, 0, lang)),
                (true, Some(t)) => format!("，未达到2030年{}万人的目标", fixed(t, 0, lang)),
                _ => String::new(),
            }
        ),
        Lang::En => format!(
            "Under this scenario {} has about {} residents in 2030 and {} in {}{}.",
            view.place.en,
            fixed(p2030, 0, lang),
            fixed(plast, 0, lang),
            years[years.len() - 1].year,
            match (is_prefecture, target) {
                (true, Some(t)) if wan(p2030) >= t => format!(", reaching the plan's 2030 target of {}", fixed(t * 1e4, 0, lang)),
                (true, Some(t)) => format!(", short of the plan's 2030 target of {}", fixed(t * 1e4, 0, lang)),
                _ => String::new(),
            }
        ),
    };
    let mut cols = vec![if zh { "年份" } else { "Year" }, if zh { "常住人口" } else { "Population" }];
    if view.fan.is_some() {
        cols.extend(if zh { ["95%下限", "80%下限", "80%上限", "95%上限"] } else { ["95% low", "80% low", "80% high", "95% high"] });
    }
    let rows = years
        .iter()
        .enumerate()
        .map(|(k, r)| {
            let mut row = vec![r.year.to_string(), fixed(r.population, 0, lang)];
            if let Some(f) = view.fan {
                row.extend([f.lo95[k], f.lo80[k], f.hi80[k], f.hi95[k]].iter().map(|v| fixed(*v, 0, lang)));
            }
            row
        })
        .collect();
    let title = if zh {
        format!("{}常住人口预测（估计）", view.place.zh)
    } else {
        format!("Projected population of {} (estimate)", view.place.en)
    };
    let title = if view.run.estimate { title } else { title.replace("（估计）", "").replace(" (estimate)", "") };
    let mut sources = vec![projection_source(lang)];
    if is_prefecture {
        sources.push(crate::data::at(2, 3, crate::data::Item::Box(1)).cite(lang));
    }
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts { id: POPULATION_ID, title, summary, sources, notes: vec![note.to_string()], table: table(&cols, rows) },
    )
}

/// The shares aged 60+ and 65+, with the plan's reference points: 20% (a
/// moderately aged society, the plan's forecast for 2030) and Sichuan's 2020
/// share aged 60+ (the 2030 target is not to exceed the provincial average).
fn ageing(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let years = &view.run.years;
    let margin = 8.0;
    let sichuan = crate::data::external::census_fact("Sichuan", 2020, "share_60plus")?.value;
    let note = origin_note(view.run, lang);
    let (l60, l65) = if zh { ("60岁及以上", "65岁及以上") } else { ("aged 60+", "aged 65+") };
    let mut entries = vec![(Mark::Swatch(style.series[0]), l60), (Mark::Swatch(style.series[2]), l65)];
    if view.fan_60.is_some() {
        entries.push((Mark::Swatch(style.bands[0]), if zh { "60岁及以上95%区间" } else { "60+ 95% interval" }));
    }
    let header = Header::new(Legend { entries }, view.run, width, &style, lang);
    let top = header.bottom(margin, font) + font * 1.8;
    let plot_h = (f64::from(width) * 0.5).clamp(font * 14.0, font * 24.0);
    let bottom = top + plot_h;
    let height = (bottom + font * 2.0 + margin) as u32;
    let hi = years
        .iter()
        .map(|y| y.share_60_plus)
        .fold(sichuan, f64::max)
        .max(view.fan_60.map_or(0.0, |f| f.hi95.iter().fold(0.0, |a, b| a.max(*b))));
    let y = Scale::new((0.0, super::canvas::nice_max(hi * 1.05)), (bottom, top));
    let x0 = margin + text_width("30", font * 0.9) + 12.0;
    let x1 = f64::from(width) - margin - font;
    let x = Scale::new((f64::from(years[0].year), f64::from(years[years.len() - 1].year)), (x0, x1));

    let raw = draw_svg(width, height, style, |c: &Canvas| {
        header.draw(c, width, margin)?;
        c.note("%", margin, top - font * 1.2, Align::Start, Baseline::Bottom)?;
        for t in y.ticks(font * 3.0) {
            c.line(&[(x0, y.map(t)), (x1, y.map(t))], style.grid, 1)?;
            c.note(&fixed(t, 0, lang), x0 - 6.0, y.map(t), Align::End, Baseline::Middle)?;
        }
        if let Some(fan) = view.fan_60 {
            let mut poly: Vec<(f64, f64)> = fan.years.iter().zip(&fan.hi95).map(|(yr, v)| (x.map(f64::from(*yr)), y.map(*v))).collect();
            poly.extend(fan.years.iter().zip(&fan.lo95).rev().map(|(yr, v)| (x.map(f64::from(*yr)), y.map(*v))));
            c.polygon(&poly, style.bands[0])?;
        }
        for (v, zh_l, en_l) in
            [(20.0, "20% 中度老龄化", "20% moderately aged"), (sichuan, "四川省2020年60岁及以上", "Sichuan 2020, aged 60+")]
        {
            c.dashed((x0, y.map(v)), (x1, y.map(v)), style.muted, 1, 4.0)?;
            let label = if zh { zh_l.to_string() } else { en_l.to_string() };
            let (anchor, at) = if v == 20.0 { (Baseline::Top, y.map(v) + 3.0) } else { (Baseline::Bottom, y.map(v) - 3.0) };
            c.note(&label, x0 + 4.0, at, Align::Start, anchor)?;
        }
        for (pick, colour) in [(0usize, style.series[0]), (1, style.series[2])] {
            let pts: Vec<(f64, f64)> = years
                .iter()
                .map(|r| (x.map(f64::from(r.year)), y.map(if pick == 0 { r.share_60_plus } else { r.share_65_plus })))
                .collect();
            c.line(&pts, colour, 3)?;
        }
        for yr in (years[0].year..=years[years.len() - 1].year).filter(|y| y % 10 == 0) {
            c.note(&yr.to_string(), x.map(f64::from(yr)), bottom + 4.0, Align::Middle, Baseline::Top)?;
        }
        c.line(&[(x0, bottom), (x1, bottom)], style.ink, 1)
    })?;

    let at = |yr: u16| years.iter().find(|r| r.year == yr);
    let s2030 = at(2030).map_or(f64::NAN, |r| r.share_60_plus);
    let crossed = years.iter().find(|r| r.share_60_plus > 20.0).map(|r| r.year);
    let summary = match lang {
        Lang::Zh => format!(
            "按此情景，{}60岁及以上人口占比2030年约{}%（规划预计超过20%）{}。",
            view.place.zh,
            fixed(s2030, 1, lang),
            crossed.map_or("，到预测末年仍未超过20%".to_string(), |y| format!("，{y}年超过20%"))
        ),
        Lang::En => format!(
            "Under this scenario {}% of {}'s residents are aged 60+ in 2030 (the plan expects more than 20%){}.",
            fixed(s2030, 1, lang),
            view.place.en,
            crossed.map_or(", and the share stays below 20% to the horizon".to_string(), |y| format!("; 20% is passed in {y}"))
        ),
    };
    let cols: [&str; 3] =
        if zh { ["年份", "60岁及以上（%）", "65岁及以上（%）"] } else { ["Year", "Aged 60+ (%)", "Aged 65+ (%)"] };
    let rows = years.iter().map(|r| vec![r.year.to_string(), fixed(r.share_60_plus, 2, lang), fixed(r.share_65_plus, 2, lang)]).collect();
    let title = if zh {
        format!("{}老龄化预测（估计）", view.place.zh)
    } else {
        format!("Projected ageing of {} (estimate)", view.place.en)
    };
    let title = if view.run.estimate { title } else { title.replace("（估计）", "").replace(" (estimate)", "") };
    let sources = vec![
        projection_source(lang),
        crate::data::sec(1, 2).cite(lang),
        crate::data::external::census_fact("Sichuan", 2020, "share_60plus")?.source.cite(lang),
    ];
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts { id: AGEING_ID, title, summary, sources, notes: vec![note.to_string()], table: table(&cols, rows) },
    )
}
