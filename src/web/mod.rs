//! The one boundary to JavaScript (wasm32 only).
//!
//! Plain data in, plain data out: every export takes strings and numbers,
//! returns plain objects (through `serde_wasm_bindgen`) or strings, and turns
//! every core error into a real JS `Error` whose message is in the reader's
//! language. Nothing here looks up or changes the DOM.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::charts::{self, Spec};
use crate::error::Error;
use crate::i18n::Lang;
use crate::indicators::audit;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
export type Lang = "zh" | "en";
export interface DataTable { columns: string[]; rows: string[][]; }
export interface Chart {
  id: string; lang: Lang; title: string; summary: string; source: string;
  notes: string[]; width: number; height: number; svg: string; table: DataTable;
}
export interface KeyFigure { id: string; label: string; value: string; source: string; quote: string; }
export interface Check {
  id: string; claim: string; published: number; published_text: string;
  recomputed: number; recomputed_low: number; recomputed_high: number;
  difference: number; verdict: "agrees" | "disagrees"; method: string; source: string;
}
"#;

/// Turns a core error into a JS `Error` with a message in `lang`.
fn into_error(e: Error, lang: Lang) -> js_sys::Error {
    js_sys::Error::new(&e.message(lang))
}

fn lang_of(s: &str) -> Result<Lang, js_sys::Error> {
    // The language itself is what failed: say so in both.
    crate::state::lang(s).ok_or_else(|| {
        let e: Error =
            crate::error::ErrorKind::InvalidArgument { name: "lang", value: s.chars().take(40).collect(), expected: "zh, en" }.into();
        js_sys::Error::new(&format!("{} / {}", e.message(Lang::Zh), e.message(Lang::En)))
    })
}

fn chart_of(id: &str, lang: Lang) -> Result<charts::ChartId, js_sys::Error> {
    charts::ChartId::from_slug(id).ok_or_else(|| {
        into_error(
            crate::error::ErrorKind::InvalidArgument {
                name: "chart",
                value: id.chars().take(40).collect(),
                expected: "a chart of the page",
            }
            .into(),
            lang,
        )
    })
}

