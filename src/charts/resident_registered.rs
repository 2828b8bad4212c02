//! 图1: resident and registered (hukou) population, 2010 and 2020, and the
//! growing gap between them.

use super::canvas::{Align, Baseline, Key, Legend, Style};
use super::grammar::{line, text, y_axis, Band, Bar, Fill, Font, Linear, Mark, Orient, Plot};
use super::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::facts::required;
use crate::data::tables::{FIGURES, TABLE1, TABLE1_AT};
use crate::data::Source;
use crate::error::Error;
use crate::i18n::{fixed, ten_thousands, Lang, Text};
use crate::indicators::derived::derived_figures;

pub const ID: ChartId = ChartId::ResidentRegistered;
pub const TITLE: Text = Text::new("常住人口与户籍人口，2010年和2020年", "Resident and registered population, 2010 and 2020");

struct Year {
    year: u16,
    resident: f64,
    registered: f64,
    registered_derived: bool,
}

/// How the 2010 registered population is derived (the plan prints only 2020's and the change).
fn registered_2010_source() -> Result<Source, Error> {
    Ok(derived_figures()?.into_iter().find(|d| d.id == "registered_pop_2010").ok_or_else(|| missing("registered_pop_2010"))?.source)
}

use crate::error::missing_data as missing;

fn data() -> Result<[Year; 2], Error> {
    let resident_2010 = TABLE1.iter().map(|r| r.count_2010.value).sum::<f64>() / 1e4;
    let registered_2010 =
        derived_figures()?.into_iter().find(|d| d.id == "registered_pop_2010").ok_or_else(|| missing("registered_pop_2010"))?.value;
    let resident_2020 = required("resident_pop_2020")?.value.value;
    let registered_2020 = required("registered_pop_2020")?.value.value;
    Ok([
        Year { year: 2010, resident: resident_2010, registered: registered_2010, registered_derived: true },
        Year { year: 2020, resident: resident_2020, registered: registered_2020, registered_derived: false },
    ])
}

/// A figure in 万 as a short label: "453.3万"; in English "4.53m" or "256k".
fn wan(x: f64, lang: Lang) -> String {
    match lang {
        Lang::Zh => ten_thousands(x, 1, lang),
        Lang::En if x >= 100.0 => format!("{}m", fixed(x / 100.0, 2, lang)),
        Lang::En => format!("{}k", fixed(x * 10.0, 0, lang)),
    }
}

const MARGIN: f64 = 8.0;

/// Each census: its two bars (the registered one of 2010 hatched: derived),
/// their values, the gap as a bracket between their tops, and under them
/// the year and the gap.
fn groups(years: &[Year; 2], y: &Linear, bands: [Band; 2], bottom: f64, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let mut out = Vec::new();
    for (g, yr) in years.iter().enumerate() {
        let mut tops = [0.0; 2];
        for (i, (v, derived)) in [(yr.resident, false), (yr.registered, yr.registered_derived)].into_iter().enumerate() {
            let fill = if derived { Fill::Hatched { colour: style.series[i], spacing: 5.0 } } else { Fill::Solid(style.series[i]) };
            out.push(Mark::bar(*y, bands[i], Orient::Vertical, Bar { band: g, from: 0.0, to: v, fill }, 0.0));
            tops[i] = y.map(v);
            out.push(text(
                wan(v, lang),
                (bands[i].inner_at(g) + bands[i].inner / 2.0, tops[i] - 4.0),
                style.body(),
                Align::Middle,
                Baseline::Bottom,
            ));
        }
        let cx = bands[0].at(g) + bands[0].step / 2.0;
        let gx = cx + bands[1].inner + 10.0;
        out.push(line(vec![(gx - 4.0, tops[1]), (gx, tops[1]), (gx, tops[0]), (gx - 4.0, tops[0])], style.ink, 1));
        // Under the year, where it cannot run into the next pair of bars.
        out.push(text(yr.year.to_string(), (cx, bottom + 6.0), style.body(), Align::Middle, Baseline::Top));
        let gap = Text::new("差", "gap ").get(lang).to_string() + &wan(yr.registered - yr.resident, lang);
        out.push(text(gap, (cx, bottom + 6.0 + font * 1.4), Font { bold: true, ..style.body() }, Align::Middle, Baseline::Top));
    }
    out
}

