//! 图2 as ranked bars, with the prefecture's density as a reference line.

use super::{common, prefecture_density, rows};
use crate::charts::ranked::{Ranked, RankedBars, RefLine};
use crate::charts::{finish, Chart, ChartId, Spec, Texts};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const TITLE: Text = Text::new("各县（市）人口密度排序，2020年", "Population density by county, ranked, 2020");

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let rows = rows()?;
    let sorted = crate::num::largest_first(rows.iter(), |r| r.density);
    let avg = prefecture_density(&rows);
    let bars = RankedBars {
        bars: sorted
            .iter()
            .map(|r| Ranked {
                label: r.county.short.get(lang).to_string(),
                value: r.density,
                value_label: fixed(r.density, 0, lang),
                hatched: false,
            })
            .collect(),
        unit: Text::new("人/平方千米", "Persons per km²").get(lang).to_string(),
        tick_label: match lang {
            Lang::Zh => |v| fixed(v, 0, Lang::Zh),
            Lang::En => |v| fixed(v, 0, Lang::En),
        },
        reference: Some(RefLine {
            value: avg,
            label: match lang {
                Lang::Zh => format!("全州平均 {}", fixed(avg, 0, lang)),
                Lang::En => format!("prefecture {}", fixed(avg, 0, lang)),
            },
        }),
        note: crate::charts::AccentNote::default(),
    };
    let (summary, sources, notes, table) = common(lang, &rows);
    finish(
        ChartId::DensityBars,
        spec,
        &bars.plot(width, &spec.style()),
        Texts { title: TITLE.get(lang).to_string(), summary, sources, notes, table },
    )
}
