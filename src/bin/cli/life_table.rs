//! `life-table`: a reader's death rates (a CSV of `age,nMx[,nax]`) read once
//! into typed rows, every problem named by line in the reader's language,
//! then the core's life table printed as a table, CSV or JSON.

use std::path::Path;

use liangshan_pop::csv::{records, Delimiter};
use liangshan_pop::demography::life_table::{is_abridged, CdRegion, LifeTable, Separation};
use liangshan_pop::demography::Sex;
use liangshan_pop::i18n::{Lang, Text};
use liangshan_pop::upload::decode::{decode, NativeDecoder};
use liangshan_pop::upload::MAX_BYTES;
use serde::Serialize;

use super::input;
use super::{pick, Failure, Output};

/// How nax are chosen, as the command line names the methods.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxMethod {
    CdWest,
    Un,
    Pas,
    Given,
}

impl AxMethod {
    const ALL: [AxMethod; 4] = [AxMethod::CdWest, AxMethod::Un, AxMethod::Pas, AxMethod::Given];

    /// Its name on the command line and in the JSON.
    fn slug(self) -> &'static str {
        match self {
            AxMethod::CdWest => "cd-west",
            AxMethod::Un => "un",
            AxMethod::Pas => "pas",
            AxMethod::Given => "given",
        }
    }
}

pub fn ax_method(s: &str) -> Result<AxMethod, String> {
    AxMethod::ALL.into_iter().find(|m| m.slug() == s).ok_or_else(|| "not a method (cd-west, un, pas or given)".into())
}

pub fn sex(s: &str) -> Result<Sex, String> {
    match s {
        "female" | "f" => Ok(Sex::Female),
        "male" | "m" => Ok(Sex::Male),
        _ => Err("not a sex (female or male)".into()),
    }
}

pub fn cd_region(s: &str) -> Result<CdRegion, String> {
    match s {
        "west" => Ok(CdRegion::West),
        "north" => Ok(CdRegion::North),
        "south" => Ok(CdRegion::South),
        "east" => Ok(CdRegion::East),
        _ => Err("not a Coale-Demeny family (west, north, south or east)".into()),
    }
}

/// What `life-table` was asked.
pub struct Asked<'a> {
    pub input: Option<&'a Path>,
    pub ax: Option<AxMethod>,
    pub sex: Option<Sex>,
    pub cd_region: CdRegion,
    pub imr: Option<f64>,
    pub radix: f64,
    pub csv: bool,
}

/// The rates as read: one row an age group, the last open.
#[derive(Debug, PartialEq)]
pub struct Rates {
    pub ages: Vec<f64>,
    pub mx: Vec<f64>,
    /// The file's nax, when it has the column (the open group's may be empty).
    pub ax: Option<Vec<f64>>,
}

/// A problem with the file, at a line (0: the file as a whole).
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub kind: ProblemKind,
}

