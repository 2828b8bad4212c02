//! Urbanisation: the 2010-2020 trend continued, against the plan's targets
//! for 2025 and 2030. The same in every scenario, and the prefecture's alone.

use super::timeline::{Goal, Series, Timeline};
use super::{say, View};
use crate::charts::{finish, Chart, ChartId, Spec, Texts};
use crate::data::targets::TargetId;
use crate::error::{missing_data, Error};
use crate::i18n::{fixed, Lang, Text};
use crate::projection::targets::goal_value;

const TARGETS: [TargetId; 2] = [TargetId::Urbanisation2025, TargetId::Urbanisation2030];

fn summary(v: [f64; 2], goals: [(u16, f64); 2], lang: Lang) -> String {
    let ((y1, g1), (y2, g2)) = (goals[0], goals[1]);
    let (v1, v2) = (fixed(v[0], 1, lang), fixed(v[1], 1, lang));
    // Below the targets is said only when the trend misses both.
    let below = v[0] < g1 && v[1] < g2;
    let (zh, en) = if below {
        (format!("，低于规划目标{g1}%和{g2}%"), format!(", below the plan's {g1}% and {g2}%"))
    } else {
        (String::new(), String::new())
    };
    say(
        lang,
        format!("若延续2010—2020年的趋势，凉山州常住人口城镇化率{y1}年约{v1}%、{y2}年约{v2}%{zh}。"),
        format!("If the 2010-2020 trend continues, {v1}% of Liangshan's residents live in towns in {y1} and {v2}% in {y2}{en}."),
    )
}

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let u = view.urbanisation.ok_or_else(|| missing_data("urbanisation path"))?;
    let goals = TARGETS.map(|id| (id.target().years.last().copied().unwrap_or(2030), goal_value(id).unwrap_or(f64::NAN)));
    let years = view.years();
    let series = vec![Series::nth(
        0,
        Text::new("2010—2020年趋势", "2010-2020 trend"),
        years.iter().map(|y| u.at(*y).unwrap_or(f64::NAN)).collect(),
        lang,
    )];
    let t = Timeline {
        goals: goals
            .iter()
            .map(|(year, v)| Goal {
                year: f64::from(*year),
                value: *v,
                label: say(lang, format!("{year}年目标{v}%"), format!("{year} target {v}%")),
            })
            .collect(),
        observed: vec![(2010.0, u.rate_2010), (2020.0, u.rate_2020)],
        origin: false,
        ..Timeline::new("%", series, years)
    };
    let trend = goals.map(|(y, _)| u.at(y).unwrap_or(f64::NAN));
    let mut notes = vec![
        Text::new(
            "逻辑斯蒂趋势线穿过2010年和2020年普查值，不随情景变化；这是趋势外推，不是预测。",
            "A logistic trend through the 2010 and 2020 census values, the same in every scenario: a continuation of the trend, not a forecast.",
        )
        .get(lang)
        .to_string(),
        Text::new("2010年城镇化率由规划正文推算。", "The 2010 rate is derived from the plan's text.").get(lang).to_string(),
    ];
    if !view.is_prefecture() {
        notes.push(
            Text::new("县级城镇化率未公布，此图为全州。", "County urbanisation rates are not published; this chart is the prefecture's.")
                .get(lang)
                .to_string(),
        );
    }
    let texts = Texts {
        title: Text::new("凉山州常住人口城镇化率：趋势与目标", "Urbanisation of Liangshan: trend and targets").get(lang).into(),
        summary: summary(trend, goals, lang),
        sources: vec![TARGETS[0].target().at.cite(lang), crate::data::sec(1, 2).cite(lang)],
        notes,
        table: t.table(2, lang),
    };
    finish(ChartId::ProjectedUrbanisation, spec, &t.plot(width, view, spec)?, texts)
}
