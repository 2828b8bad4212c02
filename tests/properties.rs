//! Properties of the projection engine, on random inputs (proptest): the
//! accounts always balance, nobody is negative, counties add up to the
//! prefecture, more fertility never means fewer births, and a projection of
//! zero steps returns its input.
#![cfg(not(target_arch = "wasm32"))]

use liangshan_pop::projection::base::estimate;
use liangshan_pop::projection::ccmpp::project;
use liangshan_pop::projection::counties::{estimate_counties, run_counties_exact};
use liangshan_pop::projection::scenario::{run, Assumptions};
use liangshan_pop::projection::spec::{Migrants, PerStep, Sex, Spec};
use proptest::prelude::*;

/// A valid random engine input: 3-20 groups, one or two sexes, person-years
/// that fall with age, fertility in the middle groups, migration of either
/// sign and any size (emigrants beyond the people there are capped).
fn spec() -> impl Strategy<Value = Spec> {
    (3usize..20, 1u32..=5, 0u32..12, any::<bool>())
        .prop_flat_map(|(groups, step, steps, two_sexes)| {
            let pop = prop::collection::vec(0.0..1e6f64, groups);
            let survival = prop::collection::vec(0.5..1.0f64, groups);
            let asfr = prop::collection::vec(0.0..0.3f64, groups);
            let mig = prop::collection::vec(-3e5..3e5f64, groups);
            (Just((groups, step, steps, two_sexes)), pop.clone(), pop, survival.clone(), survival, asfr, mig.clone(), mig, 0.9..1.3f64)
        })
        .prop_map(|((groups, step, steps, two_sexes), pf, pm, sf, sm, asfr, mf, mm, srb)| {
            let step_f = f64::from(step);
            let lx = |s: &[f64]| {
                // Person-years: the radix times the step, falling by each group's survival.
                let mut l = Vec::with_capacity(s.len());
                let mut v = step_f * s[0];
                for x in s {
                    v *= x;
                    l.push(v);
                }
                l
            };
            let fert: Vec<f64> = asfr.iter().enumerate().map(|(i, f)| if i > 0 && i + 1 < groups { *f } else { 0.0 }).collect();
            Spec {
                base_year: 2020,
                step,
                steps,
                radix: 1.0,
                female: Sex { population: pf, nlx: PerStep::Constant(lx(&sf)), net_migrants: None },
                male: two_sexes.then(|| Sex { population: pm, nlx: PerStep::Constant(lx(&sm)), net_migrants: None }),
                asfr: PerStep::Constant(fert),
                srb: PerStep::Constant(srb),
                net_migrants: Some(Migrants { female: Some(PerStep::Constant(mf)), male: two_sexes.then_some(PerStep::Constant(mm)) }),
            }
        })
}

fn total(v: &[f64]) -> f64 {
    v.iter().sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn change_is_births_minus_deaths_plus_migrants_and_nobody_is_negative(s in spec()) {
        prop_assume!(s.validate().is_ok());
        let p = project(&s).unwrap();
        let male = p.male.clone().unwrap_or_else(|| vec![vec![0.0]; p.female.len()]);
        for k in 0..p.births.len() {
            let before = total(&p.female[k]) + total(&male[k]);
            let after = total(&p.female[k + 1]) + total(&male[k + 1]);
            let b = if s.male.is_some() { p.births[k].total } else { p.births[k].female };
            let flow = b - p.deaths[k].female - p.deaths[k].male.unwrap_or(0.0) + p.net_migrants[k].female + p.net_migrants[k].male.unwrap_or(0.0);
            prop_assert!((after - before - flow).abs() <= 1e-6 * before.max(1.0), "step {k}: {after} - {before} vs {flow}");
        }
        for v in p.female.iter().chain(p.male.iter().flatten()).flatten() {
            prop_assert!(v.is_finite() && *v >= 0.0, "{v}");
        }
    }

    #[test]
    fn a_projection_of_zero_steps_returns_its_input(s in spec()) {
        let s = Spec { steps: 0, ..s };
        prop_assume!(s.validate().is_ok());
        let p = project(&s).unwrap();
        prop_assert_eq!(&p.female, &vec![s.female.population.clone()]);
        prop_assert_eq!(p.male, s.male.map(|m| vec![m.population]));
        prop_assert!(p.births.is_empty());
    }

    #[test]
    fn more_fertility_never_means_fewer_births(s in spec(), more in 1.0..3.0f64) {
        prop_assume!(s.validate().is_ok() && s.steps > 0);
        let PerStep::Constant(f) = &s.asfr else { unreachable!() };
        let higher = Spec { asfr: PerStep::Constant(f.iter().map(|x| x * more).collect()), ..s.clone() };
        let (a, b) = (project(&s).unwrap(), project(&higher).unwrap());
        for (x, y) in a.births.iter().zip(&b.births) {
            prop_assert!(y.total >= x.total * (1.0 - 1e-12), "{} < {}", y.total, x.total);
        }
    }
}

proptest! {
    // The county runs are heavier: fewer cases, short horizons.
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn counties_add_up_to_the_prefecture_under_any_scenario(
        tfr in 0.0..10.0f64, tfr50 in 0.0..10.0f64, e0 in 40.0..90.0f64, migration in -200_000.0..200_000.0f64, srb in 0.9..1.3f64, years in 1u16..8,
    ) {
        let base = estimate().unwrap();
        let counties = estimate_counties(&base).unwrap();
        let a = Assumptions { tfr_2030: tfr, tfr_2050: tfr50, e0_2025: e0, e0_2030: e0, e0_gain_per_year: 0.1, net_migration: migration, srb, horizon: 2020 + years };
        let (runs, sum) = run_counties_exact(&base, &counties, &a).unwrap();
        for (k, y) in sum.years.iter().enumerate() {
            let parts: f64 = runs.iter().map(|r| r.years[k].population).sum();
            prop_assert!((y.population - parts).abs() <= 1e-6 * parts, "{}: {} vs {parts}", y.year, y.population);
        }
        prop_assert!(runs.iter().flat_map(|r| r.female.iter().chain(&r.male)).flatten().all(|v| v.is_finite() && *v >= 0.0));
        // The prefecture's own run under the same scenario keeps its accounts too.
        let r = run(&base, &a).unwrap();
        for w in r.years.windows(2) {
            let flow = w[0].births.unwrap() - w[0].deaths.unwrap() + w[0].net_migrants.unwrap();
            prop_assert!((w[1].population - w[0].population - flow).abs() <= 1e-6 * w[0].population);
        }
    }
}
