//! The plan's published figures as typed Rust, and facts from elsewhere with
//! their sources.
//!
//! Every item says where it comes from: a [`Loc`] in the plan (chapter,
//! section, table) or an external file and address. Figures are [`Num`]s, so
//! that the rounding they were printed with travels with them.
//!
//! [`Num`]: crate::num::Num

use serde::{Serialize, Serializer};

use crate::i18n::{Lang, Text};

pub mod counties;
pub mod external;
pub mod facts;
pub mod tables;
pub mod targets;

/// The document all plan data comes from.
pub const PLAN_TITLE: Text = Text::new(
    "凉山州人口发展中长期规划（凉府办发〔2024〕29号）",
    "Liangshan Prefecture Medium- and Long-Term Population Development Plan (Liangfu Banfa [2024] No. 29)",
);

/// The plan's text as published on the prefecture's portal, kept in the
/// repository so that tests can check every transcribed figure against it.
pub const PLAN_TEXT: &str = include_str!("../../data/plan/plan.txt");

/// A numbered item of the plan: 表 (table), 专栏 (box) or 图 (figure).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Table(u8),
    Box(u8),
    Figure(u8),
    /// The note (注) under a table.
    TableNote(u8),
}

/// Where in the plan a figure is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loc {
    pub chapter: u8,
    pub section: Option<u8>,
    pub item: Option<Item>,
}

/// Chapter `c`, section `s` of the plan.
pub const fn sec(chapter: u8, section: u8) -> Loc {
    Loc { chapter, section: Some(section), item: None }
}

/// Chapter `c`, section `s`, item `i` of the plan.
pub const fn at(chapter: u8, section: u8, item: Item) -> Loc {
    Loc { chapter, section: Some(section), item: Some(item) }
}

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

impl Serialize for Loc {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.cite(Lang::En))
    }
}

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Printed in the plan.
    Plan { at: Loc },
    /// Arithmetic on figures printed in the plan (for example a 2010 value
    /// implied by a 2020 value and a printed change). Not a published value.
    Derived { from: Loc, how: &'static str },
    /// From a file of `data/external`, which names its own source address.
    /// `secondary` marks reposts of official bulletins.
    External { file: &'static str, url: String, secondary: bool },
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

/// The unit a figure is printed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Persons,
    /// 万人: ten thousand persons.
    TenThousandPersons,
    Percent,
    PercentagePoints,
    PerMille,
    /// Deaths per 100,000 live births (maternal mortality).
    Per100kBirths,
    /// Persons per 100,000 population.
    Per100kPersons,
    Years,
    /// Males per 100 females.
    SexRatio,
    PersonsPerHousehold,
    /// 万元: ten thousand yuan.
    TenThousandYuan,
    ChildrenPerWoman,
    /// Childcare places per 1,000 population.
    PlacesPer1000,
    Counties,
    Rank,
    SquareKm,
}

impl Unit {
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
