//! The words of the audit: what each check says the plan claims, how it
//! was recomputed, its verdict, the audit as a table, and the observations
//! beside the arithmetic. Every figure is formatted from the check's data.

use serde::Serialize;

use crate::charts::DataTable;
use crate::data::counties::{CountyId, ANNING_BASIN, COUNTIES, KEY_ASSISTANCE, TOP_FIVE, URBANISATION_ABOVE_MEAN};
use crate::data::external::CENSUS_FACTS_FILE;
use crate::data::facts::fact;
use crate::data::tables::{TABLE1, TABLE1_AT, TABLE2, TABLE4};
use crate::i18n::{fixed, list, Lang, Text};
use crate::indicators::audit::{
    Check, CheckKind, CountyClass, Observation, Shown, Table2Cell, Table3Column, Table5Column, Verdict, ABOUT, NEARLY,
};

pub fn verdict(v: Verdict) -> Text {
    match v {
        Verdict::Agrees => Text::new("一致", "agrees"),
        Verdict::Disagrees => Text::new("不一致", "disagrees"),
    }
}

/// zh and en of one sentence: the one the reader reads.
fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A count of persons in the reader's style: 1265603 / 1,265,603.
fn persons(x: f64, lang: Lang) -> String {
    fixed(x, 0, lang)
}

/// Short county names as a list: 西昌和德昌 / Xichang and Dechang.
fn shorts(ids: &[CountyId], lang: Lang) -> String {
    list(&ids.iter().map(|c| c.county().short.get(lang)).collect::<Vec<_>>(), lang)
}

/// The published side as shown.
pub fn shown(s: &Shown, lang: Lang) -> String {
    match (*s, lang) {
        (Shown::Printed { text }, _) => text.to_string(),
        // A figure of the text as the text would print it: plain digits.
        (Shown::Fixed { value, decimals }, _) => fixed(value, decimals, Lang::Zh),
        (Shown::Nearly { text }, Lang::Zh) => format!("近{text}"),
        (Shown::Nearly { text }, Lang::En) => format!("nearly {text}"),
        (Shown::AboutTenThousand { value }, Lang::Zh) => format!("{}万左右", value.text),
        (Shown::AboutTenThousand { value }, Lang::En) => format!("about {}", persons(value.value * 1e4, lang)),
        (Shown::AtLeast { text }, _) => format!("≥{text}"),
    }
}

/// "“近20”按19至20计" / "“nearly 20” read as 19 to 20".
fn nearly_read(text: &str, value: f64, lang: Lang) -> String {
    let lo = value - NEARLY;
    pick(lang, format!("“近{text}”按{lo}至{value}计"), format!("“nearly {text}” read as {lo} to {value}"))
}

fn table1_claim(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::Table1Share { year, group, .. } => {
            let g = TABLE1[*group].group.get(lang);
            pick(lang, format!("表1：{year}年{g}人口占比"), format!("Table 1: share aged {g} in {year}"))
        }
        CheckKind::Table1SharesSum { year } => {
            pick(lang, format!("表1：{year}年三组占比合计为100%"), format!("Table 1: the {year} shares add up to 100%"))
        }
        CheckKind::Table1TotalVsText { year, resident, change } => {
            let how = match change {
                None => pick(lang, format!("正文：常住人口{}万人", resident.text), format!("text: {} (10,000)", resident.text)),
                Some(c) => pick(
                    lang,
                    format!("正文：{}万人 − 增加{}万人", resident.text, c.text),
                    format!("text: {} minus the increase of {} (10,000)", resident.text, c.text),
                ),
            };
            pick(
                lang,
                format!("表1：{year}年各组人口数之和与正文常住人口一致（{how}）"),
                format!("Table 1: the {year} counts add up to the text's resident population ({how})"),
            )
        }
        CheckKind::Share0To14Rise { rise, .. } => pick(
            lang,
            format!("正文：0—14岁人口比重较2010年上升{}个百分点", rise.text),
            format!("Text: the share aged 0-14 rose {} points since 2010", rise.text),
        ),
        CheckKind::Table2Rise { row } => {
            let r = &TABLE2[*row];
            pick(lang, format!("表2：{}提高{}年", r.name.zh, r.rise.text), format!("Table 2: {} rose {} years", r.name.en, r.rise.text))
        }
        _ => return None,
    })
}

