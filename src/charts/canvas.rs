//! A thin layer over plotters' SVG backend: pixel-space drawing helpers that
//! every chart shares (text with anchors, rectangles, lines, markers, hatching),
//! and the theme each chart is drawn in.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::error::{Error, ErrorKind};
use crate::math::powf;

/// The colour scheme of the page the chart sits in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Theme> {
        [Theme::Light, Theme::Dark].into_iter().find(|t| t.slug() == slug)
    }
}

/// Colours and sizes a chart is drawn with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Base size of chart text in CSS pixels.
    pub font_px: f64,
    pub paper: RGBColor,
    pub ink: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Okabe-Ito colours, in order of use: distinguishable with every common
    /// colour-vision deficiency.
    pub series: [RGBColor; 4],
    /// Light fills for background bands.
    pub bands: [RGBColor; 2],
    /// Larger text and stronger contrast (适老化 mode).
    pub large: bool,
}

impl Style {
    pub fn new(theme: Theme, large: bool) -> Style {
        let font_px = if large { 18.0 } else { 14.0 };
        match theme {
            Theme::Light => Style {
                font_px,
                paper: RGBColor(0xFF, 0xFF, 0xFF),
                ink: if large { RGBColor(0, 0, 0) } else { RGBColor(0x1A, 0x1A, 0x1A) },
                muted: if large { RGBColor(0x33, 0x33, 0x33) } else { RGBColor(0x55, 0x55, 0x55) },
                grid: if large { RGBColor(0x8C, 0x8C, 0x8C) } else { RGBColor(0xD9, 0xD9, 0xD9) },
                series: [RGBColor(0x00, 0x72, 0xB2), RGBColor(0xD5, 0x5E, 0x00), RGBColor(0x00, 0x9E, 0x73), RGBColor(0xCC, 0x79, 0xA7)],
                bands: [RGBColor(0xF2, 0xF2, 0xF2), RGBColor(0xFF, 0xFF, 0xFF)],
                large,
            },
            Theme::Dark => Style {
                font_px,
                paper: RGBColor(0x12, 0x12, 0x12),
                ink: if large { RGBColor(0xFF, 0xFF, 0xFF) } else { RGBColor(0xF0, 0xF0, 0xF0) },
                muted: if large { RGBColor(0xDD, 0xDD, 0xDD) } else { RGBColor(0xB8, 0xB8, 0xB8) },
                grid: if large { RGBColor(0x80, 0x80, 0x80) } else { RGBColor(0x3C, 0x3C, 0x3C) },
                series: [RGBColor(0x56, 0xB4, 0xE9), RGBColor(0xE6, 0x9F, 0x00), RGBColor(0x00, 0x9E, 0x73), RGBColor(0xF0, 0xE4, 0x42)],
                bands: [RGBColor(0x22, 0x22, 0x22), RGBColor(0x12, 0x12, 0x12)],
                large,
            },
        }
    }

    /// Text size relative to the base size.
    pub fn px(&self, factor: f64) -> f64 {
        (self.font_px * factor * 10.0).round() / 10.0
    }
}

