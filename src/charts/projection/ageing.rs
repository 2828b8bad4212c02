//! The shares aged 60+ and 65+, with the plan's reference points: the
//! share it forecasts for 2030 (20%, a moderately aged society) and
//! Sichuan's 2020 share aged 60+ (the 2030 target is not to exceed the
//! provincial average).

use super::timeline::{chart, About, Band, RefLine, Series, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::data::external::census_fact;
use crate::data::facts::ForecastId;
use crate::error::{missing_data, Error};
use crate::i18n::{fixed, Text};
use crate::projection::indicator::Indicator;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let sichuan = census_fact("Sichuan", 2020, "share_60plus")?;
    let forecast = ForecastId::Share60PlusExceeds20.forecast();
    let aged = forecast.threshold.ok_or_else(|| missing_data(forecast.id.slug()))?;
    let series = vec![
        Series::nth(0, Text::new("60岁及以上", "aged 60+"), view.pick(|y| y.share_60_plus), lang),
        Series::nth(1, Text::new("65岁及以上", "aged 65+"), view.pick(|y| y.share_65_plus), lang),
    ];
    let t = Timeline {
        band: view.fan(Indicator::Share60Plus).map(|f| Band::of(f, 1.0)),
        refs: vec![
            RefLine { value: sichuan.value, label: Text::new("四川省2020年60岁及以上", "Sichuan 2020, aged 60+").get(lang).into() },
            RefLine {
                value: aged.value,
                label: say(lang, format!("{}% 中度老龄化", aged.text), format!("{}% moderately aged", aged.text)),
            },
        ],
        ..Timeline::new("%", series, view.years())
    };
    let year = forecast.year;
    let share = view.at(year, |y| y.share_60_plus);
    let crossed = view.run.years.iter().find(|r| r.share_60_plus > aged.value).map(|r| r.year);
    let (place, share, aged) = (view.place(), fixed(share, 1, lang), aged.text);
    let summary = say(
        lang,
        format!(
            "按此情景，{}60岁及以上人口占比{year}年约{share}%（规划预计超过{aged}%）{}。",
            place.zh,
            crossed.map_or(format!("，到预测末年仍未超过{aged}%"), |y| format!("，{y}年超过{aged}%"))
        ),
        format!(
            "Under this scenario {share}% of {}'s residents are aged 60+ in {year} (the plan expects more than {aged}%){}.",
            place.en,
            crossed.map_or(format!(", and the share stays below {aged}% to the horizon"), |y| format!("; {aged}% is passed in {y}"))
        ),
    );
    let title = titled(view.run, (format!("{}老龄化预测", place.zh), format!("Projected ageing of {}", place.en)), lang);
    let sources = vec![forecast.at.cite(lang), sichuan.source.cite(lang)];
    chart(ChartId::ProjectedAgeing, &t, width, view, spec, About { title, summary, sources, notes: vec![], decimals: 2 })
}
