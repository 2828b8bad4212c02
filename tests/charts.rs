//! The charts' SVG, read as a structure: bars, labels, accessibility, and a
//! snapshot of the whole output.

mod svg_check;

use liangshan_pop::charts::{self, county_population, ChartId, Spec, Theme};
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

/// The methods' hindcast, computed once for every test here.
fn the_hindcast() -> &'static liangshan_pop::projection::hindcast::Hindcast {
    static H: std::sync::OnceLock<liangshan_pop::projection::hindcast::Hindcast> = std::sync::OnceLock::new();
    H.get_or_init(|| liangshan_pop::projection::hindcast::hindcast(&liangshan_pop::projection::base::estimate().unwrap()).unwrap())
}

/// The charts drawn from the plan's data and the model alone: the plan's
/// and the methods' (the explorer's have their own tests).
fn static_charts() -> impl Iterator<Item = ChartId> {
    ChartId::PLAN.into_iter().chain(ChartId::METHODS)
}

fn draw(id: ChartId, spec: &Spec) -> charts::Chart {
    match id {
        ChartId::Hindcast => charts::hindcast::render(the_hindcast(), spec).unwrap(),
        _ => charts::render(id, spec).unwrap(),
    }
}

/// Every chart, in every variant: well formed, labelled for screen readers,
/// sized as asked, with a source, a data table and no Chinese in English.
#[test]
fn every_chart_is_accessible_and_complete() {
    for id in static_charts() {
        for (name, spec) in snapshot_variants() {
            let chart = draw(id, &spec);
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
    for id in static_charts() {
        for lang in [Lang::Zh, Lang::En] {
            for large in [false, true] {
                for width in (280..=1440).step_by(80) {
                    let spec = Spec { width: f64::from(width), lang, theme: Theme::Light, large };
                    let chart = draw(id, &spec);
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
    for id in ChartId::PLAN {
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
    let mut drawn = Vec::new();
    for id in ChartId::PLAN {
        for (name, spec) in snapshot_variants() {
            drawn.push((format!("{id}-{name}"), charts::render(id, &spec).unwrap().svg));
        }
    }
    // The explorer's charts in its default state (the plan's path, the
    // prefecture, 2030), without fans: deterministic, so the browser suite
    // can check the wasm draws the same bytes.
    let explorer = liangshan_pop::explorer::Explorer::new().unwrap();
    let state = liangshan_pop::state::PageState::default();
    for (name, spec) in snapshot_variants().into_iter().filter(|(n, _)| *n != "en-720") {
        for chart in explorer.charts(&state, None, &spec, &[]).unwrap() {
            drawn.push((format!("explorer-{}-{name}", chart.id), chart.svg));
        }
    }
    for (stem, svg) in drawn {
        {
            let path = dir.join(format!("{stem}.svg"));
            let changed_path = dir.join(format!("{stem}-changed.svg"));
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

fn render(id: &str, lang: Lang) -> (charts::Chart, Vec<Element>) {
    let chart = charts::render(ChartId::from_slug(id).unwrap(), &Spec::new(720.0, lang)).unwrap();
    let els = parse(&chart.svg);
    (chart, els)
}

fn text_set(els: &[Element]) -> Vec<String> {
    texts(els).iter().map(|t| t.text.clone()).collect()
}

fn fills<'a>(els: &'a [Element], name: &str, fill: &str) -> Vec<&'a Element> {
    els.iter().filter(|e| e.name == name && e.attr("fill") == Some(fill)).collect()
}

const BLUE: &str = "#0072B2";
const VERMILION: &str = "#D55E00";

#[test]
fn resident_registered_shows_four_bars_the_derived_one_hatched() {
    let (chart, els) = render("resident-registered", Lang::Zh);
    // Three solid bars and one legend swatch each for the two series; the
    // 2010 registered bar is hatched (an outline, no fill).
    assert_eq!(fills(&els, "rect", BLUE).len(), 2 + 1);
    assert_eq!(fills(&els, "rect", VERMILION).len(), 1 + 1);
    let t = text_set(&els);
    for label in ["453.3万", "478.9万", "485.8万", "533.1万", "差25.6万", "差47.3万", "2010", "2020"] {
        assert!(t.iter().any(|x| x == label), "missing {label}");
    }
    assert!(chart.notes[0].contains("推算"));
    assert!(chart.table.rows[0][2].ends_with("（推算）"));
}

#[test]
fn age_structure_splits_each_year_into_three_labelled_parts() {
    let (_, els) = render("age-structure", Lang::En);
    let t = text_set(&els);
    for label in ["27.33%", "65.57%", "7.10%", "27.64%", "62.87%", "9.49%", "0-14", "15-64", "65 and over"] {
        assert!(t.iter().any(|x| x == label), "missing {label}");
    }
}

#[test]
fn schooling_has_a_dumbbell_per_area_sorted_with_liangshan_marked() {
    let (_, els) = render("schooling", Lang::Zh);
    let dots_2020: Vec<&Element> = els.iter().filter(|e| e.name == "circle" && e.attr("fill") == Some(BLUE)).collect();
    assert_eq!(dots_2020.len(), 22 + 1, "22 areas and the legend");
    let ys: Vec<f64> = dots_2020.iter().skip(1).map(|d| d.num("cy")).collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]));
    // Sorted by the 2020 value: x positions fall from top to bottom.
    let xs: Vec<f64> = dots_2020.iter().skip(1).map(|d| d.num("cx")).collect();
    assert!(xs.windows(2).all(|w| w[0] >= w[1]), "{xs:?}");
    let bold: Vec<String> = texts(&els).iter().filter(|t| t.attr("font-weight") == Some("bold")).map(|t| t.text.clone()).collect();
    assert_eq!(bold, vec!["全省", "+0.89", "凉山", "+1.00"]);
}

#[test]
fn share_change_diverges_and_flags_the_misprinted_county() {
    let (chart, els) = render("county-share-change", Lang::Zh);
    let up = fills(&els, "rect", BLUE).len();
    let down = fills(&els, "rect", VERMILION).len();
    assert_eq!((up, down), (6, 10), "雷波 (0) has no bar");
    let t = text_set(&els);
    assert!(t.iter().any(|x| x == "+0.31*"));
    assert!(t.iter().any(|x| x == "−1.45"));
    assert_eq!(chart.notes.len(), 1);
    assert!(chart.notes[0].contains("越西县") && chart.notes[0].contains("0.27"));
}

#[test]
fn density_map_has_a_tile_per_county_coloured_by_class() {
    let (chart, els) = render("density-map", Lang::Zh);
    let tile_colours = ["#EFF3FF", "#BDD7E7", "#6BAED6", "#3182BD", "#08519C"];
    let coloured: usize = tile_colours.iter().map(|c| fills(&els, "rect", c).len()).sum();
    assert_eq!(coloured, 17 + 5, "17 tiles and 5 legend swatches");
    assert_eq!(fills(&els, "rect", "#08519C").len(), 1 + 1, "only Xichang is in the top class");
    let t = text_set(&els);
    assert!(t.iter().any(|x| x == "360") && t.iter().any(|x| x == "9"));
    assert!(chart.notes[0].contains("二手来源"));
    assert_eq!(chart.table.rows.len(), 17);
}

#[test]
fn urbanisation_never_invents_a_county_rate() {
    let (chart, els) = render("urbanisation", Lang::Zh);
    let t = text_set(&els);
    for label in ["27.52%（推算）", "36.96%", "46%（目标）", "50%（目标）", "66.63%", "56.73%"] {
        assert!(t.iter().any(|x| x == label), "missing {label}");
    }
    // Six bars (two of them outlines), and for the other 16 counties only text.
    let rates: Vec<&Vec<String>> = chart.table.rows.iter().filter(|r| r[1] != "未公布").collect();
    assert_eq!(rates.len(), 6);
    assert_eq!(chart.table.rows.iter().filter(|r| r[1] == "未公布").count(), 16);
}

#[test]
fn gdp_panels_have_twelve_years_of_each_series() {
    let (_, els) = render("gdp-per-capita", Lang::En);
    assert_eq!(fills(&els, "circle", BLUE).len(), 12);
    let squares = els.iter().filter(|e| e.name == "rect" && e.attr("fill") == Some(VERMILION)).count();
    assert_eq!(squares, 12);
    let t = text_set(&els);
    assert!(t.iter().any(|x| x == "81.60%") && t.iter().any(|x| x == "60.81%"));
    assert!(t.iter().any(|x| x == "Liangshan") && t.iter().any(|x| x == "Sichuan"));
}

#[test]
fn births_ageing_marks_the_basin_by_shape_and_names_every_county() {
    let (_, els) = render("county-births-ageing", Lang::Zh);
    // Anning-basin counties are filled circles (plus one in the legend);
    // the others are triangles (polygons, plus one in the legend).
    assert_eq!(fills(&els, "circle", BLUE).len(), 8 + 1);
    assert_eq!(fills(&els, "polygon", VERMILION).len(), 9 + 1);
    let t = text_set(&els);
    for c in liangshan_pop::data::counties::COUNTIES.iter() {
        assert!(t.iter().any(|x| x == c.short.zh), "no label for {}", c.short.zh);
    }
    for line in ["10% 老龄化社会", "20% 中度老龄化", "30% 重度老龄化"] {
        assert!(t.iter().any(|x| x == line), "no ageing line {line}");
    }
}

#[test]
fn main_indicators_show_the_box_with_every_row_in_the_table() {
    let (chart, els) = render("main-indicators", Lang::Zh);
    let t = text_set(&els);
    for label in ["486", "500", "75.04", "77.1", "78", "36.96", "46", "50"] {
        assert!(t.iter().any(|x| x == label), "missing {label}");
    }
    assert_eq!(chart.table.rows.len(), 8);
    let kinds: Vec<&str> = chart.table.rows.iter().map(|r| r[5].as_str()).collect();
    assert_eq!(kinds.iter().filter(|k| **k == "约束性").count(), 2);
    assert!(chart.table.rows.iter().any(|r| r[0] == "总和生育率" && r[4] == ">1.6"));
    // Years are years, not quantities: no thousands separator.
    let (en, els) = render("main-indicators", Lang::En);
    let t = text_set(&els);
    assert!(t.iter().any(|x| x == "2030") && !t.iter().any(|x| x == "2,030"));
    assert!(en.summary.contains("5 million residents"), "{}", en.summary);
}

mod projection_charts {
    use super::*;
    use liangshan_pop::charts::projection::{render, View};
    use liangshan_pop::projection::base::estimate;
    use liangshan_pop::projection::counties::RegionInputs;
    use liangshan_pop::projection::scenario::{estimate_migration, preset, run, Preset};
    use liangshan_pop::projection::stochastic::{simulate_region, Draws, LifeTableGrid, DEFAULT_UNCERTAINTY, EXPLORER};

    /// The plan's path and 40 trajectories of what the explorer keeps.
    fn fixture() -> (liangshan_pop::projection::scenario::Run, liangshan_pop::projection::stochastic::Probabilistic) {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let mut grid = LifeTableGrid::new(&base.mortality);
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, 40, 1);
        (run(&base, &a).unwrap(), simulate_region(&mut grid, &base, &RegionInputs::whole(&base), &a, d, EXPLORER).unwrap())
    }

    /// The counties under the plan's path compared on their old, in 2030.
    fn comparison() -> liangshan_pop::projection::compare::Comparison {
        use liangshan_pop::projection::counties::{estimate_counties, run_counties_exact};
        let base = estimate().unwrap();
        let a = preset(Preset::Plan, &base, &estimate_migration(&base).unwrap());
        let (runs, _) = run_counties_exact(&base, &estimate_counties(&base).unwrap(), &a).unwrap();
        liangshan_pop::projection::compare::Comparison::of(&runs, liangshan_pop::projection::services::Service::Age60Plus, 2030).unwrap()
    }

    #[test]
    fn pyramid_and_population_are_drawn_labelled_as_estimates_and_fit_every_width() {
        let (r, sim) = fixture();
        let urban = liangshan_pop::projection::urbanisation::project(2050).unwrap();
        let compared = comparison();
        let view = View {
            run: &r,
            fans: Some(&sim),
            year: 2035,
            region: liangshan_pop::data::counties::Region::Prefecture,
            urbanisation: Some(&urban),
            compared: Some((&compared, liangshan_pop::projection::compare::Measure::Change)),
        };
        for lang in [Lang::Zh, Lang::En] {
            for width in (280..=1440).step_by(160) {
                for (id, large) in ChartId::PROJECTION.iter().flat_map(|id| [(*id, false), (*id, true)]) {
                    let spec = Spec { large, ..Spec::new(f64::from(width), lang) };
                    let chart = render(id, &view, &spec).unwrap();
                    let els = parse(&chart.svg);
                    let (_, _, vw, _) = viewbox(&els[0]);
                    let texts = text_set(&els);
                    // Every chart drawn from the estimated base says so, in its title and on the chart.
                    if id != ChartId::ProjectedUrbanisation {
                        assert!(chart.title.contains("估计") || chart.title.contains("estimate"), "{id}: {}", chart.title);
                        assert!(texts.iter().any(|t| t.contains("估计") || t.contains("estimate")), "{id}: no estimate label on the chart");
                    }
                    assert!(!chart.table.rows.is_empty() && chart.table.rows.iter().all(|r| r.len() == chart.table.columns.len()), "{id}");
                    for t in super::texts(&els) {
                        let est = charts::text_width(&t.text, t.num("font-size"));
                        let x = t.num("x");
                        let (l, rr) = match t.attr("text-anchor") {
                            Some("end") => (x - est, x),
                            Some("middle") => (x - est / 2.0, x + est / 2.0),
                            _ => (x, x + est),
                        };
                        assert!(l >= -1.0 && rr <= vw + 1.0, "{id} {lang:?} {width}: {:?}", t.text);
                    }
                    if lang == Lang::En {
                        assert!(!texts.iter().any(|t| has_cjk(t)), "{id}: Chinese in an English chart");
                        assert!(!has_cjk(&chart.title) && !has_cjk(&chart.summary) && !has_cjk(&chart.source), "{id}");
                    }
                }
            }
        }
        let chart = render(ChartId::Pyramid, &view, &Spec::new(720.0, Lang::Zh)).unwrap();
        let els = parse(&chart.svg);
        // 101 single years a side, as one stepped shape (two corners an age,
        // and the two ends at the centre line); plus one legend swatch each.
        for colour in [BLUE, VERMILION] {
            let shapes = fills(&els, "polygon", colour);
            assert_eq!(shapes.len(), 1);
            assert_eq!(shapes[0].attr("points").unwrap().split_whitespace().count(), 101 * 2 + 2);
            assert_eq!(fills(&els, "rect", colour).len(), 1);
        }
        assert_eq!(chart.table.rows.len(), 101);
        let pop = render(ChartId::ProjectedPopulation, &view, &Spec::new(720.0, Lang::En)).unwrap();
        assert!(pop.summary.contains("target"), "{}", pop.summary);
        assert_eq!(pop.table.columns.len(), 6, "with the fan's four bounds");
        let ageing = render(ChartId::ProjectedAgeing, &view, &Spec::new(720.0, Lang::Zh)).unwrap();
        assert!(ageing.summary.contains("20%"), "{}", ageing.summary);
        assert!(text_set(&parse(&ageing.svg)).iter().any(|t| t == "20% 中度老龄化"));
        let urb = render(ChartId::ProjectedUrbanisation, &view, &Spec::new(720.0, Lang::En)).unwrap();
        assert!(urb.summary.contains("below the plan's 46% and 50%"), "{}", urb.summary);
        assert_eq!(urb.table.rows[0][0], "2010", "the census point before the trend");
        // Without a probabilistic run, no fan and no interval columns.
        let bare = View { fans: None, ..view };
        assert_eq!(render(ChartId::ProjectedPopulation, &bare, &Spec::new(720.0, Lang::En)).unwrap().table.columns.len(), 2);
        assert!(render(ChartId::Pyramid, &View { year: 2070, ..bare }, &Spec::new(720.0, Lang::En))
            .unwrap_err()
            .to_string()
            .contains("year"));
    }
}

#[test]
fn the_hindcast_draws_two_labelled_errors_per_share_and_tabulates_every_aggregate() {
    use liangshan_pop::projection::hindcast::{Aggregate, Components};
    let h = the_hindcast();
    for lang in [Lang::Zh, Lang::En] {
        let chart = draw(ChartId::Hindcast, &Spec::new(720.0, lang));
        let els = parse(&chart.svg);
        // Six shares, two bars each (none is exactly zero), each labelled with its error.
        let shares: Vec<_> = h.rows.iter().filter(|r| !matches!(r.aggregate, Aggregate::Total | Aggregate::SexRatio)).collect();
        assert_eq!(shares.len(), 6);
        let labels = text_set(&els);
        for r in &shares {
            for c in [Components::Then, Components::Census] {
                let e = charts::hindcast::error(r, c, lang);
                assert!(labels.contains(&e), "{lang:?}: no label {e} in {labels:?}");
            }
        }
        // The census path's bars are hatched (an outline and diagonal
        // strokes, not colour alone): six bars and the legend's key.
        let outlined =
            els.iter().filter(|e| e.name == "rect" && e.attr("stroke") == Some(VERMILION) && e.attr("fill") == Some("none")).count();
        assert_eq!(outlined, 6 + 1, "{lang:?}");
        assert_eq!(chart.table.rows.len(), Aggregate::ALL.len());
        assert_eq!(chart.notes.len(), 3);
        let total = h.rows.iter().find(|r| r.aggregate == Aggregate::Total).unwrap();
        let pct = format!("{:+.2}%", total.error(Components::Census) / total.published * 100.0);
        assert!(chart.summary.contains(&pct), "{lang:?}: {} lacks {pct}", chart.summary);
    }
}
