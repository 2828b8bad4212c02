//! 专栏1: the plan's main indicators. The three with numbers for 2020 and
//! targets (population, life expectancy, urbanisation) as small panels, the
//! 2020 value filled and the targets hollow; every row of the box, numeric or
//! not, in the data table with its unit and kind (预期性/约束性).

use super::canvas::{draw_svg, Align, Baseline, Key, Legend, Scale};
use super::ChartId;
use super::{assemble, table, Chart, Parts, Spec};
use crate::data::targets::{Goal, Kind, Target, TargetId, TARGETS};
use crate::data::{at, Item, Unit};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::MainIndicators;
pub const TITLE: Text = Text::new("专栏1 主要发展指标：2020年与目标", "Box 1, the main indicators: 2020 and the targets");

struct Panel {
    name: Text,
    unit: &'static str,
    points: Vec<(u16, f64, bool)>,
}

fn goal_value(t: &Target) -> Option<f64> {
    match t.goal {
        Goal::Reach(n) | Goal::AtLeast(n) | Goal::Above(n) | Goal::About(n) => Some(n.value),
        _ => None,
    }
}

use crate::error::missing_data as missing;

fn panels(lang: Lang) -> Result<Vec<Panel>, Error> {
    let series = |ids: &[TargetId]| -> Result<Vec<(u16, f64, bool)>, Error> {
        let first = ids[0].target();
        let base = first.baseline_2020.ok_or_else(|| missing(ids[0].slug()))?;
        let mut pts = vec![(2020, base.value, true)];
        for id in ids {
            let tg = id.target();
            let v = goal_value(tg).ok_or_else(|| missing(id.slug()))?;
            for y in tg.years {
                pts.push((*y, v, false));
            }
        }
        Ok(pts)
    };
    Ok(vec![
        Panel {
            name: Text::new("常住人口", "Residents"),
            unit: if lang == Lang::Zh { "万人" } else { "10,000s" },
            points: series(&[TargetId::ResidentPop2030])?,
        },
        Panel {
            name: Text::new("人均预期寿命", "Life expectancy"),
            unit: if lang == Lang::Zh { "岁" } else { "years" },
            points: series(&[TargetId::LifeExpectancy2025, TargetId::LifeExpectancy2030])?,
        },
        Panel {
            name: Text::new("常住人口城镇化率", "Urbanisation"),
            unit: "%",
            points: series(&[TargetId::Urbanisation2025, TargetId::Urbanisation2030])?,
        },
    ])
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let panels = panels(lang)?;
    let margin = 8.0;
    let cols = if f64::from(width) >= font * 40.0 { 3 } else { 1 };
    let gap = font * 1.5;
    let panel_w = (f64::from(width) - 2.0 * margin - gap * f64::from(cols - 1)) / f64::from(cols);
    let panel_h = font * 11.0;
    let rows = panels.len().div_ceil(cols as usize);
    let (l1, l2) = if zh { ("2020年实际", "规划目标（预期性）") } else { ("2020 actual", "Target (indicative)") };
    let legend = Legend { entries: vec![(Key::Dot(style.series[0]), l1), (Key::Ring(style.series[0]), l2)] };
    let legend_h = legend.height(margin, f64::from(width) - margin, font) + font * 0.6;
    let height = (margin + legend_h + rows as f64 * (panel_h + gap) + margin) as u32;

    let raw = draw_svg(width, height, style, |c| {
        legend.draw(c, margin, f64::from(width) - margin, margin)?;
        for (i, p) in panels.iter().enumerate() {
            let col = i % cols as usize;
            let row = i / cols as usize;
            let px0 = margin + col as f64 * (panel_w + gap);
            let py0 = margin + legend_h + row as f64 * (panel_h + gap);
            let heading = if zh { format!("{}（{}）", p.name.zh, p.unit) } else { format!("{} ({})", p.name.en, p.unit) };
            c.label(&heading, px0, py0, Align::Start, Baseline::Top)?;
            let lo = p.points.iter().map(|q| q.1).fold(f64::INFINITY, f64::min);
            let hi = p.points.iter().map(|q| q.1).fold(f64::NEG_INFINITY, f64::max);
            let pad = (hi - lo).max(1.0) * 0.35;
            let y = Scale::new((lo - pad, hi + pad), (py0 + panel_h - font * 1.8, py0 + font * 2.0));
            let x = Scale::new((2020.0, 2030.0), (px0 + font * 1.5, px0 + panel_w - font * 1.5));
            for yr in [2020.0, 2025.0, 2030.0] {
                c.line(&[(x.map(yr), py0 + font * 1.6), (x.map(yr), py0 + panel_h - font * 1.6)], style.grid, 1)?;
                c.note(&format!("{yr}"), x.map(yr), py0 + panel_h - font * 1.4, Align::Middle, Baseline::Top)?;
            }
            for w in p.points.windows(2) {
                c.dashed((x.map(f64::from(w[0].0)), y.map(w[0].1)), (x.map(f64::from(w[1].0)), y.map(w[1].1)), style.series[0], 2, 4.0)?;
            }
            for (yr, v, actual) in &p.points {
                let (qx, qy) = (x.map(f64::from(*yr)), y.map(*v));
                c.circle(qx, qy, font * 0.4, if *actual { style.series[0] } else { style.paper }, true)?;
                c.circle(qx, qy, font * 0.4, style.series[0], false)?;
                let decimals = if *actual && v.fract() != 0.0 {
                    2
                } else if v.fract() != 0.0 {
                    1
                } else {
                    0
                };
                c.label(&fixed(*v, decimals, lang), qx, qy - font * 0.7, Align::Middle, Baseline::Bottom)?;
            }
        }
        Ok(())
    })?;

    let box1 = at(2, 3, Item::Box(1));
    let box_rows: Vec<&Target> = TARGETS.iter().filter(|t| t.at == box1).collect();
    let mut names: Vec<(&str, Kind)> = box_rows.iter().map(|t| (t.name.zh, t.kind)).collect();
    names.dedup_by_key(|n| n.0);
    let binding = names.iter().filter(|n| n.1 == Kind::Binding).count();
    let end = |p: &Panel| p.points.last().map_or(0.0, |q| q.1);
    let summary = match lang {
        Lang::Zh => format!(
            "专栏1共{}项指标，其中{}项为预期性、{}项为约束性；到2030年，常住人口{}万人，人均预期寿命{}岁，城镇化率{}%。",
            names.len(), names.len() - binding, binding, end(&panels[0]), end(&panels[1]), end(&panels[2])
        ),
        Lang::En => format!(
            "Box 1 has {} indicators, {} indicative and {} binding; by 2030 it aims for {} million residents, a life expectancy of {} years and an urbanisation rate of {}%.",
            names.len(), names.len() - binding, binding, end(&panels[0]) / 100.0, end(&panels[1]), end(&panels[2])
        ),
    };
    let cols: [&str; 6] = if zh {
        ["指标", "单位", "2020年", "2025年", "2030年", "属性"]
    } else {
        ["Indicator", "Unit", "2020", "2025", "2030", "Kind"]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for t in &box_rows {
        if seen.contains(&t.name.zh) {
            continue;
        }
        seen.push(t.name.zh);
        let same: Vec<&&Target> = box_rows.iter().filter(|o| o.name.zh == t.name.zh).collect();
        let for_year = |y: u16| same.iter().find(|o| o.years.contains(&y)).map(|o| goal_text(o, lang)).unwrap_or_else(|| "-".to_string());
        rows.push(vec![
            t.name.get(lang).to_string(),
            unit_text(t.unit, lang),
            t.baseline_2020.map_or("-".to_string(), |b| b.text.to_string()),
            for_year(2025),
            for_year(2030),
            t.kind.label().get(lang).to_string(),
        ]);
    }
    let notes = TARGETS.iter().filter(|t| t.at == box1).filter_map(|t| t.note).map(|n| n.get(lang).to_string()).collect();
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts { id: ID, title: TITLE.get(lang).to_string(), summary, sources: vec![box1.cite(lang)], notes, table: table(&cols, rows) },
    )
}

