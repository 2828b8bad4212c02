//! 图2: population density of the 17 counties, as a schematic tile map and
//! as sorted bars. Tiles are placed roughly where each county lies; this is
//! not a surveyed map (published maps in China need map-review approval).
//! Areas come from a secondary source, which the chart says.

use plotters::style::RGBColor;

use super::bars::{self, Bar, Bars, RefLine};
use super::canvas::{draw_svg, text_on, Align, Baseline};
use super::ChartId;
use super::{assemble, table, text_width, wrap, Chart, DataTable, Parts, Spec};
use crate::data::counties::{County, COUNTIES, TABLE3_AT};
use crate::data::external::{county_areas, CountyArea, COUNTY_AREA_FILE};
use crate::data::tables::{FIGURES, TABLE1};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang, Text};

pub const MAP_ID: ChartId = ChartId::DensityMap;
pub const BARS_ID: ChartId = ChartId::DensityBars;
pub const MAP_TITLE: Text = Text::new("各县（市）人口密度示意图，2020年", "Population density by county, 2020 (schematic)");
pub const BARS_TITLE: Text = Text::new("各县（市）人口密度排序，2020年", "Population density by county, ranked, 2020");

/// Schematic tile positions (column, row; row 0 is north), roughly after
/// each county seat's location.
const TILES: [(&str, u8, u8); 17] = [
    ("ganluo", 3, 0),
    ("mianning", 1, 1),
    ("xide", 2, 1),
    ("yuexi", 3, 1),
    ("muli", 0, 2),
    ("xichang", 1, 2),
    ("zhaojue", 2, 2),
    ("meigu", 3, 2),
    ("leibo", 4, 2),
    ("yanyuan", 0, 3),
    ("dechang", 1, 3),
    ("puge", 2, 3),
    ("butuo", 3, 3),
    ("jinyang", 4, 3),
    ("huili", 1, 4),
    ("huidong", 2, 4),
    ("ningnan", 3, 4),
];

/// Class breaks in persons per km², and a sequential blue scale (light to dark).
const BREAKS: [f64; 4] = [50.0, 80.0, 100.0, 150.0];
const CLASS_COLOURS: [RGBColor; 5] = [
    RGBColor(0xEF, 0xF3, 0xFF),
    RGBColor(0xBD, 0xD7, 0xE7),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x31, 0x82, 0xBD),
    RGBColor(0x08, 0x51, 0x9C),
];

fn class_of(density: f64) -> usize {
    BREAKS.iter().take_while(|b| density >= **b).count()
}

struct Row<'a> {
    county: &'a County,
    area: CountyArea,
    density: f64,
}

fn rows() -> Result<Vec<Row<'static>>, Error> {
    let areas = county_areas()?;
    COUNTIES
        .iter()
        .map(|c| {
            let area = areas.iter().find(|a| a.county_zh == c.name.zh).cloned().ok_or_else(|| {
                Error::from(ErrorKind::InvalidArgument { name: "county area", value: c.name.zh.to_string(), expected: COUNTY_AREA_FILE })
            })?;
            let density = c.pop_2020.value * 1e4 / area.area_km2;
            Ok(Row { county: c, area, density })
        })
        .collect()
}

/// Persons per km² in the whole prefecture: the census total over the sum
/// of the county areas.
fn prefecture_density(rows: &[Row]) -> f64 {
    let pop: f64 = TABLE1.iter().map(|r| r.count_2020.value).sum();
    pop / rows.iter().map(|r| r.area.area_km2).sum::<f64>()
}

fn class_label(i: usize, lang: Lang) -> String {
    let f = |x: f64| fixed(x, 0, lang);
    match i {
        0 => format!("< {}", f(BREAKS[0])),
        i if i == BREAKS.len() => format!("≥ {}", f(BREAKS[BREAKS.len() - 1])),
        i => format!("{}–{}", f(BREAKS[i - 1]), f(BREAKS[i])),
    }
}

