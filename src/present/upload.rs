//! The words of an upload: every problem and note of [`crate::upload`] in
//! Chinese and English, side by side. Each says what was found and what to
//! do; a line's number is said once, at the start.

use crate::csv::{CsvProblem, Delimiter};
use crate::demography::Sex;
use crate::i18n::{fixed, list, Lang, Text};
use crate::upload::plausible::FEMALE_SHARE;
use crate::upload::{AgeGroup, Column, Encoding, Note, Problem, ProblemKind, Snippet};

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// What was found, quoted, with "…" where it was cut.
fn quoted(s: &Snippet, lang: Lang) -> String {
    let ell = if s.cut { "…" } else { "" };
    match lang {
        Lang::Zh => format!("“{}{ell}”", s.text),
        Lang::En => format!("\u{201c}{}{ell}\u{201d}", s.text),
    }
}

const FEMALE: Text = Text::new("女性", "female");
const MALE: Text = Text::new("男性", "male");

fn sex(s: Sex) -> Text {
    match s {
        Sex::Female => FEMALE,
        Sex::Male => MALE,
    }
}

fn delimiter(d: Delimiter) -> Text {
    match d {
        Delimiter::Comma => Text::new("逗号", "comma"),
        Delimiter::Tab => Text::new("制表符", "tab"),
        Delimiter::Semicolon => Text::new("分号", "semicolon"),
    }
}

fn column(c: Column) -> Text {
    match c {
        Column::Age => Text::new("年龄", "age"),
        Column::Female => Text::new("女", "female"),
        Column::Male => Text::new("男", "male"),
    }
}

/// "0—4岁" / "0-4"; "85岁及以上" / "85+".
pub fn group(g: AgeGroup, lang: Lang) -> String {
    match (g.width, lang) {
        (None, Lang::Zh) => format!("{}岁及以上", g.from),
        (None, Lang::En) => format!("{}+", g.from),
        (Some(1), Lang::Zh) => format!("{}岁", g.from),
        (Some(1), Lang::En) => g.from.to_string(),
        (Some(w), Lang::Zh) => format!("{}—{}岁", g.from, g.from + w - 1),
        (Some(w), Lang::En) => format!("{}-{}", g.from, g.from + w - 1),
    }
}

fn persons(x: f64, lang: Lang) -> String {
    fixed(x, 0, lang)
}

fn percent(share: f64, lang: Lang) -> String {
    format!("{}%", fixed(share * 100.0, 1, lang))
}

/// A share in whole percent.
fn percent0(share: f64, lang: Lang) -> String {
    format!("{}%", fixed(share * 100.0, 0, lang))
}

fn csv_problem(p: CsvProblem, lang: Lang) -> String {
    let t = match p {
        CsvProblem::QuoteInsideField => Text::new("引号出现在未加引号的字段中间", "a quote in the middle of an unquoted field"),
        CsvProblem::TextAfterQuote => Text::new("右引号后还有文字", "text after a closing quote"),
        CsvProblem::UnclosedQuote => {
            Text::new("引号没有闭合，文件其余部分都在引号内", "a quote is not closed: the rest of the file is inside it")
        }
    };
    t.get(lang).to_string()
}

/// A problem in the reader's language; `region`: the region the table is for.
pub fn problem(p: &Problem, region: Text, lang: Lang) -> String {
    let body = problem_body(&p.kind, region, lang);
    match (p.line, lang) {
        (Some(line), Lang::Zh) => format!("第{line}行：{body}"),
        (Some(line), Lang::En) => format!("Line {line}: {body}"),
        (None, _) => body,
    }
}

