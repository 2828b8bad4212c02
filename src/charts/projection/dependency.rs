//! Dependency ratios: children (0-14) and the old (65+) per 100 aged 15-64.

use super::timeline::{chart, About, Band, Series, Timeline};
use super::{say, titled, View};
use crate::charts::{Chart, ChartId, Spec};
use crate::error::Error;
use crate::i18n::{fixed, Text};
use crate::projection::indicator::Indicator;

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let series = vec![
        Series::nth(0, Text::new("总抚养比", "total"), view.pick(|y| y.total_dependency), lang),
        Series::nth(1, Text::new("少儿抚养比", "children (0-14)"), view.pick(|y| y.youth_dependency), lang),
        Series::nth(2, Text::new("老年抚养比", "old age (65+)"), view.pick(|y| y.old_age_dependency), lang),
    ];
    let t = Timeline {
        band: view.fan(Indicator::TotalDependency).map(|f| Band::of(f, 1.0)),
        ..Timeline::new(Text::new("每100名15—64岁人口", "per 100 aged 15-64").get(lang), series, view.years())
    };
    let (y0, y30) = (&view.run.years[0], view.at(2030, |y| y.total_dependency));
    let last = &view.run.years[view.run.years.len() - 1];
    let place = view.place();
    let r = |v: f64| fixed(v, 1, lang);
    let moves = if y30 > y0.total_dependency { "升至" } else { "降至" };
    let summary = say(
        lang,
        format!(
            "按此情景，{}总抚养比由2020年的{}{moves}2030年的{}，{}年为{}；其中老年抚养比由{}升至{}。",
            place.zh,
            r(y0.total_dependency),
            r(y30),
            last.year,
            r(last.total_dependency),
            r(y0.old_age_dependency),
            r(last.old_age_dependency)
        ),
        format!(
            "Under this scenario {} has {} dependants per 100 of working age in 2020, {} in 2030 and {} in {}; the old-age ratio goes from {} to {}.",
            place.en,
            r(y0.total_dependency),
            r(y30),
            r(last.total_dependency),
            last.year,
            r(y0.old_age_dependency),
            r(last.old_age_dependency)
        ),
    );
    let title = titled(view.run, (format!("{}抚养比预测", place.zh), format!("Projected dependency ratios of {}", place.en)), lang);
    let notes = vec![Text::new(
        "抚养比以15—64岁为劳动年龄（国际通行口径）。",
        "Dependency ratios count ages 15-64 as working age (the international convention).",
    )
    .get(lang)
    .into()];
    chart(ChartId::ProjectedDependency, &t, width, view, spec, About { title, summary, sources: vec![], notes, decimals: 1 })
}
