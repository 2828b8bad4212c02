//! The words of the targets tracker: each row's claim, target and note,
//! its verdict, and the table the page shows. Figures are formatted from
//! the data (the plan's targets, the census facts), never typed in.

use serde::Serialize;

use super::explorer::preset_name;
use crate::charts::DataTable;
use crate::data::facts::ForecastId;
use crate::data::targets::{Goal, TargetId};
use crate::explorer::Tracker;
use crate::i18n::{fixed, Lang, Text};
use crate::projection::targets::{goal_value, About, Status, Test, Tracked};

/// The verdict in words, with a symbol so that colour never carries it alone.
pub fn status(s: Status) -> Text {
    match s {
        Status::OnTrack => Text::new("✓ 可实现", "✓ on track"),
        Status::AtRisk => Text::new("! 有风险", "! at risk"),
        Status::OffTrack => Text::new("✗ 难以实现", "✗ off track"),
        Status::Assumed => Text::new("＝ 情景假设", "= assumed"),
        Status::Outside => Text::new("— 不在预测范围", "— not projected"),
    }
}

/// The share of trajectories that meet a target, as a probability.
pub fn chance(p: f64, lang: Lang) -> String {
    let n = (p * 100.0).round();
    match (lang, p) {
        (Lang::Zh, p) if p >= 1.0 => "全部轨迹达到".into(),
        (Lang::En, p) if p >= 1.0 => "every trajectory meets it".into(),
        (Lang::Zh, p) if p <= 0.0 => "没有轨迹达到".into(),
        (Lang::En, p) if p <= 0.0 => "no trajectory meets it".into(),
        (Lang::Zh, _) if n < 1.0 => "不到1%的轨迹达到".into(),
        (Lang::En, _) if n < 1.0 => "fewer than 1% of trajectories meet it".into(),
        (Lang::Zh, _) if n > 99.0 => "超过99%的轨迹达到".into(),
        (Lang::En, _) if n > 99.0 => "more than 99% of trajectories meet it".into(),
        (Lang::Zh, _) => format!("约{n}%的轨迹达到"),
        (Lang::En, _) => format!("about {n}% of trajectories meet it"),
    }
}

const COLUMNS: [Text; 9] = [
    Text::new("目标或预计", "Target or forecast"),
    Text::new("年份", "Year"),
    Text::new("2020年", "2020"),
    Text::new("目标", "Target"),
    Text::new("预测值", "Projected"),
    Text::new("80%区间", "80% interval"),
    Text::new("判断", "Verdict"),
    Text::new("达到年份", "Reached in"),
    Text::new("说明", "Note"),
];

const ASSUMED: Text = Text::new("情景假设，不是预测结果", "the scenario's assumption, not an outcome");
const TREND: Text =
    Text::new("2010—2020年趋势的逻辑斯蒂外推，不随情景变化", "logistic continuation of the 2010-2020 trend; the same in every scenario");
const FORECAST: Text = Text::new("规划正文的预计", "the plan's forecast in its text");
const NOT_TOLD: Text = Text::new("人口预测不涉及此项", "a population projection does not tell this");

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A number as it stands in a sentence: no trailing zeros (1.6, 78, 21.71).
fn plain(x: f64) -> String {
    format!("{x}")
}

/// The figure a target sets, or None for one in words.
fn goal(id: TargetId) -> f64 {
    goal_value(id).unwrap_or(f64::NAN)
}

/// A goal in words.
pub fn goal_text(goal: &Goal, lang: Lang) -> String {
    let zh = lang == Lang::Zh;
    match goal {
        Goal::Reach(n) => n.text.to_string(),
        Goal::AtLeast(n) => format!("≥ {}", n.text),
        Goal::Above(n) => format!("> {}", n.text),
        Goal::About(n) => format!("≈ {}", n.text),
        Goal::AnnualRiseAtLeast(n) => format!("≥ {}/{}", n.text, if zh { "年" } else { "yr" }),
        Goal::KeepStable => Text::new("保持稳定", "stable").get(lang).into(),
        Goal::ReachSichuanAverage => Text::new("达到全省平均水平", "Sichuan's average").get(lang).into(),
        Goal::NotAboveSichuanAverage => Text::new("不超过全省平均水平", "not above Sichuan's average").get(lang).into(),
        Goal::UniversalCoverage => Text::new("应保尽保", "everyone eligible").get(lang).into(),
        Goal::EveryCounty => Text::new("县级全覆盖", "every county").get(lang).into(),
    }
}

/// A row's claim, target and note.
struct Words {
    claim: String,
    target: String,
    note: String,
}

impl Words {
    fn new(claim: String, target: String, note: String) -> Words {
        Words { claim, target, note }
    }
}

fn words(t: &Tracked, lang: Lang) -> Words {
    match t.about {
        About::Target(id) => target_words(id, t, lang),
        About::Forecast(id) => forecast_words(id, t, lang),
    }
}

