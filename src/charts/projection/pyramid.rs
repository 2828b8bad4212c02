//! The population pyramid of a year, by single year of age, against the
//! outline of 2020.

use super::{origin_note, say, titled, Header, View, PROJECTION_SOURCE};
use crate::charts::canvas::{Align, Baseline, Key, Legend};
use crate::charts::grammar::{nice_max, text, Label, Linear, Mark, Plot, Scale};
use crate::charts::{finish, text_width, Chart, ChartId, DataTable, Spec, Texts};
use crate::error::{Error, ErrorKind};
use crate::i18n::{fixed, Lang, Text};
use crate::projection::base::AGES;

const MARGIN: f64 = 8.0;

fn year_index(view: &View) -> Result<usize, Error> {
    let years = &view.run.years;
    years.iter().position(|y| y.year == view.year).ok_or_else(|| {
        let (lo, hi) = (years.first().map_or(0, |y| y.year), years.last().map_or(0, |y| y.year));
        ErrorKind::OutOfRange { name: "year", value: f64::from(view.year), min: f64::from(lo), max: f64::from(hi) }.into()
    })
}

/// A side of the pyramid as a stepped outline: a step a year of age.
fn steps(pop: &[f64], row: f64, bottom: f64) -> Vec<(f64, f64)> {
    let y_of = |a: usize| bottom - row * (a as f64 + 1.0);
    pop.iter().enumerate().flat_map(|(a, n)| [(*n, y_of(a) + row), (*n, y_of(a))]).collect()
}

fn plot<'l>(width: u32, view: &View, spec: &Spec, k: usize) -> Plot<'l> {
    let lang = spec.lang;
    let style = spec.style();
    let font = style.font_px;
    let (f, m) = (&view.run.female[k], &view.run.male[k]);
    let (f0, m0) = (&view.run.female[0], &view.run.male[0]);
    let legend = Legend {
        entries: vec![
            (Key::Swatch(style.series[0]), Text::new("男", "Men").get(lang)),
            (Key::Swatch(style.series[1]), Text::new("女", "Women").get(lang)),
            (Key::Ring(style.ink), Text::new("2020年", "2020").get(lang)),
        ],
    };
    let header = Header::new(legend, origin_note(view.run).get(lang), width, &style);
    let top = header.bottom(font) + font * 0.6;
    let plot_h = (f64::from(width) * 0.9).clamp(font * 24.0, font * 40.0);
    let bottom = top + plot_h;
    let height = (bottom + font * 3.2 + MARGIN) as u32;
    let axis_w = text_width("100", font * 0.9) + 12.0;
    let centre = f64::from(width) / 2.0;
    let half = (f64::from(width) - 2.0 * MARGIN - axis_w) / 2.0;
    // Both sides on one scale, to the largest single year of either year.
    let step = nice_max(f.iter().chain(m).chain(f0).chain(m0).fold(0.0f64, |a, b| a.max(*b)));
    let xl = Linear::new((0.0, step), (centre - axis_w / 2.0, centre - axis_w / 2.0 - half));
    let xr = Linear::new((0.0, step), (centre + axis_w / 2.0, centre + axis_w / 2.0 + half));
    let row = plot_h / AGES as f64;
    let mut plot = Plot::new(width, height);
    plot.extend(header.marks(width, &style));
    // Each side's 101 bars as one stepped shape: the same picture in two
    // elements instead of 202, so that it redraws fast.
    for (scale, pop, colour) in [(xl, m, style.series[0]), (xr, f, style.series[1])] {
        let mut points = vec![(0.0, bottom)];
        points.extend(steps(pop, row, bottom));
        points.push((0.0, bottom - row * AGES as f64));
        plot.add(Mark::Area { x: Scale::Linear(scale), y: Scale::Px, points, fill: colour });
    }
    // The 2020 outline, as a stepped line on each side.
    for (scale, pop) in [(xl, m0), (xr, f0)] {
        plot.add(Mark::Line { x: Scale::Linear(scale), y: Scale::Px, points: steps(pop, row, bottom), colour: style.ink, width: 1 });
    }
    let ages: Vec<Label> = (0..AGES)
        .step_by(10)
        .map(|a| Label::new(a.to_string(), (centre, bottom - row * a as f64 - row / 2.0), style.small(), Align::Middle, Baseline::Middle))
        .collect();
    plot.add(Mark::Text { x: Scale::Px, y: Scale::Px, labels: ages });
    for t in [0.0, step / 2.0, step] {
        let label = fixed(t, 0, lang);
        plot.add(text(
            label.clone(),
            (xl.map(t), bottom + 4.0),
            style.small(),
            if t == step { Align::Start } else { Align::Middle },
            Baseline::Top,
        ));
        plot.add(text(label, (xr.map(t), bottom + 4.0), style.small(), if t == step { Align::End } else { Align::Middle }, Baseline::Top));
    }
    plot.add(text(
        Text::new("人（每岁）", "persons per year of age").get(lang),
        (centre, bottom + font * 1.6),
        style.small(),
        Align::Middle,
        Baseline::Top,
    ));
    plot.add(text(view.year.to_string(), (f64::from(width) - MARGIN, top), style.small(), Align::End, Baseline::Top));
    plot
}

fn table(view: &View, k: usize, lang: Lang) -> DataTable {
    let (f, m) = (&view.run.female[k], &view.run.male[k]);
    let (f0, m0) = (&view.run.female[0], &view.run.male[0]);
    let cols = [
        Text::new("年龄", "Age"),
        Text::new("男", "Men"),
        Text::new("女", "Women"),
        Text::new("2020年男", "Men 2020"),
        Text::new("2020年女", "Women 2020"),
    ];
    let rows = (0..AGES)
        .map(|a| {
            let age = if a + 1 == AGES { format!("{a}+") } else { a.to_string() };
            vec![age, fixed(m[a], 0, lang), fixed(f[a], 0, lang), fixed(m0[a], 0, lang), fixed(f0[a], 0, lang)]
        })
        .collect();
    DataTable { columns: cols.iter().map(|c| c.get(lang).to_string()).collect(), rows }
}

pub fn render(width: u32, view: &View, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let k = year_index(view)?;
    let (y, y0) = (&view.run.years[k], &view.run.years[0]);
    let place = view.place();
    let share = |v: f64| fixed(v, 1, lang);
    let summary = say(
        lang,
        format!(
            "{}年{}：0—14岁占{}%，60岁及以上占{}%（2020年分别为{}%和{}%），年龄中位数{}岁。",
            view.year,
            place.zh,
            share(y.share_0_14),
            share(y.share_60_plus),
            share(y0.share_0_14),
            share(y0.share_60_plus),
            share(y.median_age)
        ),
        format!(
            "{} in {}: {}% aged 0-14 and {}% aged 60+ (2020: {}% and {}%); median age {}.",
            place.en,
            view.year,
            share(y.share_0_14),
            share(y.share_60_plus),
            share(y0.share_0_14),
            share(y0.share_60_plus),
            share(y.median_age)
        ),
    );
    let title = titled(
        view.run,
        (format!("{}人口金字塔，{}年", place.zh, view.year), format!("Population pyramid of {}, {}", place.en, view.year)),
        lang,
    );
    let texts = Texts {
        title,
        summary,
        sources: vec![PROJECTION_SOURCE.get(lang).to_string()],
        notes: vec![origin_note(view.run).get(lang).to_string()],
        table: table(view, k, lang),
    };
    finish(ChartId::Pyramid, spec, &plot(width, view, spec, k), texts)
}
