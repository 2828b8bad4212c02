//! A small RFC 4180 CSV reader: quoted fields, doubled quotes, any of the
//! three line ends (LF, CRLF, CR) and a chosen delimiter (comma, tab,
//! semicolon). Errors name the line. Used for the files a reader uploads
//! ([`records`], through [`crate::upload`]); the crate's own tables are
//! constants from `build.rs`.

use serde::Serialize;

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
    /// Which fields were quoted (a quoted `"210,000"` is one number).
    pub quoted: Vec<bool>,
}

/// What separates the fields of a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Delimiter {
    Comma,
    Tab,
    Semicolon,
}

impl Delimiter {
    pub const ALL: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Tab, Delimiter::Semicolon];

    pub fn char(self) -> char {
        match self {
            Delimiter::Comma => ',',
            Delimiter::Tab => '\t',
            Delimiter::Semicolon => ';',
        }
    }
}

/// What is wrong with the quoting of a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CsvProblem {
    /// `ab"c`: a quote inside a field that does not start with one.
    QuoteInsideField,
    /// `"ab"c`: text after the closing quote of a field.
    TextAfterQuote,
    /// A quoted field runs to the end of the file.
    UnclosedQuote,
}

/// A quoting problem and the line it is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CsvError {
    pub line: usize,
    pub problem: CsvProblem,
}

/// The reader's state while it walks the text.
struct Reader {
    delimiter: char,
    records: Vec<Record>,
    fields: Vec<String>,
    quoted: Vec<bool>,
    field: String,
    in_quotes: bool,
    quoted_field: bool,
    line: usize,
    record_line: usize,
}

impl Reader {
    fn end_field(&mut self) {
        self.fields.push(std::mem::take(&mut self.field));
        self.quoted.push(self.quoted_field);
        self.quoted_field = false;
    }

    fn end_record(&mut self) {
        self.end_field();
        let blank = self.fields.len() == 1 && self.fields[0].is_empty() && !self.quoted[0];
        if !blank {
            self.records.push(Record {
                line: self.record_line,
                fields: std::mem::take(&mut self.fields),
                quoted: std::mem::take(&mut self.quoted),
            });
        }
        self.fields.clear();
        self.quoted.clear();
        self.line += 1;
        self.record_line = self.line;
    }

    fn error(&self, problem: CsvProblem) -> CsvError {
        CsvError { line: self.line, problem }
    }
}

/// Reads every record of `text`, fields separated by `delimiter`, lines
/// ended by LF, CRLF or CR. Blank lines are skipped; a byte-order mark at
/// the start is dropped.
pub fn records(text: &str, delimiter: Delimiter) -> Result<Vec<Record>, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut r = Reader {
        delimiter: delimiter.char(),
        records: Vec::new(),
        fields: Vec::new(),
        quoted: Vec::new(),
        field: String::new(),
        in_quotes: false,
        quoted_field: false,
        line: 1,
        record_line: 1,
    };
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if r.in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    r.field.push('"');
                }
                '"' => r.in_quotes = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                '\n' | '\r' => {
                    r.line += 1;
                    r.field.push('\n');
                }
                _ => r.field.push(c),
            }
            continue;
        }
        match c {
            '"' if r.field.is_empty() && !r.quoted_field => {
                r.in_quotes = true;
                r.quoted_field = true;
            }
            '"' => return Err(r.error(CsvProblem::QuoteInsideField)),
            c if c == r.delimiter => r.end_field(),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => r.end_record(),
            // Spaces after a closing quote are harmless ("a" ,b).
            ' ' if r.quoted_field => {}
            _ if r.quoted_field => return Err(r.error(CsvProblem::TextAfterQuote)),
            _ => r.field.push(c),
        }
    }
    if r.in_quotes {
        return Err(CsvError { line: r.record_line, problem: CsvProblem::UnclosedQuote });
    }
    if !r.field.is_empty() || !r.fields.is_empty() || r.quoted_field {
        r.end_record();
    }
    Ok(r.records)
}

/// Splits `text` into lines at LF, CRLF or CR, as [`records`] counts them.
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quotes_and_line_endings() {
        let r = records("a,b\r\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3", Delimiter::Comma).unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].fields, vec!["x, \"y\"", "2"]);
        assert_eq!(r[1].quoted, vec![true, false]);
        assert_eq!(r[2].line, 4);
        assert_eq!(r[2].fields, vec!["multi\nline", "3"]);
    }

    #[test]
    fn reads_carriage_returns_alone_and_other_delimiters() {
        let r = records("a;b\r1;2\r\r3;4", Delimiter::Semicolon).unwrap();
        assert_eq!(r.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 4]);
        assert_eq!(r[2].fields, vec!["3", "4"]);
        let r = records("a\tb\r\n1\t\"2,5\"\r\n", Delimiter::Tab).unwrap();
        assert_eq!(r[1].fields, vec!["1", "2,5"]);
        assert_eq!(lines("a\rb\r\nc\nd").collect::<Vec<_>>(), vec!["a", "b", "c", "d"]);
    }

    #[test]
    fn names_the_line_of_an_error() {
        let e = |text| records(text, Delimiter::Comma).unwrap_err();
        assert_eq!(e("a,b\nc,\"open"), CsvError { line: 2, problem: CsvProblem::UnclosedQuote });
        assert_eq!(e("a,b\nc,d\"e\n"), CsvError { line: 2, problem: CsvProblem::QuoteInsideField });
        assert_eq!(e("\"a\"b\n"), CsvError { line: 1, problem: CsvProblem::TextAfterQuote });
        assert_eq!(records("x\r\"a\"b", Delimiter::Comma).unwrap_err(), CsvError { line: 2, problem: CsvProblem::TextAfterQuote });
    }

    #[test]
    fn keeps_empty_fields() {
        let r = records("a,,c\n,\n", Delimiter::Comma).unwrap();
        assert_eq!(r[0].fields, vec!["a", "", "c"]);
        assert_eq!(r[1].fields, vec!["", ""]);
    }
}
