//! The words of the state's notices: a bad URL parameter (or an element's
//! attribute), what it held and what is used instead.

use crate::i18n::{fixed, Lang, Text};
use crate::state::{Fix, Notice, Source};

/// What a parameter's default is, in words.
fn default_of(param: &str) -> Text {
    match param {
        "lang" => Text::new("中文", "Chinese"),
        "theme" => Text::new("跟随系统", "the system's theme"),
        "chart" => Text::new("第一张图", "the first chart"),
        "a11y" => Text::new("标准模式", "the standard mode"),
        "scenario" => Text::new("规划路径", "the plan's path"),
        "region" => Text::new("凉山州", "Liangshan"),
        "county_service" => Text::new("60岁及以上人口", "the population aged 60+"),
        "county_measure" => Text::new("比2020年的变化（%）", "the change since 2020 (%)"),
        _ => Text::new("默认值", "the default"),
    }
}

fn said(n: &Notice, source: Source, lang: Lang) -> String {
    let (p, v) = (&n.param, &n.found);
    let (what_zh, what_en) = match source {
        Source::Url => ("网址参数", "The URL parameter"),
        Source::Attributes => ("属性", "The attribute"),
    };
    match (n.fix, lang) {
        (Fix::Default, Lang::Zh) => format!("{what_zh} {p} 的值“{v}”无效，已改为{}。", default_of(p).zh),
        (Fix::Default, Lang::En) => format!("{what_en} {p}=\"{v}\" is not valid; {} is used instead.", default_of(p).en),
        (Fix::Clamped { value, decimals }, Lang::Zh) => {
            format!("{what_zh} {p} 的值“{v}”超出范围，已改为最接近的有效值 {}。", fixed(value, decimals, lang))
        }
        (Fix::Clamped { value, decimals }, Lang::En) => {
            format!("{what_en} {p}=\"{v}\" is out of range; the nearest valid value, {}, is used instead.", fixed(value, decimals, lang))
        }
        (Fix::Stepped { value, decimals }, Lang::Zh) => {
            format!("{what_zh} {p} 的值“{v}”不在滑块的刻度上，已改为最接近的 {}。", fixed(value, decimals, lang))
        }
        (Fix::Stepped { value, decimals }, Lang::En) => {
            format!("{what_en} {p}=\"{v}\" is between the slider's steps; the nearest, {}, is used.", fixed(value, decimals, lang))
        }
        (Fix::Whole { year }, Lang::Zh) => format!("{what_zh} {p} 的值“{v}”不是整数年份，已改为 {year}。"),
        (Fix::Whole { year }, Lang::En) => format!("{what_en} {p}=\"{v}\" is not a whole year; {year} is used."),
        (Fix::Ignored { total, read }, Lang::Zh) => match source {
            Source::Url => format!("网址有{total}个参数，只读取了前{read}个，其余未读取。"),
            Source::Attributes => format!("元素有{total}个属性值，只读取了前{read}个，其余未读取。"),
        },
        (Fix::Ignored { total, read }, Lang::En) => match source {
            Source::Url => format!("The URL has {total} parameters; only the first {read} were read."),
            Source::Attributes => format!("The element has {total} attribute values; only the first {read} were read."),
        },
    }
}

/// A notice in `lang`. A bad `lang` itself is said in both languages: the
/// reader may read neither the default nor what they asked for.
pub fn notice(n: &Notice, source: Source, lang: Lang) -> String {
    if n.param == "lang" {
        return format!("{} {}", said(n, source, Lang::Zh), said(n, source, Lang::En));
    }
    said(n, source, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::parse;

    #[test]
    fn says_where_the_value_came_from_and_what_is_used() {
        let (_, n) = parse("tfr2030=1.23456789&migration=-90000&lang=fr");
        assert_eq!(notice(&n[0], Source::Url, Lang::Zh), "网址参数 tfr2030 的值“1.23456789”不在滑块的刻度上，已改为最接近的 1.25。");
        assert_eq!(
            notice(&n[1], Source::Attributes, Lang::En),
            "The attribute migration=\"-90000\" is out of range; the nearest valid value, -60,000, is used instead."
        );
        let both = notice(&n[2], Source::Url, Lang::En);
        assert!(both.starts_with("网址参数 lang") && both.contains("Chinese is used instead"), "{both}");
    }
}
