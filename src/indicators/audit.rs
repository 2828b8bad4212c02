//! The plan audit: everything the plan lets a reader derive, recomputed and
//! held against what the plan prints.
//!
//! Every printed figure stands for the interval of values that round to it
//! ([`Num::interval`]); recomputations carry those intervals through
//! ([`Interval`]). A check *agrees* when the published interval meets the
//! recomputed one: the two figures could both be correct roundings of the
//! same truth. Otherwise it *disagrees*, and the difference is larger than
//! any rounding can explain.

use serde::Serialize;

use crate::data::counties::{
    County, CountyId, Table5Group, ANNING_BASIN, COUNTIES, KEY_ASSISTANCE, TABLE3_AT, TABLE5_AT, TOP_FIVE, URBANISATION_ABOVE_MEAN,
};
use crate::data::external::{census_fact, CENSUS_FACTS_FILE};
use crate::data::facts::{fact, Fact};
use crate::data::tables::{TABLE1, TABLE1_AT, TABLE2, TABLE2_AT, TABLE4, TABLE4_AT};
use crate::data::targets::{Goal, TargetId};
use crate::data::{sec, Loc};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::num::{Interval, Num};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Agrees within the printed rounding (or the stated tolerance).
    Agrees,
    /// Differs by more than rounding can explain.
    Disagrees,
}

impl Verdict {
    pub fn label(self) -> Text {
        match self {
            Verdict::Agrees => Text::new("一致", "agrees"),
            Verdict::Disagrees => Text::new("不一致", "disagrees"),
        }
    }
}

/// One check of the audit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    pub id: String,
    /// What the plan claims, in the reader's language.
    pub claim: String,
    /// The figure as printed (or as the text states it).
    pub published: f64,
    pub published_text: String,
    /// The recomputed figure, taking every printed input at face value.
    pub recomputed: f64,
    /// The range the recomputation could take given the rounding of its inputs.
    pub recomputed_low: f64,
    pub recomputed_high: f64,
    /// `recomputed - published`.
    pub difference: f64,
    pub verdict: Verdict,
    /// How the figure was recomputed, and from what.
    pub method: String,
    /// Where the plan prints the claim.
    pub source: String,
}

/// An observation that is not arithmetic (a label or unit that does not
/// fit what it labels).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Observation {
    pub id: &'static str,
    pub text: String,
    pub source: String,
}

struct Audit {
    lang: Lang,
    checks: Vec<Check>,
}

/// What a check compares against: a printed figure, or a tolerance around
/// one for claims the plan makes loosely ("about", "nearly").
struct Published {
    value: f64,
    text: String,
    interval: Interval,
}

impl Published {
    fn printed(n: Num) -> Published {
        Published { value: n.value, text: n.text.to_string(), interval: n.interval() }
    }

    fn exact(x: f64) -> Published {
        Published { value: x, text: fixed(x, 0, Lang::Zh), interval: Interval::exact(x) }
    }

    fn count(n: usize) -> Published {
        Published::exact(n as f64)
    }
}

/// A recomputation: its value at face value of the inputs, and its interval.
struct Recomputed {
    point: f64,
    interval: Interval,
}

impl Recomputed {
    fn new(point: f64, interval: Interval) -> Recomputed {
        Recomputed { point, interval }
    }

    fn exact(x: f64) -> Recomputed {
        Recomputed { point: x, interval: Interval::exact(x) }
    }

    fn count(n: usize) -> Recomputed {
        Recomputed::exact(n as f64)
    }
}

fn iv(n: Num) -> Interval {
    n.interval()
}

fn pct(part: Interval, whole: Interval) -> Interval {
    part.div(whole).map_or(Interval::new(f64::NEG_INFINITY, f64::INFINITY), |q| q.scale(100.0))
}

use crate::error::missing_data as missing;

fn f(id: &str) -> Result<&'static Fact, Error> {
    fact(id).ok_or_else(|| missing(id))
}

impl Audit {
    fn t(&self, zh: String, en: String) -> String {
        match self.lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    fn name(&self, t: Text) -> &'static str {
        t.get(self.lang)
    }

    #[allow(clippy::too_many_arguments)]
    fn check(&mut self, id: impl Into<String>, claim: String, p: Published, r: Recomputed, method: String, at: Loc) {
        let verdict = if p.interval.meets(&r.interval) { Verdict::Agrees } else { Verdict::Disagrees };
        self.checks.push(Check {
            id: id.into(),
            claim,
            published: p.value,
            published_text: p.text,
            recomputed: r.point,
            recomputed_low: r.interval.lo,
            recomputed_high: r.interval.hi,
            difference: r.point - p.value,
            verdict,
            method,
            source: at.cite(self.lang),
        });
    }

