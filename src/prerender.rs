//! The static fallback: every chart in its default state drawn natively
//! (the same bytes the wasm draws), put into the HTML pages between
//! `<!--static:ID-->` and `<!--/static:ID-->` so that the charts show before
//! the wasm loads and with JavaScript off, and written as `ID.svg` files for
//! use as plain images (newsletters, AMP, print).
//!
//! The page's first view needs no wasm on a phone: its drawings are made
//! for a phone's width ([`PAGE_WIDTH`]), and its key figures are written in
//! as well (`<!--static:key-figures-->`). The same view in the other
//! languages and colours is written as JSON ([`static_view`]) for the page
//! and the embed to fetch. The embed's inline drawings and the files keep
//! the wider [`FILE_WIDTH`].

use crate::charts::{self, escape_xml, Chart, ChartId, Spec, Theme};
use crate::error::{Error, ErrorKind};
use crate::explorer::Explorer;
use crate::i18n::Lang;
use crate::present::figures::key_figures;
use crate::state::PageState;

/// Width of the page's static drawings: a phone's, where they are the first
/// view (they scale with their container).
pub const PAGE_WIDTH: f64 = 360.0;

/// Width of the embed's static drawings and of the `ID.svg` files.
pub const FILE_WIDTH: f64 = 720.0;

/// The block of the page's key figures.
pub const KEY_FIGURES: &str = "key-figures";

/// Every chart of the page and of the explorer, in its default state, drawn
/// to `spec` (width, language, theme).
pub fn default_charts(spec: &Spec) -> Result<Vec<Chart>, Error> {
    default_charts_at(spec, spec.width)
}

/// [`default_charts`] with the explorer's charts drawn `explorer_width`
/// wide: on a wide screen they share a row with the explorer's controls.
pub fn default_charts_at(spec: &Spec, explorer_width: f64) -> Result<Vec<Chart>, Error> {
    let mut out: Vec<Chart> = ChartId::PLAN.iter().map(|id| charts::render(*id, spec)).collect::<Result<_, _>>()?;
    let explorer = Explorer::new()?;
    let narrower = Spec { width: explorer_width, ..*spec };
    out.extend(explorer.charts(&PageState { lang: spec.lang, ..PageState::default() }, None, &narrower, &[])?);
    Ok(out)
}

/// A figure's static content: caption, drawing and source, as the page's
/// script would build them (which replaces them once it runs).
pub fn static_figure(c: &Chart) -> String {
    format!(
        "<figcaption><h3 class=\"chart-title\">{}</h3><p class=\"chart-summary\">{}</p></figcaption><div class=\"chart-body\" data-static=\"\">{}</div><p class=\"chart-source\">{}</p>",
        escape_xml(&c.title),
        escape_xml(&c.summary),
        c.svg,
        escape_xml(&c.source)
    )
}

/// The key figures as the page's script would put them in `<dl id="key-figures">`.
pub fn static_key_figures(lang: Lang) -> Result<String, Error> {
    Ok(key_figures(lang)?
        .iter()
        .map(|f| {
            format!(
                "<div class=\"figure\"><dt>{}</dt><dd class=\"value\">{}</dd><dd class=\"source\" title=\"{}\">{}</dd></div>",
                escape_xml(&f.label),
                escape_xml(&f.value),
                escape_xml(f.quote),
                escape_xml(&f.source)
            )
        })
        .collect())
}

/// The page's static view drawn to `spec` (the explorer's charts
/// `explorer_width` wide) as JSON, for the page's script to show in place
/// of the inline (Chinese, light, phone) one without loading the core: the
/// key figures and every chart's caption, drawing and source.
pub fn static_view(spec: &Spec, explorer_width: f64) -> Result<String, Error> {
    Ok(static_view_apart(spec, explorer_width, false)?.0)
}

/// [`static_view`], with the explorer's drawings `apart` (when asked) in a
/// second JSON of `{id, svg}`: a phone's first view is the plan's, and the
/// explorer's drawings come when the reader nears them (with the core).
/// The first then has the explorer's captions and sources, each with an
/// empty drawing.
pub fn static_view_apart(spec: &Spec, explorer_width: f64, apart: bool) -> Result<(String, Option<String>), Error> {
    #[derive(serde::Serialize)]
    struct Figure<'a> {
        id: &'a str,
        title: &'a str,
        summary: &'a str,
        source: &'a str,
        svg: &'a str,
    }
    let charts = default_charts_at(spec, explorer_width)?;
    let away = |c: &Chart| apart && c.id.is_projection();
    let theme = if spec.theme == Theme::Dark { "dark" } else { "light" };
    let view = serde_json::json!({
        "lang": spec.lang.code(),
        "theme": theme,
        "width": spec.width,
        "explorerWidth": explorer_width,
        "keyFigures": key_figures(spec.lang)?,
        "charts": charts
            .iter()
            .map(|c| Figure { id: c.id.slug(), title: &c.title, summary: &c.summary, source: &c.source, svg: if away(c) { "" } else { &c.svg } })
            .collect::<Vec<_>>(),
    });
    let drawings = apart.then(|| {
        let drawings: Vec<_> = charts.iter().filter(|c| away(c)).map(|c| serde_json::json!({ "id": c.id.slug(), "svg": c.svg })).collect();
        serde_json::json!({ "lang": spec.lang.code(), "theme": theme, "explorerWidth": explorer_width, "charts": drawings }).to_string()
    });
    Ok((view.to_string(), drawings))
}