fn problem_body(k: &ProblemKind, region: Text, lang: Lang) -> String {
    match k {
        ProblemKind::TooLarge { bytes, max } => pick(
            lang,
            format!("文件有{} KB，最大{} KB。", bytes.div_ceil(1000), max / 1000),
            format!("The file has {} kB; at most {} kB.", bytes.div_ceil(1000), max / 1000),
        ),
        ProblemKind::Workbook => Text::new(
            "这是电子表格的工作簿文件（如 .xlsx），不是CSV：请在电子表格程序中“另存为”CSV后再选择该文件。",
            "This is a spreadsheet workbook (such as .xlsx), not CSV: save it as CSV from the spreadsheet program and choose that file.",
        )
        .get(lang)
        .into(),
        ProblemKind::NotText => Text::new(
            "无法识别文件的编码（不是UTF-8、UTF-16或GBK文本）：请另存为“CSV UTF-8”后再选择该文件。",
            "The file is not text in UTF-8, UTF-16 or GBK: save it as “CSV UTF-8” and choose that file.",
        )
        .get(lang)
        .into(),
        ProblemKind::BadUtf16 => {
            Text::new("文件标明为UTF-16编码，但内容不完整：请重新导出。", "The file says it is UTF-16 but is broken: export it again.")
                .get(lang)
                .into()
        }
        ProblemKind::Empty => Text::new("文件是空的。", "The file is empty.").get(lang).into(),
        ProblemKind::TooManyLines { lines, max } => {
            pick(lang, format!("文件有{lines}行，最多{max}行。"), format!("The file has {lines} lines; at most {max}."))
        }
        ProblemKind::Csv { problem } => csv_problem(*problem, lang),
        k @ (ProblemKind::OneColumn { .. }
        | ProblemKind::Header { .. }
        | ProblemKind::FieldCount { .. }
        | ProblemKind::Age { .. }
        | ProblemKind::Count { .. }
        | ProblemKind::NoRows
        | ProblemKind::Gap { .. }
        | ProblemKind::OpenNotLast
        | ProblemKind::LastNotOpen
        | ProblemKind::MixedWidths
        | ProblemKind::FewFiveYearGroups) => shape_problem(k, lang),
        ProblemKind::NotFinite => Text::new(
            "各组人数之和超出了数值范围：请检查人数的单位和位数。",
            "The counts add up to more than a number can hold: check their units and digits.",
        )
        .get(lang)
        .into(),
        k @ (ProblemKind::Total { .. } | ProblemKind::SexShare { .. } | ProblemKind::GroupShare { .. }) => implausible(k, region, lang),
    }
}

/// What is wrong with the table's shape: its columns, ages and counts.
fn shape_problem(k: &ProblemKind, lang: Lang) -> String {
    match k {
        ProblemKind::OneColumn { found } => pick(
            lang,
            format!("只有一列（{}）：各列须用逗号、制表符或分号分隔。", quoted(found, lang)),
            format!("one column only ({}): separate the columns with commas, tabs or semicolons.", quoted(found, lang)),
        ),
        ProblemKind::Header { found, delimiter: d, missing } => header_problem(found, *d, missing, lang),
        ProblemKind::FieldCount { expected, found, thousands } => {
            let (zh, en) = if *thousands {
                (
                    "：数字中的千位分隔符请去掉，或给数字加引号（如 \"210,000\"）",
                    ": remove the thousands separators from the numbers, or put each number in quotes (\"210,000\")",
                )
            } else {
                ("", "")
            };
            pick(
                lang,
                format!("每行应有{expected}列，此行有{found}列{zh}。"),
                format!("every line should have {expected} columns; this one has {found}{en}."),
            )
        }
        ProblemKind::Age { found } => pick(
            lang,
            format!("无法识别年龄{}（可写作 0-4、0～4岁、85+ 或 85岁及以上）。", quoted(found, lang)),
            format!("the age {} is not recognised (write 0-4, 0, 85+ or 85 and over).", quoted(found, lang)),
        ),
        ProblemKind::Count { sex: s, found } if found.text.is_empty() => {
            pick(lang, format!("{}人数为空。", sex(*s).zh), format!("the {} count is empty.", sex(*s).en))
        }
        ProblemKind::Count { sex: s, found } => pick(
            lang,
            format!("{}人数{}不是人数：请只写数字（如 12345 或 12,345），不要写负号、单位或科学计数法。", sex(*s).zh, quoted(found, lang)),
            format!(
                "the {} count {} is not a number of persons: write digits only (such as 12345 or 12,345), with no sign, unit or exponent.",
                sex(*s).en,
                quoted(found, lang)
            ),
        ),
        ProblemKind::NoRows => Text::new("文件只有列名，没有数据行。", "The file has no rows of data under its header.").get(lang).into(),
        ProblemKind::Gap { expected } => pick(
            lang,
            format!("年龄组不连续或有重复：这里应是从{expected}岁开始的组。"),
            format!("the age groups have a gap or repeat: the group starting at age {expected} should be here."),
        ),
        ProblemKind::OpenNotLast => {
            Text::new("只有最后一组可以是开口组（如“85+”）。", "only the last group may be open (such as \"85+\").").get(lang).into()
        }
        ProblemKind::LastNotOpen => {
            Text::new("最后一组应为开口组（如“85+”或“85岁及以上”）。", "the last group must be open (such as \"85+\" or \"85 and over\").")
                .get(lang)
                .into()
        }
        ProblemKind::MixedWidths => {
            Text::new("年龄组须全部为1岁组或全部为5岁组。", "the age groups must all be single years or all five-year groups.")
                .get(lang)
                .into()
        }
        ProblemKind::FewFiveYearGroups => {
            Text::new("5岁组至少需要5个闭口组和最后一个开口组。", "five-year groups need at least five closed groups and an open last one.")
                .get(lang)
                .into()
        }
        // (The caller sends only the kinds above.)
        _ => String::new(),
    }
}