fn common(lang: Lang, rows: &[Row]) -> (String, Vec<String>, Vec<String>, DataTable) {
    let avg = prefecture_density(rows);
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by(|a, b| b.density.total_cmp(&a.density));
    let (hi, lo) = (sorted[0], sorted[sorted.len() - 1]);
    let summary = match lang {
        Lang::Zh => format!(
            "{}每平方千米约{}人，是全州平均（约{}人）的{:.1}倍；{}仅约{}人。",
            hi.county.name.zh,
            fixed(hi.density, 0, lang),
            fixed(avg, 0, lang),
            hi.density / avg,
            lo.county.name.zh,
            fixed(lo.density, 0, lang)
        ),
        Lang::En => format!(
            "{} has about {} residents per km², {:.1} times the prefecture's {}; {} has only about {}.",
            hi.county.name.en,
            fixed(hi.density, 0, lang),
            hi.density / avg,
            fixed(avg, 0, lang),
            lo.county.name.en,
            fixed(lo.density, 0, lang)
        ),
    };
    let url = rows.first().map(|r| r.area.source.cite(lang)).unwrap_or_default();
    let sources =
        vec![FIGURES[1].1.cite(lang), TABLE3_AT.cite(lang), format!("{} {url}", if lang == Lang::Zh { "面积：" } else { "areas:" })];
    let notes = vec![match lang {
        Lang::Zh => "人口密度由表3人口除以各县面积算得。面积取自第三方网站（二手来源），西昌、盐源、德昌另有不同数值，见数据表。".to_string(),
        Lang::En => "Density is Table 3's population divided by each county's land area. Areas are from a third-party website (secondary source); Xichang, Yanyuan and Dechang have other values elsewhere, listed in the data table.".to_string(),
    }];
    let cols: [&str; 5] = match lang {
        Lang::Zh => ["县（市）", "常住人口（万人）", "面积（平方千米）", "人口密度（人/平方千米）", "面积的其他数值"],
        Lang::En => ["County", "Residents", "Area (km²)", "Density (per km²)", "Other area values"],
    };
    let table_rows = sorted
        .iter()
        .map(|r| {
            vec![
                r.county.name.get(lang).to_string(),
                if lang == Lang::Zh { r.county.pop_2020.text.to_string() } else { fixed(r.county.pop_2020.value * 1e4, 0, lang) },
                fixed(r.area.area_km2, 0, lang),
                fixed(r.density, 1, lang),
                r.area.alternative_values.clone(),
            ]
        })
        .collect();
    (summary, sources, notes, table(&cols, table_rows))
}

