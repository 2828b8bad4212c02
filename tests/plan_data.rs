//! Every transcribed figure of the plan against the plan's own text.
//!
//! The plan ships in `data/plan/plan.txt`. With all white space removed, each
//! table row, as transcribed, must stand in it verbatim, and each figure of
//! the running text must stand in the phrase it was quoted from.

use liangshan_pop::data::counties::{Table5Group, COUNTIES, GROUPS};
use liangshan_pop::data::external::{census_facts, county_areas};
use liangshan_pop::data::facts::{FACTS, FORECASTS};
use liangshan_pop::data::tables::{TABLE1, TABLE2, TABLE4};
use liangshan_pop::data::targets::{Goal, Kind, TargetId, TARGETS, TEXT_TARGET_QUOTES};
use liangshan_pop::data::{Loc, Source, PLAN_TEXT};
use liangshan_pop::Lang;

/// Drops white space and folds full-width punctuation to ASCII: the
/// published text uses ASCII punctuation, the data full-width.
fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '，' => ',',
            '：' => ':',
            '；' => ';',
            '（' => '(',
            '）' => ')',
            c => c,
        })
        .collect()
}

fn plan() -> String {
    squeeze(PLAN_TEXT)
}

fn assert_in_plan(what: &str, needle: &str) {
    assert!(plan().contains(&squeeze(needle)), "{what}: not in the plan: {needle}");
}

#[test]
fn every_text_figure_stands_in_its_quote_and_the_quote_in_the_plan() {
    for f in FACTS {
        assert_in_plan(f.id, f.quote);
        assert!(f.quote.contains(f.value.text), "{}: quote does not contain {}", f.id, f.value.text);
    }
}

#[test]
fn fact_ids_are_unique() {
    let mut ids: Vec<&str> = FACTS.iter().map(|f| f.id).collect();
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(n, ids.len());
    assert!(n >= 60, "only {n} facts");
}

#[test]
fn table1_rows_stand_in_the_plan() {
    for r in TABLE1.iter() {
        let row = format!("{}人口{}{}%{}{}%", r.group.zh, r.count_2010.text, r.share_2010.text, r.count_2020.text, r.share_2020.text);
        assert_in_plan("表1", &row);
    }
}

#[test]
fn table2_rows_stand_in_the_plan_in_order() {
    let all: String = TABLE2.iter().map(|r| format!("{}{}{}{}", r.name.zh, r.years_2020.text, r.years_2010.text, r.rise.text)).collect();
    assert_in_plan("表2", &all);
}

#[test]
fn table3_rows_stand_in_the_plan_in_order() {
    let all: String = COUNTIES
        .iter()
        .map(|c| {
            format!("{}{}{}{}{}{}", c.table3_no, c.name.zh, c.pop_2020.text, c.share_2020.text, c.share_2010.text, c.share_change.text)
        })
        .collect();
    assert_in_plan("表3", &all);
}

#[test]
fn table4_rows_stand_in_the_plan_in_order() {
    let all: String = TABLE4.iter().map(|r| format!("{}{}{}{}", r.year, r.liangshan.text, r.sichuan.text, r.ratio.text)).collect();
    assert_in_plan("表4", &all);
}

#[test]
fn table5_rows_stand_in_the_plan_under_their_groups() {
    // 表5 lists each group in an order of its own (喜德 and 冕宁 last in the
    // basin group), so the order is spelled out here.
    let groups: [(Table5Group, &str, &[&str]); 2] = [
        (
            Table5Group::AnningBasin,
            "安宁河流域县（市）",
            &["xichang", "yanyuan", "dechang", "huili", "huidong", "ningnan", "xide", "mianning"],
        ),
        (Table5Group::Other, "其他区域县", &["muli", "puge", "butuo", "jinyang", "zhaojue", "yuexi", "ganluo", "meigu", "leibo"]),
    ];
    for (group, header, order) in groups {
        assert_eq!(order.len(), COUNTIES.iter().filter(|c| c.table5_group == group).count());
        let rows: String = order
            .iter()
            .map(|id| {
                let c = COUNTIES.iter().find(|c| c.id == *id).expect("county");
                assert_eq!(c.table5_group, group, "{id}");
                format!("{}{}{}{}", c.name.zh, c.cbr_2020.text, c.share_60plus_2020.text, c.minority_share_2020.text)
            })
            .collect();
        assert_in_plan("表5", &format!("{header}{rows}"));
    }
}

