//! 表3: how each county's share of the prefecture's residents changed from
//! 2010 to 2020, as diverging bars. The plan's printed change is drawn; where
//! it differs from its own share columns (越西), the chart says so.

use super::canvas::{draw_svg, Align, Baseline, Scale};
use super::ChartId;
use super::{assemble, table, text_width, wrap, Chart, Parts, Spec};
use crate::data::counties::{County, COUNTIES, TABLE3_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::indicators::audit::{audit, Verdict};

pub const ID: ChartId = ChartId::CountyShareChange;
pub const TITLE: Text =
    Text::new("各县（市）占全州常住人口比重的变化，2010—2020年", "Change in each county's share of the prefecture's residents, 2010-2020");

fn signed(x: f64, lang: Lang) -> String {
    let s = fixed(x.abs(), 2, lang);
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    // Counties whose printed change disagrees with their share columns.
    let flagged: Vec<crate::data::counties::CountyId> = audit()?
        .into_iter()
        .filter_map(|c| match c.kind {
            crate::indicators::audit::CheckKind::Table3Change { county } if c.verdict == Verdict::Disagrees => Some(county),
            _ => None,
        })
        .collect();
    let mut sorted: Vec<&County> = COUNTIES.iter().collect();
    sorted.sort_by(|a, b| b.share_change.value.total_cmp(&a.share_change.value).then(a.table3_no.cmp(&b.table3_no)));
    let value = |c: &County| {
        let mark = if flagged.contains(&c.county_id()) { "*" } else { "" };
        format!("{}{mark}", signed(c.share_change.value, lang))
    };

    let margin = 8.0;
    let row = (font * 1.9).round();
    let bar = (font * 1.2).round();
    let top = margin + font * 2.4;
    let label_w = sorted.iter().map(|c| text_width(c.short.get(lang), font)).fold(0.0, f64::max) + 8.0;
    let value_w = text_width("+3.94*", font) + 8.0;
    let min = sorted.iter().map(|c| c.share_change.value).fold(0.0, f64::min);
    let max = sorted.iter().map(|c| c.share_change.value).fold(0.0, f64::max);
    // Room on each side for the longer of label and value.
    let side = label_w.max(value_w);
    let x = Scale::new((min, max), (margin + side, f64::from(width) - margin - side));
    let zero = x.map(0.0);
    let bottom = top + row * sorted.len() as f64;
    let footnote = match lang {
        Lang::Zh => "* 与表中两列占比之差不符，见核查",
        Lang::En => "* does not match the difference of the two share columns; see the audit",
    };
    let footnote_lines = if flagged.is_empty() { Vec::new() } else { wrap(footnote, (f64::from(width) - 2.0 * margin) / style.px(0.9)) };
    let notes_h = footnote_lines.len() as f64 * font * 1.3 + if flagged.is_empty() { 0.0 } else { font * 0.6 };
    let height = (bottom + margin + notes_h) as u32;
    let (up, down) = (style.series[0], style.series[1]);

    let raw = draw_svg(width, height, style, |c| {
        c.note(if lang == Lang::Zh { "百分点" } else { "percentage points" }, zero, margin, Align::Middle, Baseline::Top)?;
        c.text(
            if lang == Lang::Zh { "◀ 下降" } else { "◀ fell" },
            zero - 6.0,
            top - 6.0,
            style.px(0.9),
            down,
            Align::End,
            Baseline::Bottom,
            true,
        )?;
        c.text(
            if lang == Lang::Zh { "上升 ▶" } else { "rose ▶" },
            zero + 6.0,
            top - 6.0,
            style.px(0.9),
            up,
            Align::Start,
            Baseline::Bottom,
            true,
        )?;
        for (i, county) in sorted.iter().enumerate() {
            let y = top + row * i as f64 + (row - bar) / 2.0;
            let cy = y + bar / 2.0;
            let v = county.share_change.value;
            let end = x.map(v);
            if v > 0.0 {
                c.rect(zero, y, end, y + bar, up)?;
            } else if v < 0.0 {
                c.rect(end, y, zero, y + bar, down)?;
            }
            // The name on the far side of the zero line, the value past the bar's end.
            let (name_x, name_align, val_x, val_align) = if v >= 0.0 {
                (zero - 6.0, Align::End, end + 5.0, Align::Start)
            } else {
                (zero + 6.0, Align::Start, end - 5.0, Align::End)
            };
            c.label(county.short.get(lang), name_x, cy, name_align, Baseline::Middle)?;
            c.label(&value(county), val_x, cy, val_align, Baseline::Middle)?;
        }
        c.line(&[(zero, top - 4.0), (zero, bottom)], style.ink, 1)?;
        for (i, line) in footnote_lines.iter().enumerate() {
            c.note(line, margin, bottom + 6.0 + i as f64 * font * 1.3, Align::Start, Baseline::Top)?;
        }
        Ok(())
    })?;

    let rose = COUNTIES.iter().filter(|c| c.share_change.value > 0.0).count();
    let fell = COUNTIES.iter().filter(|c| c.share_change.value < 0.0).count();
    let same = COUNTIES.len() - rose - fell;
    let (first, last) = (sorted[0], sorted[sorted.len() - 1]);
    let summary = match lang {
        Lang::Zh => format!(
            "与2010年相比，{}占全州人口的比重上升{}个百分点，{}下降{}个百分点；17个县（市）中{}个上升、{}个下降、{}个持平。",
            first.name.zh, first.share_change.text, last.name.zh, fixed(-last.share_change.value, 2, lang), rose, fell, same
        ),
        Lang::En => format!(
            "Since 2010 {}'s share of the prefecture's residents rose {} points and {}'s fell {} points; of the 17 counties {} gained share, {} lost and {} held steady.",
            first.name.en, first.share_change.text, last.name.en, fixed(-last.share_change.value, 2, lang), rose, fell, same
        ),
    };
    let notes = flagged
        .iter()
        .map(|id| id.county())
        .map(|c| {
            let diff = c.share_2020.value - c.share_2010.value;
            match lang {
                Lang::Zh => format!(
                    "{}：表3印为{}，但{} − {} = {}。图中画的是表中所印的数值。",
                    c.name.zh,
                    c.share_change.text,
                    c.share_2020.text,
                    c.share_2010.text,
                    fixed(diff, 2, lang)
                ),
                Lang::En => format!(
                    "{}: Table 3 prints {}, but {} − {} = {}. The chart draws the printed value.",
                    c.name.en,
                    c.share_change.text,
                    c.share_2020.text,
                    c.share_2010.text,
                    fixed(diff, 2, lang)
                ),
            }
        })
        .collect();
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["县（市）", "“六普”占比（%）", "“七普”占比（%）", "增长/减少（百分点）"],
        Lang::En => ["County", "Share 2010 (%)", "Share 2020 (%)", "Change (points)"],
    };
    let rows = sorted
        .iter()
        .map(|c| vec![c.name.get(lang).to_string(), c.share_2010.text.to_string(), c.share_2020.text.to_string(), value(c)])
        .collect();
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: ID,
            title: TITLE.get(lang).to_string(),
            summary,
            sources: vec![TABLE3_AT.cite(lang)],
            notes,
            table: table(&cols, rows),
        },
    )
}
