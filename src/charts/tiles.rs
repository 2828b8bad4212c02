//! The schematic tile map of 图2: a tile a county, placed roughly where it
//! lies ([`TILES`]), filled by its class, its name and figure in it (so
//! that colour never carries the figure alone), and the classes as a legend
//! under it. The density chart of the plan and the counties' comparison of
//! the explorer both draw it; each says what fills the tiles.

use plotters::style::RGBColor;

use super::canvas::{text_on, Align, Baseline, Style};
use super::grammar::{text, Fill, Font, Mark, Plot, Scale};
use super::{text_width, wrap, AccentNote};
use crate::data::counties::{self as c, CountyId};
use crate::i18n::{Lang, Text};

/// Schematic tile positions (column, row; row 0 is north), roughly after
/// each county seat's location.
pub const TILES: [(CountyId, u8, u8); 17] = [
    (c::GANLUO, 3, 0),
    (c::MIANNING, 1, 1),
    (c::XIDE, 2, 1),
    (c::YUEXI, 3, 1),
    (c::MULI, 0, 2),
    (c::XICHANG, 1, 2),
    (c::ZHAOJUE, 2, 2),
    (c::MEIGU, 3, 2),
    (c::LEIBO, 4, 2),
    (c::YANYUAN, 0, 3),
    (c::DECHANG, 1, 3),
    (c::PUGE, 2, 3),
    (c::BUTUO, 3, 3),
    (c::JINYANG, 4, 3),
    (c::HUILI, 1, 4),
    (c::HUIDONG, 2, 4),
    (c::NINGNAN, 3, 4),
];

const MARGIN: f64 = 8.0;
const COLUMNS: f64 = 5.0;
const ROWS: f64 = 5.0;
const GAP: f64 = 4.0;

/// One county's tile.
pub struct Tile {
    pub county: CountyId,
    pub fill: RGBColor,
    /// Its figure, under its name.
    pub figure: String,
    /// Outlined strongly: the region the reader has chosen.
    pub marked: bool,
}

/// A tile map: the tiles and the legend's title and classes (a colour and
/// its range each, in order).
pub struct TileMap {
    pub tiles: Vec<Tile>,
    pub unit: String,
    pub classes: Vec<(RGBColor, String)>,
    /// Over the drawing, in the accent colour (none for the plan's own figures).
    pub note: AccentNote,
}

/// A square filled and outlined.
fn square(at: (f64, f64), side: f64, fill: RGBColor, outline: (RGBColor, u32)) -> [Mark<'static>; 2] {
    let to = (at.0 + side, at.1 + side);
    [
        Mark::Rect { x: Scale::Px, y: Scale::Px, from: at, to, fill: Fill::Solid(fill) },
        Mark::Outline { x: Scale::Px, y: Scale::Px, from: at, to, colour: outline.0, width: outline.1 },
    ]
}