fn table3_claim(k: &CheckKind, lang: Lang) -> Option<String> {
    let n = COUNTIES.len();
    Some(match k {
        CheckKind::Table3Sum => pick(
            lang,
            format!("表3：{n}个县（市）人口之和等于全州常住人口（表1合计）"),
            format!("Table 3: the {n} counties add up to the prefecture (Table 1 total)"),
        ),
        CheckKind::Table3Share { county, .. } => {
            let c = county.county();
            pick(
                lang,
                format!("表3：{}占全州{}%", c.name.zh, c.share_2020.text),
                format!("Table 3: {} holds {}% of the prefecture", c.name.en, c.share_2020.text),
            )
        }
        CheckKind::Table3Change { county } => {
            let c = county.county();
            pick(
                lang,
                format!("表3：{}占比增减{}个百分点", c.name.zh, c.share_change.text),
                format!("Table 3: {}'s share changed by {} points", c.name.en, c.share_change.text),
            )
        }
        CheckKind::Table3ColumnSum { column, expected } => {
            let (zh, en) = match column {
                Table3Column::Share2020 => ("“七普”占比", "2020 shares"),
                Table3Column::Share2010 => ("“六普”占比", "2010 shares"),
                Table3Column::Change => ("增长/减少", "changes"),
            };
            pick(lang, format!("表3：{zh}一列合计为{expected}"), format!("Table 3: the {en} add up to {expected}"))
        }
        CheckKind::CountiesBySize { fact } => {
            pick(lang, format!("正文：{}有{}个", fact.name.zh, fact.value.text), format!("Text: {}: {}", fact.name.en, fact.value.text))
        }
        CheckKind::TopFive => {
            let zh: Vec<&str> = TOP_FIVE.members.iter().map(|c| c.county().name.zh).collect();
            pick(
                lang,
                format!("正文：常住人口居前五位的是{}", zh.join("、")),
                format!("Text: the five most populous are {}", shorts(TOP_FIVE.members, Lang::En)),
            )
        }
        CheckKind::TopFiveShare { share, .. } => pick(
            lang,
            format!("正文：前五位合计占全州常住人口比重{}%", share.text),
            format!("Text: together they hold {}% of the residents", share.text),
        ),
        CheckKind::CountyVsCensus { county, .. } => {
            let c = county.county();
            pick(
                lang,
                format!("表3：{}常住人口{}万人", c.name.zh, c.pop_2020.text),
                format!("Table 3: {} has {} (10,000) residents", c.name.en, c.pop_2020.text),
            )
        }
        CheckKind::Table4Ratio { row } => {
            let r = &TABLE4[*row];
            pick(
                lang,
                format!("表4：{}年凉山人均GDP为全省的{}%", r.year, r.ratio.text),
                format!("Table 4: in {} Liangshan's GDP per capita is {}% of Sichuan's", r.year, r.ratio.text),
            )
        }
        _ => return None,
    })
}

fn table5_claim(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::CountyCount { fact, .. } => {
            pick(lang, format!("正文：{}{}个", fact.name.zh, fact.value.text), format!("Text: {}: {}", fact.name.en, fact.value.text))
        }
        CheckKind::AnningCounties { count } => {
            pick(lang, format!("正文：安宁河流域{}个县（市）", count.text), format!("Text: the Anning basin has {} counties", count.text))
        }
        CheckKind::GroupsMatchBasin => pick(
            lang,
            format!("表5的“安宁河流域县（市）”分组与{}的流域名单一致", ANNING_BASIN.at.section_name(lang)),
            format!("Table 5's Anning-basin group is the basin list of {}", ANNING_BASIN.at.section_name(lang)),
        ),
        CheckKind::KeyAssistanceCount { count } => pick(
            lang,
            format!("{}：{}个乡村振兴重点帮扶县", KEY_ASSISTANCE.at.chapter_name(lang), count.text),
            format!("{}: {} key counties for rural revitalisation", KEY_ASSISTANCE.at.chapter_name(lang), count.text),
        ),
        CheckKind::BasinAndKeyCoverAll { both } => {
            let (n, key) = (COUNTIES.len(), KEY_ASSISTANCE.members.len());
            pick(
                lang,
                format!(
                    "“一流域”与“一区”合起来覆盖全部{n}个县（市）（{}两者兼属）",
                    both.iter().map(|c| c.county().short.zh).collect::<Vec<_>>().join("、")
                ),
                format!("The basin and the {key} key counties together cover all {n} ({} are in both)", shorts(both, Lang::En)),
            )
        }
        CheckKind::UrbanisationAboveMean { count } => {
            let m = URBANISATION_ABOVE_MEAN.members;
            let en: Vec<&str> = m.iter().map(|c| c.county().short.en).collect();
            pick(
                lang,
                format!(
                    "正文：{}{}县（市）城镇化率超过全州平均水平",
                    m.iter().map(|c| c.county().short.zh).collect::<Vec<_>>().join("、"),
                    count.text
                ),
                format!("Text: {} counties ({}) are above the prefecture's rate", count.text, en.join(", ")),
            )
        }
        CheckKind::WeightedShare { fact, column } => {
            let (zh, en) = table5_column(*column);
            pick(lang, format!("正文：全州{zh}{}%", fact.value.text), format!("Text: the prefecture's {en} is {}%", fact.value.text))
        }
        CheckKind::BirthsImplied { births, .. } => pick(
            lang,
            format!("正文：近年来每年出生人口在{}万人左右", births.text),
            format!("Text: about {} births a year in recent years", persons(births.value * 1e4, lang)),
        ),
        _ => return None,
    })
}

