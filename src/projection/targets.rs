//! The plan's quantitative targets and its own forecasts, held against a
//! projection: the projected value, whether it meets the target, and the
//! year the projection crosses it.

use serde::Serialize;

use super::scenario::{Run, Year};
use super::urbanisation::Urbanisation;
use crate::data::external::census_fact;
use crate::data::facts::FORECASTS;
use crate::data::targets::{target, Goal};
use crate::error::Error;
use crate::i18n::{fixed, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The projection meets it.
    OnTrack,
    /// The projection does not.
    OffTrack,
    /// The scenario assumes it (life expectancy, fertility): not an outcome.
    Assumed,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tracked {
    pub id: &'static str,
    pub claim: String,
    pub year: u16,
    /// The target as the plan words it.
    pub target: String,
    pub value_2020: Option<f64>,
    pub projected: f64,
    pub status: Status,
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

/// Every quantitative target and forecast against `run` and `urban`.
pub fn track(run: &Run, urban: &Urbanisation, lang: Lang) -> Result<Vec<Tracked>, Error> {
    let zh = lang == Lang::Zh;
    let year = |y: u16| run.years.iter().find(|r| r.year == y).ok_or_else(|| missing("a year within the horizon"));
    let t = |a: &str, b: String| if zh { a.to_string() } else { b };
    let mut out = Vec::new();

    let pop_target = reach("resident_pop_2030")? * 1e4;
    let pop_2030 = year(2030)?.population;
    out.push(Tracked {
        id: "resident_pop_2030",
        claim: t("常住人口2030年达到500万人", "Resident population of 5 million by 2030".into()),
        year: 2030,
        target: fixed(pop_target, 0, lang),
        value_2020: Some(run.years[0].population),
        projected: pop_2030,
        status: if pop_2030 >= pop_target { Status::OnTrack } else { Status::OffTrack },
        crossed_in: first_year(&run.years, |y| y.population >= pop_target),
        note: String::new(),
    });

    for (id, y) in [("life_expectancy_2025", 2025), ("life_expectancy_2030", 2030)] {
        let goal = reach(id)?;
        let r = year(y)?;
        let both = (r.e0_female + run.assumptions.srb * r.e0_male) / (1.0 + run.assumptions.srb);
        out.push(Tracked {
            id,
            claim: t(&format!("人均预期寿命{y}年达到{goal}岁"), format!("Life expectancy {goal} by {y}")),
            year: y,
            target: fixed(goal, 1, lang),
            value_2020: Some(75.04),
            projected: both,
            status: Status::Assumed,
            crossed_in: first_year(&run.years, |r| (r.e0_female + run.assumptions.srb * r.e0_male) / (1.0 + run.assumptions.srb) >= goal),
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
        status: Status::Assumed,
        crossed_in: None,
        note: t(
            "情景假设；2020年值为本项目由出生数推算",
            "the scenario's assumption; the 2020 value is this project's estimate from births".into(),
        ),
    });

    let sichuan_60 = census_fact("Sichuan", 2020, "share_60plus")?.value;
    let s60 = year(2030)?.share_60_plus;
    out.push(Tracked {
        id: "share_60plus_2030",
        claim: t("2030年60岁及以上人口占比不超过全省平均水平", "Share aged 60+ in 2030 not above Sichuan's average".into()),
        year: 2030,
        target: format!("≤ {sichuan_60}%"),
        value_2020: Some(12.44),
        projected: s60,
        status: if s60 <= sichuan_60 { Status::OnTrack } else { Status::OffTrack },
        crossed_in: None,
        note: t(
            "以四川省2020年水平（21.71%）比较：全省2030年水平未公布，且只会更高",
            "compared with Sichuan's 2020 level (21.71%): its 2030 level is not published and can only be higher".into(),
        ),
    });

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
            status: if v >= goal { Status::OnTrack } else { Status::OffTrack },
            crossed_in: urban.path.iter().find(|(_, p)| *p >= goal).map(|(yy, _)| *yy),
            note: t("2010—2020年趋势的逻辑斯蒂外推", "logistic continuation of the 2010-2020 trend".into()),
        });
    }

    // The plan's forecasts in its text.
    let old = FORECASTS.iter().find(|f| f.id == "share_60plus_exceeds_20").ok_or_else(|| missing("forecast"))?;
    out.push(Tracked {
        id: old.id,
        claim: old.claim.get(lang).to_string(),
        year: old.year,
        target: "> 20%".into(),
        value_2020: Some(12.44),
        projected: year(old.year)?.share_60_plus,
        status: if year(old.year)?.share_60_plus > 20.0 { Status::OnTrack } else { Status::OffTrack },
        crossed_in: first_year(&run.years, |y| y.share_60_plus > 20.0),
        note: String::new(),
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
        status: if crossed.is_some_and(|c| c.abs_diff(work.year) <= 2) { Status::OnTrack } else { Status::OffTrack },
        crossed_in: crossed,
        note: t(
            "以四川省2020年水平（62.19%）比较；“前后”按±2年计",
            "compared with Sichuan's 2020 level (62.19%); “around” read as within two years".into(),
        ),
    });
    Ok(out)
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
        assert_eq!(all.len(), 9);
        let by = |id: &str| all.iter().find(|t| t.id == id).unwrap().clone();
        assert_eq!(by("urbanisation_2030").status, Status::OffTrack);
        assert_eq!(by("life_expectancy_2030").status, Status::Assumed);
        let old = by("share_60plus_exceeds_20");
        // The projected 2030 share is far below the plan's forecast of 20%.
        assert!(old.projected < 20.0 && old.status == Status::OffTrack);
        assert!(old.crossed_in.is_some_and(|y| y > 2035));
        for t in &all {
            assert!(t.projected.is_finite(), "{}", t.id);
        }
    }
}