impl TileMap {
    /// Every county's tile, with its name (shrunk to fit) and figure.
    fn tiles(&self, origin: (f64, f64), tile: f64, style: &Style, lang: Lang) -> Vec<Mark<'static>> {
        let px = (tile / 4.2).min(style.font_px);
        // Every figure fits its tile at one size.
        let longest = self.tiles.iter().map(|t| text_width(&t.figure, 1.0)).fold(0.0, f64::max).max(1e-9);
        let figure_px = px.min(((tile - 6.0) / longest).floor());
        let mut out = Vec::new();
        for (id, col, row) in TILES {
            let Some(t) = self.tiles.iter().find(|t| t.county == id) else { continue };
            let (x, y) = (origin.0 + f64::from(col) * (tile + GAP), origin.1 + f64::from(row) * (tile + GAP));
            let ink = text_on(t.fill);
            let outline = if t.marked { (style.ink, 3) } else { (style.muted, 1) };
            out.extend(square((x, y), tile, t.fill, outline));
            let name = id.county().short.get(lang);
            let name_px = px.min((tile - 6.0) / (text_width(name, 1.0) * 1.08)).floor();
            out.push(text(
                name,
                (x + tile / 2.0, y + tile * 0.38),
                Font { px: name_px, colour: ink, bold: true },
                Align::Middle,
                Baseline::Middle,
            ));
            out.push(text(
                t.figure.clone(),
                (x + tile / 2.0, y + tile * 0.7),
                Font { px: figure_px, colour: ink, bold: false },
                Align::Middle,
                Baseline::Middle,
            ));
        }
        out
    }

    /// Where each class's swatch goes, wrapping when the width needs: (x, row).
    fn legend_places(&self, width: u32, font: f64) -> Vec<(f64, usize)> {
        let swatch = font * 1.2;
        let (mut lx, mut row) = (MARGIN, 0);
        self.classes
            .iter()
            .map(|(_, label)| {
                let w = swatch + 6.0 + text_width(label, font * 0.9) + font;
                if lx + w > f64::from(width) - MARGIN && lx > MARGIN {
                    lx = MARGIN;
                    row += 1;
                }
                let at = (lx, row);
                lx += w;
                at
            })
            .collect()
    }

    /// The classes: a swatch and its range each.
    fn legend(&self, top: f64, width: u32, style: &Style) -> Vec<Mark<'static>> {
        let font = style.font_px;
        let swatch = font * 1.2;
        let mut out = vec![text(self.unit.clone(), (MARGIN, top), style.small(), Align::Start, Baseline::Top)];
        for ((colour, label), (lx, row)) in self.classes.iter().zip(self.legend_places(width, font)) {
            let ly = top + font * 1.6 + row as f64 * (swatch + 8.0);
            out.extend(square((lx, ly), swatch, *colour, (style.muted, 1)));
            out.push(text(label.clone(), (lx + swatch + 6.0, ly + swatch / 2.0), style.small(), Align::Start, Baseline::Middle));
        }
        out
    }

    /// The drawing at `width`: the note that it is a schematic, the tiles,
    /// the legend.
    pub fn plot(&self, width: u32, style: &Style, lang: Lang) -> Plot<'static> {
        let font = style.font_px;
        let tile = ((f64::from(width) - 2.0 * MARGIN - GAP * (COLUMNS - 1.0)) / COLUMNS).min(font * 9.0).floor();
        let grid_w = tile * COLUMNS + GAP * (COLUMNS - 1.0);
        let gx = ((f64::from(width) - grid_w) / 2.0).floor();
        let schematic =
            Text::new("示意图，非地图：方块位置大致对应各县（市）方位", "Schematic, not a map: tiles sit roughly where the counties lie");
        let schematic_lines = wrap(schematic.get(lang), (f64::from(width) - 2.0 * MARGIN) / style.px(0.9));
        let note_h = self.note.height(style);
        let gy = MARGIN + note_h + schematic_lines.len() as f64 * font * 1.3 + font * 0.4;
        let legend_top = gy + tile * ROWS + GAP * (ROWS - 1.0) + font;
        let legend_rows = self.legend_places(width, font).last().map_or(0, |p| p.1) + 1;
        let height = legend_top + font * 1.6 + legend_rows as f64 * (font * 1.2 + 8.0) + MARGIN;
        let mut plot = Plot::new(width, height as u32);
        plot.extend(self.note.marks(MARGIN, style));
        for (i, line) in schematic_lines.iter().enumerate() {
            plot.add(text(line.clone(), (MARGIN, MARGIN + note_h + i as f64 * font * 1.3), style.small(), Align::Start, Baseline::Top));
        }
        plot.extend(self.tiles((gx, gy), tile, style, lang));
        plot.extend(self.legend(legend_top, width, style));
        plot
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_county_has_one_tile_and_no_two_share_a_place() {
        for c in CountyId::all() {
            assert_eq!(TILES.iter().filter(|t| t.0 == c).count(), 1, "{c:?}");
        }
        for (i, a) in TILES.iter().enumerate() {
            for b in &TILES[i + 1..] {
                assert!((a.1, a.2) != (b.1, b.2), "{:?} and {:?} overlap", a.0, b.0);
            }
        }
    }
}
