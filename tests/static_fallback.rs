//! The static fallback committed in the pages and `www/charts/` is what the
//! core draws now (`npm run build` rewrites it; this test says when a change
//! to a chart was not rebuilt).

use liangshan_pop::prerender::{default_charts, inline};
use liangshan_pop::Lang;

fn root(path: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn the_pages_and_chart_files_hold_the_current_static_drawings() {
    let charts = default_charts(Lang::Zh).unwrap();
    for page in ["index.html", "embed.html"] {
        let html = std::fs::read_to_string(root(page)).unwrap();
        assert_eq!(html.matches("<!--/static:").count(), charts.len(), "{page}: a static block per chart");
        assert!(inline(&html, &charts).unwrap() == html, "{page} is stale: run `npm run build`");
    }
    for c in &charts {
        let file = std::fs::read_to_string(root(&format!("www/charts/{}.svg", c.id))).unwrap_or_default();
        assert!(file == c.svg, "www/charts/{}.svg is stale: run `npm run build`", c.id);
        assert!(file.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{}: a standalone SVG file", c.id);
    }
}
