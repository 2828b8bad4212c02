//! Ranked bars: sorted horizontal bars, a label on the left and the value
//! at the end of each, an axis of round ticks from the data and an optional
//! reference line (an average, a target). The shape of several charts of
//! the plan (county populations, densities).

use super::canvas::{Align, Baseline, Style};
use super::grammar::{line, text, Band, Bar, Fill, Label, Linear, Mark, Orient, Plot, Scale};
use super::text_width;

/// One bar.
pub struct Ranked {
    pub label: String,
    pub value: f64,
    pub value_label: String,
    /// Drawn hatched: an estimate or a target rather than a measurement.
    pub hatched: bool,
}

/// A vertical reference line across the bars.
pub struct RefLine {
    pub value: f64,
    pub label: String,
}

pub struct RankedBars {
    pub bars: Vec<Ranked>,
    /// The unit, written above the axis.
    pub unit: String,
    /// Tick labels from tick values.
    pub tick_label: fn(f64) -> String,
    pub reference: Option<RefLine>,
}

const MARGIN: f64 = 8.0;

impl RankedBars {
    /// The axis: a tick every round step from zero to the end of the data,
    /// with its grid line; the first label starts at the axis, the last ends
    /// at the end.
    fn axis(&self, x: &Linear, step: f64, top: f64, bottom: f64, style: &Style) -> Vec<Mark<'static>> {
        let mut out = Vec::new();
        let mut v = 0.0;
        while v <= x.d1 + step * 1e-9 {
            let px = x.map(v);
            out.push(line(vec![(px, top - 6.0), (px, bottom)], style.grid, 1));
            let align = if v == 0.0 {
                Align::Start
            } else if v >= x.d1 - step * 1e-9 {
                Align::End
            } else {
                Align::Middle
            };
            out.push(text((self.tick_label)(v), (px, top - 10.0), style.small(), align, Baseline::Bottom));
            v += step;
        }
        out
    }

    /// The reference line goes under the bars and their labels.
    fn reference(&self, x: &Linear, top: f64, bottom: f64, style: &Style) -> Vec<Mark<'static>> {
        let Some(r) = &self.reference else { return Vec::new() };
        let px = x.map(r.value);
        let align = if px > (x.r0 + x.r1) / 2.0 { Align::End } else { Align::Start };
        let font = super::grammar::Font { px: style.font_px, colour: style.series[1], bold: false };
        vec![
            Mark::Dashed {
                x: Scale::Px,
                y: Scale::Px,
                from: (px, top - 6.0),
                to: (px, bottom + 4.0),
                colour: style.series[1],
                width: 2,
                dash: 5.0,
            },
            text(r.label.clone(), (px, bottom + 8.0), font, align, Baseline::Top),
        ]
    }

    /// The drawing at `width`.
    pub fn plot(&self, width: u32, style: &Style) -> Plot<'static> {
        let font = style.font_px;
        let (row, bar) = ((font * 2.0).round(), (font * 1.3).round());
        let top = (font * 3.6).round();
        let label_w = self.bars.iter().map(|b| text_width(&b.label, font)).fold(0.0, f64::max) + 10.0;
        let value_w = self.bars.iter().map(|b| text_width(&b.value_label, font)).fold(0.0, f64::max) + 10.0;
        let x0 = MARGIN + label_w.ceil();
        let x1 = (f64::from(width) - MARGIN - value_w.ceil()).max(x0 + 1.0);
        // The axis ends at the first round tick past the data.
        let max_value = self.bars.iter().map(|b| b.value).fold(0.0, f64::max).max(self.reference.as_ref().map_or(0.0, |r| r.value));
        let step = Linear::new((0.0, max_value.max(1e-9)), (x0, x1)).ticks(font * 4.0).get(1).copied().unwrap_or(max_value).max(1e-9);
        let x = Linear::new((0.0, (max_value / step).ceil() * step), (x0, x1));
        let band = Band::new(top, row, bar);
        let bottom = band.end(self.bars.len());
        let ref_rows = if self.reference.is_some() { 1.0 } else { 0.0 };
        let mut plot = Plot::new(width, (bottom + MARGIN + ref_rows * row) as u32);
        plot.add(text(self.unit.clone(), (MARGIN, 4.0), style.small(), Align::Start, Baseline::Top));
        plot.extend(self.axis(&x, step, top, bottom, style));
        plot.extend(self.reference(&x, top, bottom, style));
        let ends: Vec<f64> = self.bars.iter().map(|b| x.map(b.value).max(x0 + 1.0)).collect();
        for (i, b) in self.bars.iter().enumerate() {
            let fill = if b.hatched { Fill::Hatched { colour: style.series[0], spacing: 5.0 } } else { Fill::Solid(style.series[0]) };
            plot.add(Mark::bar(x, band, Orient::Horizontal, Bar { band: i, from: 0.0, to: b.value, fill }, 1.0));
            let label = |s: &str, at: f64, align| Label::new(s.to_string(), (at, i as f64), style.body(), align, Baseline::Middle);
            plot.add(Mark::Text {
                x: Scale::Px,
                y: Scale::Band(band),
                labels: vec![label(&b.label, x0 - 8.0, Align::End), label(&b.value_label, ends[i] + 6.0, Align::Start)],
            });
        }
        plot.add(line(vec![(x0, top - 6.0), (x0, bottom)], style.ink, 1));
        plot
    }
}
