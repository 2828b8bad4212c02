//! 图3: urbanisation. The prefecture in 2010 and 2020 with the plan's targets
//! for 2025 and 2030, Xichang, and Sichuan; and what the plan says of the
//! other counties, whose rates it does not publish: drawn as "not
//! published", never invented.

use super::canvas::{draw_svg, Align, Baseline, Scale};
use super::ChartId;
use super::{assemble, table, text_width, wrap, Chart, Parts, Spec};
use crate::data::counties::{COUNTIES, URBANISATION_ABOVE_MEAN, XICHANG};
use crate::data::external::{census_fact, CENSUS_FACTS_FILE};
use crate::data::facts::fact;
use crate::data::tables::FIGURES;
use crate::data::targets::{Goal, TargetId};
use crate::error::Error;
use crate::i18n::{fixed, list, Lang, Text};
use crate::indicators::derived::derived_figures;

pub const ID: ChartId = ChartId::Urbanisation;
pub const TITLE: Text = Text::new("常住人口城镇化率：现状与目标", "Urbanisation rate: where it stands and the plan's targets");

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Measured,
    Derived,
    Target,
    Secondary,
}

struct Item {
    label: String,
    value: f64,
    kind: Kind,
}

use crate::error::missing_data as missing;

fn goal(id: TargetId) -> Result<f64, Error> {
    match id.target().goal {
        Goal::Reach(n) => Ok(n.value),
        _ => Err(missing(id.slug())),
    }
}

