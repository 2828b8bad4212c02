//! 表4: GDP per capita of Liangshan and Sichuan, 2010-2021, and Liangshan's
//! as a percentage of Sichuan's: two panels sharing the year axis (no dual
//! axis), lines told apart by marker shape and direct labels as well as colour.

use super::canvas::{draw_svg, Align, Baseline, Canvas, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::tables::{TABLE4, TABLE4_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::GdpPerCapita;
pub const TITLE: Text = Text::new("人均GDP：凉山州与四川省，2010—2021年", "GDP per capita: Liangshan and Sichuan, 2010-2021");

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let zh = lang == Lang::Zh;
    let style = spec.style();
    let font = style.font_px;
    let margin = 8.0;
    let names = if zh { ["凉山州", "四川省"] } else { ["Liangshan", "Sichuan"] };
    let axis_w = text_width("100", font * 0.9) + 10.0;
    let end_label_w = names.iter().map(|n| text_width(n, font)).fold(0.0, f64::max) + 10.0;
    let x0 = margin + axis_w;
    let x1 = f64::from(width) - margin - end_label_w;
    let (first, last) = (TABLE4[0].year, TABLE4[TABLE4.len() - 1].year);
    let x = Scale::new((f64::from(first), f64::from(last)), (x0 + 4.0, x1 - 4.0));
    let panel_h = (f64::from(width) * 0.42).clamp(font * 10.0, font * 18.0);
    let top1 = margin + font * 2.0;
    let y1 = Scale::new((0.0, 7.0), (top1 + panel_h, top1));
    let top2 = top1 + panel_h + font * 3.4;
    let ratio_h = panel_h * 0.7;
    let y2 = Scale::new((50.0, 90.0), (top2 + ratio_h, top2));
    let axis_y = top2 + ratio_h;
    let height = (axis_y + font * 2.0 + margin) as u32;
    let every = if x1 - x0 > font * 30.0 { 1 } else { 2 };

    let raw = draw_svg(width, height, style, |c: &Canvas| {
        // Panel 1: levels.
        c.note(if zh { "人均GDP（万元）" } else { "GDP per capita (10,000 yuan)" }, margin, margin, Align::Start, Baseline::Top)?;
        for t in y1.ticks(font * 2.4) {
            c.line(&[(x0, y1.map(t)), (x1, y1.map(t))], style.grid, 1)?;
            c.note(&fixed(t, 0, lang), x0 - 6.0, y1.map(t), Align::End, Baseline::Middle)?;
        }
        let series = [
            TABLE4.iter().map(|r| (x.map(f64::from(r.year)), y1.map(r.liangshan.value))).collect::<Vec<_>>(),
            TABLE4.iter().map(|r| (x.map(f64::from(r.year)), y1.map(r.sichuan.value))).collect::<Vec<_>>(),
        ];
        for (i, pts) in series.iter().enumerate() {
            c.line(pts, style.series[i], 3)?;
            for &(px, py) in pts {
                if i == 0 {
                    c.circle(px, py, font * 0.3, style.series[i], true)?;
                } else {
                    c.square(px, py, font * 0.28, style.series[i])?;
                }
            }
            if let Some(&(px, py)) = pts.last() {
                c.text(names[i], px + 8.0, py, font, style.series[i], Align::Start, Baseline::Middle, true)?;
            }
        }
        let (l0, ln) = (&TABLE4[0], &TABLE4[TABLE4.len() - 1]);
        c.label(l0.liangshan.text, x.map(f64::from(l0.year)), y1.map(l0.liangshan.value) + 8.0, Align::Start, Baseline::Top)?;
        c.label(ln.liangshan.text, x.map(f64::from(ln.year)), y1.map(ln.liangshan.value) + 8.0, Align::End, Baseline::Top)?;
        c.label(ln.sichuan.text, x.map(f64::from(ln.year)) - 8.0, y1.map(ln.sichuan.value), Align::End, Baseline::Bottom)?;

        // Panel 2: the ratio.
        c.note(
            if zh { "凉山州相当于全省的比例（%）" } else { "Liangshan as % of Sichuan" },
            margin,
            top2 - font * 1.6,
            Align::Start,
            Baseline::Top,
        )?;
        for t in [50.0, 60.0, 70.0, 80.0, 90.0] {
            c.line(&[(x0, y2.map(t)), (x1, y2.map(t))], style.grid, 1)?;
            c.note(&fixed(t, 0, lang), x0 - 6.0, y2.map(t), Align::End, Baseline::Middle)?;
        }
        let ratio: Vec<(f64, f64)> = TABLE4.iter().map(|r| (x.map(f64::from(r.year)), y2.map(r.ratio.value))).collect();
        c.line(&ratio, style.ink, 2)?;
        for &(px, py) in &ratio {
            c.circle(px, py, font * 0.25, style.ink, true)?;
        }
        c.label(&format!("{}%", l0.ratio.text), ratio[0].0 + 6.0, ratio[0].1 - 4.0, Align::Start, Baseline::Bottom)?;
        let lastp = ratio[ratio.len() - 1];
        c.label(&format!("{}%", ln.ratio.text), lastp.0, lastp.1 + 6.0, Align::End, Baseline::Top)?;
        // Every `every` years from the first, and the last year, never two
        // labels closer than `every` years.
        for r in TABLE4.iter().filter(|r| r.year == last || ((r.year - first) % every == 0 && last - r.year >= every)) {
            c.note(&r.year.to_string(), x.map(f64::from(r.year)), axis_y + 6.0, Align::Middle, Baseline::Top)?;
        }
        c.line(&[(x0, axis_y), (x1, axis_y)], style.ink, 1)
    })?;

    let (l0, ln) = (&TABLE4[0], &TABLE4[TABLE4.len() - 1]);
    let summary = match lang {
        Lang::Zh => format!(
            "{}—{}年，凉山州人均GDP由{}万元增至{}万元，但相当于全省的比例由{}%降至{}%。",
            l0.year, ln.year, l0.liangshan.text, ln.liangshan.text, l0.ratio.text, ln.ratio.text
        ),
        Lang::En => format!(
            "From {} to {} Liangshan's GDP per capita rose from {} to {} (10,000 yuan), but fell from {}% to {}% of Sichuan's.",
            l0.year, ln.year, l0.liangshan.text, ln.liangshan.text, l0.ratio.text, ln.ratio.text
        ),
    };
    let notes = vec![match lang {
        Lang::Zh => "正文称人均GDP“只有全省平均水平的60.65%”，与表4任何一年都不符（2021年为60.81%），见核查。".to_string(),
        Lang::En => {
            "The text says GDP per capita is “only 60.65%” of Sichuan's, which matches no year of Table 4 (60.81% in 2021); see the audit."
                .to_string()
        }
    }];
    let cols: [&str; 4] = if zh {
        ["年份", "凉山州（万元）", "四川省（万元）", "比例（%）"]
    } else {
        ["Year", "Liangshan (10,000 yuan)", "Sichuan (10,000 yuan)", "Ratio (%)"]
    };
    let rows = TABLE4
        .iter()
        .map(|r| vec![r.year.to_string(), r.liangshan.text.to_string(), r.sichuan.text.to_string(), r.ratio.text.to_string()])
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
            sources: vec![TABLE4_AT.cite(lang)],
            notes,
            table: table(&cols, rows),
        },
    )
}
