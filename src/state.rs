//! The edge where text becomes typed values: the page's state from its URL
//! (or a `<liangshan-chart>` element's attributes), and the one place where
//! languages, themes, charts, scenarios and regions are read from their
//! names. Every parameter is checked against an allow-list and a range.
//! Unknown parameters are ignored; a known one with a bad value is
//! corrected (to the nearest valid value, or the default) and a [`Notice`]
//! says so. Nothing is ever echoed unescaped: notices quote at most 40
//! characters, and the page inserts them as text.

use serde::Serialize;

use crate::charts::{ChartId, Theme};
use crate::data::counties::Region;
use crate::i18n::Lang;
use crate::model::Scenario;
use crate::projection::compare::Measure;
use crate::projection::scenario::Preset;
use crate::projection::services::Service;

/// A language from its tag: `zh` or `en`, case-insensitive, `zh-CN` and
/// `en_GB` style tags too.
pub fn lang(tag: &str) -> Option<Lang> {
    let tag = tag.trim().to_ascii_lowercase();
    match tag.split(['-', '_']).next().unwrap_or("") {
        "zh" => Some(Lang::Zh),
        "en" => Some(Lang::En),
        _ => None,
    }
}

/// A colour theme from its name: `light` or `dark`.
pub fn theme(name: &str) -> Option<Theme> {
    Theme::from_slug(name.trim())
}

/// The page's state: language and mode, the one chart of an embed, and the
/// projection's region, scenario and overrides of it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageState {
    pub lang: Lang,
    pub large: bool,
    /// None follows the reader's system.
    pub theme: Option<Theme>,
    /// The one chart an embed shows.
    pub chart: Option<ChartId>,
    pub region: Region,
    /// The pyramid's year.
    pub year: u16,
    /// The preset and the reader's overrides of it.
    pub scenario: Scenario,
    /// What the counties are compared on.
    pub compare: Compare,
}

/// The counties' comparison: a service population, what of it, and the year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Compare {
    pub service: Service,
    pub measure: Measure,
    pub year: u16,
}

impl Default for Compare {
    /// Whose old population grows fastest by 2030, the plan's year.
    fn default() -> Self {
        Compare { service: Service::Age60Plus, measure: Measure::Change, year: 2030 }
    }
}

impl Default for PageState {
    fn default() -> Self {
        PageState {
            lang: Lang::Zh,
            large: false,
            theme: None,
            chart: None,
            region: Region::Prefecture,
            year: 2030,
            scenario: Scenario::default(),
            compare: Compare::default(),
        }
    }
}

/// Where a query came from: the page's URL, or the attributes of a
/// `<liangshan-chart>` element (the same names, checked the same way).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    #[default]
    Url,
    Attributes,
}

/// A correction the page must show: the parameter, at most 40 characters
/// of what it held, and what was used instead.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Notice {
    pub param: String,
    pub found: String,
    pub fix: Fix,
}

/// What a bad value was replaced by.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Fix {
    /// The parameter's default (Chinese, the system's theme, the first chart, ...).
    Default,
    /// Out of range: the nearest end of the range.
    Clamped { value: f64, decimals: usize },
    /// Between the slider's steps: the nearest step, so that the URL, the
    /// slider and the charts agree.
    Stepped { value: f64, decimals: usize },
    /// A year with a fraction: the nearest whole year.
    Whole { year: u16 },
    /// More parameters than are read: those past the limit were not.
    Ignored { total: usize, read: usize },
}

/// The most parameters a query is read for: a URL cannot make the page do more.
pub const MAX_PARAMS: usize = 50;

/// A control of the explorer: its URL parameter, bounds, steps (arrow
/// keys and Page Up/Down) and how many decimals it shows. (Its label and
/// unit are words: [`crate::present::explorer::CONTROL_WORDS`].)
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Control {
    pub param: &'static str,
    pub min: f64,
    pub max: f64,
    pub step: f64,
    pub big_step: f64,
    pub decimals: usize,
}

