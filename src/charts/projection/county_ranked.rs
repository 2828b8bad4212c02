//! The 17 counties ranked by the comparison's measure in its year, as
//! bars (a decline to the left of zero), against a reference line: the
//! prefecture's rate for a rate (a change in %, a share), the average
//! county for a count (persons, places), which the prefecture's total is not.

use super::counties::Compared;
use super::say;
use crate::charts::ranked::{Ranked, RankedBars, RefLine};
use crate::charts::{finish, Chart, ChartId, Spec, Texts};
use crate::error::Error;
use crate::i18n::{fixed, signed, Lang, Text};
use crate::present::services::figure;
use crate::projection::compare::Measure;

pub fn render(width: u32, k: &Compared, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let ranked = k.c.ranked(k.measure);
    let total = k.c.total();
    let count = matches!(k.measure, Measure::Persons | Measure::Value);
    let n = ranked.len() as f64;
    let (reference, reference_figure) = if count {
        let v = k.of_totals(&total) / n;
        (v, figure(k.measure, v, lang))
    } else {
        (k.of_totals(&total), k.figure(&total, lang))
    };
    let against = if count { Text::new("各县平均", "the county average") } else { Text::new("全州", "Liangshan") };
    let bars = RankedBars {
        bars: ranked
            .iter()
            .map(|(id, t)| Ranked {
                label: format!("{}{}", if k.marked(*id) { "▶ " } else { "" }, id.county().short.get(lang)),
                value: k.of_totals(t),
                value_label: k.figure(t, lang),
                hatched: false,
            })
            .collect(),
        unit: k.measure_words(lang),
        tick_label: match (k.measure.is_change(), lang) {
            (true, Lang::Zh) => |v| tick(v, true, Lang::Zh),
            (true, Lang::En) => |v| tick(v, true, Lang::En),
            (false, Lang::Zh) => |v| tick(v, false, Lang::Zh),
            (false, Lang::En) => |v| tick(v, false, Lang::En),
        },
        note: k.accent(width, &spec.style(), lang),
        reference: Some(RefLine {
            value: reference,
            label: say(lang, format!("{}{reference_figure}", against.zh), format!("{} {reference_figure}", upper_first(against.en))),
        }),
    };
    let (service, measure, year) = (k.service_words(lang), k.measure_words(lang), k.c.year);
    let title =
        k.title(format!("各县（市）排序：{service}{measure}，{year}年"), format!("Counties ranked: {service}, {measure}, {year}"), lang);
    let above = ranked.iter().filter(|(_, t)| k.of_totals(t) > reference).count();
    let summary = say(
        lang,
        format!("按此情景，{year}年有{above}个县（市）的{service}{measure}高于{}（{reference_figure}），{}个不高于。", against.zh, ranked.len() - above),
        format!(
            "Under this scenario, {above} of the 17 counties are above {} ({reference_figure}; {service}, {measure}, {year}) and {} are not.",
            against.en,
            ranked.len() - above
        ),
    );
    finish(
        ChartId::CountyRanked,
        spec,
        &bars.plot(width, &spec.style()),
        Texts { title, summary, sources: k.sources(lang), notes: k.notes(lang), table: k.county_table(lang) },
    )
}

/// A tick's label with the decimals it has (2.5 stays 2.5), signed for a change.
fn tick(v: f64, change: bool, lang: Lang) -> String {
    let d = (0..3).find(|d| {
        let p = 10f64.powi(*d);
        ((v * p) - (v * p).round()).abs() < 1e-6
    });
    let d = d.unwrap_or(2) as usize;
    if change {
        signed(v, d, lang)
    } else {
        fixed(v, d, lang)
    }
}

fn upper_first(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
