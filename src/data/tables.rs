//! The plan's tables 表1, 表2 and 表4, transcribed row by row in printed order.
//! (表3 and 表5 are per county: see [`super::counties`]; 专栏1 is in
//! [`super::targets`].)

use serde::Serialize;

use super::{at, Item, Loc};
use crate::i18n::Text;
use crate::num;
use crate::num::Num;

/// 表1 “六普”“七普”凉山州常住人口年龄结构变化对比图 (a table, despite its title).
pub const TABLE1_AT: Loc = at(1, 1, Item::Table(1));
pub const TABLE1_TITLE: Text =
    Text::new("“六普”“七普”凉山州常住人口年龄结构变化对比", "Age structure of the resident population, 2010 and 2020 censuses");

/// A row of 表1: one broad age group in both censuses.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct AgeGroupRow {
    pub group: Text,
    /// Lower and upper age; `None` for the open group.
    pub ages: (u8, Option<u8>),
    pub count_2010: Num,
    pub share_2010: Num,
    pub count_2020: Num,
    pub share_2020: Num,
}

pub const TABLE1: [AgeGroupRow; 3] = [
    AgeGroupRow {
        group: Text::new("0-14岁", "0-14"),
        ages: (0, Some(14)),
        count_2010: num!(1238659),
        share_2010: num!(27.33),
        count_2020: num!(1342839),
        share_2020: num!(27.64),
    },
    AgeGroupRow {
        group: Text::new("15-64岁", "15-64"),
        ages: (15, Some(64)),
        count_2010: num!(2972335),
        share_2010: num!(65.57),
        count_2020: num!(3054681),
        share_2020: num!(62.87),
    },
    AgeGroupRow {
        group: Text::new("65岁及以上", "65 and over"),
        ages: (65, None),
        count_2010: num!(321815),
        share_2010: num!(7.10),
        count_2020: num!(460839),
        share_2020: num!(9.49),
    },
];

/// 表2 全省分市(州)15岁及以上人口平均受教育年限及提高幅度 (years).
pub const TABLE2_AT: Loc = at(1, 1, Item::Table(2));
pub const TABLE2_TITLE: Text = Text::new(
    "全省分市（州）15岁及以上人口平均受教育年限及提高幅度",
    "Mean years of schooling of the population aged 15+, Sichuan's cities and prefectures, 2010 and 2020",
);

/// What kind of area a row of 表2 is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AreaKind {
    Province,
    City,
    /// An autonomous prefecture (州).
    Prefecture,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct SchoolingRow {
    pub id: &'static str,
    pub name: Text,
    /// Name without the administrative suffix: 凉山 / Liangshan.
    pub short: Text,
    pub kind: AreaKind,
    pub years_2020: Num,
    pub years_2010: Num,
    pub rise: Num,
}

macro_rules! schooling {
    ($id:literal, $zh:literal, $en:literal, $szh:literal, $sen:literal, $kind:ident, $y20:literal, $y10:literal, $rise:literal) => {
        SchoolingRow {
            id: $id,
            name: Text::new($zh, $en),
            short: Text::new($szh, $sen),
            kind: AreaKind::$kind,
            years_2020: num!($y20),
            years_2010: num!($y10),
            rise: num!($rise),
        }
    };
}

/// 表2's rows of the province and of Liangshan.
pub const TABLE2_SICHUAN: usize = 0;
pub const TABLE2_LIANGSHAN: usize = 3;