fn unit_text(u: Unit, lang: Lang) -> String {
    match u {
        Unit::ChildrenPerWoman => {
            if lang == Lang::Zh {
                "%（原文）".into()
            } else {
                "% (as printed)".into()
            }
        }
        Unit::SexRatio | Unit::Years if lang == Lang::Zh => "".into(),
        u => u.label(lang).to_string(),
    }
}

fn goal_text(t: &Target, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match t.goal {
        Goal::Reach(n) => n.text.to_string(),
        Goal::AtLeast(n) => format!("≥{}", n.text),
        Goal::Above(n) => format!(">{}", n.text),
        Goal::About(n) => {
            if zh {
                format!("{}左右", n.text)
            } else {
                format!("about {}", n.text)
            }
        }
        Goal::KeepStable => {
            if zh {
                "保持稳定".into()
            } else {
                "keep stable".into()
            }
        }
        Goal::ReachSichuanAverage => {
            if zh {
                "达到全省平均水平".into()
            } else {
                "reach Sichuan's average".into()
            }
        }
        Goal::NotAboveSichuanAverage => {
            if zh {
                "不超过全省平均水平".into()
            } else {
                "not above Sichuan's average".into()
            }
        }
        Goal::UniversalCoverage => {
            if zh {
                "应保尽保".into()
            } else {
                "everyone eligible insured".into()
            }
        }
        Goal::EveryCounty => {
            if zh {
                "县级全覆盖".into()
            } else {
                "every county".into()
            }
        }
        Goal::AnnualRiseAtLeast(n) => {
            if zh {
                format!("年均增加{}以上", n.text)
            } else {
                format!("at least +{} a year", n.text)
            }
        }
    }
}
