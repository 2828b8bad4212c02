//! The projected population, with its fan and the plan's 2030 target.

use super::timeline::{chart, About, Band, Goal, Series, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::data::targets::TargetId;
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::indicator::Indicator;
use crate::projection::targets::goal_value;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    // 万人 (the plan's unit); the target is the prefecture's.
    let goal = TargetId::ResidentPop2030;
    let target = goal_value(goal).filter(|_| view.is_prefecture());
    let target_year = goal.target().years.last().copied().unwrap_or(2030);
    let series = vec![Series::nth(0, Text::new("常住人口", "Residents"), view.pick(|y| y.population / 1e4), lang)];
    let t = Timeline {
        band: view.fan(Indicator::Population).map(|f| Band::of(f, 1e-4)),
        goals: target
            .map(|v| Goal {
                year: f64::from(target_year),
                value: v,
                label: say(
                    lang,
                    format!("{target_year}年目标{}万", fixed(v, 0, lang)),
                    format!("{target_year} target {}", fixed(v * 1e4, 0, lang)),
                ),
            })
            .into_iter()
            .collect(),
        zero: false,
        ..Timeline::new(Text::new("万人", "10,000 persons").get(lang), series, view.years())
    };
    let ys = &view.run.years;
    let (p_target, plast, last) = (view.at(target_year, |y| y.population), ys[ys.len() - 1].population, ys[ys.len() - 1].year);
    let reach = target.map_or(String::new(), |v| {
        let (zh, en) = if p_target / 1e4 >= v { ("达到", "reaching") } else { ("未达到", "short of") };
        say(
            lang,
            format!("，{zh}{target_year}年{}万人的目标", fixed(v, 0, lang)),
            format!(", {en} the plan's {target_year} target of {}", fixed(v * 1e4, 0, lang)),
        )
    });
    let place = view.place();
    let summary = say(
        lang,
        format!(
            "按此情景，{}常住人口{target_year}年约{}万人，{last}年约{}万人{reach}。",
            place.zh,
            fixed(p_target / 1e4, 1, lang),
            fixed(plast / 1e4, 1, lang)
        ),
        format!(
            "Under this scenario {} has about {} residents in {target_year} and {} in {last}{reach}.",
            place.en,
            fixed(p_target, 0, lang),
            fixed(plast, 0, lang)
        ),
    );
    let title = titled(view.run, (format!("{}常住人口预测", place.zh), format!("Projected population of {}", place.en)), lang);
    let sources = if target.is_some() { vec![goal.target().at.cite(lang)] } else { vec![] };
    chart(ChartId::ProjectedPopulation, &t, width, view, spec, About { title, summary, sources, notes: vec![], decimals: 2 })
}
