//! Errors of the core. Every message names what was wrong and what was
//! expected, in the reader's language.

use std::fmt;

use crate::i18n::Lang;

/// An error of the core: a boxed [`ErrorKind`], so that `Result<T, Error>`
/// stays one pointer wide.
#[derive(Debug, Clone, PartialEq)]
pub struct Error(Box<ErrorKind>);

#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument from a caller (a URL parameter, a command-line flag) is
    /// not one of the accepted values.
    InvalidArgument { name: &'static str, value: String, expected: &'static str },
    /// A number out of its accepted range.
    OutOfRange { name: &'static str, value: f64, min: f64, max: f64 },
    /// A line of a CSV file could not be read.
    Csv { file: String, line: usize, message: String },
    /// Drawing a chart failed.
    Chart(String),
    /// A projection spec breaks the contract: the field (with its index)
    /// and what is wrong with it.
    Spec { field: String, message: String },
}

impl Error {
    pub fn kind(&self) -> &ErrorKind {
        &self.0
    }

    /// The message in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        match (&*self.0, lang) {
            (ErrorKind::InvalidArgument { name, value, expected }, Lang::Zh) => {
                format!("参数 {name} 的值“{value}”无效，可用的值：{expected}")
            }
            (ErrorKind::InvalidArgument { name, value, expected }, Lang::En) => {
                format!("invalid value \"{value}\" for {name}; expected one of: {expected}")
            }
            (ErrorKind::OutOfRange { name, value, min, max }, Lang::Zh) => {
                format!("参数 {name} 的值 {} 超出范围（{} 至 {}）", short(*value), short(*min), short(*max))
            }
            (ErrorKind::OutOfRange { name, value, min, max }, Lang::En) => {
                format!("{name} = {} is out of range ({} to {})", short(*value), short(*min), short(*max))
            }
            // Line 0: the problem is the whole file, or the message names its lines.
            (ErrorKind::Csv { file, line: 0, message }, Lang::Zh) => format!("{file}：{message}"),
            (ErrorKind::Csv { file, line: 0, message }, Lang::En) => format!("{file}: {message}"),
            (ErrorKind::Csv { file, line, message }, Lang::Zh) => {
                format!("{file} 第 {line} 行：{message}")
            }
            (ErrorKind::Csv { file, line, message }, Lang::En) => {
                format!("{file}, line {line}: {message}")
            }
            (ErrorKind::Spec { field, message }, Lang::Zh) => format!("预测设定 {field}：{message}"),
            (ErrorKind::Spec { field, message }, Lang::En) => format!("spec {field}: {message}"),
            (ErrorKind::Chart(m), Lang::Zh) => format!("图表绘制失败：{m}"),
            (ErrorKind::Chart(m), Lang::En) => format!("chart could not be drawn: {m}"),
        }
    }
}

/// A number for a message: at most two decimals, no trailing zeros.
fn short(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// An item of the plan's data that the code asks for by id is missing: a
/// bug (tests check every id the code uses), reported rather than panicking.
pub(crate) fn missing_data(what: &str) -> Error {
    ErrorKind::InvalidArgument { name: "data", value: what.to_string(), expected: "an item of the plan's data (src/data)" }.into()
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Error(Box::new(kind))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for Error {}
