//! What only the benchmark and the browser tests call (the `bench`
//! feature): the engine on raw specs, a preset's assumptions, runs and
//! probabilistic runs of a preset, the list of the plan's charts. Not in
//! the page's module.

use wasm_bindgen::prelude::*;

use super::{into_error, lang_of, region_of, to_js, Core};
use crate::charts::ChartId;
use crate::data::counties::Region;
use crate::i18n::Lang;
use crate::model::Model;
use crate::projection::scenario::{run, Assumptions, Preset};

fn preset_of(name: &str, lang: Lang) -> Result<Preset, js_sys::Error> {
    Preset::from_slug(name).ok_or_else(|| into_error(super::invalid("scenario", name, "plan, constant, low, high, zero-migration"), lang))
}

#[wasm_bindgen]
impl Core {
    /// The ids of the plan's charts (the browser tests draw each).
    #[wasm_bindgen(js_name = chartIds, unchecked_return_type = "ChartId[]")]
    pub fn chart_ids(&self) -> Vec<String> {
        ChartId::PLAN.iter().map(|c| c.slug().to_string()).collect()
    }
}

/// The model the benchmark's calls share, built once.
#[wasm_bindgen]
pub struct Bench {
    model: Model,
}

#[wasm_bindgen]
impl Bench {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Bench, js_sys::Error> {
        Ok(Bench { model: Model::new().map_err(|e| into_error(e, Lang::En))? })
    }

    /// The estimated 2020 base population with the fit of every published aggregate.
    #[wasm_bindgen(js_name = baseEstimate)]
    pub fn base_estimate(&self) -> Result<JsValue, js_sys::Error> {
        to_js(&self.model.base)
    }

    /// A preset's assumptions.
    #[wasm_bindgen(js_name = scenarioAssumptions)]
    pub fn scenario_assumptions(&self, preset: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        to_js(&self.model.preset(preset_of(preset, lang)?))
    }

    /// Projects `region` under `assumptions`: yearly indicators to the horizon.
    #[wasm_bindgen(js_name = projectScenario)]
    pub fn project_scenario(&self, assumptions: JsValue, region: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let a: Assumptions = super::from_js(assumptions, "assumptions")?;
        match region_of(region, lang)? {
            Region::Prefecture => to_js(&run(&self.model.base, &a).map_err(|e| into_error(e, lang))?.years),
            Region::County(c) => {
                let counties = self.model.counties().map_err(|e| into_error(e, lang))?;
                let (runs, _) =
                    crate::projection::counties::run_counties_exact(&self.model.base, counties, &a).map_err(|e| into_error(e, lang))?;
                to_js(&runs[c.index()].years)
            }
        }
    }

    /// The plan's targets and forecasts against a preset.
    #[wasm_bindgen(js_name = trackTargets)]
    pub fn track_targets(&self, preset: &str, lang: &str) -> Result<JsValue, js_sys::Error> {
        let lang = lang_of(lang)?;
        let r = run(&self.model.base, &self.model.preset(preset_of(preset, lang)?)).map_err(|e| into_error(e, lang))?;
        to_js(&crate::projection::targets::track(&r, &self.model.urbanisation).map_err(|e| into_error(e, lang))?)
    }

    /// `trajectories` probabilistic runs of a preset from `seed`.
    pub fn simulate(&self, preset: &str, trajectories: u32, seed: f64, lang: &str) -> Result<JsValue, js_sys::Error> {
        use crate::projection::stochastic::{simulate_region, Draws, DEFAULT_UNCERTAINTY};
        let lang = lang_of(lang)?;
        let p = preset_of(preset, lang)?;
        const MAX_SEED: f64 = 9_007_199_254_740_991.0;
        if !seed.is_finite() || !(0.0..=MAX_SEED).contains(&seed) {
            return Err(into_error(
                crate::error::ErrorKind::OutOfRange { name: "seed", value: seed, min: 0.0, max: MAX_SEED }.into(),
                lang,
            ));
        }
        // The model's life-table grid and alternative bases, as the
        // explorer's runs use them.
        let whole = crate::projection::counties::RegionInputs::whole(&self.model.base);
        let bases = self.model.base_draws().map_err(|e| into_error(e, lang))?;
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, trajectories as usize, seed as u64).with_bases(bases);
        let kept = crate::projection::stochastic::EXPLORER;
        let r = simulate_region(&mut self.model.grid.borrow_mut(), &self.model.base, &whole, &self.model.preset(p), d, kept)
            .map_err(|e| into_error(e, lang))?;
        to_js(&r)
    }

    /// `trajectories` runs of every county of the plan's preset at once
    /// (with their sum); returns how many counties.
    #[wasm_bindgen(js_name = simulateCounties)]
    pub fn simulate_counties(&self, trajectories: u32) -> Result<u32, js_sys::Error> {
        use crate::projection::counties::RegionInputs;
        use crate::projection::stochastic::{simulate_counties, Draws, DEFAULT_UNCERTAINTY};
        let err = |e| into_error(e, Lang::En);
        let inputs = self
            .model
            .counties()
            .map_err(err)?
            .iter()
            .map(|c| RegionInputs::county(&self.model.base, c))
            .collect::<Result<Vec<_>, _>>()
            .map_err(err)?;
        let a = self.model.preset(crate::projection::scenario::Preset::Plan);
        let d = Draws::rates(&DEFAULT_UNCERTAINTY, trajectories as usize, 1).with_bases(self.model.base_draws().map_err(err)?);
        let kept = crate::projection::stochastic::COUNTY_INDICATORS;
        let r = simulate_counties(&mut self.model.grid.borrow_mut(), &self.model.base, &inputs, &a, d, kept).map_err(err)?;
        Ok(r.counties.len() as u32)
    }
}

/// The benchmark's specs, read and validated once, so that timing `run`
/// measures the engine alone.
#[wasm_bindgen]
pub struct BenchSpecs {
    specs: Vec<crate::projection::Prepared>,
}

#[wasm_bindgen]
impl BenchSpecs {
    #[wasm_bindgen(constructor)]
    pub fn new(specs: JsValue) -> Result<BenchSpecs, js_sys::Error> {
        // Validated here, once, as a run's spec is when it is prepared.
        let specs: Vec<crate::projection::Spec> = super::from_js(specs, "specs")?;
        let specs =
            specs.into_iter().map(crate::projection::Prepared::new).collect::<Result<_, _>>().map_err(|e| into_error(e, Lang::En))?;
        Ok(BenchSpecs { specs })
    }

    /// Projects every spec; returns the sum of the final populations.
    pub fn run(&self) -> Result<f64, js_sys::Error> {
        let mut checksum = 0.0;
        for p in &self.specs {
            let p = p.project().map_err(|e| into_error(e, Lang::En))?;
            checksum += p.female.last().map_or(0.0, |v| v.iter().sum::<f64>())
                + p.male.as_ref().and_then(|m| m.last()).map_or(0.0, |v| v.iter().sum::<f64>());
        }
        Ok(checksum)
    }
}
