//! A small grammar of charts, in the spirit of Observable Plot and of
//! plotters' split between coordinates and series: [`scale`]s say where a
//! value goes, [`mark`]s say what is drawn of the data on them, and a
//! [`Plot`] is the marks of one drawing, in order. A chart module declares
//! its data, scales, marks and texts; [`crate::charts::finish`] does what
//! every chart shares (title, description, sources, notes, data table).

pub mod mark;
pub mod scale;

pub use mark::{Bar, Fill, Font, Label, Mark, Orient, Symbol};
pub use scale::{extent, nice_max, Band, Linear, Scale};

use super::canvas::{draw_svg, Align, Baseline, Style};
use crate::error::Error;
use plotters::style::RGBColor;

/// One drawing: its size in CSS pixels and its marks, drawn in order.
pub struct Plot<'a> {
    pub width: u32,
    pub height: u32,
    pub marks: Vec<Mark<'a>>,
}

impl<'a> Plot<'a> {
    pub fn new(width: u32, height: u32) -> Plot<'a> {
        Plot { width, height, marks: Vec::new() }
    }

    pub fn add(&mut self, mark: Mark<'a>) -> &mut Self {
        self.marks.push(mark);
        self
    }

    pub fn extend(&mut self, marks: impl IntoIterator<Item = Mark<'a>>) -> &mut Self {
        self.marks.extend(marks);
        self
    }

    /// The raw SVG of plotters' backend, on the style's paper.
    pub fn svg(&self, style: Style) -> Result<String, Error> {
        draw_svg(self.width, self.height, style, |c| self.marks.iter().try_for_each(|m| m.draw(c)))
    }
}

impl Style {
    /// Text at the base size in ink.
    pub fn body(&self) -> Font {
        Font { px: self.font_px, colour: self.ink, bold: false }
    }

    /// Smaller text in the muted colour (axes, notes).
    pub fn small(&self) -> Font {
        Font { px: self.px(0.9), colour: self.muted, bold: false }
    }
}

/// Text placed in pixels.
pub fn text(s: impl Into<String>, at: (f64, f64), font: Font, align: Align, baseline: Baseline) -> Mark<'static> {
    Mark::Text { x: Scale::Px, y: Scale::Px, labels: vec![Label::new(s, at, font, align, baseline)] }
}

/// A line through pixel points.
pub fn line(points: Vec<(f64, f64)>, colour: RGBColor, width: u32) -> Mark<'static> {
    Mark::Line { x: Scale::Px, y: Scale::Px, points, colour, width }
}

/// A y axis: a rule across `x` at each tick (at zero in `zero`, so that the
/// baseline stands out where it should) and its label left of `x.0`.
pub fn y_axis(
    y: &Linear,
    ticks: &[f64],
    x: (f64, f64),
    label: impl Fn(f64) -> String,
    style: &Style,
    zero: RGBColor,
) -> Vec<Mark<'static>> {
    ticks
        .iter()
        .flat_map(|&t| {
            let colour = if t == 0.0 { zero } else { style.grid };
            [
                line(vec![(x.0, y.map(t)), (x.1, y.map(t))], colour, 1),
                text(label(t), (x.0 - 6.0, y.map(t)), style.small(), Align::End, Baseline::Middle),
            ]
        })
        .collect()
}