    fn table1(&mut self) -> Result<(), Error> {
        let resident = f("resident_pop_2020")?;
        let change = f("resident_pop_change_2010_2020")?;
        for (year, counts, shares) in [
            (2010, TABLE1.map(|r| r.count_2010), TABLE1.map(|r| r.share_2010)),
            (2020, TABLE1.map(|r| r.count_2020), TABLE1.map(|r| r.share_2020)),
        ] {
            let total: f64 = counts.iter().map(|c| c.value).sum();
            for (row, (count, share)) in TABLE1.iter().zip(counts.iter().zip(shares.iter())) {
                let g = self.name(row.group);
                self.check(
                    format!("t1.{year}.share.{}", row.group.en.replace([' ', '-'], "_")),
                    self.t(format!("表1：{year}年{g}人口占比"), format!("Table 1: share aged {g} in {year}")),
                    Published::printed(*share),
                    Recomputed::exact(count.value / total * 100.0),
                    self.t(
                        format!("{}人 ÷ 三组合计{}人", count.text, fixed(total, 0, Lang::Zh)),
                        format!("{} ÷ sum of the three groups {}", count.text, fixed(total, 0, Lang::En)),
                    ),
                    TABLE1_AT,
                );
            }
            let sum = Interval::sum(shares.iter().map(|s| iv(*s)));
            self.check(
                format!("t1.{year}.shares_sum"),
                self.t(format!("表1：{year}年三组占比合计为100%"), format!("Table 1: the {year} shares add up to 100%")),
                Published::exact(100.0),
                Recomputed::new(shares.iter().map(|s| s.value).sum(), sum),
                self.t("三组占比相加".into(), "sum of the three printed shares".into()),
                TABLE1_AT,
            );
            // The counts against the total the text gives (2020) or implies
            // through the printed increase (2010).
            let (text_total, text_total_iv, how) = if year == 2020 {
                (
                    resident.value.value,
                    iv(resident.value),
                    (format!("正文：常住人口{}万人", resident.value.text), format!("text: {} (10,000)", resident.value.text)),
                )
            } else {
                (
                    resident.value.value - change.value.value,
                    iv(resident.value).sub(iv(change.value)),
                    (
                        format!("正文：{}万人 − 增加{}万人", resident.value.text, change.value.text),
                        format!("text: {} minus the increase of {} (10,000)", resident.value.text, change.value.text),
                    ),
                )
            };
            self.check(
                format!("t1.{year}.total_vs_text"),
                self.t(
                    format!("表1：{year}年各组人口数之和与正文常住人口一致（{}）", how.0),
                    format!("Table 1: the {year} counts add up to the text's resident population ({})", how.1),
                ),
                Published { value: text_total, text: fixed(text_total, 1, Lang::Zh), interval: text_total_iv },
                Recomputed::exact(total / 10_000.0),
                self.t("表1三组人口数相加，单位万人".into(), "sum of Table 1's counts, in 10,000".into()),
                TABLE1_AT,
            );
        }
        let rise = f("share_0_14_rise_2010_2020")?;
        self.check(
            "text.share_0_14_rise",
            self.t("正文：0—14岁人口比重较2010年上升0.31个百分点".into(), "Text: the share aged 0-14 rose 0.31 points since 2010".into()),
            Published::printed(rise.value),
            Recomputed::new(
                TABLE1[0].share_2020.value - TABLE1[0].share_2010.value,
                iv(TABLE1[0].share_2020).sub(iv(TABLE1[0].share_2010)),
            ),
            self.t("表1：27.64 − 27.33".into(), "Table 1: 27.64 − 27.33".into()),
            rise.at,
        );
        Ok(())
    }

