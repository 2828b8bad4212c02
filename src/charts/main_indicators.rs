//! 专栏1: the plan's main indicators. The three with numbers for 2020 and
//! targets (population, life expectancy, urbanisation) as small panels, the
//! 2020 value filled and the targets hollow; every row of the box, numeric or
//! not, in the data table with its unit and kind (预期性/约束性).

use super::canvas::{Align, Baseline, Key, Legend, Style};
use super::grammar::{line, text, Label, Linear, Mark, Plot, Scale, Symbol};
use super::{finish, table, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::targets::{Goal, Kind, Target, TargetId, TARGETS};
use crate::data::{at, Item, Loc, Unit};
use crate::error::{missing_data as missing, Error};
use crate::i18n::{fixed, Lang, Text};
use crate::projection::targets::goal_value;

pub const ID: ChartId = ChartId::MainIndicators;
pub const TITLE: Text = Text::new("专栏1 主要发展指标：2020年与目标", "Box 1, the main indicators: 2020 and the targets");

const BOX1: Loc = at(2, 3, Item::Box(1));
const MARGIN: f64 = 8.0;
const YEARS: [u16; 3] = [2020, 2025, 2030];

/// One panel: an indicator's 2020 value and its targets.
struct Panel {
    name: Text,
    unit: Text,
    /// (year, value, measured rather than a target).
    points: Vec<(u16, f64, bool)>,
}

/// The indicator of `ids` (its targets for successive years): the 2020
/// value the plan prints beside the first, then each target's goal.
fn series(ids: &[TargetId]) -> Result<Vec<(u16, f64, bool)>, Error> {
    let base = ids[0].target().baseline_2020.ok_or_else(|| missing(ids[0].slug()))?;
    let mut points = vec![(2020, base.value, true)];
    for id in ids {
        let v = goal_value(*id).ok_or_else(|| missing(id.slug()))?;
        points.extend(id.target().years.iter().map(|y| (*y, v, false)));
    }
    Ok(points)
}

fn panels() -> Result<[Panel; 3], Error> {
    Ok([
        Panel {
            name: Text::new("常住人口", "Residents"),
            unit: Text::new("万人", "10,000s"),
            points: series(&[TargetId::ResidentPop2030])?,
        },
        Panel {
            name: Text::new("人均预期寿命", "Life expectancy"),
            unit: Text::new("岁", "years"),
            points: series(&[TargetId::LifeExpectancy2025, TargetId::LifeExpectancy2030])?,
        },
        Panel {
            name: Text::new("常住人口城镇化率", "Urbanisation"),
            unit: Text::new("%", "%"),
            points: series(&[TargetId::Urbanisation2025, TargetId::Urbanisation2030])?,
        },
    ])
}

/// A panel's marks in the box whose top left is `(x0, y0)`: the years'
/// rules, the dashed path from 2020 through the targets, and each point
/// (filled if measured, hollow if a target) with its value above it.
fn panel(p: &Panel, (x0, y0): (f64, f64), (w, h): (f64, f64), style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let heading = match lang {
        Lang::Zh => format!("{}（{}）", p.name.zh, p.unit.zh),
        Lang::En => format!("{} ({})", p.name.en, p.unit.en),
    };
    let mut out = vec![text(heading, (x0, y0), style.body(), Align::Start, Baseline::Top)];
    let (lo, hi) = super::grammar::extent(p.points.iter().map(|q| q.1));
    let pad = (hi - lo).max(1.0) * 0.35;
    let y = Linear::new((lo - pad, hi + pad), (y0 + h - font * 1.8, y0 + font * 2.0));
    let x = Linear::new((2020.0, 2030.0), (x0 + font * 1.5, x0 + w - font * 1.5));
    for yr in YEARS.map(f64::from) {
        out.push(line(vec![(x.map(yr), y0 + font * 1.6), (x.map(yr), y0 + h - font * 1.6)], style.grid, 1));
        out.push(text(format!("{yr}"), (x.map(yr), y0 + h - font * 1.4), style.small(), Align::Middle, Baseline::Top));
    }
    let (xs, ys) = (Scale::Linear(x), Scale::Linear(y));
    let colour = style.series[0];
    for w in p.points.windows(2) {
        let (from, to) = ((f64::from(w[0].0), w[0].1), (f64::from(w[1].0), w[1].1));
        out.push(Mark::Dashed { x: xs, y: ys, from, to, colour, width: 2, dash: 4.0 });
    }
    for &(yr, v, measured) in &p.points {
        let at = (f64::from(yr), v);
        let r = font * 0.4;
        out.push(Mark::Dots {
            x: xs,
            y: ys,
            points: vec![at],
            symbol: Symbol::Dot,
            r,
            colour: if measured { colour } else { style.paper },
        });
        out.push(Mark::Dots { x: xs, y: ys, points: vec![at], symbol: Symbol::Ring, r, colour });
        // The plan prints 2020's values to two places and its targets to one.
        let decimals = match (v.fract() != 0.0, measured) {
            (false, _) => 0,
            (true, true) => 2,
            (true, false) => 1,
        };
        let label = Label::new(fixed(v, decimals, lang), at, style.body(), Align::Middle, Baseline::Bottom).moved((0.0, -font * 0.7));
        out.push(Mark::Text { x: xs, y: ys, labels: vec![label] });
    }
    out
}

fn plot(width: u32, panels: &[Panel], spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let cols = if f64::from(width) >= font * 40.0 { 3 } else { 1 };
    let gap = font * 1.5;
    let panel_w = (f64::from(width) - 2.0 * MARGIN - gap * f64::from(cols - 1)) / f64::from(cols);
    let panel_h = font * 11.0;
    let rows = panels.len().div_ceil(cols as usize);
    let names = [Text::new("2020年实际", "2020 actual"), Text::new("规划目标（预期性）", "Target (indicative)")].map(|t| t.get(lang));
    let legend = Legend { entries: vec![(Key::Dot(style.series[0]), names[0]), (Key::Ring(style.series[0]), names[1])] };
    let legend_h = legend.height(MARGIN, f64::from(width) - MARGIN, font) + font * 0.6;
    let mut plot = Plot::new(width, (MARGIN + legend_h + rows as f64 * (panel_h + gap) + MARGIN) as u32);
    plot.add(Mark::Legend { legend, x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN });
    for (i, p) in panels.iter().enumerate() {
        let (col, row) = (i % cols as usize, i / cols as usize);
        let corner = (MARGIN + col as f64 * (panel_w + gap), MARGIN + legend_h + row as f64 * (panel_h + gap));
        plot.extend(panel(p, corner, (panel_w, panel_h), &style, lang));
    }
    plot
}

/// 专栏1's indicators in the order of the box, each with its targets (one
/// for each year it sets one for).
fn indicators() -> Vec<Vec<&'static Target>> {
    let mut out: Vec<Vec<&Target>> = Vec::new();
    for t in TARGETS.iter().filter(|t| t.at == BOX1) {
        match out.iter_mut().find(|group| group[0].name == t.name) {
            Some(group) => group.push(t),
            None => out.push(vec![t]),
        }
    }
    out
}

