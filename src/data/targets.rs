//! The plan's targets: 专栏1 主要发展指标, the goals of 第二章第三节, and the
//! numeric targets of later chapters (city sizes, childcare places, ...).

use serde::Serialize;

use super::{at, sec, Item, Loc, Unit};
use crate::i18n::Text;
use crate::num;
use crate::num::Num;

/// 属性: whether a target is indicative or binding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 预期性: indicative.
    Expected,
    /// 约束性: binding.
    Binding,
    /// The plan does not say (targets in the running text).
    NotStated,
}

impl Kind {
    pub fn label(self) -> Text {
        match self {
            Kind::Expected => Text::new("预期性", "indicative"),
            Kind::Binding => Text::new("约束性", "binding"),
            Kind::NotStated => Text::new("未标注", "not stated"),
        }
    }
}

/// What a target asks for.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Goal {
    /// A value to reach (专栏1 prints a plain number).
    Reach(Num),
    AtLeast(Num),
    /// Strictly more than (专栏1 ">1.6").
    Above(Num),
    About(Num),
    /// 保持稳定.
    KeepStable,
    /// 达到全省平均水平.
    ReachSichuanAverage,
    /// 不超过全省平均水平.
    NotAboveSichuanAverage,
    /// 应保尽保: everyone who should be insured is.
    UniversalCoverage,
    /// 县级全覆盖: every county covered.
    EveryCounty,
    /// An annual increase of at least this much.
    AnnualRiseAtLeast(Num),
}

/// A target of the plan: a small typed id, in the order of [`TARGETS`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetId {
    ResidentPop2030,
    Tfr2030,
    Srb,
    LifeExpectancy2025,
    LifeExpectancy2030,
    Schooling2030,
    Urbanisation2025,
    Urbanisation2030,
    PensionInsurance,
    MedicalInsurance,
    Tfr2030Text,
    Share60plus2030,
    UrbanisationAnnualRise,
    XichangUrbanDistrictPop,
    HuiliUrbanDistrictPop,
    ChildcarePlacesNewAreas,
    ChildcarePlacesOldAreas,
    ChildcarePlacesUnder3,
    DisabilityRehabCoverage,
}

impl TargetId {
    /// Every target, in the order of [`TARGETS`].
    pub const ALL: [TargetId; 19] = [
        TargetId::ResidentPop2030,
        TargetId::Tfr2030,
        TargetId::Srb,
        TargetId::LifeExpectancy2025,
        TargetId::LifeExpectancy2030,
        TargetId::Schooling2030,
        TargetId::Urbanisation2025,
        TargetId::Urbanisation2030,
        TargetId::PensionInsurance,
        TargetId::MedicalInsurance,
        TargetId::Tfr2030Text,
        TargetId::Share60plus2030,
        TargetId::UrbanisationAnnualRise,
        TargetId::XichangUrbanDistrictPop,
        TargetId::HuiliUrbanDistrictPop,
        TargetId::ChildcarePlacesNewAreas,
        TargetId::ChildcarePlacesOldAreas,
        TargetId::ChildcarePlacesUnder3,
        TargetId::DisabilityRehabCoverage,
    ];

