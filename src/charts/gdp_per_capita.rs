//! 表4: GDP per capita of Liangshan and Sichuan, 2010-2021, and Liangshan's
//! as a percentage of Sichuan's: two panels sharing the year axis (no dual
//! axis), lines told apart by marker shape and direct labels as well as colour.

use super::canvas::{Align, Baseline, Style};
use super::grammar::{extent, line, text, y_axis, Font, Label, Linear, Mark, Plot, Scale, Symbol};
use super::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::facts::required;
use crate::data::tables::{GdpRow, TABLE4, TABLE4_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::GdpPerCapita;
pub const TITLE: Text = Text::new("人均GDP：凉山州与四川省，2010—2021年", "GDP per capita: Liangshan and Sichuan, 2010-2021");

const MARGIN: f64 = 8.0;
const NAMES: [Text; 2] = [Text::new("凉山州", "Liangshan"), Text::new("四川省", "Sichuan")];
const SYMBOLS: [(Symbol, f64); 2] = [(Symbol::Dot, 0.3), (Symbol::Square, 0.28)];

fn year(r: &GdpRow) -> f64 {
    f64::from(r.year)
}

fn first_last() -> (&'static GdpRow, &'static GdpRow) {
    (&TABLE4[0], &TABLE4[TABLE4.len() - 1])
}

/// Panel 1: both levels, each line with its symbols and its name at its end,
/// and the first and last of Liangshan's values and the last of Sichuan's.
fn levels(x: Scale, y: Linear, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let mut out = Vec::new();
    let series: [fn(&GdpRow) -> f64; 2] = [|r| r.liangshan.value, |r| r.sichuan.value];
    for (i, value) in series.into_iter().enumerate() {
        let points: Vec<(f64, f64)> = TABLE4.iter().map(|r| (year(r), value(r))).collect();
        let (symbol, r) = SYMBOLS[i];
        let colour = style.series[i];
        let end = points[points.len() - 1];
        out.push(Mark::Line { x, y: y.into(), points: points.clone(), colour, width: 3 });
        out.push(Mark::Dots { x, y: y.into(), points, symbol, r: font * r, colour });
        let name = Font { colour, bold: true, ..style.body() };
        out.push(Mark::Text {
            x,
            y: y.into(),
            labels: vec![Label::new(NAMES[i].get(lang), end, name, Align::Start, Baseline::Middle).moved((8.0, 0.0))],
        });
    }
    let (l0, ln) = first_last();
    let body = style.body();
    let labels = vec![
        Label::new(l0.liangshan.text, (year(l0), l0.liangshan.value), body, Align::Start, Baseline::Top).moved((0.0, 8.0)),
        Label::new(ln.liangshan.text, (year(ln), ln.liangshan.value), body, Align::End, Baseline::Top).moved((0.0, 8.0)),
        Label::new(ln.sichuan.text, (year(ln), ln.sichuan.value), body, Align::End, Baseline::Bottom).moved((-8.0, 0.0)),
    ];
    out.push(Mark::Text { x, y: y.into(), labels });
    out
}

/// Panel 2: Liangshan's as a percentage of Sichuan's, first and last labelled.
fn ratio(x: Scale, y: Linear, style: &Style) -> Vec<Mark<'static>> {
    let points: Vec<(f64, f64)> = TABLE4.iter().map(|r| (year(r), r.ratio.value)).collect();
    let (l0, ln) = first_last();
    let body = style.body();
    let labels = vec![
        Label::new(format!("{}%", l0.ratio.text), points[0], body, Align::Start, Baseline::Bottom).moved((6.0, -4.0)),
        Label::new(format!("{}%", ln.ratio.text), points[points.len() - 1], body, Align::End, Baseline::Top).moved((0.0, 6.0)),
    ];
    vec![
        Mark::Line { x, y: y.into(), points: points.clone(), colour: style.ink, width: 2 },
        Mark::Dots { x, y: y.into(), points, symbol: Symbol::Dot, r: style.font_px * 0.25, colour: style.ink },
        Mark::Text { x, y: y.into(), labels },
    ]
}