fn target_words(id: TargetId, t: &Tracked, lang: Lang) -> Words {
    let y = t.year;
    let g = goal(id);
    let threshold = t.threshold.unwrap_or(f64::NAN);
    let w = |claim: String, target: String, note: String| Words { claim, target, note };
    match id {
        TargetId::ResidentPop2030 => w(
            pick(
                lang,
                format!("常住人口{y}年达到{}万人", fixed(g, 0, lang)),
                format!("Resident population of {} million by {y}", plain(g / 100.0)),
            ),
            pick(lang, format!("{}万", fixed(g, 0, lang)), fixed(g * 1e4, 0, lang)),
            String::new(),
        ),
        TargetId::LifeExpectancy2025 | TargetId::LifeExpectancy2030 => w(
            pick(lang, format!("人均预期寿命{y}年达到{}岁", plain(g)), format!("Life expectancy {} by {y}", plain(g))),
            fixed(g, 1, lang),
            ASSUMED.get(lang).into(),
        ),
        TargetId::Tfr2030 => {
            let about = plain(goal(TargetId::Tfr2030Text));
            w(
                pick(
                    lang,
                    format!("总和生育率{y}年稳定在{about}左右（专栏1：>{}）", plain(g)),
                    format!("Total fertility rate about {about} by {y} (Box 1: above {})", plain(g)),
                ),
                format!(">{}", plain(g)),
                Text::new(
                    "情景假设；2020年值为本项目由出生数推算",
                    "the scenario's assumption; the 2020 value is this project's estimate from births",
                )
                .get(lang)
                .into(),
            )
        }
        TargetId::Srb => {
            let printed = id.target().baseline_2020.map_or("", |n| n.text);
            w(
                Text::new("出生人口性别比保持稳定", "Sex ratio at birth kept stable").get(lang).into(),
                goal_text(&id.target().goal, lang),
                pick(
                    lang,
                    format!("情景假设（每100名女婴对应的男婴数）；专栏1的{printed}是总人口性别比"),
                    format!("the scenario's assumption (boys per 100 girls); Box 1's {printed} is the whole population's sex ratio"),
                ),
            )
        }
        TargetId::Share60plus2030 => w(
            pick(lang, format!("{y}年60岁及以上人口占比不超过全省平均水平"), format!("Share aged 60+ in {y} not above Sichuan's average")),
            format!("≤ {}%", plain(threshold)),
            pick(
                lang,
                format!("以四川省2020年水平（{}%）比较：全省{y}年水平未公布，且只会更高", plain(threshold)),
                format!(
                    "compared with Sichuan's 2020 level ({}%): its {y} level is not published and can only be higher",
                    plain(threshold)
                ),
            ),
        ),
        TargetId::Urbanisation2025 | TargetId::Urbanisation2030 => w(
            pick(lang, format!("常住人口城镇化率{y}年达到{}%", plain(g)), format!("Urbanisation {}% by {y}", plain(g))),
            format!("{}%", plain(g)),
            TREND.get(lang).into(),
        ),
        TargetId::UrbanisationAnnualRise => urbanisation_rise_words(g, lang),
        TargetId::ChildcarePlacesUnder3 => childcare_words(id, t, lang),
        _ => w(id.target().name.get(lang).into(), goal_text(&id.target().goal, lang), NOT_TOLD.get(lang).into()),
    }
}

/// The rise a year the plan's text asks for, against what its own box implies.
fn urbanisation_rise_words(g: f64, lang: Lang) -> Words {
    let (u25, u30) = (goal(TargetId::Urbanisation2025), goal(TargetId::Urbanisation2030));
    let implied = fixed((u30 - u25) / 5.0, 1, lang);
    Words::new(
        pick(
            lang,
            format!("常住人口城镇化率年均增加{}个百分点以上", plain(g)),
            format!("Urbanisation rising by more than {} point a year", plain(g)),
        ),
        pick(lang, format!("≥ {}个百分点/年", plain(g)), format!("≥ {} point a year", plain(g))),
        pick(
            lang,
            format!("2020—2030年平均；专栏1的{}%和{}%本身只意味着2025—2030年每年{implied}个百分点", plain(u25), plain(u30)),
            format!("2020-2030 average; Box 1's own {}% and {}% imply only {implied} points a year in 2025-2030", plain(u25), plain(u30)),
        ),
    )
}

/// Childcare places: the number this scenario's children need.
fn childcare_words(id: TargetId, t: &Tracked, lang: Lang) -> Words {
    let (y, g) = (t.year, goal(id));
    let places = fixed(t.implied.unwrap_or(f64::NAN), 0, lang);
    Words::new(
        id.target().name.get(lang).into(),
        goal_text(&id.target().goal, lang),
        pick(
            lang,
            format!("按此情景，{y}年需约{places}个托位（每千人{}个）", plain(g)),
            format!("under this scenario about {places} places in {y} ({} per 1,000)", plain(g)),
        ),
    )
}

