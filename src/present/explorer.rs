//! The explorer's words: scenario names, the controls' labels and units,
//! the figures beside the controls, and the fit of the estimated base.

use serde::Serialize;

use crate::charts::DataTable;
use crate::explorer::Headline;
use crate::i18n::{fixed, Lang, Text};
use crate::projection::base::{Fit, FitId};
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
#[serde(rename_all = "camelCase")]
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

/// What each aggregate of the fit is.
pub fn fit_name(id: FitId) -> Text {
    match id {
        FitId::Total => Text::new("常住人口", "population"),
        FitId::Female => Text::new("女性", "women"),
        FitId::Male => Text::new("男性", "men"),
        FitId::Pop0To14 => Text::new("0—14岁", "aged 0-14"),
        FitId::Pop15To64 => Text::new("15—64岁", "aged 15-64"),
        FitId::Pop65Plus => Text::new("65岁及以上", "aged 65+"),
        FitId::Pop60Plus => Text::new("60岁及以上", "aged 60+"),
        FitId::Share0To14 => Text::new("0—14岁占比（%）", "share aged 0-14 (%)"),
        FitId::Share15To59 => Text::new("15—59岁占比（%）", "share aged 15-59 (%)"),
        FitId::Share60Plus => Text::new("60岁及以上占比（%）", "share aged 60+ (%)"),
        FitId::Share65Plus => Text::new("65岁及以上占比（%）", "share aged 65+ (%)"),
        FitId::Share10To14 => Text::new("10—14岁占比（%）", "share aged 10-14 (%)"),
        FitId::Share55To59 => Text::new("55—59岁占比（%）", "share aged 55-59 (%)"),
        FitId::SexRatio => Text::new("性别比（女=100）", "sex ratio (males per 100 females)"),
        FitId::E0 => Text::new("人均预期寿命", "life expectancy at birth, both sexes"),
        FitId::Imr => Text::new("婴儿死亡率（‰）", "infant mortality (per 1000 births), both sexes"),
        FitId::Births2020 => Text::new("2020年出生人数（表5各县出生率推算）", "2020 births from Table 5's county birth rates"),
        FitId::Births => Text::new("每年出生人口（正文“7万人左右”）", "births a year (the text's \"about 70,000\")"),
        FitId::Cohort0To14 => Text::new("2010年0—14岁（表1），2020年10—24岁", "2010's aged 0-14 (Table 1), aged 10-24 in 2020"),
        FitId::Cohort15To64 => Text::new("2010年15—64岁（表1），2020年25—74岁", "2010's aged 15-64 (Table 1), aged 25-74 in 2020"),
        FitId::Cohort65Plus => Text::new("2010年65岁及以上（表1），2020年75岁及以上", "2010's aged 65+ (Table 1), aged 75+ in 2020"),
    }
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
                fit_name(f.id).get(lang).to_string(),
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