/// No line of the first ten names the columns.
fn header_problem(found: &Snippet, d: Delimiter, missing: &[Column], lang: Lang) -> String {
    let names: Vec<&str> = missing.iter().map(|c| column(*c).get(lang)).collect();
    pick(
        lang,
        format!(
            "找不到列名：前10行中没有一行同时有年龄、女、男三列（缺少{}）。此行是{}（按{}分列）。列名可写作 age,female,male 或 年龄,女,男。",
            list(&names, lang),
            quoted(found, lang),
            delimiter(d).get(lang)
        ),
        format!(
            "no line of the first ten names the age, female and male columns (missing: {}). This line is {} (split at {}s). Name them age,female,male or 年龄,女,男.",
            list(&names, lang),
            quoted(found, lang),
            delimiter(d).get(lang)
        ),
    )
}

/// Why a well-formed table cannot be the region's population.
fn implausible(k: &ProblemKind, region: Text, lang: Lang) -> String {
    let r = region.get(lang);
    match k {
        ProblemKind::Total { total, published, factor } => pick(
            lang,
            format!(
                "全部人数为{}人，而{r}2020年普查常住人口为{}人，相差超过{}倍：这不像是{r}的人口表（人数的单位应是“人”，不是“万人”）。未作任何更改。",
                persons(*total, lang),
                persons(*published, lang),
                fixed(*factor, 0, lang)
            ),
            format!(
                "The table totals {} persons, but {r} had {} residents in the 2020 census, more than a factor of {} apart: this does not look like {r}'s population (counts must be persons, not 10,000s). Nothing was changed.",
                persons(*total, lang),
                persons(*published, lang),
                fixed(*factor, 0, lang)
            ),
        ),
        ProblemKind::SexShare { female_share } => {
            let (share, lo, hi) = (percent(*female_share, lang), percent0(FEMALE_SHARE.0, lang), percent0(FEMALE_SHARE.1, lang));
            pick(
                lang,
                format!("女性占全部人数的{share}，应在{lo}到{hi}之间：女、男两列是否有误？未作任何更改。"),
                format!("Women are {share} of the total; it should be between {lo} and {hi}: are the female and male columns right? Nothing was changed."),
            )
        }
        ProblemKind::GroupShare { group: g, persons: n, total, max_share } => {
            let (g, n, share, max) = (group(*g, lang), persons(*n, lang), percent(n / total, lang), percent(*max_share, lang));
            pick(
                lang,
                format!("{g}组有{n}人，占全部的{share}：任何实际人口的一个年龄组都不会超过{max}。未作任何更改。"),
                format!("The group aged {g} has {n} persons, {share} of the total: no age group of a real population has more than {max}. Nothing was changed."),
            )
        }
        // (The caller sends only the kinds above.)
        _ => String::new(),
    }
}

/// A note about a file that was read.
pub fn note(n: &Note, region: Text, lang: Lang) -> String {
    let r = region.get(lang);
    match n {
        Note::Encoding { encoding: Encoding::Gb18030 } => {
            Text::new("文件似乎是GBK（GB18030）编码，已按GBK读取。", "The file seems to be in GBK (GB18030); it was read as such.")
                .get(lang)
                .into()
        }
        Note::Encoding { encoding } => {
            let name = if *encoding == Encoding::Utf16Be { "UTF-16BE" } else { "UTF-16" };
            pick(
                lang,
                format!("文件是{name}编码（如Excel的“Unicode文本”），已按此读取。"),
                format!("The file is in {name} (such as Excel's “Unicode text”); it was read as such."),
            )
        }
        Note::Delimiter { delimiter: d } => pick(
            lang,
            format!("各列以{}分隔，已按此读取。", delimiter(*d).zh),
            format!("The columns are separated by {}s; they were read as such.", delimiter(*d).en),
        ),
        Note::SkippedBeforeHeader { lines } => pick(
            lang,
            format!("已跳过列名之前的{lines}行（标题等）。"),
            format!("The {lines} line(s) before the column names (a title) were passed over."),
        ),
        Note::IgnoredColumns { names } => {
            let names: Vec<String> = names.iter().map(|s| quoted(s, lang)).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            pick(lang, format!("未使用的列：{}。", list(&names, lang)), format!("Columns not used: {}.", list(&names, lang)))
        }
        Note::TotalRow { line, matches: true } => pick(
            lang,
            format!("第{line}行是合计行，与各组之和一致，未重复计入。"),
            format!("Line {line} is a total, equal to the groups' sum; it was not counted again."),
        ),
        Note::TotalRow { line, matches: false } => pick(
            lang,
            format!("第{line}行是合计行，但与各组之和不一致：请核对。各组照常使用。"),
            format!("Line {line} is a total that differs from the groups' sum: please check it. The groups are used."),
        ),
        Note::JoinedInfants => {
            Text::new("0岁和1—4岁两组已合并为0—4岁组。", "Ages 0 and 1-4 were joined into the group 0-4.").get(lang).into()
        }
        Note::FarFromPublished { total, published } => {
            let pct = fixed(((total / published) - 1.0).abs() * 100.0, 0, lang);
            let (zh, en) = if total > published { ("多", "more") } else { ("少", "fewer") };
            pick(
                lang,
                format!(
                    "全部人数{}人，比{r}2020年普查的{}人{zh}{pct}%：已采用，请确认无误。",
                    persons(*total, lang),
                    persons(*published, lang)
                ),
                format!(
                    "The table totals {} persons, {pct}% {en} than {r}'s {} in the 2020 census: it is used; please make sure it is right.",
                    persons(*total, lang),
                    persons(*published, lang)
                ),
            )
        }
        Note::FarFromEstimate { groups } => far_from_estimate(groups, lang),
    }
}

