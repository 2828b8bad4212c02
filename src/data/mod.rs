//! The plan's published figures as typed Rust, and facts from elsewhere with
//! their sources.
//!
//! Every item says where it comes from: a [`Loc`] in the plan (chapter,
//! section, table) or an external file and address. Figures are [`Num`]s, so
//! that the rounding they were printed with travels with them.
//!
//! [`Num`]: crate::num::Num

use serde::Serialize;

use crate::i18n::Text;

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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "number")]
pub enum Item {
    Table(u8),
    Box(u8),
    Figure(u8),
    /// The note (注) under a table.
    TableNote(u8),
}

/// Where in the plan a figure is printed (in words: [`Loc::cite`], in the
/// presentation layer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
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

/// Where a figure comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// Printed in the plan.
    Plan { at: Loc },
    /// Arithmetic on figures printed in the plan (for example a 2010 value
    /// implied by a 2020 value and a printed change). Not a published value.
    Derived { from: Loc, how: String },
    /// From a file of `data/external`, which names its own source address.
    /// `secondary` marks reposts of official bulletins.
    External { file: &'static str, url: &'static str, secondary: bool },
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