fn region_of(id: &str, lang: Lang) -> Result<crate::data::counties::Region, js_sys::Error> {
    crate::data::counties::Region::from_slug(id).ok_or_else(|| {
        into_error(
            crate::error::ErrorKind::InvalidArgument {
                name: "region",
                value: id.chars().take(40).collect(),
                expected: "liangshan or a county id (xichang, muli, ...)",
            }
            .into(),
            lang,
        )
    })
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, js_sys::Error> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// The ids of the charts this module draws.
#[wasm_bindgen(js_name = chartIds)]
pub fn chart_ids() -> Vec<String> {
    charts::ChartId::PLAN.iter().map(|c| c.slug().to_string()).collect()
}

fn spec_of(width: f64, lang: &str, theme: &str, large: bool) -> Result<Spec, js_sys::Error> {
    let lang = lang_of(lang)?;
    let theme = crate::state::theme(theme).ok_or_else(|| {
        into_error(
            crate::error::ErrorKind::InvalidArgument { name: "theme", value: theme.chars().take(40).collect(), expected: "light, dark" }
                .into(),
            lang,
        )
    })?;
    Ok(Spec { width, lang, theme, large })
}

/// Draws chart `id` for a container `width` CSS pixels wide, in `lang`
/// ("zh" or "en"), `theme` ("light" or "dark"), larger when `large`:
/// `{ id, lang, title, summary, source, notes, width, height, svg, table }`.
#[wasm_bindgen(js_name = renderChart, unchecked_return_type = "Chart")]
pub fn render_chart(id: &str, width: f64, lang: &str, theme: &str, large: bool) -> Result<JsValue, js_sys::Error> {
    let spec = spec_of(width, lang, theme, large)?;
    let chart = charts::render(chart_of(id, spec.lang)?, &spec).map_err(|e| into_error(e, spec.lang))?;
    to_js(&chart)
}

/// Only the SVG of chart `id`: what the byte-identity tests compare.
#[wasm_bindgen(js_name = renderSvg)]
pub fn render_svg(id: &str, width: f64, lang: &str, theme: &str, large: bool) -> Result<String, js_sys::Error> {
    let spec = spec_of(width, lang, theme, large)?;
    charts::render(chart_of(id, spec.lang)?, &spec).map(|c| c.svg).map_err(|e| into_error(e, spec.lang))
}

/// A chart's data table as CSV (with a byte-order mark, so that
/// spreadsheets read the Chinese correctly).
#[wasm_bindgen(js_name = chartCsv)]
pub fn chart_csv(id: &str, lang: &str) -> Result<String, js_sys::Error> {
    let spec = spec_of(720.0, lang, "light", false)?;
    charts::render(chart_of(id, spec.lang)?, &spec).map(|c| format!("\u{feff}{}", c.table.to_csv())).map_err(|e| into_error(e, spec.lang))
}

/// The plan audit as a table (`{ columns, rows }`), and the same as CSV.
#[wasm_bindgen(js_name = auditTable, unchecked_return_type = "DataTable")]
pub fn audit_table(lang: &str) -> Result<JsValue, js_sys::Error> {
    let lang = lang_of(lang)?;
    to_js(&crate::present::audit::table(&audit::audit().map_err(|e| into_error(e, lang))?, lang))
}

#[wasm_bindgen(js_name = auditCsv)]
pub fn audit_csv(lang: &str) -> Result<String, js_sys::Error> {
    let lang = lang_of(lang)?;
    let checks = audit::audit().map_err(|e| into_error(e, lang))?;
    Ok(format!("\u{feff}{}", crate::present::audit::table(&checks, lang).to_csv()))
}

/// What the audit notes beside the arithmetic (labels and units that do not
/// fit), as `{ id, text, source }`.
#[wasm_bindgen(js_name = observations)]
pub fn observations_js(lang: &str) -> Result<JsValue, js_sys::Error> {
    let lang = lang_of(lang)?;
    to_js(&audit::observations().into_iter().map(|o| crate::present::audit::observation(o, lang)).collect::<Vec<_>>())
}

/// The key figures of 2020 with their sources.
#[wasm_bindgen(js_name = keyFigures, unchecked_return_type = "KeyFigure[]")]
pub fn key_figures_js(lang: &str) -> Result<JsValue, js_sys::Error> {
    let lang = lang_of(lang)?;
    to_js(&crate::present::figures::key_figures(lang).map_err(|e| into_error(e, lang))?)
}

/// Every check of the plan audit.
#[wasm_bindgen(js_name = audit, unchecked_return_type = "Check[]")]
pub fn audit_js(lang: &str) -> Result<JsValue, js_sys::Error> {
    let lang = lang_of(lang)?;
    let checks = audit::audit().map_err(|e| into_error(e, lang))?;
    to_js(&checks.iter().map(|c| crate::present::audit::words(c, lang)).collect::<Vec<_>>())
}

fn preset_of(name: &str, lang: Lang) -> Result<crate::projection::scenario::Preset, js_sys::Error> {
    crate::projection::scenario::Preset::from_slug(name).ok_or_else(|| {
        into_error(
            crate::error::ErrorKind::InvalidArgument {
                name: "scenario",
                value: name.chars().take(40).collect(),
                expected: "plan, constant, low, high, zero-migration",
            }
            .into(),
            lang,
        )
    })
}

/// The estimated 2020 base population (single years 0-100+, by sex) with
/// the fit of every published aggregate. An estimate: say so wherever it shows.
#[wasm_bindgen(js_name = baseEstimate)]
pub fn base_estimate() -> Result<JsValue, js_sys::Error> {
    to_js(&crate::projection::base::estimate().map_err(|e| into_error(e, Lang::En))?)
}

/// A preset scenario's assumptions.
#[wasm_bindgen(js_name = scenarioAssumptions)]
pub fn scenario_assumptions(preset: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::projection::scenario::{estimate_migration, preset as preset_for};
    let lang = lang_of(lang)?;
    let p = preset_of(preset, lang)?;
    let base = crate::projection::base::estimate().map_err(|e| into_error(e, lang))?;
    let mig = estimate_migration(&base).map_err(|e| into_error(e, lang))?;
    to_js(&preset_for(p, &base, &mig))
}

/// Projects `region` ("liangshan" or a county id such as "xichang") under
/// `assumptions` (an object with the fields of a preset's assumptions):
/// yearly indicators from 2020 to the horizon.
#[wasm_bindgen(js_name = projectScenario)]
pub fn project_scenario(assumptions: JsValue, region: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::projection::scenario::{run, Assumptions};
    let lang = lang_of(lang)?;
    let a: Assumptions = serde_wasm_bindgen::from_value(assumptions).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    let base = crate::projection::base::estimate().map_err(|e| into_error(e, lang))?;
    let crate::data::counties::Region::County(c) = region_of(region, lang)? else {
        return to_js(&run(&base, &a).map_err(|e| into_error(e, lang))?.years);
    };
    let counties = crate::projection::counties::estimate_counties(&base).map_err(|e| into_error(e, lang))?;
    let (runs, _) = crate::projection::counties::run_counties_exact(&base, &counties, &a).map_err(|e| into_error(e, lang))?;
    to_js(&runs[c.index()].years)
}

/// The plan's targets and forecasts against a preset scenario.
#[wasm_bindgen(js_name = trackTargets)]
pub fn track_targets(preset: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::projection::scenario::{estimate_migration, preset as preset_for, run};
    let lang = lang_of(lang)?;
    let p = preset_of(preset, lang)?;
    let base = crate::projection::base::estimate().map_err(|e| into_error(e, lang))?;
    let mig = estimate_migration(&base).map_err(|e| into_error(e, lang))?;
    let r = run(&base, &preset_for(p, &base, &mig)).map_err(|e| into_error(e, lang))?;
    let u = crate::projection::urbanisation::project(r.assumptions.horizon).map_err(|e| into_error(e, lang))?;
    to_js(&crate::projection::targets::track(&r, &u).map_err(|e| into_error(e, lang))?)
}

/// `trajectories` probabilistic runs of a preset from `seed`.
#[wasm_bindgen(js_name = simulate)]
pub fn simulate_js(preset: &str, trajectories: u32, seed: f64, lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::projection::scenario::{estimate_migration, preset as preset_for};
    use crate::projection::stochastic::{simulate, DEFAULT_UNCERTAINTY};
    let lang = lang_of(lang)?;
    let p = preset_of(preset, lang)?;
    if !seed.is_finite() || seed < 0.0 || seed > 9_007_199_254_740_991.0 {
        return Err(into_error(
            crate::error::ErrorKind::OutOfRange { name: "seed", value: seed, min: 0.0, max: 9_007_199_254_740_991.0 }.into(),
            lang,
        ));
    }
    let base = crate::projection::base::estimate().map_err(|e| into_error(e, lang))?;
    let mig = estimate_migration(&base).map_err(|e| into_error(e, lang))?;
    let r = simulate(&base, &preset_for(p, &base, &mig), &DEFAULT_UNCERTAINTY, trajectories as usize, seed as u64)
        .map_err(|e| into_error(e, lang))?;
    to_js(&r)
}

/// The benchmark's specs, read once, so that timing `run` measures the
/// engine alone.
#[wasm_bindgen]
pub struct BenchSpecs {
    specs: Vec<crate::projection::Spec>,
}

#[wasm_bindgen]
impl BenchSpecs {
    #[wasm_bindgen(constructor)]
    pub fn new(specs: JsValue) -> Result<BenchSpecs, js_sys::Error> {
        let specs: Vec<crate::projection::Spec> = serde_wasm_bindgen::from_value(specs).map_err(|e| js_sys::Error::new(&e.to_string()))?;
        Ok(BenchSpecs { specs })
    }

    /// Projects every spec; returns the sum of the final populations.
    pub fn run(&self) -> Result<f64, js_sys::Error> {
        let mut checksum = 0.0;
        for s in &self.specs {
            let p = crate::projection::project(s).map_err(|e| into_error(e, Lang::En))?;
            checksum += p.female.last().map_or(0.0, |v| v.iter().sum::<f64>())
                + p.male.as_ref().and_then(|m| m.last()).map_or(0.0, |v| v.iter().sum::<f64>());
        }
        Ok(checksum)
    }
}

// ---------------------------------------------------------------------------
// The projection explorer. One `Explorer` per wasm instance (the page's
// worker holds one, the probabilistic worker another), with the fans the
// probabilistic worker sent last.

thread_local! {
    static EXPLORER: std::cell::RefCell<Option<crate::explorer::Explorer>> = const { std::cell::RefCell::new(None) };
    static FANS: std::cell::RefCell<Option<crate::explorer::FanSet>> = const { std::cell::RefCell::new(None) };
}

fn with_explorer<T>(lang: Lang, f: impl FnOnce(&mut crate::explorer::Explorer) -> Result<T, Error>) -> Result<T, js_sys::Error> {
    EXPLORER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(crate::explorer::Explorer::new().map_err(|e| into_error(e, lang))?);
        }
        // Just filled when empty.
        let x = slot.as_mut().ok_or_else(|| js_sys::Error::new("explorer not ready"))?;
        f(x).map_err(|e| into_error(e, lang))
    })
}

