//! The one boundary to JavaScript (wasm32 only): the [`Core`] handle.
//!
//! The page, the embed, the custom element and the explorer's workers each
//! create one `Core` (through `www/core.js`); it holds the model, built once
//! on first use, the plan audit, and the explorer's upload and fans. Its
//! methods take plain values, parse them here into typed ids (the one place
//! a string from JavaScript becomes a [`ChartId`], a [`Lang`] or a
//! [`Region`]), and return plain objects with camelCase fields (through
//! `serde_wasm_bindgen`) or strings. Every core error becomes a JS `Error`
//! whose message is in the reader's language. Nothing here touches the DOM.
//! What only the benchmark calls is in [`bench`], behind the `bench` feature.

#[cfg(feature = "bench")]
pub mod bench;
mod types;

use std::cell::OnceCell;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::charts::{self, ChartId, DataTable, Spec, Theme};
use crate::data::counties::Region;
use crate::error::{Error, ErrorKind};
use crate::explorer::{Explorer, FanSet};
use crate::i18n::Lang;
use crate::indicators::audit::{self, Check};
use crate::present;
use crate::state;

/// Turns a core error into a JS `Error` with a message in `lang`.
fn into_error(e: Error, lang: Lang) -> js_sys::Error {
    js_sys::Error::new(&e.message(lang))
}

fn invalid(name: &'static str, value: &str, expected: &'static str) -> Error {
    ErrorKind::InvalidArgument { name, value: value.chars().take(40).collect(), expected }.into()
}

fn lang_of(s: &str) -> Result<Lang, js_sys::Error> {
    // The language itself is what failed: say so in both.
    state::lang(s).ok_or_else(|| {
        let e = invalid("lang", s, "zh, en");
        js_sys::Error::new(&format!("{} / {}", e.message(Lang::Zh), e.message(Lang::En)))
    })
}

fn chart_of(id: &str, lang: Lang) -> Result<ChartId, js_sys::Error> {
    ChartId::from_slug(id).ok_or_else(|| into_error(invalid("chart", id, "a chart of the page"), lang))
}

fn region_of(id: &str, lang: Lang) -> Result<Region, js_sys::Error> {
    Region::from_slug(id).ok_or_else(|| into_error(invalid("region", id, "liangshan or a county id (xichang, muli, ...)"), lang))
}

fn theme_of(name: &str, lang: Lang) -> Result<Theme, js_sys::Error> {
    state::theme(name).ok_or_else(|| into_error(invalid("theme", name, "light, dark"), lang))
}

fn to_js<T: Serialize>(v: &T) -> Result<JsValue, js_sys::Error> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| js_sys::Error::new(&e.to_string()))
}

/// The benchmark's specs and assumptions (its exports alone deserialise).
#[cfg(feature = "bench")]
fn from_js<T: serde::de::DeserializeOwned>(v: JsValue, what: &str) -> Result<T, js_sys::Error> {
    serde_wasm_bindgen::from_value(v).map_err(|e| js_sys::Error::new(&format!("{what}: {e}")))
}

// What JavaScript hands back is read here by hand, so that the wasm carries
// no deserialiser (serde's for each type cost about 30 kB raw): the fans as
// numbers in a typed array, a table as arrays of strings.

fn field(v: &JsValue, name: &str, what: &str) -> Result<JsValue, js_sys::Error> {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).map_err(|_| js_sys::Error::new(&format!("{what}: not an object")))
}

fn strings(v: &JsValue, what: &str) -> Result<Vec<String>, js_sys::Error> {
    if !js_sys::Array::is_array(v) {
        return Err(js_sys::Error::new(&format!("{what}: not an array")));
    }
    js_sys::Array::from(v).iter().map(|s| s.as_string().ok_or_else(|| js_sys::Error::new(&format!("{what}: not a string")))).collect()
}

/// A [`DataTable`] the core gave: `{ columns: string[], rows: string[][] }`.
fn table_of(v: &JsValue) -> Result<DataTable, js_sys::Error> {
    let columns = strings(&field(v, "columns", "table")?, "table columns")?;
    let rows = field(v, "rows", "table")?;
    if !js_sys::Array::is_array(&rows) {
        return Err(js_sys::Error::new("table rows: not an array"));
    }
    let rows = js_sys::Array::from(&rows).iter().map(|r| strings(&r, "table row")).collect::<Result<_, _>>()?;
    Ok(DataTable { columns, rows })
}

