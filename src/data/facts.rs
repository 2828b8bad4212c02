//! Figures stated in the plan's running text (not in its tables).
//!
//! Each fact keeps the phrase it was printed in (`quote`), copied from the
//! plan; a test checks that every quote stands in the plan and contains the
//! figure, so a transcription error cannot go unnoticed.

use serde::Serialize;

use super::{sec, Loc, Unit};
use crate::i18n::Text;
use crate::num;
use crate::num::Num;

/// A figure stated in the plan's text.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Fact {
    pub id: &'static str,
    pub name: Text,
    /// The year the figure refers to, where it refers to one.
    pub year: Option<u16>,
    pub value: Num,
    pub unit: Unit,
    /// The plan says "about" (左右) or "nearly" (近): not a rounded figure.
    pub approximate: bool,
    pub at: Loc,
    /// The phrase of the plan the figure is printed in.
    pub quote: &'static str,
}

const S1: Loc = sec(1, 1);
const S2: Loc = sec(1, 2);
const S3: Loc = sec(1, 3);

macro_rules! fact {
    ($id:literal, $zh:literal, $en:literal, $year:expr, $v:literal, $unit:ident, $at:expr, $quote:literal) => {
        Fact {
            id: $id,
            name: Text::new($zh, $en),
            year: $year,
            value: num!($v),
            unit: Unit::$unit,
            approximate: false,
            at: $at,
            quote: $quote,
        }
    };
    (~ $id:literal, $zh:literal, $en:literal, $year:expr, $v:literal, $unit:ident, $at:expr, $quote:literal) => {
        Fact { approximate: true, ..fact!($id, $zh, $en, $year, $v, $unit, $at, $quote) }
    };
}