#[derive(Debug, PartialEq)]
pub enum ProblemKind {
    NotText,
    Quoting,
    NoHeader,
    MissingColumn(&'static str),
    TooFewGroups,
    NotAnAge(String),
    NotARate(String),
    NotAnAx(String),
    AxOutside { ax: f64, width: f64 },
    OpenNotLast,
    FirstAgeNotZero,
    NotAbridgedOrSingle,
    OpenRateZero,
}

fn problem_words(p: &ProblemKind) -> (String, String) {
    use ProblemKind::*;
    let cut = |s: &String| s.chars().take(40).collect::<String>();
    match p {
        NotText => ("不是文本文件（UTF-8、UTF-16 或 GBK）".into(), "is not a text file (UTF-8, UTF-16 or GBK)".into()),
        Quoting => ("引号不成对".into(), "has a quote that does not close or sits inside a field".into()),
        NoHeader => ("缺少表头（age,nMx，可加 nax）".into(), "has no header (age,nMx and optionally nax)".into()),
        MissingColumn(c) => (format!("表头缺少 {c} 列"), format!("the header has no {c} column")),
        TooFewGroups => ("至少需要两个年龄组".into(), "needs at least two age groups".into()),
        NotAnAge(s) => (
            format!("“{}”不是年龄（0、1、5……，最后一组可写 85+）", cut(s)),
            format!("\"{}\" is not an age (0, 1, 5, ...; the last may be 85+)", cut(s)),
        ),
        NotARate(s) => (format!("“{}”不是非负的死亡率", cut(s)), format!("\"{}\" is not a non-negative death rate", cut(s))),
        NotAnAx(s) => {
            (format!("“{}”不是 nax（该组内的存活年数）", cut(s)), format!("\"{}\" is not an nax (years lived in the group)", cut(s)))
        }
        AxOutside { ax, width } => {
            (format!("nax {ax} 超出组距（0 至 {width}）"), format!("nax {ax} lies outside its group (0 to {width})"))
        }
        OpenNotLast => ("只有最后一组可以是开口组（+）".into(), "only the last group can be open (+)".into()),
        FirstAgeNotZero => ("第一组须从 0 岁开始".into(), "the first group must start at age 0".into()),
        NotAbridgedOrSingle => (
            "年龄须为简略分组（0, 1, 5, 10, ...）或单岁（0, 1, 2, ...）".into(),
            "the ages must be abridged (0, 1, 5, 10, ...) or single years (0, 1, 2, ...)".into(),
        ),
        OpenRateZero => ("开口组的死亡率须大于 0".into(), "the open group's rate must be above 0".into()),
    }
}

fn problem_text(p: &Problem, file: &str, lang: Lang) -> String {
    let (zh, en) = problem_words(&p.kind);
    match (lang, p.line) {
        (Lang::Zh, 0) => format!("{file}：{zh}"),
        (Lang::En, 0) => format!("{file}: {en}"),
        (Lang::Zh, l) => format!("{file} 第 {l} 行：{zh}"),
        (Lang::En, l) => format!("{file}, line {l}: {en}"),
    }
}

fn number(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Reads the rates: a header naming `age` (or `年龄`) and `nMx` (or `mx`,
/// `死亡率`), optionally `nax` (or `ax`), other columns ignored; fields
/// separated by commas, tabs or semicolons.
pub fn read(text: &str) -> Result<Rates, Vec<Problem>> {
    let at = |line: usize, kind| vec![Problem { line, kind }];
    let first = liangshan_pop::csv::lines(text).find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = Delimiter::ALL.into_iter().max_by_key(|d| first.matches(d.char()).count()).unwrap_or(Delimiter::Comma);
    let rows = records(text, delimiter).map_err(|e| at(e.line, ProblemKind::Quoting))?;
    let Some((header, body)) = rows.split_first() else { return Err(at(0, ProblemKind::NoHeader)) };
    let column = |names: &[&str]| header.fields.iter().position(|f| names.contains(&f.trim().to_lowercase().as_str()));
    let age_col = column(&["age", "x", "年龄"]).ok_or_else(|| at(header.line, ProblemKind::MissingColumn("age")))?;
    let mx_col = column(&["nmx", "mx", "死亡率"]).ok_or_else(|| at(header.line, ProblemKind::MissingColumn("nMx")))?;
    let ax_col = column(&["nax", "ax"]);
    let field = |r: &liangshan_pop::csv::Record, i: usize| r.fields.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
    let mut problems = Vec::new();
    let (mut ages, mut mx, mut ax) = (Vec::new(), Vec::new(), Vec::new());
    for (k, r) in body.iter().enumerate() {
        let last = k + 1 == body.len();
        let a = field(r, age_col);
        let open = a.ends_with('+');
        match a.trim_end_matches('+').trim().parse::<u16>() {
            Ok(v) if !open || last => ages.push(f64::from(v)),
            Ok(_) => problems.push(Problem { line: r.line, kind: ProblemKind::OpenNotLast }),
            Err(_) => problems.push(Problem { line: r.line, kind: ProblemKind::NotAnAge(a.clone()) }),
        }
        let m = field(r, mx_col);
        match number(&m).filter(|v| *v >= 0.0) {
            Some(v) => mx.push(v),
            None => problems.push(Problem { line: r.line, kind: ProblemKind::NotARate(m) }),
        }
        if let Some(c) = ax_col {
            let s = field(r, c);
            match number(&s).filter(|v| *v >= 0.0) {
                Some(v) => ax.push(v),
                // The open group's nax is 1/m whatever the file says.
                None if last && s.is_empty() => ax.push(f64::NAN),
                None => problems.push(Problem { line: r.line, kind: ProblemKind::NotAnAx(s) }),
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    if body.len() < 2 {
        return Err(at(0, ProblemKind::TooFewGroups));
    }
    if ages[0] != 0.0 {
        return Err(at(body[0].line, ProblemKind::FirstAgeNotZero));
    }
    let single = ages.iter().enumerate().all(|(i, a)| *a == i as f64);
    if !(single || is_abridged(&ages)) {
        // The first group that fits neither pattern.
        let abridged = |i: usize| if i < 2 { i as f64 } else { 5.0 * (i - 1) as f64 };
        let bad = (0..ages.len()).find(|&i| ages[i] != i as f64 && ages[i] != abridged(i)).unwrap_or(ages.len() - 1);
        return Err(at(body[bad].line, ProblemKind::NotAbridgedOrSingle));
    }
    if mx[mx.len() - 1] <= 0.0 {
        return Err(at(body[body.len() - 1].line, ProblemKind::OpenRateZero));
    }
    // A closed group's nax lies within it.
    if ax_col.is_some() {
        let outside: Vec<Problem> = (0..ages.len() - 1)
            .filter(|&i| ax[i] > ages[i + 1] - ages[i])
            .map(|i| Problem { line: body[i].line, kind: ProblemKind::AxOutside { ax: ax[i], width: ages[i + 1] - ages[i] } })
            .collect();
        if !outside.is_empty() {
            return Err(outside);
        }
    }
    Ok(Rates { ages, mx, ax: ax_col.map(|_| ax) })
}

const COLUMNS: [&str; 9] = ["age", "nMx", "nax", "nqx", "lx", "ndx", "nLx", "Tx", "ex"];

#[derive(Serialize)]
struct Row {
    age: u16,
    open: bool,
    #[serde(rename = "nMx")]
    nmx: f64,
    nax: f64,
    nqx: f64,
    lx: f64,
    ndx: f64,
    #[serde(rename = "nLx")]
    nlx: f64,
    #[serde(rename = "Tx")]
    tx: f64,
    ex: f64,
}

impl Row {
    /// The age as tables print it: the open group with a plus.
    fn label(&self) -> String {
        if self.open {
            format!("{}+", self.age)
        } else {
            self.age.to_string()
        }
    }
}

#[derive(Serialize)]
struct Printed<'a> {
    separation: &'a str,
    sex: Option<Sex>,
    #[serde(rename = "cdRegion")]
    cd_region: Option<CdRegion>,
    imr: Option<f64>,
    radix: f64,
    rows: Vec<Row>,
}

fn method_words(m: AxMethod) -> Text {
    match m {
        AxMethod::CdWest => Text::new(
            "Coale-Demeny 西区模式的 a0 与 4a1（按 m0），其余取组距一半",
            "Coale-Demeny West's a0 and 4a1 from m0, half the interval elsewhere",
        ),
        AxMethod::Un => Text::new(
            "联合国（1982；MortPak）：Coale-Demeny 西区 a0 与 4a1，5-14 岁 2.5，15 岁起 Greville 公式",
            "United Nations (1982; MortPak): Coale-Demeny West's a0 and 4a1, 2.5 at 5-14, Greville's formula from 15",
        ),
        AxMethod::Pas => Text::new(
            "PAS LTPOPDTH：Coale-Demeny 模式的 a0 与 4a1（按 q0），其余取组距一半",
            "PAS LTPOPDTH: Coale-Demeny's a0 and 4a1 from q0, half the interval elsewhere",
        ),
        AxMethod::Given => Text::new("文件给出的 nax", "the file's nax"),
    }
}

fn usage(lang: Lang, zh: &str, en: &str) -> Failure {
    Failure::Input(pick(lang, zh, en).to_string())
}

pub fn life_table(asked: &Asked, o: Output) -> Result<String, Failure> {
    let lang = o.lang;
    let name = asked.input.map_or("standard input".to_string(), |p| p.display().to_string());
    let bytes = input::bytes(asked.input, MAX_BYTES as u64)?;
    let fail =
        |problems: Vec<Problem>| Failure::Input(problems.iter().map(|p| problem_text(p, &name, lang)).collect::<Vec<_>>().join("\n"));
    let text = decode(&bytes, &NativeDecoder).map_err(|_| fail(vec![Problem { line: 0, kind: ProblemKind::NotText }]))?.text;
    let rates = read(&text).map_err(fail)?;
    let (table, method, sex) = computed(asked, &rates, lang)?;
    let k = table.ages.len();
    let rows: Vec<Row> = (0..k)
        .map(|i| Row {
            age: table.ages[i] as u16,
            open: i + 1 == k,
            nmx: table.mx[i],
            nax: table.ax[i],
            nqx: table.qx[i],
            lx: table.lx[i],
            ndx: table.dx[i],
            nlx: table.big_lx[i],
            tx: table.tx[i],
            ex: table.ex[i],
        })
        .collect();
    if o.json {
        let printed = Printed {
            separation: method.slug(),
            sex,
            cd_region: (method == AxMethod::Pas).then_some(asked.cd_region),
            imr: asked.imr,
            radix: asked.radix,
            rows,
        };
        return Ok(serde_json::to_string_pretty(&printed).expect("a life table serialises") + "\n");
    }
    if asked.csv {
        let mut out = COLUMNS.join(",") + "\n";
        for r in &rows {
            out.push_str(&format!("{},{},{},{},{},{},{},{},{}\n", r.label(), r.nmx, r.nax, r.nqx, r.lx, r.ndx, r.nlx, r.tx, r.ex));
        }
        return Ok(out);
    }
    Ok(text_table(&rows, method, asked.radix, lang))
}

/// The table of the rates by the method asked, once the options agree,
/// with the sex its separation factors are for (none when given).
fn computed(asked: &Asked, rates: &Rates, lang: Lang) -> Result<(LifeTable, AxMethod, Option<Sex>), Failure> {
    let method = asked.ax.unwrap_or(if rates.ax.is_some() { AxMethod::Given } else { AxMethod::CdWest });
    if !(asked.radix.is_finite() && asked.radix > 0.0) {
        return Err(usage(lang, "--radix 须为正数", "--radix must be a positive number"));
    }
    let separation = match method {
        AxMethod::CdWest => Some(Separation::CdWest),
        AxMethod::Un => Some(Separation::Un),
        AxMethod::Pas => Some(Separation::Pas(asked.cd_region)),
        AxMethod::Given => None,
    };
    if separation.is_some() && asked.sex.is_none() {
        return Err(usage(lang, "--sex female|male：a0 与 4a1 的规则因性别而异", "--sex female|male: the a0 and 4a1 rules differ by sex"));
    }
    if asked.imr.is_some() && !matches!(method, AxMethod::Un | AxMethod::Pas) {
        return Err(usage(lang, "--imr 只用于按 q0 的规则（un、pas）", "--imr sets q0 for the q0-based rules (un, pas) only"));
    }
    if method == AxMethod::Un && !is_abridged(&rates.ages) {
        return Err(usage(lang, "--ax un 只用于简略生命表（0, 1, 5, 10, ...）", "--ax un is for abridged tables (0, 1, 5, 10, ...)"));
    }
    let sex = asked.sex.unwrap_or(Sex::Female);
    let table = match separation {
        Some(s) => LifeTable::with_separation(&rates.ages, &rates.mx, s, sex, asked.imr, asked.radix)?,
        None => {
            let Some(mut ax) = rates.ax.clone() else {
                return Err(usage(lang, "--ax given：文件没有 nax 列", "--ax given: the file has no nax column"));
            };
            let k = ax.len();
            ax[k - 1] = 1.0 / rates.mx[k - 1];
            LifeTable::from_rates(&rates.ages, &rates.mx, Some(&ax), sex, asked.radix)?
        }
    };
    Ok((table, method, separation.map(|_| sex)))
}

/// The table as text, in the printed rounding of published tables: lx and
/// its kin to whole persons of a radix of 100,000 (more decimals for a
/// smaller radix).
fn text_table(rows: &[Row], method: AxMethod, radix: f64, lang: Lang) -> String {
    let l = (5 - radix.log10().floor() as i32).clamp(0, 8) as usize;
    let mut out = match lang {
        Lang::Zh => format!("生命表（{}；基数 {}）\n\n", method_words(method).get(lang), radix),
        Lang::En => format!("Life table ({}; radix {})\n\n", method_words(method).get(lang), radix),
    };
    out.push_str(&format!(
        "{:>5} {:>9} {:>7} {:>9} {:>12} {:>12} {:>13} {:>14} {:>8}\n",
        COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6], COLUMNS[7], COLUMNS[8]
    ));
    for r in rows {
        out.push_str(&format!(
            "{:>5} {:>9.5} {:>7.3} {:>9.5} {:>12.l$} {:>12.l$} {:>13.l$} {:>14.l$} {:>8.3}\n",
            r.label(),
            r.nmx,
            r.nax,
            r.nqx,
            r.lx,
            r.ndx,
            r.nlx,
            r.tx,
            r.ex
        ));
    }
    out
}
