//! Browser tests of the JS-facing API (wasm-bindgen-test in headless
//! Chromium): the shapes JS sees, the errors it gets, and that a chart is
//! the same bytes as its native rendering (the snapshots under
//! tests/snapshots, written by the native suite).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use liangshan_pop::web::Core;

mod common;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

#[wasm_bindgen_test]
fn chart_has_the_shape_js_expects() {
    let chart = Core::new().render_chart("county-population", 600.0, "zh", "light", false).expect("chart");
    assert!(chart.is_object());
    for key in ["id", "lang", "title", "summary", "source", "svg"] {
        assert!(get(&chart, key).is_string(), "{key} is not a string");
    }
    assert_eq!(get(&chart, "lang").as_string().as_deref(), Some("zh"));
    let table = get(&chart, "table");
    let rows: Array = get(&table, "rows").dyn_into().expect("rows is an array");
    assert_eq!(rows.length(), 17);
    let columns: Array = get(&table, "columns").dyn_into().expect("columns is an array");
    assert_eq!(columns.length(), 6);
}

/// Every snapshot the native suite keeps, by chart and variant.
macro_rules! snapshots {
    ($($id:literal),* $(,)?) => {
        &[$(
            ($id, "zh", 720.0, "light", false, include_str!(concat!("snapshots/", $id, "-zh-720.svg"))),
            ($id, "en", 720.0, "light", false, include_str!(concat!("snapshots/", $id, "-en-720.svg"))),
            ($id, "en", 375.0, "dark", true, include_str!(concat!("snapshots/", $id, "-en-375-dark-large.svg"))),
        )*]
    };
}

const SNAPSHOTS: &[(&str, &str, f64, &str, bool, &str)] = snapshots!(
    "resident-registered",
    "age-structure",
    "schooling",
    "county-population",
    "county-share-change",
    "density-map",
    "density-bars",
    "urbanisation",
    "gdp-per-capita",
    "county-births-ageing",
    "main-indicators",
);

#[wasm_bindgen_test]
fn every_chart_is_byte_identical_to_its_native_rendering() {
    let core = Core::new();
    let ids = Core::new().chart_ids();
    assert_eq!(SNAPSHOTS.len(), ids.len() * 3, "a chart without snapshots");
    for (id, lang, width, theme, large, native) in SNAPSHOTS {
        assert!(ids.iter().any(|i| i == id), "{id} is not a chart");
        let svg = core.render_chart(id, *width, lang, theme, *large).map(|c| get(&c, "svg").as_string().unwrap()).expect("svg");
        assert!(svg == *native, "{id} {lang} {width} {theme} differs from the native snapshot");
    }
}

#[wasm_bindgen_test]
fn csv_downloads_carry_a_byte_order_mark_and_every_row() {
    let core = Core::new();
    let csv = core.chart_csv("county-population", "zh").expect("csv");
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(csv.trim_end().split("\r\n").count(), 18);
    let audit = core.audit_csv("en").expect("audit csv");
    assert!(audit.trim_end().split("\r\n").count() > 100);
    let table = core.audit_table("zh").expect("audit table");
    let rows: Array = get(&table, "rows").dyn_into().expect("rows");
    assert!(rows.length() > 100);
    let obs: Array = core.observations("en").expect("observations").dyn_into().expect("array");
    assert_eq!(obs.length(), 4);
}

#[wasm_bindgen_test]
fn errors_are_real_js_errors_in_the_readers_language() {
    let e = Core::new().render_chart("nope", 600.0, "en", "light", false).expect_err("unknown chart");
    let e: js_sys::Error = e.dyn_into().expect("an Error");
    assert!(String::from(e.message()).contains("chart"));
    let e: js_sys::Error = Core::new().render_chart("nope", 600.0, "zh", "light", false).expect_err("unknown chart").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("参数"));
    let e: js_sys::Error =
        Core::new().render_chart("county-population", f64::NAN, "en", "light", false).expect_err("NaN").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("width"));
    let e: js_sys::Error =
        Core::new().render_chart("county-population", 600.0, "<b>", "light", false).expect_err("bad lang").dyn_into().unwrap();
    let m = String::from(e.message());
    assert!(m.contains("lang") && m.contains("参数"), "{m}");
}

