//! 图1: resident and registered (hukou) population, 2010 and 2020, and the
//! growing gap between them.

use super::canvas::{draw_svg, Align, Baseline, Key, Legend, Scale};
use super::ChartId;
use super::{assemble, table, text_width, Chart, Parts, Spec};
use crate::data::facts::fact;
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
    let resident_2020 = fact("resident_pop_2020").ok_or_else(|| missing("resident_pop_2020"))?.value.value;
    let registered_2020 = fact("registered_pop_2020").ok_or_else(|| missing("registered_pop_2020"))?.value.value;
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

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    let years = data()?;
    let names = match lang {
        Lang::Zh => ["常住人口", "户籍人口", "推算值"],
        Lang::En => ["Resident", "Registered", "derived"],
    };
    let margin = 8.0;
    let legend = Legend {
        entries: vec![
            (Key::Swatch(style.series[0]), names[0]),
            (Key::Swatch(style.series[1]), names[1]),
            (Key::Hatch(style.series[1]), names[2]),
        ],
    };
    let legend_h = legend.height(margin, f64::from(width) - margin, font);
    let top = margin + legend_h + font * 2.0;
    let plot_h = (font * 18.0).min(f64::from(width) * 0.6).max(font * 12.0);
    let bottom = top + plot_h;
    let height = (bottom + font * 3.8 + margin) as u32;
    let axis_w = text_width("600", font * 0.9) + 10.0;
    let x0 = margin + axis_w;
    let gap_label = |gap: f64| match lang {
        Lang::Zh => format!("差{}", wan(gap, lang)),
        Lang::En => format!("gap {}", wan(gap, lang)),
    };
    let x1 = f64::from(width) - margin;
    let y = Scale::new((0.0, 600.0), (bottom, top));
    let group_w = (x1 - x0) / 2.0;
    let bar_w = (group_w * 0.28).min(font * 6.0);

    let raw = draw_svg(width, height, style, |c| {
        legend.draw(c, margin, f64::from(width) - margin, margin)?;
        c.note(if lang == Lang::Zh { "万人" } else { "millions" }, margin, top - font, Align::Start, Baseline::Bottom)?;
        for t in y.ticks(font * 3.0) {
            let py = y.map(t);
            c.line(&[(x0, py), (x1, py)], style.grid, 1)?;
            let label = if lang == Lang::Zh { fixed(t, 0, lang) } else { fixed(t / 100.0, 0, lang) };
            c.note(&label, x0 - 6.0, py, Align::End, Baseline::Middle)?;
        }
        for (g, yr) in years.iter().enumerate() {
            let cx = x0 + group_w * (g as f64 + 0.5);
            let bars = [(yr.resident, false), (yr.registered, yr.registered_derived)];
            let mut tops = [0.0; 2];
            for (i, (v, derived)) in bars.iter().enumerate() {
                let bx = cx + if i == 0 { -bar_w - 2.0 } else { 2.0 };
                let by = y.map(*v);
                tops[i] = by;
                if *derived {
                    c.hatch(bx, by, bx + bar_w, bottom, style.series[i], 5.0)?;
                } else {
                    c.rect(bx, by, bx + bar_w, bottom, style.series[i])?;
                }
                c.label(&wan(*v, lang), bx + bar_w / 2.0, by - 4.0, Align::Middle, Baseline::Bottom)?;
            }
            // The gap, as a bracket between the two bar tops.
            let gap = yr.registered - yr.resident;
            let gx = cx + bar_w + 10.0;
            c.line(&[(gx - 4.0, tops[1]), (gx, tops[1]), (gx, tops[0]), (gx - 4.0, tops[0])], style.ink, 1)?;
            // Under the year, where it cannot run into the next pair of bars.
            c.label(&yr.year.to_string(), cx, bottom + 6.0, Align::Middle, Baseline::Top)?;
            c.text(&gap_label(gap), cx, bottom + 6.0 + font * 1.4, font, style.ink, Align::Middle, Baseline::Top, true)?;
        }
        c.line(&[(x0, bottom), (x1, bottom)], style.ink, 1)
    })?;

    let gap = |y: &Year| y.registered - y.resident;
    let summary = match lang {
        Lang::Zh => format!(
            "户籍人口与常住人口之差由2010年的约{}扩大到2020年的{}：登记在凉山、常住在外的人越来越多。",
            wan(gap(&years[0]), lang) + "人",
            wan(gap(&years[1]), lang) + "人"
        ),
        Lang::En => format!(
            "The gap between registered and resident population widened from about {} in 2010 to {} in 2020: more people registered in Liangshan live elsewhere.",
            wan(gap(&years[0]), lang),
            wan(gap(&years[1]), lang)
        ),
    };
    let derived_how = registered_2010_source()?.cite(lang);
    let notes = vec![match lang {
        Lang::Zh => format!("2010年户籍人口为推算值（斜线）：{derived_how}。2010年常住人口为表1三组人口之和。"),
        Lang::En => format!(
            "The 2010 registered population (hatched) is {derived_how}. The 2010 resident population is the sum of Table 1's age groups."
        ),
    }];
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["年份", "常住人口（万人）", "户籍人口（万人）", "差（万人）"],
        Lang::En => ["Year", "Resident", "Registered", "Gap"],
    };
    let derived_mark = if lang == Lang::Zh { "（推算）" } else { " (derived)" };
    let cell = |v: f64| if lang == Lang::Zh { fixed(v, 1, lang) } else { fixed(v * 1e4, 0, lang) };
    let rows = years
        .iter()
        .map(|yr| {
            let mark = if yr.registered_derived { derived_mark } else { "" };
            vec![yr.year.to_string(), cell(yr.resident), cell(yr.registered) + mark, cell(gap(yr))]
        })
        .collect();
    let fig = FIGURES[0].1;
    assemble(
        spec,
        width,
        height,
        &raw,
        Parts {
            id: ID,
            title: TITLE.get(lang).to_string(),
            summary,
            sources: vec![fig.cite(lang), TABLE1_AT.cite(lang)],
            notes,
            table: table(&cols, rows),
        },
    )
}
