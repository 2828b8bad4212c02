//! A reader's population table as spreadsheet programs really write it:
//! the fixtures in `tests/fixtures/uploads/` hold one table of Liangshan's
//! 2020 population (the estimate, by five-year group) in every encoding,
//! delimiter and line end the upload reads, and in a census table's layout.
//! Each must read to the same numbers, with a note saying how it was read;
//! absurd tables are refused with their figures; and any bytes at all give a
//! table or problems, never a panic (property tests).

use liangshan_pop::csv::Delimiter;
use liangshan_pop::data::counties::Region;
use liangshan_pop::i18n::{Lang, Text};
use liangshan_pop::present::upload::{note, problem};
use liangshan_pop::projection::base::estimate;
use liangshan_pop::upload::{decode::NativeDecoder, plausible, read, Encoding, Expectation, Note, Problem, ProblemKind, Reading};
use proptest::prelude::*;

const LIANGSHAN: Text = Text::new("凉山州", "Liangshan");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/uploads/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn upload(bytes: &[u8]) -> Result<Reading, Vec<Problem>> {
    static BASE: std::sync::OnceLock<liangshan_pop::projection::base::BasePopulation> = std::sync::OnceLock::new();
    let base = BASE.get_or_init(|| estimate().unwrap());
    let expect = Expectation { published_total: Region::Prefecture.published_total().unwrap(), female: &base.female, male: &base.male };
    read(bytes, &NativeDecoder, &expect)
}

#[test]
fn every_encoding_delimiter_and_line_end_reads_to_the_same_table() {
    let expected = upload(&fixture("excel-utf8-bom-thousands.csv")).unwrap();
    assert!(expected.notes.is_empty(), "UTF-8 with commas needs no note: {:?}", expected.notes);
    assert_eq!(expected.table.groups.len(), 18);
    assert_eq!(expected.table.groups[0].1, 206_699.0);
    let cases: [(&str, &[Note]); 5] = [
        ("excel-gbk.csv", &[Note::Encoding { encoding: Encoding::Gb18030 }]),
        ("excel-unicode-text.txt", &[Note::Encoding { encoding: Encoding::Utf16Le }, Note::Delimiter { delimiter: Delimiter::Tab }]),
        ("utf16be-tabs.txt", &[Note::Encoding { encoding: Encoding::Utf16Be }, Note::Delimiter { delimiter: Delimiter::Tab }]),
        ("semicolon-cr.csv", &[Note::Delimiter { delimiter: Delimiter::Semicolon }]),
        (
            "census-style.csv",
            &[
                Note::SkippedBeforeHeader { lines: 1 },
                Note::IgnoredColumns { names: vec![liangshan_pop::upload::Snippet::of("合计（人）")] },
                Note::TotalRow { line: 3, matches: true },
                Note::JoinedInfants,
            ],
        ),
    ];
    for (name, notes) in cases {
        let r = upload(&fixture(name)).unwrap_or_else(|p| panic!("{name}: {p:?}"));
        assert_eq!(r.table.groups, expected.table.groups, "{name}");
        assert_eq!(r.table.female, expected.table.female, "{name}");
        assert_eq!(r.notes, notes, "{name}");
    }
    let gbk = note(&Note::Encoding { encoding: Encoding::Gb18030 }, LIANGSHAN, Lang::Zh);
    assert_eq!(gbk, "文件似乎是GBK（GB18030）编码，已按GBK读取。");
}

#[test]
fn unquoted_thousands_are_refused_with_the_reason() {
    let p = upload(&fixture("unquoted-thousands.csv")).unwrap_err();
    assert_eq!(p.len(), 1);
    assert_eq!(p[0].kind, ProblemKind::FieldCount { expected: 3, found: 5, thousands: true });
    assert_eq!(
        problem(&p[0], LIANGSHAN, Lang::Zh),
        "第2行：每行应有3列，此行有5列：数字中的千位分隔符请去掉，或给数字加引号（如 \"210,000\"）。"
    );
    let en = problem(&p[0], LIANGSHAN, Lang::En);
    assert!(en.starts_with("Line 2: every line should have 3 columns; this one has 5"), "{en}");
}