/// Every figure of the plan's text that a reader could want to see or check.
#[rustfmt::skip]
pub const FACTS: &[Fact] = &[
    // 第一章 第一节 人口现状
    fact!("resident_pop_2020", "常住人口", "Resident population", Some(2020), 485.8, TenThousandPersons, S1, "全州常住人口485.8万人"),
    fact!("registered_pop_2020", "户籍人口", "Registered (hukou) population", Some(2020), 533.1, TenThousandPersons, S1, "户籍人口533.1万人"),
    fact!("resident_pop_change_2010_2020", "常住人口较2010年增加", "Resident population, increase since 2010", None, 32.5, TenThousandPersons, S1, "分别较2010年增加32.5万人、54.2万人"),
    fact!("registered_pop_change_2010_2020", "户籍人口较2010年增加", "Registered population, increase since 2010", None, 54.2, TenThousandPersons, S1, "分别较2010年增加32.5万人、54.2万人"),
    fact!("share_of_sichuan_2010", "常住人口占全省比重", "Share of Sichuan's resident population", Some(2010), 5.64, Percent, S1, "常住人口占全省比重由2010年的5.64%"),
    fact!("share_of_sichuan_2020", "常住人口占全省比重", "Share of Sichuan's resident population", Some(2020), 5.81, Percent, S1, "上升至2020年的5.81%"),
    fact!("share_60plus_2020", "60岁及以上人口比重", "Share aged 60 and over", Some(2020), 12.44, Percent, S1, "全州60岁及以上人口比重为12.44%"),
    fact!("share_60plus_rise_2010_2020", "60岁及以上人口比重较2010年上升", "Share aged 60+, rise since 2010", None, 2.04, PercentagePoints, S1, "较2010年上升2.04个百分点"),
    fact!("share_60plus_rise_below_sichuan", "60岁及以上人口比重上升幅度低于全省", "Rise of the 60+ share, below Sichuan's rise by", None, 3.37, PercentagePoints, S1, "较全省上升幅度低3.37个百分点"),
    fact!("share_0_14_2020", "0—14岁人口比重", "Share aged 0-14", Some(2020), 27.64, Percent, S1, "0—14岁人口比重为27.64%"),
    fact!("share_0_14_rise_2010_2020", "0—14岁人口比重较2010年上升", "Share aged 0-14, rise since 2010", None, 0.31, PercentagePoints, S1, "较2010年上升0.31个百分点"),
    fact!("sex_ratio_2010", "人口性别比", "Sex ratio of the population", Some(2010), 107.09, SexRatio, S1, "人口性别比由2010年的107.09"),
    fact!("sex_ratio_2020", "人口性别比", "Sex ratio of the population", Some(2020), 104.65, SexRatio, S1, "下降为104.65"),
    fact!("household_size_2020", "家庭户均人口", "Persons per family household", Some(2020), 3.25, PersonsPerHousehold, S1, "家庭户均人口为3.25人"),
    fact!("household_size_fall_2010_2020", "家庭户均人口比2010年减少", "Persons per household, fall since 2010", None, 0.47, PersonsPerHousehold, S1, "比2010年减少0.47人"),
    fact!("minority_share_2010", "少数民族人口占比", "Share of ethnic minorities", Some(2010), 52.45, Percent, S1, "少数民族人口占比由2010年的52.45%"),
    fact!("minority_share_2020", "少数民族人口占比", "Share of ethnic minorities", Some(2020), 55.38, Percent, S1, "上升至55.38%"),
    fact!("maternal_mortality_2010", "孕产妇死亡率", "Maternal mortality ratio", Some(2010), 66.72, Per100kBirths, S1, "孕产妇死亡率由2010年的66.72/10万"),
    fact!("maternal_mortality_2020", "孕产妇死亡率", "Maternal mortality ratio", Some(2020), 13.85, Per100kBirths, S1, "下降至2020年的13.85/10万"),
    fact!("infant_mortality_2010", "婴儿死亡率", "Infant mortality rate", Some(2010), 10.63, PerMille, S1, "婴儿死亡率由2010年的10.63‰"),
    fact!("infant_mortality_2020", "婴儿死亡率", "Infant mortality rate", Some(2020), 6.05, PerMille, S1, "下降至2020年的6.05‰"),
    fact!("life_expectancy_2010", "人均预期寿命", "Life expectancy at birth", Some(2010), 72.26, Years, S1, "人均预期寿命由2010年的72.26岁"),
    fact!("life_expectancy_2020", "人均预期寿命", "Life expectancy at birth", Some(2020), 75.04, Years, S1, "提高到2020年的75.04岁"),
    fact!("schooling_2020", "15岁及以上人口平均受教育年限", "Mean years of schooling, population 15+", Some(2020), 7.41, Years, S1, "15岁及以上人口的平均受教育年限达到7.41年"),
    fact!("schooling_rise_2010_2020", "平均受教育年限较2010年提高", "Mean years of schooling, rise since 2010", None, 1, Years, S1, "较2010年提高1年"),
    fact!("schooling_rise_rank", "受教育年限提高幅度全省排位（并列）", "Rank of that rise among Sichuan's 21 cities and prefectures (tied)", None, 3, Rank, S1, "提高幅度全省并列第3位"),
    fact!("urban_pop_2020", "城镇人口", "Urban population", Some(2020), 179.56, TenThousandPersons, S1, "城镇人口为179.56万人"),
    fact!("urbanisation_2020", "常住人口城镇化率", "Urbanisation rate (resident population)", Some(2020), 36.96, Percent, S1, "城镇化率为36.96%"),
    fact!("urbanisation_rise_2010_2020", "城镇化率较2010年提高", "Urbanisation rate, rise since 2010", None, 9.44, PercentagePoints, S1, "较2010年提高9.44个百分点"),
    fact!("counties_urbanisation_over_40", "城镇化率在40%以上的县（市）", "Counties with an urbanisation rate above 40%", Some(2020), 4, Counties, S1, "城镇化率在40%以上的有4个县（市）"),
    fact!("xichang_urbanisation_2020", "西昌市城镇化率", "Urbanisation rate of Xichang", Some(2020), 66.63, Percent, S1, "其中西昌市达到66.63%"),
    fact!("counties_over_900k", "常住人口超过90万人的县（市）", "Counties with more than 900,000 residents", Some(2020), 1, Counties, S1, "常住人口超过90万人的县（市）有1个"),
    fact!("counties_300k_400k", "常住人口30万至40万人的县", "Counties with 300,000-400,000 residents", Some(2020), 5, Counties, S1, "常住人口在30万人至40万人之间的有5个"),
    fact!("counties_200k_300k", "常住人口20万至30万人的县", "Counties with 200,000-300,000 residents", Some(2020), 5, Counties, S1, "20万人至30万人之间的有5个"),
    fact!("counties_100k_200k", "常住人口10万至20万人的县", "Counties with 100,000-200,000 residents", Some(2020), 6, Counties, S1, "10万人至20万人之间的有6个"),
    // 第一章 第二节 趋势特征
    fact!(~ "births_per_year", "近年每年出生人口", "Births per year in recent years", None, 7, TenThousandPersons, S2, "我州每年出生人口在7万人左右"),
    fact!(~ "natural_growth_rate", "自然增长率", "Rate of natural increase", None, 10, PerMille, S2, "自然增长率稳定在10‰左右"),
    fact!("share_10_14_2020", "10—14岁少儿人口占比", "Share aged 10-14", Some(2020), 9.5, Percent, S2, "我州10—14岁少儿人口占比9.5%"),
    fact!("share_10_14_above_sichuan", "10—14岁人口占比高于全省", "Share aged 10-14, above Sichuan's by", Some(2020), 3.75, PercentagePoints, S2, "高于全省3.75个百分点"),
    fact!("share_55_59_2020", "55—59岁人口占比", "Share aged 55-59", Some(2020), 4.84, Percent, S2, "55—59岁人口占比4.84%"),
    fact!("share_55_59_below_sichuan", "55—59岁人口占比低于全省", "Share aged 55-59, below Sichuan's by", Some(2020), 2.35, PercentagePoints, S2, "低于全省2.35个百分点"),
    fact!("gdp_per_capita_vs_sichuan", "人均GDP相当于全省平均水平", "GDP per capita as a share of Sichuan's", None, 60.65, Percent, S2, "人均GDP只有全省平均水平的60.65%"),
    fact!("gdp_per_capita_ratio_fall_since_2010", "人均GDP比例较2010年下降", "That share, fall since 2010", None, 20.95, PercentagePoints, S2, "较2010年下降了20.95个百分点"),
    fact!("inflow_other_provinces", "跨省流入人口", "Migrants from other provinces", Some(2020), 55316, Persons, S2, "跨省流入人口为55316人"),
    fact!("mobile_within_sichuan", "省内流动人口", "Migrants within Sichuan", Some(2020), 1210287, Persons, S2, "省内流动人口为1210287人"),
    fact!("top_five_counties_share", "常住人口前五位县（市）合计占比", "Combined share of the five most populous counties", Some(2020), 49.43, Percent, S2, "合计占全州常住人口比重为49.43%"),
    // 第一章 第三节 问题挑战
    fact!("counties_60plus_over_10", "60岁及以上人口占比超过10%的县（市）", "Counties where more than 10% are aged 60+", Some(2020), 8, Counties, S3, "全州60岁及以上人口占比超过10%的县（市）共有8个"),
    fact!("anning_counties_60plus_over_10", "其中安宁河流域县（市）", "of which in the Anning river basin", Some(2020), 7, Counties, S3, "其中7个属于安宁河流域县（市）"),
    fact!("counties_cbr_under_15", "人口出生率低于15‰的县（市）", "Counties with a crude birth rate below 15‰", Some(2020), 6, Counties, S3, "人口出生率低于15‰的县（市）共有6个"),
    fact!("anning_counties", "安宁河流域县（市）", "Counties of the Anning river basin", None, 8, Counties, S3, "其中安宁河流域8个县（市）中就占5个"),
    fact!("key_assistance_counties", "乡村振兴重点帮扶县", "Key counties for rural revitalisation support", None, 11, Counties, super::sec(3, 2), "11 个乡村振兴重点帮扶县"),
    fact!("anning_counties_cbr_under_15", "其中安宁河流域县（市）", "of which in the Anning river basin", Some(2020), 5, Counties, S3, "其中安宁河流域8个县（市）中就占5个"),
    fact!("schooling_2010", "15岁及以上人口平均受教育年限", "Mean years of schooling, population 15+", Some(2010), 6.41, Years, S3, "平均受教育年限由6.41年提高至7.41年"),
    fact!("schooling_sichuan_2010", "全省平均受教育年限", "Mean years of schooling, Sichuan", Some(2010), 8.35, Years, S3, "由8.35年延长至9.24年"),
    fact!("schooling_sichuan_2020", "全省平均受教育年限", "Mean years of schooling, Sichuan", Some(2020), 9.24, Years, S3, "由8.35年延长至9.24年"),
    fact!("schooling_gap_to_sichuan_2010", "与10年前全省平均水平相差", "Gap to Sichuan's level of ten years earlier", None, 0.94, Years, S3, "与10年前的全省平均水平仍相差0.94年"),
    fact!("university_per_100k_2020", "每10万人中大学文化程度人口", "Persons with university education per 100,000", Some(2020), 6776, Per100kPersons, S3, "拥有大学（大专及以上）文化程度的人口为6776人/10万人"),
    fact!("university_vs_sichuan", "大学文化程度人口相当于全省平均水平", "That figure as a share of Sichuan's", Some(2020), 51.07, Percent, S3, "仅为全省平均水平的51.07%"),
    fact!("university_rank", "大学文化程度人口全省排位", "Rank among Sichuan's 21 cities and prefectures", Some(2020), 19, Rank, S3, "在全省仅排第19位"),
    fact!(~ "urbanisation_rise_decade", "10年间城镇化率上升", "Rise of the urbanisation rate in ten years (nearly)", None, 10, PercentagePoints, S3, "10年间上升近10个百分点"),
    fact!(~ "urbanisation_gap_to_sichuan", "城镇化率低于全省", "Urbanisation rate, below Sichuan's by (nearly)", Some(2020), 20, PercentagePoints, S3, "较全省平均水平仍然低近20个百分点"),
    fact!("counties_urbanisation_above_mean", "城镇化率超过全州平均水平的县（市）", "Counties with an urbanisation rate above the prefecture's", Some(2020), 5, Counties, S3, "仅西昌、德昌、会理、会东、冕宁5县（市）城镇化率超过全州平均水平"),
    fact!("separated_from_hukou_2020", "人户分离人口", "Persons living away from their place of registration", Some(2020), 1265603, Persons, S3, "人户分离人口为1265603人"),
    fact!("separated_from_hukou_rise", "人户分离人口较2010年增加", "Increase since 2010", None, 661722, Persons, S3, "人户分离人口增加661722人"),
    fact!("separated_from_hukou_growth", "人户分离人口增长", "Growth since 2010", None, 109.58, Percent, S3, "增长109.58%"),
];