#[wasm_bindgen_test]
fn audit_and_key_figures_are_plain_arrays() {
    let core = Core::new();
    let checks: Array = core.audit("en").expect("audit").dyn_into().expect("array");
    assert!(checks.length() >= 100);
    let first = checks.get(0);
    assert!(get(&first, "published").as_f64().is_some());
    assert!(matches!(get(&first, "verdict").as_string().as_deref(), Some("agrees" | "disagrees")));
    let figures: Array = core.key_figures("zh").expect("figures").dyn_into().expect("array");
    assert_eq!(figures.length(), 8);
    assert_eq!(get(&figures.get(0), "value").as_string().as_deref(), Some("485.8万人"));
    assert_eq!(Core::new().chart_ids().len(), 11);
    let e: js_sys::Error =
        Core::new().render_chart("age-structure", 600.0, "en", "sepia", false).expect_err("bad theme").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("theme"));
}

#[cfg(feature = "bench")]
#[wasm_bindgen_test]
fn projections_run_in_the_browser_with_the_same_numbers() {
    let web = liangshan_pop::web::bench::Bench::new().expect("bench");
    let base = web.base_estimate().expect("base");
    assert_eq!(get(&base, "estimate").as_bool(), Some(true));
    let assumptions = web.scenario_assumptions("plan", "en").expect("assumptions");
    let years: Array = web.project_scenario(assumptions.clone(), "liangshan", "en").expect("projection").dyn_into().expect("array");
    assert_eq!(years.length(), 31);
    let pop_2030 = get(&years.get(10), "population").as_f64().unwrap();
    // The native run gives 5,036,950.641 (liangshan-pop scenario plan --json).
    assert!((pop_2030 - 5036950.641).abs() < 0.01, "{pop_2030}");
    let xide: Array = web.project_scenario(assumptions.clone(), "xide", "en").expect("county").dyn_into().expect("array");
    assert!(get(&xide.get(0), "population").as_f64().unwrap() < 200_000.0);
    let e: js_sys::Error = web.project_scenario(assumptions, "atlantis", "en").expect_err("bad region").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("region"));
    let tracked: Array = web.track_targets("low", "zh").expect("targets").dyn_into().expect("array");
    assert_eq!(tracked.length(), 20);
    let sim = web.simulate("plan", 20, 3.0, "en").expect("simulate");
    assert_eq!(get(&sim, "trajectories").as_f64(), Some(20.0));
    let e: js_sys::Error = web.simulate("plan", 0, 3.0, "en").expect_err("zero trajectories").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("trajectories"));
    let e: js_sys::Error = web.track_targets("utopia", "en").expect_err("bad preset").dyn_into().unwrap();
    assert!(String::from(e.message()).contains("scenario"));
}

