//! The plan's two groups of counties side by side (表5's eight Anning
//! river counties and the nine others), with the prefecture as their sum:
//! the service in 2020 and in the comparison's year, each a bar with its
//! figure, and the change in words over each pair.

use super::counties::{group_name, Compared, PREFECTURE_SUM};
use super::say;
use crate::charts::canvas::{Align, Baseline};
use crate::charts::grammar::{line, text, Fill, Font, Linear, Mark, Plot, Scale};
use crate::charts::{finish, table, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::counties::Table5Group;
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};
use crate::present::services::{figure, unit};
use crate::projection::compare::{Measure, Totals};

const MARGIN: f64 = 8.0;

/// The groups and the whole, in the order drawn.
fn rows(k: &Compared) -> [(Text, Totals); 3] {
    [
        (group_name(Table5Group::AnningBasin), k.c.group(Table5Group::AnningBasin)),
        (group_name(Table5Group::Other), k.c.group(Table5Group::Other)),
        (PREFECTURE_SUM, k.c.total()),
    ]
}

/// A pair's change, "+12,345人（+8.2%）" / "+12,345 persons (+8.2%)", or
/// "+12,345人，+8.2%" inside a parenthesis (`inner`).
fn change(k: &Compared, t: &Totals, lang: Lang, inner: bool) -> String {
    let u = unit(k.service()).get(lang);
    let (p, c) = (figure(Measure::Persons, t.value - t.base, lang), figure(Measure::Change, Measure::Change.of(t), lang));
    match (lang, inner) {
        (Lang::Zh, false) => format!("{p}{u}（{c}）"),
        (Lang::Zh, true) => format!("{p}{u}，{c}"),
        (Lang::En, false) => format!("{p} {u} ({c})"),
        (Lang::En, true) => format!("{p} {u}, {c}"),
    }
}

fn plot(width: u32, k: &Compared, spec: &Spec) -> Plot<'static> {
    let (style, lang) = (spec.style(), spec.lang);
    let font = style.font_px;
    let rows = rows(k);
    let years = [String::from("2020"), k.c.year.to_string()];
    let values: Vec<f64> = rows.iter().flat_map(|(_, t)| [t.base, t.value]).collect();
    let figures: Vec<String> = values.iter().map(|v| fixed(*v, 0, lang)).collect();
    let x0 = MARGIN + text_width("2020", font) + 8.0;
    let value_w = figures.iter().map(|f| text_width(f, font)).fold(0.0, f64::max) + 10.0;
    let x1 = (f64::from(width) - MARGIN - value_w).max(x0 + 1.0);
    let x = Linear::nice(values.iter().copied(), true, (x0, x1), font * 4.0);
    let (bar_row, bar) = ((font * 1.7).round(), (font * 1.2).round());
    // Each pair's heading: its name and change on one line, or on two where the width is short.
    let heads: Vec<(String, String)> = rows.iter().map(|(name, t)| (name.get(lang).to_string(), change(k, t, lang, false))).collect();
    let one_line = |(n, c): &(String, String)| text_width(&format!("{n}: {c}"), font) <= f64::from(width) - 2.0 * MARGIN;
    let split = !heads.iter().all(one_line);
    let head_h = if split { font * 2.9 } else { font * 1.6 };
    let block = head_h + 2.0 * bar_row + font * 0.8;
    let note = k.accent(width, &style, lang);
    let start = MARGIN + note.height(&style) + font * 0.4;
    let mut plot = Plot::new(width, (start + 3.0 * block) as u32);
    plot.extend(note.marks(MARGIN, &style));
    for (i, (_, t)) in rows.iter().enumerate() {
        let top = start + i as f64 * block;
        let (name, change) = &heads[i];
        let bold = Font { bold: true, ..style.body() };
        if split {
            plot.add(text(name.clone(), (MARGIN, top), bold, Align::Start, Baseline::Top));
            plot.add(text(change.clone(), (MARGIN, top + font * 1.3), style.body(), Align::Start, Baseline::Top));
        } else {
            plot.add(text(
                say(lang, format!("{name}：{change}"), format!("{name}: {change}")),
                (MARGIN, top),
                bold,
                Align::Start,
                Baseline::Top,
            ));
        }
        for (j, v) in [t.base, t.value].into_iter().enumerate() {
            let y = top + head_h + j as f64 * bar_row;
            let fill = Fill::Solid(if j == 0 { style.muted } else { style.series[0] });
            plot.add(Mark::Rect { x: Scale::Px, y: Scale::Px, from: (x0, y), to: (x.map(v).max(x0 + 1.0), y + bar), fill });
            plot.add(text(years[j].clone(), (x0 - 6.0, y + bar / 2.0), style.small(), Align::End, Baseline::Middle));
            plot.add(text(
                figures[2 * i + j].clone(),
                (x.map(v).max(x0 + 1.0) + 6.0, y + bar / 2.0),
                style.body(),
                Align::Start,
                Baseline::Middle,
            ));
        }
    }
    // The axis of each pair.
    for i in 0..3 {
        let top = start + i as f64 * block + head_h;
        plot.add(line(vec![(x0, top - 2.0), (x0, top + 2.0 * bar_row - (bar_row - bar) + 2.0)], style.ink, 1));
    }
    plot
}