fn table5_column(c: Table5Column) -> (&'static str, &'static str) {
    match c {
        Table5Column::Share60Plus => ("60岁及以上人口占比", "share aged 60+"),
        Table5Column::MinorityShare => ("少数民族人口占比", "share of ethnic minorities"),
    }
}

fn text_claim(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::MigrationComponents { total, inflow, within } => pick(
            lang,
            format!("正文：人户分离人口{}人 = 跨省流入{}人 + 省内流动{}人", total.text, inflow.text, within.text),
            format!(
                "Text: {} living away from registration = {} from other provinces + {} within Sichuan",
                persons(total.value, lang),
                persons(inflow.value, lang),
                persons(within.value, lang)
            ),
        ),
        CheckKind::SeparatedGrowth { rise, growth, .. } => pick(
            lang,
            format!("正文：人户分离人口增加{}人，增长{}%", rise.text, growth.text),
            format!("Text: {} more living away from registration, growth of {}%", persons(rise.value, lang), growth.text),
        ),
        CheckKind::SchoolingRise { rise } => {
            let unit = if rise.value == 1.0 { "year" } else { "years" };
            pick(
                lang,
                format!("正文：平均受教育年限较2010年提高{}年", rise.text),
                format!("Text: mean schooling rose by {} {unit} since 2010", rise.text),
            )
        }
        CheckKind::SchoolingGapToSichuan2010 { gap } => pick(
            lang,
            format!("正文：与10年前的全省平均水平仍相差{}年", gap.text),
            format!("Text: still {} years behind Sichuan's level of ten years earlier", gap.text),
        ),
        CheckKind::SchoolingRiseRank { rank } => pick(
            lang,
            format!("正文：受教育年限提高幅度全省并列第{}位", rank.text),
            format!("Text: the rise in schooling ranks joint {} in Sichuan", ordinal(rank.value as u32)),
        ),
        CheckKind::SchoolingVsTable2 { fact, .. } => {
            pick(lang, format!("正文：{}{}年", fact.name.zh, fact.value.text), format!("Text: {} {} years", fact.name.en, fact.value.text))
        }
        CheckKind::GdpRatioVsTable4 { ratio, .. } => pick(
            lang,
            format!("正文：人均GDP只有全省平均水平的{}%", ratio.text),
            format!("Text: GDP per capita is only {}% of Sichuan's", ratio.text),
        ),
        CheckKind::GdpRatioFall { fall, first, .. } => {
            let y = TABLE4[*first].year;
            pick(
                lang,
                format!("正文：人均GDP比例较{y}年下降了{}个百分点", fall.text),
                format!("Text: that ratio fell {} points since {y}", fall.text),
            )
        }
        CheckKind::Box1Baseline { target, .. } => {
            let t = target.target();
            let base = t.baseline_2020.map_or("", |n| n.text);
            pick(lang, format!("专栏1：{}2020年值{base}", t.name.zh), format!("Box 1: {} in 2020, {base}", t.name.en))
        }
        CheckKind::UrbanisationRise { from_year, from, to_year, to, min_rise } => pick(
            lang,
            format!("第二章：城镇化率年均增加{}个百分点以上；专栏1 {from_year}年{}% → {to_year}年{}%", min_rise.text, from.text, to.text),
            format!(
                "Ch. 2: urbanisation to rise at least {} point a year; Box 1 {from_year} {}% → {to_year} {}%",
                min_rise.text, from.text, to.text
            ),
        ),
        _ => return None,
    })
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, x) if x != 11 => "st",
        (2, x) if x != 12 => "nd",
        (3, x) if x != 13 => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn external_claim(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::SexRatio2020 { ratio, .. } => {
            pick(lang, format!("正文：2020年人口性别比{}", ratio.text), format!("Text: sex ratio {} in 2020", ratio.text))
        }
        CheckKind::Share60Plus2020 { share, .. } => {
            pick(lang, format!("正文：60岁及以上人口比重{}%", share.text), format!("Text: {}% aged 60 and over", share.text))
        }
        CheckKind::Share15To59 { bulletin, .. } => pick(
            lang,
            format!("公报：15—59岁人口比重{}%，与正文0—14岁和60岁及以上比重互补", fixed(*bulletin, 2, lang)),
            format!("Census bulletin: {}% aged 15-59, complementing the text's 0-14 and 60+ shares", fixed(*bulletin, 2, lang)),
        ),
        CheckKind::HouseholdSize2010 { size, fall } => pick(
            lang,
            format!("正文：家庭户均人口{}人，比2010年减少{}人", size.text, fall.text),
            format!("Text: {} persons per household, {} fewer than in 2010", size.text, fall.text),
        ),
        CheckKind::Urbanisation2020 { urban, rate } => pick(
            lang,
            format!("正文：城镇人口{}万人，城镇化率{}%", urban.text, rate.text),
            format!("Text: {} urban residents, an urbanisation rate of {}%", persons(urban.value * 1e4, lang), rate.text),
        ),
        CheckKind::UrbanisationGap { gap, .. } => pick(
            lang,
            format!("正文：城镇化率较全省平均水平低近{}个百分点", gap.text),
            format!("Text: the urbanisation rate is nearly {} points below Sichuan's", gap.text),
        ),
        CheckKind::UrbanisationRiseDecade { nearly, .. } => pick(
            lang,
            format!("正文：10年间城镇化率上升近{}个百分点", nearly.text),
            format!("Text: the urbanisation rate rose nearly {} points in ten years", nearly.text),
        ),
        CheckKind::ShareOfSichuan { share, .. } => pick(
            lang,
            format!("正文：2020年常住人口占全省比重{}%", share.text),
            format!("Text: {}% of Sichuan's residents in 2020", share.text),
        ),
        CheckKind::UniversityVsSichuan { per_100k, share, .. } => pick(
            lang,
            format!("正文：每10万人大学文化程度人口{}人，为全省平均水平的{}%", per_100k.text, share.text),
            format!("Text: {} university-educated per 100,000, {}% of Sichuan's level", persons(per_100k.value, lang), share.text),
        ),
        _ => return None,
    })
}

