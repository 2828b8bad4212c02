//! 表1: the age structure of the resident population, 2010 and 2020, as
//! two bars split into 0-14, 15-64 and 65+.

use super::canvas::{draw_svg, text_on, Align, Baseline, Key, Legend, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::tables::{TABLE1, TABLE1_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::AgeStructure;
pub const TITLE: Text = Text::new("常住人口年龄结构，2010年和2020年", "Age structure of the resident population, 2010 and 2020");

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    let margin = 8.0;
    // 0-14 blue, 15-64 green, 65+ vermilion: the order is also the order of
    // the legend and of the segments, and every segment is labelled.
    let colours = [style.series[0], style.series[2], style.series[1]];
    let legend = Legend { entries: TABLE1.iter().zip(colours).map(|(r, c)| (Key::Swatch(c), r.group.get(lang))).collect() };
    let legend_h = legend.height(margin, f64::from(width) - margin, font);
    let bar_h = (font * 3.0).round();
    let row = bar_h + font * 1.6;
    let year_w = text_width("2020", font) + 12.0;
    let x0 = margin + year_w;
    let x1 = f64::from(width) - margin;
    let x = Scale::new((0.0, 100.0), (x0, x1));
    let top = margin + legend_h + font * 0.5;
    let height = (top + row * 2.0 + font * 1.8 + margin) as u32;
    let years: [(u16, [f64; 3]); 2] = [(2010, TABLE1.map(|r| r.share_2010.value)), (2020, TABLE1.map(|r| r.share_2020.value))];

    let raw = draw_svg(width, height, style, |c| {
        legend.draw(c, margin, f64::from(width) - margin, margin)?;
        for (j, (year, shares)) in years.iter().enumerate() {
            let y0 = top + row * j as f64;
            c.label(&year.to_string(), x0 - 8.0, y0 + bar_h / 2.0, Align::End, Baseline::Middle)?;
            let mut acc = 0.0;
            for (i, share) in shares.iter().enumerate() {
                let (a, b) = (x.map(acc), x.map(acc + share));
                c.rect(a, y0, b, y0 + bar_h, colours[i])?;
                // A thin paper line between segments keeps them apart in
                // greyscale too.
                if i > 0 {
                    c.line(&[(a, y0), (a, y0 + bar_h)], style.paper, 2)?;
                }
                let label = format!("{}%", fixed(*share, 2, lang));
                let fits = text_width(&label, font) + 8.0 <= b - a;
                if fits {
                    c.text(&label, (a + b) / 2.0, y0 + bar_h / 2.0, font, text_on(colours[i]), Align::Middle, Baseline::Middle, true)?;
                } else {
                    // Too narrow: write it under the segment, kept inside the chart.
                    let w = text_width(&label, style.px(0.85));
                    let cx = ((a + b) / 2.0).clamp(x0 + w / 2.0, x1 - w / 2.0);
                    c.text(&label, cx, y0 + bar_h + 3.0, style.px(0.85), style.ink, Align::Middle, Baseline::Top, false)?;
                }
                acc += share;
            }
        }
        for t in [0.0, 50.0, 100.0] {
            let align = if t == 0.0 {
                Align::Start
            } else if t == 100.0 {
                Align::End
            } else {
                Align::Middle
            };
            c.note(&format!("{t}%"), x.map(t), top + row * 2.0 + 2.0, align, Baseline::Top)?;
        }
        Ok(())
    })?;

    let old = &TABLE1[2];
    let work = &TABLE1[1];
    let young = &TABLE1[0];
    let summary = match lang {
        Lang::Zh => format!(
            "2010年到2020年，65岁及以上人口占比由{}%升至{}%，15—64岁由{}%降至{}%，0—14岁由{}%略升至{}%。",
            old.share_2010.text, old.share_2020.text, work.share_2010.text, work.share_2020.text, young.share_2010.text, young.share_2020.text
        ),
        Lang::En => format!(
            "From 2010 to 2020 the share aged 65+ rose from {}% to {}%, the share aged 15-64 fell from {}% to {}%, and the share aged 0-14 edged up from {}% to {}%.",
            old.share_2010.text, old.share_2020.text, work.share_2010.text, work.share_2020.text, young.share_2010.text, young.share_2020.text
        ),
    };
    let cols: [&str; 5] = match lang {
        Lang::Zh => ["年龄组", "2010年人口数", "2010年占比（%）", "2020年人口数", "2020年占比（%）"],
        Lang::En => ["Age group", "Persons 2010", "Share 2010 (%)", "Persons 2020", "Share 2020 (%)"],
    };
    let rows = TABLE1
        .iter()
        .map(|r| {
            vec![
                r.group.get(lang).to_string(),
                fixed(r.count_2010.value, 0, lang),
                r.share_2010.text.to_string(),
                fixed(r.count_2020.value, 0, lang),
                r.share_2020.text.to_string(),
            ]
        })
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
            sources: vec![TABLE1_AT.cite(lang)],
            notes: Vec::new(),
            table: table(&cols, rows),
        },
    )
}
