//! Charts: one module per chart, each a spec in and an SVG string out.
//!
//! Charts never measure text through a browser: label widths are estimated
//! from character counts ([`text_width`]), and alignment uses SVG text
//! anchors, so a chart is the same bytes natively and in WebAssembly.
//! Titles live in the page's `<figcaption>` and in the SVG's `<title>` and
//! `<desc>`.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};
use crate::i18n::Lang;

pub mod age_structure;
pub mod births_ageing;
pub mod canvas;
pub mod county_population;
pub mod county_share_change;
pub mod density;
pub mod gdp_per_capita;
pub mod grammar;
pub mod hindcast;
pub mod main_indicators;
pub mod projection;
pub mod ranked;
pub mod resident_registered;
pub mod schooling;
pub mod tiles;
pub mod urbanisation;

pub use canvas::{Style, Theme};

/// Declares every chart of the page once: its id, its name in URLs, the
/// page's markup and file names, and for the plan's, the function that
/// draws it. Adding a chart of the plan is its module and one line here.
macro_rules! charts {
    (
        plan: [$($p:ident = $ps:literal => $render:path),* $(,)?],
        projection: [$($x:ident = $xs:literal),* $(,)?],
        methods: [$($m:ident = $ms:literal),* $(,)?] $(,)?
    ) => {
        /// A chart of the page: the plan's, the explorer's, and the methods'.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ChartId {
            $($p,)*
            $($x,)*
            $($m,)*
        }

        impl ChartId {
            /// The plan's charts, in the order of the page.
            pub const PLAN: [ChartId; [$($ps),*].len()] = [$(ChartId::$p),*];

            /// The explorer's charts, drawn from a projection.
            pub const PROJECTION: [ChartId; [$($xs),*].len()] = [$(ChartId::$x),*];

            /// The methods section's charts, drawn by the core alone (no
            /// static drawing, no embed): how the method does.
            pub const METHODS: [ChartId; [$($ms),*].len()] = [$(ChartId::$m),*];

            /// Its name in URLs, the page's markup and file names.
            pub fn slug(self) -> &'static str {
                match self {
                    $(ChartId::$p => $ps,)*
                    $(ChartId::$x => $xs,)*
                    $(ChartId::$m => $ms,)*
                }
            }
        }

        /// Draws a chart of the plan (None for the explorer's).
        fn render_plan(id: ChartId, width: u32, spec: &Spec) -> Option<Result<Chart, Error>> {
            match id {
                $(ChartId::$p => Some($render(width, spec)),)*
                _ => None,
            }
        }
    };
}

charts! {
    plan: [
        ResidentRegistered = "resident-registered" => resident_registered::render,
        AgeStructure = "age-structure" => age_structure::render,
        Schooling = "schooling" => schooling::render,
        CountyPopulation = "county-population" => county_population::render,
        CountyShareChange = "county-share-change" => county_share_change::render,
        DensityMap = "density-map" => density::map::render,
        DensityBars = "density-bars" => density::bars::render,
        Urbanisation = "urbanisation" => urbanisation::render,
        GdpPerCapita = "gdp-per-capita" => gdp_per_capita::render,
        CountyBirthsAgeing = "county-births-ageing" => births_ageing::render,
        MainIndicators = "main-indicators" => main_indicators::render,
    ],
    projection: [
        Pyramid = "pyramid",
        ProjectedPopulation = "projected-population",
        ProjectedAgeing = "projected-ageing",
        ProjectedWorkingAge = "projected-working-age",
        ProjectedDependency = "projected-dependency",
        ProjectedBirthsDeaths = "projected-births-deaths",
        ProjectedUrbanisation = "projected-urbanisation",
        ProjectedSchoolAges = "projected-school-ages",
        ProjectedOldAge = "projected-old-age",
        ProjectedChildcare = "projected-childcare",
        CountyMap = "county-map",
        CountyRanked = "county-ranked",
        CountyGroups = "county-groups",
    ],
    methods: [
        Hindcast = "hindcast",
    ],
}

impl ChartId {
    /// Every chart with a place among the page's figures (static drawings,
    /// embeds): the plan's, then the explorer's.
    pub fn all() -> impl Iterator<Item = ChartId> {
        ChartId::PLAN.into_iter().chain(ChartId::PROJECTION)
    }