/// What the plan claims, in the reader's language.
pub fn claim(k: &CheckKind, lang: Lang) -> String {
    table1_claim(k, lang)
        .or_else(|| table3_claim(k, lang))
        .or_else(|| table5_claim(k, lang))
        .or_else(|| text_claim(k, lang))
        .or_else(|| external_claim(k, lang))
        .unwrap_or_default()
}

/// "（file，转载来源）" / "(file, secondary source)".
fn secondary(lang: Lang) -> String {
    pick(lang, format!("（{CENSUS_FACTS_FILE}，转载来源）"), format!("({CENSUS_FACTS_FILE}, secondary source)"))
}

fn tables_method(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::Table1Share { count, total, .. } => pick(
            lang,
            format!("{}人 ÷ 三组合计{}人", count.text, fixed(*total, 0, Lang::Zh)),
            format!("{} ÷ sum of the three groups {}", count.text, fixed(*total, 0, Lang::En)),
        ),
        CheckKind::Table1SharesSum { .. } => Text::new("三组占比相加", "sum of the three printed shares").get(lang).into(),
        CheckKind::Table1TotalVsText { .. } => {
            Text::new("表1三组人口数相加，单位万人", "sum of Table 1's counts, in 10,000").get(lang).into()
        }
        CheckKind::Share0To14Rise { share_2020, share_2010, .. } => pick(
            lang,
            format!("表1：{} − {}", share_2020.text, share_2010.text),
            format!("Table 1: {} − {}", share_2020.text, share_2010.text),
        ),
        CheckKind::Table2Rise { row } => format!("{} − {}", TABLE2[*row].years_2020.text, TABLE2[*row].years_2010.text),
        CheckKind::Table3Sum => Text::new("表3人口数相加，单位万人", "sum of Table 3's populations, in 10,000").get(lang).into(),
        CheckKind::Table3Share { county, total } => {
            let c = county.county();
            pick(
                lang,
                format!("{} {}万 ÷ 全州{}万", c.short.zh, c.pop_2020.text, fixed(*total, 4, lang)),
                format!("{} {} ÷ {} (10,000)", c.short.en, c.pop_2020.text, fixed(*total, 4, lang)),
            )
        }
        CheckKind::Table3Change { county } => format!("{} − {}", county.county().share_2020.text, county.county().share_2010.text),
        CheckKind::Table3ColumnSum { .. } => {
            let n = COUNTIES.len();
            pick(lang, format!("{n}个县（市）相加"), format!("sum over the {n} counties"))
        }
        CheckKind::CountiesBySize { .. } => Text::new("按表3人口数计数", "counted from Table 3").get(lang).into(),
        CheckKind::TopFive => {
            let n = TOP_FIVE.members.len();
            pick(lang, format!("表3人口最多的{n}个县（市）中，正文列出的个数"), "of Table 3's five largest, how many the text lists".into())
        }
        CheckKind::TopFiveShare { column_sum, .. } => pick(
            lang,
            format!("表3前五位人口之和 ÷ 全州（按占比列相加为{column_sum:.2}）"),
            format!("Table 3, sum of the five populations ÷ the prefecture (adding the share column gives {column_sum:.2})"),
        ),
        CheckKind::CountyVsCensus { persons: p, .. } => pick(
            lang,
            format!("县级七普公报{}人{}", persons(*p, lang), secondary(lang)),
            format!("county census bulletin, {} persons {}", persons(*p, lang), secondary(lang)),
        ),
        CheckKind::Table4Ratio { row } => format!("{} ÷ {} × 100", TABLE4[*row].liangshan.text, TABLE4[*row].sichuan.text),
        _ => return None,
    })
}

