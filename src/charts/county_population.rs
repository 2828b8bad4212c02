//! 表3: the resident population of each county in 2020, as sorted
//! horizontal bars.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{accessible_svg, palette, text_width, Chart, DataTable};
use crate::data::counties::{County, COUNTIES, TABLE3_AT};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, ten_thousands, Lang};

pub const ID: &str = "county-population";

pub const TITLE: crate::i18n::Text = crate::i18n::Text::new("各县（市）常住人口，2020年", "Resident population by county, 2020");

const FONT_PX: f64 = 14.0;
const ROW_PX: i32 = 28;
const BAR_PX: i32 = 18;
const TOP_PX: i32 = 50;
const MARGIN_PX: i32 = 8;

/// plotters writes `font-size` as the style size divided by 1.24.
fn style(px: f64, color: &'static RGBColor, h: HPos, v: VPos) -> TextStyle<'static> {
    TextStyle::from((FontFamily::SansSerif, px * 1.24)).color(color).pos(Pos::new(h, v))
}

fn value_label(c: &County, lang: Lang) -> String {
    ten_thousands(c.pop_2020.value, c.pop_2020.decimals() as usize, lang)
}

/// A tick step (in 万人) that gives labels at least `min_gap_px` apart.
fn tick_step(max: f64, plot_px: f64, min_gap_px: f64) -> f64 {
    for step in [10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 500.0] {
        if plot_px * step / max >= min_gap_px {
            return step;
        }
    }
    1000.0
}

fn draw_err<E: std::fmt::Debug>(e: E) -> Error {
    ErrorKind::Chart(format!("{e:?}")).into()
}

pub fn render(width: u32, lang: Lang) -> Result<Chart, Error> {
    let mut sorted: Vec<&County> = COUNTIES.iter().collect();
    sorted.sort_by(|a, b| b.pop_2020.value.total_cmp(&a.pop_2020.value));

    let label_w = sorted.iter().map(|c| text_width(c.short.get(lang), FONT_PX)).fold(0.0, f64::max) + 10.0;
    let value_w = sorted.iter().map(|c| text_width(&value_label(c, lang), FONT_PX)).fold(0.0, f64::max) + 10.0;
    let x0 = MARGIN_PX + label_w.ceil() as i32;
    let x1 = width as i32 - MARGIN_PX - value_w.ceil() as i32;
    let plot_px = f64::from((x1 - x0).max(1));
    let max_value = sorted.first().map_or(1.0, |c| c.pop_2020.value);
    let step = tick_step(max_value, plot_px, if lang == Lang::En { 56.0 } else { 44.0 });
    let domain_max = (max_value / step).ceil() * step;
    let x_of = |v: f64| x0 + (v / domain_max * plot_px).round() as i32;
    let height = TOP_PX + ROW_PX * sorted.len() as i32 + MARGIN_PX;

    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (width, height as u32)).into_drawing_area();
        root.fill(&palette::PAPER).map_err(draw_err)?;
        let bottom = TOP_PX + ROW_PX * sorted.len() as i32;

        // Unit, then the axis: ticks along the top with light gridlines.
        let unit = match lang {
            Lang::Zh => "常住人口（万人）",
            Lang::En => "Residents (thousands)",
        };
        root.draw(&Text::new(unit, (x0, 4), style(FONT_PX, &palette::MUTED, HPos::Left, VPos::Top)))
            .map_err(draw_err)?;
        let mut v = 0.0;
        while v <= domain_max + 1e-9 {
            let x = x_of(v);
            root.draw(&PathElement::new(vec![(x, TOP_PX - 6), (x, bottom)], palette::GRID.stroke_width(1)))
                .map_err(draw_err)?;
            let label = match lang {
                Lang::Zh => fixed(v, 0, lang),
                Lang::En => fixed(v * 10.0, 0, lang),
            };
            let h = if v == 0.0 { HPos::Left } else if v >= domain_max - 1e-9 { HPos::Right } else { HPos::Center };
            root.draw(&Text::new(label, (x, TOP_PX - 10), style(FONT_PX * 0.9, &palette::MUTED, h, VPos::Bottom)))
                .map_err(draw_err)?;
            v += step;
        }

        for (i, c) in sorted.iter().enumerate() {
            let y = TOP_PX + ROW_PX * i as i32 + (ROW_PX - BAR_PX) / 2;
            let cy = y + BAR_PX / 2;
            let x_end = x_of(c.pop_2020.value).max(x0 + 1);
            root.draw(&Rectangle::new([(x0, y), (x_end, y + BAR_PX)], palette::BLUE.filled()))
                .map_err(draw_err)?;
            root.draw(&Text::new(c.short.get(lang), (x0 - 8, cy), style(FONT_PX, &palette::INK, HPos::Right, VPos::Center)))
                .map_err(draw_err)?;
            root.draw(&Text::new(value_label(c, lang), (x_end + 6, cy), style(FONT_PX, &palette::INK, HPos::Left, VPos::Center)))
                .map_err(draw_err)?;
        }
        // The zero line.
        root.draw(&PathElement::new(vec![(x0, TOP_PX - 6), (x0, bottom)], palette::INK.stroke_width(1)))
            .map_err(draw_err)?;
        root.present().map_err(draw_err)?;
    }

    let title = TITLE.get(lang).to_string();
    let summary = summarise(&sorted, lang);
    let svg = accessible_svg(&raw, ID, width, height as u32, &title, &summary)?;
    Ok(Chart {
        id: ID,
        lang,
        title,
        summary,
        source: match lang {
            Lang::Zh => format!("来源：{}", TABLE3_AT.cite(lang)),
            Lang::En => format!("Source: {}", TABLE3_AT.cite(lang)),
        },
        svg,
        table: table(lang),
    })
}