    pub fn from_slug(slug: &str) -> Option<ChartId> {
        ChartId::all().chain(ChartId::METHODS).find(|c| c.slug() == slug)
    }

    /// Drawn from a projection (the explorer's), not from the plan's tables.
    pub fn is_projection(self) -> bool {
        ChartId::PROJECTION.contains(&self)
    }

    /// Compares the 17 counties' projections (and so needs them all).
    pub fn compares_counties(self) -> bool {
        matches!(self, ChartId::CountyMap | ChartId::CountyRanked | ChartId::CountyGroups)
    }
}

impl std::fmt::Display for ChartId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

serde_by_slug!(ChartId, "chart");

/// How to draw a chart: for which width, language and page mode.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Spec {
    /// Width of the chart's container in CSS pixels.
    pub width: f64,
    pub lang: Lang,
    #[serde(default)]
    pub theme: Theme,
    /// 适老化 mode: larger text, stronger contrast.
    #[serde(default)]
    pub large: bool,
}

impl Spec {
    pub fn new(width: f64, lang: Lang) -> Spec {
        Spec { width, lang, theme: Theme::Light, large: false }
    }

    pub fn style(&self) -> Style {
        Style::new(self.theme, self.large)
    }
}

/// The fonts charts ask for: the system UI font, then common CJK fonts.
pub const FONT_STACK: &str =
    "system-ui, -apple-system, 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif";

/// Narrowest and widest widths a chart is drawn at, in CSS pixels.
pub const MIN_WIDTH: u32 = 280;
pub const MAX_WIDTH: u32 = 2400;

/// A width from a caller (the width of the chart's container): must be a
/// finite positive number; clamped to the drawable range.
pub fn check_width(width: f64) -> Result<u32, Error> {
    if !width.is_finite() || width <= 0.0 {
        return Err(ErrorKind::OutOfRange { name: "width", value: width, min: 1.0, max: f64::from(MAX_WIDTH) }.into());
    }
    Ok((width.round() as u32).clamp(MIN_WIDTH, MAX_WIDTH))
}

/// The estimated width of `text` in pixels at `font_px`: CJK and other wide
/// characters take one em, the rest about 0.6 em. Deterministic, so layout
/// does not depend on where the chart is drawn.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| {
            if is_wide(c) {
                1.0
            } else if c.is_ascii_digit() {
                0.58
            } else {
                0.6
            }
        })
        .sum::<f64>()
        * font_px
}

fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Splits `text` into lines of at most `em` ems (CJK one em, others 0.6).
pub fn wrap(text: &str, em: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_inclusive(|c: char| c == ' ' || !c.is_ascii()) {
        if !line.is_empty() && text_width(&line, 1.0) + text_width(word, 1.0) > em {
            lines.push(line.trim_end().to_string());
            line.clear();
        }
        line.push_str(word);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// A note drawn on the chart itself in the accent colour, wrapped to its
/// width: what a reader must not miss when the drawing travels alone (that
/// its figures are estimates).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccentNote(Vec<String>);

impl AccentNote {
    const MARGIN: f64 = 8.0;

    pub fn new(note: &str, width: u32, style: &Style) -> AccentNote {
        AccentNote(if note.is_empty() { Vec::new() } else { wrap(note, (f64::from(width) - 2.0 * Self::MARGIN) / style.px(0.9)) })
    }

    /// The height its lines take.
    pub fn height(&self, style: &Style) -> f64 {
        self.0.len() as f64 * style.font_px * 1.3
    }

    /// Its lines, the first at `top`.
    pub fn marks(&self, top: f64, style: &Style) -> Vec<grammar::Mark<'static>> {
        let accent = grammar::Font { px: style.px(0.9), colour: style.series[1], bold: true };
        self.0
            .iter()
            .enumerate()
            .map(|(i, line)| {
                grammar::text(
                    line.clone(),
                    (Self::MARGIN, top + i as f64 * style.font_px * 1.3),
                    accent,
                    canvas::Align::Start,
                    canvas::Baseline::Top,
                )
            })
            .collect()
    }
}

/// A chart's data as a table: what the "data" view and the CSV show.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DataTable {
    pub columns: Vec<String>,
    /// Cells formatted for the reader's language.
    pub rows: Vec<Vec<String>>,
}