fn forecast_words(id: ForecastId, t: &Tracked, lang: Lang) -> Words {
    let claim = id.forecast().claim.get(lang).to_string();
    let threshold = plain(t.threshold.unwrap_or(f64::NAN));
    match id {
        ForecastId::Share60PlusExceeds20 => Words { claim, target: format!("> {threshold}%"), note: FORECAST.get(lang).into() },
        ForecastId::WorkingAgeShareExceedsSichuan => Words {
            claim,
            target: format!("> {threshold}%"),
            note: pick(
                lang,
                format!("规划正文的预计；以四川省2020年水平（{threshold}%）比较；“前后”按±2年计"),
                format!(
                    "the plan's forecast in its text; compared with Sichuan's 2020 level ({threshold}%); “around” read as within two years"
                ),
            ),
        },
    }
}

/// A value of a row, to the precision its target is printed with.
fn value(t: &Tracked, v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    match (t.about, lang) {
        (About::Target(TargetId::ResidentPop2030), Lang::Zh) => format!("{}万", fixed(v / 1e4, 2, lang)),
        (About::Target(TargetId::ResidentPop2030), Lang::En) => fixed(v, 0, lang),
        (About::Target(TargetId::Srb), _) => fixed(v, 1, lang),
        _ => fixed(v, 2, lang),
    }
}

/// The tracker as the page shows it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TrackerTable {
    pub caption: String,
    pub table: DataTable,
    /// The status of each row (for styling; the table's text says it too).
    pub statuses: Vec<Status>,
    /// Whether intervals from a probabilistic run are in.
    pub intervals: bool,
}

fn row(t: &Tracked, intervals: bool, lang: Lang) -> Vec<String> {
    let w = words(t, lang);
    let interval = match t.interval_80 {
        Some((lo, hi)) => format!("{} – {}", value(t, lo, lang), value(t, hi, lang)),
        None if t.check.is_some() && !intervals => Text::new("计算中…", "computing…").get(lang).into(),
        None => "—".into(),
    };
    // Only a level to reach can be "not reached"; a ceiling has no crossing.
    let reaches = t.check.is_some_and(|c| !matches!(c.test, Test::AtMost(_)));
    let crossed = match t.crossed_in {
        Some(y) => y.to_string(),
        None if reaches => Text::new("预测期内未达到", "not by 2050").get(lang).into(),
        None => "—".into(),
    };
    vec![
        w.claim,
        t.year.to_string(),
        t.value_2020.map_or("—".into(), |v| value(t, v, lang)),
        w.target,
        value(t, t.projected.unwrap_or(f64::NAN), lang),
        interval,
        match (t.probability, lang) {
            (Some(p), Lang::Zh) => format!("{}（{}）", status(t.status).get(lang), chance(p, lang)),
            (Some(p), Lang::En) => format!("{} ({})", status(t.status).get(lang), chance(p, lang)),
            (None, _) => status(t.status).get(lang).into(),
        },
        crossed,
        w.note,
    ]
}

/// The tracker's table, caption and verdicts in `lang`.
pub fn table(t: &Tracker, lang: Lang) -> TrackerTable {
    let scenario = preset_name(t.preset).get(lang);
    let caption = match (lang, t.adjusted) {
        (Lang::Zh, false) => format!("规划目标与预计对照（全州，情景：{scenario}）"),
        (Lang::Zh, true) => format!("规划目标与预计对照（全州，情景：{scenario}，已调整）"),
        (Lang::En, false) => format!("The plan's targets and forecasts (Liangshan, scenario: {scenario})"),
        (Lang::En, true) => format!("The plan's targets and forecasts (Liangshan, scenario: {scenario}, adjusted)"),
    };
    TrackerTable {
        caption,
        table: DataTable {
            columns: COLUMNS.iter().map(|c| c.get(lang).to_string()).collect(),
            rows: t.rows.iter().map(|r| row(r, t.intervals, lang)).collect(),
        },
        statuses: t.rows.iter().map(|r| r.status).collect(),
        intervals: t.intervals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_share_of_trajectories_reads_as_a_probability() {
        assert_eq!(chance(0.734, Lang::Zh), "约73%的轨迹达到");
        assert_eq!(chance(0.734, Lang::En), "about 73% of trajectories meet it");
        assert_eq!(chance(0.004, Lang::Zh), "不到1%的轨迹达到");
        assert_eq!(chance(0.996, Lang::En), "more than 99% of trajectories meet it");
        assert_eq!(chance(0.0, Lang::En), "no trajectory meets it");
        assert_eq!(chance(1.0, Lang::Zh), "全部轨迹达到");
    }
}
