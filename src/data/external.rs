//! Public facts from outside the plan (`data/external/*.csv`), each row with
//! its source address. Several sources are reposts of official bulletins:
//! those are marked secondary, and rows the file marks `derived` are
//! arithmetic, not published values.

use serde::Serialize;

use super::Source;
use crate::csv;
use crate::error::{Error, ErrorKind};

pub const CENSUS_FACTS_FILE: &str = "liangshan_sichuan_census_facts.csv";
const CENSUS_FACTS_CSV: &str = include_str!("../../data/external/liangshan_sichuan_census_facts.csv");
pub const WPP_INDICATORS_FILE: &str = "wpp2024_china_annual_indicators.csv";
const WPP_INDICATORS_CSV: &str = include_str!("../../data/external/wpp2024_china_annual_indicators.csv");
pub const COUNTY_AREA_FILE: &str = "liangshan_county_area_km2.csv";
const COUNTY_AREA_CSV: &str = include_str!("../../data/external/liangshan_county_area_km2.csv");

/// A row of the census facts file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CensusFact {
    pub area: String,
    pub year: u16,
    pub indicator: String,
    pub value: f64,
    pub unit: String,
    pub source: Source,
    /// The file marks the row as arithmetic on published changes.
    pub derived: bool,
}

/// A county's land area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyArea {
    pub county_zh: String,
    pub county_en: String,
    pub area_km2: f64,
    pub source: Source,
    /// Other values found in other sources, as the file states them.
    pub alternative_values: String,
}

fn is_official(url: &str) -> bool {
    url.split('/').nth(2).is_some_and(|host| host.ends_with(".gov.cn"))
}

fn field<'a>(file: &str, r: &'a csv::Record, i: usize, name: &str) -> Result<&'a str, Error> {
    r.fields
        .get(i)
        .map(String::as_str)
        .ok_or_else(|| ErrorKind::Csv { file: file.to_string(), line: r.line, message: format!("missing field {name}") }.into())
}

fn number<T: std::str::FromStr>(file: &str, r: &csv::Record, i: usize, name: &str) -> Result<T, Error> {
    let s = field(file, r, i, name)?;
    s.trim()
        .parse()
        .map_err(|_| ErrorKind::Csv { file: file.to_string(), line: r.line, message: format!("{name} is not a number: {s:?}") }.into())
}

/// The census facts, in file order.
pub fn census_facts() -> Result<&'static [CensusFact], Error> {
    static FACTS: std::sync::OnceLock<Vec<CensusFact>> = std::sync::OnceLock::new();
    Ok(csv::read_once(&FACTS, read_census_facts)?)
}

fn read_census_facts() -> Result<Vec<CensusFact>, Error> {
    let f = CENSUS_FACTS_FILE;
    csv::parse(f, CENSUS_FACTS_CSV)?
        .iter()
        .skip(1)
        .map(|r| {
            let indicator = field(f, r, 2, "indicator")?.to_string();
            let src = field(f, r, 5, "source")?;
            let derived = indicator.ends_with("_derived") || src.starts_with("derived");
            Ok(CensusFact {
                area: field(f, r, 0, "area")?.to_string(),
                year: number(f, r, 1, "year")?,
                value: number(f, r, 3, "value")?,
                unit: field(f, r, 4, "unit")?.to_string(),
                source: Source::External { file: f, url: src.to_string(), secondary: !is_official(src) },
                derived,
                indicator,
            })
        })
        .collect()
}

/// One census fact by area, year and indicator.
pub fn census_fact(area: &str, year: u16, indicator: &str) -> Result<CensusFact, Error> {
    census_facts()?.iter().find(|c| c.area == area && c.year == year && c.indicator == indicator).cloned().ok_or_else(|| {
        ErrorKind::InvalidArgument {
            name: "census fact",
            value: format!("{area} {year} {indicator}"),
            expected: "a row of data/external/liangshan_sichuan_census_facts.csv",
        }
        .into()
    })
}

/// The UN WPP 2024 indicators for China, read once: (indicator, variant, year, value).
fn wpp_rows() -> Result<&'static [(String, String, u16, f64)], Error> {
    static ROWS: std::sync::OnceLock<Vec<(String, String, u16, f64)>> = std::sync::OnceLock::new();
    Ok(csv::read_once(&ROWS, || {
        let f = WPP_INDICATORS_FILE;
        csv::parse(f, WPP_INDICATORS_CSV)?
            .iter()
            .skip(1)
            .map(|r| {
                Ok((
                    field(f, r, 0, "indicator")?.to_string(),
                    field(f, r, 1, "variant")?.to_string(),
                    number(f, r, 2, "year")?,
                    number(f, r, 3, "value")?,
                ))
            })
            .collect::<Result<Vec<_>, Error>>()
    })?)
}

/// A UN WPP 2024 indicator for China (`indicator` and `variant` as the file
/// names them, e.g. `e0_female`, `estimate`). National: a reference.
pub fn wpp_china(indicator: &str, variant: &str, year: u16) -> Result<f64, Error> {
    wpp_rows()?.iter().find(|(i, v, y, _)| i == indicator && v == variant && *y == year).map(|r| r.3).ok_or_else(|| {
        ErrorKind::InvalidArgument {
            name: "WPP indicator",
            value: format!("{indicator} {variant} {year}"),
            expected: "a row of data/external/wpp2024_china_annual_indicators.csv",
        }
        .into()
    })
}

/// The land area of the 17 counties, in file order, read once.
pub fn county_areas() -> Result<&'static [CountyArea], Error> {
    static AREAS: std::sync::OnceLock<Vec<CountyArea>> = std::sync::OnceLock::new();
    Ok(csv::read_once(&AREAS, read_county_areas)?)
}

fn read_county_areas() -> Result<Vec<CountyArea>, Error> {
    let f = COUNTY_AREA_FILE;
    csv::parse(f, COUNTY_AREA_CSV)?
        .iter()
        .skip(1)
        .map(|r| {
            let src = field(f, r, 3, "source")?;
            Ok(CountyArea {
                county_zh: field(f, r, 0, "county_zh")?.to_string(),
                county_en: field(f, r, 1, "county_en")?.to_string(),
                area_km2: number(f, r, 2, "area_km2")?,
                source: Source::External { file: f, url: src.to_string(), secondary: true },
                alternative_values: r.fields.get(4).cloned().unwrap_or_default(),
            })
        })
        .collect()
}