/// `html` with every `<!--static:ID-->…<!--/static:ID-->` block filled with
/// chart ID's static figure, or with the key figures (Chinese) for
/// [`KEY_FIGURES`]. A block naming neither is an error.
pub fn inline(html: &str, charts: &[Chart]) -> Result<String, Error> {
    let mut out = String::with_capacity(html.len() + charts.iter().map(|c| c.svg.len() + 500).sum::<usize>());
    let mut rest = html;
    while let Some(start) = rest.find("<!--static:") {
        let after = &rest[start + "<!--static:".len()..];
        let id_end = after.find("-->").ok_or_else(|| bad_marker(&after[..after.len().min(40)]))?;
        let id = &after[..id_end];
        let close = format!("<!--/static:{id}-->");
        let body = &after[id_end + 3..];
        let end = body.find(&close).ok_or_else(|| bad_marker(id))?;
        let content = if id == KEY_FIGURES {
            static_key_figures(Lang::Zh)?
        } else {
            static_figure(charts.iter().find(|c| c.id.slug() == id).ok_or_else(|| bad_marker(id))?)
        };
        out.push_str(&rest[..start]);
        out.push_str(&format!("<!--static:{id}-->{content}{close}"));
        rest = &body[end + close.len()..];
    }
    out.push_str(rest);
    Ok(out)
}

fn bad_marker(id: &str) -> Error {
    ErrorKind::InvalidArgument {
        name: "static marker",
        value: id.chars().take(40).collect(),
        expected: "<!--static:ID-->…<!--/static:ID--> with a chart id",
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_every_block_and_keeps_the_rest() {
        let charts = default_charts(&Spec::new(PAGE_WIDTH, Lang::Zh)).unwrap();
        assert_eq!(charts.len(), ChartId::all().count());
        let html =
            "<p>a</p><!--static:schooling-->STALE-CONTENT<!--/static:schooling--><p>b</p><!--static:pyramid--><!--/static:pyramid-->";
        let once = inline(html, &charts).unwrap();
        assert!(once.starts_with("<p>a</p><!--static:schooling--><figcaption>") && once.contains("<p>b</p>"));
        assert!(!once.contains("STALE-CONTENT"));
        assert_eq!(inline(&once, &charts).unwrap(), once, "idempotent");
        assert!(inline("<!--static:nope--><!--/static:nope-->", &charts).is_err());
        assert!(inline("<!--static:schooling-->", &charts).is_err());
        let figures = inline("<dl><!--static:key-figures--><!--/static:key-figures--></dl>", &charts).unwrap();
        assert_eq!(figures.matches("<div class=\"figure\"><dt>").count(), 8);
        assert!(figures.contains("<dd class=\"value\">485.8万人</dd>"), "{figures}");
    }

    #[test]
    fn the_english_view_has_every_chart_and_figure_in_english() {
        let spec = Spec { theme: Theme::Dark, ..Spec::new(PAGE_WIDTH, Lang::En) };
        let view: serde_json::Value = serde_json::from_str(&static_view(&spec, PAGE_WIDTH).unwrap()).unwrap();
        assert_eq!((&view["lang"], &view["theme"]), (&"en".into(), &"dark".into()));
        assert_eq!(view["keyFigures"].as_array().unwrap().len(), 8);
        assert_eq!(view["keyFigures"][0]["value"], "4.858 million");
        let charts = view["charts"].as_array().unwrap();
        assert_eq!(charts.len(), ChartId::all().count());
        for c in charts {
            let svg = c["svg"].as_str().unwrap();
            assert!(svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 360 "), "{}", c["id"]);
            let text = format!("{}{}{}{}", c["title"], c["summary"], c["source"], svg);
            assert!(!text.chars().any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch)), "Chinese in the English view of {}", c["id"]);
        }
    }
}