/// The scenario's controls. The URL accepts exactly their ranges.
pub const CONTROLS: [Control; 6] = [
    Control { param: "tfr2030", min: 0.5, max: 4.0, step: 0.05, big_step: 0.5, decimals: 2 },
    Control { param: "tfr2050", min: 0.5, max: 4.0, step: 0.05, big_step: 0.5, decimals: 2 },
    Control { param: "e0_2030", min: 65.0, max: 85.0, step: 0.1, big_step: 1.0, decimals: 1 },
    Control { param: "e0_2050", min: 65.0, max: 90.0, step: 0.1, big_step: 1.0, decimals: 1 },
    Control { param: "migration", min: -60_000.0, max: 60_000.0, step: 500.0, big_step: 5_000.0, decimals: 0 },
    Control { param: "srb", min: 1.0, max: 1.2, step: 0.005, big_step: 0.02, decimals: 3 },
];

/// The year of the pyramid and of the counties' comparison.
pub const YEARS: (u16, u16) = (2020, 2050);

fn quote(v: &str) -> String {
    v.chars().take(40).collect()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` and `+` of a query string value; invalid escapes stay as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A value on a control's grid of steps, to its decimals (so that
/// 1.2500000000000002 is 1.25).
fn on_step(v: f64, c: &Control) -> f64 {
    let k = ((v - c.min) / c.step).round();
    let stepped = (c.min + k * c.step).clamp(c.min, c.max);
    format!("{stepped:.*}", c.decimals).parse().unwrap_or(stepped)
}

/// Reads a number parameter: clamped to its range, then put on its step,
/// each correction with its notice.
fn number(name: &str, value: &str, notices: &mut Vec<Notice>) -> Option<f64> {
    let notice = |fix| Notice { param: name.to_string(), found: quote(value), fix };
    let (lo, hi, control) = match name {
        "year" => (f64::from(YEARS.0), f64::from(YEARS.1), None),
        "county_year" => (f64::from(YEARS.0), f64::from(YEARS.1), None),
        _ => CONTROLS.iter().find(|c| c.param == name).map(|c| (c.min, c.max, Some(c)))?,
    };
    let Some(v) = value.trim().parse::<f64>().ok().filter(|v| v.is_finite()) else {
        notices.push(notice(Fix::Default));
        return None;
    };
    let decimals = control.map_or(0, |c| c.decimals);
    let c = v.clamp(lo, hi);
    if c != v {
        notices.push(notice(Fix::Clamped { value: c, decimals }));
    }
    let stepped = match control {
        Some(k) => on_step(c, k),
        None => c.round(),
    };
    if c == v && (stepped - c).abs() > 1e-9 {
        notices.push(notice(match control {
            Some(_) => Fix::Stepped { value: stepped, decimals },
            None => Fix::Whole { year: stepped as u16 },
        }));
    }
    Some(stepped)
}

/// Reads a query string (with or without the leading `?`): the state, and
/// a notice for every value corrected.
pub fn parse(query: &str) -> (PageState, Vec<Notice>) {
    let mut state = PageState::default();
    let mut notices = Vec::new();
    let pairs: Vec<&str> = query.trim_start_matches('?').split('&').filter(|p| !p.is_empty()).collect();
    for pair in pairs.iter().take(MAX_PARAMS) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        let (key, value) = (decode(k), decode(v));
        let mut bad = |param: &str| notices.push(Notice { param: param.to_string(), found: quote(&value), fix: Fix::Default });
        match key.as_str() {
            "lang" => match value.as_str() {
                "" => {}
                "zh" => state.lang = Lang::Zh,
                "en" => state.lang = Lang::En,
                _ => bad("lang"),
            },
            "theme" => match value.as_str() {
                "" | "auto" => state.theme = None,
                v => match Theme::from_slug(v) {
                    Some(t) => state.theme = Some(t),
                    None => bad("theme"),
                },
            },
            // An embed's chart: one with a place among the page's figures.
            "chart" => match ChartId::from_slug(&value).filter(|c| !ChartId::METHODS.contains(c)) {
                Some(c) => state.chart = Some(c),
                None => bad("chart"),
            },
            "a11y" => match value.as_str() {
                "large" => state.large = true,
                "" | "off" => state.large = false,
                _ => bad("a11y"),
            },
            "scenario" => match Preset::from_slug(&value) {
                Some(p) => state.scenario.preset = p,
                None => bad("scenario"),
            },
            "region" => match Region::from_slug(&value) {
                Some(r) => state.region = r,
                None => bad("region"),
            },
            "county_service" => match Service::from_slug(&value) {
                Some(v) => state.compare.service = v,
                None => bad("county_service"),
            },
            "county_measure" => match Measure::from_slug(&value) {
                Some(m) => state.compare.measure = m,
                None => bad("county_measure"),
            },
            name => {
                let Some(v) = number(name, &value, &mut notices) else { continue };
                match name {
                    "year" => state.year = v as u16,
                    "county_year" => state.compare.year = v as u16,
                    "tfr2030" => state.scenario.tfr_2030 = Some(v),
                    "tfr2050" => state.scenario.tfr_2050 = Some(v),
                    "e0_2030" => state.scenario.e0_2030 = Some(v),
                    "e0_2050" => state.scenario.e0_2050 = Some(v),
                    "migration" => state.scenario.net_migration = Some(v),
                    _ => state.scenario.srb = Some(v),
                }
            }
        }
    }
    // A share of the childcare places is the norm itself, in every county.
    let c = &mut state.compare;
    if !c.measure.applies_to(c.service) {
        notices.push(Notice { param: "county_measure".into(), found: c.measure.slug().into(), fix: Fix::Default });
        c.measure = Measure::default();
    }
    if pairs.len() > MAX_PARAMS {
        notices.push(Notice { param: String::new(), found: String::new(), fix: Fix::Ignored { total: pairs.len(), read: MAX_PARAMS } });
    }
    (state, notices)
}

/// The query string of a state: only what differs from the default, so
/// that links stay short; `parse(to_query(s))` gives `s` back.
pub fn to_query(s: &PageState) -> String {
    let d = PageState::default();
    let mut parts = Vec::new();
    if s.lang != d.lang {
        parts.push(format!("lang={}", s.lang.code()));
    }
    if s.large {
        parts.push("a11y=large".into());
    }
    if let Some(t) = s.theme {
        parts.push(format!("theme={}", t.slug()));
    }
    if let Some(c) = s.chart {
        parts.push(format!("chart={}", c.slug()));
    }
    if s.scenario.preset != d.scenario.preset {
        parts.push(format!("scenario={}", s.scenario.preset.slug()));
    }
    if s.region != d.region {
        parts.push(format!("region={}", s.region.slug()));
    }
    if s.year != d.year {
        parts.push(format!("year={}", s.year));
    }
    let (c, dc) = (&s.compare, &d.compare);
    if c.service != dc.service {
        parts.push(format!("county_service={}", c.service.slug()));
    }
    if c.measure != dc.measure {
        parts.push(format!("county_measure={}", c.measure.slug()));
    }
    if c.year != dc.year {
        parts.push(format!("county_year={}", c.year));
    }
    let o = &s.scenario;
    for (name, v) in [
        ("tfr2030", o.tfr_2030),
        ("tfr2050", o.tfr_2050),
        ("e0_2030", o.e0_2030),
        ("e0_2050", o.e0_2050),
        ("migration", o.net_migration),
        ("srb", o.srb),
    ] {
        if let Some(v) = v {
            parts.push(format!("{name}={v}"));
        }
    }
    parts.join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_state_and_writes_it_back() {
        let (s, n) =
            parse("?lang=en&a11y=large&theme=dark&chart=pyramid&scenario=low&region=xide&year=2040&tfr2030=1.4&migration=-15000&srb=1.07&utm_source=x");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!((s.theme, s.chart), (Some(Theme::Dark), Some(ChartId::Pyramid)));
        assert_eq!(
            (s.lang, s.large, s.scenario.preset, s.region, s.year),
            (Lang::En, true, Preset::Low, Region::County(crate::data::counties::XIDE), 2040)
        );
        assert_eq!((s.scenario.tfr_2030, s.scenario.net_migration, s.scenario.srb), (Some(1.4), Some(-15000.0), Some(1.07)));
        let (again, _) = parse(&to_query(&s));
        assert_eq!(again, s);
        assert_eq!(to_query(&PageState::default()), "");
    }

    #[test]
    fn out_of_range_values_go_to_the_nearest_valid_one_with_a_notice() {
        let (s, n) = parse("year=2100&tfr2030=-3&srb=NaN&region=atlantis");
        assert_eq!(s.year, 2050);
        assert_eq!(s.scenario.tfr_2030, Some(0.5));
        assert_eq!(s.scenario.srb, None);
        assert_eq!(s.region, Region::Prefecture);
        assert_eq!(n.len(), 4);
        assert_eq!(n[0], Notice { param: "year".into(), found: "2100".into(), fix: Fix::Clamped { value: 2050.0, decimals: 0 } });
        assert_eq!((n[2].param.as_str(), n[2].fix), ("srb", Fix::Default));
    }

    #[test]
    fn values_between_the_sliders_steps_go_to_the_nearest_step_with_a_notice() {
        let (s, n) = parse("tfr2030=1.23456789&year=2020.5&migration=-22400&srb=1.07&e0_2030=78");
        assert_eq!(
            (s.scenario.tfr_2030, s.year, s.scenario.net_migration, s.scenario.srb, s.scenario.e0_2030),
            (Some(1.25), 2021, Some(-22_500.0), Some(1.07), Some(78.0))
        );
        assert_eq!(
            n.iter().map(|n| (n.param.as_str(), n.fix)).collect::<Vec<_>>(),
            vec![
                ("tfr2030", Fix::Stepped { value: 1.25, decimals: 2 }),
                ("year", Fix::Whole { year: 2021 }),
                ("migration", Fix::Stepped { value: -22_500.0, decimals: 0 }),
            ]
        );
        // What the state writes back reads without a notice.
        assert!(parse(&to_query(&s)).1.is_empty());
    }

    #[test]
    fn the_counties_comparison_is_read_and_a_share_of_places_is_refused() {
        let (s, n) = parse("county_service=age_6_11&county_measure=persons&county_year=2035");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.compare, Compare { service: Service::Age6To11, measure: Measure::Persons, year: 2035 });
        assert_eq!(parse(&to_query(&s)).0, s);
        assert_eq!(PageState::default().compare, Compare { service: Service::Age60Plus, measure: Measure::Change, year: 2030 });
        // Every childcare place is the same share of its county: the change is shown instead, and said.
        let (s, n) = parse("county_service=childcare_places_4_5&county_measure=share");
        assert_eq!((s.compare.service, s.compare.measure), (Service::ChildcarePlaces, Measure::Change));
        assert_eq!((n[0].param.as_str(), n[0].fix), ("county_measure", Fix::Default));
        let (s, n) = parse("county_service=age_0_3&county_measure=ratio&county_year=2099");
        assert_eq!(s.compare, Compare { year: 2050, ..Compare::default() });
        assert_eq!(n.iter().map(|n| n.param.as_str()).collect::<Vec<_>>(), ["county_service", "county_measure", "county_year"]);
    }

    #[test]
    fn parameters_past_the_limit_are_said_to_be_ignored() {
        let q = "x=1&".repeat(50) + "lang=en";
        let (s, n) = parse(&q);
        assert_eq!(s.lang, Lang::Zh);
        assert_eq!(n, vec![Notice { param: String::new(), found: String::new(), fix: Fix::Ignored { total: 51, read: 50 } }]);
    }

    #[test]
    fn languages_and_themes_are_read_from_their_names() {
        assert_eq!((lang("zh"), lang("EN-gb"), lang("zh_CN"), lang("<script>")), (Some(Lang::Zh), Some(Lang::En), Some(Lang::Zh), None));
        assert_eq!((theme("dark"), theme("light"), theme("sepia")), (Some(Theme::Dark), Some(Theme::Light), None));
    }

    #[test]
    fn hostile_values_are_quoted_short_and_change_nothing() {
        let payload = "%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E".repeat(20);
        let (s, n) = parse(&format!("lang={payload}&scenario={payload}"));
        assert_eq!(s, PageState::default());
        assert_eq!(n.len(), 2);
        assert!(n[0].found.chars().count() <= 40);
        assert!(n[0].found.contains("<script>"), "decoded, quoted as text, for the page to insert as text");
        // Broken escapes and odd separators do not panic.
        for q in ["%", "%%", "%zz", "&&&", "=", "year", "year=", "a=b=c", "%E4%B8", "lang=%FF"] {
            let _ = parse(q);
        }
        let many = "x=1&".repeat(10_000);
        let (_, n) = parse(&many);
        assert!(matches!(n[..], [Notice { fix: Fix::Ignored { total: 10_000, read: 50 }, .. }]));
    }
}
