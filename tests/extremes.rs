//! Huge and extreme inputs get a clear message or a correct answer, never a
//! panic: a million-line CSV, fertility of 0 and 10, life expectancy at the
//! model tables' ends, horizons to 2100.

use liangshan_pop::i18n::{Lang, Text};
use liangshan_pop::present::upload::problem;
use liangshan_pop::projection::base::estimate;
use liangshan_pop::projection::scenario::{estimate_migration, preset, run, Preset};
use liangshan_pop::upload::{table, ProblemKind};

#[test]
fn a_million_line_csv_is_refused_with_its_line_count() {
    let mut text = String::from("age,female,male\n");
    for i in 0..1_000_000 {
        text.push_str(&format!("{},1,1\n", i % 100));
    }
    let problems = table::read(&text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, ProblemKind::TooManyLines { lines: 1_000_001, max: 1000 });
    let region = Text::new("凉山州", "Liangshan");
    assert_eq!(problem(&problems[0], region, Lang::Zh), "文件有1000001行，最多1000行。");
    // As bytes, the file is refused by its size before it is read at all.
    let problems = liangshan_pop::upload::read(
        text.as_bytes(),
        &liangshan_pop::upload::decode::NativeDecoder,
        &liangshan_pop::upload::Expectation { published_total: 1e6, female: &[], male: &[] },
    )
    .unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::TooLarge { .. }), "{problems:?}");
}

#[test]
fn fertility_of_zero_and_ten_life_expectancy_at_the_ends_and_2100_all_project() {
    let base = estimate().unwrap();
    let plan = preset(Preset::Plan, &base, &estimate_migration(&base).unwrap());
    for (tfr, e0, horizon) in [(0.0, 20.0, 2100), (10.0, 92.0, 2100), (0.0, 92.0, 2030), (10.0, 20.0, 2030)] {
        let a = liangshan_pop::projection::scenario::Assumptions {
            tfr_2030: tfr,
            tfr_2050: tfr,
            e0_2025: e0,
            e0_2030: e0,
            e0_gain_per_year: 0.0,
            horizon,
            ..plan
        };
        let r = run(&base, &a).unwrap_or_else(|e| panic!("tfr {tfr} e0 {e0} to {horizon}: {e}"));
        assert_eq!(r.years.last().unwrap().year, horizon);
        assert!(r.female.iter().chain(&r.male).flatten().all(|v| v.is_finite() && *v >= 0.0), "tfr {tfr} e0 {e0}");
        // The TFR moves from 2020's level to the scenario's by 2030.
        if horizon > 2040 {
            let births_2040 = r.years[20].births.unwrap();
            if tfr == 0.0 {
                assert_eq!(births_2040, 0.0, "no births without fertility");
            } else {
                assert!(births_2040 > 200_000.0, "a TFR of 10 gives many births: {births_2040}");
            }
        }
    }
    // Beyond the bounds: a clear error naming the assumption.
    for (tfr, e0, gain, horizon, name) in [
        (10.5, 75.0, 0.15, 2050, "tfr_2030"),
        (1.6, 93.0, 0.15, 2050, "e0_2025"),
        (1.6, 75.0, 0.15, 2101, "horizon"),
        (1.6, 78.0, 0.3, 2100, "e0 at the horizon"),
    ] {
        let a = liangshan_pop::projection::scenario::Assumptions { tfr_2030: tfr, e0_2025: e0, e0_gain_per_year: gain, horizon, ..plan };
        let e = run(&base, &a).unwrap_err().to_string();
        assert!(e.contains(name), "{e}");
    }
}
