//! 图3: urbanisation. The prefecture in 2010 and 2020 with the plan's targets
//! for 2025 and 2030, Xichang, and Sichuan; and what the plan says of the
//! other counties, whose rates it does not publish: drawn as "not
//! published", never invented.

use super::canvas::{Align, Baseline, Style};
use super::grammar::{line, text, Band, Bar, Fill, Font, Linear, Mark, Orient, Plot, Scale};
use super::{finish, table, text_width, wrap, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::counties::{COUNTIES, URBANISATION_ABOVE_MEAN, XICHANG};
use crate::data::external::{census_fact, CENSUS_FACTS_FILE};
use crate::data::facts::required;
use crate::data::tables::FIGURES;
use crate::data::targets::{Goal, TargetId};
use crate::data::Source;
use crate::error::{missing_data as missing, Error};
use crate::i18n::{fixed, list, Lang, Text};
use crate::indicators::derived::derived_figures;

pub const ID: ChartId = ChartId::Urbanisation;
pub const TITLE: Text = Text::new("常住人口城镇化率：现状与目标", "Urbanisation rate: where it stands and the plan's targets");

const MARGIN: f64 = 8.0;
/// A rate is a share of the residents: the axis runs to all of them.
const ALL: f64 = 100.0;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Measured,
    Derived,
    Target,
    Secondary,
}

struct Item {
    label: Text,
    value: f64,
    kind: Kind,
    /// Xichang: the one county with a published rate.
    county: bool,
}

fn goal(id: TargetId) -> Result<f64, Error> {
    match id.target().goal {
        Goal::Reach(n) => Ok(n.value),
        _ => Err(missing(id.slug())),
    }
}

/// The bars, with the 2010 rate's derivation.
fn items() -> Result<(Vec<Item>, Source), Error> {
    let d2010 = derived_figures()?.into_iter().find(|d| d.id == "urbanisation_2010").ok_or_else(|| missing("urbanisation_2010"))?;
    let r2020 = required("urbanisation_2020")?;
    let xichang = required("xichang_urbanisation_2020")?;
    let sichuan = census_fact("Sichuan", 2020, "urbanization")?;
    let item = |zh, en, value, kind| Item { label: Text::new(zh, en), value, kind, county: false };
    let items = vec![
        item("全州 2010年", "Liangshan 2010", d2010.value, Kind::Derived),
        item("全州 2020年", "Liangshan 2020", r2020.value.value, Kind::Measured),
        item("全州 2025年目标", "Target 2025", goal(TargetId::Urbanisation2025)?, Kind::Target),
        item("全州 2030年目标", "Target 2030", goal(TargetId::Urbanisation2030)?, Kind::Target),
        Item { county: true, ..item("西昌市 2020年", "Xichang 2020", xichang.value.value, Kind::Measured) },
        item("四川省 2020年", "Sichuan 2020", sichuan.value, Kind::Secondary),
    ];
    Ok((items, d2010.source))
}

fn value_label(it: &Item, lang: Lang) -> String {
    let mark = match it.kind {
        Kind::Derived => Text::new("（推算）", " (derived)").get(lang),
        Kind::Target => Text::new("（目标）", " (target)").get(lang),
        _ => "",
    };
    format!("{}%{mark}", fixed(it.value, if it.kind == Kind::Target { 0 } else { 2 }, lang))
}

/// The bars: measured solid, derived hatched, targets outlined with a
/// dashed centre line; each labelled beside it, or above it when stacked.
fn bars(items: &[Item], x: Linear, band: Band, stacked: bool, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let (y, cy, end) = (band.inner_at(i), band.centre(i), x.map(it.value));
        let colour = if it.county {
            style.series[2]
        } else if it.kind == Kind::Secondary {
            style.series[3]
        } else {
            style.series[0]
        };
        match it.kind {
            Kind::Measured | Kind::Secondary | Kind::Derived => {
                let fill = if it.kind == Kind::Derived { Fill::Hatched { colour, spacing: 5.0 } } else { Fill::Solid(colour) };
                out.push(Mark::bar(x, band, Orient::Horizontal, Bar { band: i, from: 0.0, to: it.value, fill }, 0.0));
            }
            Kind::Target => {
                out.push(Mark::Outline { x: Scale::Px, y: Scale::Px, from: (x.r0, y), to: (end, y + band.inner), colour, width: 2 });
                out.push(Mark::Dashed { x: Scale::Px, y: Scale::Px, from: (x.r0, cy), to: (end, cy), colour, width: 1, dash: 4.0 });
            }
        }
        let label = it.label.get(lang);
        out.push(if stacked {
            text(label, (x.r0, y - 3.0), style.body(), Align::Start, Baseline::Bottom)
        } else {
            text(label, (x.r0 - 8.0, cy), style.body(), Align::End, Baseline::Middle)
        });
        out.push(text(value_label(it, lang), (end + 5.0, cy), style.body(), Align::Start, Baseline::Middle));
    }
    out
}