fn summary(panels: &[Panel], lang: Lang) -> String {
    let indicators = indicators();
    let (n, binding) = (indicators.len(), indicators.iter().filter(|g| g[0].kind == Kind::Binding).count());
    let [pop, life, urban] = [0, 1, 2].map(|i| panels[i].points.last().map_or(0.0, |q| q.1));
    match lang {
        Lang::Zh => format!("专栏1共{n}项指标，其中{}项为预期性、{binding}项为约束性；到2030年，常住人口{pop}万人，人均预期寿命{life}岁，城镇化率{urban}%。", n - binding),
        Lang::En => format!(
            "Box 1 has {n} indicators, {} indicative and {binding} binding; by 2030 it aims for {} million residents, a life expectancy of {life} years and an urbanisation rate of {urban}%.",
            n - binding,
            pop / 100.0
        ),
    }
}

fn unit_text(u: Unit, lang: Lang) -> String {
    match u {
        Unit::ChildrenPerWoman => Text::new("%（原文）", "% (as printed)").get(lang).into(),
        Unit::SexRatio | Unit::Years if lang == Lang::Zh => "".into(),
        u => u.label(lang).to_string(),
    }
}

/// A goal as the box's table says it.
fn goal_text(goal: Goal, lang: Lang) -> String {
    let words = |zh: &'static str, en: &'static str| Text::new(zh, en).get(lang).to_string();
    match goal {
        Goal::Reach(n) => n.text.to_string(),
        Goal::AtLeast(n) => format!("≥{}", n.text),
        Goal::Above(n) => format!(">{}", n.text),
        Goal::About(n) => match lang {
            Lang::Zh => format!("{}左右", n.text),
            Lang::En => format!("about {}", n.text),
        },
        Goal::AnnualRiseAtLeast(n) => match lang {
            Lang::Zh => format!("年均增加{}以上", n.text),
            Lang::En => format!("at least +{} a year", n.text),
        },
        Goal::KeepStable => words("保持稳定", "keep stable"),
        Goal::ReachSichuanAverage => words("达到全省平均水平", "reach Sichuan's average"),
        Goal::NotAboveSichuanAverage => words("不超过全省平均水平", "not above Sichuan's average"),
        Goal::UniversalCoverage => words("应保尽保", "everyone eligible insured"),
        Goal::EveryCounty => words("县级全覆盖", "every county"),
    }
}

/// Every indicator of the box: its unit, 2020 value, targets and kind.
pub fn data_table(lang: Lang) -> DataTable {
    let cols = match lang {
        Lang::Zh => ["指标", "单位", "2020年", "2025年", "2030年", "属性"],
        Lang::En => ["Indicator", "Unit", "2020", "2025", "2030", "Kind"],
    };
    let rows = indicators()
        .into_iter()
        .map(|group| {
            let t = group[0];
            let for_year =
                |y: u16| group.iter().find(|o| o.years.contains(&y)).map_or_else(|| "-".to_string(), |o| goal_text(o.goal, lang));
            let base = t.baseline_2020.map_or("-".to_string(), |b| b.text.to_string());
            vec![
                t.name.get(lang).to_string(),
                unit_text(t.unit, lang),
                base,
                for_year(2025),
                for_year(2030),
                t.kind.label().get(lang).to_string(),
            ]
        })
        .collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let panels = panels()?;
    let notes = TARGETS.iter().filter(|t| t.at == BOX1).filter_map(|t| t.note).map(|n| n.get(lang).to_string()).collect();
    let texts = Texts {
        title: TITLE.get(lang).into(),
        summary: summary(&panels, lang),
        sources: vec![BOX1.cite(lang)],
        notes,
        table: data_table(lang),
    };
    finish(ID, spec, &plot(width, &panels, spec), texts)
}
