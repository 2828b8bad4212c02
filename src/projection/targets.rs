//! The plan's quantitative targets and its own forecasts, held against a
//! projection: the projected value, whether it meets the target, and the
//! year the projection crosses it.

use serde::Serialize;

use super::scenario::{Run, Year};
use super::stochastic::Probabilistic;
use super::urbanisation::Urbanisation;
use crate::data::external::census_fact;
use crate::data::facts::FORECASTS;
use crate::data::targets::{target, Goal};
use crate::error::Error;
use crate::i18n::{fixed, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The projection meets it (with a probabilistic run: the whole 80%
    /// interval does).
    OnTrack,
    /// Part of the 80% interval meets it and part does not.
    AtRisk,
    /// The projection does not (the whole 80% interval misses it).
    OffTrack,
    /// The scenario assumes it (life expectancy, fertility): not an outcome.
    Assumed,
    /// Not something a population projection can tell (schooling,
    /// insurance, childcare places, city districts).
    Outside,
}

impl Status {
    /// The verdict in words, with a symbol so that colour never carries it alone.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Status::OnTrack, Lang::Zh) => "✓ 可实现",
            (Status::OnTrack, Lang::En) => "✓ on track",
            (Status::AtRisk, Lang::Zh) => "! 有风险",
            (Status::AtRisk, Lang::En) => "! at risk",
            (Status::OffTrack, Lang::Zh) => "✗ 难以实现",
            (Status::OffTrack, Lang::En) => "✗ off track",
            (Status::Assumed, Lang::Zh) => "＝ 情景假设",
            (Status::Assumed, Lang::En) => "= assumed",
            (Status::Outside, Lang::Zh) => "— 不在预测范围",
            (Status::Outside, Lang::En) => "— not projected",
        }
    }
}

/// How a projected value is held against a target: the fan indicator and
/// year, and the side of the threshold that meets it.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "test", content = "threshold")]
pub enum Test {
    AtLeast(f64),
    Above(f64),
    AtMost(f64),
}