const EXPLORER_SNAPSHOTS: &[(&str, &str, f64, &str, bool, &str)] = &[
    ("pyramid", "zh", 720.0, "light", false, include_str!("snapshots/explorer-pyramid-zh-720.svg")),
    ("projected-population", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-population-zh-720.svg")),
    ("projected-ageing", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-ageing-zh-720.svg")),
    ("projected-working-age", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-working-age-zh-720.svg")),
    ("projected-dependency", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-dependency-zh-720.svg")),
    ("projected-births-deaths", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-births-deaths-zh-720.svg")),
    ("projected-urbanisation", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-urbanisation-zh-720.svg")),
    ("projected-school-ages", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-school-ages-zh-720.svg")),
    ("projected-old-age", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-old-age-zh-720.svg")),
    ("projected-childcare", "zh", 720.0, "light", false, include_str!("snapshots/explorer-projected-childcare-zh-720.svg")),
    ("pyramid", "en", 375.0, "dark", true, include_str!("snapshots/explorer-pyramid-en-375-dark-large.svg")),
    (
        "projected-births-deaths",
        "en",
        375.0,
        "dark",
        true,
        include_str!("snapshots/explorer-projected-births-deaths-en-375-dark-large.svg"),
    ),
];

#[wasm_bindgen_test]
fn the_explorer_draws_the_same_bytes_as_native() {
    let core = Core::new();
    for (id, lang, width, theme, large, native) in EXPLORER_SNAPSHOTS {
        let query = format!("lang={lang}{}", if *large { "&a11y=large" } else { "" });
        let out = core.render(&query, *width, theme, vec![id.to_string()], vec![]).expect("render");
        let charts = Array::from(&get(&out, "charts"));
        assert_eq!(charts.length(), 1);
        assert!(get(&out, "tracker").is_null() || get(&out, "tracker").is_undefined(), "a partial redraw has no tracker");
        let svg = get(&charts.get(0), "svg").as_string().unwrap();
        assert!(svg == *native, "{id} {lang} {width} differs from the native snapshot");
    }
}

#[wasm_bindgen_test]
fn the_explorer_reads_the_url_corrects_it_and_takes_fans_and_uploads() {
    let mut core = Core::new();
    let s = core.state("?tfr2030=9&region=%3Cb%3E&year=2040&lang=en", None, None).expect("state");
    assert_eq!(get(&s, "query").as_string().as_deref(), Some("lang=en&year=2040&tfr2030=4"));
    let notices = Array::from(&get(&s, "notices"));
    assert_eq!(notices.length(), 2);
    assert!(get(&notices.get(1), "en").as_string().unwrap().contains("<b>"), "quoted as text for the page to insert as text");
    let controls = core.controls("zh").expect("controls");
    assert_eq!(Array::from(&get(&controls, "controls")).length(), 6);
    assert_eq!(Array::from(&get(&controls, "regions")).length(), 18);
    assert_eq!((Array::from(&get(&controls, "services")).length(), Array::from(&get(&controls, "measures")).length()), (13, 4));

    // Without fans: no intervals; with this state's fans: intervals.
    let query = "scenario=low&region=meigu";
    let out = core.render(query, 600.0, "light", vec![], vec![]).expect("render");
    assert_eq!(Array::from(&get(&out, "charts")).length(), 13);
    // The counties' comparison left out while it is out of the reader's sight.
    let skip = vec!["county-map".to_string(), "county-ranked".into(), "county-groups".into()];
    let out = core.render(query, 600.0, "light", vec![], skip).expect("render");
    assert_eq!(Array::from(&get(&out, "charts")).length(), 10);
    assert!(!get(&out, "tracker").is_null());
    assert_eq!(get(&out, "intervals").as_bool(), Some(false));
    let tracker = get(&out, "tracker");
    assert_eq!(Array::from(&get(&get(&tracker, "table"), "rows")).length(), 20);
    let fans = core.simulate(query, 20).expect("simulate");
    core.set_fans(fans).expect("set fans");
    let out = core.render(query, 600.0, "light", vec![], vec![]).expect("render");
    assert_eq!(get(&out, "intervals").as_bool(), Some(true));
    // Another state's fans are not drawn.
    let out = core.render("scenario=high", 600.0, "light", vec![], vec![]).expect("render");
    assert_eq!(get(&out, "intervals").as_bool(), Some(false));
    assert!(core.set_fans(JsValue::from_str("not fans")).is_err());

    // Uploads: a bad file lists its lines and changes nothing; a good one is used.
    let bad = core.upload(b"age,female,male\n0-4,x,1\n", "meigu", "zh").expect("upload");
    assert_eq!(get(&bad, "ok").as_bool(), Some(false));
    let problems = Array::from(&get(&bad, "problems"));
    assert!(problems.iter().any(|p| p.as_string().unwrap().starts_with("第2行：")), "{:?}", problems.get(0).as_string());
    let csv = core.base_csv("meigu", "en").expect("template");
    let good = core.upload(csv.as_bytes(), "meigu", "en").expect("upload");
    assert_eq!(get(&good, "ok").as_bool(), Some(true));
    let token = get(&good, "token").as_string().expect("a token");
    let out = core.render(query, 600.0, "light", vec!["pyramid".into()], vec![]).expect("render");
    assert_eq!(get(&out, "uploaded").as_string().as_deref(), Some("meigu"));
    let title = get(&Array::from(&get(&out, "charts")).get(0), "title").as_string().unwrap();
    assert!(!title.contains("估计"), "{title}");
    // The page's key of the state, with the token, is the drawing's key.
    let state = core.state(query, Some(token), None).expect("state");
    assert_eq!(get(&state, "key").as_string(), get(&out, "key").as_string());
    core.clear_upload().expect("clear");

    // What Excel on Chinese Windows writes: GBK, read through the browser's own decoder.
    let gbk = include_bytes!("fixtures/uploads/excel-gbk.csv");
    let read = core.upload(gbk, "liangshan", "zh").expect("upload");
    assert_eq!(get(&read, "ok").as_bool(), Some(true), "{:?}", Array::from(&get(&read, "problems")).get(0).as_string());
    let notes = Array::from(&get(&read, "notes"));
    assert_eq!(notes.get(0).as_string().as_deref(), Some("文件似乎是GBK（GB18030）编码，已按GBK读取。"));
    let utf16 = include_bytes!("fixtures/uploads/excel-unicode-text.txt");
    let read = core.upload(utf16, "liangshan", "en").expect("upload");
    assert_eq!(get(&read, "ok").as_bool(), Some(true));
    core.clear_upload().expect("clear");
    let methods = core.methods("en").expect("methods");
    assert!(Array::from(&get(&get(&methods, "fit"), "rows")).length() > 15);
}

/// The same seed gives the same fans in wasm as natively, to the last bit:
/// the native suite's snapshot (tests/projection.rs).
#[wasm_bindgen_test]
fn the_seed_gives_the_native_fans_to_the_last_bit() {
    let got = common::plan_fans_json();
    let want = include_str!("snapshots/fans-plan-200-seed-7.json");
    // Where they part, so that a difference in one engine can be read.
    let at = got.bytes().zip(want.bytes()).position(|(a, b)| a != b).unwrap_or(got.len().min(want.len()));
    let around = |s: &str| s.get(at.saturating_sub(80)..(at + 80).min(s.len())).unwrap_or("").to_string();
    assert!(got == want, "wasm's fans differ from the native snapshot at byte {at}:\n wasm:   {}\n native: {}", around(&got), around(want));
}

#[wasm_bindgen_test]
fn the_hindcast_is_drawn_with_the_native_figures() {
    let core = Core::new();
    for lang in ["zh", "en"] {
        let chart = core.hindcast_chart(600.0, lang, "light", false).expect("hindcast");
        assert_eq!(get(&chart, "id").as_string().as_deref(), Some("hindcast"));
        assert!(get(&chart, "svg").as_string().unwrap().starts_with("<svg"));
        let rows: js_sys::Array = get(&get(&chart, "table"), "rows").dyn_into().unwrap();
        assert_eq!(rows.length(), 8);
        // The census path's population error, as `liangshan-pop hindcast` prints it natively.
        assert!(get(&chart, "summary").as_string().unwrap().contains("+0.28%"), "{lang}");
    }
    let e: js_sys::Error = core.hindcast_chart(600.0, "xx", "light", false).expect_err("bad lang").dyn_into().unwrap();
    assert!(!String::from(e.message()).is_empty());
}
