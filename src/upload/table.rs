//! Text to a population table: delimiter, header, age groups and counts,
//! graduated to single years 0..=100 (100+).
//!
//! ```text
//! age,female,male        (or 年龄,女,男; tab or semicolon separated too)
//! 0-4,180000,190000      (five-year groups: 0-4, 5-9, ..., and an open "85+")
//! 0,36000,38000          (or single years: 0, 1, ..., and an open "100+")
//! ```

use serde::Serialize;

use super::{Column, Note, Problem, ProblemKind, Snippet, MAX_LINES};
use crate::csv::{self, Delimiter, Record};
use crate::demography::graduation::sprague;
use crate::demography::Sex;
use crate::math::powf;
use crate::projection::base::AGES;

/// An age group: its first age and its width in years (`None`: open, such
/// as 85+).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AgeGroup {
    pub from: usize,
    pub width: Option<usize>,
}

/// How the file grouped ages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Width {
    Single,
    Five,
}

/// One age group's count of women and of men, as the file gave it.
pub type GroupCounts = (AgeGroup, f64, f64);

/// A population by sex and age as the file gave it, and by single year.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub width: Width,
    /// The groups as read: age group, women, men.
    pub groups: Vec<GroupCounts>,
    /// Single years 0..=100, the last open.
    pub female: Vec<f64>,
    pub male: Vec<f64>,
}

impl Table {
    pub fn total(&self) -> f64 {
        self.female.iter().chain(&self.male).sum()
    }
}

/// How many lines may come before the header (a title, a unit line).
const HEADER_WITHIN: usize = 10;

/// Reads a decoded file.
pub fn read(text: &str) -> Result<(Table, Vec<Note>), Vec<Problem>> {
    // A file far too long is refused before it is parsed: a million lines
    // cost a count, not a million records.
    let lines = csv::lines(text).filter(|l| !l.trim().is_empty()).count();
    if lines == 0 {
        return Err(vec![Problem::file(ProblemKind::Empty)]);
    }
    if lines > MAX_LINES {
        return Err(vec![Problem::file(ProblemKind::TooManyLines { lines, max: MAX_LINES })]);
    }
    let delimiter = detect_delimiter(text)?;
    let records = csv::records(text, delimiter).map_err(|e| vec![Problem::at(e.line, ProblemKind::Csv { problem: e.problem })])?;
    let (at, header) = find_header(&records, delimiter)?;
    let mut notes = Vec::new();
    if delimiter != Delimiter::Comma {
        notes.push(Note::Delimiter { delimiter });
    }
    if at > 0 {
        notes.push(Note::SkippedBeforeHeader { lines: at });
    }
    if !header.ignored.is_empty() {
        notes.push(Note::IgnoredColumns { names: header.ignored.clone() });
    }
    let rows = read_rows(&records[at + 1..], &header, delimiter, &mut notes)?;
    let (width, groups) = arrange(rows, &mut notes)?;
    let female = to_single(width, &groups.iter().map(|g| g.1).collect::<Vec<_>>(), &groups)?;
    let male = to_single(width, &groups.iter().map(|g| g.2).collect::<Vec<_>>(), &groups)?;
    Ok((Table { width, groups, female, male }, notes))
}

/// Outside quotes, how many times `c` stands in `line`.
fn unquoted_count(line: &str, c: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&x| {
            if x == '"' {
                quoted = !quoted;
            }
            !quoted && x == c
        })
        .count()
}

/// The delimiter that splits the most of the first lines into two columns
/// or more (a title line may have none); a comma when tied.
fn detect_delimiter(text: &str) -> Result<Delimiter, Vec<Problem>> {
    let head: Vec<&str> = csv::lines(text).filter(|l| !l.trim().is_empty()).take(HEADER_WITHIN).collect();
    let score = |d: Delimiter| head.iter().filter(|l| unquoted_count(l, d.char()) >= 1).count();
    let best = Delimiter::ALL.into_iter().max_by_key(|d| (score(*d), *d == Delimiter::Comma)).unwrap_or(Delimiter::Comma);
    if score(best) == 0 {
        let first = head.first().copied().unwrap_or("");
        return Err(vec![Problem::at(1, ProblemKind::OneColumn { found: Snippet::of(first) })]);
    }
    Ok(best)
}