impl DataTable {
    /// The table as CSV (RFC 4180), header first.
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        for row in std::iter::once(&self.columns).chain(self.rows.iter()) {
            let line: Vec<String> = row.iter().map(|c| csv_field(c)).collect();
            out.push_str(&line.join(","));
            out.push_str("\r\n");
        }
        out
    }
}

fn csv_field(s: &str) -> String {
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    let s = if s.starts_with(['=', '+', '@']) || (s.starts_with('-') && s[1..].parse::<f64>().is_err()) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// A drawn chart with everything the page shows around it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Chart {
    pub id: ChartId,
    pub lang: Lang,
    pub title: String,
    /// One sentence, computed from the data, saying what it shows.
    pub summary: String,
    /// "来源：…" / "Source: …", naming every source the chart draws on.
    pub source: String,
    /// Caveats the reader must see: estimates, derived figures, secondary
    /// sources, values the plan does not publish.
    pub notes: Vec<String>,
    pub width: u32,
    pub height: u32,
    pub svg: String,
    pub table: DataTable,
}

/// What every chart says around its drawing: computed from its data, in
/// the reader's language.
pub struct Texts {
    pub title: String,
    /// One sentence, computed from the data, saying what it shows.
    pub summary: String,
    /// Every source the chart draws on (joined into "来源：…" / "Source: …").
    pub sources: Vec<String>,
    pub notes: Vec<String>,
    pub table: DataTable,
}

/// Puts a plot and its texts together into an accessible chart: what every
/// chart shares.
pub fn finish(id: ChartId, spec: &Spec, plot: &grammar::Plot, texts: Texts) -> Result<Chart, Error> {
    let raw = plot.svg(spec.style())?;
    let svg = accessible_svg(&raw, id, plot.width, plot.height, &texts.title, &texts.summary)?;
    Ok(Chart {
        id,
        lang: spec.lang,
        title: texts.title,
        summary: texts.summary,
        source: source_line(spec.lang, &texts.sources),
        notes: texts.notes,
        width: plot.width,
        height: plot.height,
        svg,
        table: texts.table,
    })
}

/// A table from string slices.
pub(crate) fn table(columns: &[&str], rows: Vec<Vec<String>>) -> DataTable {
    DataTable { columns: columns.iter().map(|s| s.to_string()).collect(), rows }
}

/// "来源：A；B" / "Source: A; B".
pub fn source_line(lang: Lang, parts: &[String]) -> String {
    match lang {
        Lang::Zh => format!("来源：{}", parts.join("；")),
        Lang::En => format!("Source: {}", parts.join("; ")),
    }
}

/// Escapes text for SVG/XML content and attributes.
pub fn escape_xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Turns plotters' SVG into an accessible one: `role="img"`, a `<title>` and
/// a `<desc>` referenced by `aria-labelledby`, the font stack, and a width
/// that scales with its container.
pub fn accessible_svg(raw: &str, id: ChartId, width: u32, height: u32, title: &str, desc: &str) -> Result<String, Error> {
    // plotters writes the opening <svg ...> tag on the first line, and on
    // every shape what SVG has as its default anyway (no group sets
    // another): bytes every phone would download.
    let body = raw
        .split_once('\n')
        .filter(|(first, _)| first.starts_with("<svg"))
        .map(|(_, rest)| without_defaults(rest))
        .ok_or_else(|| Error::from(ErrorKind::Chart("unexpected SVG from the backend".into())))?;
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" \
role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" class=\"chart-svg\" font-family=\"{font}\">\n\
<title id=\"{id}-title\">{title}</title>\n<desc id=\"{id}-desc\">{desc}</desc>\n{body}",
        id = id.slug(),
        font = escape_xml(FONT_STACK),
        title = escape_xml(title),
        desc = escape_xml(desc),
    ))
}

/// What plotters writes on shapes that SVG has as its default anyway.
const DEFAULTS: [&str; 3] = [" font-family=\"sans-serif\"", " opacity=\"1\"", " stroke=\"none\""];

