//! Net migration by age from a yearly total and a model age schedule
//! (Rogers & Castro 1981): a childhood curve, a labour-force peak and a
//! constant, m(x) = a1·e^(−α1·x) + a2·e^(−α2(x−μ2) − e^(−λ2(x−μ2))) + c.

use crate::math::exp;

/// The parameters of a Rogers-Castro schedule without a retirement peak.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RogersCastro {
    pub a1: f64,
    pub alpha1: f64,
    pub a2: f64,
    pub alpha2: f64,
    pub mu2: f64,
    pub lambda2: f64,
    pub c: f64,
}

/// Close to the mean parameters of the schedules Rogers & Castro (1981)
/// fitted: a labour-force peak in the early twenties, children moving with
/// their parents, a small constant.
pub const STANDARD: RogersCastro = RogersCastro { a1: 0.02, alpha1: 0.1, a2: 0.06, alpha2: 0.1, mu2: 20.0, lambda2: 0.4, c: 0.003 };

impl RogersCastro {
    pub fn rate(&self, x: f64) -> f64 {
        let d = x - self.mu2;
        self.a1 * exp(-self.alpha1 * x) + self.a2 * exp(-self.alpha2 * d - exp(-self.lambda2 * d)) + self.c
    }

    /// Shares by single year of age 0..`ages` (summing to 1), at mid-years.
    pub fn shares(&self, ages: usize) -> Vec<f64> {
        let raw: Vec<f64> = (0..ages).map(|x| self.rate(x as f64 + 0.5)).collect();
        let total: f64 = raw.iter().sum();
        raw.iter().map(|r| r / total).collect()
    }

    /// A yearly net total spread over single years of age.
    pub fn distribute(&self, total: f64, ages: usize) -> Vec<f64> {
        self.shares(ages).iter().map(|s| s * total).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_total_and_peaks_among_young_adults() {
        let v = STANDARD.distribute(-12_000.0, 101);
        assert!((v.iter().sum::<f64>() + 12_000.0).abs() < 1e-6);
        let s = STANDARD.shares(101);
        let peak = s.iter().enumerate().skip(10).max_by(|a, b| a.1.total_cmp(b.1)).unwrap().0;
        assert!((18..=26).contains(&peak), "peak at {peak}");
        assert!(s[0] > s[10], "children move with their parents");
    }
}
