//! 图2: population density of the 17 counties, as a schematic tile map
//! ([`map`]) and as ranked bars ([`bars`]); here, the data and the texts
//! both share. Tiles are placed roughly where each county lies; this is not
//! a surveyed map (published maps in China need map-review approval). Areas
//! come from a secondary source, which the charts say.

use plotters::style::RGBColor;

use super::table;
use super::DataTable;
use crate::data::counties::{County, COUNTIES, TABLE3_AT};
use crate::data::external::{county_areas, CountyArea, COUNTY_AREA_FILE};
use crate::data::tables::{FIGURES, TABLE1};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang};

pub mod bars;
pub mod map;

/// Class breaks in persons per km², and a sequential blue scale (light to dark).
pub const BREAKS: [f64; 4] = [50.0, 80.0, 100.0, 150.0];
pub const CLASS_COLOURS: [RGBColor; 5] = [
    RGBColor(0xEF, 0xF3, 0xFF),
    RGBColor(0xBD, 0xD7, 0xE7),
    RGBColor(0x6B, 0xAE, 0xD6),
    RGBColor(0x31, 0x82, 0xBD),
    RGBColor(0x08, 0x51, 0x9C),
];

pub fn class_of(density: f64) -> usize {
    BREAKS.iter().take_while(|b| density >= **b).count()
}

pub struct Row<'a> {
    pub county: &'a County,
    pub area: CountyArea,
    pub density: f64,
}

pub fn rows() -> Result<Vec<Row<'static>>, Error> {
    let areas = county_areas();
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
pub fn prefecture_density(rows: &[Row]) -> f64 {
    let pop: f64 = TABLE1.iter().map(|r| r.count_2020.value).sum();
    pop / rows.iter().map(|r| r.area.area_km2).sum::<f64>()
}

pub fn class_label(i: usize, lang: Lang) -> String {
    let f = |x: f64| fixed(x, 0, lang);
    match i {
        0 => format!("< {}", f(BREAKS[0])),
        i if i == BREAKS.len() => format!("≥ {}", f(BREAKS[BREAKS.len() - 1])),
        i => format!("{}–{}", f(BREAKS[i - 1]), f(BREAKS[i])),
    }
}

/// The summary, sources, notes and data table both charts show.
pub fn common(lang: Lang, rows: &[Row]) -> (String, Vec<String>, Vec<String>, DataTable) {
    let avg = prefecture_density(rows);
    let sorted = crate::num::largest_first(rows.iter(), |r| r.density);
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
                r.area.alternative_values.to_string(),
            ]
        })
        .collect();
    (summary, sources, notes, table(&cols, table_rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::counties as c;

    #[test]
    fn densities_follow_from_population_and_area() {
        let rows = rows().unwrap();
        let xichang = rows.iter().find(|r| r.county.county_id() == c::XICHANG).unwrap();
        assert!((xichang.density - 955_000.0 / 2655.0).abs() < 1e-9);
        assert_eq!(class_of(xichang.density), 4);
        let muli = rows.iter().find(|r| r.county.county_id() == c::MULI).unwrap();
        assert_eq!(class_of(muli.density), 0);
        assert!((prefecture_density(&rows) - 4_858_359.0 / 60_423.0).abs() < 1e-9);
    }
}