fn county_class(class: CountyClass, threshold: f64, lang: Lang) -> String {
    match class {
        CountyClass::BirthRateBelow => {
            pick(lang, format!("表5出生率低于{threshold}‰的县（市）"), format!("counties of Table 5 with a birth rate below {threshold}‰"))
        }
        CountyClass::BirthRateBelowInBasin => pick(
            lang,
            format!("其中属于安宁河流域（{}名单）的", ANNING_BASIN.at.section_name(lang)),
            format!("of those, in the Anning basin (list of {})", ANNING_BASIN.at.section_name(lang)),
        ),
        CountyClass::Share60PlusAbove => pick(
            lang,
            format!("表5中60岁及以上占比超过{threshold}%的县（市）"),
            format!("counties of Table 5 with more than {threshold}% aged 60+"),
        ),
        CountyClass::Share60PlusAboveInBasin => Text::new("其中属于安宁河流域的", "of those, in the Anning basin").get(lang).into(),
    }
}

fn table5_method(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::CountyCount { class, threshold, members, .. } => {
            let how = county_class(*class, *threshold, lang);
            pick(lang, format!("{how}:{}", shorts(members, lang)), format!("{how}: {}", shorts(members, lang)))
        }
        CheckKind::AnningCounties { .. } => pick(
            lang,
            format!("{}所列县（市）数", ANNING_BASIN.at.section_name(lang)),
            format!("counties listed in {}", ANNING_BASIN.at.section_name(lang)),
        ),
        CheckKind::GroupsMatchBasin => {
            Text::new("两处归类相同的县（市）数", "counties classified the same in both places").get(lang).into()
        }
        CheckKind::KeyAssistanceCount { .. } => Text::new("括号内所列县数", "counties named in the parenthesis").get(lang).into(),
        CheckKind::BasinAndKeyCoverAll { .. } => Text::new("属于两组之一的县（市）数", "counties in either group").get(lang).into(),
        CheckKind::UrbanisationAboveMean { .. } => Text::new(
            "所列县（市）数；各县城镇化率未公布，无法进一步核对",
            "number of counties named; the county rates are not published, so nothing more can be checked",
        )
        .get(lang)
        .into(),
        CheckKind::WeightedShare { column, .. } => {
            let (zh, en) = table5_column(*column);
            pick(lang, format!("表5各县{zh}按表3人口加权平均"), format!("Table 5's county {en}, weighted by Table 3's populations"))
        }
        CheckKind::BirthsImplied { implied, .. } => {
            let about = fixed(ABOUT * 100.0, 0, lang);
            pick(
                lang,
                format!("表5各县2020年出生率 × 表3人口，合计约{}人（出生率以年平均人口为分母，此处用普查人口近似）；“左右”按±{about}%计", persons(*implied, lang)),
                format!("Table 5's 2020 birth rates × Table 3's populations, about {} births (rates use mid-year population; census population approximates it); “about” read as ±{about}%", persons(*implied, lang)),
            )
        }
        _ => return None,
    })
}