impl Test {
    pub fn meets(self, v: f64) -> bool {
        match self {
            Test::AtLeast(t) => v >= t,
            Test::Above(t) => v > t,
            Test::AtMost(t) => v <= t,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Check {
    pub indicator: &'static str,
    pub year: u16,
    pub test: Test,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tracked {
    pub id: &'static str,
    pub claim: String,
    pub year: u16,
    /// The target as the plan words it.
    pub target: String,
    pub value_2020: Option<f64>,
    /// NaN where the projection says nothing (status Outside).
    pub projected: f64,
    /// The 80% interval of the projected value, from a probabilistic run.
    pub interval_80: Option<(f64, f64)>,
    pub status: Status,
    /// How the verdict is reached, where a probabilistic run can refine it.
    #[serde(skip)]
    pub check: Option<Check>,
    /// First year the projection reaches the target's threshold, if it does
    /// by the horizon.
    pub crossed_in: Option<u16>,
    pub note: String,
}

use crate::error::missing_data as missing;

fn reach(id: &str) -> Result<f64, Error> {
    match target(id).map(|t| t.goal) {
        Some(Goal::Reach(n)) | Some(Goal::AtLeast(n)) | Some(Goal::Above(n)) | Some(Goal::About(n)) => Ok(n.value),
        _ => Err(missing(id)),
    }
}

fn first_year(years: &[Year], f: impl Fn(&Year) -> bool) -> Option<u16> {
    years.iter().find(|y| f(y)).map(|y| y.year)
}

fn verdict(test: Test, v: f64) -> Status {
    if test.meets(v) {
        Status::OnTrack
    } else {
        Status::OffTrack
    }
}

/// Every quantitative target and forecast of the plan against `run` (the
/// prefecture's) and `urban`; those a population projection cannot tell
/// are listed too, as such.
pub fn track(run: &Run, urban: &Urbanisation, lang: Lang) -> Result<Vec<Tracked>, Error> {
    let zh = lang == Lang::Zh;
    let year = |y: u16| run.years.iter().find(|r| r.year == y).ok_or_else(|| missing("a year within the horizon"));
    let t = |a: &str, b: String| if zh { a.to_string() } else { b };
    let mut out = Vec::new();

    let pop_target = reach("resident_pop_2030")? * 1e4;
    let pop_2030 = year(2030)?.population;
    let test = Test::AtLeast(pop_target);
    out.push(Tracked {
        id: "resident_pop_2030",
        claim: t("常住人口2030年达到500万人", "Resident population of 5 million by 2030".into()),
        year: 2030,
        target: if zh { format!("{}万", fixed(pop_target / 1e4, 0, lang)) } else { fixed(pop_target, 0, lang) },
        value_2020: Some(run.years[0].population),
        projected: pop_2030,
        interval_80: None,
        status: verdict(test, pop_2030),
        check: Some(Check { indicator: "population", year: 2030, test }),
        crossed_in: first_year(&run.years, |y| y.population >= pop_target),
        note: String::new(),
    });

    let both = |r: &Year| (r.e0_female + run.assumptions.srb * r.e0_male) / (1.0 + run.assumptions.srb);
    for (id, y) in [("life_expectancy_2025", 2025), ("life_expectancy_2030", 2030)] {
        let goal = reach(id)?;
        out.push(Tracked {
            id,
            claim: t(&format!("人均预期寿命{y}年达到{goal}岁"), format!("Life expectancy {goal} by {y}")),
            year: y,
            target: fixed(goal, 1, lang),
            value_2020: Some(75.04),
            projected: both(year(y)?),
            interval_80: None,
            status: Status::Assumed,
            check: None,
            crossed_in: first_year(&run.years, |r| both(r) >= goal),
            note: t("情景假设，不是预测结果", "the scenario's assumption, not an outcome".into()),
        });
    }

    let tfr_goal = reach("tfr_2030")?;
    out.push(Tracked {
        id: "tfr_2030",
        claim: t("总和生育率2030年稳定在1.6左右（专栏1：>1.6）", "Total fertility rate about 1.6 by 2030 (Box 1: above 1.6)".into()),
        year: 2030,
        target: format!(">{}", tfr_goal),
        value_2020: None,
        projected: year(2030)?.tfr,
        interval_80: None,
        status: Status::Assumed,
        check: None,
        crossed_in: None,
        note: t(
            "情景假设；2020年值为本项目由出生数推算",
            "the scenario's assumption; the 2020 value is this project's estimate from births".into(),
        ),
    });

    out.push(Tracked {
        id: "srb",
        claim: t("出生人口性别比保持稳定", "Sex ratio at birth kept stable".into()),
        year: 2030,
        target: t("保持稳定", "stable".into()),
        value_2020: None,
        projected: run.assumptions.srb * 100.0,
        interval_80: None,
        status: Status::Assumed,
        check: None,
        crossed_in: None,
        note: t(
            "情景假设（每100名女婴对应的男婴数）；专栏1的104.65是总人口性别比",
            "the scenario's assumption (boys per 100 girls); Box 1's 104.65 is the whole population's sex ratio".into(),
        ),
    });

    let sichuan_60 = census_fact("Sichuan", 2020, "share_60plus")?.value;
    let s60 = year(2030)?.share_60_plus;
    let test = Test::AtMost(sichuan_60);
    out.push(Tracked {
        id: "share_60plus_2030",
        claim: t("2030年60岁及以上人口占比不超过全省平均水平", "Share aged 60+ in 2030 not above Sichuan's average".into()),
        year: 2030,
        target: format!("≤ {sichuan_60}%"),
        value_2020: Some(12.44),
        projected: s60,
        interval_80: None,
        status: verdict(test, s60),
        check: Some(Check { indicator: "share_60_plus", year: 2030, test }),
        crossed_in: None,
        note: t(
            "以四川省2020年水平（21.71%）比较：全省2030年水平未公布，且只会更高",
            "compared with Sichuan's 2020 level (21.71%): its 2030 level is not published and can only be higher".into(),
        ),
    });

    let trend_note = || {
        t("2010—2020年趋势的逻辑斯蒂外推，不随情景变化", "logistic continuation of the 2010-2020 trend; the same in every scenario".into())
    };
    for (id, y) in [("urbanisation_2025", 2025u16), ("urbanisation_2030", 2030)] {
        let goal = reach(id)?;
        let v = urban.at(y).ok_or_else(|| missing(id))?;
        out.push(Tracked {
            id,
            claim: t(&format!("常住人口城镇化率{y}年达到{goal}%"), format!("Urbanisation {goal}% by {y}")),
            year: y,
            target: format!("{goal}%"),
            value_2020: Some(urban.rate_2020),
            projected: v,
            interval_80: None,
            status: verdict(Test::AtLeast(goal), v),
            check: None,
            crossed_in: urban.path.iter().find(|(_, p)| *p >= goal).map(|(yy, _)| *yy),
            note: trend_note(),
        });
    }
    let rise = (urban.at(2030).ok_or_else(|| missing("urbanisation 2030"))? - urban.rate_2020) / 10.0;
    out.push(Tracked {
        id: "urbanisation_annual_rise",
        claim: t("常住人口城镇化率年均增加1个百分点以上", "Urbanisation rising by more than 1 point a year".into()),
        year: 2030,
        target: t("≥ 1个百分点/年", "≥ 1 point a year".into()),
        value_2020: None,
        projected: rise,
        interval_80: None,
        status: verdict(Test::AtLeast(1.0), rise),
        check: None,
        crossed_in: None,
        note: t(
            "2020—2030年平均；专栏1的46%和50%本身只意味着2025—2030年每年0.8个百分点",
            "2020-2030 average; Box 1's own 46% and 50% imply only 0.8 points a year in 2025-2030".into(),
        ),
    });

    // The plan's forecasts in its text.
    let old = FORECASTS.iter().find(|f| f.id == "share_60plus_exceeds_20").ok_or_else(|| missing("forecast"))?;
    let test = Test::Above(20.0);
    out.push(Tracked {
        id: old.id,
        claim: old.claim.get(lang).to_string(),
        year: old.year,
        target: "> 20%".into(),
        value_2020: Some(12.44),
        projected: year(old.year)?.share_60_plus,
        interval_80: None,
        status: verdict(test, year(old.year)?.share_60_plus),
        check: Some(Check { indicator: "share_60_plus", year: old.year, test }),
        crossed_in: first_year(&run.years, |y| y.share_60_plus > 20.0),
        note: t("规划正文的预计", "the plan's forecast in its text".into()),
    });
    let work = FORECASTS.iter().find(|f| f.id == "working_age_share_exceeds_sichuan").ok_or_else(|| missing("forecast"))?;
    let sichuan_15_59 = census_fact("Sichuan", 2020, "share_15_59")?.value;
    let crossed = first_year(&run.years, |y| y.share_15_59 > sichuan_15_59);
    out.push(Tracked {
        id: work.id,
        claim: work.claim.get(lang).to_string(),
        year: work.year,
        target: format!("> {sichuan_15_59}%"),
        value_2020: Some(census_fact("Liangshan", 2020, "share_15_59")?.value),
        projected: year(work.year)?.share_15_59,
        interval_80: None,
        status: if crossed.is_some_and(|c| c.abs_diff(work.year) <= 2) { Status::OnTrack } else { Status::OffTrack },
        check: None,
        crossed_in: crossed,
        note: t(
            "规划正文的预计；以四川省2020年水平（62.19%）比较；“前后”按±2年计",
            "the plan's forecast in its text; compared with Sichuan's 2020 level (62.19%); “around” read as within two years".into(),
        ),
    });

    // What a population projection cannot tell.
    let under3 = reach("childcare_places_under3")?;
    for id in [
        "schooling_2030",
        "pension_insurance",
        "medical_insurance",
        "xichang_urban_district_pop",
        "huili_urban_district_pop",
        "childcare_places_new_areas",
        "childcare_places_old_areas",
        "childcare_places_under3",
        "disability_rehab_coverage",
    ] {
        let target = crate::data::targets::target(id).ok_or_else(|| missing(id))?;
        let note = if id == "childcare_places_under3" {
            t(
                &format!("按此情景，2030年需约{}个托位（每千人{under3}个）", fixed(pop_2030 * under3 / 1000.0, 0, lang)),
                format!("under this scenario about {} places in 2030 ({under3} per 1,000)", fixed(pop_2030 * under3 / 1000.0, 0, lang)),
            )
        } else {
            t("人口预测不涉及此项", "a population projection does not tell this".into())
        };
        out.push(Tracked {
            id: target.id,
            claim: target.name.get(lang).to_string(),
            year: target.years.last().copied().unwrap_or(2030),
            target: goal_text(&target.goal, lang),
            value_2020: target.baseline_2020.map(|n| n.value),
            projected: f64::NAN,
            interval_80: None,
            status: Status::Outside,
            check: None,
            crossed_in: None,
            note,
        });
    }
    Ok(out)
}

/// A goal in words.
fn goal_text(goal: &Goal, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match goal {
        Goal::Reach(n) => n.text.to_string(),
        Goal::AtLeast(n) => format!("≥ {}", n.text),
        Goal::Above(n) => format!("> {}", n.text),
        Goal::About(n) => format!("≈ {}", n.text),
        Goal::AnnualRiseAtLeast(n) => format!("≥ {}/{}", n.text, if zh { "年" } else { "yr" }),
        Goal::KeepStable => (if zh { "保持稳定" } else { "stable" }).into(),
        Goal::ReachSichuanAverage => (if zh { "达到全省平均水平" } else { "Sichuan's average" }).into(),
        Goal::NotAboveSichuanAverage => (if zh { "不超过全省平均水平" } else { "not above Sichuan's average" }).into(),
        Goal::UniversalCoverage => (if zh { "应保尽保" } else { "everyone eligible" }).into(),
        Goal::EveryCounty => (if zh { "县级全覆盖" } else { "every county" }).into(),
    }
}

/// Refines the verdicts with a probabilistic run of the same scenario: the
/// 80% interval of each checked value, on track when all of it meets the
/// target, off track when none does, at risk otherwise.
pub fn apply_fans(tracked: &mut [Tracked], p: &Probabilistic) {
    for t in tracked.iter_mut() {
        let Some(check) = t.check else { continue };
        let Some(fan) = p.fans.iter().find(|f| f.indicator == check.indicator) else { continue };
        let Some(k) = fan.years.iter().position(|y| *y == check.year) else { continue };
        let (lo, hi) = (fan.lo80[k], fan.hi80[k]);
        t.interval_80 = Some((lo, hi));
        t.status = match (check.test.meets(lo), check.test.meets(hi)) {
            (true, true) => Status::OnTrack,
            (false, false) => Status::OffTrack,
            _ => Status::AtRisk,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::base::estimate;
    use crate::projection::scenario::{estimate_migration, preset, run, Preset};
    use crate::projection::urbanisation::project;

    #[test]
    fn tracks_every_target_and_forecast_under_the_plans_path() {
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let r = run(&base, &preset(Preset::Plan, &base, &mig)).unwrap();
        let all = track(&r, &project(2050).unwrap(), Lang::En).unwrap();
        assert_eq!(all.len(), 20);
        // Every target of the plan has a row.
        for target in crate::data::targets::TARGETS {
            assert!(all.iter().any(|t| t.id == target.id || t.id == "tfr_2030" && target.id == "tfr_2030_text"), "{}", target.id);
        }
        let by = |id: &str| all.iter().find(|t| t.id == id).unwrap().clone();
        assert_eq!(by("urbanisation_2030").status, Status::OffTrack);
        assert_eq!(by("life_expectancy_2030").status, Status::Assumed);
        let old = by("share_60plus_exceeds_20");
        // The projected 2030 share is far below the plan's forecast of 20%.
        assert!(old.projected < 20.0 && old.status == Status::OffTrack);
        assert!(old.crossed_in.is_some_and(|y| y > 2035));
        for t in &all {
            assert_eq!(t.projected.is_finite(), t.status != Status::Outside, "{}", t.id);
        }
    }

    #[test]
    fn a_probabilistic_run_turns_a_close_call_into_at_risk() {
        use crate::projection::stochastic::{simulate, DEFAULT_UNCERTAINTY};
        let base = estimate().unwrap();
        let mig = estimate_migration(&base).unwrap();
        let a = preset(Preset::Plan, &base, &mig);
        let r = run(&base, &a).unwrap();
        let mut all = track(&r, &project(2050).unwrap(), Lang::Zh).unwrap();
        let pop = all.iter().find(|t| t.id == "resident_pop_2030").unwrap().clone();
        // 5.04 million against 5 million: met, narrowly.
        assert_eq!(pop.status, Status::OnTrack);
        apply_fans(&mut all, &simulate(&base, &a, &DEFAULT_UNCERTAINTY, 200, 1).unwrap());
        let by = |id: &str| all.iter().find(|t| t.id == id).unwrap().clone();
        let pop = by("resident_pop_2030");
        let (lo, hi) = pop.interval_80.unwrap();
        assert!(lo < 5e6 && hi > 5e6, "{lo} {hi}");
        assert_eq!(pop.status, Status::AtRisk);
        // Far from 20%: off track whatever the spread.
        assert_eq!(by("share_60plus_exceeds_20").status, Status::OffTrack);
        // Assumptions and what a projection cannot tell keep their status.
        assert_eq!(by("tfr_2030").status, Status::Assumed);
        assert_eq!(by("schooling_2030").status, Status::Outside);
        assert!(by("childcare_places_under3").note.contains("托位"));
    }
}
