//! 表3: the resident population of each county in 2020, as sorted
//! horizontal bars.

use super::ranked::{Ranked, RankedBars};
use super::{finish, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::counties::{County, COUNTIES, TABLE3_AT};
use crate::error::Error;
use crate::i18n::{fixed, ten_thousands, Lang, Text};

pub const ID: ChartId = ChartId::CountyPopulation;

pub const TITLE: Text = Text::new("各县（市）常住人口，2020年", "Resident population by county, 2020");

fn value_label(c: &County, lang: Lang) -> String {
    ten_thousands(c.pop_2020.value, c.pop_2020.decimals() as usize, lang)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let sorted = crate::num::largest_first(COUNTIES.iter(), |c| c.pop_2020.value);
    let bars = RankedBars {
        bars: sorted
            .iter()
            .map(|c| Ranked {
                label: c.short.get(lang).to_string(),
                value: c.pop_2020.value,
                value_label: value_label(c, lang),
                hatched: false,
            })
            .collect(),
        unit: Text::new("常住人口（万人）", "Residents (thousands)").get(lang).to_string(),
        tick_label: match lang {
            Lang::Zh => |v| fixed(v, 0, Lang::Zh),
            Lang::En => |v| fixed(v * 10.0, 0, Lang::En),
        },
        reference: None,
        note: crate::charts::AccentNote::default(),
    };
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summarise(&sorted, lang),
        sources: vec![TABLE3_AT.cite(lang)],
        notes: Vec::new(),
        table: table(lang),
    };
    finish(ID, spec, &bars.plot(width, &spec.style()), texts)
}

/// One sentence about the data: the largest and smallest county and how far
/// the first stands above the second.
fn summarise(sorted: &[&County], lang: Lang) -> String {
    let (Some(first), Some(second), Some(last)) = (sorted.first(), sorted.get(1), sorted.last()) else {
        return String::new();
    };
    let times = first.pop_2020.value / second.pop_2020.value;
    match lang {
        Lang::Zh => format!(
            "{}个县（市）中，{}常住人口最多（{}人，占全州{}%），是第二位{}的{:.1}倍；{}最少（{}人）。",
            sorted.len(),
            first.name.zh,
            value_label(first, lang),
            first.share_2020.text,
            second.name.zh,
            times,
            last.name.zh,
            value_label(last, lang),
        ),
        Lang::En => format!(
            "Of the {} counties, {} has the most residents ({}, {}% of the prefecture), {:.1} times second-placed {}; {} has the fewest ({}).",
            sorted.len(),
            first.name.en,
            value_label(first, lang),
            first.share_2020.text,
            times,
            second.name.en,
            last.name.en,
            value_label(last, lang),
        ),
    }
}

/// 表3 as printed, in its own order.
pub fn table(lang: Lang) -> DataTable {
    let columns: [&str; 6] = match lang {
        Lang::Zh => ["序号", "县（市）", "“七普”常住人口（万人）", "“七普”占比（%）", "“六普”占比（%）", "增长/减少（百分点）"],
        Lang::En => ["No.", "County", "Residents 2020", "Share 2020 (%)", "Share 2010 (%)", "Change (points)"],
    };
    let rows = COUNTIES
        .iter()
        .map(|c| {
            vec![
                c.table3_no.to_string(),
                c.name.get(lang).to_string(),
                match lang {
                    Lang::Zh => c.pop_2020.text.to_string(),
                    Lang::En => fixed(c.pop_2020.value * 1e4, 0, lang),
                },
                c.share_2020.text.to_string(),
                c.share_2010.text.to_string(),
                c.share_change.text.to_string(),
            ]
        })
        .collect();
    DataTable { columns: columns.iter().map(|s| s.to_string()).collect(), rows }
}
