//! Liangshan's 17 counties and county-level cities (县(市)): 表3 and 表5 of the
//! plan, and the groups the plan names them in.
//!
//! Group membership (the Anning river basin, the 11 counties of the rural
//! revitalisation programme, ...) is data, each list citing where the plan
//! states it, so that the audit can compare the lists with each other.

use serde::Serialize;

use super::{at, sec, Item, Loc};
use crate::i18n::Text;
use crate::num;
use crate::num::Num;

pub const TABLE3_AT: Loc = at(1, 1, Item::Table(3));
pub const TABLE3_TITLE: Text = Text::new(
    "凉山州各县（市）常住人口变化表",
    "Resident population of Liangshan's counties, 2020, and change of each county's share since 2010",
);
pub const TABLE5_AT: Loc = at(1, 3, Item::Table(5));
pub const TABLE5_NOTE_AT: Loc = at(1, 3, Item::TableNote(5));
pub const TABLE5_TITLE: Text = Text::new(
    "凉山州各县（市）2020年人口出生率；“七普”60岁及以上人口占比、少数民族人口占比",
    "Crude birth rate (2020), share aged 60+ and share of ethnic minorities (2020 census) by county",
);

/// How 表5 groups a county.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Table5Group {
    /// 安宁河流域县(市)
    AnningBasin,
    /// 其他区域县
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CountyKind {
    /// 市: county-level city.
    City,
    /// 县
    County,
    /// 自治县
    AutonomousCounty,
}

/// One county with its rows of 表3 and 表5.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct County {
    pub id: &'static str,
    /// Full name: 西昌市 / Xichang City.
    pub name: Text,
    /// Name without the administrative suffix: 西昌 / Xichang.
    pub short: Text,
    pub kind: CountyKind,
    /// 表3 序号.
    pub table3_no: u8,
    /// 表3: resident population, 2020 census, 万人.
    pub pop_2020: Num,
    /// 表3: share of the prefecture's residents, 2020, %.
    pub share_2020: Num,
    /// 表3: share of the prefecture's residents, 2010, %.
    pub share_2010: Num,
    /// 表3 增长/减少: change of the share, percentage points.
    pub share_change: Num,
    /// 表5: crude birth rate 2020, ‰.
    pub cbr_2020: Num,
    /// 表5: share aged 60 and over, 2020 census, %.
    pub share_60plus_2020: Num,
    /// 表5: share of ethnic minorities, 2020 census, %.
    pub minority_share_2020: Num,
    /// 表5: the group it is printed under.
    pub table5_group: Table5Group,
}

macro_rules! county {
    ($no:literal, $id:literal, $zh:literal, $en:literal, $szh:literal, $sen:literal, $kind:ident,
     $pop:literal, $s20:literal, $s10:literal, $chg:literal,
     $cbr:literal, $s60:literal, $min:literal, $g:ident) => {
        County {
            id: $id,
            name: Text::new($zh, $en),
            short: Text::new($szh, $sen),
            kind: CountyKind::$kind,
            table3_no: $no,
            pop_2020: num!($pop),
            share_2020: num!($s20),
            share_2010: num!($s10),
            share_change: num!($chg),
            cbr_2020: num!($cbr),
            share_60plus_2020: num!($s60),
            minority_share_2020: num!($min),
            table5_group: Table5Group::$g,
        }
    };
}

