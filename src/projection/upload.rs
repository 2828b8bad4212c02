//! A reader's own population table (CSV by sex and age, five-year groups or
//! single years) replacing the estimate. Every problem is listed by line, in
//! both languages; a bad file changes nothing.
//!
//! ```text
//! age,female,male        (or 年龄,女,男)
//! 0-4,180000,190000      (five-year groups: 0-4, 5-9, ..., and an open "85+")
//! 0,36000,38000          (or single years: 0, 1, ..., and an open "100+")
//! ```

use serde::Serialize;

use super::base::{BasePopulation, AGES};
use crate::csv;
use crate::demography::graduation::sprague;

/// One problem with an uploaded file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub zh: String,
    pub en: String,
}

/// The most lines a file may have: far more than any age table needs.
pub const MAX_LINES: usize = 1_000;

fn problem(line: usize, zh: String, en: String) -> Problem {
    Problem { line, zh, en }
}

/// An age label: its lower bound, its width (None for an open group).
fn age_label(s: &str) -> Option<(usize, Option<usize>)> {
    let s = s.trim().trim_end_matches('岁');
    if let Some(open) = s.strip_suffix('+').or_else(|| s.strip_suffix("及以上")) {
        return open.trim().parse().ok().map(|a| (a, None));
    }
    if let Some((a, b)) = s.split_once(['-', '—', '–', '~']) {
        let (a, b): (usize, usize) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
        // A reversed or absurd range is not an age group (found by fuzzing:
        // `then_some` computed `b - a` before the check).
        return b.checked_sub(a).and_then(|d| d.checked_add(1)).map(|w| (a, Some(w)));
    }
    s.parse().ok().map(|a| (a, Some(1)))
}