    fn text_vs_external(&mut self) -> Result<(), Error> {
        let male = census_fact("Liangshan", 2020, "male")?.value;
        let female = census_fact("Liangshan", 2020, "female")?.value;
        let sr = f("sex_ratio_2020")?;
        self.check(
            "text.sex_ratio_2020",
            self.t("正文：2020年人口性别比104.65".into(), "Text: sex ratio 104.65 in 2020".into()),
            Published::printed(sr.value),
            Recomputed::exact(male / female * 100.0),
            self.t(
                format!("男{}人 ÷ 女{}人 × 100（{}， 转载来源）", fixed(male, 0, Lang::Zh), fixed(female, 0, Lang::Zh), CENSUS_FACTS_FILE),
                format!(
                    "males {} ÷ females {} × 100 ({}, secondary source)",
                    fixed(male, 0, Lang::En),
                    fixed(female, 0, Lang::En),
                    CENSUS_FACTS_FILE
                ),
            ),
            sr.at,
        );
        let total: f64 = TABLE1.iter().map(|r| r.count_2020.value).sum();
        let p60 = census_fact("Liangshan", 2020, "pop_60plus")?.value;
        let s60 = f("share_60plus_2020")?;
        self.check(
            "text.share_60plus_2020",
            self.t("正文：60岁及以上人口比重12.44%".into(), "Text: 12.44% aged 60 and over".into()),
            Published::printed(s60.value),
            Recomputed::exact(p60 / total * 100.0),
            self.t(
                format!("60岁及以上{}人（{}，转载来源）÷ 表1合计", fixed(p60, 0, Lang::Zh), CENSUS_FACTS_FILE),
                format!("{} aged 60+ ({}, secondary source) ÷ Table 1 total", fixed(p60, 0, Lang::En), CENSUS_FACTS_FILE),
            ),
            s60.at,
        );
        let s15_59 = census_fact("Liangshan", 2020, "share_15_59")?.value;
        let s0_14 = f("share_0_14_2020")?;
        self.check(
            "text.share_15_59_2020",
            self.t(
                "公报：15—59岁人口比重59.92%，与正文0—14岁和60岁及以上比重互补".into(),
                "Census bulletin: 59.92% aged 15-59, complementing the text's 0-14 and 60+ shares".into(),
            ),
            Published { value: s15_59, text: fixed(s15_59, 2, Lang::Zh), interval: Interval::new(s15_59 - 0.005, s15_59 + 0.005) },
            Recomputed::new(100.0 - s0_14.value.value - s60.value.value, Interval::exact(100.0).sub(iv(s0_14.value)).sub(iv(s60.value))),
            self.t("100 − 27.64 − 12.44".into(), "100 − 27.64 − 12.44".into()),
            s60.at,
        );
        let hh = f("household_size_2020")?;
        let hh_fall = f("household_size_fall_2010_2020")?;
        let hh2010 = census_fact("Liangshan", 2010, "household_size")?.value;
        self.check(
            "text.household_size_2010",
            self.t(
                "正文：家庭户均人口3.25人，比2010年减少0.47人".into(),
                "Text: 3.25 persons per household, 0.47 fewer than in 2010".into(),
            ),
            Published { value: hh2010, text: fixed(hh2010, 2, Lang::Zh), interval: Interval::new(hh2010 - 0.005, hh2010 + 0.005) },
            Recomputed::new(hh.value.value + hh_fall.value.value, iv(hh.value).add(iv(hh_fall.value))),
            self.t(
                format!("3.25 + 0.47，对照2010年公报值（{}，转载来源）", CENSUS_FACTS_FILE),
                format!("3.25 + 0.47, against the 2010 bulletin ({}, secondary source)", CENSUS_FACTS_FILE),
            ),
            hh.at,
        );
        let urban = f("urban_pop_2020")?;
        let rate = f("urbanisation_2020")?;
        self.check(
            "text.urbanisation_2020",
            self.t(
                "正文：城镇人口179.56万人，城镇化率36.96%".into(),
                "Text: 1,795,600 urban residents, an urbanisation rate of 36.96%".into(),
            ),
            Published::printed(rate.value),
            Recomputed::new(urban.value.value / (total / 1e4) * 100.0, pct(iv(urban.value), Interval::exact(total / 1e4))),
            self.t("179.56万 ÷ 表1合计".into(), "1,795,600 ÷ Table 1 total".into()),
            rate.at,
        );
        let sc_urban = census_fact("Sichuan", 2020, "urbanization")?.value;
        let gap = f("urbanisation_gap_to_sichuan")?;
        self.check(
            "text.urbanisation_gap_to_sichuan",
            self.t(
                "正文：城镇化率较全省平均水平低近20个百分点".into(),
                "Text: the urbanisation rate is nearly 20 points below Sichuan's".into(),
            ),
            Published { value: gap.value.value, text: self.t("近20".into(), "nearly 20".into()), interval: Interval::new(19.0, 20.0) },
            Recomputed::new(sc_urban - rate.value.value, Interval::exact(sc_urban).sub(iv(rate.value))),
            self.t(
                format!("全省{}%（{}，转载来源）− 36.96%；“近20”按19至20计", sc_urban, CENSUS_FACTS_FILE),
                format!("Sichuan {sc_urban}% ({CENSUS_FACTS_FILE}, secondary source) − 36.96%; “nearly 20” read as 19 to 20"),
            ),
            gap.at,
        );
        let rise = f("urbanisation_rise_2010_2020")?;
        let near10 = f("urbanisation_rise_decade")?;
        self.check(
            "text.urbanisation_rise_decade",
            self.t("正文：10年间城镇化率上升近10个百分点".into(), "Text: the urbanisation rate rose nearly 10 points in ten years".into()),
            Published { value: near10.value.value, text: self.t("近10".into(), "nearly 10".into()), interval: Interval::new(9.0, 10.0) },
            Recomputed::new(rise.value.value, iv(rise.value)),
            self.t(
                "第一章第一节：提高9.44个百分点；“近10”按9至10计".into(),
                "ch. 1 §1: a rise of 9.44 points; “nearly 10” read as 9 to 10".into(),
            ),
            near10.at,
        );
        let sc_pop = census_fact("Sichuan", 2020, "resident_pop_10k")?.value;
        let share = f("share_of_sichuan_2020")?;
        self.check(
            "text.share_of_sichuan_2020",
            self.t("正文：2020年常住人口占全省比重5.81%".into(), "Text: 5.81% of Sichuan's residents in 2020".into()),
            Published::printed(share.value),
            Recomputed::exact(total / 1e4 / sc_pop * 100.0),
            self.t(
                format!("表1合计 ÷ 全省{sc_pop}万人（{CENSUS_FACTS_FILE}，转载来源）"),
                format!("Table 1 total ÷ Sichuan's {sc_pop} (10,000) ({CENSUS_FACTS_FILE}, secondary source)"),
            ),
            share.at,
        );
        let univ = f("university_per_100k_2020")?;
        let univ_share = f("university_vs_sichuan")?;
        let sc_univ = census_fact("Sichuan", 2020, "univ_per_100k")?.value;
        self.check(
            "text.university_vs_sichuan",
            self.t(
                "正文：每10万人大学文化程度人口6776人，为全省平均水平的51.07%".into(),
                "Text: 6,776 university-educated per 100,000, 51.07% of Sichuan's level".into(),
            ),
            Published::printed(univ_share.value),
            Recomputed::exact(univ.value.value / sc_univ * 100.0),
            self.t(
                format!("6776 ÷ 全省{sc_univ}（{CENSUS_FACTS_FILE}，转载来源）"),
                format!("6,776 ÷ Sichuan's {sc_univ} ({CENSUS_FACTS_FILE}, secondary source)"),
            ),
            univ_share.at,
        );
        Ok(())
    }

