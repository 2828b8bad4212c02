//! 表1: the age structure of the resident population, 2010 and 2020, as
//! two bars split into 0-14, 15-64 and 65+.

use super::canvas::{text_on, Align, Baseline, Key, Legend, Style};
use super::grammar::{line, text, Band, Bar, Fill, Font, Label, Linear, Mark, Plot, Scale};
use super::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::tables::{TABLE1, TABLE1_AT};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const ID: ChartId = ChartId::AgeStructure;
pub const TITLE: Text = Text::new("常住人口年龄结构，2010年和2020年", "Age structure of the resident population, 2010 and 2020");

const MARGIN: f64 = 8.0;

/// The two censuses: the year and the three groups' shares.
fn years() -> [(u16, [f64; 3]); 2] {
    [(2010, TABLE1.map(|r| r.share_2010.value)), (2020, TABLE1.map(|r| r.share_2020.value))]
}

/// One census as a bar of three segments, each labelled inside when its
/// label fits, under it otherwise (kept inside the chart). A thin paper
/// line between segments keeps them apart in greyscale too.
fn segments(
    row: usize,
    shares: &[f64; 3],
    x: &Linear,
    band: &Band,
    colours: [plotters::style::RGBColor; 3],
    style: &Style,
    lang: Lang,
) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let (y0, bar_h) = (band.inner_at(row), band.inner);
    let mut out = Vec::new();
    let mut acc = 0.0;
    for (i, share) in shares.iter().enumerate() {
        let (a, b) = (x.map(acc), x.map(acc + share));
        out.push(Mark::bar(
            *x,
            *band,
            super::grammar::Orient::Horizontal,
            Bar { band: row, from: acc, to: acc + share, fill: Fill::Solid(colours[i]) },
            0.0,
        ));
        if i > 0 {
            out.push(line(vec![(a, y0), (a, y0 + bar_h)], style.paper, 2));
        }
        let label = format!("{}%", fixed(*share, 2, lang));
        if text_width(&label, font) + 8.0 <= b - a {
            out.push(text(
                label,
                ((a + b) / 2.0, y0 + bar_h / 2.0),
                Font { px: font, colour: text_on(colours[i]), bold: true },
                Align::Middle,
                Baseline::Middle,
            ));
        } else {
            let w = text_width(&label, style.px(0.85));
            let cx = ((a + b) / 2.0).clamp(x.r0 + w / 2.0, x.r1 - w / 2.0);
            out.push(text(
                label,
                (cx, y0 + bar_h + 3.0),
                Font { px: style.px(0.85), colour: style.ink, bold: false },
                Align::Middle,
                Baseline::Top,
            ));
        }
        acc += share;
    }
    out
}

fn plot(width: u32, spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    // 0-14 blue, 15-64 green, 65+ vermilion: the order is also the order of
    // the legend and of the segments, and every segment is labelled.
    let colours = [style.series[0], style.series[2], style.series[1]];
    let legend = Legend { entries: TABLE1.iter().zip(colours).map(|(r, c)| (Key::Swatch(c), r.group.get(lang))).collect() };
    let legend_h = legend.height(MARGIN, f64::from(width) - MARGIN, font);
    let bar_h = (font * 3.0).round();
    let row = bar_h + font * 1.6;
    let x0 = MARGIN + text_width("2020", font) + 12.0;
    let x1 = f64::from(width) - MARGIN;
    let years = years();
    // The whole: the shares of each census add up to it; three ticks across.
    let x = Linear::nice(years.iter().map(|(_, s)| s.iter().sum::<f64>()), true, (x0, x1), (x1 - x0) / 2.5);
    let top = MARGIN + legend_h + font * 0.5;
    let band = Band::top(top, row, bar_h);
    let mut plot = Plot::new(width, (top + row * 2.0 + font * 1.8 + MARGIN) as u32);
    plot.add(Mark::Legend { legend, x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN });
    for (j, (year, shares)) in years.iter().enumerate() {
        plot.add(text(year.to_string(), (x0 - 8.0, band.at(j) + bar_h / 2.0), style.body(), Align::End, Baseline::Middle));
        plot.extend(segments(j, shares, &x, &band, colours, &style, lang));
    }
    let ticks = x.ticks((x1 - x0) / 2.5);
    let labels = ticks
        .iter()
        .map(|t| {
            let align = if *t == x.d0 {
                Align::Start
            } else if *t == x.d1 {
                Align::End
            } else {
                Align::Middle
            };
            Label::new(format!("{t}%"), (*t, top + row * 2.0 + 2.0), style.small(), align, Baseline::Top)
        })
        .collect();
    plot.add(Mark::Text { x: Scale::Linear(x), y: Scale::Px, labels });
    plot
}

fn summary(lang: Lang) -> String {
    let (young, work, old) = (&TABLE1[0], &TABLE1[1], &TABLE1[2]);
    // The young's share moved least: "edged up" or "edged down".
    let up = young.share_2020.value >= young.share_2010.value;
    match lang {
        Lang::Zh => format!(
            "2010年到2020年，65岁及以上人口占比由{}%升至{}%，15—64岁由{}%降至{}%，0—14岁由{}%略{}至{}%。",
            old.share_2010.text, old.share_2020.text, work.share_2010.text, work.share_2020.text, young.share_2010.text, if up { "升" } else { "降" }, young.share_2020.text
        ),
        Lang::En => format!(
            "From 2010 to 2020 the share aged 65+ rose from {}% to {}%, the share aged 15-64 fell from {}% to {}%, and the share aged 0-14 edged {} from {}% to {}%.",
            old.share_2010.text, old.share_2020.text, work.share_2010.text, work.share_2020.text, if up { "up" } else { "down" }, young.share_2010.text, young.share_2020.text
        ),
    }
}

fn data(lang: Lang) -> DataTable {
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
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summary(lang),
        sources: vec![TABLE1_AT.cite(lang)],
        notes: Vec::new(),
        table: data(lang),
    };
    finish(ID, spec, &plot(width, spec), texts)
}