#[derive(Serialize)]
struct ControlOut {
    param: &'static str,
    min: f64,
    max: f64,
    step: f64,
    big_step: f64,
    decimals: usize,
    label: &'static str,
    unit: &'static str,
}

#[derive(Serialize)]
struct Named {
    id: &'static str,
    name: &'static str,
}

#[derive(Serialize)]
struct ControlsOut {
    controls: Vec<ControlOut>,
    presets: Vec<Named>,
    regions: Vec<Named>,
    years: (u16, u16),
}

/// The explorer's controls, presets and regions, labelled in `lang`.
#[wasm_bindgen(js_name = explorerControls)]
pub fn explorer_controls(lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::projection::scenario::Preset;
    let lang = lang_of(lang)?;
    use crate::present::explorer::{preset_name, CONTROL_WORDS};
    let controls = crate::state::CONTROLS
        .iter()
        .zip(CONTROL_WORDS)
        .map(|(c, (_, label, unit))| ControlOut {
            param: c.param,
            min: c.min,
            max: c.max,
            step: c.step,
            big_step: c.big_step,
            decimals: c.decimals,
            label: label.get(lang),
            unit: unit.get(lang),
        })
        .collect();
    let presets = Preset::ALL.iter().map(|p| Named { id: p.slug(), name: preset_name(*p).get(lang) }).collect();
    let regions = crate::data::counties::Region::all().map(|r| Named { id: r.slug(), name: r.name().get(lang) }).collect();
    to_js(&ControlsOut { controls, presets, regions, years: crate::state::YEARS })
}

