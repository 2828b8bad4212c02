//! The words of the plan's figures: the key figures that open the page, and
//! the figures the text implies but does not print.

use serde::Serialize;

use crate::data::facts::Fact;
use crate::data::{Source, Unit};
use crate::error::Error;
use crate::i18n::{fixed, Lang};
use crate::indicators::derived::DerivedFigure;

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyFigure {
    pub id: &'static str,
    pub label: String,
    /// The figure with its unit, formatted for the reader.
    pub value: String,
    /// Where the plan prints it.
    pub source: String,
    /// The plan's own words.
    pub quote: &'static str,
}

/// A figure with its unit, as a reader expects it in `lang`.
pub fn format_fact(f: &Fact, lang: Lang) -> String {
    let v = f.value;
    match (f.unit, lang) {
        (Unit::TenThousandPersons, Lang::Zh) => format!("{}万人", v.text),
        (Unit::TenThousandPersons, Lang::En) if v.value >= 100.0 => {
            let decimals = (v.decimals() as usize + 2).min(3);
            format!("{} million", fixed(v.value / 100.0, decimals, lang))
        }
        (Unit::TenThousandPersons, Lang::En) => fixed(v.value * 1e4, 0, lang),
        (Unit::Percent, _) => format!("{}%", v.text),
        (Unit::PerMille, _) => format!("{}‰", v.text),
        (Unit::Years, Lang::Zh) if f.id.starts_with("life_expectancy") => format!("{}岁", v.text),
        (Unit::Persons, Lang::Zh) => format!("{}人", v.text),
        (Unit::Persons, Lang::En) => fixed(v.value, 0, lang),
        (unit, Lang::Zh) => format!("{}{}", v.text, unit.label(lang)),
        (unit, Lang::En) => format!("{} {}", v.text, unit.label(lang)),
    }
}

/// The key figures of 2020 in `lang`, each with its source.
pub fn key_figures(lang: Lang) -> Result<Vec<KeyFigure>, Error> {
    Ok(crate::indicators::key_figures::key_figures()?
        .into_iter()
        .map(|f| KeyFigure {
            id: f.id,
            label: f.name.get(lang).to_string(),
            value: format_fact(f, lang),
            source: f.at.cite(lang),
            quote: f.quote,
        })
        .collect())
}

/// One derived figure as a line: "2010年户籍人口：478.9万人（533.1 − 54.2）".
pub fn describe(d: &DerivedFigure, lang: Lang) -> String {
    let how = match &d.source {
        Source::Derived { how, .. } => how.as_str(),
        _ => "",
    };
    let decimals = match d.unit {
        Unit::Persons => 0,
        Unit::TenThousandPersons => 1,
        _ => 2,
    };
    let v = fixed(d.value, decimals, lang);
    match lang {
        Lang::Zh => format!("{}年{}：{v}{}（{how}）", d.year, d.name.zh, d.unit.label(lang)),
        Lang::En => format!("{} {}: {v} {} ({how})", d.year, d.name.en, d.unit.label(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_key_figures_in_both_languages() {
        let zh = key_figures(Lang::Zh).unwrap();
        let en = key_figures(Lang::En).unwrap();
        assert_eq!(zh[0].value, "485.8万人");
        assert_eq!(en[0].value, "4.858 million");
        assert_eq!(en[1].value, "5.331 million");
        assert_eq!(zh[2].value, "36.96%");
        assert_eq!(zh[5].value, "75.04岁");
        assert_eq!(en[5].value, "75.04 years");
        assert_eq!(zh[0].source, "规划 第一章第一节");
        assert_eq!(en[0].source, "Plan, ch. 1 §1");
    }
}