/// Fans as they cross to JavaScript: `{ key, bases, packed }`, the runs as
/// a `Float64Array` ([`FanSet::packed`]) and the prefecture's alternative
/// bases, which the page says.
fn fans_to_js(f: &FanSet) -> Result<JsValue, js_sys::Error> {
    let o = js_sys::Object::new();
    let packed: JsValue = js_sys::Float64Array::from(&f.packed()[..]).into();
    for (name, value) in [("key", JsValue::from_str(&f.key)), ("bases", JsValue::from_f64(f.prefecture.bases as f64)), ("packed", packed)] {
        js_sys::Reflect::set(&o, &JsValue::from_str(name), &value).map_err(|_| js_sys::Error::new("fans: not set"))?;
    }
    Ok(o.into())
}

fn fans_of(v: &JsValue) -> Result<FanSet, js_sys::Error> {
    let key = field(v, "key", "fans")?.as_string().ok_or_else(|| js_sys::Error::new("fans: no key"))?;
    let packed = field(v, "packed", "fans")?.dyn_into::<js_sys::Float64Array>().map_err(|_| js_sys::Error::new("fans: not packed"))?;
    FanSet::from_packed(key, &packed.to_vec()).map_err(|e| js_sys::Error::new(&e.message(Lang::En)))
}

/// With a byte-order mark, so that spreadsheets read the Chinese correctly.
fn csv(t: &DataTable) -> String {
    format!("\u{feff}{}", t.to_csv())
}

/// The core of the page: the model, the audit, the reader's upload and
/// the fans of the last probabilistic run. Created once per instance of
/// the module.
#[wasm_bindgen]
pub struct Core {
    /// Built on first use: the plan's charts need no model.
    explorer: OnceCell<Explorer>,
    audit: OnceCell<Vec<Check>>,
    /// The methods section's hindcast, from the model's base.
    hindcast: OnceCell<crate::projection::hindcast::Hindcast>,
    /// The methods' split of the headline intervals between base and rates.
    decomposition: OnceCell<crate::projection::stochastic::Decomposition>,
    fans: Option<FanSet>,
}

impl Core {
    fn explorer(&self, lang: Lang) -> Result<&Explorer, js_sys::Error> {
        if let Some(x) = self.explorer.get() {
            return Ok(x);
        }
        let x = Explorer::new().map_err(|e| into_error(e, lang))?;
        Ok(self.explorer.get_or_init(|| x))
    }

    fn explorer_mut(&mut self, lang: Lang) -> Result<&mut Explorer, js_sys::Error> {
        self.explorer(lang)?;
        self.explorer.get_mut().ok_or_else(|| js_sys::Error::new("explorer not ready"))
    }

    fn checks(&self, lang: Lang) -> Result<&[Check], js_sys::Error> {
        if let Some(c) = self.audit.get() {
            return Ok(c);
        }
        let checks = audit::audit().map_err(|e| into_error(e, lang))?;
        Ok(self.audit.get_or_init(|| checks))
    }

    fn chart(&self, id: &str, width: f64, lang: &str, theme: &str, large: bool) -> Result<charts::Chart, js_sys::Error> {
        let lang = lang_of(lang)?;
        let spec = Spec { width, lang, theme: theme_of(theme, lang)?, large };
        charts::render(chart_of(id, lang)?, &spec).map_err(|e| into_error(e, lang))
    }
}

#[wasm_bindgen]
impl Core {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Core {
        Core { explorer: OnceCell::new(), audit: OnceCell::new(), hindcast: OnceCell::new(), decomposition: OnceCell::new(), fans: None }
    }

    // -- The plan -----------------------------------------------------------

    /// Draws chart `id` of the plan for a container `width` CSS pixels
    /// wide, in `lang`, `theme`, larger when `large`.
    #[wasm_bindgen(js_name = renderChart, unchecked_return_type = "Chart")]
    pub fn render_chart(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartId")] id: &str,
        width: f64,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
        #[wasm_bindgen(unchecked_param_type = "Theme")] theme: &str,
        large: bool,
    ) -> Result<JsValue, js_sys::Error> {
        to_js(&self.chart(id, width, lang, theme, large)?)
    }

