//! Working-age shares (15-59, the plan's measure, and 15-64, the
//! international one) against Sichuan's 2020 level, which the plan expects
//! Liangshan's 15-59 share to pass around 2028.

use super::timeline::{chart, About, Band, Goal, RefLine, Series, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::data::external::census_fact;
use crate::data::facts::ForecastId;
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::indicator::Indicator;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let sichuan = census_fact("Sichuan", 2020, "share_15_59")?;
    let forecast = ForecastId::WorkingAgeShareExceedsSichuan.forecast();
    let series = vec![
        Series::nth(0, Text::new("15—59岁", "aged 15-59"), view.pick(|y| y.share_15_59), lang),
        Series::nth(1, Text::new("15—64岁", "aged 15-64"), view.pick(|y| y.share_15_64), lang),
    ];
    let t = Timeline {
        band: view.fan(Indicator::Share15To59).map(|f| Band::of(f, 1.0)),
        refs: vec![RefLine {
            value: sichuan.value, label: Text::new("四川省2020年15—59岁", "Sichuan 2020, aged 15-59").get(lang).into()
        }],
        goals: Some(forecast)
            .filter(|_| view.is_prefecture())
            .map(|f| Goal {
                year: f64::from(f.year),
                value: sichuan.value,
                label: say(lang, format!("规划预计约{}年超过", f.year), format!("plan: passed around {}", f.year)),
            })
            .into_iter()
            .collect(),
        zero: false,
        ..Timeline::new("%", series, view.years())
    };
    let crossed = view.run.years.iter().find(|r| r.share_15_59 > sichuan.value).map(|r| r.year);
    let first = view.run.years[0].year;
    let s2030 = view.at(2030, |y| y.share_15_59);
    let (place, level) = (view.place(), sichuan.value);
    let summary = say(
        lang,
        format!(
            "按此情景，{}15—59岁人口占比2030年约{}%，{}。",
            place.zh,
            fixed(s2030, 1, lang),
            match crossed {
                None => format!("预测期内未超过四川省2020年的{level}%"),
                Some(y) if y == first => format!("{first}年已高于四川省2020年的{level}%"),
                Some(y) => format!("{y}年超过四川省2020年的{level}%"),
            }
        ),
        format!(
            "Under this scenario {}% of {}'s residents are aged 15-59 in 2030; {}.",
            fixed(s2030, 1, lang),
            place.en,
            match crossed {
                None => format!("the share stays below Sichuan's 2020 level of {level}%"),
                Some(y) if y == first => format!("it is above Sichuan's 2020 level of {level}% from {first}"),
                Some(y) => format!("it passes Sichuan's 2020 level of {level}% in {y}"),
            }
        ),
    );
    let title =
        titled(view.run, (format!("{}劳动年龄人口占比预测", place.zh), format!("Projected working-age shares of {}", place.en)), lang);
    let sources = vec![forecast.at.cite(lang), sichuan.source.cite(lang)];
    chart(ChartId::ProjectedWorkingAge, &t, width, view, spec, About { title, summary, sources, notes: vec![], decimals: 2 })
}