/// Reads a population table: female and male by single year 0..=100 (100+).
pub fn read_population(text: &str) -> Result<(Vec<f64>, Vec<f64>), Vec<Problem>> {
    // A file far too long is refused before it is parsed: a million lines
    // cost a count, not a million records.
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    if lines > MAX_LINES {
        return Err(vec![problem(
            0,
            format!("文件有{lines}行，最多{MAX_LINES}行"),
            format!("the file has {lines} lines; at most {MAX_LINES}"),
        )]);
    }
    let records = csv::parse("upload", text).map_err(|e| vec![problem(0, e.message(crate::Lang::Zh), e.message(crate::Lang::En))])?;
    if records.len() > MAX_LINES {
        return Err(vec![problem(
            0,
            format!("文件有{}行，最多{}行", records.len(), MAX_LINES),
            format!("the file has {} lines; at most {MAX_LINES}", records.len()),
        )]);
    }
    let Some(header) = records.first() else {
        return Err(vec![problem(1, "文件是空的".into(), "the file is empty".into())]);
    };
    let names: Vec<String> = header.fields.iter().map(|h| h.trim().trim_start_matches('\u{feff}').to_ascii_lowercase()).collect();
    let col = |options: &[&str]| names.iter().position(|n| options.contains(&n.as_str()));
    let (Some(ca), Some(cf), Some(cm)) = (col(&["age", "年龄"]), col(&["female", "女", "女性"]), col(&["male", "男", "男性"]))
    else {
        return Err(vec![problem(
            header.line,
            "第一行须为列名：age,female,male（或 年龄,女,男）".into(),
            "the first line must name the columns: age,female,male (or 年龄,女,男)".into(),
        )]);
    };
    let mut problems = Vec::new();
    let mut rows: Vec<(usize, Option<usize>, f64, f64, usize)> = Vec::new();
    for r in records.iter().skip(1) {
        let get = |i: usize| r.fields.get(i).map(|s| s.trim()).unwrap_or("");
        let Some((lo, width)) = age_label(get(ca)) else {
            problems.push(problem(
                r.line,
                format!("第{}行：无法识别年龄“{}”", r.line, get(ca)),
                format!("line {}: age \"{}\" is not recognised", r.line, get(ca)),
            ));
            continue;
        };
        let mut value = |i: usize, zh: &str, en: &str| -> Option<f64> {
            match get(i).replace(',', "").parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => Some(v),
                _ => {
                    problems.push(problem(
                        r.line,
                        format!("第{}行：{zh}人数“{}”不是非负数", r.line, get(i)),
                        format!("line {}: the {en} count \"{}\" is not a non-negative number", r.line, get(i)),
                    ));
                    None
                }
            }
        };
        let (f, m) = (value(cf, "女性", "female"), value(cm, "男性", "male"));
        if let (Some(f), Some(m)) = (f, m) {
            rows.push((lo, width, f, m, r.line));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(vec![problem(2, "文件没有数据行".into(), "the file has no rows of data".into())]);
    }
    rows.sort_by_key(|r| r.0);
    // Contiguous from 0, one width throughout, the last group open.
    let width = rows[0].1;
    let mut expect = 0;
    for (i, (lo, w, _, _, line)) in rows.iter().enumerate() {
        let last = i + 1 == rows.len();
        if *lo != expect {
            problems.push(problem(
                *line,
                format!("第{line}行：应从{expect}岁开始"),
                format!("line {line}: expected the group starting at age {expect}"),
            ));
            break;
        }
        match (w, last) {
            (None, false) => problems.push(problem(
                *line,
                format!("第{line}行：只有最后一组可以是开口组"),
                format!("line {line}: only the last group may be open"),
            )),
            (Some(_), true) => problems.push(problem(
                *line,
                format!("第{line}行：最后一组应为开口组（如“85+”）"),
                format!("line {line}: the last group must be open (such as \"85+\")"),
            )),
            (Some(w2), false) if Some(*w2) != width || !(*w2 == 1 || *w2 == 5) => problems.push(problem(
                *line,
                format!("第{line}行：年龄组须全部为1岁或全部为5岁"),
                format!("line {line}: age groups must all be single years or all five-year groups"),
            )),
            _ => {}
        }
        expect = lo + w.unwrap_or(0);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let open_at = rows[rows.len() - 1].0;
    let to_single = |vals: Vec<f64>| -> Result<Vec<f64>, Vec<Problem>> {
        let (closed, open) = (&vals[..vals.len() - 1], vals[vals.len() - 1]);
        let mut single = if width == Some(5) {
            if closed.len() < 5 {
                return Err(vec![problem(0, "5岁组至少需要5个闭口组".into(), "five-year groups need at least five closed groups".into())]);
            }
            sprague(closed).map_err(|e| vec![problem(0, e.message(crate::Lang::Zh), e.message(crate::Lang::En))])?
        } else {
            closed.to_vec()
        };
        // The open group spread over its ages to 100+, halving every five years.
        if open_at < AGES - 1 {
            let weights: Vec<f64> = (open_at..AGES).map(|a| 0.5f64.powf((a - open_at) as f64 / 5.0)).collect();
            let sum: f64 = weights.iter().sum();
            single.extend(weights.iter().map(|w| open * w / sum));
        } else {
            single.push(open);
        }
        // Past 100, everything joins the open group 100+.
        let tail: f64 = single[AGES - 1..].iter().sum();
        single.truncate(AGES - 1);
        single.push(tail);
        Ok(single)
    };
    let female = to_single(rows.iter().map(|r| r.2).collect())?;
    let male = to_single(rows.iter().map(|r| r.3).collect())?;
    Ok((female, male))
}

/// The reader's population in place of the estimate: the same life tables,
/// births and fertility recomputed from it, and no longer an estimate.
pub fn replace_base(estimate: &BasePopulation, female: Vec<f64>, male: Vec<f64>) -> BasePopulation {
    let pattern = crate::demography::fertility::relational_gompertz(1.0, 0.0, 1.0).unwrap_or([0.0; 8]);
    let exposure: f64 = crate::demography::fertility::GROUPS
        .iter()
        .zip(pattern)
        .map(|(g, f)| f * female[*g as usize..*g as usize + 5].iter().sum::<f64>())
        .sum();
    let ratio = estimate.births / (estimate.female[0] + estimate.male[0]).max(1.0);
    let births = (female[0] + male[0]) * ratio;
    BasePopulation {
        female,
        male,
        births,
        tfr: if exposure > 0.0 { births / exposure } else { 0.0 },
        fit: Vec::new(),
        estimate: false,
        ..estimate.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn five_year_csv() -> String {
        let mut s = String::from("age,female,male\n");
        for g in 0..17 {
            s.push_str(&format!("{}-{},{},{}\n", g * 5, g * 5 + 4, 100_000 - g * 4000, 104_000 - g * 4200));
        }
        s.push_str("85+,20000,12000\n");
        s
    }

    #[test]
    fn five_year_groups_are_graduated_keeping_every_total() {
        let (f, m) = read_population(&five_year_csv()).unwrap();
        assert_eq!(f.len(), AGES);
        assert!((f[0..5].iter().sum::<f64>() - 100_000.0).abs() < 1e-6);
        assert!((m[80..85].iter().sum::<f64>() - (104_000.0 - 16.0 * 4200.0)).abs() < 1e-6);
        assert!((f[85..].iter().sum::<f64>() - 20_000.0).abs() < 1e-6);
        assert!(f.iter().chain(&m).all(|v| *v >= 0.0));
    }

    #[test]
    fn single_years_and_chinese_headers() {
        let mut s = String::from("\u{feff}年龄,女,男\n");
        for a in 0..100 {
            s.push_str(&format!("{a},{},{}\n", 1000 - a * 5, 1010 - a * 5));
        }
        s.push_str("100+,40,20\n");
        let (f, m) = read_population(&s).unwrap();
        assert_eq!((f[0], m[100]), (1000.0, 20.0));
    }

    #[test]
    fn every_problem_is_listed_by_line_in_both_languages() {
        let bad = "age,female,male\n0-4,100,x\nfive,1,2\n5-9,-3,1\n";
        let p = read_population(bad).unwrap_err();
        assert_eq!(p.iter().map(|p| p.line).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert!(p[0].en.contains("line 2") && p[0].zh.contains("第2行"));
        let p = read_population("age,female,male\n0-4,1,1\n10-14,1,1\n15+,1,1\n").unwrap_err();
        assert!(p[0].en.contains("age 5"), "{:?}", p);
        let p = read_population("age,female,male\n0-4,1,1\n5-9,1,1\n").unwrap_err();
        assert!(p[0].en.contains("open"), "{:?}", p);
        let p = read_population("a,b,c\n").unwrap_err();
        assert!(p[0].en.contains("columns"));
        assert!(read_population("").is_err());
        let huge = "age,female,male\n".to_string() + &"0,1,1\n".repeat(2000);
        assert!(read_population(&huge).unwrap_err()[0].en.contains("at most"));
    }

    #[test]
    fn replaces_the_estimate_and_says_so() {
        let est = crate::projection::base::estimate().unwrap();
        let (f, m) = read_population(&five_year_csv()).unwrap();
        let b = replace_base(&est, f, m);
        assert!(!b.estimate);
        assert!(b.tfr > 0.0 && b.tfr.is_finite());
    }
}