    /// Its name in the JSON the page and the command line read.
    pub fn slug(self) -> &'static str {
        match self {
            TargetId::ResidentPop2030 => "resident_pop_2030",
            TargetId::Tfr2030 => "tfr_2030",
            TargetId::Srb => "srb",
            TargetId::LifeExpectancy2025 => "life_expectancy_2025",
            TargetId::LifeExpectancy2030 => "life_expectancy_2030",
            TargetId::Schooling2030 => "schooling_2030",
            TargetId::Urbanisation2025 => "urbanisation_2025",
            TargetId::Urbanisation2030 => "urbanisation_2030",
            TargetId::PensionInsurance => "pension_insurance",
            TargetId::MedicalInsurance => "medical_insurance",
            TargetId::Tfr2030Text => "tfr_2030_text",
            TargetId::Share60plus2030 => "share_60plus_2030",
            TargetId::UrbanisationAnnualRise => "urbanisation_annual_rise",
            TargetId::XichangUrbanDistrictPop => "xichang_urban_district_pop",
            TargetId::HuiliUrbanDistrictPop => "huili_urban_district_pop",
            TargetId::ChildcarePlacesNewAreas => "childcare_places_new_areas",
            TargetId::ChildcarePlacesOldAreas => "childcare_places_old_areas",
            TargetId::ChildcarePlacesUnder3 => "childcare_places_under3",
            TargetId::DisabilityRehabCoverage => "disability_rehab_coverage",
        }
    }

    /// The target itself.
    pub fn target(self) -> &'static Target {
        &TARGETS[self as usize]
    }
}

serde_by_slug!(TargetId);

#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Target {
    pub id: TargetId,
    pub name: Text,
    pub unit: Unit,
    /// The years the goal is for; empty where the plan gives none.
    pub years: &'static [u16],
    pub goal: Goal,
    /// The 2020 value the plan prints beside the target, if any.
    pub baseline_2020: Option<Num>,
    pub kind: Kind,
    pub at: Loc,
    /// What a careful reader should know (a unit misprint, an inconsistency).
    pub note: Option<Text>,
}

const BOX1: Loc = at(2, 3, Item::Box(1));
const GOALS: Loc = sec(2, 3);