fn table2_cell(cell: Table2Cell) -> (&'static str, &'static str) {
    match cell {
        Table2Cell::Liangshan2020 => ("凉山2020年", "Liangshan 2020"),
        Table2Cell::Liangshan2010 => ("凉山2010年", "Liangshan 2010"),
        Table2Cell::Sichuan2010 => ("全省2010年", "Sichuan 2010"),
        Table2Cell::Sichuan2020 => ("全省2020年", "Sichuan 2020"),
    }
}

fn text_method(k: &CheckKind, lang: Lang) -> Option<String> {
    let (sc, ls) = (&TABLE2[crate::data::tables::TABLE2_SICHUAN], &TABLE2[crate::data::tables::TABLE2_LIANGSHAN]);
    Some(match k {
        CheckKind::MigrationComponents { inflow, within, .. } => {
            format!("{} + {}", persons(inflow.value, lang), persons(within.value, lang))
        }
        CheckKind::SeparatedGrowth { rise, total, base, .. } => {
            let (r, t) = (persons(rise.value, lang), persons(total.value, lang));
            format!("{r} ÷ ({t} − {r} = {})", persons(*base, lang))
        }
        CheckKind::SchoolingRise { .. } => pick(
            lang,
            format!("表2：{} − {}", ls.years_2020.text, ls.years_2010.text),
            format!("Table 2: {} − {}", ls.years_2020.text, ls.years_2010.text),
        ),
        CheckKind::SchoolingGapToSichuan2010 { .. } => pick(
            lang,
            format!("表2：全省2010年{} − 凉山2020年{}", sc.years_2010.text, ls.years_2020.text),
            format!("Table 2: Sichuan 2010 {} − Liangshan 2020 {}", sc.years_2010.text, ls.years_2020.text),
        ),
        CheckKind::SchoolingRiseRank { .. } => {
            Text::new("表2：提高幅度大于凉山的市（州）数 + 1", "Table 2: cities and prefectures with a larger rise, plus one")
                .get(lang)
                .into()
        }
        CheckKind::SchoolingVsTable2 { cell, .. } => {
            let (zh, en) = table2_cell(*cell);
            pick(lang, format!("表2 {zh}"), format!("Table 2, {en}"))
        }
        CheckKind::GdpRatioVsTable4 { ratio, latest, in_no_year } => {
            let r = &TABLE4[*latest];
            let (no_zh, no_en) = if *in_no_year {
                (format!("，没有一年为{}%", ratio.text), format!(", and no year shows {}%", ratio.text))
            } else {
                (String::new(), String::new())
            };
            pick(
                lang,
                format!("表4最近年份（{}年）：{} ÷ {}；表4印{}%{no_zh}", r.year, r.liangshan.text, r.sichuan.text, r.ratio.text),
                format!(
                    "Table 4, latest year ({}): {} ÷ {}; the table prints {}%{no_en}",
                    r.year, r.liangshan.text, r.sichuan.text, r.ratio.text
                ),
            )
        }
        CheckKind::GdpRatioFall { fall, text_ratio, first, last, text_is_first_less_text } => {
            let (a, b) = (&TABLE4[*first], &TABLE4[*last]);
            let (why_zh, why_en) = if *text_is_first_less_text {
                (
                    format!("；正文的{}等于{} − {}", fall.text, a.ratio.text, text_ratio.text),
                    format!("; the text's {} equals {} − {}", fall.text, a.ratio.text, text_ratio.text),
                )
            } else {
                (String::new(), String::new())
            };
            pick(
                lang,
                format!("表4：{}年{} − {}年{}{why_zh}", a.year, a.ratio.text, b.year, b.ratio.text),
                format!("Table 4: {} {} − {} {}{why_en}", a.year, a.ratio.text, b.year, b.ratio.text),
            )
        }
        CheckKind::Box1Baseline { fact, .. } => {
            pick(lang, format!("正文：{}", fact.quote), format!("text ({}): {}", fact.at.cite(Lang::En), fact.value.text))
        }
        CheckKind::UrbanisationRise { from_year, from, to_year, to, .. } => {
            let years = f64::from(to_year - from_year);
            pick(lang, format!("（{} − {}） ÷ {years}年", to.text, from.text), format!("({} − {}) ÷ {years} years", to.text, from.text))
        }
        _ => return None,
    })
}