#[rustfmt::skip]
pub const TABLE2: [SchoolingRow; 22] = [
    schooling!("sichuan", "全省", "Sichuan (province)", "全省", "Sichuan", Province, 9.24, 8.35, 0.89),
    schooling!("garze", "甘孜藏族自治州", "Garzê Tibetan Autonomous Prefecture", "甘孜", "Garzê", Prefecture, 6.89, 5.78, 1.11),
    schooling!("chengdu", "成都市", "Chengdu", "成都", "Chengdu", City, 10.85, 9.79, 1.06),
    schooling!("liangshan", "凉山彝族自治州", "Liangshan Yi Autonomous Prefecture", "凉山", "Liangshan", Prefecture, 7.41, 6.41, 1.00),
    schooling!("yibin", "宜宾市", "Yibin", "宜宾", "Yibin", City, 8.94, 7.94, 1.00),
    schooling!("bazhong", "巴中市", "Bazhong", "巴中", "Bazhong", City, 9.01, 8.20, 0.81),
    schooling!("mianyang", "绵阳市", "Mianyang", "绵阳", "Mianyang", City, 9.17, 8.37, 0.80),
    schooling!("luzhou", "泸州市", "Luzhou", "泸州", "Luzhou", City, 8.65, 7.89, 0.76),
    schooling!("panzhihua", "攀枝花市", "Panzhihua", "攀枝花", "Panzhihua", City, 9.47, 8.71, 0.76),
    schooling!("guangan", "广安市", "Guang'an", "广安", "Guang'an", City, 8.48, 7.76, 0.72),
    schooling!("dazhou", "达州市", "Dazhou", "达州", "Dazhou", City, 8.83, 8.11, 0.72),
    schooling!("guangyuan", "广元市", "Guangyuan", "广元", "Guangyuan", City, 8.70, 7.98, 0.72),
    schooling!("zigong", "自贡市", "Zigong", "自贡", "Zigong", City, 8.87, 8.18, 0.69),
    schooling!("meishan", "眉山市", "Meishan", "眉山", "Meishan", City, 8.77, 8.15, 0.62),
    schooling!("yaan", "雅安市", "Ya'an", "雅安", "Ya'an", City, 9.04, 8.46, 0.58),
    schooling!("deyang", "德阳市", "Deyang", "德阳", "Deyang", City, 8.98, 8.44, 0.54),
    schooling!("nanchong", "南充市", "Nanchong", "南充", "Nanchong", City, 8.62, 8.08, 0.54),
    schooling!("leshan", "乐山市", "Leshan", "乐山", "Leshan", City, 8.93, 8.42, 0.51),
    schooling!("neijiang", "内江市", "Neijiang", "内江", "Neijiang", City, 8.72, 8.23, 0.49),
    schooling!("suining", "遂宁市", "Suining", "遂宁", "Suining", City, 8.61, 8.17, 0.44),
    schooling!("ziyang", "资阳市", "Ziyang", "资阳", "Ziyang", City, 8.27, 7.83, 0.44),
    schooling!("ngawa", "阿坝藏族羌族自治州", "Ngawa Tibetan and Qiang Autonomous Prefecture", "阿坝", "Ngawa", Prefecture, 7.97, 7.59, 0.38),
];

/// 表4 2010年—2021年四川省、凉山州人均GDP表 (10,000 yuan; ratio in %).
pub const TABLE4_AT: Loc = at(1, 2, Item::Table(4));
pub const TABLE4_TITLE: Text = Text::new("2010年—2021年四川省、凉山州人均GDP", "GDP per capita, Liangshan and Sichuan, 2010-2021");

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct GdpRow {
    pub year: u16,
    /// 万元 per person.
    pub liangshan: Num,
    pub sichuan: Num,
    /// Liangshan as a percentage of Sichuan.
    pub ratio: Num,
}

macro_rules! gdp {
    ($y:literal, $l:literal, $s:literal, $r:literal) => {
        GdpRow { year: $y, liangshan: num!($l), sichuan: num!($s), ratio: num!($r) }
    };
}

#[rustfmt::skip]
pub const TABLE4: [GdpRow; 12] = [
    gdp!(2010, 1.73, 2.12, 81.60),
    gdp!(2011, 2.09, 2.61, 80.08),
    gdp!(2012, 2.29, 2.96, 77.36),
    gdp!(2013, 2.50, 3.28, 76.22),
    gdp!(2014, 2.71, 3.56, 76.12),
    gdp!(2015, 2.83, 3.72, 76.08),
    gdp!(2016, 2.91, 4.03, 72.21),
    gdp!(2017, 3.04, 4.58, 66.38),
    gdp!(2018, 3.24, 5.17, 62.67),
    gdp!(2019, 3.46, 5.56, 62.23),
    gdp!(2020, 3.57, 5.80, 61.55),
    gdp!(2021, 3.91, 6.43, 60.81),
];

/// The figures 图1-图3 of the plan. Their images are not in the published
/// text, only their titles; the data they show comes from the text and
/// tables (and, for 图3's county rates, is not published at all).
pub const FIGURES: [(Item, Loc, Text); 3] = [
    (
        Item::Figure(1),
        at(1, 1, Item::Figure(1)),
        Text::new(
            "“六普”至“七普”以来凉山州常住人口、户籍人口变化图",
            "Resident and registered population of Liangshan, 2010 to 2020 censuses",
        ),
    ),
    (
        Item::Figure(2),
        at(1, 2, Item::Figure(2)),
        Text::new("“七普”凉山州常住人口分布密度图", "Population density of Liangshan, 2020 census"),
    ),
    (
        Item::Figure(3),
        at(1, 3, Item::Figure(3)),
        Text::new("2020年凉山州各县（市）常住人口城镇化率图", "Urbanisation rate of Liangshan's counties, 2020"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_rows_of_table2_are_the_province_and_liangshan() {
        assert_eq!(TABLE2[TABLE2_SICHUAN].kind, AreaKind::Province);
        assert_eq!(TABLE2[TABLE2_LIANGSHAN].id, "liangshan");
    }
}
