//! Scales: where a value of the data goes on the drawing. A [`Linear`]
//! scale maps a domain of numbers to a range of pixels and gives round
//! ticks; [`Linear::nice`] derives the domain from the data, so that no
//! chart types its axis ends by hand. A [`Band`] scale gives each row (or
//! column) of a chart its own band. [`Scale`] is either, or pixels as they
//! are, for what a chart places itself.

use crate::math::{log10, powf};

/// A linear map from a data domain to a pixel range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Linear {
    pub d0: f64,
    pub d1: f64,
    pub r0: f64,
    pub r1: f64,
}

/// A round step near `raw`: 1, 2, 2.5 or 5 times a power of ten.
fn round_step(raw: f64) -> f64 {
    let mag = powf(10.0, log10(raw).floor());
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

impl Linear {
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        Linear { d0: domain.0, d1: domain.1, r0: range.0, r1: range.1 }
    }

    /// The domain of `values` widened to round numbers, with ticks at least
    /// `min_gap_px` apart on `range`; `zero`: the domain includes zero.
    pub fn nice(values: impl IntoIterator<Item = f64>, zero: bool, range: (f64, f64), min_gap_px: f64) -> Linear {
        let (mut lo, mut hi) = extent(values);
        if zero {
            lo = lo.min(0.0);
            hi = hi.max(0.0);
        }
        if hi <= lo {
            (lo, hi) = (lo - 0.5, hi + 0.5);
        }
        let ticks = ((range.1 - range.0).abs() / min_gap_px).floor().max(1.0);
        let step = round_step((hi - lo) / ticks);
        // (A whole of 99.99999999999999 is a whole of 100.)
        Linear::new((((lo / step) + 1e-9).floor() * step, ((hi / step) - 1e-9).ceil() * step), range)
    }

    pub fn map(&self, v: f64) -> f64 {
        if self.d1 == self.d0 {
            return self.r0;
        }
        self.r0 + (v - self.d0) / (self.d1 - self.d0) * (self.r1 - self.r0)
    }

    /// Round tick values in the domain, at least `min_gap_px` apart.
    pub fn ticks(&self, min_gap_px: f64) -> Vec<f64> {
        let span = (self.d1 - self.d0).abs();
        let px = (self.r1 - self.r0).abs();
        if span <= 0.0 || px <= 0.0 {
            return vec![self.d0];
        }
        let step = round_step(span / (px / min_gap_px).floor().max(1.0));
        let (lo, hi) = (self.d0.min(self.d1), self.d0.max(self.d1));
        let mut v = (lo / step).ceil() * step;
        let mut out = Vec::new();
        while v <= hi + step * 1e-9 {
            out.push(if v.abs() < step * 1e-9 { 0.0 } else { v });
            v += step;
        }
        out
    }

    /// The step between ticks (1 where there is one tick).
    pub fn tick_step(ticks: &[f64]) -> f64 {
        if ticks.len() > 1 {
            ticks[1] - ticks[0]
        } else {
            1.0
        }
    }

    /// The decimals a tick label needs at `step`.
    pub fn decimals(step: f64) -> usize {
        if step >= 1.0 {
            0
        } else if step >= 0.1 {
            1
        } else {
            2
        }
    }
}

/// The smallest and largest finite values (0, 0 when there are none).
pub fn extent(values: impl IntoIterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) = values.into_iter().filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    if lo.is_finite() {
        (lo, hi)
    } else {
        (0.0, 0.0)
    }
}

/// `max` rounded up to a multiple of a round step, for the end of an axis.
pub fn nice_max(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let mag = powf(10.0, log10(max).floor());
    [1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= max).unwrap_or(10.0 * mag)
}

/// Rows (or columns) of equal height: band `i` runs from `start + step·i`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    pub start: f64,
    pub step: f64,
    /// The height of what a band holds (a bar).
    pub inner: f64,
    /// Where in the band what it holds starts.
    pub offset: f64,
}

impl Band {
    /// Bands whose bars are centred in them.
    pub fn new(start: f64, step: f64, inner: f64) -> Band {
        Band { start, step, inner, offset: (step - inner) / 2.0 }
    }

    /// Bands whose bars sit at their top (room for labels under them).
    pub fn top(start: f64, step: f64, inner: f64) -> Band {
        Band { start, step, inner, offset: 0.0 }
    }

    /// Where band `i` starts.
    pub fn at(&self, i: usize) -> f64 {
        self.start + self.step * i as f64
    }

    /// Where what band `i` holds starts.
    pub fn inner_at(&self, i: usize) -> f64 {
        self.at(i) + self.offset
    }

    pub fn centre(&self, i: usize) -> f64 {
        self.inner_at(i) + self.inner / 2.0
    }

    /// Where `n` bands end.
    pub fn end(&self, n: usize) -> f64 {
        self.at(n)
    }
}

/// How a mark's values become pixels along one direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scale {
    /// The values are pixels.
    Px,
    Linear(Linear),
    /// The values are band numbers; they go to the band's centre.
    Band(Band),
}

impl Scale {
    pub fn map(&self, v: f64) -> f64 {
        match self {
            Scale::Px => v,
            Scale::Linear(l) => l.map(v),
            Scale::Band(b) => b.centre(v as usize),
        }
    }
}

impl From<Linear> for Scale {
    fn from(l: Linear) -> Scale {
        Scale::Linear(l)
    }
}

impl From<Band> for Scale {
    fn from(b: Band) -> Scale {
        Scale::Band(b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scales_map_and_tick() {
        let s = Linear::new((0.0, 100.0), (50.0, 550.0));
        assert_eq!(s.map(50.0), 300.0);
        assert_eq!(s.ticks(100.0), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(Linear::new((0.0, 10.0), (0.0, 100.0)).ticks(40.0), vec![0.0, 5.0, 10.0]);
        assert_eq!(nice_max(95.5), 100.0);
        assert_eq!(nice_max(6.43), 8.0);
        assert_eq!(nice_max(0.0), 1.0);
    }

    #[test]
    fn nice_domains_come_from_the_data() {
        let s = Linear::nice([5.78, 10.85], false, (0.0, 300.0), 40.0);
        assert_eq!((s.d0, s.d1), (5.0, 11.0));
        let s = Linear::nice([3.2, 4.8], true, (0.0, 300.0), 60.0);
        assert_eq!((s.d0, s.d1), (0.0, 5.0));
        let s = Linear::nice([f64::NAN], true, (0.0, 100.0), 50.0);
        assert!(s.d1 > s.d0);
    }

    #[test]
    fn bands_centre_what_they_hold() {
        let b = Band::new(10.0, 20.0, 12.0);
        assert_eq!((b.at(1), b.inner_at(1), b.centre(1), b.end(3)), (30.0, 34.0, 40.0, 70.0));
        assert_eq!(Scale::Band(b).map(1.0), 40.0);
    }
}