/// What the plan says of the other counties: a heading, then two lines,
/// each after a marker, wrapped to the width.
fn counties(top: f64, width: u32, style: &Style, lang: Lang, prefecture: f64) -> (Vec<Mark<'static>>, f64) {
    let font = style.font_px;
    let above: Vec<&str> =
        URBANISATION_ABOVE_MEAN.members.iter().filter(|id| **id != XICHANG).map(|id| id.county().short.get(lang)).collect();
    let others = COUNTIES.len() - URBANISATION_ABOVE_MEAN.members.len();
    let p = fixed(prefecture, 2, lang);
    let texts = match lang {
        Lang::Zh => [
            format!("{}：高于全州平均（{p}%），具体值未公布", list(&above, lang)),
            format!("其余{others}个县：不高于全州平均，具体值未公布"),
        ],
        Lang::En => [
            format!("{}: above the prefecture's {p}%; rates not published", list(&above, lang)),
            format!("The other {others} counties: not above the prefecture's rate; not published"),
        ],
    };
    let heading = Text::new("其他县（市）：规划未公布2020年城镇化率", "Other counties: the plan does not publish their 2020 rates");
    let heading_lines = wrap(heading.get(lang), (f64::from(width) - 2.0 * MARGIN) / font);
    let wrap_em = (f64::from(width) - 2.0 * MARGIN - font * 2.0) / style.px(0.9);
    let mut out: Vec<Mark> = heading_lines
        .iter()
        .enumerate()
        .map(|(i, l)| text(l.clone(), (MARGIN, top + i as f64 * font * 1.4), style.body(), Align::Start, Baseline::Top))
        .collect();
    let heading_h = heading_lines.len() as f64 * font * 1.4;
    let mut y = top + heading_h;
    let mut lines = 0.0;
    for t in &texts {
        out.push(text("▸", (MARGIN, y), Font { px: style.px(0.9), colour: style.muted, bold: false }, Align::Start, Baseline::Top));
        for l in wrap(t, wrap_em) {
            out.push(text(l, (MARGIN + font * 1.2, y), style.small(), Align::Start, Baseline::Top));
            y += font * 1.3;
            lines += 1.0;
        }
    }
    (out, top + heading_h + lines * font * 1.3)
}

fn plot(width: u32, items: &[Item], spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    // On narrow screens each label goes above its bar instead of beside it.
    let label_w = items.iter().map(|i| text_width(i.label.get(lang), font)).fold(0.0, f64::max) + 10.0;
    let stacked = label_w > f64::from(width) * 0.35;
    let row = if stacked { (font * 3.3).round() } else { (font * 2.0).round() };
    let bar = (font * 1.3).round();
    let top = MARGIN + font * 2.2;
    let x0 = if stacked { MARGIN } else { MARGIN + label_w };
    // The widest scale on which every bar still has room for its label.
    let right = f64::from(width) - MARGIN;
    let x1 = items
        .iter()
        .map(|it| x0 + (right - 5.0 - text_width(&value_label(it, lang), font) - x0) * ALL / it.value)
        .fold(right, f64::min)
        .max(x0 + 1.0);
    let x = Linear::new((0.0, ALL), (x0, x1));
    let band = Band { start: top, step: row, inner: bar, offset: (row - bar) / 2.0 + if stacked { font * 0.6 } else { 0.0 } };
    let bars_bottom = band.end(items.len());
    let mut plot = Plot::new(width, 0);
    plot.add(text("%", (x0, MARGIN), style.small(), Align::Start, Baseline::Top));
    for t in x.ticks((x1 - x0) / 4.5) {
        plot.add(line(vec![(x.map(t), top - 4.0), (x.map(t), bars_bottom)], style.grid, 1));
        let align = if t == 0.0 {
            Align::Start
        } else if t == ALL {
            Align::End
        } else {
            Align::Middle
        };
        plot.add(text(fixed(t, 0, lang), (x.map(t), top - 6.0), style.small(), align, Baseline::Bottom));
    }
    // The prefecture's 2020 level across all bars.
    let p2020 = x.map(items[1].value);
    plot.add(Mark::Dashed {
        x: Scale::Px,
        y: Scale::Px,
        from: (p2020, top - 2.0),
        to: (p2020, bars_bottom),
        colour: style.muted,
        width: 1,
        dash: 3.0,
    });
    plot.extend(bars(items, x, band, stacked, &style, lang));
    plot.add(line(vec![(x0, top - 4.0), (x0, bars_bottom)], style.ink, 1));
    let (marks, end) = counties(bars_bottom + font * 1.4, width, &style, lang, items[1].value);
    plot.extend(marks);
    plot.height = (end + font + MARGIN) as u32;
    plot
}

