//! Where a figure comes from, in words: the plan's chapters, sections and
//! tables ("规划 第一章第一节 表3" / "Plan, ch. 1 §1, Table 3"), derived
//! figures and external files; and the units figures are printed in.

use crate::data::{Item, Loc, Source, Unit};
use crate::i18n::{Lang, Text};

const CN_DIGITS: [&str; 11] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

impl Loc {
    /// "规划 第一章第一节 表3" / "Plan, ch. 1 §1, Table 3".
    pub fn cite(&self, lang: Lang) -> String {
        let mut s = String::new();
        match lang {
            Lang::Zh => {
                s.push_str("规划 第");
                s.push_str(CN_DIGITS.get(self.chapter as usize).copied().unwrap_or("?"));
                s.push('章');
                if let Some(n) = self.section {
                    s.push('第');
                    s.push_str(CN_DIGITS.get(n as usize).copied().unwrap_or("?"));
                    s.push('节');
                }
                match self.item {
                    Some(Item::Table(n)) => s.push_str(&format!(" 表{n}")),
                    Some(Item::Box(n)) => s.push_str(&format!(" 专栏{n}")),
                    Some(Item::Figure(n)) => s.push_str(&format!(" 图{n}")),
                    Some(Item::TableNote(n)) => s.push_str(&format!(" 表{n}注")),
                    None => {}
                }
            }
            Lang::En => {
                s.push_str(&format!("Plan, ch. {}", self.chapter));
                if let Some(n) = self.section {
                    s.push_str(&format!(" §{n}"));
                }
                match self.item {
                    Some(Item::Table(n)) => s.push_str(&format!(", Table {n}")),
                    Some(Item::Box(n)) => s.push_str(&format!(", Box {n}")),
                    Some(Item::Figure(n)) => s.push_str(&format!(", Figure {n}")),
                    Some(Item::TableNote(n)) => s.push_str(&format!(", note to Table {n}")),
                    None => {}
                }
            }
        }
        s
    }
}

impl Source {
    pub fn cite(&self, lang: Lang) -> String {
        match (self, lang) {
            (Source::Plan { at }, _) => at.cite(lang),
            (Source::Derived { from, how }, Lang::Zh) => format!("据{}推算（{how}）", from.cite(lang)),
            (Source::Derived { from, how }, Lang::En) => format!("derived from {} ({how})", from.cite(lang)),
            (Source::External { url, secondary, .. }, Lang::Zh) => {
                format!("{url}{}", if *secondary { "（转载，二手来源）" } else { "" })
            }
            (Source::External { url, secondary, .. }, Lang::En) => {
                format!("{url}{}", if *secondary { " (repost, secondary source)" } else { "" })
            }
        }
    }
}

impl Unit {
    /// The unit in words.
    pub fn label(self, lang: Lang) -> &'static str {
        let t = match self {
            Unit::Persons => Text::new("人", "persons"),
            Unit::TenThousandPersons => Text::new("万人", "10,000 persons"),
            Unit::Percent => Text::new("%", "%"),
            Unit::PercentagePoints => Text::new("个百分点", "percentage points"),
            Unit::PerMille => Text::new("‰", "‰"),
            Unit::Per100kBirths => Text::new("/10万", "per 100,000 live births"),
            Unit::Per100kPersons => Text::new("人/10万人", "per 100,000 persons"),
            Unit::Years => Text::new("年", "years"),
            Unit::SexRatio => Text::new("（女=100）", "males per 100 females"),
            Unit::PersonsPerHousehold => Text::new("人/户", "persons per household"),
            Unit::TenThousandYuan => Text::new("万元", "10,000 yuan"),
            Unit::ChildrenPerWoman => Text::new("孩次/妇女", "children per woman"),
            Unit::PlacesPer1000 => Text::new("个托位/千人", "places per 1,000 persons"),
            Unit::Counties => Text::new("个县（市）", "counties"),
            Unit::Rank => Text::new("位", "rank"),
            Unit::SquareKm => Text::new("平方千米", "km²"),
        };
        t.get(lang)
    }
}

/// A source in `lang` (the same as [`Source::cite`]).
pub fn cite(source: &Source, lang: Lang) -> String {
    source.cite(lang)
}
