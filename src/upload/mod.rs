//! A reader's own population table, from the bytes of a file to a table the
//! engine can use, or the reasons it cannot: the edge where a file becomes
//! typed values.
//!
//! The pipeline, each stage plain data in and out:
//!
//! 1. [`decode`]: bytes to text. UTF-8 with or without a byte-order mark,
//!    UTF-16 (what Excel's "Unicode text" writes) and GBK/GB18030 (what Excel
//!    on Chinese Windows writes for CSV). This module decides which; the
//!    tables of GB18030 come from outside the core (the browser's own
//!    `TextDecoder` in wasm, `encoding_rs` natively) through [`LegacyDecoder`].
//! 2. [`table`]: text to a table. The delimiter (comma, tab, semicolon) and
//!    the line ends (LF, CRLF, CR) are detected; the header is found by the
//!    names spreadsheets give the columns (`age,female,male`, `年龄,女,男`,
//!    ...); ages are read in the forms census tables print (`0-4`, `0～4岁`,
//!    `85+`, `85岁及以上`, ...); five-year groups are graduated to single
//!    years.
//! 3. [`plausible`]: the table held against the region it replaces. A table
//!    far from the published total, with one sex or one age group holding an
//!    absurd share, or with numbers that do not add up to a finite total is
//!    refused with the figures; one that is plausible but far from the
//!    estimate is accepted with a note.
//!
//! Nothing here has words: problems and notes are values (with the line,
//! the figures and at most [`SNIPPET_CHARS`] characters of what was found),
//! put into words by [`crate::present::upload`].

use serde::Serialize;

use crate::csv::{CsvProblem, Delimiter};
use crate::demography::Sex;

pub mod decode;
pub mod plausible;
pub mod table;

pub use decode::{Encoding, LegacyDecoder};
pub use plausible::Expectation;
pub use table::{AgeGroup, Table, Width};

/// The largest file read, in bytes: far more than any age table needs.
pub const MAX_BYTES: usize = 1_000_000;
/// The most lines a file may have.
pub const MAX_LINES: usize = 1_000;
/// The most characters of a reader's text a message quotes.
pub const SNIPPET_CHARS: usize = 40;

/// At most [`SNIPPET_CHARS`] characters of what a file held, for a message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Snippet {
    pub text: String,
    /// Whether the text was longer and was cut.
    pub cut: bool,
}

impl Snippet {
    pub fn of(s: &str) -> Snippet {
        let mut chars = s.chars();
        let text: String = chars.by_ref().take(SNIPPET_CHARS).collect();
        Snippet { text, cut: chars.next().is_some() }
    }
}

/// A column the table needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Column {
    Age,
    Female,
    Male,
}

/// One reason a file is refused; `line` where it is one line's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Problem {
    pub line: Option<usize>,
    pub kind: ProblemKind,
}

impl Problem {
    pub fn file(kind: ProblemKind) -> Problem {
        Problem { line: None, kind }
    }

    pub fn at(line: usize, kind: ProblemKind) -> Problem {
        Problem { line: Some(line), kind }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ProblemKind {
    /// Larger than [`MAX_BYTES`].
    TooLarge {
        bytes: usize,
        max: usize,
    },
    /// An Excel or other spreadsheet workbook, not text.
    Workbook,
    /// Not text in any encoding read here (NUL bytes, invalid sequences).
    NotText,
    /// UTF-16 announced by its byte-order mark but broken.
    BadUtf16,
    /// Nothing but blank lines.
    Empty,
    TooManyLines {
        lines: usize,
        max: usize,
    },
    Csv {
        problem: CsvProblem,
    },
    /// No line has more than one column (no comma, tab or semicolon).
    OneColumn {
        found: Snippet,
    },
    /// No line of the first ten names the columns the table needs.
    Header {
        found: Snippet,
        delimiter: Delimiter,
        missing: Vec<Column>,
    },
    /// A line has a different number of columns from the header. With
    /// `thousands`, the extra columns look like a number's thousands
    /// separated by the delimiter (`210,000`).
    FieldCount {
        expected: usize,
        found: usize,
        thousands: bool,
    },
    Age {
        found: Snippet,
    },
    Count {
        sex: Sex,
        found: Snippet,
    },
    NoRows,
    /// The age groups have a gap or overlap: the one expected next.
    Gap {
        expected: usize,
    },
    OpenNotLast,
    LastNotOpen,
    MixedWidths,
    FewFiveYearGroups,
    /// The counts add up to more than a number can hold.
    NotFinite,
    /// The total is not within [`plausible::FACTOR`] of the published total.
    Total {
        total: f64,
        published: f64,
        factor: f64,
    },
    /// Women are not between 40% and 60% of the total.
    SexShare {
        female_share: f64,
    },
    /// One age group holds more of the total than any real population does.
    GroupShare {
        group: AgeGroup,
        persons: f64,
        total: f64,
        max_share: f64,
    },
}

/// Something the reader should know about a file that was read.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Note {
    /// Read in this encoding (said when it is not UTF-8).
    Encoding { encoding: Encoding },
    /// Fields separated by this (said when it is not a comma).
    Delimiter { delimiter: Delimiter },
    /// Lines before the header (a title) were passed over.
    SkippedBeforeHeader { lines: usize },
    /// Columns other than age, female and male were passed over.
    IgnoredColumns { names: Vec<Snippet> },
    /// A total row was passed over; whether it matches the groups' sum.
    TotalRow { line: usize, matches: bool },
    /// Ages 0 and 1-4 were joined into 0-4.
    JoinedInfants,
    /// The total is more than [`plausible::NOTE_TOTAL`] from the published one.
    FarFromPublished { total: f64, published: f64 },
    /// Five-year groups more than [`plausible::NOTE_GROUP`] times the
    /// estimate's, or less than its share.
    FarFromEstimate { groups: Vec<(AgeGroup, f64, f64)> },
}

/// A file read and checked: its table and what to tell the reader.
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub table: Table,
    pub notes: Vec<Note>,
}

/// Reads a reader's file for a region: decoded, parsed, checked against
/// `expect`. Every problem comes back; a refused file changes nothing.
pub fn read(bytes: &[u8], legacy: &dyn LegacyDecoder, expect: &Expectation) -> Result<Reading, Vec<Problem>> {
    let decoded = decode::decode(bytes, legacy).map_err(|k| vec![Problem::file(k)])?;
    let (table, mut notes) = table::read(&decoded.text)?;
    if decoded.encoding != Encoding::Utf8 {
        notes.insert(0, Note::Encoding { encoding: decoded.encoding });
    }
    notes.extend(plausible::check(&table, expect)?);
    Ok(Reading { table, notes })
}

/// A table in the form uploads take (`age,female,male`, single years, the
/// last `100+`), counts rounded to persons: a template to edit, and a
/// record of the estimate.
pub fn template(female: &[f64], male: &[f64]) -> String {
    let mut out = String::from("age,female,male\n");
    let last = female.len().saturating_sub(1);
    for (a, (f, m)) in female.iter().zip(male).enumerate() {
        let age = if a == last { format!("{a}+") } else { a.to_string() };
        out.push_str(&format!("{age},{f:.0},{m:.0}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_cut_at_forty_characters() {
        let s = Snippet::of(&"长".repeat(900_000));
        assert_eq!((s.text.chars().count(), s.cut), (40, true));
        assert_eq!(Snippet::of("0-4"), Snippet { text: "0-4".into(), cut: false });
    }
}