/// A fact by id. Ids are fixed at compile time; tests check each id the
/// code asks for exists, so a missing one is a bug, reported as `None`.
pub fn fact(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.id == id)
}

/// A fact the code needs: its absence is missing data, named.
pub fn required(id: &str) -> Result<&'static Fact, crate::error::Error> {
    fact(id).ok_or_else(|| crate::error::missing_data(id))
}

/// The plan's own forecasts, stated in its text; the projection holds them to
/// account.
/// A forecast of the plan's text, in the order of [`FORECASTS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ForecastId {
    WorkingAgeShareExceedsSichuan,
    Share60PlusExceeds20,
}

impl ForecastId {
    pub fn slug(self) -> &'static str {
        match self {
            ForecastId::WorkingAgeShareExceedsSichuan => "working_age_share_exceeds_sichuan",
            ForecastId::Share60PlusExceeds20 => "share_60plus_exceeds_20",
        }
    }

    pub fn forecast(self) -> &'static Forecast {
        &FORECASTS[self as usize]
    }
}

serde_by_slug!(ForecastId);

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Forecast {
    pub id: ForecastId,
    pub claim: Text,
    pub year: u16,
    /// The figure the forecast names, where it names one (20% aged 60+).
    pub threshold: Option<Num>,
    pub at: Loc,
    pub quote: &'static str,
}

pub const FORECASTS: &[Forecast] = &[
    Forecast {
        id: ForecastId::WorkingAgeShareExceedsSichuan,
        claim: Text::new(
            "到2028年前后，15—59岁劳动年龄人口占比将超过全省平均水平",
            "Around 2028 the share aged 15-59 will exceed Sichuan's average",
        ),
        year: 2028,
        threshold: None,
        at: S2,
        quote: "预计到2028年前后，我州15—59岁总劳动人口占比将超过全省平均水平",
    },
    Forecast {
        id: ForecastId::Share60PlusExceeds20,
        claim: Text::new(
            "2030年60岁及以上人口占比将超过20%，进入中度老龄化社会",
            "In 2030 the share aged 60+ will exceed 20% (moderately aged society)",
        ),
        year: 2030,
        threshold: Some(num!(20)),
        at: S2,
        quote: "预计2030年60岁及以上人口占比将超过20%，进入中度老龄化社会",
    },
];
