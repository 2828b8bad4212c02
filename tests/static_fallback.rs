//! The static fallback: the pages in the repository are sources with an
//! empty `<!--static:ID-->` block where each chart's drawing goes; the
//! build (`npm run build`) fills them in `dist/` from what the core draws
//! now. These tests check that every chart has its block, that every block
//! names a chart, and what a filled page holds: the page's drawings are a
//! phone's width (its first view on a phone needs no wasm), the embed's
//! wider.

use liangshan_pop::charts::{Spec, Theme};
use liangshan_pop::prerender::{default_charts, inline, static_view, FILE_WIDTH, PAGE_WIDTH};
use liangshan_pop::Lang;

fn source(page: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(page)).unwrap()
}

/// `page` filled with the drawings `width` wide, checked.
fn check_page(page: &str, width: f64, blocks: usize) -> String {
    let charts = default_charts(&Spec::new(width, Lang::Zh)).unwrap();
    let html = source(page);
    assert_eq!(html.matches("<!--/static:").count(), charts.len() + blocks, "{page}: a static block per chart");
    assert!(!html.contains("<svg"), "{page} is a source: its drawings are generated into dist/ only");
    let filled = inline(&html, &charts).unwrap();
    assert!(inline(&filled, &charts).unwrap() == filled, "{page}: filling twice changes nothing");
    let drawn = format!("viewBox=\"0 0 {width} ");
    assert_eq!(filled.matches(&drawn).count(), charts.len(), "{page}: every drawing {width} px wide");
    filled
}

#[test]
fn the_page_gets_its_key_figures_and_phone_wide_drawings() {
    let filled = check_page("index.html", PAGE_WIDTH, 1);
    assert_eq!(filled.matches("<dd class=\"value\">").count(), 8, "the eight key figures");
    for (lang, theme) in [(Lang::Zh, Theme::Light), (Lang::En, Theme::Light), (Lang::Zh, Theme::Dark), (Lang::En, Theme::Dark)] {
        let view = static_view(&Spec { lang, theme, ..Spec::new(PAGE_WIDTH, lang) }, PAGE_WIDTH).unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&view).unwrap();
        assert_eq!(parsed["charts"].as_array().unwrap().len(), default_charts(&Spec::new(PAGE_WIDTH, lang)).unwrap().len());
        assert_eq!(parsed["lang"], lang.code());
    }
}

#[test]
fn the_embed_gets_wider_drawings_and_the_files_are_standalone() {
    check_page("embed.html", FILE_WIDTH, 0);
    for c in &default_charts(&Spec::new(FILE_WIDTH, Lang::Zh)).unwrap() {
        assert!(c.svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}: a standalone SVG file", c.id);
    }
}

#[test]
fn a_block_naming_no_chart_is_an_error() {
    let charts = default_charts(&Spec::new(PAGE_WIDTH, Lang::Zh)).unwrap();
    assert!(inline("<!--static:nope--><!--/static:nope-->", &charts).is_err());
    assert!(inline("<!--static:pyramid-->", &charts).is_err());
}

#[test]
fn a_wide_view_draws_the_explorer_narrower_than_the_plan() {
    let view = static_view(&Spec::new(1080.0, Lang::En), 711.0).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&view).unwrap();
    assert_eq!((parsed["width"].as_f64(), parsed["explorerWidth"].as_f64()), (Some(1080.0), Some(711.0)));
    let widths: Vec<&str> = parsed["charts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            if c["svg"].as_str().unwrap().contains("viewBox=\"0 0 1080 ") {
                "plan"
            } else if c["svg"].as_str().unwrap().contains("viewBox=\"0 0 711 ") {
                "explorer"
            } else {
                "other"
            }
        })
        .collect();
    assert_eq!(widths.iter().filter(|w| **w == "plan").count(), liangshan_pop::charts::ChartId::PLAN.len());
    assert_eq!(widths.iter().filter(|w| **w == "explorer").count(), 13, "the explorer's thirteen charts");
    assert!(!widths.contains(&"other"));
}
