//! The two languages of the page, and number formatting for each.

use serde::{Deserialize, Serialize};

/// The reader's language. Chinese first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }
}

/// A text in both languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(zh: &'static str, en: &'static str) -> Text {
        Text { zh, en }
    }

    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// `x` with `decimals` digits after the point; in English with thousands
/// separators. Chinese official statistics print plain digits, and so do we.
pub fn fixed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = format!("{:.*}", decimals, x);
    // "-0.00" reads as a sign error to a reader.
    let s = if s.starts_with('-') && s[1..].chars().all(|c| c == '0' || c == '.') { s[1..].to_string() } else { s };
    match lang {
        Lang::Zh => s,
        Lang::En => group_thousands(&s),
    }
}

/// [`fixed`] with its sign always shown: "+0.19", "−2.80" (a minus sign,
/// not a hyphen), "0.00".
pub fn signed(x: f64, decimals: usize, lang: Lang) -> String {
    let s = fixed(x.abs(), decimals, lang);
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 {
        format!("−{s}")
    } else {
        s
    }
}

fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(s.len() + int.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A count of persons given in 万人 (ten thousands): "95.50万" in Chinese,
/// "955,000" in English.
pub fn ten_thousands(x_wan: f64, decimals: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}万", fixed(x_wan, decimals, lang)),
        Lang::En => {
            // Keep the precision the figure was printed with: 95.50万 is known
            // to the hundred, so it prints as 955,000.
            let persons = x_wan * 10_000.0;
            fixed(persons, 0, lang)
        }
    }
}

/// Joins items as a list: 西昌、德昌和会理 / Xichang, Dechang and Huili.
pub fn list(items: &[&str], lang: Lang) -> String {
    let (sep, and) = match lang {
        Lang::Zh => ("、", "和"),
        Lang::En => (", ", " and "),
    };
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{}{}{}", init.join(sep), and, last),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_numbers_per_language() {
        assert_eq!(fixed(1234567.891, 1, Lang::En), "1,234,567.9");
        assert_eq!(fixed(1234567.891, 1, Lang::Zh), "1234567.9");
        assert_eq!(fixed(-1234.5, 0, Lang::En), "-1,234");
        assert_eq!(fixed(-0.001, 2, Lang::En), "0.00");
        assert_eq!(fixed(999.0, 0, Lang::En), "999");
        assert_eq!(ten_thousands(95.50, 2, Lang::Zh), "95.50万");
        assert_eq!(ten_thousands(95.50, 2, Lang::En), "955,000");
        assert_eq!(list(&["a", "b", "c"], Lang::En), "a, b and c");
        assert_eq!(list(&["西昌", "德昌"], Lang::Zh), "西昌和德昌");
    }

    /// The cases www/format.js is checked against too: one set of rules.
    #[test]
    fn formats_as_the_page_does() {
        let cases: serde_json::Value = serde_json::from_str(include_str!("../tests/fixtures/format.json")).unwrap();
        for c in cases["cases"].as_array().unwrap() {
            let lang = if c[2] == "zh" { Lang::Zh } else { Lang::En };
            let (x, d) = (c[0].as_f64().unwrap(), c[1].as_u64().unwrap() as usize);
            assert_eq!(fixed(x, d, lang), c[3].as_str().unwrap(), "{c}");
        }
    }
}