#[test]
fn box1_rows_stand_in_the_plan() {
    let t = |id: &str| TargetId::ALL.into_iter().find(|t| t.slug() == id).unwrap_or_else(|| panic!("no target {id}")).target();
    let reach = |id: &str| match t(id).goal {
        Goal::Reach(n) => n.text,
        other => panic!("{id}: {other:?}"),
    };
    let kind = |id: &str| t(id).kind.label().zh;
    let rows = [
        format!(
            "常住人口万人{}-{}{}",
            t("resident_pop_2030").baseline_2020.unwrap().text,
            reach("resident_pop_2030"),
            kind("resident_pop_2030")
        ),
        format!("总和生育率%-->1.6{}", kind("tfr_2030")),
        format!("出生人口性别比{}保持稳定保持稳定{}", t("srb").baseline_2020.unwrap().text, kind("srb")),
        format!(
            "人均预期寿命{}{}{}{}",
            t("life_expectancy_2025").baseline_2020.unwrap().text,
            reach("life_expectancy_2025"),
            reach("life_expectancy_2030"),
            kind("life_expectancy_2030")
        ),
        format!(
            "15岁及以上人口的平均受教育年限{}-达到全省平均水平{}",
            t("schooling_2030").baseline_2020.unwrap().text,
            kind("schooling_2030")
        ),
        format!(
            "常住人口城镇化率%{}{}{}{}",
            t("urbanisation_2030").baseline_2020.unwrap().text,
            reach("urbanisation_2025"),
            reach("urbanisation_2030"),
            kind("urbanisation_2030")
        ),
        format!("基本养老保险参保率%{}应保尽保应保尽保{}", t("pension_insurance").baseline_2020.unwrap().text, kind("pension_insurance")),
        format!(
            "基本医疗保险参保率%{}左右应保尽保应保尽保{}",
            t("medical_insurance").baseline_2020.unwrap().text,
            kind("medical_insurance")
        ),
    ];
    for row in rows {
        assert_in_plan("专栏1", &row);
    }
    assert_eq!(t("pension_insurance").kind, Kind::Binding);
    assert!(matches!(t("tfr_2030").goal, Goal::Above(n) if n.text == "1.6"));
}

#[test]
fn every_text_target_has_its_quote_in_the_plan() {
    for (id, quote) in TEXT_TARGET_QUOTES {
        assert_in_plan(id.slug(), quote);
    }
    // Every target outside 专栏1 has a quote.
    for t in TARGETS.iter().filter(|t| t.kind == Kind::NotStated) {
        assert!(TEXT_TARGET_QUOTES.iter().any(|(id, _)| *id == t.id), "{} has no quote", t.id.slug());
    }
    for f in FORECASTS {
        assert_in_plan(f.id.slug(), f.quote);
    }
}

#[test]
fn county_groups_are_quoted_and_name_real_counties() {
    for g in GROUPS {
        assert_in_plan(g.id, g.quote);
        for m in g.members {
            let c = m.county();
            assert!(g.quote.contains(c.short.zh), "{}: quote does not name {}", g.id, c.short.zh);
        }
    }
}

#[test]
fn counties_are_complete_and_consistent() {
    assert_eq!(COUNTIES.len(), 17);
    for (i, c) in COUNTIES.iter().enumerate() {
        assert_eq!(usize::from(c.table3_no), i + 1);
        assert_eq!(c.county_id().index(), i);
        assert!(c.name.zh.starts_with(c.short.zh), "{}", c.id);
        assert!(c.name.en.starts_with(c.short.en), "{}", c.id);
    }
    let mut ids: Vec<&str> = COUNTIES.iter().map(|c| c.id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 17);
}

#[test]
fn external_files_parse_and_keep_their_sources() {
    let facts = census_facts();
    assert_eq!(facts.len(), 54);
    assert!(facts.iter().all(|f| matches!(&f.source, Source::External { url, .. } if !url.is_empty())));
    let official = facts.iter().filter(|f| matches!(f.source, Source::External { secondary: false, .. })).count();
    assert!(official >= 9, "the prefecture's statistics bureau rows are primary");
    assert_eq!(facts.iter().filter(|f| f.derived).count(), 4);
    let areas = county_areas();
    assert_eq!(areas.len(), 17);
    assert_eq!(areas.iter().map(|a| a.area_km2).sum::<f64>(), 60_423.0);
    for (a, c) in areas.iter().zip(COUNTIES.iter()) {
        assert_eq!(a.county_zh, c.name.zh);
        assert_eq!(a.county_en, c.short.en);
    }
}

#[test]
fn locations_cite_in_both_languages() {
    use liangshan_pop::data::{at, Item};
    let l: Loc = at(2, 3, Item::Box(1));
    assert_eq!(l.cite(Lang::Zh), "规划 第二章第三节 专栏1");
    assert_eq!(l.cite(Lang::En), "Plan, ch. 2 §3, Box 1");
    assert_eq!(at(10, 4, Item::Table(5)).cite(Lang::Zh), "规划 第十章第四节 表5");
}
