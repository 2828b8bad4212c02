//! Indicators derived from the plan's data: the classifications of 表5's
//! note, county size classes, and the plan audit.

use serde::Serialize;

use crate::data::counties::{County, COUNTIES, TABLE5_NOTE_AT};
use crate::data::Loc;
use crate::i18n::Text;

pub mod audit;
pub mod derived;
pub mod key_figures;

/// A band of a classification: values in `[lower, upper)` (open ends as
/// infinities), with its name.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    pub id: &'static str,
    pub name: Text,
    pub lower: f64,
    pub upper: f64,
}

/// 表5 note ①: bands of the crude birth rate (‰), highest first.
///
/// The note writes ranges such as "21.0‰~19.0‰" without saying which end is
/// included; we take each band as including its lower bound. No county of
/// 表5 lies on a bound, so the convention changes no classification.
pub const BIRTH_RATE_BANDS: [Band; 7] = [
    Band { id: "ultra_high", name: Text::new("超多子化", "ultra-high fertility"), lower: 21.0, upper: f64::INFINITY },
    Band { id: "very_high", name: Text::new("严重多子化", "very high fertility"), lower: 19.0, upper: 21.0 },
    Band { id: "high", name: Text::new("多子化", "high fertility"), lower: 17.0, upper: 19.0 },
    Band { id: "normal", name: Text::new("正常", "normal"), lower: 15.0, upper: 17.0 },
    Band { id: "low", name: Text::new("少子化", "low fertility"), lower: 13.0, upper: 15.0 },
    Band { id: "very_low", name: Text::new("严重少子化", "very low fertility"), lower: 11.0, upper: 13.0 },
    Band { id: "ultra_low", name: Text::new("超少子化", "ultra-low fertility"), lower: f64::NEG_INFINITY, upper: 11.0 },
];

/// 表5 note ②: bands of the share aged 60+ (%). "超过10%" means more than
/// 10%, so here each band includes its upper bound.
pub const AGEING_BANDS: [Band; 4] = [
    Band { id: "not_ageing", name: Text::new("未进入老龄化", "not an ageing society"), lower: f64::NEG_INFINITY, upper: 10.0 },
    Band { id: "mild", name: Text::new("轻度老龄化", "mildly aged"), lower: 10.0, upper: 20.0 },
    Band { id: "moderate", name: Text::new("中度老龄化", "moderately aged"), lower: 20.0, upper: 30.0 },
    Band { id: "severe", name: Text::new("重度老龄化", "severely aged"), lower: 30.0, upper: f64::INFINITY },
];

/// Where the bands are defined.
pub const BANDS_AT: Loc = TABLE5_NOTE_AT;

/// The birth-rate band of a crude birth rate in ‰ (lower bound included).
pub fn birth_rate_band(cbr_per_mille: f64) -> &'static Band {
    BIRTH_RATE_BANDS.iter().find(|b| cbr_per_mille >= b.lower && cbr_per_mille < b.upper).unwrap_or(&BIRTH_RATE_BANDS[0])
}

/// The ageing band of a share aged 60+ in % (upper bound included).
pub fn ageing_band(share_60plus: f64) -> &'static Band {
    AGEING_BANDS.iter().find(|b| share_60plus > b.lower && share_60plus <= b.upper).unwrap_or(&AGEING_BANDS[0])
}

/// Whether a value lies on a band boundary, where the note is ambiguous.
pub fn on_boundary(bands: &[Band], x: f64) -> bool {
    bands.iter().any(|b| (b.lower - x).abs() < 1e-9 || (b.upper - x).abs() < 1e-9)
}

/// The size classes of 第一章第一节 (resident population, 万人).
pub const SIZE_CLASSES: [Band; 4] = [
    Band { id: "over_90", name: Text::new("90万人以上", "over 900,000"), lower: 90.0, upper: f64::INFINITY },
    Band { id: "30_40", name: Text::new("30万至40万人", "300,000-400,000"), lower: 30.0, upper: 40.0 },
    Band { id: "20_30", name: Text::new("20万至30万人", "200,000-300,000"), lower: 20.0, upper: 30.0 },
    Band { id: "10_20", name: Text::new("10万至20万人", "100,000-200,000"), lower: 10.0, upper: 20.0 },
];

/// The size class of a county; `None` for a size the plan names no class for.
pub fn size_class(pop_wan: f64) -> Option<&'static Band> {
    SIZE_CLASSES.iter().find(|b| pop_wan >= b.lower && pop_wan < b.upper)
}

/// One county with its classifications.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountyClassification {
    pub id: &'static str,
    pub name: Text,
    pub cbr_2020: f64,
    pub birth_rate_band: &'static Band,
    pub share_60plus_2020: f64,
    pub ageing_band: &'static Band,
    pub size_class: Option<&'static Band>,
}

pub fn classify(c: &County) -> CountyClassification {
    CountyClassification {
        id: c.id,
        name: c.name,
        cbr_2020: c.cbr_2020.value,
        birth_rate_band: birth_rate_band(c.cbr_2020.value),
        share_60plus_2020: c.share_60plus_2020.value,
        ageing_band: ageing_band(c.share_60plus_2020.value),
        size_class: size_class(c.pop_2020.value),
    }
}

/// Every county of 表5 classified by the note's bands.
pub fn classify_counties() -> Vec<CountyClassification> {
    COUNTIES.iter().map(classify).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_cover_the_line_without_gaps() {
        for w in BIRTH_RATE_BANDS.windows(2) {
            assert_eq!(w[0].lower, w[1].upper);
        }
        for w in AGEING_BANDS.windows(2) {
            assert_eq!(w[0].upper, w[1].lower);
        }
    }

    #[test]
    fn classifies_at_and_around_bounds() {
        assert_eq!(birth_rate_band(21.0).id, "ultra_high");
        assert_eq!(birth_rate_band(20.99).id, "very_high");
        assert_eq!(birth_rate_band(11.0).id, "very_low");
        assert_eq!(birth_rate_band(10.99).id, "ultra_low");
        assert_eq!(birth_rate_band(f64::NAN).id, "ultra_high");
        assert_eq!(ageing_band(10.0).id, "not_ageing");
        assert_eq!(ageing_band(10.01).id, "mild");
        assert_eq!(ageing_band(30.5).id, "severe");
    }

    #[test]
    fn no_county_lies_on_a_band_boundary() {
        for c in COUNTIES.iter() {
            assert!(!on_boundary(&BIRTH_RATE_BANDS, c.cbr_2020.value), "{}", c.id);
            assert!(!on_boundary(&AGEING_BANDS, c.share_60plus_2020.value), "{}", c.id);
        }
    }

    #[test]
    fn classifies_every_county_as_the_plan_reads_them() {
        let by_id = |id: &str| classify_counties().into_iter().find(|c| c.id == id).unwrap();
        assert_eq!(by_id("xichang").birth_rate_band.id, "ultra_low");
        assert_eq!(by_id("xide").birth_rate_band.id, "ultra_high");
        assert_eq!(by_id("puge").birth_rate_band.id, "normal");
        assert_eq!(by_id("huili").ageing_band.id, "mild");
        assert_eq!(by_id("meigu").ageing_band.id, "not_ageing");
        assert_eq!(by_id("xichang").size_class.unwrap().id, "over_90");
        // No county is moderately aged yet: every 60+ share is below 20%.
        assert!(classify_counties().iter().all(|c| c.ageing_band.id != "moderate"));
    }
}