/// The 17 counties in the order of 表3.
#[rustfmt::skip]
pub const COUNTIES: [County; 17] = [
    county!(1, "xichang", "西昌市", "Xichang City", "西昌", "Xichang", City, 95.50, 19.66, 15.72, 3.94, 9.29, 14.73, 33.64, AnningBasin),
    county!(2, "muli", "木里藏族自治县", "Muli Tibetan Autonomous County", "木里", "Muli", AutonomousCounty, 12.29, 2.53, 2.91, -0.38, 12.38, 11.52, 80.73, Other),
    county!(3, "yanyuan", "盐源县", "Yanyuan County", "盐源", "Yanyuan", County, 34.09, 7.02, 7.73, -0.71, 18.13, 12.17, 61.76, AnningBasin),
    county!(4, "dechang", "德昌县", "Dechang County", "德昌", "Dechang", County, 21.65, 4.46, 4.73, -0.27, 13.23, 14.90, 35.65, AnningBasin),
    county!(5, "huili", "会理市", "Huili City", "会理", "Huili", City, 39.05, 8.04, 9.49, -1.45, 12.96, 18.59, 17.67, AnningBasin),
    county!(6, "huidong", "会东县", "Huidong County", "会东", "Huidong", County, 34.61, 7.12, 8.01, -0.89, 12.11, 16.78, 8.82, AnningBasin),
    county!(7, "ningnan", "宁南县", "Ningnan County", "宁南", "Ningnan", County, 18.43, 3.79, 3.77, 0.02, 12.87, 14.96, 29.75, AnningBasin),
    county!(8, "puge", "普格县", "Puge County", "普格", "Puge", County, 18.01, 3.71, 3.44, 0.27, 16.29, 8.38, 85.47, Other),
    county!(9, "butuo", "布拖县", "Butuo County", "布拖", "Butuo", County, 18.58, 3.82, 3.53, 0.29, 23.72, 8.17, 95.89, Other),
    county!(10, "jinyang", "金阳县", "Jinyang County", "金阳", "Jinyang", County, 17.01, 3.50, 3.64, -0.14, 16.97, 8, 84.47, Other),
    county!(11, "zhaojue", "昭觉县", "Zhaojue County", "昭觉", "Zhaojue", County, 25.24, 5.20, 5.55, -0.35, 26.72, 7.82, 95.79, Other),
    county!(12, "xide", "喜德县", "Xide County", "喜德", "Xide", County, 15.81, 3.25, 3.66, -0.41, 31.55, 9.42, 89.01, AnningBasin),
    county!(13, "mianning", "冕宁县", "Mianning County", "冕宁", "Mianning", County, 36.92, 7.60, 7.75, -0.15, 20.35, 13.78, 47.69, AnningBasin),
    county!(14, "yuexi", "越西县", "Yuexi County", "越西", "Yuexi", County, 30.19, 6.21, 5.94, 0.31, 25.56, 9.59, 80.65, Other),
    county!(15, "ganluo", "甘洛县", "Ganluo County", "甘洛", "Ganluo", County, 20.60, 4.24, 4.30, -0.06, 26.33, 9.4, 81.26, Other),
    county!(16, "meigu", "美姑县", "Meigu County", "美姑", "Meigu", County, 23.86, 4.91, 4.89, 0.02, 25.51, 6.76, 97.93, Other),
    county!(17, "leibo", "雷波县", "Leibo County", "雷波", "Leibo", County, 24.01, 4.94, 4.94, 0, 19.37, 9.95, 62.17, Other),
];

/// One of the 17 counties, by its place in 表3: a small typed id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CountyId(u8);

impl CountyId {
    /// Every county, in the order of 表3.
    pub fn all() -> impl Iterator<Item = CountyId> {
        (0..COUNTIES.len() as u8).map(CountyId)
    }

    /// Its place in [`COUNTIES`] (表3's 序号 less one).
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub fn county(self) -> &'static County {
        &COUNTIES[self.index()]
    }

    /// Its URL name ([`County::id`], such as `xichang`).
    pub fn slug(self) -> &'static str {
        self.county().id
    }

    /// The county whose URL name is `slug`.
    pub fn from_slug(slug: &str) -> Option<CountyId> {
        COUNTIES.iter().position(|c| c.id == slug).map(|i| CountyId(i as u8))
    }
}

serde_by_slug!(CountyId);

impl County {
    /// Its typed id (表3 numbers the counties 1 to 17, in [`COUNTIES`]'s order).
    pub fn county_id(&self) -> CountyId {
        CountyId(self.table3_no - 1)
    }
}

pub const XICHANG: CountyId = CountyId(0);
pub const MULI: CountyId = CountyId(1);
pub const YANYUAN: CountyId = CountyId(2);
pub const DECHANG: CountyId = CountyId(3);
pub const HUILI: CountyId = CountyId(4);
pub const HUIDONG: CountyId = CountyId(5);
pub const NINGNAN: CountyId = CountyId(6);
pub const PUGE: CountyId = CountyId(7);
pub const BUTUO: CountyId = CountyId(8);
pub const JINYANG: CountyId = CountyId(9);
pub const ZHAOJUE: CountyId = CountyId(10);
pub const XIDE: CountyId = CountyId(11);
pub const MIANNING: CountyId = CountyId(12);
pub const YUEXI: CountyId = CountyId(13);
pub const GANLUO: CountyId = CountyId(14);
pub const MEIGU: CountyId = CountyId(15);
pub const LEIBO: CountyId = CountyId(16);

/// The prefecture, or one of its counties: what the explorer projects.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Region {
    #[default]
    Prefecture,
    County(CountyId),
}

/// The prefecture's name.
pub const LIANGSHAN: Text = Text::new("凉山州", "Liangshan");