fn items(lang: Lang) -> Result<Vec<Item>, Error> {
    let zh = lang == Lang::Zh;
    let d2010 = derived_figures()?.into_iter().find(|d| d.id == "urbanisation_2010").ok_or_else(|| missing("urbanisation_2010"))?;
    let r2020 = fact("urbanisation_2020").ok_or_else(|| missing("urbanisation_2020"))?;
    let xichang = fact("xichang_urbanisation_2020").ok_or_else(|| missing("xichang_urbanisation_2020"))?;
    let sichuan = census_fact("Sichuan", 2020, "urbanization")?;
    Ok(vec![
        Item { label: if zh { "全州 2010年".into() } else { "Liangshan 2010".into() }, value: d2010.value, kind: Kind::Derived },
        Item { label: if zh { "全州 2020年".into() } else { "Liangshan 2020".into() }, value: r2020.value.value, kind: Kind::Measured },
        Item {
            label: if zh { "全州 2025年目标".into() } else { "Target 2025".into() },
            value: goal(TargetId::Urbanisation2025)?,
            kind: Kind::Target,
        },
        Item {
            label: if zh { "全州 2030年目标".into() } else { "Target 2030".into() },
            value: goal(TargetId::Urbanisation2030)?,
            kind: Kind::Target,
        },
        Item {
            label: if zh { "西昌市 2020年".into() } else { "Xichang 2020".into() }, value: xichang.value.value, kind: Kind::Measured
        },
        Item { label: if zh { "四川省 2020年".into() } else { "Sichuan 2020".into() }, value: sichuan.value, kind: Kind::Secondary },
    ])
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let items = items(lang)?;
    let prefecture_2020 = items[1].value;
    let above: Vec<&str> =
        URBANISATION_ABOVE_MEAN.members.iter().filter(|id| **id != XICHANG).map(|id| id.county().short.get(lang)).collect();
    let others = COUNTIES.len() - URBANISATION_ABOVE_MEAN.members.len();

    let margin = 8.0;
    // On narrow screens each label goes above its bar instead of beside it.
    let label_w = items.iter().map(|i| text_width(&i.label, font)).fold(0.0, f64::max) + 10.0;
    let stacked = label_w > f64::from(width) * 0.35;
    let row = if stacked { (font * 3.3).round() } else { (font * 2.0).round() };
    let bar = (font * 1.3).round();
    let top = margin + font * 2.2;
    let x0 = if stacked { margin } else { margin + label_w };
    let value_label = |it: &Item| {
        let mark = match (it.kind, lang) {
            (Kind::Derived, Lang::Zh) => "（推算）",
            (Kind::Derived, Lang::En) => " (derived)",
            (Kind::Target, Lang::Zh) => "（目标）",
            (Kind::Target, Lang::En) => " (target)",
            _ => "",
        };
        format!("{}%{mark}", fixed(it.value, if it.kind == Kind::Target { 0 } else { 2 }, lang))
    };
    // The widest scale on which every bar still has room for its label.
    let right = f64::from(width) - margin;
    let x1 = items
        .iter()
        .map(|it| x0 + (right - 5.0 - text_width(&value_label(it), font) - x0) * 100.0 / it.value)
        .fold(right, f64::min)
        .max(x0 + 1.0);
    let x = Scale::new((0.0, 100.0), (x0, x1));
    let bars_bottom = top + row * items.len() as f64;
    // Two lines for the counties the plan gives no rate for, wrapped to the width.
    let wrap_em = (f64::from(width) - 2.0 * margin - font * 2.0) / style.px(0.9);
    let above_text = match lang {
        Lang::Zh => format!("{}：高于全州平均（{}%），具体值未公布", list(&above, lang), fixed(prefecture_2020, 2, lang)),
        Lang::En => format!("{}: above the prefecture's {}%; rates not published", list(&above, lang), fixed(prefecture_2020, 2, lang)),
    };
    let others_text = match lang {
        Lang::Zh => format!("其余{}个县：不高于全州平均，具体值未公布", others),
        Lang::En => format!("The other {} counties: not above the prefecture's rate; not published", others),
    };
    let lines_above = wrap(&above_text, wrap_em).len() as f64;
    let lines_others = wrap(&others_text, wrap_em).len() as f64;
    let line_h = font * 1.3;
    let heading = if zh {
        "其他县（市）：规划未公布2020年城镇化率"
    } else {
        "Other counties: the plan does not publish their 2020 rates"
    };
    let heading_lines = wrap(heading, (f64::from(width) - 2.0 * margin) / font);
    let county_top = bars_bottom + font * 1.4;
    let heading_h = heading_lines.len() as f64 * font * 1.4;
    let height = (county_top + heading_h + (lines_above + lines_others) * line_h + font + margin) as u32;

    let raw = draw_svg(width, height, style, |c| {
        c.note("%", x0, margin, Align::Start, Baseline::Top)?;
        for t in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let px = x.map(t);
            c.line(&[(px, top - 4.0), (px, bars_bottom)], style.grid, 1)?;
            let align = if t == 0.0 {
                Align::Start
            } else if t == 100.0 {
                Align::End
            } else {
                Align::Middle
            };
            c.note(&fixed(t, 0, lang), px, top - 6.0, align, Baseline::Bottom)?;
        }
        // The prefecture's 2020 level across all bars.
        let p2020 = x.map(prefecture_2020);
        c.dashed((p2020, top - 2.0), (p2020, bars_bottom), style.muted, 1, 3.0)?;
        for (i, it) in items.iter().enumerate() {
            let y = top + row * i as f64 + (row - bar) / 2.0 + if stacked { font * 0.6 } else { 0.0 };
            let cy = y + bar / 2.0;
            let end = x.map(it.value);
            let colour = if i == 4 {
                style.series[2]
            } else if it.kind == Kind::Secondary {
                style.series[3]
            } else {
                style.series[0]
            };
            match it.kind {
                Kind::Measured | Kind::Secondary => c.rect(x0, y, end, y + bar, colour)?,
                Kind::Derived => c.hatch(x0, y, end, y + bar, colour, 5.0)?,
                Kind::Target => {
                    c.outline(x0, y, end, y + bar, colour, 2)?;
                    c.dashed((x0, cy), (end, cy), colour, 1, 4.0)?;
                }
            }
            if stacked {
                c.label(&it.label, x0, y - 3.0, Align::Start, Baseline::Bottom)?;
            } else {
                c.label(&it.label, x0 - 8.0, cy, Align::End, Baseline::Middle)?;
            }
            c.label(&value_label(it), end + 5.0, cy, Align::Start, Baseline::Middle)?;
        }
        c.line(&[(x0, top - 4.0), (x0, bars_bottom)], style.ink, 1)?;
        for (i, line) in heading_lines.iter().enumerate() {
            c.label(line, margin, county_top + i as f64 * font * 1.4, Align::Start, Baseline::Top)?;
        }
        let mut y = county_top + heading_h;
        for text in [&above_text, &others_text] {
            c.text("▸", margin, y, style.px(0.9), style.muted, Align::Start, Baseline::Top, false)?;
            for line in wrap(text, wrap_em) {
                c.note(&line, margin + font * 1.2, y, Align::Start, Baseline::Top)?;
                y += line_h;
            }
        }
        Ok(())
    })?;

    let gap = items[5].value - prefecture_2020;
    let summary = match lang {
        Lang::Zh => format!(
            "2020年凉山州城镇化率{}%，比全省（{}%）低{}个百分点；规划目标为2025年{}%、2030年{}%。各县（市）中只有西昌市的城镇化率（{}%）见于规划。",
            fixed(prefecture_2020, 2, lang), fixed(items[5].value, 2, lang), fixed(gap, 2, lang), items[2].value, items[3].value, fixed(items[4].value, 2, lang)
        ),
        Lang::En => format!(
            "In 2020 {}% of Liangshan's residents lived in towns, {} points below Sichuan's {}%; the plan aims for {}% in 2025 and {}% in 2030. Of the counties, only Xichang's rate ({}%) is in the plan.",
            fixed(prefecture_2020, 2, lang), fixed(gap, 2, lang), fixed(items[5].value, 2, lang), items[2].value, items[3].value, fixed(items[4].value, 2, lang)
        ),
    };
    let notes = vec![match lang {
        Lang::Zh => format!("2010年值为推算（36.96 − 9.44）。四川省2020年值取自七普公报转载（{CENSUS_FACTS_FILE}，二手来源）。2025、2030年为规划目标（空心框）。"),
        Lang::En => format!("The 2010 value is derived (36.96 − 9.44). Sichuan's 2020 value is from a repost of the census bulletin ({CENSUS_FACTS_FILE}, secondary source). 2025 and 2030 are the plan's targets (outlined)."),
    }];
    let cols: [&str; 3] = if zh { ["项目", "城镇化率（%）", "说明"] } else { ["Item", "Urbanisation (%)", "Note"] };
    let mut rows: Vec<Vec<String>> = items
        .iter()
        .map(|it| {
            let note = match (it.kind, lang) {
                (Kind::Measured, Lang::Zh) => "规划公布",
                (Kind::Measured, Lang::En) => "published in the plan",
                (Kind::Derived, Lang::Zh) => "推算：36.96 − 9.44",
                (Kind::Derived, Lang::En) => "derived: 36.96 − 9.44",
                (Kind::Target, Lang::Zh) => "规划目标（专栏1）",
                (Kind::Target, Lang::En) => "target (Box 1)",
                (Kind::Secondary, Lang::Zh) => "七普公报转载，二手来源",
                (Kind::Secondary, Lang::En) => "census bulletin repost, secondary source",
            };
            vec![it.label.clone(), fixed(it.value, 2, lang), note.to_string()]
        })
        .collect();
    for c in COUNTIES.iter().filter(|c| c.id != "xichang") {
        let above = URBANISATION_ABOVE_MEAN.contains(c.county_id());
        rows.push(vec![
            c.name.get(lang).to_string(),
            if zh { "未公布".into() } else { "not published".into() },
            match (above, lang) {
                (true, Lang::Zh) => "高于全州平均".into(),
                (true, Lang::En) => "above the prefecture's rate".into(),
                (false, Lang::Zh) => "不高于全州平均".into(),
                (false, Lang::En) => "not above the prefecture's rate".into(),
            },
        ]);
    }
    let fig = FIGURES[2].1;
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: ID,
            title: TITLE.get(lang).to_string(),
            summary,
            sources: vec![
                fig.cite(lang),
                crate::data::sec(1, 1).cite(lang),
                crate::data::at(2, 3, crate::data::Item::Box(1)).cite(lang),
                census_fact("Sichuan", 2020, "urbanization")?.source.cite(lang),
            ],
            notes,
            table: table(&cols, rows),
        },
    )
}