fn summary(items: &[Item], lang: Lang) -> String {
    let [_, l2020, t2025, t2030, xichang, sichuan] = [0, 1, 2, 3, 4, 5].map(|i| items[i].value);
    let (p, sc, gap, x) = (fixed(l2020, 2, lang), fixed(sichuan, 2, lang), fixed(sichuan - l2020, 2, lang), fixed(xichang, 2, lang));
    match lang {
        Lang::Zh => format!("2020年凉山州城镇化率{p}%，比全省（{sc}%）低{gap}个百分点；规划目标为2025年{t2025}%、2030年{t2030}%。各县（市）中只有西昌市的城镇化率（{x}%）见于规划。"),
        Lang::En => format!("In 2020 {p}% of Liangshan's residents lived in towns, {gap} points below Sichuan's {sc}%; the plan aims for {t2025}% in 2025 and {t2030}% in 2030. Of the counties, only Xichang's rate ({x}%) is in the plan."),
    }
}

fn data(items: &[Item], how: &str, lang: Lang) -> DataTable {
    let cols: [&str; 3] = if lang == Lang::Zh { ["项目", "城镇化率（%）", "说明"] } else { ["Item", "Urbanisation (%)", "Note"] };
    let mut rows: Vec<Vec<String>> = items
        .iter()
        .map(|it| {
            let note = match (it.kind, lang) {
                (Kind::Measured, _) => Text::new("规划公布", "published in the plan").get(lang).to_string(),
                (Kind::Derived, Lang::Zh) => format!("推算：{how}"),
                (Kind::Derived, Lang::En) => format!("derived: {how}"),
                (Kind::Target, _) => Text::new("规划目标（专栏1）", "target (Box 1)").get(lang).to_string(),
                (Kind::Secondary, _) => {
                    Text::new("七普公报转载，二手来源", "census bulletin repost, secondary source").get(lang).to_string()
                }
            };
            vec![it.label.get(lang).to_string(), fixed(it.value, 2, lang), note]
        })
        .collect();
    for c in COUNTIES.iter().filter(|c| c.county_id() != XICHANG) {
        let above = URBANISATION_ABOVE_MEAN.contains(c.county_id());
        let note = if above {
            Text::new("高于全州平均", "above the prefecture's rate")
        } else {
            Text::new("不高于全州平均", "not above the prefecture's rate")
        };
        rows.push(vec![
            c.name.get(lang).to_string(),
            Text::new("未公布", "not published").get(lang).to_string(),
            note.get(lang).to_string(),
        ]);
    }
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let (items, derived) = items()?;
    let how = match &derived {
        Source::Derived { how, .. } => how.clone(),
        _ => String::new(),
    };
    let notes = vec![match lang {
        Lang::Zh => format!("2010年值为推算（{how}）。四川省2020年值取自七普公报转载（{CENSUS_FACTS_FILE}，二手来源）。2025、2030年为规划目标（空心框）。"),
        Lang::En => format!("The 2010 value is derived ({how}). Sichuan's 2020 value is from a repost of the census bulletin ({CENSUS_FACTS_FILE}, secondary source). 2025 and 2030 are the plan's targets (outlined)."),
    }];
    let sources = vec![
        FIGURES[2].1.cite(lang),
        crate::data::sec(1, 1).cite(lang),
        TargetId::Urbanisation2025.target().at.cite(lang),
        census_fact("Sichuan", 2020, "urbanization")?.source.cite(lang),
    ];
    let texts =
        Texts { title: TITLE.get(lang).to_string(), summary: summary(&items, lang), sources, notes, table: data(&items, &how, lang) };
    finish(ID, spec, &plot(width, &items, spec), texts)
}