impl Region {
    /// The prefecture, then every county in the order of 表3.
    pub fn all() -> impl Iterator<Item = Region> {
        std::iter::once(Region::Prefecture).chain(CountyId::all().map(Region::County))
    }

    /// Its name in URLs and files: `liangshan`, `xichang`, ...
    pub fn slug(self) -> &'static str {
        match self {
            Region::Prefecture => "liangshan",
            Region::County(c) => c.county().id,
        }
    }

    pub fn from_slug(slug: &str) -> Option<Region> {
        if slug == "liangshan" {
            return Some(Region::Prefecture);
        }
        CountyId::from_slug(slug).map(Region::County)
    }

    /// Its full name: 凉山州 / Liangshan, 西昌市 / Xichang City.
    pub fn name(self) -> Text {
        match self {
            Region::Prefecture => LIANGSHAN,
            Region::County(c) => c.county().name,
        }
    }

    /// Its resident population in the 2020 census.
    pub fn published_total(self) -> Result<f64, crate::error::Error> {
        match self {
            Region::Prefecture => Ok(super::external::census_fact("Liangshan", 2020, "resident_pop")?.value),
            Region::County(c) => Ok(c.county().pop_2020.value * 1e4),
        }
    }
}

serde_by_slug!(Region);

/// A set of counties the plan names, with where it names them.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CountyGroup {
    pub id: &'static str,
    pub name: Text,
    pub at: Loc,
    pub quote: &'static str,
    pub members: &'static [CountyId],
}

impl CountyGroup {
    pub fn contains(&self, county: CountyId) -> bool {
        self.members.contains(&county)
    }
}

/// 安宁河流域高质量发展区: the eight counties of the Anning river basin.
pub const ANNING_BASIN: CountyGroup = CountyGroup {
    id: "anning_basin",
    name: Text::new("安宁河流域", "Anning river basin"),
    at: sec(3, 2),
    quote: "安宁河流域高质量发展区（西昌市、会理市、德昌县、冕宁县、喜德县、会东县、宁南县、盐源县）",
    members: &[XICHANG, HUILI, DECHANG, MIANNING, XIDE, HUIDONG, NINGNAN, YANYUAN],
};

/// The 11 乡村振兴重点帮扶县 (key counties of rural revitalisation support).
pub const KEY_ASSISTANCE: CountyGroup = CountyGroup {
    id: "key_assistance",
    name: Text::new("乡村振兴重点帮扶县", "Key counties for rural revitalisation support"),
    at: sec(3, 2),
    quote: "11 个乡村振兴重点帮扶县（木里县、 盐源县、甘洛县、越西县、喜德县、美姑县、雷波县、昭觉县、普格县、布拖县、金阳县）",
    members: &[MULI, YANYUAN, GANLUO, YUEXI, XIDE, MEIGU, LEIBO, ZHAOJUE, PUGE, BUTUO, JINYANG],
};

/// The five most populous counties as the text lists them.
pub const TOP_FIVE: CountyGroup = CountyGroup {
    id: "top_five",
    name: Text::new("常住人口居前五位的县（市）", "The five most populous counties"),
    at: sec(1, 2),
    quote: "常住人口居前五位的是西昌市、会理市、冕宁县、会东县、盐源县",
    members: &[XICHANG, HUILI, MIANNING, HUIDONG, YANYUAN],
};

/// Counties whose 2020 urbanisation rate exceeds the prefecture's (36.96%).
/// Their rates themselves are not published.
pub const URBANISATION_ABOVE_MEAN: CountyGroup = CountyGroup {
    id: "urbanisation_above_mean",
    name: Text::new("城镇化率超过全州平均水平的县（市）", "Counties more urbanised than the prefecture"),
    at: sec(1, 3),
    quote: "仅西昌、德昌、会理、会东、冕宁5县（市）城镇化率超过全州平均水平",
    members: &[XICHANG, DECHANG, HUILI, HUIDONG, MIANNING],
};

/// Counties named as future regional centres (东、西、北部区域中心城市).
pub const REGIONAL_CENTRES: CountyGroup = CountyGroup {
    id: "regional_centres",
    name: Text::new("区域中心城市（规划建设）", "Planned regional centres"),
    at: sec(3, 2),
    quote: "推动昭觉、盐源、越西建设凉山东、西、北部区域中心城市",
    members: &[ZHAOJUE, YANYUAN, YUEXI],
};

pub const GROUPS: [&CountyGroup; 5] = [&ANNING_BASIN, &KEY_ASSISTANCE, &TOP_FIVE, &URBANISATION_ABOVE_MEAN, &REGIONAL_CENTRES];
