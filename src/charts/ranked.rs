//! Ranked bars: sorted horizontal bars, a label on the left and the value
//! at the end of each, an axis of round ticks from the data and an optional
//! reference line (an average, a target). The shape of several charts of
//! the plan (county populations, densities).

use super::canvas::{Align, Baseline, Style};
use super::grammar::{line, text, Band, Bar, Fill, Label, Linear, Mark, Orient, Plot, Scale};
use super::{text_width, AccentNote};

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
    /// Over the drawing, in the accent colour (none for the plan's own figures).
    pub note: AccentNote,
}

const MARGIN: f64 = 8.0;

impl RankedBars {
    /// The axis: a tick at every multiple of the round step from the
    /// start of the data (zero, or the most negative bar) to its end, with
    /// its grid line; a label at either end of the axis keeps inside it.
    fn axis(&self, x: &Linear, step: f64, top: f64, bottom: f64, style: &Style) -> Vec<Mark<'static>> {
        let mut out = Vec::new();
        let mut k = (x.d0 / step - 1e-9).ceil();
        while k * step <= x.d1 + step * 1e-9 {
            let v = if k == 0.0 { 0.0 } else { k * step };
            let px = x.map(v);
            out.push(line(vec![(px, top - 6.0), (px, bottom)], style.grid, 1));
            let align = if (px - x.r0).abs() < 1.0 {
                Align::Start
            } else if (x.r1 - px).abs() < 1.0 {
                Align::End
            } else {
                Align::Middle
            };
            out.push(text((self.tick_label)(v), (px, top - 10.0), style.small(), align, Baseline::Bottom));
            k += 1.0;
        }
        out
    }

    /// The reference line goes under the bars and their labels.
    fn reference(&self, x: &Linear, top: f64, bottom: f64, width: u32, style: &Style) -> Vec<Mark<'static>> {
        let Some(r) = &self.reference else { return Vec::new() };
        let px = x.map(r.value);
        // Its label beside the line on the side with room (the right in the
        // left half), or under it, kept inside the chart.
        let w = text_width(&r.label, style.font_px);
        let (left, right) = (px - MARGIN >= w, f64::from(width) - MARGIN - px >= w);
        let (at, align) = match (px > (x.r0 + x.r1) / 2.0, left, right) {
            (true, true, _) | (false, true, false) => (px, Align::End),
            (_, _, true) => (px, Align::Start),
            _ => ((px - w / 2.0).clamp(MARGIN, (f64::from(width) - MARGIN - w).max(MARGIN)), Align::Start),
        };
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
            text(r.label.clone(), (at, bottom + 8.0), font, align, Baseline::Top),
        ]
    }

    /// The drawing at `width`.
    pub fn plot(&self, width: u32, style: &Style) -> Plot<'static> {
        let font = style.font_px;
        let (row, bar) = ((font * 2.0).round(), (font * 1.3).round());
        let note_h = self.note.height(style);
        let top = (font * 3.6).round() + note_h;
        let label_w = self.bars.iter().map(|b| text_width(&b.label, font)).fold(0.0, f64::max) + 10.0;
        let value_w = self.bars.iter().map(|b| text_width(&b.value_label, font)).fold(0.0, f64::max) + 10.0;
        let max_value = self.bars.iter().map(|b| b.value).fold(0.0, f64::max).max(self.reference.as_ref().map_or(0.0, |r| r.value));
        let min_value = self.bars.iter().map(|b| b.value).fold(0.0, f64::min).min(self.reference.as_ref().map_or(0.0, |r| r.value));
        // Negative bars run left of zero, their values at their ends.
        let left_values =
            self.bars.iter().filter(|b| b.value < 0.0).map(|b| text_width(&b.value_label, font) + 10.0).fold(0.0, f64::max).ceil();
        let x0 = MARGIN + label_w.ceil() + left_values;
        let x1 = (f64::from(width) - MARGIN - value_w.ceil()).max(x0 + 1.0);
        // The axis ends at the first round ticks past the data.
        let span = (max_value - min_value).max(1e-9);
        // (Where the width has room for one tick only, the step is the round number past the data.)
        // Ticks far enough apart for their labels ("−60,000" is wider than "40").
        let tick_w = [min_value, max_value].iter().map(|v| text_width(&(self.tick_label)(*v), style.px(0.9))).fold(0.0, f64::max);
        let step = Linear::new((0.0, span), (x0, x1))
            .ticks((font * 4.0).max(tick_w + font))
            .get(1)
            .copied()
            .unwrap_or_else(|| super::grammar::nice_max(span))
            .max(1e-9);
        // A decline smaller than a step is drawn to its own length, not to the next round step.
        let start = if -min_value < step { min_value } else { (min_value / step).floor() * step };
        let x = Linear::new((start, (max_value / step).ceil() * step), (x0, x1));
        let zero = x.map(0.0);
        let band = Band::new(top, row, bar);
        let bottom = band.end(self.bars.len());
        let ref_rows = if self.reference.is_some() { 1.0 } else { 0.0 };
        let mut plot = Plot::new(width, (bottom + MARGIN + ref_rows * row) as u32);
        plot.extend(self.note.marks(4.0, style));
        plot.add(text(self.unit.clone(), (MARGIN, 4.0 + note_h), style.small(), Align::Start, Baseline::Top));
        plot.extend(self.axis(&x, step, top, bottom, style));
        plot.extend(self.reference(&x, top, bottom, width, style));
        for (i, b) in self.bars.iter().enumerate() {
            let fill = if b.hatched { Fill::Hatched { colour: style.series[0], spacing: 5.0 } } else { Fill::Solid(style.series[0]) };
            let (from, to) = if b.value < 0.0 { (b.value, 0.0) } else { (0.0, b.value) };
            plot.add(Mark::bar(x, band, Orient::Horizontal, Bar { band: i, from, to, fill }, 1.0));
            let label = |s: &str, at: f64, align| Label::new(s.to_string(), (at, i as f64), style.body(), align, Baseline::Middle);
            let value = if b.value < 0.0 {
                label(&b.value_label, x.map(b.value).min(zero - 1.0) - 6.0, Align::End)
            } else {
                label(&b.value_label, x.map(b.value).max(zero + 1.0) + 6.0, Align::Start)
            };
            plot.add(Mark::Text {
                x: Scale::Px,
                y: Scale::Band(band),
                labels: vec![label(&b.label, MARGIN + label_w.ceil() - 8.0, Align::End), value],
            });
        }
        plot.add(line(vec![(zero, top - 6.0), (zero, bottom)], style.ink, 1));
        plot
    }
}
