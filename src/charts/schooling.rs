//! 表2: mean years of schooling of every city and prefecture of Sichuan,
//! 2010 and 2020, as a dumbbell plot sorted by the 2020 value, with the
//! size of each rise. Liangshan and the province average are marked by a
//! shaded row and bold labels, not by colour alone.

use super::canvas::{Align, Baseline, Key, Legend, Style};
use super::grammar::{line, text, Band, Fill, Font, Label, Linear, Mark, Plot, Scale, Symbol};
use super::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::tables::{AreaKind, SchoolingRow, TABLE2, TABLE2_AT, TABLE2_LIANGSHAN, TABLE2_SICHUAN};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::Schooling;
pub const TITLE: Text = Text::new(
    "四川各市（州）15岁及以上人口平均受教育年限，2010年和2020年",
    "Mean years of schooling (population 15+) in Sichuan's cities and prefectures, 2010 and 2020",
);

const MARGIN: f64 = 8.0;

fn marked(r: &SchoolingRow) -> bool {
    std::ptr::eq(r, &TABLE2[TABLE2_LIANGSHAN]) || std::ptr::eq(r, &TABLE2[TABLE2_SICHUAN])
}

/// Each row: its shading when marked, the dumbbell from 2010 to 2020, the
/// name and the rise, bold when marked.
fn rows(rows: &[&SchoolingRow], x: Linear, band: Band, width: u32, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let (c2010, c2020) = (style.series[1], style.series[0]);
    let (xs, ys) = (Scale::Linear(x), Scale::Band(band));
    let mut out = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let cy = band.centre(i);
        if marked(r) {
            let (a, b) = ((MARGIN, cy - band.step / 2.0 + 1.0), (f64::from(width) - MARGIN, cy + band.step / 2.0 - 1.0));
            out.push(Mark::Rect { x: Scale::Px, y: Scale::Px, from: a, to: b, fill: Fill::Solid(style.bands[0]) });
        }
        let (from, to) = ((r.years_2010.value, i as f64), (r.years_2020.value, i as f64));
        out.push(Mark::Line { x: xs, y: ys, points: vec![from, to], colour: style.muted, width: 2 });
        out.push(Mark::Dots { x: xs, y: ys, points: vec![from], symbol: Symbol::Ring, r: font * 0.35, colour: c2010 });
        out.push(Mark::Dots { x: xs, y: ys, points: vec![to], symbol: Symbol::Dot, r: font * 0.35, colour: c2020 });
        let f = Font { px: font, colour: style.ink, bold: marked(r) };
        let label = |s: String, at: f64| Label::new(s, (at, i as f64), f, Align::End, Baseline::Middle);
        out.push(Mark::Text {
            x: Scale::Px,
            y: ys,
            labels: vec![
                label(r.short.get(lang).to_string(), x.r0 - 6.0 - 8.0),
                label(format!("+{}", r.rise.text), f64::from(width) - MARGIN),
            ],
        });
    }
    out
}

fn plot(width: u32, spec: &Spec, sorted: &[&SchoolingRow]) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let row_h = (font * 1.9).round();
    let (y2010, y2020) = (Text::new("2010年", "2010").get(lang), Text::new("2020年", "2020").get(lang));
    let legend = Legend { entries: vec![(Key::Ring(style.series[1]), y2010), (Key::Dot(style.series[0]), y2020)] };
    let top = MARGIN + legend.height(MARGIN, f64::from(width) - MARGIN, font) + font * 2.0;
    let label_w = sorted.iter().map(|r| text_width(r.short.get(lang), font)).fold(0.0, f64::max) + 12.0;
    let rise_w = text_width("+1.11", font) + 12.0;
    let (x0, x1) = (MARGIN + label_w, f64::from(width) - MARGIN - rise_w);
    // Every year of the range: a tick a year over six or so.
    let gap = (x1 - x0 - 12.0) / 6.0;
    let x = Linear::nice(TABLE2.iter().flat_map(|r| [r.years_2010.value, r.years_2020.value]), false, (x0 + 6.0, x1 - 6.0), gap);
    let band = Band::new(top, row_h, row_h);
    let bottom = band.end(sorted.len());
    let mut plot = Plot::new(width, (bottom + MARGIN) as u32);
    plot.add(Mark::Legend { legend, x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN });
    plot.add(text(
        Text::new("提高", "rise").get(lang),
        (f64::from(width) - MARGIN, top - 8.0),
        style.small(),
        Align::End,
        Baseline::Bottom,
    ));
    plot.add(text(Text::new("年", "years").get(lang), (x0 - 8.0, top - 8.0), style.small(), Align::End, Baseline::Bottom));
    for t in x.ticks(gap) {
        plot.add(line(vec![(x.map(t), top - 4.0), (x.map(t), bottom)], style.grid, 1));
        plot.add(text(fixed(t, 0, lang), (x.map(t), top - 8.0), style.small(), Align::Middle, Baseline::Bottom));
    }
    plot.extend(rows(sorted, x, band, width, &style, lang));
    plot
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn summary(lang: Lang) -> String {
    let (ls, sc) = (&TABLE2[TABLE2_LIANGSHAN], &TABLE2[TABLE2_SICHUAN]);
    let cities: Vec<&SchoolingRow> = TABLE2.iter().filter(|r| r.kind != AreaKind::Province).collect();
    let lower = cities.iter().filter(|r| r.years_2020.value < ls.years_2020.value).count();
    let faster = cities.iter().filter(|r| r.rise.value > ls.rise.value).count();
    let gap = fixed(sc.years_2020.value - ls.years_2020.value, 2, lang);
    match lang {
        Lang::Zh => format!(
            "凉山由{}年提高到{}年，提高幅度全省并列第{}；但在{}个市（州）中仍排倒数第{}，比全省平均少{gap}年。",
            ls.years_2010.text,
            ls.years_2020.text,
            faster + 1,
            cities.len(),
            lower + 1
        ),
        Lang::En => format!(
            "Liangshan rose from {} to {} years, joint {} largest rise in the province; yet it is still {} lowest of {} and {gap} years below the provincial average.",
            ls.years_2010.text,
            ls.years_2020.text,
            ordinal(faster + 1),
            ordinal(lower + 1),
            cities.len()
        ),
    }
}

fn data(lang: Lang) -> DataTable {
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["地区", "“七普”（年）", "“六普”（年）", "提高幅度（年）"],
        Lang::En => ["Area", "2020 (years)", "2010 (years)", "Rise (years)"],
    };
    let rows = TABLE2
        .iter()
        .map(|r| vec![r.name.get(lang).to_string(), r.years_2020.text.to_string(), r.years_2010.text.to_string(), r.rise.text.to_string()])
        .collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let sorted = crate::num::largest_first(TABLE2.iter(), |r| r.years_2020.value);
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summary(lang),
        sources: vec![TABLE2_AT.cite(lang)],
        notes: Vec::new(),
        table: data(lang),
    };
    finish(ID, spec, &plot(width, spec, &sorted), texts)
}
