//! The charts' SVG, read as a structure: bars, labels, accessibility, and a
//! snapshot of the whole output.

mod svg_check;

use liangshan_pop::charts::{self, county_population, Spec, CHART_IDS};
use liangshan_pop::data::counties::COUNTIES;
use liangshan_pop::Lang;
use svg_check::{parse, Element};

const BAR_FILL: &str = "#0072B2";

fn bars(els: &[Element]) -> Vec<&Element> {
    els.iter().filter(|e| e.name == "rect" && e.attr("fill") == Some(BAR_FILL)).collect()
}

fn texts(els: &[Element]) -> Vec<&Element> {
    els.iter().filter(|e| e.name == "text").collect()
}

#[test]
fn county_population_draws_one_bar_per_county_longest_first() {
    let chart = charts::render(county_population::ID, &Spec::new(720.0, Lang::Zh)).unwrap();
    let els = parse(&chart.svg);
    let bars = bars(&els);
    assert_eq!(bars.len(), 17);
    let widths: Vec<f64> = bars.iter().map(|b| b.num("width")).collect();
    assert!(widths.windows(2).all(|w| w[0] >= w[1]), "bars not sorted: {widths:?}");
    // Bar length is proportional to population: Xichang / Muli.
    let ratio = widths[0] / widths[16];
    assert!((ratio - 95.50 / 12.29).abs() < 0.15, "ratio {ratio}");
    // Labels name every county, in the order of the bars.
    // Each bar has its county's name at its vertical centre, to its left.
    let labels: Vec<String> = bars
        .iter()
        .map(|b| {
            let cy = b.num("y") + b.num("height") / 2.0;
            let label = texts(&els)
                .into_iter()
                .find(|t| t.attr("text-anchor") == Some("end") && t.num("y") == cy && t.num("x") < b.num("x"))
                .unwrap_or_else(|| panic!("no label for the bar at y={cy}"));
            label.text.clone()
        })
        .collect();
    let mut expected: Vec<_> = COUNTIES.iter().collect();
    expected.sort_by(|a, b| b.pop_2020.value.total_cmp(&a.pop_2020.value));
    assert_eq!(labels, expected.iter().map(|c| c.short.zh.to_string()).collect::<Vec<_>>());
    let values: Vec<&str> = texts(&els).iter().map(|t| t.text.as_str()).filter(|t| t.ends_with('万')).collect();
    assert_eq!(values.len(), 17);
    assert_eq!(values[0], "95.50万");
}

#[test]
fn svg_is_accessible_and_sized() {
    for lang in [Lang::Zh, Lang::En] {
        let chart = charts::render(county_population::ID, &Spec::new(640.0, lang)).unwrap();
        let els = parse(&chart.svg);
        let root = &els[0];
        assert_eq!(root.name, "svg");
        assert_eq!(root.attr("role"), Some("img"));
        assert_eq!(root.attr("width"), Some("640"));
        let labelled_by: Vec<&str> = root.attr("aria-labelledby").unwrap().split(' ').collect();
        for id in &labelled_by {
            assert!(els.iter().any(|e| e.attr("id") == Some(id)), "no element {id}");
        }
        let title = els.iter().find(|e| e.name == "title").unwrap();
        let desc = els.iter().find(|e| e.name == "desc").unwrap();
        assert_eq!(title.text, chart.title);
        assert_eq!(desc.text, chart.summary);
        assert!(!chart.svg.contains("font-family=\"sans-serif\""), "texts must inherit the CJK font stack");
        let (_, _, vw, vh) = viewbox(root);
        assert_eq!(vw, 640.0);
        assert_eq!(root.num("height"), vh);
    }
}

fn viewbox(root: &Element) -> (f64, f64, f64, f64) {
    let v: Vec<f64> = root.attr("viewBox").unwrap().split(' ').map(|x| x.parse().unwrap()).collect();
    (v[0], v[1], v[2], v[3])
}

#[test]
fn everything_stays_inside_the_chart_at_every_width() {
    for lang in [Lang::Zh, Lang::En] {
        for width in (280..=1440).step_by(40) {
            let chart = charts::render(county_population::ID, &Spec::new(f64::from(width), lang)).unwrap();
            let els = parse(&chart.svg);
            let (_, _, vw, vh) = viewbox(&els[0]);
            for b in bars(&els) {
                assert!(b.num("x") >= 0.0 && b.num("x") + b.num("width") <= vw, "{width}: bar outside");
                assert!(b.num("y") + b.num("height") <= vh);
            }
            for t in texts(&els) {
                let x = t.num("x");
                let est = charts::text_width(&t.text, 14.0);
                let (left, right) = match t.attr("text-anchor") {
                    Some("end") => (x - est, x),
                    Some("middle") => (x - est / 2.0, x + est / 2.0),
                    _ => (x, x + est),
                };
                assert!(left >= 0.0 && right <= vw + 1.0, "{lang:?} {width}: label {:?} from {left} to {right} of {vw}", t.text);
            }
        }
    }
}

#[test]
fn english_labels_use_english_names_and_thousands() {
    let chart = charts::render(county_population::ID, &Spec::new(720.0, Lang::En)).unwrap();
    let els = parse(&chart.svg);
    let all: Vec<&str> = texts(&els).iter().map(|t| t.text.as_str()).collect();
    assert!(all.contains(&"Xichang") && all.contains(&"955,000") && all.contains(&"122,900"));
    assert!(!chart.svg.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "Chinese text in the English chart");
    assert_eq!(chart.table.rows.len(), 17);
    assert_eq!(chart.table.rows[13][5], "0.31", "the table shows 表3 as printed, errors included");
}

#[test]
fn rendering_is_deterministic() {
    for id in CHART_IDS {
        let a = charts::render(id, &Spec::new(500.0, Lang::Zh)).unwrap();
        let b = charts::render(id, &Spec::new(500.0, Lang::Zh)).unwrap();
        assert_eq!(a.svg, b.svg);
    }
}

/// Snapshots under tests/snapshots: a mismatch writes `*-changed.svg` beside
/// the snapshot; `UPDATE_SNAPSHOTS=1` rewrites them.
#[test]
fn snapshots_match() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut changed = Vec::new();
    for id in CHART_IDS {
        for lang in [Lang::Zh, Lang::En] {
            let svg = charts::render(id, &Spec::new(720.0, lang)).unwrap().svg;
            let path = dir.join(format!("{id}-{}-720.svg", lang.code()));
            let changed_path = dir.join(format!("{id}-{}-720-changed.svg", lang.code()));
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(&path, &svg).unwrap();
                let _ = std::fs::remove_file(&changed_path);
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if want != svg {
                std::fs::write(&changed_path, &svg).unwrap();
                changed.push(changed_path.display().to_string());
            } else {
                let _ = std::fs::remove_file(&changed_path);
            }
        }
    }
    assert!(changed.is_empty(), "snapshots differ (run with UPDATE_SNAPSHOTS=1 if intended): {changed:?}");
}
