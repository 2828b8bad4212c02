//! The static fallback committed in the pages and `www/charts/` is what the
//! core draws now (`npm run build` rewrites it; this test says when a change
//! to a chart was not rebuilt). The page's drawings are a phone's width (its
//! first view on a phone needs no wasm); the embed's and the files' wider.

use liangshan_pop::charts::{Spec, Theme};
use liangshan_pop::prerender::{default_charts, inline, static_view, FILE_WIDTH, PAGE_WIDTH};
use liangshan_pop::Lang;

fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn check_page(page: &str, width: f64, blocks: usize) {
    let charts = default_charts(&Spec::new(width, Lang::Zh)).unwrap();
    let html = std::fs::read_to_string(root(page)).unwrap();
    assert_eq!(html.matches("<!--/static:").count(), charts.len() + blocks, "{page}: a static block per chart");
    assert!(inline(&html, &charts).unwrap() == html, "{page} is stale: run `npm run build`");
    let drawn = format!("viewBox=\"0 0 {width} ");
    assert_eq!(html.matches(&drawn).count(), charts.len(), "{page}: every drawing {width} px wide");
}

#[test]
fn the_page_holds_its_key_figures_and_phone_wide_drawings() {
    check_page("index.html", PAGE_WIDTH, 1);
    let html = std::fs::read_to_string(root("index.html")).unwrap();
    assert_eq!(html.matches("<dd class=\"value\">").count(), 8, "the eight key figures");
    for (file, lang, theme) in [
        ("static-zh.json", Lang::Zh, Theme::Light),
        ("static-en.json", Lang::En, Theme::Light),
        ("static-zh-dark.json", Lang::Zh, Theme::Dark),
        ("static-en-dark.json", Lang::En, Theme::Dark),
    ] {
        let view = std::fs::read_to_string(root(&format!("www/charts/{file}"))).unwrap_or_default();
        let spec = Spec { lang, theme, ..Spec::new(PAGE_WIDTH, lang) };
        assert!(view == static_view(&spec).unwrap(), "www/charts/{file} is stale: run `npm run build`");
    }
}

#[test]
fn the_embed_and_chart_files_hold_the_current_static_drawings() {
    check_page("embed.html", FILE_WIDTH, 0);
    for c in &default_charts(&Spec::new(FILE_WIDTH, Lang::Zh)).unwrap() {
        let file = std::fs::read_to_string(root(&format!("www/charts/{}.svg", c.id))).unwrap_or_default();
        assert!(file == c.svg, "www/charts/{}.svg is stale: run `npm run build`", c.id);
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}: a standalone SVG file", c.id);
    }
}
