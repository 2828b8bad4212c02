//! The explorer's words: scenario names, the controls' labels and units,
//! the figures beside the controls, and the fit of the estimated base.

use serde::Serialize;

use crate::charts::DataTable;
use crate::explorer::Headline;
use crate::i18n::{fixed, Lang, Text};
use crate::projection::base::Fit;
use crate::projection::scenario::Preset;

pub fn preset_name(p: Preset) -> Text {
    match p {
        Preset::Plan => Text::new("规划路径", "The plan's path"),
        Preset::Constant => Text::new("2020年水平不变", "Constant 2020 rates"),
        Preset::Low => Text::new("低生育", "Low fertility"),
        Preset::High => Text::new("高生育", "High fertility"),
        Preset::ZeroMigration => Text::new("零迁移", "Zero migration"),
    }
}

/// Each control's label and unit, by its URL parameter (the order of
/// [`crate::state::CONTROLS`]).
pub const CONTROL_WORDS: [(&str, Text, Text); 6] = [
    ("tfr2030", Text::new("2030年总和生育率", "Total fertility rate in 2030"), Text::new("孩次/妇女", "children per woman")),
    ("tfr2050", Text::new("2050年总和生育率", "Total fertility rate in 2050"), Text::new("孩次/妇女", "children per woman")),
    ("e0_2030", Text::new("2030年人均预期寿命", "Life expectancy in 2030"), Text::new("岁", "years")),
    ("e0_2050", Text::new("2050年人均预期寿命", "Life expectancy in 2050"), Text::new("岁", "years")),
    ("migration", Text::new("每年净迁移人数", "Net migrants a year"), Text::new("人（负数为净迁出）", "persons (negative: more leave)")),
    ("srb", Text::new("出生人口性别比", "Sex ratio at birth"), Text::new("男婴/女婴", "boys per girl")),
];

/// One figure beside the controls.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct HeadlineItem {
    pub label: String,
    pub value: String,
}

/// The figures beside the controls, in `lang`.
pub fn headline(h: &Headline, lang: Lang) -> Vec<HeadlineItem> {
    let zh = lang == Lang::Zh;
    let people = |v: f64| if zh { format!("{}万人", fixed(v / 1e4, 1, lang)) } else { format!("{} million", fixed(v / 1e6, 2, lang)) };
    let place = h.region.name();
    let item = |label: String, value: String| HeadlineItem { label, value };
    vec![
        item(if zh { format!("{}2030年人口", place.zh) } else { format!("{}, 2030", place.en) }, people(h.population_2030)),
        item(Text::new("2050年人口", "2050").get(lang).into(), people(h.population_2050)),
        item(Text::new("2030年60岁及以上", "Aged 60+, 2030").get(lang).into(), format!("{}%", fixed(h.share_60_plus_2030, 1, lang))),
        item(
            Text::new("规划目标（全州）按中位情景达到", "Plan targets (prefecture) met, central run").get(lang).into(),
            if zh { format!("{}/{}项", h.met, h.judged) } else { format!("{} of {}", h.met, h.judged) },
        ),
    ]
}

const FIT_COLUMNS: [Text; 6] = [
    Text::new("约束", "Constraint"),
    Text::new("公布值", "Published"),
    Text::new("估计值", "Estimate"),
    Text::new("容差", "Tolerance"),
    Text::new("是否满足", "Met"),
    Text::new("来源", "Source"),
];

fn trim_zeros(s: &str) -> String {
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The estimate's fit to every published aggregate, as a table.
pub fn fit_table(fit: &[Fit], lang: Lang) -> DataTable {
    let rows = fit
        .iter()
        .map(|f| {
            let d = if f.target.abs() >= 1000.0 { 0 } else { 2 };
            // The tolerance to its own precision (0.5 persons, 0.005 points).
            let tolerance = if f.tolerance >= 100.0 { fixed(f.tolerance, 0, lang) } else { trim_zeros(&format!("{:.3}", f.tolerance)) };
            let met = if f.met { Text::new("✓ 是", "✓ yes") } else { Text::new("✗ 否", "✗ no") };
            vec![
                f.what.get(lang).to_string(),
                fixed(f.target, d, lang),
                fixed(f.estimate, d, lang),
                format!("± {tolerance}"),
                met.get(lang).to_string(),
                f.source.cite(lang),
            ]
        })
        .collect();
    DataTable { columns: FIT_COLUMNS.iter().map(|c| c.get(lang).to_string()).collect(), rows }
}