    fn text_internal(&mut self) -> Result<(), Error> {
        let sep = f("separated_from_hukou_2020")?;
        let inflow = f("inflow_other_provinces")?;
        let within = f("mobile_within_sichuan")?;
        self.check(
            "text.migration_components",
            self.t(
                "正文：人户分离人口1265603人 = 跨省流入55316人 + 省内流动1210287人".into(),
                "Text: 1,265,603 living away from registration = 55,316 from other provinces + 1,210,287 within Sichuan".into(),
            ),
            Published::printed(sep.value),
            Recomputed::exact(inflow.value.value + within.value.value),
            self.t("55316 + 1210287".into(), "55,316 + 1,210,287".into()),
            sep.at,
        );
        let rise = f("separated_from_hukou_rise")?;
        let growth = f("separated_from_hukou_growth")?;
        let base = sep.value.value - rise.value.value;
        self.check(
            "text.separated_growth",
            self.t(
                "正文：人户分离人口增加661722人，增长109.58%".into(),
                "Text: 661,722 more living away from registration, growth of 109.58%".into(),
            ),
            Published::printed(growth.value),
            Recomputed::exact(rise.value.value / base * 100.0),
            self.t(
                format!("661722 ÷ (1265603 − 661722 = {})", fixed(base, 0, Lang::Zh)),
                format!("661,722 ÷ (1,265,603 − 661,722 = {})", fixed(base, 0, Lang::En)),
            ),
            growth.at,
        );
        // Schooling: the text against 表2.
        let ls = TABLE2.iter().find(|r| r.id == "liangshan").ok_or_else(|| missing("表2 凉山"))?;
        let sc = TABLE2.iter().find(|r| r.id == "sichuan").ok_or_else(|| missing("表2 全省"))?;
        let s_rise = f("schooling_rise_2010_2020")?;
        self.check(
            "text.schooling_rise",
            self.t("正文：平均受教育年限较2010年提高1年".into(), "Text: mean schooling rose by 1 year since 2010".into()),
            Published::printed(s_rise.value),
            Recomputed::new(ls.years_2020.value - ls.years_2010.value, iv(ls.years_2020).sub(iv(ls.years_2010))),
            self.t("表2：7.41 − 6.41".into(), "Table 2: 7.41 − 6.41".into()),
            s_rise.at,
        );
        let gap = f("schooling_gap_to_sichuan_2010")?;
        self.check(
            "text.schooling_gap_to_sichuan_2010",
            self.t(
                "正文：与10年前的全省平均水平仍相差0.94年".into(),
                "Text: still 0.94 years behind Sichuan's level of ten years earlier".into(),
            ),
            Published::printed(gap.value),
            Recomputed::new(sc.years_2010.value - ls.years_2020.value, iv(sc.years_2010).sub(iv(ls.years_2020))),
            self.t("表2：全省2010年8.35 − 凉山2020年7.41".into(), "Table 2: Sichuan 2010 8.35 − Liangshan 2020 7.41".into()),
            gap.at,
        );
        let rank = f("schooling_rise_rank")?;
        let better = TABLE2.iter().filter(|r| r.id != "sichuan" && r.rise.value > ls.rise.value).count();
        self.check(
            "text.schooling_rise_rank",
            self.t("正文：受教育年限提高幅度全省并列第3位".into(), "Text: the rise in schooling ranks joint 3rd in Sichuan".into()),
            Published::printed(rank.value),
            Recomputed::count(better + 1),
            self.t("表2：提高幅度大于凉山的市（州）数 + 1".into(), "Table 2: cities and prefectures with a larger rise, plus one".into()),
            rank.at,
        );
        for (fid, value, what_zh, what_en) in [
            ("schooling_2020", ls.years_2020, "凉山2020年", "Liangshan 2020"),
            ("schooling_2010", ls.years_2010, "凉山2010年", "Liangshan 2010"),
            ("schooling_sichuan_2010", sc.years_2010, "全省2010年", "Sichuan 2010"),
            ("schooling_sichuan_2020", sc.years_2020, "全省2020年", "Sichuan 2020"),
        ] {
            let fa = f(fid)?;
            self.check(
                format!("text.{fid}_vs_table2"),
                self.t(format!("正文：{}{}年", self.name(fa.name), fa.value.text), format!("Text: {} {} years", fa.name.en, fa.value.text)),
                Published::printed(fa.value),
                Recomputed::new(value.value, iv(value)),
                self.t(format!("表2 {what_zh}"), format!("Table 2, {what_en}")),
                fa.at,
            );
        }
        // GDP per capita: the text against 表4.
        let ratio = f("gdp_per_capita_vs_sichuan")?;
        let fall = f("gdp_per_capita_ratio_fall_since_2010")?;
        let first = TABLE4[0];
        let last = TABLE4[TABLE4.len() - 1];
        self.check(
            "text.gdp_ratio_vs_table4",
            self.t("正文：人均GDP只有全省平均水平的60.65%".into(), "Text: GDP per capita is only 60.65% of Sichuan's".into()),
            Published::printed(ratio.value),
            Recomputed::new(last.liangshan.value / last.sichuan.value * 100.0, pct(iv(last.liangshan), iv(last.sichuan))),
            self.t(
                format!(
                    "表4最近年份（{}年）：{} ÷ {}；表4印{}%，没有一年为60.65%",
                    last.year, last.liangshan.text, last.sichuan.text, last.ratio.text
                ),
                format!(
                    "Table 4, latest year ({}): {} ÷ {}; the table prints {}%, and no year shows 60.65%",
                    last.year, last.liangshan.text, last.sichuan.text, last.ratio.text
                ),
            ),
            ratio.at,
        );
        self.check(
            "text.gdp_ratio_fall_vs_table4",
            self.t("正文：人均GDP比例较2010年下降了20.95个百分点".into(), "Text: that ratio fell 20.95 points since 2010".into()),
            Published::printed(fall.value),
            Recomputed::new(first.ratio.value - last.ratio.value, iv(first.ratio).sub(iv(last.ratio))),
            self.t(
                format!("表4：{}年{} − {}年{}；正文的20.95等于81.60 − 60.65", first.year, first.ratio.text, last.year, last.ratio.text),
                format!(
                    "Table 4: {} {} − {} {}; the text's 20.95 equals 81.60 − 60.65",
                    first.year, first.ratio.text, last.year, last.ratio.text
                ),
            ),
            fall.at,
        );
        // 专栏1's 2020 column against the text.
        for (tid, fid) in [
            (TargetId::ResidentPop2030, "resident_pop_2020"),
            (TargetId::LifeExpectancy2030, "life_expectancy_2020"),
            (TargetId::Urbanisation2030, "urbanisation_2020"),
            (TargetId::Srb, "sex_ratio_2020"),
            (TargetId::Schooling2030, "schooling_2020"),
        ] {
            let tg = tid.target();
            let fa = f(fid)?;
            let Some(base) = tg.baseline_2020 else { return Err(missing(tid.slug())) };
            self.check(
                format!("box1.{}.baseline_2020", tid.slug()),
                self.t(
                    format!("专栏1：{}2020年值{}", self.name(tg.name), base.text),
                    format!("Box 1: {} in 2020, {}", tg.name.en, base.text),
                ),
                Published::printed(base),
                Recomputed::new(fa.value.value, iv(fa.value)),
                self.t(format!("正文：{}", fa.quote), format!("text ({}): {}", fa.at.cite(Lang::En), fa.value.text)),
                tg.at,
            );
        }
        // The urbanisation targets against the text's annual rise.
        let rise_goal = TargetId::UrbanisationAnnualRise.target();
        let Goal::AnnualRiseAtLeast(min_rise) = rise_goal.goal else { return Err(missing("urbanisation_annual_rise")) };
        let u2020 = f("urbanisation_2020")?.value;
        let u2025 = match TargetId::Urbanisation2025.target().goal {
            Goal::Reach(n) => n,
            _ => return Err(missing("urbanisation_2025")),
        };
        let u2030 = match TargetId::Urbanisation2030.target().goal {
            Goal::Reach(n) => n,
            _ => return Err(missing("urbanisation_2030")),
        };
        // Targets are exact values, not roundings: only the 2020 figure
        // carries a rounding interval.
        let exact = |n: Num| Interval::exact(n.value);
        for (from_year, from, from_iv, to_year, to) in
            [(2020, u2020, iv(u2020), 2025, u2025), (2025, u2025, exact(u2025), 2030, u2030), (2020, u2020, iv(u2020), 2030, u2030)]
        {
            let years = f64::from(to_year - from_year);
            self.check(
                format!("targets.urbanisation_rise_{from_year}_{to_year}"),
                self.t(
                    format!("第二章：城镇化率年均增加1个百分点以上；专栏1 {from_year}年{}% → {to_year}年{}%", from.text, to.text),
                    format!(
                        "Ch. 2: urbanisation to rise at least 1 point a year; Box 1 {from_year} {}% → {to_year} {}%",
                        from.text, to.text
                    ),
                ),
                Published {
                    value: min_rise.value,
                    text: format!("≥{}", min_rise.text),
                    interval: Interval::new(min_rise.value, f64::INFINITY),
                },
                Recomputed::new((to.value - from.value) / years, exact(to).sub(from_iv).scale(1.0 / years)),
                self.t(
                    format!("（{} − {}） ÷ {}年", to.text, from.text, years),
                    format!("({} − {}) ÷ {} years", to.text, from.text, years),
                ),
                rise_goal.at,
            );
        }
        Ok(())
    }

