//! Marks: what a chart draws, each its data on its scales. A chart is a
//! list of marks, drawn in order (later marks over earlier ones) through
//! plotters' SVG backend ([`Canvas`]).

use plotters::style::RGBColor;

use super::scale::{Band, Linear, Scale};
use crate::charts::canvas::{Align, Baseline, Canvas, Legend};
use crate::error::Error;

/// How a shape is filled: solid, or hatched (an estimate or a target
/// rather than a measurement).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Fill {
    Solid(RGBColor),
    Hatched { colour: RGBColor, spacing: f64 },
}

/// Which way bars run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orient {
    /// Along x, one band a row.
    Horizontal,
    /// Along y, one band a column.
    Vertical,
}

/// One bar: its band, where it starts and ends on the value scale.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bar {
    pub band: usize,
    pub from: f64,
    pub to: f64,
    pub fill: Fill,
}

/// A point's symbol, so that colour is never the only thing telling
/// series apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Symbol {
    Dot,
    Ring,
    Triangle,
    Square,
}

/// How text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Font {
    pub px: f64,
    pub colour: RGBColor,
    pub bold: bool,
}

/// A text, at a point of its scales moved by `dx`, `dy` pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub at: (f64, f64),
    pub offset: (f64, f64),
    pub font: Font,
    pub align: Align,
    pub baseline: Baseline,
}

impl Label {
    /// A text at a point of its scales, not moved.
    pub fn new(text: impl Into<String>, at: (f64, f64), font: Font, align: Align, baseline: Baseline) -> Label {
        Label { text: text.into(), at, offset: (0.0, 0.0), font, align, baseline }
    }

    /// Moved by `offset` pixels.
    pub fn moved(self, offset: (f64, f64)) -> Label {
        Label { offset, ..self }
    }
}

#[derive(Clone, Debug)]
pub enum Mark<'a> {
    /// Bars on a band scale; `min_px`: the shortest a bar is drawn, so that
    /// a tiny value still shows.
    Bars {
        value: Linear,
        band: Band,
        orient: Orient,
        bars: Vec<Bar>,
        min_px: f64,
    },
    /// A rectangle's outline.
    Outline {
        x: Scale,
        y: Scale,
        from: (f64, f64),
        to: (f64, f64),
        colour: RGBColor,
        width: u32,
    },
    /// A rectangle between two points of its scales (a shaded row, a tile).
    Rect {
        x: Scale,
        y: Scale,
        from: (f64, f64),
        to: (f64, f64),
        fill: Fill,
    },
    Line {
        x: Scale,
        y: Scale,
        points: Vec<(f64, f64)>,
        colour: RGBColor,
        width: u32,
    },
    /// A straight dashed line, dashes `dash` pixels long.
    Dashed {
        x: Scale,
        y: Scale,
        from: (f64, f64),
        to: (f64, f64),
        colour: RGBColor,
        width: u32,
        dash: f64,
    },
    /// A filled polygon (a fan's band, the pyramid's steps).
    Area {
        x: Scale,
        y: Scale,
        points: Vec<(f64, f64)>,
        fill: RGBColor,
    },
    Dots {
        x: Scale,
        y: Scale,
        points: Vec<(f64, f64)>,
        symbol: Symbol,
        r: f64,
        colour: RGBColor,
    },
    Text {
        x: Scale,
        y: Scale,
        labels: Vec<Label>,
    },
    /// Text read upwards, ending just above `bottom` (Chinese as upright characters stacked).
    UpText {
        text: String,
        x: f64,
        bottom: f64,
        font: Font,
    },
    Legend {
        legend: Legend<'a>,
        x0: f64,
        x1: f64,
        y0: f64,
    },
}

impl Mark<'_> {
    /// One bar on a band scale.
    pub fn bar(value: Linear, band: Band, orient: Orient, bar: Bar, min_px: f64) -> Mark<'static> {
        Mark::Bars { value, band, orient, bars: vec![bar], min_px }
    }
}

fn map(x: &Scale, y: &Scale, p: (f64, f64)) -> (f64, f64) {
    (x.map(p.0), y.map(p.1))
}

fn fill_rect(c: &Canvas, (x0, y0): (f64, f64), (x1, y1): (f64, f64), fill: Fill) -> Result<(), Error> {
    match fill {
        Fill::Solid(colour) => c.rect(x0, y0, x1, y1, colour),
        Fill::Hatched { colour, spacing } => c.hatch(x0, y0, x1, y1, colour, spacing),
    }
}

fn symbol(c: &Canvas, s: Symbol, (x, y): (f64, f64), r: f64, colour: RGBColor) -> Result<(), Error> {
    match s {
        Symbol::Dot => c.circle(x, y, r, colour, true),
        Symbol::Ring => c.circle(x, y, r, colour, false),
        Symbol::Triangle => c.triangle(x, y, r, colour),
        Symbol::Square => c.square(x, y, r, colour),
    }
}

impl Mark<'_> {
    pub fn draw(&self, c: &Canvas) -> Result<(), Error> {
        match self {
            Mark::Bars { value, band, orient, bars, min_px } => {
                for b in bars {
                    let (lo, hi) = (band.inner_at(b.band), band.inner_at(b.band) + band.inner);
                    let from = value.map(b.from);
                    let mut to = value.map(b.to);
                    if (to - from).abs() < *min_px {
                        to = if to >= from { from + min_px } else { from - min_px };
                    }
                    match orient {
                        Orient::Horizontal => fill_rect(c, (from, lo), (to, hi), b.fill)?,
                        Orient::Vertical => fill_rect(c, (lo, to), (hi, from), b.fill)?,
                    }
                }
                Ok(())
            }
            Mark::Rect { x, y, from, to, fill } => fill_rect(c, map(x, y, *from), map(x, y, *to), *fill),
            Mark::Outline { x, y, from, to, colour, width } => {
                let ((x0, y0), (x1, y1)) = (map(x, y, *from), map(x, y, *to));
                c.outline(x0, y0, x1, y1, *colour, *width)
            }
            Mark::Line { x, y, points, colour, width } => {
                let pts: Vec<(f64, f64)> = points.iter().map(|p| map(x, y, *p)).collect();
                c.line(&pts, *colour, *width)
            }
            Mark::Dashed { x, y, from, to, colour, width, dash } => c.dashed(map(x, y, *from), map(x, y, *to), *colour, *width, *dash),
            Mark::Area { x, y, points, fill } => {
                let pts: Vec<(f64, f64)> = points.iter().map(|p| map(x, y, *p)).collect();
                c.polygon(&pts, *fill)
            }
            Mark::Dots { x, y, points, symbol: s, r, colour } => points.iter().try_for_each(|p| symbol(c, *s, map(x, y, *p), *r, *colour)),
            Mark::Text { x, y, labels } => labels.iter().try_for_each(|l| {
                let (px, py) = map(x, y, l.at);
                c.text(&l.text, px + l.offset.0, py + l.offset.1, l.font.px, l.font.colour, l.align, l.baseline, l.font.bold)
            }),
            Mark::UpText { text, x, bottom, font } => c.text_up_to(text, *x, *bottom, font.px, font.colour),
            Mark::Legend { legend, x0, x1, y0 } => legend.draw(c, *x0, *x1, *y0),
        }
    }
}