fn external_method(k: &CheckKind, lang: Lang) -> Option<String> {
    Some(match k {
        CheckKind::SexRatio2020 { male, female, .. } => pick(
            lang,
            format!("男{}人 ÷ 女{}人 × 100（{CENSUS_FACTS_FILE}， 转载来源）", persons(*male, lang), persons(*female, lang)),
            format!("males {} ÷ females {} × 100 {}", persons(*male, lang), persons(*female, lang), secondary(lang)),
        ),
        CheckKind::Share60Plus2020 { persons: p, .. } => pick(
            lang,
            format!("60岁及以上{}人{}÷ 表1合计", persons(*p, lang), secondary(lang)),
            format!("{} aged 60+ {} ÷ Table 1 total", persons(*p, lang), secondary(lang)),
        ),
        CheckKind::Share15To59 { share_0_14, share_60_plus, .. } => format!("100 − {} − {}", share_0_14.text, share_60_plus.text),
        CheckKind::HouseholdSize2010 { size, fall } => pick(
            lang,
            format!("{} + {}，对照2010年公报值{}", size.text, fall.text, secondary(lang)),
            format!("{} + {}, against the 2010 bulletin {}", size.text, fall.text, secondary(lang)),
        ),
        CheckKind::Urbanisation2020 { urban, .. } => {
            pick(lang, format!("{}万 ÷ 表1合计", urban.text), format!("{} ÷ Table 1 total", persons(urban.value * 1e4, lang)))
        }
        CheckKind::UrbanisationGap { gap, rate, sichuan } => pick(
            lang,
            format!("全省{sichuan}%{}− {}%；{}", secondary(lang), rate.text, nearly_read(gap.text, gap.value, lang)),
            format!("Sichuan {sichuan}% {} − {}%; {}", secondary(lang), rate.text, nearly_read(gap.text, gap.value, lang)),
        ),
        CheckKind::UrbanisationRiseDecade { nearly, rise } => pick(
            lang,
            format!("{}：提高{}个百分点；{}", rise.at.section_name(lang), rise.value.text, nearly_read(nearly.text, nearly.value, lang)),
            format!(
                "{}: a rise of {} points; {}",
                rise.at.section_name(lang),
                rise.value.text,
                nearly_read(nearly.text, nearly.value, lang)
            ),
        ),
        CheckKind::ShareOfSichuan { sichuan_10k, .. } => pick(
            lang,
            format!("表1合计 ÷ 全省{sichuan_10k}万人{}", secondary(lang)),
            format!("Table 1 total ÷ Sichuan's {sichuan_10k} (10,000) {}", secondary(lang)),
        ),
        CheckKind::UniversityVsSichuan { per_100k, sichuan, .. } => pick(
            lang,
            format!("{} ÷ 全省{sichuan}{}", per_100k.text, secondary(lang)),
            format!("{} ÷ Sichuan's {sichuan} {}", persons(per_100k.value, lang), secondary(lang)),
        ),
        _ => return None,
    })
}

/// How the figure was recomputed, and from what, in the reader's language.
pub fn method(k: &CheckKind, lang: Lang) -> String {
    tables_method(k, lang)
        .or_else(|| table5_method(k, lang))
        .or_else(|| text_method(k, lang))
        .or_else(|| external_method(k, lang))
        .unwrap_or_default()
}

/// A check as the page, the command line's JSON and the audit table show it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckWords {
    pub id: String,
    pub claim: String,
    pub published: f64,
    pub published_text: String,
    pub recomputed: f64,
    pub recomputed_low: f64,
    pub recomputed_high: f64,
    pub difference: f64,
    pub verdict: Verdict,
    pub method: String,
    pub source: String,
}

