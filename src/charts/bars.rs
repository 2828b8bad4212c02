//! Sorted horizontal bars with a label on the left and the value at the end
//! of each bar: the shape of several charts (county populations, densities).

use super::canvas::{draw_svg, Align, Baseline, Canvas, Scale};
use super::text_width;
use crate::error::Error;

/// One bar.
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    /// Drawn hatched: an estimate or a target rather than a measurement.
    pub hatched: bool,
}

/// A vertical reference line across the bars (an average, a target).
pub struct RefLine {
    pub value: f64,
    pub label: String,
}

pub struct Bars {
    pub bars: Vec<Bar>,
    /// The unit, written above the axis.
    pub unit: String,
    /// Tick labels from tick values.
    pub tick_label: fn(f64) -> String,
    pub reference: Option<RefLine>,
}

/// Draws `spec` at `width`; returns the raw SVG and its height.
pub fn draw(width: u32, style: super::Style, spec: &Bars) -> Result<(String, u32), Error> {
    let font = style.font_px;
    let row = (font * 2.0).round();
    let bar = (font * 1.3).round();
    let top = (font * 3.6).round();
    let margin = 8.0;
    let label_w = spec.bars.iter().map(|b| text_width(&b.label, font)).fold(0.0, f64::max) + 10.0;
    let value_w = spec.bars.iter().map(|b| text_width(&b.value_label, font)).fold(0.0, f64::max) + 10.0;
    let x0 = margin + label_w.ceil();
    let x1 = (f64::from(width) - margin - value_w.ceil()).max(x0 + 1.0);
    let max_value = spec.bars.iter().map(|b| b.value).fold(0.0, f64::max).max(spec.reference.as_ref().map_or(0.0, |r| r.value));
    let probe = Scale::new((0.0, max_value.max(1e-9)), (x0, x1));
    let ticks = probe.ticks(font * 4.0);
    let step = ticks.get(1).copied().unwrap_or(max_value).max(1e-9);
    let domain_max = (max_value / step).ceil() * step;
    let x = Scale::new((0.0, domain_max), (x0, x1));
    let ref_rows = if spec.reference.is_some() { 1.0 } else { 0.0 };
    let bottom = top + row * spec.bars.len() as f64;
    let height = (bottom + margin + ref_rows * row) as u32;

    let raw = draw_svg(width, height, style, |c: &Canvas| {
        c.note(&spec.unit, margin, 4.0, Align::Start, Baseline::Top)?;
        let mut v = 0.0;
        while v <= domain_max + step * 1e-9 {
            let px = x.map(v);
            c.line(&[(px, top - 6.0), (px, bottom)], style.grid, 1)?;
            let align = if v == 0.0 {
                Align::Start
            } else if v >= domain_max - step * 1e-9 {
                Align::End
            } else {
                Align::Middle
            };
            c.note(&(spec.tick_label)(v), px, top - 10.0, align, Baseline::Bottom)?;
            v += step;
        }
        // The reference line goes under the bars and their labels.
        if let Some(r) = &spec.reference {
            let px = x.map(r.value);
            c.dashed((px, top - 6.0), (px, bottom + 4.0), style.series[1], 2, 5.0)?;
            let align = if px > (x0 + x1) / 2.0 { Align::End } else { Align::Start };
            c.text(&r.label, px, bottom + 8.0, style.font_px, style.series[1], align, Baseline::Top, false)?;
        }
        for (i, b) in spec.bars.iter().enumerate() {
            let y = top + row * i as f64 + (row - bar) / 2.0;
            let cy = y + bar / 2.0;
            let x_end = x.map(b.value).max(x0 + 1.0);
            if b.hatched {
                c.hatch(x0, y, x_end, y + bar, style.series[0], 5.0)?;
            } else {
                c.rect(x0, y, x_end, y + bar, style.series[0])?;
            }
            c.label(&b.label, x0 - 8.0, cy, Align::End, Baseline::Middle)?;
            c.label(&b.value_label, x_end + 6.0, cy, Align::Start, Baseline::Middle)?;
        }
        c.line(&[(x0, top - 6.0), (x0, bottom)], style.ink, 1)?;
        Ok(())
    })?;
    Ok((raw, height))
}