/// Where the columns the table needs are.
#[derive(Clone, Debug)]
struct Header {
    age: usize,
    female: usize,
    male: usize,
    /// Columns of the header: extra fields past them must be empty.
    columns: usize,
    /// Names of the columns passed over (a total, a unit).
    ignored: Vec<Snippet>,
}

/// A header cell as compared: trimmed, without spaces, ASCII in lower case,
/// without a unit in brackets ("女（人）", "Female (persons)").
fn column_name(s: &str) -> String {
    let s = s.trim().trim_start_matches('\u{feff}');
    let s = s.split(['(', '（', '[', '【']).next().unwrap_or("");
    s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase()
}

fn column_of(name: &str) -> Option<Column> {
    match name {
        "age" | "ages" | "agegroup" | "年龄" | "年龄组" | "年龄段" | "年龄别" | "岁" | "年龄（岁）" => Some(Column::Age),
        "female" | "females" | "women" | "woman" | "f" | "女" | "女性" | "女性人口" | "女性人数" | "女人口" => {
            Some(Column::Female)
        }
        "male" | "males" | "men" | "man" | "m" | "男" | "男性" | "男性人口" | "男性人数" | "男人口" => Some(Column::Male),
        _ => None,
    }
}

fn find_header(records: &[Record], delimiter: Delimiter) -> Result<(usize, Header), Vec<Problem>> {
    for (i, r) in records.iter().take(HEADER_WITHIN).enumerate() {
        let cols: Vec<Option<Column>> = r.fields.iter().map(|f| column_of(&column_name(f))).collect();
        let find = |c: Column| cols.iter().position(|x| *x == Some(c));
        if let (Some(age), Some(female), Some(male)) = (find(Column::Age), find(Column::Female), find(Column::Male)) {
            let ignored = r
                .fields
                .iter()
                .enumerate()
                .filter(|(j, f)| ![age, female, male].contains(j) && !f.trim().is_empty())
                .map(|(_, f)| Snippet::of(f.trim()))
                .collect();
            return Ok((i, Header { age, female, male, columns: r.fields.len(), ignored }));
        }
    }
    // Not found: say what the first line holds and which names it lacks.
    let first = records.first();
    let found = first.map_or(String::new(), |r| r.fields.join(&delimiter.char().to_string()));
    let named: Vec<Option<Column>> = first.map_or(Vec::new(), |r| r.fields.iter().map(|f| column_of(&column_name(f))).collect());
    let missing = [Column::Age, Column::Female, Column::Male].into_iter().filter(|c| !named.contains(&Some(*c))).collect();
    Err(vec![Problem::at(first.map_or(1, |r| r.line), ProblemKind::Header { found: Snippet::of(&found), delimiter, missing })])
}

/// One row of data: age group, women, men, line.
#[derive(Clone, Copy, Debug)]
struct Row {
    group: AgeGroup,
    female: f64,
    male: f64,
    line: usize,
}

/// Whether a row is a total (合计) rather than an age group.
fn is_total(label: &str) -> bool {
    matches!(column_name(label).as_str(), "合计" | "总计" | "总人口" | "小计" | "全部" | "total" | "all" | "allages" | "总数")
}

