//! The words of the service populations and of what the counties'
//! comparison measures of them: names for the controls, the charts and
//! their tables, and each measure's figure formatted with its unit.

use crate::i18n::{fixed, signed, Lang, Text};
use crate::projection::compare::Measure;
use crate::projection::services::Service;

/// A service population's name, as the comparison's control lists it.
pub fn service_name(s: Service) -> Text {
    match s {
        Service::Age0To2 => Text::new("0—2岁（托育）", "Aged 0-2 (childcare)"),
        Service::Age3To5 => Text::new("3—5岁（学前教育）", "Aged 3-5 (kindergarten)"),
        Service::Age6To11 => Text::new("6—11岁（小学）", "Aged 6-11 (primary school)"),
        Service::Age12To14 => Text::new("12—14岁（初中）", "Aged 12-14 (junior secondary)"),
        Service::Age15To17 => Text::new("15—17岁（高中）", "Aged 15-17 (senior secondary)"),
        Service::Age18To22 => Text::new("18—22岁（高等教育）", "Aged 18-22 (higher education)"),
        Service::Women15To49 => Text::new("15—49岁妇女（育龄）", "Women aged 15-49 (childbearing ages)"),
        Service::Age15To59 => Text::new("15—59岁（劳动年龄）", "Aged 15-59 (working ages)"),
        Service::Age15To64 => Text::new("15—64岁", "Aged 15-64"),
        Service::Age60Plus => Text::new("60岁及以上", "Aged 60+"),
        Service::Age65Plus => Text::new("65岁及以上", "Aged 65+"),
        Service::Age80Plus => Text::new("80岁及以上", "Aged 80+"),
        Service::ChildcarePlaces => Text::new("托位（按每千人4.5个）", "Childcare places (4.5 per 1,000)"),
    }
}

/// What a measure is, for its control and the charts' axes.
pub fn measure_name(m: Measure) -> Text {
    match m {
        Measure::Change => Text::new("比2020年增减（%）", "Change since 2020 (%)"),
        Measure::Persons => Text::new("比2020年增减（人）", "Change since 2020 (persons)"),
        Measure::Value => Text::new("人数", "Number"),
        Measure::Share => Text::new("占常住人口比例（%）", "Share of residents (%)"),
    }
}

/// The unit of the service's counts: persons, or places.
pub fn unit(s: Service) -> Text {
    if s == Service::ChildcarePlaces {
        Text::new("个", "places")
    } else {
        Text::new("人", "persons")
    }
}

/// A measure's name with the service's unit where it counts (places for the
/// childcare places).
pub fn measure_label(m: Measure, s: Service) -> Text {
    match (m, s) {
        (Measure::Persons, Service::ChildcarePlaces) => Text::new("比2020年增减（个）", "Change since 2020 (places)"),
        (Measure::Value, Service::ChildcarePlaces) => Text::new("托位数", "Places"),
        _ => measure_name(m),
    }
}

/// The decimals a measure's figures are shown with.
pub fn decimals(m: Measure) -> usize {
    match m {
        Measure::Change | Measure::Share => 1,
        Measure::Persons | Measure::Value => 0,
    }
}

/// A figure of `m`, as a tile or a bar shows it: signed for a change,
/// with % for a percentage; "—" where there is none.
pub fn figure(m: Measure, v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    match m {
        Measure::Change => format!("{}%", signed(v, 1, lang)),
        Measure::Persons => signed(v, 0, lang),
        Measure::Value => fixed(v, 0, lang),
        Measure::Share => format!("{}%", fixed(v, 1, lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_says_its_sign_and_unit() {
        assert_eq!(figure(Measure::Change, 12.34, Lang::En), "+12.3%");
        assert_eq!(figure(Measure::Change, -3.0, Lang::Zh), "−3.0%");
        assert_eq!(figure(Measure::Persons, -12_345.4, Lang::En), "−12,345");
        assert_eq!(figure(Measure::Value, 40_240.2, Lang::Zh), "40240");
        assert_eq!(figure(Measure::Share, 15.26, Lang::En), "15.3%");
        assert_eq!(figure(Measure::Change, f64::NAN, Lang::En), "—");
        for s in Service::ALL {
            assert!(!service_name(s).zh.is_empty() && service_name(s).en.is_ascii());
        }
    }
}
