//! Numbers as the plan prints them, and the interval arithmetic that lets the
//! audit say whether a printed figure agrees with others "within the printed
//! rounding".
//!
//! A figure printed as `27.33` stands for any value in `[27.325, 27.335]`.
//! Recomputing a share from two rounded figures gives an interval too; a
//! published figure agrees with a recomputation when the two intervals meet.

use serde::Serialize;

/// A number together with the text the source printed it as.
///
/// The text carries the rounding: `95.50` has two decimals, `0` none.
/// Build one with [`num!`](crate::num!) so that value and text cannot drift.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Num {
    pub value: f64,
    pub text: &'static str,
}

/// `num!(95.50)` is `Num { value: 95.5, text: "95.50" }`.
#[macro_export]
macro_rules! num {
    ($x:literal) => {
        $crate::num::Num { value: $x as f64, text: stringify!($x) }
    };
}

impl Num {
    /// Digits printed after the decimal point.
    pub fn decimals(&self) -> u32 {
        self.text.split_once('.').map_or(0, |(_, frac)| frac.len() as u32)
    }

    /// Half a unit of the last printed digit: the largest rounding error.
    pub fn half_unit(&self) -> f64 {
        0.5 * 10f64.powi(-(self.decimals() as i32))
    }

    /// Every value that prints as this number.
    pub fn interval(&self) -> Interval {
        let h = self.half_unit();
        Interval::new(self.value - h, self.value + h)
    }
}

/// A closed interval `[lo, hi]` of real numbers.
///
/// Its arithmetic is named methods rather than `std::ops` traits: division
/// can fail (a divisor interval containing zero) and returns an `Option`,
/// and the four read alike at the call sites.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
}

#[allow(clippy::should_implement_trait)]
impl Interval {
    pub fn new(lo: f64, hi: f64) -> Self {
        if lo <= hi {
            Interval { lo, hi }
        } else {
            Interval { lo: hi, hi: lo }
        }
    }

    /// A number known exactly (a count of persons, a constant).
    pub fn exact(x: f64) -> Self {
        Interval { lo: x, hi: x }
    }

    pub fn mid(&self) -> f64 {
        (self.lo + self.hi) / 2.0
    }

    pub fn meets(&self, other: &Interval) -> bool {
        // A relative slack of 1e-9 absorbs binary floating-point error only.
        let finite = |x: f64| if x.is_finite() { x.abs() } else { 0.0 };
        let scale = [self.lo, self.hi, other.lo, other.hi].into_iter().map(finite).fold(0.0, f64::max);
        let eps = 1e-9 * (1.0 + scale);
        self.lo <= other.hi + eps && other.lo <= self.hi + eps
    }

    pub fn add(self, o: Interval) -> Interval {
        Interval::new(self.lo + o.lo, self.hi + o.hi)
    }

    pub fn sub(self, o: Interval) -> Interval {
        Interval::new(self.lo - o.hi, self.hi - o.lo)
    }

    pub fn mul(self, o: Interval) -> Interval {
        let p = [self.lo * o.lo, self.lo * o.hi, self.hi * o.lo, self.hi * o.hi];
        Interval::new(p.iter().copied().fold(f64::INFINITY, f64::min), p.iter().copied().fold(f64::NEG_INFINITY, f64::max))
    }

    /// Division by an interval that does not contain zero; `None` otherwise.
    pub fn div(self, o: Interval) -> Option<Interval> {
        if o.lo <= 0.0 && o.hi >= 0.0 {
            return None;
        }
        Some(self.mul(Interval::new(1.0 / o.hi, 1.0 / o.lo)))
    }

    pub fn scale(self, k: f64) -> Interval {
        Interval::new(self.lo * k, self.hi * k)
    }

    pub fn sum<I: IntoIterator<Item = Interval>>(items: I) -> Interval {
        items.into_iter().fold(Interval::exact(0.0), |acc, x| acc.add(x))
    }
}

/// The order that sorts `keys` from the largest to the smallest, ties in
/// their given order. One sort, not generic, serves every chart and check
/// that ranks counties: each generic use of the standard library's sort adds
/// about 3-4 kB to the wasm core.
#[inline(never)]
pub fn order_descending(keys: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
    order
}

/// The order that sorts `keys` from the smallest to the largest, ties in
/// their given order: [`order_descending`]'s of the keys negated (which
/// reverses `total_cmp`'s order exactly), so that it is the same sort.
pub fn order_ascending(keys: &[f64]) -> Vec<usize> {
    order_descending(&keys.iter().map(|k| -k).collect::<Vec<_>>())
}

/// `values` from the smallest to the largest ([`order_ascending`]).
pub fn ascending(values: &[f64]) -> Vec<f64> {
    order_ascending(values).into_iter().map(|i| values[i]).collect()
}

/// `items` from the largest `key` to the smallest, ties in their given order.
pub fn largest_first<T: Copy>(items: impl IntoIterator<Item = T>, key: impl Fn(T) -> f64) -> Vec<T> {
    let items: Vec<T> = items.into_iter().collect();
    let keys: Vec<f64> = items.iter().map(|&t| key(t)).collect();
    order_descending(&keys).into_iter().map(|i| items[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ascending_order_is_a_stable_sorts_ties_and_all() {
        let keys = [3.0, -1.0, 3.0, 0.0, -0.0, f64::INFINITY, 2.5, -1.0, 1e-300, f64::NEG_INFINITY];
        let mut want: Vec<usize> = (0..keys.len()).collect();
        want.sort_by(|&a, &b| keys[a].total_cmp(&keys[b]));
        assert_eq!(order_ascending(&keys), want);
        let mut sorted = keys.to_vec();
        sorted.sort_by(f64::total_cmp);
        assert_eq!(
            ascending(&keys).iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            sorted.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );
        assert!(order_ascending(&[]).is_empty());
    }

    #[test]
    fn text_carries_the_rounding() {
        assert_eq!(num!(95.50).decimals(), 2);
        assert_eq!(num!(95.50).text, "95.50");
        assert_eq!(num!(-0.38).value, -0.38);
        assert_eq!(num!(-0.38).text, "-0.38");
        assert_eq!(num!(0).decimals(), 0);
        assert_eq!(num!(1238659).value, 1_238_659.0);
        let i = num!(27.33).interval();
        assert!((i.lo - 27.325).abs() < 1e-12 && (i.hi - 27.335).abs() < 1e-12);
    }

    #[test]
    fn interval_arithmetic_is_conservative() {
        let a = Interval::new(1.0, 2.0);
        let b = Interval::new(-1.0, 3.0);
        assert_eq!(a.sub(b), Interval::new(-2.0, 3.0));
        assert_eq!(a.mul(b), Interval::new(-2.0, 6.0));
        assert_eq!(a.div(b), None);
        let q = a.div(Interval::new(2.0, 4.0)).unwrap();
        assert_eq!(q, Interval::new(0.25, 1.0));
        assert!(Interval::new(0.0, 1.0).meets(&Interval::new(1.0, 2.0)));
        assert!(!Interval::new(0.0, 1.0).meets(&Interval::new(1.01, 2.0)));
        // An open-ended interval must not make the tolerance infinite.
        assert!(!Interval::new(1.0, f64::INFINITY).meets(&Interval::exact(0.8)));
        assert!(Interval::new(1.0, f64::INFINITY).meets(&Interval::exact(1.3)));
    }
}