/// `#RRGGBB` of a colour, as plotters writes it.
pub fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// WCAG relative luminance.
pub fn luminance(c: RGBColor) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.03928 {
            s / 12.92
        } else {
            powf((s + 0.055) / 1.055, 2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio of two colours (1 to 21).
pub fn contrast(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Of black and white, the text colour that reads best on `fill`.
pub fn text_on(fill: RGBColor) -> RGBColor {
    if contrast(fill, RGBColor(0, 0, 0)) >= contrast(fill, RGBColor(255, 255, 255)) {
        RGBColor(0, 0, 0)
    } else {
        RGBColor(255, 255, 255)
    }
}

pub fn draw_err<E: std::fmt::Debug>(e: E) -> Error {
    let _ = e;
    ErrorKind::Chart("the SVG backend failed".into()).into()
}

/// Horizontal alignment of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Middle,
    End,
}

/// Vertical alignment of text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    Top,
    Middle,
    Bottom,
}

/// A drawing surface in CSS pixels.
pub struct Canvas<'a, 'b> {
    area: &'b DrawingArea<SVGBackend<'a>, plotters::coord::Shift>,
    pub style: Style,
}

fn p(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

impl Canvas<'_, '_> {
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &self,
        s: &str,
        x: f64,
        y: f64,
        px: f64,
        color: RGBColor,
        align: Align,
        baseline: Baseline,
        bold: bool,
    ) -> Result<(), Error> {
        let h = match align {
            Align::Start => HPos::Left,
            Align::Middle => HPos::Center,
            Align::End => HPos::Right,
        };
        let v = match baseline {
            Baseline::Top => VPos::Top,
            Baseline::Middle => VPos::Center,
            Baseline::Bottom => VPos::Bottom,
        };
        // plotters writes font-size as the style size divided by 1.24.
        let font = if bold {
            FontDesc::new(FontFamily::SansSerif, px * 1.24, FontStyle::Bold)
        } else {
            FontDesc::new(FontFamily::SansSerif, px * 1.24, FontStyle::Normal)
        };
        let style = TextStyle::from(font).color(&color).pos(Pos::new(h, v));
        self.area.draw(&Text::new(s.to_string(), p(x, y), style)).map_err(draw_err)
    }

    /// Vertical text ending just above `bottom`: Chinese as upright
    /// characters stacked top to bottom, other text turned to read upwards.
    pub fn text_up_to(&self, s: &str, x: f64, bottom: f64, px: f64, color: RGBColor) -> Result<(), Error> {
        if s.chars().any(|c| super::text_width(&c.to_string(), 1.0) >= 1.0) {
            let step = px * 1.05;
            let n = s.chars().count() as f64;
            for (i, ch) in s.chars().enumerate() {
                let y = bottom - (n - i as f64) * step + step / 2.0;
                self.text(&ch.to_string(), x, y, px, color, Align::Middle, Baseline::Middle, false)?;
            }
            return Ok(());
        }
        let font = FontDesc::new(FontFamily::SansSerif, px * 1.24, FontStyle::Normal).transform(FontTransform::Rotate270);
        let style = TextStyle::from(font).color(&color).pos(Pos::new(HPos::Left, VPos::Center));
        self.area.draw(&Text::new(s.to_string(), p(x, bottom), style)).map_err(draw_err)
    }

    /// Text at the base size in ink.
    pub fn label(&self, s: &str, x: f64, y: f64, align: Align, baseline: Baseline) -> Result<(), Error> {
        self.text(s, x, y, self.style.font_px, self.style.ink, align, baseline, false)
    }

    /// Smaller text in the muted colour (axes, notes).
    pub fn note(&self, s: &str, x: f64, y: f64, align: Align, baseline: Baseline) -> Result<(), Error> {
        self.text(s, x, y, self.style.px(0.9), self.style.muted, align, baseline, false)
    }

    pub fn rect(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor) -> Result<(), Error> {
        self.area.draw(&Rectangle::new([p(x0, y0), p(x1, y1)], color.filled())).map_err(draw_err)
    }

    pub fn outline(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, width: u32) -> Result<(), Error> {
        self.area.draw(&Rectangle::new([p(x0, y0), p(x1, y1)], color.stroke_width(width))).map_err(draw_err)
    }

    pub fn line(&self, pts: &[(f64, f64)], color: RGBColor, width: u32) -> Result<(), Error> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| p(x, y)).collect();
        self.area.draw(&PathElement::new(pts, color.stroke_width(width))).map_err(draw_err)
    }

    /// A dashed straight line: dashes of `dash` pixels with equal gaps.
    pub fn dashed(&self, from: (f64, f64), to: (f64, f64), color: RGBColor, width: u32, dash: f64) -> Result<(), Error> {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let len = (dx * dx + dy * dy).sqrt();
        if len <= 0.0 {
            return Ok(());
        }
        let mut t = 0.0;
        while t < len {
            let t1 = (t + dash).min(len);
            self.line(&[(from.0 + dx * t / len, from.1 + dy * t / len), (from.0 + dx * t1 / len, from.1 + dy * t1 / len)], color, width)?;
            t += 2.0 * dash;
        }
        Ok(())
    }

    pub fn circle(&self, x: f64, y: f64, r: f64, color: RGBColor, filled: bool) -> Result<(), Error> {
        let r = r.round().max(1.0) as u32;
        let style = if filled { color.filled() } else { color.stroke_width(2) };
        self.area.draw(&Circle::new(p(x, y), r, style)).map_err(draw_err)
    }

    pub fn polygon(&self, pts: &[(f64, f64)], color: RGBColor) -> Result<(), Error> {
        let pts: Vec<(i32, i32)> = pts.iter().map(|&(x, y)| p(x, y)).collect();
        self.area.draw(&Polygon::new(pts, color.filled())).map_err(draw_err)
    }

    /// A triangle pointing up, centred on (x, y), about as large as a circle of radius r.
    pub fn triangle(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), Error> {
        let h = r * 1.3;
        self.polygon(&[(x, y - h), (x + h, y + h * 0.75), (x - h, y + h * 0.75)], color)
    }

    /// A square centred on (x, y).
    pub fn square(&self, x: f64, y: f64, r: f64, color: RGBColor) -> Result<(), Error> {
        self.rect(x - r, y - r, x + r, y + r, color)
    }

    /// Diagonal hatching inside a rectangle, with its outline: the mark of a
    /// target or an estimate rather than a measured value.
    pub fn hatch(&self, x0: f64, y0: f64, x1: f64, y1: f64, color: RGBColor, spacing: f64) -> Result<(), Error> {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1));
        let (w, h) = (x1 - x0, y1 - y0);
        // Lines x - y = c (45°), clipped to the rectangle.
        let mut c = -h + spacing / 2.0;
        while c < w {
            let (ax, ay) = if c >= 0.0 { (x0 + c, y1) } else { (x0, y1 + c) };
            let run = (w - c.max(0.0)).min(if c >= 0.0 { h } else { h + c });
            self.line(&[(ax, ay), (ax + run, ay - run)], color, 1)?;
            c += spacing;
        }
        self.outline(x0, y0, x1, y1, color, 1)
    }
}

