//! The charts' SVG, read as a structure: bars, labels, accessibility, and a
//! snapshot of the whole output.

mod svg_check;

use liangshan_pop::charts::{self, county_population, Spec, Theme, CHART_IDS};
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

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Every chart, in every variant: well formed, labelled for screen readers,
/// sized as asked, with a source, a data table and no Chinese in English.
#[test]
fn every_chart_is_accessible_and_complete() {
    for id in CHART_IDS {
        for (name, spec) in snapshot_variants() {
            let chart = charts::render(id, &spec).unwrap();
            let what = format!("{id} {name}");
            let els = parse(&chart.svg);
            let root = &els[0];
            assert_eq!(root.name, "svg", "{what}");
            assert_eq!(root.attr("role"), Some("img"), "{what}");
            assert_eq!(root.num("width"), f64::from(chart.width), "{what}");
            assert_eq!(root.num("height"), f64::from(chart.height), "{what}");
            for aid in root.attr("aria-labelledby").unwrap().split(' ') {
                assert!(els.iter().any(|e| e.attr("id") == Some(aid)), "{what}: no element {aid}");
            }
            assert_eq!(els.iter().find(|e| e.name == "title").unwrap().text, chart.title, "{what}");
            assert_eq!(els.iter().find(|e| e.name == "desc").unwrap().text, chart.summary, "{what}");
            assert!(chart.summary.len() > 20, "{what}: summary too short");
            assert!(chart.source.starts_with(if spec.lang == Lang::Zh { "来源：" } else { "Source: " }), "{what}");
            assert!(!chart.svg.contains("NaN") && !chart.svg.contains("inf"), "{what}: non-finite number");
            assert!(!chart.svg.contains("font-family=\"sans-serif\""), "{what}: texts must inherit the CJK font stack");
            assert!(!chart.table.rows.is_empty(), "{what}: empty table");
            for row in &chart.table.rows {
                assert_eq!(row.len(), chart.table.columns.len(), "{what}: ragged table");
            }
            if spec.lang == Lang::En {
                let mut all = vec![chart.title.clone(), chart.summary.clone(), chart.source.clone()];
                all.extend(chart.notes.iter().cloned());
                all.extend(chart.table.columns.iter().cloned());
                all.extend(chart.table.rows.iter().flatten().cloned());
                all.extend(texts(&els).iter().map(|t| t.text.clone()));
                for s in all {
                    assert!(!has_cjk(&s), "{what}: Chinese in English: {s}");
                }
            }
        }
    }
}

fn viewbox(root: &Element) -> (f64, f64, f64, f64) {
    let v: Vec<f64> = root.attr("viewBox").unwrap().split(' ').map(|x| x.parse().unwrap()).collect();
    (v[0], v[1], v[2], v[3])
}

#[test]
fn everything_stays_inside_the_chart_at_every_width() {
    for id in CHART_IDS {
        for lang in [Lang::Zh, Lang::En] {
            for large in [false, true] {
                for width in (280..=1440).step_by(80) {
                    let spec = Spec { width: f64::from(width), lang, theme: Theme::Light, large };
                    let chart = charts::render(id, &spec).unwrap();
                    let els = parse(&chart.svg);
                    let (_, _, vw, vh) = viewbox(&els[0]);
                    let what = format!("{id} {lang:?} large={large} {width}");
                    for r in els.iter().filter(|e| e.name == "rect") {
                        assert!(r.num("x") >= 0.0 && r.num("x") + r.num("width") <= vw + 0.5, "{what}: rect outside");
                        assert!(r.num("y") >= 0.0 && r.num("y") + r.num("height") <= vh + 0.5, "{what}: rect outside");
                    }
                    for t in texts(&els).into_iter().filter(|t| t.attr("transform").is_none()) {
                        let (x, y) = (t.num("x"), t.num("y"));
                        let px = t.num("font-size");
                        let est = charts::text_width(&t.text, px);
                        let (left, right) = match t.attr("text-anchor") {
                            Some("end") => (x - est, x),
                            Some("middle") => (x - est / 2.0, x + est / 2.0),
                            _ => (x, x + est),
                        };
                        assert!(left >= -1.0 && right <= vw + 1.0, "{what}: label {:?} spans {left:.0}..{right:.0} of {vw}", t.text);
                        assert!(y >= 0.0 && y <= vh, "{what}: label {:?} at y={y} of {vh}", t.text);
                    }
                }
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

/// The variants every chart is kept as a snapshot in: Chinese and English
/// at 720 px, and English at 375 px in the dark theme and 适老化 mode.
pub fn snapshot_variants() -> Vec<(String, Spec)> {
    vec![
        ("zh-720".to_string(), Spec::new(720.0, Lang::Zh)),
        ("en-720".to_string(), Spec::new(720.0, Lang::En)),
        ("en-375-dark-large".to_string(), Spec { width: 375.0, lang: Lang::En, theme: Theme::Dark, large: true }),
    ]
}

/// Rounds every decimal number to two places, so that a change below a
/// hundredth of a pixel is not a snapshot change.
fn normalise(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut num = String::new();
    let flush = |num: &mut String, out: &mut String| {
        if num.contains('.') {
            if let Ok(v) = num.parse::<f64>() {
                out.push_str(&format!("{:.2}", v));
                num.clear();
                return;
            }
        }
        out.push_str(num);
        num.clear();
    };
    for c in svg.chars() {
        if c.is_ascii_digit() || (c == '.' && !num.is_empty()) {
            num.push(c);
        } else {
            flush(&mut num, &mut out);
            out.push(c);
        }
    }
    flush(&mut num, &mut out);
    out
}

/// Snapshots under tests/snapshots: a mismatch writes `*-changed.svg` beside
/// the snapshot; `UPDATE_SNAPSHOTS=1` rewrites them.
#[test]
fn snapshots_match() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut changed = Vec::new();
    for id in CHART_IDS {
        for (name, spec) in snapshot_variants() {
            let svg = charts::render(id, &spec).unwrap().svg;
            let path = dir.join(format!("{id}-{name}.svg"));
            let changed_path = dir.join(format!("{id}-{name}-changed.svg"));
            if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
                std::fs::write(&path, &svg).unwrap();
                let _ = std::fs::remove_file(&changed_path);
                continue;
            }
            let want = std::fs::read_to_string(&path).unwrap_or_default();
            if normalise(&want) != normalise(&svg) {
                std::fs::write(&changed_path, &svg).unwrap();
                changed.push(changed_path.display().to_string());
            } else {
                let _ = std::fs::remove_file(&changed_path);
            }
        }
    }
    assert!(changed.is_empty(), "snapshots differ (run with UPDATE_SNAPSHOTS=1 if intended): {changed:?}");
}

#[test]
fn normalise_rounds_decimals_only() {
    assert_eq!(normalise("x=\"12\" y=\"3.14159\" 0.5ex"), "x=\"12\" y=\"3.14\" 0.50ex");
}
