//! 表3: how each county's share of the prefecture's residents changed from
//! 2010 to 2020, as diverging bars. The plan's printed change is drawn; where
//! it differs from its own share columns (越西), the chart says so.

use super::canvas::{Align, Baseline, Style};
use super::grammar::{line, text, Band, Bar, Fill, Font, Label, Linear, Mark, Orient, Plot, Scale};
use super::{finish, table, text_width, wrap, Chart, ChartId, DataTable, Spec, Texts};
use crate::data::counties::{County, CountyId, COUNTIES, TABLE3_AT};
use crate::error::Error;
use crate::i18n::{fixed, signed, Lang, Text};
use crate::indicators::audit::{audit, CheckKind, Verdict};

pub const ID: ChartId = ChartId::CountyShareChange;
pub const TITLE: Text =
    Text::new("各县（市）占全州常住人口比重的变化，2010—2020年", "Change in each county's share of the prefecture's residents, 2010-2020");

const MARGIN: f64 = 8.0;

/// The counties whose printed change the audit finds at odds with their
/// share columns.
fn flagged() -> Result<Vec<CountyId>, Error> {
    Ok(audit()?
        .into_iter()
        .filter_map(|c| match c.kind {
            CheckKind::Table3Change { county } if c.verdict == Verdict::Disagrees => Some(county),
            _ => None,
        })
        .collect())
}

/// The printed change, starred where the audit flags it.
fn value(c: &County, flagged: &[CountyId], lang: Lang) -> String {
    let mark = if flagged.contains(&c.county_id()) { "*" } else { "" };
    format!("{}{mark}", signed(c.share_change.value, 2, lang))
}

/// A bar a county from the zero line, its name on the far side of the line,
/// its value past the bar's end.
fn bars(sorted: &[&County], x: Linear, band: Band, flagged: &[CountyId], style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let (up, down) = (style.series[0], style.series[1]);
    let zero = x.map(0.0);
    let mut out = Vec::new();
    for (i, county) in sorted.iter().enumerate() {
        let v = county.share_change.value;
        if v != 0.0 {
            let fill = Fill::Solid(if v > 0.0 { up } else { down });
            let (from, to) = if v > 0.0 { (0.0, v) } else { (v, 0.0) };
            out.push(Mark::bar(x, band, Orient::Horizontal, Bar { band: i, from, to, fill }, 0.0));
        }
        let end = x.map(v);
        let (name_x, name_align, val_x, val_align) =
            if v >= 0.0 { (zero - 6.0, Align::End, end + 5.0, Align::Start) } else { (zero + 6.0, Align::Start, end - 5.0, Align::End) };
        let label = |s: String, at: f64, align| Label::new(s, (at, i as f64), style.body(), align, Baseline::Middle);
        out.push(Mark::Text {
            x: Scale::Px,
            y: Scale::Band(band),
            labels: vec![
                label(county.short.get(lang).to_string(), name_x, name_align),
                label(value(county, flagged, lang), val_x, val_align),
            ],
        });
    }
    out
}