fn read_rows(records: &[Record], h: &Header, delimiter: Delimiter, notes: &mut Vec<Note>) -> Result<Vec<Row>, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    let mut totals = Vec::new();
    let needed = h.age.max(h.female).max(h.male) + 1;
    for r in records {
        // Past the header's columns only empty cells may follow (spreadsheets
        // write trailing delimiters).
        let used = r.fields.iter().rposition(|f| !f.trim().is_empty()).map_or(0, |i| i + 1);
        if used > h.columns || r.fields.len() < needed {
            let thousands = delimiter == Delimiter::Comma
                && r.fields.iter().skip(1).any(|f| f.trim().len() == 3 && f.trim().bytes().all(|b| b.is_ascii_digit()));
            problems.push(Problem::at(r.line, ProblemKind::FieldCount { expected: h.columns, found: used, thousands }));
            continue;
        }
        let cell = |i: usize| (r.fields[i].trim(), r.quoted[i]);
        let label = cell(h.age).0;
        let count = |i: usize, sex: Sex, problems: &mut Vec<Problem>| {
            let (s, quoted) = cell(i);
            let v = count_of(s, quoted || delimiter != Delimiter::Comma, delimiter);
            if v.is_none() {
                problems.push(Problem::at(r.line, ProblemKind::Count { sex, found: Snippet::of(s) }));
            }
            v
        };
        if is_total(label) {
            if let (Some(f), Some(m)) = (count(h.female, Sex::Female, &mut problems), count(h.male, Sex::Male, &mut problems)) {
                totals.push((r.line, f + m));
            }
            continue;
        }
        let Some(group) = age_group(label) else {
            problems.push(Problem::at(r.line, ProblemKind::Age { found: Snippet::of(label) }));
            continue;
        };
        let (f, m) = (count(h.female, Sex::Female, &mut problems), count(h.male, Sex::Male, &mut problems));
        if let (Some(female), Some(male)) = (f, m) {
            rows.push(Row { group, female, male, line: r.line });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let sum: f64 = rows.iter().map(|r| r.female + r.male).sum();
    for (line, total) in totals {
        notes.push(Note::TotalRow { line, matches: (total - sum).abs() <= 0.005 * sum.max(1.0) });
    }
    Ok(rows)
}

/// A count of persons: digits, a decimal point, and thousands separated by
/// commas where the field cannot be split by them (quoted, or another
/// delimiter); with semicolons, a decimal comma. Full-width digits too.
fn count_of(s: &str, commas_are_inside: bool, delimiter: Delimiter) -> Option<f64> {
    let s: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '\u{2009}')
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' => '.',
            c => c,
        })
        .collect();
    let thousands = {
        let int = s.split('.').next().unwrap_or("");
        let mut parts = int.split(',');
        let first = parts.next().unwrap_or("");
        int.contains(',')
            && (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let plain = if thousands && commas_are_inside {
        s.replace(',', "")
    } else if delimiter == Delimiter::Semicolon && s.matches(',').count() == 1 && !s.contains('.') {
        s.replace(',', ".")
    } else {
        s
    };
    // Only digits and a point: "inf", "NaN", "1e400" and signs are not counts.
    if plain.is_empty() || !plain.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// An age label as census tables print it: `0`, `0岁`, `0-4`, `0～4岁`,
/// `0至4岁`, `85+`, `85岁+`, `85岁及以上`, `85岁以上`, `85及以上`, `85 and over`.
pub fn age_group(s: &str) -> Option<AgeGroup> {
    let s = s.trim();
    let open = ["及以上", "以上", "岁+", "+", "andover", "andolder", "orover", "orolder"];
    let compact: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    for suffix in open {
        if let Some(from) = compact.strip_suffix(suffix) {
            return number(from.trim_end_matches('岁')).map(|from| AgeGroup { from, width: None });
        }
    }
    let s = compact.trim_end_matches('岁');
    if let Some((a, b)) = s.split_once(['-', '—', '–', '~', '～', '至', '－']) {
        let (a, b) = (number(a.trim_end_matches('岁'))?, number(b)?);
        // A reversed or absurd range is not an age group (found by fuzzing:
        // `b - a` once overflowed).
        return b.checked_sub(a).and_then(|d| d.checked_add(1)).map(|w| AgeGroup { from: a, width: Some(w) });
    }
    number(s).map(|from| AgeGroup { from, width: Some(1) })
}

fn number(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 3 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Sorts the rows and checks that they run from 0 without gaps, in one
/// width, the last open. Census tables' 0 and 1-4 are joined into 0-4.
fn arrange(rows: Vec<Row>, notes: &mut Vec<Note>) -> Result<(Width, Vec<GroupCounts>), Vec<Problem>> {
    if rows.is_empty() {
        return Err(vec![Problem::file(ProblemKind::NoRows)]);
    }
    // By age, rows of one age in the file's order (`rows` are in it).
    let by_age: Vec<f64> = rows.iter().map(|r| r.group.from as f64).collect();
    let mut rows: Vec<Row> = crate::num::order_ascending(&by_age).into_iter().map(|i| rows[i]).collect();
    if rows.len() > 2 && rows[0].group == (AgeGroup { from: 0, width: Some(1) }) && rows[1].group == (AgeGroup { from: 1, width: Some(4) })
    {
        let (a, b) = (rows[0], rows.remove(1));
        rows[0] = Row { group: AgeGroup { from: 0, width: Some(5) }, female: a.female + b.female, male: a.male + b.male, line: a.line };
        notes.push(Note::JoinedInfants);
    }
    let width = rows[0].group.width;
    let mut expect = 0;
    let mut problems = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let last = i + 1 == rows.len();
        if r.group.from != expect {
            problems.push(Problem::at(r.line, ProblemKind::Gap { expected: expect }));
            break;
        }
        match (r.group.width, last) {
            (None, false) => problems.push(Problem::at(r.line, ProblemKind::OpenNotLast)),
            (Some(_), true) => problems.push(Problem::at(r.line, ProblemKind::LastNotOpen)),
            (Some(w), false) if Some(w) != width || !(w == 1 || w == 5) => problems.push(Problem::at(r.line, ProblemKind::MixedWidths)),
            _ => {}
        }
        expect = r.group.from + r.group.width.unwrap_or(0);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let width = if width == Some(5) { Width::Five } else { Width::Single };
    if width == Width::Five && rows.len() < 6 {
        return Err(vec![Problem::file(ProblemKind::FewFiveYearGroups)]);
    }
    Ok((width, rows.iter().map(|r| (r.group, r.female, r.male)).collect()))
}

/// One sex's counts by group to single years 0..=100 (100+).
fn to_single(width: Width, values: &[f64], groups: &[GroupCounts]) -> Result<Vec<f64>, Vec<Problem>> {
    let (closed, open) = (&values[..values.len() - 1], values[values.len() - 1]);
    let open_at = groups[groups.len() - 1].0.from;
    let mut single = match width {
        Width::Five => sprague(closed).map_err(|_| vec![Problem::file(ProblemKind::NotFinite)])?,
        Width::Single => closed.to_vec(),
    };
    // The open group spread over its ages to 100+, halving every five years.
    if open_at < AGES - 1 {
        let weights: Vec<f64> = (open_at..AGES).map(|a| powf(0.5, (a - open_at) as f64 / 5.0)).collect();
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Option<usize>, ProblemKind)> {
        read(text).unwrap_err().into_iter().map(|p| (p.line, p.kind)).collect()
    }

    #[test]
    fn reads_every_form_of_age_census_tables_print() {
        let open = |from| Some(AgeGroup { from, width: None });
        let five = |from| Some(AgeGroup { from, width: Some(5) });
        for s in ["85+", "85岁及以上", "85岁以上", "85及以上", "85以上", "85岁+", "85 and over", "85 +"] {
            assert_eq!(age_group(s), open(85), "{s}");
        }
        for s in ["0-4", "0-4岁", "0～4岁", "0~4", "0—4", "0–4", "0至4岁", "0岁-4岁"] {
            assert_eq!(age_group(s), five(0), "{s}");
        }
        assert_eq!(age_group("7岁"), Some(AgeGroup { from: 7, width: Some(1) }));
        for s in ["85-4", "five", "", "-3", "1e3", "99999999999999999999", "岁"] {
            assert_eq!(age_group(s), None, "{s}");
        }
    }

    #[test]
    fn reads_counts_with_thousands_only_where_they_cannot_be_columns() {
        assert_eq!(count_of("210,000", true, Delimiter::Comma), Some(210_000.0));
        assert_eq!(count_of("1,234,567.5", true, Delimiter::Comma), Some(1_234_567.5));
        assert_eq!(count_of("210000", false, Delimiter::Comma), Some(210_000.0));
        assert_eq!(count_of("1234,5", true, Delimiter::Semicolon), Some(1234.5));
        assert_eq!(count_of("１２３", false, Delimiter::Comma), Some(123.0));
        assert_eq!(count_of(" 12 345 ", false, Delimiter::Tab), Some(12_345.0));
        for bad in ["", "-3", "inf", "NaN", "1e400", "abc", "21,00", "+5"] {
            assert_eq!(count_of(bad, true, Delimiter::Comma), None, "{bad}");
        }
    }

    #[test]
    fn detects_the_delimiter_and_passes_over_titles_totals_and_extra_columns() {
        let mut s = String::from("凉山州2020年人口\n年龄;女（人）;男（人）;合计\n合计;1000;1000;2000\n");
        for a in 0..100 {
            s.push_str(&format!("{a};10;10;20\n"));
        }
        s.push_str("100岁及以上;10;10;20\n");
        let (t, notes) = read(&s).unwrap();
        assert_eq!((t.width, t.female[100], t.total()), (Width::Single, 10.0, 2020.0));
        assert_eq!(
            notes,
            vec![
                Note::Delimiter { delimiter: Delimiter::Semicolon },
                Note::SkippedBeforeHeader { lines: 1 },
                Note::IgnoredColumns { names: vec![Snippet::of("合计")] },
                Note::TotalRow { line: 3, matches: false },
            ]
        );
    }

    #[test]
    fn census_infants_join_the_first_five_year_group() {
        let mut s = String::from("年龄\t女\t男\r0岁\t10\t11\r1-4岁\t40\t44\r");
        for g in 1..17 {
            s.push_str(&format!("{}-{}岁\t50\t50\r", g * 5, g * 5 + 4));
        }
        s.push_str("85岁及以上\t5\t3\r");
        let (t, notes) = read(&s).unwrap();
        assert_eq!(t.groups[0], (AgeGroup { from: 0, width: Some(5) }, 50.0, 55.0));
        assert!(notes.contains(&Note::JoinedInfants));
        assert!((t.female[..5].iter().sum::<f64>() - 50.0).abs() < 1e-9);
    }

    #[test]
    fn names_the_line_and_what_it_found() {
        assert_eq!(
            kinds("age,female,male\n0-4,210,000,225,000\n"),
            vec![(Some(2), ProblemKind::FieldCount { expected: 3, found: 5, thousands: true })]
        );
        assert_eq!(
            kinds("age,female,male\n0-4,lots,1\nfive,1,2\n"),
            vec![
                (Some(2), ProblemKind::Count { sex: Sex::Female, found: Snippet::of("lots") }),
                (Some(3), ProblemKind::Age { found: Snippet::of("five") }),
            ]
        );
        let p = kinds("a;b;c\n1;2;3\n");
        assert!(
            matches!(&p[0], (Some(1), ProblemKind::Header { delimiter: Delimiter::Semicolon, missing, .. }) if missing.len() == 3),
            "{p:?}"
        );
        assert_eq!(kinds("just one column\n1\n"), vec![(Some(1), ProblemKind::OneColumn { found: Snippet::of("just one column") })]);
        assert_eq!(kinds("age,female,male\n0-4,1,1\n10-14,1,1\n15+,1,1\n")[0], (Some(3), ProblemKind::Gap { expected: 5 }));
        assert_eq!(kinds("age,female,male\n0-4,1,1\n5-9,1,1\n")[0].1, ProblemKind::LastNotOpen);
        assert_eq!(kinds("\n\n"), vec![(None, ProblemKind::Empty)]);
        assert_eq!(kinds("age,female,male\n"), vec![(None, ProblemKind::NoRows)]);
        let huge = "age,female,male\n".to_string() + &"0,1,1\n".repeat(2000);
        assert!(matches!(kinds(&huge)[0].1, ProblemKind::TooManyLines { lines: 2001, .. }));
        assert_eq!(
            kinds("age,female,male\n\"0-4,1,1\n")[0],
            (Some(2), ProblemKind::Csv { problem: crate::csv::CsvProblem::UnclosedQuote })
        );
    }

    #[test]
    fn five_year_groups_are_graduated_keeping_every_total() {
        let mut s = String::from("age,female,male\n");
        for g in 0..17 {
            s.push_str(&format!("{}-{},\"{}\",{}\n", g * 5, g * 5 + 4, 100_000 - g * 4000, 104_000 - g * 4200));
        }
        s.push_str("85+,20000,12000,,,\n");
        let (t, _) = read(&s).unwrap();
        assert_eq!((t.female.len(), t.width), (AGES, Width::Five));
        assert!((t.female[0..5].iter().sum::<f64>() - 100_000.0).abs() < 1e-6);
        assert!((t.male[80..85].iter().sum::<f64>() - (104_000.0 - 16.0 * 4200.0)).abs() < 1e-6);
        assert!((t.female[85..].iter().sum::<f64>() - 20_000.0).abs() < 1e-6);
        assert!(t.female.iter().chain(&t.male).all(|v| *v >= 0.0));
    }
}