pub fn words(c: &Check, lang: Lang) -> CheckWords {
    CheckWords {
        id: c.id.clone(),
        claim: claim(&c.kind, lang),
        published: c.published,
        published_text: shown(&c.shown, lang),
        recomputed: c.recomputed,
        recomputed_low: c.recomputed_low,
        recomputed_high: c.recomputed_high,
        difference: c.difference,
        verdict: c.verdict,
        method: method(&c.kind, lang),
        source: c.at.cite(lang),
    }
}

const COLUMNS: [Text; 8] = [
    Text::new("规划所述", "What the plan says"),
    Text::new("公布值", "Printed"),
    Text::new("重算值", "Recomputed"),
    Text::new("舍入范围", "Rounding range"),
    Text::new("差", "Difference"),
    Text::new("结论", "Verdict"),
    Text::new("重算方法", "How it was recomputed"),
    Text::new("出处", "Where"),
];

/// The audit as a table: every check with its verdict in words and a sign
/// (✓/✗), so that colour is never the only carrier of the verdict.
pub fn table(checks: &[Check], lang: Lang) -> DataTable {
    // Enough digits to show the difference, never more than four.
    let show = |x: f64| {
        let d = if x.abs() >= 1000.0 {
            0
        } else if x.abs() >= 100.0 {
            2
        } else {
            4
        };
        fixed(x, d, lang)
    };
    let rows = checks
        .iter()
        .map(|c| {
            let w = words(c, lang);
            let range = if c.recomputed_low == c.recomputed_high {
                "—".to_string()
            } else {
                format!("{} – {}", show(c.recomputed_low), show(c.recomputed_high))
            };
            let sign = if c.verdict == Verdict::Agrees { "✓" } else { "✗" };
            vec![
                w.claim,
                w.published_text,
                show(c.recomputed),
                range,
                format!("{}{}", if c.difference > 0.0 { "+" } else { "" }, show(c.difference)),
                format!("{sign} {}", verdict(c.verdict).get(lang)),
                w.method,
                w.source,
            ]
        })
        .collect();
    DataTable { columns: COLUMNS.iter().map(|c| c.get(lang).to_string()).collect(), rows }
}

/// An observation as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObservationWords {
    pub id: &'static str,
    pub text: String,
    pub source: String,
}

pub fn observation(o: Observation, lang: Lang) -> ObservationWords {
    match o {
        Observation::Target(t) => {
            let t = t.target();
            ObservationWords { id: t.id.slug(), text: t.note.map_or(String::new(), |n| n.get(lang).to_string()), source: t.at.cite(lang) }
        }
        Observation::Table1Title => ObservationWords {
            id: "table1_title",
            text: Text::new("表1标题为“对比图”，实为表格。", "Table 1 is titled a “comparison chart” but is a table.")
                .get(lang)
                .to_string(),
            source: TABLE1_AT.cite(lang),
        },
        Observation::FiguresMissing => {
            let xichang = fact("xichang_urbanisation_2020").map_or("", |f| f.value.text);
            ObservationWords {
                id: "figures_missing",
                text: pick(
                    lang,
                    format!("图1—图3在公布的正文中只有标题，没有图像和数据；图3各县城镇化率未公布（正文只给出西昌{xichang}%）。"),
                    format!("Figures 1-3 appear in the published text as titles only, without images or data; Figure 3's county urbanisation rates are not published (the text gives only Xichang's {xichang}%)."),
                ),
                source: crate::data::sec(1, 1).cite(lang),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::indicators::audit::{audit, observations};

    #[test]
    fn claims_come_in_both_languages() {
        let checks = audit().unwrap();
        for c in &checks {
            let (zh, en) = (words(c, Lang::Zh), words(c, Lang::En));
            assert!(!zh.claim.is_empty() && !zh.method.is_empty(), "{}", c.id);
            assert!(zh.claim.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", c.id);
            for text in [&en.claim, &en.published_text, &en.method, &en.source] {
                assert!(!text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: Chinese in English: {text}", c.id);
            }
        }
        assert_eq!(observations().len(), 4);
        assert!(observation(Observation::FiguresMissing, Lang::Zh).text.contains("西昌66.63%"));
    }

    #[test]
    fn the_table_has_a_row_a_check() {
        let checks = audit().unwrap();
        let t = table(&checks, Lang::En);
        assert_eq!(t.rows.len(), checks.len());
        assert!(t.rows.iter().all(|r| r.len() == t.columns.len()));
        assert_eq!(ordinal(3), "3rd");
        assert_eq!(ordinal(11), "11th");
    }
}
