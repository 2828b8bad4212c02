//! A small RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF or LF.
//! Errors name the line. Used for the external data files compiled into the
//! crate, and later for files a reader uploads.

use crate::error::{Error, ErrorKind};

/// One record and the line of the file it starts on (1-based).
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Reads every record of `text`. `file` names the file in error messages.
/// Blank lines are skipped.
pub fn parse(file: &str, text: &str) -> Result<Vec<Record>, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut quoted_field = false;
    let mut line = 1usize;
    let mut record_line = 1usize;
    let mut chars = text.chars().peekable();

    let err =
        |line: usize, message: &str| -> Error { ErrorKind::Csv { file: file.to_string(), line, message: message.to_string() }.into() };

    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && !quoted_field => {
                in_quotes = true;
                quoted_field = true;
            }
            '"' => return Err(err(line, "a quote inside an unquoted field")),
            ',' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                fields.push(std::mem::take(&mut field));
                quoted_field = false;
                if !(fields.len() == 1 && fields[0].is_empty()) {
                    records.push(Record { line: record_line, fields: std::mem::take(&mut fields) });
                }
                fields.clear();
                line += 1;
                record_line = line;
            }
            _ if quoted_field => return Err(err(line, "text after a closing quote")),
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(err(record_line, "a quoted field is not closed"));
    }
    if !field.is_empty() || !fields.is_empty() || quoted_field {
        fields.push(field);
        records.push(Record { line: record_line, fields });
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quotes_and_line_endings() {
        let r = parse("t.csv", "a,b\r\n\"x, \"\"y\"\"\",2\n\n\"multi\nline\",3").unwrap();
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].fields, vec!["x, \"y\"", "2"]);
        assert_eq!(r[2].line, 4);
        assert_eq!(r[2].fields, vec!["multi\nline", "3"]);
    }

    #[test]
    fn names_the_line_of_an_error() {
        let e = parse("t.csv", "a,b\nc,\"open").unwrap_err();
        assert_eq!(e.to_string(), "t.csv, line 2: a quoted field is not closed");
        let e = parse("t.csv", "a,b\nc,d\"e\n").unwrap_err();
        assert!(e.to_string().contains("line 2"));
        let e = parse("t.csv", "\"a\"b\n").unwrap_err();
        assert!(e.to_string().contains("after a closing quote"));
    }

    #[test]
    fn keeps_empty_fields() {
        let r = parse("t.csv", "a,,c\n,\n").unwrap();
        assert_eq!(r[0].fields, vec!["a", "", "c"]);
        assert_eq!(r[1].fields, vec!["", ""]);
    }
}