/// One sentence about the data: the largest and smallest county and how far
/// the first stands above the second.
fn summarise(sorted: &[&County], lang: Lang) -> String {
    let (Some(first), Some(second), Some(last)) = (sorted.first(), sorted.get(1), sorted.last()) else {
        return String::new();
    };
    let times = first.pop_2020.value / second.pop_2020.value;
    match lang {
        Lang::Zh => format!(
            "{}个县（市）中，{}常住人口最多（{}，占全州{}%），是第二位{}的{:.1}倍；{}最少（{}）。",
            sorted.len(),
            first.name.zh,
            value_label(first, lang) + "人",
            first.share_2020.text,
            second.name.zh,
            times,
            last.name.zh,
            value_label(last, lang) + "人",
        ),
        Lang::En => format!(
            "Of the {} counties, {} has the most residents ({}, {}% of the prefecture), {:.1} times second-placed {}; {} has the fewest ({}).",
            sorted.len(),
            first.name.en,
            value_label(first, lang),
            first.share_2020.text,
            times,
            second.name.en,
            last.name.en,
            value_label(last, lang),
        ),
    }
}

/// 表3 as printed, in its own order.
pub fn table(lang: Lang) -> DataTable {
    let columns: [&str; 6] = match lang {
        Lang::Zh => ["序号", "县（市）", "“七普”常住人口（万人）", "“七普”占比（%）", "“六普”占比（%）", "增长/减少（百分点）"],
        Lang::En => ["No.", "County", "Residents 2020", "Share 2020 (%)", "Share 2010 (%)", "Change (points)"],
    };
    let rows = COUNTIES
        .iter()
        .map(|c| {
            vec![
                c.table3_no.to_string(),
                c.name.get(lang).to_string(),
                match lang {
                    Lang::Zh => c.pop_2020.text.to_string(),
                    Lang::En => fixed(c.pop_2020.value * 1e4, 0, lang),
                },
                c.share_2020.text.to_string(),
                c.share_2010.text.to_string(),
                c.share_change.text.to_string(),
            ]
        })
        .collect();
    DataTable { columns: columns.iter().map(|s| s.to_string()).collect(), rows }
}