fn plot(width: u32, sorted: &[&County], flagged: &[CountyId], spec: &Spec) -> Plot<'static> {
    let (lang, style) = (spec.lang, spec.style());
    let font = style.font_px;
    let (row, bar) = ((font * 1.9).round(), (font * 1.2).round());
    let top = MARGIN + font * 2.4;
    let label_w = sorted.iter().map(|c| text_width(c.short.get(lang), font)).fold(0.0, f64::max) + 8.0;
    let value_w = text_width("+3.94*", font) + 8.0;
    let (min, max) = sorted.iter().map(|c| c.share_change.value).fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Room on each side for the longer of label and value.
    let side = label_w.max(value_w);
    let x = Linear::new((min, max), (MARGIN + side, f64::from(width) - MARGIN - side));
    let zero = x.map(0.0);
    let band = Band::new(top, row, bar);
    let bottom = band.end(sorted.len());
    let footnote = Text::new("* 与表中两列占比之差不符，见核查", "* does not match the difference of the two share columns; see the audit");
    let footnote_lines =
        if flagged.is_empty() { Vec::new() } else { wrap(footnote.get(lang), (f64::from(width) - 2.0 * MARGIN) / style.px(0.9)) };
    let notes_h = footnote_lines.len() as f64 * font * 1.3 + if flagged.is_empty() { 0.0 } else { font * 0.6 };
    let mut plot = Plot::new(width, (bottom + MARGIN + notes_h) as u32);
    let direction = |colour| Font { px: style.px(0.9), colour, bold: true };
    plot.add(text(Text::new("百分点", "percentage points").get(lang), (zero, MARGIN), style.small(), Align::Middle, Baseline::Top));
    plot.add(text(
        Text::new("◀ 下降", "◀ fell").get(lang),
        (zero - 6.0, top - 6.0),
        direction(style.series[1]),
        Align::End,
        Baseline::Bottom,
    ));
    plot.add(text(
        Text::new("上升 ▶", "rose ▶").get(lang),
        (zero + 6.0, top - 6.0),
        direction(style.series[0]),
        Align::Start,
        Baseline::Bottom,
    ));
    plot.extend(bars(sorted, x, band, flagged, &style, lang));
    plot.add(line(vec![(zero, top - 4.0), (zero, bottom)], style.ink, 1));
    for (i, l) in footnote_lines.iter().enumerate() {
        plot.add(text(l.clone(), (MARGIN, bottom + 6.0 + i as f64 * font * 1.3), style.small(), Align::Start, Baseline::Top));
    }
    plot
}

fn summary(sorted: &[&County], lang: Lang) -> String {
    let rose = COUNTIES.iter().filter(|c| c.share_change.value > 0.0).count();
    let fell = COUNTIES.iter().filter(|c| c.share_change.value < 0.0).count();
    let (n, same) = (COUNTIES.len(), COUNTIES.len() - rose - fell);
    let (first, last) = (sorted[0], sorted[sorted.len() - 1]);
    let fall = fixed(-last.share_change.value, 2, lang);
    match lang {
        Lang::Zh => format!(
            "与2010年相比，{}占全州人口的比重上升{}个百分点，{}下降{fall}个百分点；{n}个县（市）中{rose}个上升、{fell}个下降、{same}个持平。",
            first.name.zh, first.share_change.text, last.name.zh
        ),
        Lang::En => format!(
            "Since 2010 {}'s share of the prefecture's residents rose {} points and {}'s fell {fall} points; of the {n} counties {rose} gained share, {fell} lost and {same} held steady.",
            first.name.en, first.share_change.text, last.name.en
        ),
    }
}

/// What each flagged county prints against what its columns give.
fn notes(flagged: &[CountyId], lang: Lang) -> Vec<String> {
    flagged
        .iter()
        .map(|id| {
            let c = id.county();
            let diff = fixed(c.share_2020.value - c.share_2010.value, 2, lang);
            let (p, a, b) = (c.share_change.text, c.share_2020.text, c.share_2010.text);
            match lang {
                Lang::Zh => format!("{}：表3印为{p}，但{a} − {b} = {diff}。图中画的是表中所印的数值。", c.name.zh),
                Lang::En => format!("{}: Table 3 prints {p}, but {a} − {b} = {diff}. The chart draws the printed value.", c.name.en),
            }
        })
        .collect()
}

fn data(sorted: &[&County], flagged: &[CountyId], lang: Lang) -> DataTable {
    let cols: [&str; 4] = match lang {
        Lang::Zh => ["县（市）", "“六普”占比（%）", "“七普”占比（%）", "增长/减少（百分点）"],
        Lang::En => ["County", "Share 2010 (%)", "Share 2020 (%)", "Change (points)"],
    };
    let rows = sorted
        .iter()
        .map(|c| vec![c.name.get(lang).to_string(), c.share_2010.text.to_string(), c.share_2020.text.to_string(), value(c, flagged, lang)])
        .collect();
    table(&cols, rows)
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let flagged = flagged()?;
    // Ties in the order of 表3.
    let sorted = crate::num::largest_first(COUNTIES.iter(), |c| c.share_change.value);
    let texts = Texts {
        title: TITLE.get(lang).to_string(),
        summary: summary(&sorted, lang),
        sources: vec![TABLE3_AT.cite(lang)],
        notes: notes(&flagged, lang),
        table: data(&sorted, &flagged, lang),
    };
    finish(ID, spec, &plot(width, &sorted, &flagged, spec), texts)
}