/// Every target of the plan, 专栏1 first.
pub const TARGETS: &[Target] = &[
    // 专栏1 主要发展指标
    Target {
        id: TargetId::ResidentPop2030,
        name: Text::new("常住人口", "Resident population"),
        unit: Unit::TenThousandPersons,
        years: &[2030],
        goal: Goal::Reach(num!(500)),
        baseline_2020: Some(num!(486)),
        kind: Kind::Expected,
        at: BOX1,
        note: Some(Text::new("2025年未设目标（专栏1为“-”）。", "No target for 2025 (printed “-”).")),
    },
    Target {
        id: TargetId::Tfr2030,
        name: Text::new("总和生育率", "Total fertility rate"),
        unit: Unit::ChildrenPerWoman,
        years: &[2030],
        goal: Goal::Above(num!(1.6)),
        baseline_2020: None,
        kind: Kind::Expected,
        at: BOX1,
        note: Some(Text::new(
            "专栏1和正文的单位均印为“%”，总和生育率应以“孩次/妇女”计；正文为“1.6左右”，专栏1为“>1.6”。规划未公布2020年值。",
            "Printed with the unit “%” in Box 1 and in the text; a total fertility rate is in children per woman. The text says “about 1.6”, Box 1 “>1.6”. No 2020 value is published.",
        )),
    },
    Target {
        id: TargetId::Srb,
        name: Text::new("出生人口性别比", "Sex ratio at birth"),
        unit: Unit::SexRatio,
        years: &[2025, 2030],
        goal: Goal::KeepStable,
        baseline_2020: Some(num!(104.65)),
        kind: Kind::Expected,
        at: BOX1,
        note: Some(Text::new(
            "专栏1所列2020年值104.65与第一章的总人口性别比相同，并非出生人口性别比。",
            "The 2020 value 104.65 in Box 1 is the sex ratio of the whole population given in chapter 1, not a sex ratio at birth.",
        )),
    },
    Target {
        id: TargetId::LifeExpectancy2025,
        name: Text::new("人均预期寿命", "Life expectancy at birth"),
        unit: Unit::Years,
        years: &[2025],
        goal: Goal::Reach(num!(77.1)),
        baseline_2020: Some(num!(75.04)),
        kind: Kind::Expected,
        at: BOX1,
        note: None,
    },
    Target {
        id: TargetId::LifeExpectancy2030,
        name: Text::new("人均预期寿命", "Life expectancy at birth"),
        unit: Unit::Years,
        years: &[2030],
        goal: Goal::Reach(num!(78)),
        baseline_2020: Some(num!(75.04)),
        kind: Kind::Expected,
        at: BOX1,
        note: None,
    },
    Target {
        id: TargetId::Schooling2030,
        name: Text::new("15岁及以上人口的平均受教育年限", "Mean years of schooling, population 15+"),
        unit: Unit::Years,
        years: &[2030],
        goal: Goal::ReachSichuanAverage,
        baseline_2020: Some(num!(7.41)),
        kind: Kind::Expected,
        at: BOX1,
        note: None,
    },
    Target {
        id: TargetId::Urbanisation2025,
        name: Text::new("常住人口城镇化率", "Urbanisation rate"),
        unit: Unit::Percent,
        years: &[2025],
        goal: Goal::Reach(num!(46)),
        baseline_2020: Some(num!(36.96)),
        kind: Kind::Expected,
        at: BOX1,
        note: None,
    },
    Target {
        id: TargetId::Urbanisation2030,
        name: Text::new("常住人口城镇化率", "Urbanisation rate"),
        unit: Unit::Percent,
        years: &[2030],
        goal: Goal::Reach(num!(50)),
        baseline_2020: Some(num!(36.96)),
        kind: Kind::Expected,
        at: BOX1,
        note: None,
    },
    Target {
        id: TargetId::PensionInsurance,
        name: Text::new("基本养老保险参保率", "Basic pension insurance coverage"),
        unit: Unit::Percent,
        years: &[2025, 2030],
        goal: Goal::UniversalCoverage,
        baseline_2020: Some(num!(91.5)),
        kind: Kind::Binding,
        at: BOX1,
        note: Some(Text::new("2025年和2030年均为“应保尽保”。", "“Everyone eligible insured” for both 2025 and 2030.")),
    },
    Target {
        id: TargetId::MedicalInsurance,
        name: Text::new("基本医疗保险参保率", "Basic medical insurance coverage"),
        unit: Unit::Percent,
        years: &[2025, 2030],
        goal: Goal::UniversalCoverage,
        baseline_2020: Some(num!(95)),
        kind: Kind::Binding,
        at: BOX1,
        note: Some(Text::new("2020年值印为“95左右”。2025年和2030年均为“应保尽保”。", "The 2020 value is printed “about 95”. “Everyone eligible insured” for both 2025 and 2030.")),
    },
    // 第二章第三节 发展目标 (running text)
    Target {
        id: TargetId::Tfr2030Text,
        name: Text::new("总和生育率（正文）", "Total fertility rate (text)"),
        unit: Unit::ChildrenPerWoman,
        years: &[2030],
        goal: Goal::About(num!(1.6)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: GOALS,
        note: Some(Text::new("原文：“总和生育率稳定在1.6%左右”。", "The text: “TFR stable at about 1.6%”.")),
    },
    Target {
        id: TargetId::Share60plus2030,
        name: Text::new("60岁及以上老年人口占比", "Share aged 60 and over"),
        unit: Unit::Percent,
        years: &[2030],
        goal: Goal::NotAboveSichuanAverage,
        baseline_2020: Some(num!(12.44)),
        kind: Kind::NotStated,
        at: GOALS,
        note: None,
    },
    Target {
        id: TargetId::UrbanisationAnnualRise,
        name: Text::new("常住人口城镇化率年均增加", "Annual rise of the urbanisation rate"),
        unit: Unit::PercentagePoints,
        years: &[],
        goal: Goal::AnnualRiseAtLeast(num!(1)),
        baseline_2020: Some(num!(36.96)),
        kind: Kind::NotStated,
        at: GOALS,
        note: None,
    },
    // 第三章第一节: city sizes (城区常住人口, the urban district, not the whole city)
    Target {
        id: TargetId::XichangUrbanDistrictPop,
        name: Text::new("西昌市城区常住人口（中等城市）", "Xichang, residents of the urban district (medium-sized city)"),
        unit: Unit::TenThousandPersons,
        years: &[],
        goal: Goal::Reach(num!(100)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: sec(3, 1),
        note: None,
    },
    Target {
        id: TargetId::HuiliUrbanDistrictPop,
        name: Text::new("会理等区域中心城市城区常住人口（Ⅰ型小城市）", "Huili and other regional centres, urban district residents (type I small city)"),
        unit: Unit::TenThousandPersons,
        years: &[],
        goal: Goal::AtLeast(num!(20)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: sec(3, 1),
        note: Some(Text::new(
            "其他骨干县城建成Ⅱ型小城市，规划未给人数。",
            "Other county seats are to become type II small cities; no number is given.",
        )),
    },
    // 第四章第三节 and 专栏2: childcare places
    Target {
        id: TargetId::ChildcarePlacesNewAreas,
        name: Text::new("新建居住区托位", "Childcare places in new residential areas"),
        unit: Unit::PlacesPer1000,
        years: &[],
        goal: Goal::AtLeast(num!(10)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: sec(4, 3),
        note: None,
    },
    Target {
        id: TargetId::ChildcarePlacesOldAreas,
        name: Text::new("老城区和已建成居住区托位", "Childcare places in old and existing residential areas"),
        unit: Unit::PlacesPer1000,
        years: &[],
        goal: Goal::AtLeast(num!(8)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: sec(4, 3),
        note: None,
    },
    Target {
        id: TargetId::ChildcarePlacesUnder3,
        name: Text::new("每千人口拥有3岁以下婴幼儿托位数", "Places for children under 3 per 1,000 population"),
        unit: Unit::PlacesPer1000,
        years: &[],
        goal: Goal::AtLeast(num!(4.5)),
        baseline_2020: None,
        kind: Kind::NotStated,
        at: at(4, 3, Item::Box(2)),
        note: None,
    },
    // 专栏5
    Target {
        id: TargetId::DisabilityRehabCoverage,
        name: Text::new("残疾人专业化康复和托养服务", "Professional rehabilitation and care for disabled persons"),
        unit: Unit::Counties,
        years: &[2030],
        goal: Goal::EveryCounty,
        baseline_2020: None,
        kind: Kind::NotStated,
        at: at(7, 4, Item::Box(5)),
        note: None,
    },
];

/// The quote of the plan each target rests on; a test checks each stands in
/// the plan. Targets of 专栏1 are checked row by row instead.
pub const TEXT_TARGET_QUOTES: &[(TargetId, &str)] = &[
    (TargetId::Tfr2030Text, "总和生育率稳定在1.6%左右"),
    (TargetId::Share60plus2030, "到2030年60岁及以上老年人口占比不超过全省平均水平"),
    (TargetId::UrbanisationAnnualRise, "常住人口城镇化率年均增加1个百分点以上"),
    (TargetId::XichangUrbanDistrictPop, "努力建成城区常住人口100万的中等城市"),
    (TargetId::HuiliUrbanDistrictPop, "建成城区常住人口20万以上的Ⅰ型小城市"),
    (TargetId::ChildcarePlacesNewAreas, "新建居住区按照每千人口不少于10个托位"),
    (TargetId::ChildcarePlacesOldAreas, "按照每千人口不少于8个托位"),
    (TargetId::ChildcarePlacesUnder3, "保持每千人口拥有3岁以下婴儿托位数达到4.5张以上"),
    (TargetId::DisabilityRehabCoverage, "到2030 年，残疾人专业化康复和托养服务实现县级全覆盖"),
    (TargetId::LifeExpectancy2030, "人均预期寿命提高到78岁"),
    (TargetId::Schooling2030, "15岁及以上人口的平均受教育年限达全省平均水平"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_names_its_own_row() {
        assert_eq!(TARGETS.len(), TargetId::ALL.len());
        for id in TargetId::ALL {
            assert_eq!(id.target().id, id);
        }
    }
}