#[test]
fn absurd_tables_are_refused_with_their_figures_in_both_languages() {
    let header = "age,female,male\n";
    let table = |rows: &dyn Fn(usize) -> (String, String)| {
        let mut s = String::from(header);
        for g in 0..17 {
            let (f, m) = rows(g);
            s.push_str(&format!("{}-{},{f},{m}\n", g * 5, g * 5 + 4));
        }
        let (f, m) = rows(17);
        s + &format!("85+,{f},{m}\n")
    };
    let zeros = table(&|_| ("0".into(), "0".into()));
    let dozen = table(&|g| (if g < 6 { "1".into() } else { "0".into() }, if g < 6 { "1".into() } else { "0".into() }));
    let huge = table(&|g| (if g == 3 { "1e308".into() } else { "100000".into() }, "100000".into()));
    let overflow = table(&|_| ("9".repeat(308), "9".repeat(308)));
    for (name, csv) in [("zeros", &zeros), ("a dozen people", &dozen)] {
        let p = upload(csv.as_bytes()).unwrap_err();
        assert!(matches!(p[0].kind, ProblemKind::Total { .. }), "{name}: {p:?}");
        let zh = problem(&p[0], LIANGSHAN, Lang::Zh);
        assert!(zh.contains("4858359人") && zh.contains("未作任何更改"), "{name}: {zh}");
        let en = problem(&p[0], LIANGSHAN, Lang::En);
        assert!(en.contains("4,858,359 residents") && en.contains("Nothing was changed"), "{name}: {en}");
    }
    // "1e308" is not a count of persons; 308 nines are, and overflow.
    let p = upload(huge.as_bytes()).unwrap_err();
    assert!(matches!(&p[0].kind, ProblemKind::Count { found, .. } if found.text == "1e308"), "{p:?}");
    let p = upload(overflow.as_bytes()).unwrap_err();
    assert!(matches!(p[0].kind, ProblemKind::NotFinite | ProblemKind::Total { .. }), "{p:?}");
    // A 900 KB bad value is quoted to 40 characters.
    let long = format!("{header}0-4,{},1\n", "x".repeat(900_000));
    let p = upload(long.as_bytes()).unwrap_err();
    let zh = problem(&p[0], LIANGSHAN, Lang::Zh);
    assert!(zh.chars().count() < 100 && zh.contains('…'), "{zh}");
}

#[test]
fn what_spreadsheets_save_that_is_not_csv_gets_told_what_to_do() {
    let zh = |bytes: &[u8]| problem(&upload(bytes).unwrap_err()[0], LIANGSHAN, Lang::Zh);
    assert!(zh(b"PK\x03\x04\x14\x00\x06\x00").contains("另存为"), "an xlsx");
    assert!(zh(&[0xE9, 0x2C, 0x31, 0x0A, 0xFF, 0xFE, 0x41]).contains("编码"), "not text in any encoding read");
}

/// Any bytes: a table with a finite, plausible total, or problems. Never a panic.
fn check_any(bytes: &[u8]) -> Result<(), TestCaseError> {
    let published = Region::Prefecture.published_total().unwrap();
    match upload(bytes) {
        Ok(r) => {
            let total = r.table.total();
            prop_assert!(total.is_finite());
            prop_assert!(total >= published / plausible::FACTOR && total <= published * plausible::FACTOR);
            prop_assert!(r.table.female.iter().chain(&r.table.male).all(|v| v.is_finite() && *v >= 0.0));
            prop_assert_eq!((r.table.female.len(), r.table.male.len()), (101, 101));
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty());
            for p in &problems {
                for lang in [Lang::Zh, Lang::En] {
                    prop_assert!(problem(p, LIANGSHAN, lang).chars().count() < 400);
                }
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_table_or_problems(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        check_any(&bytes)?;
    }

    /// A real table with bytes changed, inserted or cut: the hard cases are near valid files.
    #[test]
    fn near_valid_files_give_a_table_or_problems(
        which in 0usize..6,
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    ) {
        let names = ["excel-gbk.csv", "excel-unicode-text.txt", "utf16be-tabs.txt", "semicolon-cr.csv", "census-style.csv", "excel-utf8-bom-thousands.csv"];
        let mut bytes = fixture(names[which]);
        for (at, b, op) in edits {
            let i = at.index(bytes.len().max(1)).min(bytes.len());
            match op {
                0 if i < bytes.len() => bytes[i] = b,
                1 => bytes.insert(i, b),
                _ if i < bytes.len() => { bytes.remove(i); }
                _ => {}
            }
        }
        check_any(&bytes)?;
    }

    /// Tables of random counts in a valid layout: accepted only when plausible.
    #[test]
    fn random_counts_are_accepted_only_when_plausible(counts in proptest::collection::vec((0f64..2e6, 0f64..2e6), 18)) {
        let mut s = String::from("年龄,女,男\n");
        for (g, (f, m)) in counts.iter().enumerate() {
            let label = if g == 17 { "85岁及以上".to_string() } else { format!("{}-{}岁", g * 5, g * 5 + 4) };
            s.push_str(&format!("{label},{f:.0},{m:.0}\n"));
        }
        check_any(s.as_bytes())?;
    }
}