    /// A chart's data table as CSV.
    #[wasm_bindgen(js_name = chartCsv)]
    pub fn chart_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ChartId")] id: &str,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    ) -> Result<String, js_sys::Error> {
        Ok(csv(&self.chart(id, 720.0, lang, "light", false)?.table))
    }

    /// The key figures of 2020 with their sources.
    #[wasm_bindgen(js_name = keyFigures, unchecked_return_type = "KeyFigure[]")]
    pub fn key_figures(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&present::figures::key_figures(lang).map_err(|e| into_error(e, lang))?)
    }

    /// Every check of the plan audit.
    #[wasm_bindgen(unchecked_return_type = "Check[]")]
    pub fn audit(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&self.checks(lang)?.iter().map(|c| present::audit::words(c, lang)).collect::<Vec<_>>())
    }

    /// The plan audit as a table.
    #[wasm_bindgen(js_name = auditTable, unchecked_return_type = "DataTable")]
    pub fn audit_table(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&present::audit::table(self.checks(lang)?, lang))
    }

    /// The plan audit as CSV.
    #[wasm_bindgen(js_name = auditCsv)]
    pub fn audit_csv(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<String, js_sys::Error> {
        let lang = lang_of(lang)?;
        Ok(csv(&present::audit::table(self.checks(lang)?, lang)))
    }

    /// What the audit notes beside the arithmetic (labels and units that do
    /// not fit).
    #[wasm_bindgen(unchecked_return_type = "Observation[]")]
    pub fn observations(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&audit::observations().into_iter().map(|o| present::audit::observation(o, lang)).collect::<Vec<_>>())
    }

    /// Any table the core gave as CSV; cells that would start a formula are
    /// kept as text.
    #[wasm_bindgen(js_name = tableCsv)]
    pub fn table_csv(&self, #[wasm_bindgen(unchecked_param_type = "DataTable")] table: JsValue) -> Result<String, js_sys::Error> {
        Ok(csv(&table_of(&table)?))
    }

    // -- The explorer ---------------------------------------------------------

    /// The explorer's controls, presets and regions, labelled in `lang`.
    #[wasm_bindgen(unchecked_return_type = "Controls")]
    pub fn controls(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        to_js(&types::controls(lang_of(lang)?))
    }

    /// Reads a query string: the state, the corrections to show (in both
    /// languages: the page may switch), and the values of every control.
    /// `upload`: the token of the reader's table in force (from `upload`),
    /// which the state's key carries. `attributes`: the query is a
    /// `<liangshan-chart>` element's attributes, not a URL.
    #[wasm_bindgen(unchecked_return_type = "ParsedState")]
    pub fn state(&self, query: &str, upload: Option<String>, attributes: Option<bool>) -> Result<JsValue, js_sys::Error> {
        let (state, notices) = state::parse(query);
        let source = if attributes == Some(true) { state::Source::Attributes } else { state::Source::Url };
        let x = self.explorer(state.lang)?;
        to_js(&types::parsed_state(x, state, &notices, source, upload.as_deref()))
    }

    /// The explorer's charts (`only` those ids, or all when empty, less
    /// those in `skip`: charts out of the reader's sight) and, with all,
    /// the targets tracker and the headline, for the state in `query`,
    /// `width` CSS pixels wide in `theme`. Uses the fans last given to
    /// `setFans` when they belong to this state.
    #[wasm_bindgen(unchecked_return_type = "Explored")]
    pub fn render(
        &self,
        query: &str,
        width: f64,
        #[wasm_bindgen(unchecked_param_type = "Theme")] theme: &str,
        #[wasm_bindgen(unchecked_param_type = "ChartId[]")] only: Vec<String>,
        #[wasm_bindgen(unchecked_param_type = "ChartId[]")] skip: Vec<String>,
    ) -> Result<JsValue, js_sys::Error> {
        to_js(&self.explore(query, width, theme, &only, &skip)?)
    }

    /// The probabilistic runs of the state in `query` (what `setFans` takes).
    #[wasm_bindgen(unchecked_return_type = "Fans")]
    pub fn simulate(&self, query: &str, trajectories: u32) -> Result<JsValue, js_sys::Error> {
        let (state, _) = state::parse(query);
        let x = self.explorer(state.lang)?;
        fans_to_js(&x.simulate(&state, trajectories as usize, crate::explorer::SEED).map_err(|e| into_error(e, state.lang))?)
    }

    /// Keeps fans from `simulate` (of this or another instance) for the
    /// renders of their state.
    #[wasm_bindgen(js_name = setFans)]
    pub fn set_fans(&mut self, #[wasm_bindgen(unchecked_param_type = "Fans")] fans: JsValue) -> Result<(), js_sys::Error> {
        self.fans = Some(fans_of(&fans)?);
        Ok(())
    }

    /// A reader's population table for `region`, the bytes of its file:
    /// accepted (replacing the estimate) or refused with every problem, in
    /// `lang`. A refused file changes nothing.
    #[wasm_bindgen(unchecked_return_type = "UploadResult")]
    pub fn upload(
        &mut self,
        bytes: &[u8],
        #[wasm_bindgen(unchecked_param_type = "RegionId")] region: &str,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    ) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let region = region_of(region, lang)?;
        let read = self.explorer_mut(lang)?.upload(bytes, region, &types::BrowserDecoder).map_err(|e| into_error(e, lang))?;
        to_js(&types::upload_result(read, region, lang))
    }

    /// Back to the estimated base population.
    #[wasm_bindgen(js_name = clearUpload)]
    pub fn clear_upload(&mut self) -> Result<(), js_sys::Error> {
        self.explorer_mut(Lang::En)?.clear_upload();
        Ok(())
    }

    /// The base population of `region` (the estimate or the reader's table)
    /// as a CSV in the form uploads take.
    #[wasm_bindgen(js_name = baseCsv)]
    pub fn base_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "RegionId")] region: &str,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
    ) -> Result<String, js_sys::Error> {
        let lang = lang_of(lang)?;
        let region = region_of(region, lang)?;
        let (f, m) = self.explorer(lang)?.base(region).map_err(|e| into_error(e, lang))?;
        Ok(crate::upload::template(&f, &m))
    }

    /// The figures the methods section quotes, and the estimate's fit.
    #[wasm_bindgen(unchecked_return_type = "Methods")]
    pub fn methods(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let x = self.explorer(lang)?;
        to_js(&types::Methods {
            figures: x.method_figures().map_err(|e| into_error(e, lang))?,
            fit: present::explorer::fit_table(&x.model().base.fit, lang),
        })
    }
}

