//! 图2 as a schematic tile map: a tile a county, placed roughly where it
//! lies, coloured by density class (light to dark), its name and figure in
//! it; the classes as a legend under it.

use super::{class_label, class_of, common, rows, Row, CLASS_COLOURS, TILES};
use crate::charts::canvas::{text_on, Align, Baseline, Style};
use crate::charts::grammar::{text, Fill, Font, Mark, Plot, Scale};
use crate::charts::{finish, text_width, wrap, Chart, ChartId, Spec, Texts};
use crate::error::Error;
use crate::i18n::{fixed, Lang, Text};

pub const TITLE: Text = Text::new("各县（市）人口密度示意图，2020年", "Population density by county, 2020 (schematic)");

const MARGIN: f64 = 8.0;
const COLUMNS: f64 = 5.0;
const GAP: f64 = 4.0;

/// A square filled and outlined.
fn square(at: (f64, f64), side: f64, fill: plotters::style::RGBColor, style: &Style) -> [Mark<'static>; 2] {
    let to = (at.0 + side, at.1 + side);
    [
        Mark::Rect { x: Scale::Px, y: Scale::Px, from: at, to, fill: Fill::Solid(fill) },
        Mark::Outline { x: Scale::Px, y: Scale::Px, from: at, to, colour: style.muted, width: 1 },
    ]
}

/// Every county's tile, with its name (shrunk to fit) and density.
fn tiles(rows: &[Row], origin: (f64, f64), tile: f64, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let figure_px = (tile / 4.2).min(style.font_px);
    let mut out = Vec::new();
    for (id, col, row) in TILES {
        let Some(r) = rows.iter().find(|r| r.county.county_id() == id) else { continue };
        let (x, y) = (origin.0 + f64::from(col) * (tile + GAP), origin.1 + f64::from(row) * (tile + GAP));
        let fill = CLASS_COLOURS[class_of(r.density)];
        let ink = text_on(fill);
        out.extend(square((x, y), tile, fill, style));
        let name = r.county.short.get(lang);
        let name_px = figure_px.min((tile - 6.0) / (text_width(name, 1.0) * 1.08)).floor();
        out.push(text(
            name,
            (x + tile / 2.0, y + tile * 0.38),
            Font { px: name_px, colour: ink, bold: true },
            Align::Middle,
            Baseline::Middle,
        ));
        out.push(text(
            fixed(r.density, 0, lang),
            (x + tile / 2.0, y + tile * 0.7),
            Font { px: figure_px, colour: ink, bold: false },
            Align::Middle,
            Baseline::Middle,
        ));
    }
    out
}

/// The classes: a swatch and its range each, wrapping when the width needs.
fn legend(top: f64, width: u32, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
    let font = style.font_px;
    let swatch = font * 1.2;
    let mut out =
        vec![text(Text::new("人/平方千米", "persons per km²").get(lang), (MARGIN, top), style.small(), Align::Start, Baseline::Top)];
    let (mut lx, mut ly) = (MARGIN, top + font * 1.6);
    for (i, colour) in CLASS_COLOURS.iter().enumerate() {
        let label = class_label(i, lang);
        let w = swatch + 6.0 + text_width(&label, font * 0.9) + font;
        if lx + w > f64::from(width) - MARGIN {
            lx = MARGIN;
            ly += swatch + 8.0;
        }
        out.extend(square((lx, ly), swatch, *colour, style));
        out.push(text(label, (lx + swatch + 6.0, ly + swatch / 2.0), style.small(), Align::Start, Baseline::Middle));
        lx += w;
    }
    out
}

fn plot(width: u32, rows: &[Row], style: &Style, lang: Lang) -> Plot<'static> {
    let font = style.font_px;
    let tile = ((f64::from(width) - 2.0 * MARGIN - GAP * (COLUMNS - 1.0)) / COLUMNS).min(font * 9.0).floor();
    let grid_w = tile * COLUMNS + GAP * (COLUMNS - 1.0);
    let gx = ((f64::from(width) - grid_w) / 2.0).floor();
    let schematic =
        Text::new("示意图，非地图：方块位置大致对应各县（市）方位", "Schematic, not a map: tiles sit roughly where the counties lie");
    let schematic_lines = wrap(schematic.get(lang), (f64::from(width) - 2.0 * MARGIN) / style.px(0.9));
    let gy = MARGIN + schematic_lines.len() as f64 * font * 1.3 + font * 0.4;
    let legend_top = gy + tile * 5.0 + GAP * 4.0 + font;
    let swatch = font * 1.2;
    let legend_row_w = CLASS_COLOURS.len() as f64 * (swatch + 6.0 + text_width("100–150", font * 0.9) + font);
    let legend_rows = if legend_row_w <= f64::from(width) - 2.0 * MARGIN { 1.0 } else { 2.0 };
    let mut plot = Plot::new(width, (legend_top + font * 1.6 + legend_rows * (swatch + 8.0) + MARGIN) as u32);
    for (i, line) in schematic_lines.iter().enumerate() {
        plot.add(text(line.clone(), (MARGIN, MARGIN + i as f64 * font * 1.3), style.small(), Align::Start, Baseline::Top));
    }
    plot.extend(tiles(rows, (gx, gy), tile, style, lang));
    plot.extend(legend(legend_top, width, style, lang));
    plot
}

pub fn render(width: u32, spec: &Spec) -> Result<Chart, Error> {
    let lang = spec.lang;
    let rows = rows()?;
    let (summary, sources, notes, table) = common(lang, &rows);
    finish(
        ChartId::DensityMap,
        spec,
        &plot(width, &rows, &spec.style(), lang),
        Texts { title: TITLE.get(lang).to_string(), summary, sources, notes, table },
    )
}
