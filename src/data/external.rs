//! Public facts from outside the plan (`data/external/*.csv`), each row with
//! its source address. Several sources are reposts of official bulletins:
//! those are marked secondary, and rows the file marks `derived` are
//! arithmetic, not published values. The files become constants when the
//! crate is built (`build.rs`); nothing is parsed at run time.

use serde::Serialize;

use super::Source;
use crate::error::{Error, ErrorKind};

pub const CENSUS_FACTS_FILE: &str = "liangshan_sichuan_census_facts.csv";
pub const WPP_INDICATORS_FILE: &str = "wpp2024_china_annual_indicators.csv";
pub const COUNTY_AREA_FILE: &str = "liangshan_county_area_km2.csv";

include!(concat!(env!("OUT_DIR"), "/external.rs"));

/// A row of the census facts file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CensusFact {
    pub area: &'static str,
    pub year: u16,
    pub indicator: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub source: Source,
    /// The file marks the row as arithmetic on published changes.
    pub derived: bool,
}

/// A county's land area.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyArea {
    pub county_zh: &'static str,
    pub county_en: &'static str,
    pub area_km2: f64,
    pub source: Source,
    /// Other values found in other sources, as the file states them.
    pub alternative_values: &'static str,
}

/// The census facts, in file order.
pub fn census_facts() -> &'static [CensusFact] {
    &CENSUS_FACTS
}

/// One census fact by area, year and indicator.
pub fn census_fact(area: &str, year: u16, indicator: &str) -> Result<CensusFact, Error> {
    CENSUS_FACTS.iter().find(|c| c.area == area && c.year == year && c.indicator == indicator).cloned().ok_or_else(|| {
        ErrorKind::InvalidArgument {
            name: "census fact",
            value: format!("{area} {year} {indicator}"),
            expected: "a row of data/external/liangshan_sichuan_census_facts.csv",
        }
        .into()
    })
}

/// A UN WPP 2024 indicator for China (`indicator` and `variant` as the file
/// names them, e.g. `e0_female`, `estimate`). National: a reference.
pub fn wpp_china(indicator: &str, variant: &str, year: u16) -> Result<f64, Error> {
    WPP_CHINA.iter().find(|(i, v, y, _)| *i == indicator && *v == variant && *y == year).map(|r| r.3).ok_or_else(|| {
        ErrorKind::InvalidArgument {
            name: "WPP indicator",
            value: format!("{indicator} {variant} {year}"),
            expected: "a row of data/external/wpp2024_china_annual_indicators.csv",
        }
        .into()
    })
}

/// The land area of the 17 counties, in file order.
pub fn county_areas() -> &'static [CountyArea] {
    &COUNTY_AREAS
}