fn plot(width: u32, spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let axis_w = text_width("100", font * 0.9) + 10.0;
    let end_label_w = NAMES.iter().map(|n| text_width(n.get(lang), font)).fold(0.0, f64::max) + 10.0;
    let (x0, x1) = (MARGIN + axis_w, f64::from(width) - MARGIN - end_label_w);
    let (first, last) = first_last();
    let x = Linear::new((year(first), year(last)), (x0 + 4.0, x1 - 4.0));
    let panel_h = (f64::from(width) * 0.42).clamp(font * 10.0, font * 18.0);
    let top1 = MARGIN + font * 2.0;
    let levels_values = TABLE4.iter().flat_map(|r| [r.liangshan.value, r.sichuan.value]);
    let y1 = Linear::nice(levels_values, true, (top1 + panel_h, top1), font * 2.4);
    let top2 = top1 + panel_h + font * 3.4;
    let axis_y = top2 + panel_h * 0.7;
    // A tenth of the span's room below the lowest ratio, for its label.
    let (lo, hi) = extent(TABLE4.iter().map(|r| r.ratio.value));
    let y2 = Linear::nice([lo - (hi - lo) * 0.1, hi], false, (axis_y, top2), font * 1.6);
    let mut plot = Plot::new(width, (axis_y + font * 2.0 + MARGIN) as u32);
    let whole = |t: f64| fixed(t, 0, lang);
    plot.add(text(
        Text::new("人均GDP（万元）", "GDP per capita (10,000 yuan)").get(lang),
        (MARGIN, MARGIN),
        style.small(),
        Align::Start,
        Baseline::Top,
    ));
    plot.extend(y_axis(&y1, &y1.ticks(font * 2.4), (x0, x1), whole, &style, style.grid));
    plot.extend(levels(x.into(), y1, &style, lang));
    let ratio_title = Text::new("凉山州相当于全省的比例（%）", "Liangshan as % of Sichuan");
    plot.add(text(ratio_title.get(lang), (MARGIN, top2 - font * 1.6), style.small(), Align::Start, Baseline::Top));
    plot.extend(y_axis(&y2, &y2.ticks(font * 1.6), (x0, x1), whole, &style, style.grid));
    plot.extend(ratio(x.into(), y2, &style));
    // Every `every` years from the first, and the last year, never two
    // labels closer than `every` years.
    let every = if x1 - x0 > font * 30.0 { 1 } else { 2 };
    let years = TABLE4.iter().filter(|r| r.year == last.year || ((r.year - first.year) % every == 0 && last.year - r.year >= every));
    let labels = years
        .map(|r| Label::new(r.year.to_string(), (year(r), axis_y), style.small(), Align::Middle, Baseline::Top).moved((0.0, 6.0)))
        .collect();
    plot.add(Mark::Text { x: x.into(), y: Scale::Px, labels });
    plot.add(line(vec![(x0, axis_y), (x1, axis_y)], style.ink, 1));
    plot
}

fn summary(lang: Lang) -> String {
    let (l0, ln) = first_last();
    let (y0, yn, a, b, r0, rn) = (l0.year, ln.year, l0.liangshan.text, ln.liangshan.text, l0.ratio.text, ln.ratio.text);
    match lang {
        Lang::Zh => format!("{y0}—{yn}年，凉山州人均GDP由{a}万元增至{b}万元，但相当于全省的比例由{r0}%降至{rn}%。"),
        Lang::En => format!(
            "From {y0} to {yn} Liangshan's GDP per capita rose from {a} to {b} (10,000 yuan), but fell from {r0}% to {rn}% of Sichuan's."
        ),
    }
}

pub fn data_table(lang: Lang) -> DataTable {
    let cols = match lang {
        Lang::Zh => ["年份", "凉山州（万元）", "四川省（万元）", "比例（%）"],
        Lang::En => ["Year", "Liangshan (10,000 yuan)", "Sichuan (10,000 yuan)", "Ratio (%)"],
    };
    let rows =
        TABLE4.iter().map(|r| vec![r.year.to_string(), r.liangshan.text.into(), r.sichuan.text.into(), r.ratio.text.into()]).collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let (_, ln) = first_last();
    let text = required("gdp_per_capita_vs_sichuan")?.value.text;
    let (y, r) = (ln.year, ln.ratio.text);
    let note = match lang {
        Lang::Zh => format!("正文称人均GDP“只有全省平均水平的{text}%”，与表4任何一年都不符（{y}年为{r}%），见核查。"),
        Lang::En => format!(
            "The text says GDP per capita is “only {text}%” of Sichuan's, which matches no year of Table 4 ({r}% in {y}); see the audit."
        ),
    };
    let texts = Texts {
        title: TITLE.get(lang).into(),
        summary: summary(lang),
        sources: vec![TABLE4_AT.cite(lang)],
        notes: vec![note],
        table: data_table(lang),
    };
    finish(ID, spec, &plot(width, spec), texts)
}