fn groups_table(k: &Compared, lang: Lang) -> DataTable {
    let (year, u) = (k.c.year, unit(k.service()).get(lang));
    let cols = match lang {
        Lang::Zh => [
            "区域".to_string(),
            format!("2020年（估计，{u}）"),
            format!("{year}年（{u}）"),
            format!("增减（{u}）"),
            "增减（%）".into(),
            format!("占常住人口（%，{year}年）"),
        ],
        Lang::En => [
            "Group".to_string(),
            format!("2020 (estimate, {u})"),
            format!("{year} ({u})"),
            format!("Change ({u})"),
            "Change (%)".into(),
            format!("Share of residents (%, {year})"),
        ],
    };
    let rows = rows(k).iter().map(|(name, t)| std::iter::once(name.get(lang).to_string()).chain(k.figures(t, lang)).collect()).collect();
    table(&cols.iter().map(String::as_str).collect::<Vec<_>>(), rows)
}

pub fn render(width: u32, k: &Compared, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let (service, year) = (k.service_words(lang), k.c.year);
    let title = k.title(
        format!("安宁河流域与其他区域：{service}，2020年与{year}年"),
        format!("The Anning river counties and the others: {service}, 2020 and {year}"),
        lang,
    );
    let [(_, a), (_, o), (_, all)] = rows(k);
    let n = |v: f64| fixed(v, 0, lang);
    let u = unit(k.service()).get(lang);
    let summary = say(
        lang,
        format!(
            "按此情景，安宁河流域8县（市）{service}从2020年的{}{u}变为{year}年的{}{u}（{}），其他区域9县从{}{u}变为{}{u}（{}）；全州合计{}{u}。",
            n(a.base),
            n(a.value),
            change(k, &a, lang, true),
            n(o.base),
            n(o.value),
            change(k, &o, lang, true),
            n(all.value)
        ),
        format!(
            "Under this scenario the 8 Anning river counties have {} {u} ({service}) in {year} against {} in 2020 ({}), the 9 others {} against {} ({}); Liangshan {} in all.",
            n(a.value),
            n(a.base),
            change(k, &a, lang, true),
            n(o.value),
            n(o.base),
            change(k, &o, lang, true),
            n(all.value)
        ),
    );
    let mut notes = k.notes(lang);
    // Who is in which group, from 表5's rows.
    let anning: Vec<&str> =
        crate::data::counties::COUNTIES.iter().filter(|c| c.table5_group == Table5Group::AnningBasin).map(|c| c.short.get(lang)).collect();
    notes.insert(
        1,
        say(
            lang,
            format!("两组按规划表5划分：安宁河流域为{}。", anning.join("、")),
            format!("The groups are those of the plan's Table 5: the Anning river counties are {}.", anning.join(", ")),
        ),
    );
    finish(
        ChartId::CountyGroups,
        spec,
        &plot(width, k, spec),
        Texts { title, summary, sources: k.sources(lang), notes, table: groups_table(k, lang) },
    )
}