pub fn render_map(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    let rows = rows()?;
    let margin = 8.0;
    let cols = 5.0;
    let gap = 4.0;
    let tile = ((f64::from(width) - 2.0 * margin - gap * (cols - 1.0)) / cols).min(font * 9.0).floor();
    let grid_w = tile * cols + gap * (cols - 1.0);
    let gx = ((f64::from(width) - grid_w) / 2.0).floor();
    let schematic = if lang == Lang::Zh {
        "示意图，非地图：方块位置大致对应各县（市）方位"
    } else {
        "Schematic, not a map: tiles sit roughly where the counties lie"
    };
    let schematic_lines = wrap(schematic, (f64::from(width) - 2.0 * margin) / style.px(0.9));
    let gy = margin + schematic_lines.len() as f64 * font * 1.3 + font * 0.4;
    let grid_h = tile * 5.0 + gap * 4.0;
    let legend_top = gy + grid_h + font;
    let swatch = font * 1.2;
    let legend_row_w = CLASS_COLOURS.len() as f64 * (swatch + 6.0 + text_width("100–150", font * 0.9) + font);
    let legend_rows = if legend_row_w <= f64::from(width) - 2.0 * margin { 1.0 } else { 2.0 };
    let height = (legend_top + font * 1.6 + legend_rows * (swatch + 8.0) + margin) as u32;
    // Name and figure inside each tile, the name shrunk to fit if need be.
    let figure_px = (tile / 4.2).min(font);

    let raw = draw_svg(width, height, style, |c| {
        for (i, line) in schematic_lines.iter().enumerate() {
            c.note(line, margin, margin + i as f64 * font * 1.3, Align::Start, Baseline::Top)?;
        }
        for (id, col, row) in TILES {
            let Some(r) = rows.iter().find(|r| r.county.id == id) else { continue };
            let x = gx + f64::from(col) * (tile + gap);
            let y = gy + f64::from(row) * (tile + gap);
            let fill = CLASS_COLOURS[class_of(r.density)];
            let ink = text_on(fill);
            c.rect(x, y, x + tile, y + tile, fill)?;
            c.outline(x, y, x + tile, y + tile, style.muted, 1)?;
            let name = r.county.short.get(lang);
            let name_px = figure_px.min((tile - 6.0) / (text_width(name, 1.0) * 1.08)).floor();
            c.text(name, x + tile / 2.0, y + tile * 0.38, name_px, ink, Align::Middle, Baseline::Middle, true)?;
            c.text(&fixed(r.density, 0, lang), x + tile / 2.0, y + tile * 0.7, figure_px, ink, Align::Middle, Baseline::Middle, false)?;
        }
        c.note(if lang == Lang::Zh { "人/平方千米" } else { "persons per km²" }, margin, legend_top, Align::Start, Baseline::Top)?;
        let mut lx = margin;
        let mut ly = legend_top + font * 1.6;
        for (i, colour) in CLASS_COLOURS.iter().enumerate() {
            let label = class_label(i, lang);
            let w = swatch + 6.0 + text_width(&label, font * 0.9) + font;
            if lx + w > f64::from(width) - margin {
                lx = margin;
                ly += swatch + 8.0;
            }
            c.rect(lx, ly, lx + swatch, ly + swatch, *colour)?;
            c.outline(lx, ly, lx + swatch, ly + swatch, style.muted, 1)?;
            c.note(&label, lx + swatch + 6.0, ly + swatch / 2.0, Align::Start, Baseline::Middle)?;
            lx += w;
        }
        Ok(())
    })?;
    let (summary, sources, notes, table) = common(lang, &rows);
    assemble(spec, width, height, &raw, Parts { id: MAP_ID, title: MAP_TITLE.get(lang).to_string(), summary, sources, notes, table })
}

pub fn render_bars(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let rows = rows()?;
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by(|a, b| b.density.total_cmp(&a.density));
    let avg = prefecture_density(&rows);
    let spec_bars = Bars {
        bars: sorted
            .iter()
            .map(|r| Bar {
                label: r.county.short.get(lang).to_string(),
                value: r.density,
                value_label: fixed(r.density, 0, lang),
                hatched: false,
            })
            .collect(),
        unit: if lang == Lang::Zh { "人/平方千米".to_string() } else { "Persons per km²".to_string() },
        tick_label: match lang {
            Lang::Zh => |v| fixed(v, 0, Lang::Zh),
            Lang::En => |v| fixed(v, 0, Lang::En),
        },
        reference: Some(RefLine {
            value: avg,
            label: match lang {
                Lang::Zh => format!("全州平均 {}", fixed(avg, 0, lang)),
                Lang::En => format!("prefecture {}", fixed(avg, 0, lang)),
            },
        }),
    };
    let (raw, height) = bars::draw(width, spec.style(), &spec_bars)?;
    let (summary, sources, notes, table) = common(lang, &rows);
    assemble(spec, width, height, &raw, Parts { id: BARS_ID, title: BARS_TITLE.get(lang).to_string(), summary, sources, notes, table })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_has_one_tile_and_no_two_share_a_place() {
        for c in COUNTIES.iter() {
            assert_eq!(TILES.iter().filter(|t| t.0 == c.id).count(), 1, "{}", c.id);
        }
        for (i, a) in TILES.iter().enumerate() {
            for b in &TILES[i + 1..] {
                assert!((a.1, a.2) != (b.1, b.2), "{} and {} overlap", a.0, b.0);
            }
        }
    }

    #[test]
    fn densities_follow_from_population_and_area() {
        let rows = rows().unwrap();
        let xichang = rows.iter().find(|r| r.county.id == "xichang").unwrap();
        assert!((xichang.density - 955_000.0 / 2655.0).abs() < 1e-9);
        assert_eq!(class_of(xichang.density), 4);
        let muli = rows.iter().find(|r| r.county.id == "muli").unwrap();
        assert_eq!(class_of(muli.density), 0);
        assert!((prefecture_density(&rows) - 4_858_359.0 / 60_423.0).abs() < 1e-9);
    }
}