/// A notice in both languages (the page may switch language after reading it).
#[derive(Serialize)]
struct NoticeOut {
    param: String,
    zh: String,
    en: String,
}

#[derive(Serialize)]
struct StateOut {
    state: crate::state::PageState,
    notices: Vec<NoticeOut>,
    /// The canonical query: only what differs from the default.
    query: String,
    key: String,
    /// What the controls show (the preset's values where the URL sets none).
    values: Vec<(&'static str, f64)>,
    /// The preset's own values, for each control's reset.
    preset_values: Vec<(&'static str, f64)>,
}

/// Reads a query string: the state, the corrections to show, and the
/// values of every control. `upload`: the token of the reader's table in
/// force (from `explorerUpload`), which the state's key carries.
/// `attributes`: the query is a `<liangshan-chart>` element's attributes,
/// not a URL (the notices say which).
#[wasm_bindgen(js_name = explorerState)]
pub fn explorer_state(query: &str, upload: Option<String>, attributes: Option<bool>) -> Result<JsValue, js_sys::Error> {
    use crate::state::Source;
    let (state, notices) = crate::state::parse(query);
    let source = if attributes == Some(true) { Source::Attributes } else { Source::Url };
    let notices = notices
        .iter()
        .map(|n| NoticeOut {
            param: n.param.clone(),
            zh: crate::present::state::notice(n, source, Lang::Zh),
            en: crate::present::state::notice(n, source, Lang::En),
        })
        .collect();
    with_explorer(state.lang, |x| {
        let preset_only = crate::state::PageState { scenario: crate::model::Scenario { preset: state.scenario.preset, ..Default::default() }, ..Default::default() };
        let params = crate::state::CONTROLS.iter().map(|c| c.param);
        Ok(StateOut {
            query: crate::state::to_query(&state),
            key: crate::explorer::key(&state, upload.as_deref()),
            values: params.clone().zip(x.control_values(&state)).collect(),
            preset_values: params.zip(x.control_values(&preset_only)).collect(),
            state: state.clone(),
            notices,
        })
    })
    .and_then(|s| to_js(&s))
}

#[derive(Serialize)]
struct Explored {
    key: String,
    charts: Vec<charts::Chart>,
    tracker: Option<crate::present::tracker::TrackerTable>,
    headline: Option<Vec<crate::present::explorer::HeadlineItem>>,
    uploaded: Option<crate::data::counties::Region>,
    intervals: bool,
}

/// The explorer's charts (`only` those ids, or all when empty) and, with
/// all, the targets tracker, for the state in `query`, `width` CSS pixels
/// wide in `theme`, as JSON (one string crosses to JS and then to the page,
/// far cheaper than thousands of small values). Uses the fans last given to
/// `explorerSetFans` when they belong to this state.
#[wasm_bindgen(js_name = explorerRenderJson)]
pub fn explorer_render_json(query: &str, width: f64, theme: &str, only: Vec<String>) -> Result<String, js_sys::Error> {
    let out = explore(query, width, theme, only)?;
    serde_json::to_string(&out).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// [`explorer_render_json`] as a JS object.
#[wasm_bindgen(js_name = explorerRender)]
pub fn explorer_render(query: &str, width: f64, theme: &str, only: Vec<String>) -> Result<JsValue, js_sys::Error> {
    to_js(&explore(query, width, theme, only)?)
}

fn explore(query: &str, width: f64, theme: &str, only: Vec<String>) -> Result<Explored, js_sys::Error> {
    let (state, _) = crate::state::parse(query);
    let spec = spec_of(width, state.lang.code(), theme, state.large)?;
    let only: Vec<charts::ChartId> = only.iter().filter_map(|s| charts::ChartId::from_slug(s)).collect();
    let out = FANS.with(|fans| {
        let fans = fans.borrow();
        with_explorer(state.lang, |x| {
            let key = x.key(&state);
            let fans = fans.as_ref().filter(|f| f.key == key);
            Ok(Explored {
                charts: x.charts(&state, fans, &spec, &only)?,
                tracker: if only.is_empty() { Some(crate::present::tracker::table(&x.tracker(&state, fans)?, state.lang)) } else { None },
                headline: if only.is_empty() { Some(crate::present::explorer::headline(&x.headline(&state)?, state.lang)) } else { None },
                uploaded: x.uploaded_region(),
                intervals: fans.is_some(),
                key,
            })
        })
    })?;
    Ok(out)
}

/// The probabilistic runs of the state in `query` (what `explorerSetFans` takes).
#[wasm_bindgen(js_name = explorerSimulate)]
pub fn explorer_simulate(query: &str, trajectories: u32) -> Result<JsValue, js_sys::Error> {
    let (state, _) = crate::state::parse(query);
    let fans = with_explorer(state.lang, |x| x.simulate(&state, trajectories as usize, crate::explorer::SEED))?;
    to_js(&fans)
}

/// Keeps fans from `explorerSimulate` (of this or another instance) for the
/// renders of their state.
#[wasm_bindgen(js_name = explorerSetFans)]
pub fn explorer_set_fans(fans: JsValue) -> Result<(), js_sys::Error> {
    let f: crate::explorer::FanSet = serde_wasm_bindgen::from_value(fans).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    FANS.with(|cell| *cell.borrow_mut() = Some(f));
    Ok(())
}

#[derive(Serialize)]
struct UploadOut {
    ok: bool,
    /// Accepted: what the page says; refused: how many problems.
    message: String,
    /// Refused: every problem, each in one sentence (its line said once).
    problems: Vec<String>,
    /// Accepted: what the reader should know about the file.
    notes: Vec<String>,
    /// Accepted: the table's token in state keys (`explorerState`).
    token: Option<String>,
}

/// GB18030 through the browser's own decoder: no tables in the module.
struct BrowserDecoder;

impl crate::upload::LegacyDecoder for BrowserDecoder {
    fn gb18030(&self, bytes: &[u8]) -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        let decoder = web_sys::TextDecoder::new_with_label_and_options("gb18030", &options).ok()?;
        decoder.decode_with_u8_array(bytes).ok()
    }
}

/// A reader's population table for `region`, the bytes of its file:
/// accepted (replacing the estimate) or refused with every problem, in
/// `lang`. A refused file changes nothing.
#[wasm_bindgen(js_name = explorerUpload)]
pub fn explorer_upload(bytes: &[u8], region: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
    use crate::present::upload as words;
    let lang = lang_of(lang)?;
    let region = region_of(region, lang)?;
    let name = region.name();
    let out = with_explorer(lang, |x| {
        Ok(match x.upload(bytes, region, &BrowserDecoder)? {
            Ok(a) => UploadOut {
                ok: true,
                message: words::accepted(name, a.female, a.male, lang),
                problems: Vec::new(),
                notes: a.notes.iter().map(|n| words::note(n, name, lang)).collect(),
                token: Some(a.token),
            },
            Err(problems) => UploadOut {
                ok: false,
                message: String::new(),
                problems: problems.iter().map(|p| words::problem(p, name, lang)).collect(),
                notes: Vec::new(),
                token: None,
            },
        })
    })?;
    to_js(&out)
}

/// Back to the estimated base population.
#[wasm_bindgen(js_name = explorerClearUpload)]
pub fn explorer_clear_upload() -> Result<(), js_sys::Error> {
    with_explorer(Lang::En, |x| {
        x.clear_upload();
        Ok(())
    })
}

/// The base population of `region` (estimate or the reader's table) as a
/// CSV in the form uploads take.
#[wasm_bindgen(js_name = explorerBaseCsv)]
pub fn explorer_base_csv(region: &str, lang: &str) -> Result<String, js_sys::Error> {
    let lang = lang_of(lang)?;
    let region = region_of(region, lang)?;
    with_explorer(lang, |x| x.base(region).map(|(f, m)| crate::upload::template(&f, &m)))
}

#[derive(Serialize)]
struct MethodsOut {
    figures: crate::explorer::MethodFigures,
    fit: charts::DataTable,
}

/// The figures the methods section quotes, and the estimate's fit.
#[wasm_bindgen(js_name = explorerMethods)]
pub fn explorer_methods(lang: &str) -> Result<JsValue, js_sys::Error> {
    let lang = lang_of(lang)?;
    let out = with_explorer(lang, |x| {
        Ok(MethodsOut { figures: x.method_figures(), fit: crate::present::explorer::fit_table(&x.model().base.fit, lang) })
    })?;
    to_js(&out)
}

/// Any table the core gave (`{ columns, rows }`) as CSV, with a byte-order
/// mark; cells that would start a formula are kept as text.
#[wasm_bindgen(js_name = tableCsv)]
pub fn table_csv(table: JsValue) -> Result<String, js_sys::Error> {
    let t: charts::DataTable = serde_wasm_bindgen::from_value(table).map_err(|e| js_sys::Error::new(&e.to_string()))?;
    Ok(format!("\u{feff}{}", t.to_csv()))
}
