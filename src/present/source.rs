//! Where a figure comes from, in words: the plan's chapters, sections and
//! tables ("规划 第一章第一节 表3" / "Plan, ch. 1 §1, Table 3"), derived
//! figures and external files; and the units figures are printed in.

use crate::data::{Item, Loc, Source, Unit};
use crate::i18n::{Lang, Text};

const CN_DIGITS: [&str; 11] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

fn cn(n: u8) -> &'static str {
    CN_DIGITS.get(n as usize).copied().unwrap_or("?")
}

impl Loc {
    /// "第一章" / "Ch. 1".
    pub fn chapter_name(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("第{}章", cn(self.chapter)),
            Lang::En => format!("Ch. {}", self.chapter),
        }
    }

    /// "第一章第一节" / "ch. 1 §1": the chapter and section, without the item.
    pub fn section_name(&self, lang: Lang) -> String {
        match (lang, self.section) {
            (Lang::Zh, Some(n)) => format!("第{}章第{}节", cn(self.chapter), cn(n)),
            (Lang::Zh, None) => format!("第{}章", cn(self.chapter)),
            (Lang::En, Some(n)) => format!("ch. {} §{n}", self.chapter),
            (Lang::En, None) => format!("ch. {}", self.chapter),
        }
    }

    /// "规划 第一章第一节 表3" / "Plan, ch. 1 §1, Table 3".
    pub fn cite(&self, lang: Lang) -> String {
        let item = match (self.item, lang) {
            (Some(Item::Table(n)), Lang::Zh) => format!(" 表{n}"),
            (Some(Item::Box(n)), Lang::Zh) => format!(" 专栏{n}"),
            (Some(Item::Figure(n)), Lang::Zh) => format!(" 图{n}"),
            (Some(Item::TableNote(n)), Lang::Zh) => format!(" 表{n}注"),
            (Some(Item::Table(n)), Lang::En) => format!(", Table {n}"),
            (Some(Item::Box(n)), Lang::En) => format!(", Box {n}"),
            (Some(Item::Figure(n)), Lang::En) => format!(", Figure {n}"),
            (Some(Item::TableNote(n)), Lang::En) => format!(", note to Table {n}"),
            (None, _) => String::new(),
        };
        match lang {
            Lang::Zh => format!("规划 {}{item}", self.section_name(lang)),
            Lang::En => format!("Plan, {}{item}", self.section_name(lang)),
        }
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