    fn table2(&mut self) {
        for r in TABLE2.iter() {
            self.check(
                format!("t2.rise.{}", r.id),
                self.t(format!("表2：{}提高{}年", r.name.zh, r.rise.text), format!("Table 2: {} rose {} years", r.name.en, r.rise.text)),
                Published::printed(r.rise),
                Recomputed::new(r.years_2020.value - r.years_2010.value, iv(r.years_2020).sub(iv(r.years_2010))),
                self.t(format!("{} − {}", r.years_2020.text, r.years_2010.text), format!("{} − {}", r.years_2020.text, r.years_2010.text)),
                TABLE2_AT,
            );
        }
    }

    fn table3(&mut self) -> Result<(), Error> {
        let census_total = TABLE1.iter().map(|r| r.count_2020.value).sum::<f64>() / 1e4;
        let sum_pop = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020)));
        let point_sum: f64 = COUNTIES.iter().map(|c| c.pop_2020.value).sum();
        self.check(
            "t3.sum",
            self.t(
                "表3：17个县（市）人口之和等于全州常住人口（表1合计）".into(),
                "Table 3: the 17 counties add up to the prefecture (Table 1 total)".into(),
            ),
            Published { value: census_total, text: fixed(census_total, 4, Lang::Zh), interval: Interval::exact(census_total) },
            Recomputed::new(point_sum, sum_pop),
            self.t("表3人口数相加，单位万人".into(), "sum of Table 3's populations, in 10,000".into()),
            TABLE3_AT,
        );
        for c in COUNTIES.iter() {
            let name = self.name(c.short);
            self.check(
                format!("t3.share_2020.{}", c.id),
                self.t(
                    format!("表3：{}占全州{}%", c.name.zh, c.share_2020.text),
                    format!("Table 3: {} holds {}% of the prefecture", c.name.en, c.share_2020.text),
                ),
                Published::printed(c.share_2020),
                Recomputed::new(c.pop_2020.value / census_total * 100.0, pct(iv(c.pop_2020), Interval::exact(census_total))),
                self.t(
                    format!("{name} {}万 ÷ 全州{}万", c.pop_2020.text, fixed(census_total, 4, Lang::Zh)),
                    format!("{name} {} ÷ {} (10,000)", c.pop_2020.text, fixed(census_total, 4, Lang::En)),
                ),
                TABLE3_AT,
            );
        }
        for c in COUNTIES.iter() {
            self.check(
                format!("t3.change.{}", c.id),
                self.t(
                    format!("表3：{}占比增减{}个百分点", c.name.zh, c.share_change.text),
                    format!("Table 3: {}'s share changed by {} points", c.name.en, c.share_change.text),
                ),
                Published::printed(c.share_change),
                Recomputed::new(c.share_2020.value - c.share_2010.value, iv(c.share_2020).sub(iv(c.share_2010))),
                self.t(format!("{} − {}", c.share_2020.text, c.share_2010.text), format!("{} − {}", c.share_2020.text, c.share_2010.text)),
                TABLE3_AT,
            );
        }
        type ShareOf = fn(&County) -> Num;
        let share_cols: [(&str, &str, &str, ShareOf); 3] = [
            ("share_2020_sum", "“七普”占比", "2020 shares", |c| c.share_2020),
            ("share_2010_sum", "“六普”占比", "2010 shares", |c| c.share_2010),
            ("change_sum", "增长/减少", "changes", |c| c.share_change),
        ];
        for (id, zh, en, col) in share_cols {
            let expected = if id == "change_sum" { 0.0 } else { 100.0 };
            self.check(
                format!("t3.{id}"),
                self.t(format!("表3：{zh}一列合计为{expected}"), format!("Table 3: the {en} add up to {expected}")),
                Published::exact(expected),
                Recomputed::new(COUNTIES.iter().map(|c| col(c).value).sum(), Interval::sum(COUNTIES.iter().map(|c| iv(col(c))))),
                self.t("17个县（市）相加".into(), "sum over the 17 counties".into()),
                TABLE3_AT,
            );
        }
        // County counts by size class (第一章第一节).
        for (fid, lo, hi) in [
            ("counties_over_900k", 90.0, f64::INFINITY),
            ("counties_300k_400k", 30.0, 40.0),
            ("counties_200k_300k", 20.0, 30.0),
            ("counties_100k_200k", 10.0, 20.0),
        ] {
            let fa = f(fid)?;
            let n = COUNTIES.iter().filter(|c| c.pop_2020.value >= lo && c.pop_2020.value < hi).count();
            self.check(
                format!("text.{fid}"),
                self.t(format!("正文：{}有{}个", fa.name.zh, fa.value.text), format!("Text: {}: {}", fa.name.en, fa.value.text)),
                Published::printed(fa.value),
                Recomputed::count(n),
                self.t("按表3人口数计数".into(), "counted from Table 3".into()),
                fa.at,
            );
        }
        // The five largest counties.
        let mut by_pop: Vec<&County> = COUNTIES.iter().collect();
        by_pop.sort_by(|a, b| b.pop_2020.value.total_cmp(&a.pop_2020.value));
        let top5 = &by_pop[..5];
        let listed = top5.iter().filter(|c| TOP_FIVE.contains(c.county_id())).count();
        self.check(
            "text.top_five_are_largest",
            self.t(
                "正文：常住人口居前五位的是西昌市、会理市、冕宁县、会东县、盐源县".into(),
                "Text: the five most populous are Xichang, Huili, Mianning, Huidong and Yanyuan".into(),
            ),
            Published::count(TOP_FIVE.members.len()),
            Recomputed::count(listed),
            self.t("表3人口最多的5个县（市）中，正文列出的个数".into(), "of Table 3's five largest, how many the text lists".into()),
            TOP_FIVE.at,
        );
        let share = f("top_five_counties_share")?;
        let top_pop = Interval::sum(top5.iter().map(|c| iv(c.pop_2020)));
        self.check(
            "text.top_five_share",
            self.t("正文：前五位合计占全州常住人口比重49.43%".into(), "Text: together they hold 49.43% of the residents".into()),
            Published::printed(share.value),
            Recomputed::new(
                top5.iter().map(|c| c.pop_2020.value).sum::<f64>() / census_total * 100.0,
                pct(top_pop, Interval::exact(census_total)),
            ),
            self.t(
                format!("表3前五位人口之和 ÷ 全州（按占比列相加为{:.2}）", top5.iter().map(|c| c.share_2020.value).sum::<f64>()),
                format!(
                    "Table 3, sum of the five populations ÷ the prefecture (adding the share column gives {:.2})",
                    top5.iter().map(|c| c.share_2020.value).sum::<f64>()
                ),
            ),
            share.at,
        );
        // External census figures for two counties.
        for (area, id) in [("Xichang", "xichang"), ("Yanyuan", "yanyuan")] {
            let ext = census_fact(area, 2020, "resident_pop")?;
            let c = CountyId::from_slug(id).ok_or_else(|| missing(id))?.county();
            self.check(
                format!("t3.pop_2020.{id}_vs_census"),
                self.t(
                    format!("表3：{}常住人口{}万人", c.name.zh, c.pop_2020.text),
                    format!("Table 3: {} has {} (10,000) residents", c.name.en, c.pop_2020.text),
                ),
                Published::printed(c.pop_2020),
                Recomputed::exact(ext.value / 1e4),
                self.t(
                    format!("县级七普公报{}人（{}，转载来源）", fixed(ext.value, 0, Lang::Zh), CENSUS_FACTS_FILE),
                    format!("county census bulletin, {} persons ({}, secondary source)", fixed(ext.value, 0, Lang::En), CENSUS_FACTS_FILE),
                ),
                TABLE3_AT,
            );
        }
        Ok(())
    }

    fn table4(&mut self) {
        for r in TABLE4.iter() {
            self.check(
                format!("t4.ratio.{}", r.year),
                self.t(
                    format!("表4：{}年凉山人均GDP为全省的{}%", r.year, r.ratio.text),
                    format!("Table 4: in {} Liangshan's GDP per capita is {}% of Sichuan's", r.year, r.ratio.text),
                ),
                Published::printed(r.ratio),
                Recomputed::new(r.liangshan.value / r.sichuan.value * 100.0, pct(iv(r.liangshan), iv(r.sichuan))),
                self.t(
                    format!("{} ÷ {} × 100", r.liangshan.text, r.sichuan.text),
                    format!("{} ÷ {} × 100", r.liangshan.text, r.sichuan.text),
                ),
                TABLE4_AT,
            );
        }
    }

    fn table5(&mut self) -> Result<(), Error> {
        let in_basin = |c: &&County| ANNING_BASIN.contains(c.county_id());
        let cbr_low: Vec<&County> = COUNTIES.iter().filter(|c| c.cbr_2020.value < 15.0).collect();
        let old: Vec<&County> = COUNTIES.iter().filter(|c| c.share_60plus_2020.value > 10.0).collect();
        let names =
            |cs: &[&County], lang: Lang| -> String { crate::i18n::list(&cs.iter().map(|c| c.short.get(lang)).collect::<Vec<_>>(), lang) };
        let lang = self.lang;
        for (fid, set, basin_only, zh_how, en_how) in [
            ("counties_cbr_under_15", &cbr_low, false, "表5出生率低于15‰的县（市）", "counties of Table 5 with a birth rate below 15‰"),
            (
                "anning_counties_cbr_under_15",
                &cbr_low,
                true,
                "其中属于安宁河流域（第三章第二节名单）的",
                "of those, in the Anning basin (list of ch. 3 §2)",
            ),
            (
                "counties_60plus_over_10",
                &old,
                false,
                "表5中60岁及以上占比超过10%的县（市）",
                "counties of Table 5 with more than 10% aged 60+",
            ),
            ("anning_counties_60plus_over_10", &old, true, "其中属于安宁河流域的", "of those, in the Anning basin"),
        ] {
            let fa = f(fid)?;
            let members: Vec<&County> = set.iter().copied().filter(|c| !basin_only || in_basin(c)).collect();
            self.check(
                format!("t5.{fid}"),
                self.t(format!("正文：{}{}个", fa.name.zh, fa.value.text), format!("Text: {}: {}", fa.name.en, fa.value.text)),
                Published::printed(fa.value),
                Recomputed::count(members.len()),
                self.t(format!("{zh_how}:{}", names(&members, lang)), format!("{en_how}: {}", names(&members, lang))),
                fa.at,
            );
        }
        let basin = f("anning_counties")?;
        self.check(
            "t5.anning_counties",
            self.t("正文：安宁河流域8个县（市）".into(), "Text: the Anning basin has 8 counties".into()),
            Published::printed(basin.value),
            Recomputed::count(ANNING_BASIN.members.len()),
            self.t("第三章第二节所列县（市）数".into(), "counties listed in ch. 3 §2".into()),
            basin.at,
        );
        let same_group =
            COUNTIES.iter().filter(|c| (c.table5_group == Table5Group::AnningBasin) == ANNING_BASIN.contains(c.county_id())).count();
        self.check(
            "t5.groups_match_basin_list",
            self.t(
                "表5的“安宁河流域县（市）”分组与第三章第二节的流域名单一致".into(),
                "Table 5's Anning-basin group is the basin list of ch. 3 §2".into(),
            ),
            Published::count(COUNTIES.len()),
            Recomputed::count(same_group),
            self.t("两处归类相同的县（市）数".into(), "counties classified the same in both places".into()),
            TABLE5_AT,
        );
        let key = KEY_ASSISTANCE.members.len();
        self.check(
            "groups.key_assistance_count",
            self.t("第三章：11个乡村振兴重点帮扶县".into(), "Ch. 3: 11 key counties for rural revitalisation".into()),
            Published::exact(11.0),
            Recomputed::count(key),
            self.t("括号内所列县数".into(), "counties named in the parenthesis".into()),
            KEY_ASSISTANCE.at,
        );
        let covered = COUNTIES.iter().filter(|c| ANNING_BASIN.contains(c.county_id()) || KEY_ASSISTANCE.contains(c.county_id())).count();
        self.check(
            "groups.basin_and_key_cover_all",
            self.t(
                "“一流域”与“一区”合起来覆盖全部17个县（市）（盐源、喜德两者兼属）".into(),
                "The basin and the 11 key counties together cover all 17 (Yanyuan and Xide are in both)".into(),
            ),
            Published::count(COUNTIES.len()),
            Recomputed::count(covered),
            self.t("属于两组之一的县（市）数".into(), "counties in either group".into()),
            ANNING_BASIN.at,
        );
        let above = f("counties_urbanisation_above_mean")?;
        self.check(
            "text.urbanisation_above_mean_list",
            self.t(
                "正文：西昌、德昌、会理、会东、冕宁5县（市）城镇化率超过全州平均水平".into(),
                "Text: 5 counties (Xichang, Dechang, Huili, Huidong, Mianning) are above the prefecture's rate".into(),
            ),
            Published::printed(above.value),
            Recomputed::count(URBANISATION_ABOVE_MEAN.members.len()),
            self.t(
                "所列县（市）数；各县城镇化率未公布，无法进一步核对".into(),
                "number of counties named; the county rates are not published, so nothing more can be checked".into(),
            ),
            above.at,
        );
        // Weighted means of 表5 against the prefecture's figures.
        let pop_sum = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020)));
        type ColOf = fn(&County) -> Num;
        let weighted: [(&str, &str, &str, ColOf); 2] = [
            ("share_60plus_2020", "60岁及以上人口占比", "share aged 60+", |c| c.share_60plus_2020),
            ("minority_share_2020", "少数民族人口占比", "share of ethnic minorities", |c| c.minority_share_2020),
        ];
        for (fid, zh, en, col) in weighted {
            let fa = f(fid)?;
            let num_iv = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020).mul(iv(col(c)))));
            let point = COUNTIES.iter().map(|c| c.pop_2020.value * col(c).value).sum::<f64>()
                / COUNTIES.iter().map(|c| c.pop_2020.value).sum::<f64>();
            self.check(
                format!("t5.weighted_{fid}"),
                self.t(format!("正文：全州{zh}{}%", fa.value.text), format!("Text: the prefecture's {en} is {}%", fa.value.text)),
                Published::printed(fa.value),
                Recomputed::new(point, num_iv.div(pop_sum).unwrap_or(num_iv)),
                self.t(format!("表5各县{zh}按表3人口加权平均"), format!("Table 5's county {en}, weighted by Table 3's populations")),
                fa.at,
            );
        }
        let births = f("births_per_year")?;
        let b_iv = Interval::sum(COUNTIES.iter().map(|c| iv(c.pop_2020).mul(iv(c.cbr_2020)))).scale(10.0);
        let b_point: f64 = COUNTIES.iter().map(|c| c.pop_2020.value * c.cbr_2020.value * 10.0).sum();
        self.check(
            "t5.births_implied",
            self.t("正文：近年来每年出生人口在7万人左右".into(), "Text: about 70,000 births a year in recent years".into()),
            Published { value: births.value.value * 1e4, text: self.t("7万左右".into(), "about 70,000".into()), interval: Interval::new(63_000.0, 77_000.0) },
            Recomputed::new(b_point, b_iv),
            self.t(
                format!("表5各县2020年出生率 × 表3人口，合计约{}人（出生率以年平均人口为分母，此处用普查人口近似）；“左右”按±10%计", fixed(b_point, 0, Lang::Zh)),
                format!("Table 5's 2020 birth rates × Table 3's populations, about {} births (rates use mid-year population; census population approximates it); “about” read as ±10%", fixed(b_point, 0, Lang::En)),
            ),
            births.at,
        );
        Ok(())
    }
}

