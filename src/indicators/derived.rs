//! Figures the plan implies but does not print: 2010 values from a 2020
//! value and a printed change, Sichuan's values from a printed gap. Each is
//! labelled as derived, with how it was derived and the interval the
//! printed rounding allows.

use serde::Serialize;

use crate::data::external::census_fact;
use crate::data::facts::{fact, required};
use crate::data::{Source, Unit};
use crate::error::Error;
use crate::i18n::Text;
use crate::num::Interval;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DerivedFigure {
    pub id: &'static str,
    pub name: Text,
    pub year: u16,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub unit: Unit,
    pub source: Source,
}

/// `a + sign * b` for two facts of the plan's text.
struct Recipe {
    id: &'static str,
    name: Text,
    year: u16,
    base: &'static str,
    sign: f64,
    change: &'static str,
}

#[rustfmt::skip]
const RECIPES: [Recipe; 9] = [
    Recipe { id: "resident_pop_2010", name: Text::new("常住人口", "Resident population"), year: 2010, base: "resident_pop_2020", sign: -1.0, change: "resident_pop_change_2010_2020" },
    Recipe { id: "registered_pop_2010", name: Text::new("户籍人口", "Registered (hukou) population"), year: 2010, base: "registered_pop_2020", sign: -1.0, change: "registered_pop_change_2010_2020" },
    Recipe { id: "share_60plus_2010", name: Text::new("60岁及以上人口比重", "Share aged 60 and over"), year: 2010, base: "share_60plus_2020", sign: -1.0, change: "share_60plus_rise_2010_2020" },
    Recipe { id: "share_0_14_2010", name: Text::new("0—14岁人口比重", "Share aged 0-14"), year: 2010, base: "share_0_14_2020", sign: -1.0, change: "share_0_14_rise_2010_2020" },
    Recipe { id: "household_size_2010", name: Text::new("家庭户均人口", "Persons per family household"), year: 2010, base: "household_size_2020", sign: 1.0, change: "household_size_fall_2010_2020" },
    Recipe { id: "urbanisation_2010", name: Text::new("常住人口城镇化率", "Urbanisation rate"), year: 2010, base: "urbanisation_2020", sign: -1.0, change: "urbanisation_rise_2010_2020" },
    Recipe { id: "sichuan_share_10_14_2020", name: Text::new("全省10—14岁人口占比", "Sichuan, share aged 10-14"), year: 2020, base: "share_10_14_2020", sign: -1.0, change: "share_10_14_above_sichuan" },
    Recipe { id: "sichuan_share_55_59_2020", name: Text::new("全省55—59岁人口占比", "Sichuan, share aged 55-59"), year: 2020, base: "share_55_59_2020", sign: 1.0, change: "share_55_59_below_sichuan" },
    Recipe { id: "separated_from_hukou_2010", name: Text::new("人户分离人口", "Persons living away from their place of registration"), year: 2010, base: "separated_from_hukou_2020", sign: -1.0, change: "separated_from_hukou_rise" },
];

use crate::error::missing_data as missing;

/// Every derived figure.
pub fn derived_figures() -> Result<Vec<DerivedFigure>, Error> {
    let mut out = Vec::new();
    for r in RECIPES.iter() {
        let base = fact(r.base).ok_or_else(|| missing(r.base))?;
        let change = fact(r.change).ok_or_else(|| missing(r.change))?;
        let iv = base.value.interval().add(change.value.interval().scale(r.sign));
        out.push(DerivedFigure {
            id: r.id,
            name: r.name,
            year: r.year,
            value: base.value.value + r.sign * change.value.value,
            low: iv.lo,
            high: iv.hi,
            unit: base.unit,
            source: Source::Derived {
                from: base.at,
                how: format!("{} {} {}", base.value.text, if r.sign < 0.0 { "−" } else { "+" }, change.value.text),
            },
        });
    }
    // Sichuan's 60+ share in 2010: its 2020 share (census bulletin) less its
    // rise, which the plan gives as Liangshan's rise plus 3.37 points.
    let rise = required("share_60plus_rise_2010_2020")?;
    let gap = required("share_60plus_rise_below_sichuan")?;
    let sc2020 = census_fact("Sichuan", 2020, "share_60plus")?.value;
    let iv = Interval::exact(sc2020).sub(rise.value.interval().add(gap.value.interval()));
    out.push(DerivedFigure {
        id: "sichuan_share_60plus_2010",
        name: Text::new(
            "全省60岁及以上人口比重（据七普公报2020年值推算）",
            "Sichuan, share aged 60 and over (from the 2020 census bulletin)",
        ),
        year: 2010,
        value: sc2020 - rise.value.value - gap.value.value,
        low: iv.lo,
        high: iv.hi,
        unit: Unit::Percent,
        source: Source::Derived { from: gap.at, how: format!("{sc2020} − ({} + {})", rise.value.text, gap.value.text) },
    });
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derives_the_2010_figures_the_text_implies() {
        let all = derived_figures().unwrap();
        let get = |id: &str| all.iter().find(|d| d.id == id).unwrap().clone();
        assert!((get("registered_pop_2010").value - 478.9).abs() < 1e-9);
        assert!((get("resident_pop_2010").value - 453.3).abs() < 1e-9);
        assert!((get("urbanisation_2010").value - 27.52).abs() < 1e-9);
        assert!((get("separated_from_hukou_2010").value - 603_881.0).abs() < 1e-9);
        assert!((get("sichuan_share_60plus_2010").value - 16.30).abs() < 1e-9);
        let r = get("registered_pop_2010");
        assert!((r.low - 478.8).abs() < 1e-9 && (r.high - 479.0).abs() < 1e-9);
        assert!(all.iter().all(|d| matches!(d.source, Source::Derived { .. })));
        assert!(matches!(&get("registered_pop_2010").source, Source::Derived { how, .. } if how == "533.1 − 54.2"));
        assert!(matches!(&get("sichuan_share_60plus_2010").source, Source::Derived { how, .. } if how == "21.71 − (2.04 + 3.37)"));
    }
}
