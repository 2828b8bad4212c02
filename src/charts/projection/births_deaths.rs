//! Births, deaths and net migrants of each year.

use super::timeline::{chart, About, Band, Series, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::indicator::Indicator;
use crate::projection::scenario::Year;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    // 万人 for the prefecture; persons for a county, whose flows are small.
    let big = view.run.years.iter().filter_map(|y| y.births).fold(0.0, f64::max) >= 50_000.0;
    let scale = if big { 1e-4 } else { 1.0 };
    let flow = |f: fn(&Year) -> Option<f64>| view.pick(move |y| f(y).map_or(f64::NAN, |v| v * scale));
    let unit = if big { Text::new("万人/年", "10,000 persons a year") } else { Text::new("人/年", "persons a year") };
    let series = vec![
        Series::nth(0, Text::new("出生", "births"), flow(|y| y.births), lang),
        Series::nth(1, Text::new("死亡", "deaths"), flow(|y| y.deaths), lang),
        Series::nth(2, Text::new("净迁移", "net migrants"), flow(|y| y.net_migrants), lang),
    ];
    let t =
        Timeline { band: view.fan(Indicator::Births).map(|f| Band::of(f, scale)), ..Timeline::new(unit.get(lang), series, view.years()) };
    let ys = &view.run.years;
    let cross = ys.iter().find(|y| y.births.zip(y.deaths).is_some_and(|(b, d)| d >= b)).map(|y| y.year);
    let b = |k: usize| ys[k].births.unwrap_or(f64::NAN);
    // The last year with flows: the one before the horizon.
    let k = ys.len() - 2;
    let moves = if b(k) > b(0) { "升至" } else { "降至" };
    let place = view.place();
    let summary = say(
        lang,
        format!(
            "按此情景，{}每年出生人数由{}万{moves}{}年的{}万；{}。",
            place.zh,
            fixed(b(0) / 1e4, 1, lang),
            ys[k].year,
            fixed(b(k) / 1e4, 1, lang),
            cross.map_or("预测期内出生始终多于死亡".to_string(), |y| format!("{y}年起死亡多于出生"))
        ),
        format!(
            "Under this scenario {} has {} births in {} and {} in {}; {}.",
            place.en,
            fixed(b(0), 0, lang),
            ys[0].year,
            fixed(b(k), 0, lang),
            ys[k].year,
            cross.map_or("births outnumber deaths throughout".to_string(), |y| format!("deaths outnumber births from {y}"))
        ),
    );
    let title = titled(
        view.run,
        (format!("{}出生、死亡与净迁移预测", place.zh), format!("Projected births, deaths and migration of {}", place.en)),
        lang,
    );
    let notes = vec![Text::new(
        "每年的数为该年年中至下一年年中；负的净迁移表示迁出多于迁入。",
        "Each year's flows run to the next year; negative net migration means more leave than arrive.",
    )
    .get(lang)
    .into()];
    chart(
        ChartId::ProjectedBirthsDeaths,
        &t,
        width,
        view,
        spec,
        About { title, summary, sources: vec![], notes, decimals: if big { 2 } else { 0 } },
    )
}