/// Draws a `width` × `height` SVG with `f`, on the style's paper.
pub fn draw_svg(width: u32, height: u32, style: Style, f: impl FnOnce(&Canvas) -> Result<(), Error>) -> Result<String, Error> {
    let mut raw = String::new();
    {
        let root = SVGBackend::with_string(&mut raw, (width, height)).into_drawing_area();
        root.fill(&style.paper).map_err(draw_err)?;
        let canvas = Canvas { area: &root, style };
        f(&canvas)?;
        root.present().map_err(draw_err)?;
    }
    Ok(raw)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_theme_keeps_text_contrast_at_least_4_5() {
        for theme in [Theme::Light, Theme::Dark] {
            for large in [false, true] {
                let s = Style::new(theme, large);
                assert!(contrast(s.ink, s.paper) >= 7.0, "{theme:?} {large}");
                assert!(contrast(s.muted, s.paper) >= 4.5, "{theme:?} {large}: muted");
                for c in s.series {
                    // Marks (not text) need 3:1 against the background.
                    assert!(contrast(c, s.paper) >= 3.0, "{theme:?}: {}", hex(c));
                }
            }
        }
    }

    #[test]
    fn picks_readable_text_on_fills() {
        assert_eq!(text_on(RGBColor(0x08, 0x51, 0x9C)), RGBColor(255, 255, 255));
        assert_eq!(text_on(RGBColor(0xEF, 0xF3, 0xFF)), RGBColor(0, 0, 0));
    }
}

/// The key a legend entry shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    Swatch(RGBColor),
    Hatch(RGBColor),
    Dot(RGBColor),
    Ring(RGBColor),
    Triangle(RGBColor),
    Square(RGBColor),
}

/// A legend that wraps onto as many lines as the width needs.
#[derive(Clone, Debug)]
pub struct Legend<'l> {
    pub entries: Vec<(Key, &'l str)>,
}

impl Legend<'_> {
    /// Where each entry goes: (x, line), starting at `x0`, wrapping before `x1`.
    fn layout(&self, x0: f64, x1: f64, font: f64) -> Vec<(f64, usize)> {
        let mut out = Vec::new();
        let (mut x, mut line) = (x0, 0);
        for (_, label) in &self.entries {
            let w = font * 1.5 + super::text_width(label, font);
            if x > x0 && x + w > x1 {
                x = x0;
                line += 1;
            }
            out.push((x, line));
            x += w + font;
        }
        out
    }

    /// The height the legend takes, spacing included.
    pub fn height(&self, x0: f64, x1: f64, font: f64) -> f64 {
        let lines = self.layout(x0, x1, font).last().map_or(0, |l| l.1 + 1);
        lines as f64 * font * 1.6
    }

    pub fn draw(&self, c: &Canvas, x0: f64, x1: f64, y0: f64) -> Result<(), Error> {
        let font = c.style.font_px;
        for ((mark, label), (x, line)) in self.entries.iter().zip(self.layout(x0, x1, font)) {
            let cy = y0 + line as f64 * font * 1.6 + font / 2.0;
            let (a, b) = (x, x + font);
            match *mark {
                Key::Swatch(col) => c.rect(a, cy - font / 2.0, b, cy + font / 2.0, col)?,
                Key::Hatch(col) => c.hatch(a, cy - font / 2.0, b, cy + font / 2.0, col, 4.0)?,
                Key::Dot(col) => c.circle(a + font / 2.0, cy, font * 0.4, col, true)?,
                Key::Ring(col) => c.circle(a + font / 2.0, cy, font * 0.35, col, false)?,
                Key::Triangle(col) => c.triangle(a + font / 2.0, cy, font * 0.38, col)?,
                Key::Square(col) => c.square(a + font / 2.0, cy, font * 0.32, col)?,
            }
            c.label(label, x + font * 1.5, cy, Align::Start, Baseline::Middle)?;
        }
        Ok(())
    }
}