fn plot(width: u32, years: &[Year; 2], spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let names =
        [Text::new("常住人口", "Resident"), Text::new("户籍人口", "Registered"), Text::new("推算值", "derived")].map(|t| t.get(lang));
    let legend = Legend {
        entries: vec![
            (Key::Swatch(style.series[0]), names[0]),
            (Key::Swatch(style.series[1]), names[1]),
            (Key::Hatch(style.series[1]), names[2]),
        ],
    };
    let top = MARGIN + legend.height(MARGIN, f64::from(width) - MARGIN, font) + font * 2.0;
    let plot_h = (font * 18.0).min(f64::from(width) * 0.6).max(font * 12.0);
    let bottom = top + plot_h;
    let x0 = MARGIN + text_width("600", font * 0.9) + 10.0;
    let x1 = f64::from(width) - MARGIN;
    let y = Linear::nice(years.iter().flat_map(|y| [y.resident, y.registered]), true, (bottom, top), font * 3.0);
    let group_w = (x1 - x0) / 2.0;
    let bar_w = (group_w * 0.28).min(font * 6.0);
    // The census's two bars, side by side about the middle of its group.
    let bands = [-bar_w - 2.0, 2.0].map(|dx| Band { start: x0, step: group_w, inner: bar_w, offset: group_w / 2.0 + dx });
    let mut plot = Plot::new(width, (bottom + font * 3.8 + MARGIN) as u32);
    plot.add(Mark::Legend { legend, x0: MARGIN, x1: f64::from(width) - MARGIN, y0: MARGIN });
    plot.add(text(Text::new("万人", "millions").get(lang), (MARGIN, top - font), style.small(), Align::Start, Baseline::Bottom));
    // 万 in Chinese, millions in English.
    let label = |t: f64| if lang == Lang::Zh { fixed(t, 0, lang) } else { fixed(t / 100.0, 0, lang) };
    plot.extend(y_axis(&y, &y.ticks(font * 3.0), (x0, x1), label, &style, style.grid));
    plot.extend(groups(years, &y, bands, bottom, &style, lang));
    plot.add(line(vec![(x0, bottom), (x1, bottom)], style.ink, 1));
    plot
}

fn summary(years: &[Year; 2], lang: Lang) -> String {
    let gap = |y: &Year| wan(y.registered - y.resident, lang);
    match lang {
        Lang::Zh => format!("户籍人口与常住人口之差由2010年的约{}人扩大到2020年的{}人：登记在凉山、常住在外的人越来越多。", gap(&years[0]), gap(&years[1])),
        Lang::En => format!(
            "The gap between registered and resident population widened from about {} in 2010 to {} in 2020: more people registered in Liangshan live elsewhere.",
            gap(&years[0]),
            gap(&years[1])
        ),
    }
}

fn data_table(years: &[Year; 2], lang: Lang) -> DataTable {
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["年份", "常住人口（万人）", "户籍人口（万人）", "差（万人）"],
        Lang::En => ["Year", "Resident", "Registered", "Gap"],
    };
    let derived_mark = Text::new("（推算）", " (derived)").get(lang);
    let cell = |v: f64| if lang == Lang::Zh { fixed(v, 1, lang) } else { fixed(v * 1e4, 0, lang) };
    let rows = years
        .iter()
        .map(|yr| {
            let mark = if yr.registered_derived { derived_mark } else { "" };
            vec![yr.year.to_string(), cell(yr.resident), cell(yr.registered) + mark, cell(yr.registered - yr.resident)]
        })
        .collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let years = data()?;
    let derived_how = registered_2010_source()?.cite(lang);
    let notes = vec![match lang {
        Lang::Zh => format!("2010年户籍人口为推算值（斜线）：{derived_how}。2010年常住人口为表1三组人口之和。"),
        Lang::En => format!(
            "The 2010 registered population (hatched) is {derived_how}. The 2010 resident population is the sum of Table 1's age groups."
        ),
    }];
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summary(&years, lang),
        sources: vec![FIGURES[0].1.cite(lang), TABLE1_AT.cite(lang)],
        notes,
        table: data_table(&years, lang),
    };
    finish(ID, spec, &plot(width, &years, spec), texts)
}