#[wasm_bindgen]
impl Core {
    /// The hindcast of the methods section as a chart: the 2010 base
    /// projected to 2020 against the census, for a container `width` CSS
    /// pixels wide.
    #[wasm_bindgen(js_name = hindcastChart, unchecked_return_type = "Chart")]
    pub fn hindcast_chart(
        &self,
        width: f64,
        #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str,
        #[wasm_bindgen(unchecked_param_type = "Theme")] theme: &str,
        large: bool,
    ) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let spec = Spec { width, lang, theme: theme_of(theme, lang)?, large };
        let h = match self.hindcast.get() {
            Some(h) => h,
            None => {
                let h = crate::projection::hindcast::hindcast(&self.explorer(lang)?.model().base).map_err(|e| into_error(e, lang))?;
                self.hindcast.get_or_init(|| h)
            }
        };
        to_js(&charts::hindcast::render(h, &spec).map_err(|e| into_error(e, lang))?)
    }

    /// How much of each headline's 95% interval (the plan's path) comes
    /// from the estimated base and how much from the future rates: 1,000
    /// trajectories with the page's seed and 200 alternative bases, as
    /// `liangshan-pop simulate --decompose --seed 2024`. About a second of
    /// work the first time: the page asks its simulation worker.
    #[wasm_bindgen(unchecked_return_type = "DataTable")]
    pub fn decomposition(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let d = match self.decomposition.get() {
            Some(d) => d,
            None => {
                let model = self.explorer(lang)?.model();
                let run = || -> Result<crate::projection::stochastic::Decomposition, crate::Error> {
                    let bases = model.base_draws()?;
                    let sichuan = crate::data::external::census_fact("Sichuan", 2020, "share_15_59")?.value;
                    let a = model.preset(crate::projection::scenario::Preset::Plan);
                    let u = &crate::projection::stochastic::DEFAULT_UNCERTAINTY;
                    crate::projection::stochastic::decompose(&model.base, &a, u, bases, 1000, crate::explorer::SEED, sichuan)
                };
                let d = run().map_err(|e| into_error(e, lang))?;
                self.decomposition.get_or_init(|| d)
            }
        };
        to_js(&present::decomposition::table(d, lang))
    }

    /// The words around the decomposition's table (no computation).
    #[wasm_bindgen(js_name = decompositionWords, unchecked_return_type = "DecompositionWords")]
    pub fn decomposition_words(&self, #[wasm_bindgen(unchecked_param_type = "Lang")] lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&present::decomposition::words(crate::model::BASE_DRAWS, crate::projection::base::TILT_SD, lang))
    }
}

impl Default for Core {
    fn default() -> Self {
        Core::new()
    }
}

impl Core {
    fn explore(&self, query: &str, width: f64, theme: &str, only: &[String], skip: &[String]) -> Result<types::Explored, js_sys::Error> {
        let (state, _) = state::parse(query);
        let lang = state.lang;
        let spec = Spec { width, lang, theme: theme_of(theme, lang)?, large: state.large };
        let ids = |v: &[String]| -> Vec<ChartId> { v.iter().filter_map(|s| ChartId::from_slug(s)).collect() };
        let x = self.explorer(lang)?;
        types::explore(x, &state, self.fans.as_ref(), &spec, &ids(only), &ids(skip)).map_err(|e| into_error(e, lang))
    }
}