/// Runs every check, with claims and methods in `lang`.
pub fn audit(lang: Lang) -> Result<Vec<Check>, Error> {
    let mut a = Audit { lang, checks: Vec::new() };
    a.table1()?;
    a.table2();
    a.table3()?;
    a.table4();
    a.table5()?;
    a.text_internal()?;
    a.text_vs_external()?;
    Ok(a.checks)
}

/// What the audit notes beside the arithmetic: labels and units that do not
/// fit what they label.
pub fn observations(lang: Lang) -> Vec<Observation> {
    let mut out: Vec<Observation> = crate::data::targets::TARGETS
        .iter()
        .filter_map(|t| t.note.map(|n| (t, n)))
        .filter(|(t, _)| matches!(t.id, TargetId::Tfr2030 | TargetId::Srb))
        .map(|(t, n)| Observation { id: t.id.slug(), text: n.get(lang).to_string(), source: t.at.cite(lang) })
        .collect();
    out.push(Observation {
        id: "table1_title",
        text: Text::new("表1标题为“对比图”，实为表格。", "Table 1 is titled a “comparison chart” but is a table.").get(lang).to_string(),
        source: TABLE1_AT.cite(lang),
    });
    out.push(Observation {
        id: "figures_missing",
        text: Text::new(
            "图1—图3在公布的正文中只有标题，没有图像和数据；图3各县城镇化率未公布（正文只给出西昌66.63%）。",
            "Figures 1-3 appear in the published text as titles only, without images or data; Figure 3's county urbanisation rates are not published (the text gives only Xichang's 66.63%).",
        )
        .get(lang)
        .to_string(),
        source: sec(1, 1).cite(lang),
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_id(checks: &[Check], id: &str) -> Check {
        checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no check {id}")).clone()
    }

    #[test]
    fn every_check_has_a_unique_id_and_a_finite_recomputation() {
        let checks = audit(Lang::En).unwrap();
        let mut ids: Vec<&str> = checks.iter().map(|c| c.id.as_str()).collect();
        ids.sort();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate check ids");
        for c in &checks {
            assert!(c.recomputed.is_finite(), "{}", c.id);
            assert!(c.recomputed_low <= c.recomputed + 1e-9 && c.recomputed <= c.recomputed_high + 1e-9, "{}", c.id);
        }
        assert!(n >= 100, "only {n} checks");
    }

    #[test]
    fn finds_the_known_inconsistencies_and_only_those() {
        let checks = audit(Lang::En).unwrap();
        let mut failing: Vec<&str> = checks.iter().filter(|c| c.verdict == Verdict::Disagrees).map(|c| c.id.as_str()).collect();
        failing.sort();
        assert_eq!(
            failing,
            vec![
                "t3.change.yuexi",
                "t5.births_implied",
                "targets.urbanisation_rise_2025_2030",
                "text.gdp_ratio_fall_vs_table4",
                "text.gdp_ratio_vs_table4",
            ]
        );
        let yuexi = by_id(&checks, "t3.change.yuexi");
        assert!((yuexi.recomputed - 0.27).abs() < 1e-9);
        assert!((yuexi.difference + 0.04).abs() < 1e-9);
    }

    #[test]
    fn recomputes_table_shares_from_counts() {
        let checks = audit(Lang::En).unwrap();
        let c = by_id(&checks, "t1.2020.share.15_64");
        assert!((c.recomputed - 62.8747).abs() < 1e-3);
        assert_eq!(c.verdict, Verdict::Agrees);
        let t = by_id(&checks, "t3.sum");
        assert!((t.recomputed - 485.85).abs() < 1e-9);
        let top = by_id(&checks, "text.top_five_share");
        assert!((top.recomputed - 49.434).abs() < 1e-3);
        let births = by_id(&checks, "t5.births_implied");
        assert!((births.recomputed - 84_413.3).abs() < 1.0);
    }

    #[test]
    fn a_wrong_figure_would_be_caught() {
        // The same interval test, applied to a figure off by one unit of its
        // last digit more than rounding allows, must disagree.
        let published = crate::num!(62.86).interval();
        let recomputed = Interval::exact(3054681.0 / 4858359.0 * 100.0);
        assert!(!published.meets(&recomputed));
    }

    #[test]
    fn claims_come_in_both_languages() {
        let zh = audit(Lang::Zh).unwrap();
        let en = audit(Lang::En).unwrap();
        assert_eq!(zh.len(), en.len());
        for (a, b) in zh.iter().zip(en.iter()) {
            assert_eq!(a.id, b.id);
            assert!(a.claim.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}", a.id);
            for text in [&b.claim, &b.published_text, &b.method, &b.source] {
                assert!(!text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: Chinese in English: {text}", b.id);
            }
        }
        assert_eq!(observations(Lang::En).len(), 4);
    }
}