/// `svg` without [`DEFAULTS`], in one pass: each attribute begins at a
/// space, so only there can one begin (removing one never makes another:
/// what follows it begins with a space of its own, or ends the tag).
fn without_defaults(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(at) = rest.find(' ') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        match DEFAULTS.iter().find(|d| rest.starts_with(**d)) {
            Some(d) => rest = &rest[d.len()..],
            None => {
                out.push(' ');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Draws chart `id` of the plan as `spec` asks.
pub fn render(id: ChartId, spec: &Spec) -> Result<Chart, Error> {
    let width = check_width(spec.width)?;
    render_plan(id, width, spec).unwrap_or_else(|| {
        Err(ErrorKind::InvalidArgument { name: "chart", value: id.slug().into(), expected: "a chart of the plan" }.into())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_go_in_one_pass_as_one_replace_after_another_took_them() {
        let replaced = |s: &str| DEFAULTS.iter().fold(s.to_string(), |s, d| s.replace(d, ""));
        let svg = "<rect x=\"1\" opacity=\"1\" fill=\"#FFF\" stroke=\"none\"/>\n<text font-family=\"sans-serif\" opacity=\"1\">a  b opacity=\"1\"</text> \
                   <g stroke=\"none\" opacity=\"10\" font-family=\"serif\"/> opacity=\"1\" ";
        for s in [svg, "", " ", "  opacity=\"1\"", "opacity=\"1\"", " opacity=\"1", "x opacity=\"1\" opacity=\"1\"y"] {
            assert_eq!(without_defaults(s), replaced(s), "{s:?}");
        }
        for id in [ChartId::CountyPopulation, ChartId::DensityMap, ChartId::Urbanisation] {
            let chart = render(id, &Spec::new(640.0, Lang::Zh)).unwrap();
            assert!(DEFAULTS.iter().all(|d| !chart.svg.contains(d)), "{id:?}");
        }
    }

    #[test]
    fn widths_are_checked_and_clamped() {
        assert_eq!(check_width(100.0).unwrap(), MIN_WIDTH);
        assert_eq!(check_width(1e9).unwrap(), MAX_WIDTH);
        assert_eq!(check_width(640.4).unwrap(), 640);
        assert!(check_width(f64::NAN).is_err());
        assert!(check_width(-1.0).is_err());
        assert!(check_width(0.0).is_err());
    }

    #[test]
    fn estimates_wide_characters_as_one_em() {
        assert_eq!(text_width("西昌", 10.0), 20.0);
        assert!((text_width("ab", 10.0) - 12.0).abs() < 1e-9);
    }

    #[test]
    fn wraps_by_estimated_width() {
        assert_eq!(wrap("aaa bbb ccc", 4.5), vec!["aaa", "bbb ccc"]);
        assert_eq!(wrap("aaa bbb ccc", 3.0), vec!["aaa", "bbb", "ccc"]);
        assert_eq!(wrap("西昌德昌会理", 3.0), vec!["西昌德", "昌会理"]);
        assert_eq!(wrap("", 3.0), Vec::<String>::new());
    }

    #[test]
    fn csv_quotes_and_defuses_formulas() {
        let t = DataTable {
            columns: vec!["a".into(), "b".into()],
            rows: vec![vec!["x,y".into(), "=1+1".into()], vec!["-0.38".into(), "say \"hi\"".into()]],
        };
        assert_eq!(t.to_csv(), "a,b\r\n\"x,y\",'=1+1\r\n-0.38,\"say \"\"hi\"\"\"\r\n");
    }

    #[test]
    fn every_chart_has_one_slug() {
        let slugs: std::collections::HashSet<&str> = ChartId::all().map(ChartId::slug).collect();
        assert_eq!(slugs.len(), 24);
        assert!(ChartId::all().all(|c| ChartId::from_slug(c.slug()) == Some(c)));
        assert_eq!(ChartId::from_slug("<img src=x>"), None);
        assert!(render(ChartId::Pyramid, &Spec::new(600.0, Lang::En)).unwrap_err().to_string().contains("chart"));
    }
}
