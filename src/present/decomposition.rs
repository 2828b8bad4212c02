//! Words for the decomposition of the headline intervals (how much comes
//! from the estimated base, how much from the future rates): a table in
//! the reader's language.

use serde::Serialize;

use crate::charts::DataTable;
use crate::i18n::{fixed, ten_thousands, Lang, Text};
use crate::projection::stochastic::{Decomposition, Headline};

pub fn headline_name(h: Headline) -> Text {
    match h {
        Headline::Population2030 => Text::new("2030年常住人口", "Population, 2030"),
        Headline::Share60Plus2030 => Text::new("2030年60岁及以上占比（%）", "Share aged 60+, 2030 (%)"),
        Headline::Share60Plus2035 => Text::new("2035年60岁及以上占比（%）", "Share aged 60+, 2035 (%)"),
        Headline::Year15To59PassesSichuan => {
            Text::new("15—59岁占比达到全省2020年水平的年份", "Year the share aged 15-59 reaches Sichuan's 2020 level")
        }
    }
}

const COLUMNS: [Text; 5] = [
    Text::new("指标（规划路径）", "Figure (the plan's path)"),
    Text::new("仅未来参数：中位数（95%区间）", "Future rates alone: median (95%)"),
    Text::new("仅基期人口：中位数（95%区间）", "Base alone: median (95%)"),
    Text::new("两者：中位数（95%区间）", "Both: median (95%)"),
    Text::new("基期人口所占方差份额", "The base's share of the variance"),
];

/// The decomposition as a table: each headline's median and 95% interval
/// from each source, and the base's share.
pub fn table(d: &Decomposition, lang: Lang) -> DataTable {
    let rows = d
        .headlines
        .iter()
        .map(|h| {
            let decimals = if matches!(h.headline, Headline::Share60Plus2030 | Headline::Share60Plus2035) { 2 } else { 0 };
            let n = |v: f64| match h.headline {
                // Years are years: no thousands separator.
                Headline::Year15To59PassesSichuan => format!("{v:.0}"),
                // As the plan prints persons: 万 to a thousand in Chinese.
                Headline::Population2030 if lang == Lang::Zh => ten_thousands(v / 1e4, 1, lang),
                _ => fixed(v, decimals, lang),
            };
            let interval = |q: &[f64; 5]| format!("{} ({}–{})", n(q[2]), n(q[0]), n(q[4]));
            vec![
                headline_name(h.headline).get(lang).to_string(),
                interval(&h.rates),
                interval(&h.base),
                interval(&h.both),
                format!("{}%", fixed(h.base_share * 100.0, 0, lang)),
            ]
        })
        .collect();
    DataTable { columns: COLUMNS.iter().map(|c| c.get(lang).to_string()).collect(), rows }
}

/// What the methods section says around the table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Words {
    /// The disclosure's label.
    pub summary: String,
    /// How the alternative bases differ, and which column the explorer's fans are.
    pub note: String,
    /// The table's caption.
    pub caption: String,
}

pub fn words(bases: usize, tilt_sd: f64, lang: Lang) -> Words {
    let sd = fixed(tilt_sd, 1, lang);
    match lang {
        Lang::Zh => Words {
            summary: "基期人口是估计值：主要结论的区间有多少来自基期人口".into(),
            note: format!("备选的基期人口（{bases}个）都满足每个公布数，只在没有公布数的地方不同：每个年龄段内部的形状（例如15—54岁如何分布到各五岁组）按随机的对数线性倾斜改变（标准差{sd}，为假定值）。“两者”中每条轨迹从其中一个出发，即探索器中规划路径的区间；“仅未来参数”都从估计的基期人口出发。打开时计算，约需一秒。"),
            caption: "主要结论的区间：基期人口与未来参数".into(),
        },
        Lang::En => Words {
            summary: "The base is an estimate: how much of each headline's interval comes from it".into(),
            note: format!("The {bases} alternative bases each meet every published figure and differ only where nothing is published: the shape within each age cell (how 15-54 splits into five-year groups, for example) is tilted at random, log-linearly (standard deviation {sd}, an assumption). With both, each trajectory starts from one of them: the explorer's interval for the plan's path; with \"future rates alone\", all start from the estimate. Computed when opened, in about a second."),
            caption: "The headline intervals: base and future rates".into(),
        },
    }
}