/// The age groups that differ from the estimate by more than a factor of two (the first three named).
fn far_from_estimate(groups: &[(AgeGroup, f64, f64)], lang: Lang) -> String {
    let items: Vec<String> = groups
        .iter()
        .take(3)
        .map(|(g, mine, est)| match lang {
            Lang::Zh => format!("{}{}人（估计值{}人）", group(*g, lang), persons(*mine, lang), persons(*est, lang)),
            Lang::En => format!("aged {}: {} (the estimate: {})", group(*g, lang), persons(*mine, lang), persons(*est, lang)),
        })
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let more = groups.len().saturating_sub(3);
    pick(
        lang,
        format!(
            "有的年龄组与估计值相差一倍以上：{}{}。已采用，请确认无误。",
            list(&items, lang),
            if more > 0 { format!("等{}组", groups.len()) } else { String::new() }
        ),
        format!(
            "Some age groups are more than twice or less than half the estimate's: {}{}. The table is used; please make sure it is right.",
            list(&items, lang),
            if more > 0 { format!(", and {more} more") } else { String::new() }
        ),
    )
}

/// What the page says when a table is accepted.
pub fn accepted(region: Text, female: f64, male: f64, lang: Lang) -> String {
    let name = region.get(lang);
    pick(
        lang,
        format!(
            "已使用您提供的{name}人口数据（共{}人：女{}，男{}），取代估计值。数据只在本浏览器中使用。",
            persons(female + male, lang),
            persons(female, lang),
            persons(male, lang)
        ),
        format!(
            "Your population table for {name} ({} persons: {} women, {} men) replaces the estimate. It stays in this browser.",
            persons(female + male, lang),
            persons(female, lang),
            persons(male, lang)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const XIDE: Text = Text::new("喜德县", "Xide County");

    #[test]
    fn a_line_is_named_once_and_every_value_quoted_short() {
        let p = Problem::at(4, ProblemKind::Count { sex: Sex::Female, found: Snippet::of(&"9".repeat(900_000)) });
        let zh = problem(&p, XIDE, Lang::Zh);
        assert!(zh.starts_with("第4行：女性人数“") && zh.matches("第4行").count() == 1, "{zh}");
        assert!(zh.chars().count() < 120, "{zh}");
        let en = problem(&p, XIDE, Lang::En);
        assert!(en.starts_with("Line 4: the female count") && en.contains('…'), "{en}");
    }

    #[test]
    fn refusals_say_what_was_found_and_what_to_do() {
        let p = Problem::at(7, ProblemKind::FieldCount { expected: 3, found: 5, thousands: true });
        assert_eq!(
            problem(&p, XIDE, Lang::Zh),
            "第7行：每行应有3列，此行有5列：数字中的千位分隔符请去掉，或给数字加引号（如 \"210,000\"）。"
        );
        let p = Problem::file(ProblemKind::Total { total: 12.0, published: 158_100.0, factor: 2.0 });
        let en = problem(&p, XIDE, Lang::En);
        assert!(en.contains("12 persons") && en.contains("158,100") && en.contains("Xide County"), "{en}");
        let n = note(&Note::Encoding { encoding: Encoding::Gb18030 }, XIDE, Lang::Zh);
        assert_eq!(n, "文件似乎是GBK（GB18030）编码，已按GBK读取。");
    }

    #[test]
    fn no_chinese_in_english_messages() {
        let kinds = [
            ProblemKind::Workbook,
            ProblemKind::NotText,
            ProblemKind::Age { found: Snippet::of("x") },
            ProblemKind::Gap { expected: 5 },
            ProblemKind::SexShare { female_share: 0.7 },
        ];
        for k in kinds {
            let en = problem(&Problem::file(k), XIDE, Lang::En);
            assert!(!en.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{en}");
        }
    }
}
