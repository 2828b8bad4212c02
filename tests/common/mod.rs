//! What more than one test crate computes.

/// The page's fans for the plan's path (200 trajectories from seed 7,
/// starting from the page's alternative bases) as JSON, every number to the
/// last bit: what tests/projection.rs holds as a
/// snapshot natively and tests/web.rs checks in wasm.
pub fn plan_fans_json() -> String {
    use liangshan_pop::model::{BASE_DRAWS, BASE_SEED};
    use liangshan_pop::projection::{base, scenario, stochastic};
    let b = base::estimate().unwrap();
    let a = scenario::preset(scenario::Preset::Plan, &b, &scenario::estimate_migration(&b).unwrap());
    let bases = base::BaseDraws::new(&b, BASE_DRAWS, BASE_SEED, base::TILT_SD).unwrap();
    let d = stochastic::Draws::rates(&stochastic::DEFAULT_UNCERTAINTY, 200, 7).with_bases(&bases);
    let fans = stochastic::simulate(&b, &a, d).unwrap();
    serde_json::to_string(&fans).unwrap() + "\n"
}
